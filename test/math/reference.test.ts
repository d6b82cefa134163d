/**
 * Table-driven check of every `special` case in test/fixtures/reference.json
 * (mpmath, 50 digits, rounded to double), plus the Gamma/Normal cdf-type and
 * quantile cases of the `distribution` family expressed through the special
 * functions. Tolerance: |got − want| ≤ 1e-300 + RTOL·max(1, cond)·|want|.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  digamma,
  erf,
  erfc,
  erfcinv,
  erfinv,
  gammaP,
  gammaPInv,
  gammaQ,
  gammaQInv,
  lgamma,
  logGammaP,
  logGammaQ,
  normalCdf,
  normalLogCdf,
  normalQuantile,
} from '../../src/math';
import { expm1, log1p, normalQuantileUpper } from '../helpers/math-extras';

const RTOL = 1e-12;
const ATOL = 1e-300;

type Num = number | string;
interface Case {
  id: string;
  family: string;
  fn: string;
  args?: Num[];
  dist?: string;
  params?: Record<string, number>;
  x?: Num;
  p?: Num;
  expected: Num;
  exact?: string;
  cond?: number;
  tags?: string[];
}

const ref = JSON.parse(
  readFileSync(new URL('../fixtures/reference.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

function num(v: Num): number {
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === 'nan') return NaN;
  return typeof v === 'number' ? v : Number(v);
}

const special: Record<string, (...a: number[]) => number> = {
  lgamma,
  digamma,
  erf,
  erfc,
  erfinv,
  erfcinv,
  normalQuantile,
  normalCdf,
  normalLogCdf,
  log1p,
  expm1,
  gammaP,
  gammaQ,
};

const worst = new Map<string, { rel: number; id: string }>();
function record(key: string, id: string, got: number, want: number, cond: number): void {
  const rel = want === got ? 0 : Math.abs(got - want) / Math.max(Math.abs(want), 1e-300) / Math.max(1, cond);
  const w = worst.get(key);
  if (!w || rel > w.rel) worst.set(key, { rel, id });
}

function check(c: Case, got: number): void {
  const want = num(c.expected);
  const cond = c.cond ?? 1;
  if (!Number.isFinite(want) || Number.isNaN(want)) {
    expect(got, c.id).toBe(want);
    return;
  }
  const tol = ATOL + RTOL * Math.max(1, cond) * Math.abs(want);
  expect(Number.isNaN(got), `${c.id} gave NaN`).toBe(false);
  expect(Math.abs(got - want), `${c.id}: got ${got}, want ${want}`).toBeLessThanOrEqual(tol);
}

const specialCases = ref.cases.filter((c) => c.family === 'special');

describe('reference: special functions', () => {
  it('covers every special fn', () => {
    for (const c of specialCases) expect(special[c.fn], c.fn).toBeTypeOf('function');
    expect(specialCases.length).toBeGreaterThan(200);
  });
  it.each(specialCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const f = special[c.fn] as (...a: number[]) => number;
    const got = f(...(c.args ?? []).map(num));
    check(c, got);
    if (Number.isFinite(num(c.expected))) record(c.fn, c.id, got, num(c.expected), c.cond ?? 1);
  });
});

/** Parse "m.mmme-NNN" to its natural log exactly enough (mantissa and exponent separately). */
export function logOfDecimalString(s: string): number {
  const neg = s.startsWith('-');
  const t = neg ? s.slice(1) : s;
  const [m, e] = t.toLowerCase().split('e');
  return Math.log(Number(m)) + Number(e ?? '0') * Math.LN10;
}

describe('reference: log incomplete gamma in the underflow range', () => {
  const cases = specialCases.filter(
    (c) => (c.fn === 'gammaP' || c.fn === 'gammaQ') && c.exact !== undefined,
  );
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const [a, x] = (c.args ?? []).map(num) as [number, number];
    const want = logOfDecimalString(c.exact as string);
    const got = c.fn === 'gammaP' ? logGammaP(a, x) : logGammaQ(a, x);
    // exact string has 25 digits; log of it is exact to ~1e-16 relative.
    const rel = Math.abs(got - want) / Math.abs(want);
    record(`log${c.fn}(underflow)`, c.id, got, want, 1);
    expect(rel, `${c.id}: got ${got}, want ${want}`).toBeLessThan(1e-13);
  });
});

// Distribution cases for Gamma(shape α, rate β) and Normal(μ, σ) through the special functions.
const distCases = ref.cases.filter(
  (c) =>
    c.family === 'distribution' &&
    (c.dist === 'Gamma' || c.dist === 'Normal') &&
    ['cdf', 'logCdf', 'survival', 'logSurvival', 'quantile'].includes(c.fn),
);

function gammaDist(c: Case): number {
  const { shape: a, rate: b } = c.params as { shape: number; rate: number };
  if (c.fn === 'quantile') {
    const p = num(c.p as Num);
    if (p === 0) return 0;
    if (p === 1) return Infinity;
    return (p <= 0.5 ? gammaPInv(a, p) : gammaQInv(a, 1 - p)) / b;
  }
  const x = num(c.x as Num);
  const y = x <= 0 ? 0 : b * x;
  switch (c.fn) {
    case 'cdf':
      return gammaP(a, y);
    case 'logCdf':
      return logGammaP(a, y);
    case 'survival':
      return gammaQ(a, y);
    default:
      return logGammaQ(a, y);
  }
}

function normalDist(c: Case): number {
  const { mu, sigma } = c.params as { mu: number; sigma: number };
  if (c.fn === 'quantile') {
    const p = num(c.p as Num);
    return p <= 0.5 ? mu + sigma * normalQuantile(p) : mu + sigma * normalQuantileUpper(1 - p);
  }
  const z = (num(c.x as Num) - mu) / sigma;
  switch (c.fn) {
    case 'cdf':
      return normalCdf(z);
    case 'logCdf':
      return normalLogCdf(z);
    case 'survival':
      return normalCdf(-z);
    default:
      return normalLogCdf(-z);
  }
}

describe('reference: Gamma and Normal distribution cdf/quantile via special functions', () => {
  it.each(distCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const got = c.dist === 'Gamma' ? gammaDist(c) : normalDist(c);
    const want = num(c.expected);
    // x·β and (x − μ)/σ add one rounding of the argument: allow cond + a few.
    const cond = (c.cond ?? 1) + 4;
    const tol = ATOL + RTOL * cond * Math.abs(want);
    if (!Number.isFinite(want)) expect(got, c.id).toBe(want);
    else {
      expect(Number.isNaN(got), `${c.id} NaN`).toBe(false);
      expect(Math.abs(got - want), `${c.id} ${c.dist}${JSON.stringify(c.params)} ${c.fn}(${c.x ?? c.p}): got ${got}, want ${want}`).toBeLessThanOrEqual(tol);
      record(`${c.dist}.${c.fn}`, c.id, got, want, c.cond ?? 1);
    }
  });
});

afterAll(() => {
  const rows = [...worst.entries()].sort((p, q) => p[0].localeCompare(q[0]));
  console.log(
    'worst relative error / max(1, cond) per function:\n' +
      rows.map(([k, v]) => `  ${k.padEnd(26)} ${v.rel.toExponential(2)}  (${v.id})`).join('\n'),
  );
});
