/**
 * Access to test/fixtures/reference.json (a verbatim copy of the shared mpmath
 * reference) and the tolerance rule of its README.
 */
import { readFileSync } from 'node:fs';
import { Exponential, Gamma, kl, LogNormal, Normal, type ContinuousDistribution } from '../../src/index';
import * as math from '../../src/math';
import { expm1, log1p } from './math-extras';

export type RefValue = number | string | Record<string, unknown>;

export interface RefCase {
  id: string;
  family: string;
  fn: string;
  expected: RefValue;
  cond?: number;
  tags?: string[];
  exact?: string;
  [key: string]: unknown;
}

export interface Reference {
  cases: RefCase[];
  datasets: Record<string, { model: string; n: number; data: number[]; zTrue: number }>;
}

export const reference: Reference = JSON.parse(
  readFileSync(new URL('../fixtures/reference.json', import.meta.url), 'utf8'),
) as Reference;

/** All cases of one family (optionally one fn). */
export function casesOf(family: string, fn?: string): RefCase[] {
  return reference.cases.filter((c) => c.family === family && (fn === undefined || c.fn === fn));
}

/** "inf" / "-inf" strings to numbers. */
export function num(v: unknown): number {
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === 'nan') return NaN;
  return v as number;
}

/** Builds a distribution from the reference's `{dist, params}` description. */
export function makeDist(dist: string, params: Record<string, number>): ContinuousDistribution {
  switch (dist) {
    case 'Normal':
      return new Normal(params.mu, params.sigma);
    case 'LogNormal':
      return new LogNormal(params.mu, params.sigma);
    case 'Exponential':
      return new Exponential(params.rate);
    case 'Gamma':
      return new Gamma(params.shape, params.rate);
    default:
      throw new Error(`unknown dist ${dist}`);
  }
}

/**
 * The README's rule: |got − want| ≤ atol + rtol·max(1, cond)·|want|, with
 * infinities compared exactly. Returns the error relative to |want| (0 when equal).
 */
export function relError(got: number, want: number): number {
  if (got === want) return 0;
  if (!Number.isFinite(want) || !Number.isFinite(got)) return Infinity;
  const d = Math.abs(got - want);
  return want === 0 ? d : d / Math.abs(want);
}

export function withinTolerance(got: number, want: number, rtol: number, cond = 1, atol = 1e-300): boolean {
  if (got === want) return true;
  if (Number.isNaN(got) || Number.isNaN(want)) return false;
  if (!Number.isFinite(want) || !Number.isFinite(got)) return false;
  return Math.abs(got - want) <= atol + rtol * Math.max(1, cond) * Math.abs(want);
}

/** Tracks the worst case of a family for the printed summary. */
export class WorstCase {
  private worst = { id: '', err: -1, detail: '' };
  constructor(private readonly family: string) {}
  record(id: string, got: number, want: number, cond = 1): void {
    const err = relError(got, want) / Math.max(1, cond);
    if (err > this.worst.err) this.worst = { id, err, detail: `got ${got}, want ${want}` };
  }
  report(): string {
    return `[reference] ${this.family}: worst relative error / max(1, cond) = ${this.worst.err.toExponential(2)} at ${this.worst.id} (${this.worst.detail})`;
  }
}

type Params = Record<string, number>;

export function evalDistribution(c: RefCase): number {
  const d = makeDist(c.dist as string, c.params as Params);
  switch (c.fn) {
    case 'logPdf':
      return d.logPdf(c.x as number);
    case 'pdf':
      return d.pdf(c.x as number);
    case 'cdf':
      return d.cdf(c.x as number);
    case 'logCdf':
      return d.logCdf(c.x as number);
    case 'survival':
      return d.survival(c.x as number);
    case 'logSurvival':
      return d.logSurvival(c.x as number);
    case 'quantile':
      return d.quantile(c.p as number);
    default:
      throw new Error(`unknown fn ${c.fn}`);
  }
}

export function evalMoment(c: RefCase): number {
  const d = makeDist(c.dist as string, c.params as Params);
  switch (c.fn) {
    case 'mean':
      return d.mean();
    case 'variance':
      return d.variance();
    case 'mode':
      return d.mode();
    case 'entropy':
      return d.entropy();
    default:
      throw new Error(`unknown fn ${c.fn}`);
  }
}

export function evalKl(c: RefCase): number {
  const p = c.p as { dist: string; params: Params };
  const q = c.q as { dist: string; params: Params };
  return kl(makeDist(p.dist, p.params), makeDist(q.dist, q.params));
}

const SPECIAL: Record<string, (...a: number[]) => number> = {
  lgamma: math.lgamma,
  digamma: math.digamma,
  erf: math.erf,
  erfc: math.erfc,
  erfinv: math.erfinv,
  erfcinv: math.erfcinv,
  normalQuantile: math.normalQuantile,
  normalCdf: math.normalCdf,
  normalLogCdf: math.normalLogCdf,
  log1p,
  expm1,
  gammaP: math.gammaP,
  gammaQ: math.gammaQ,
};

export function evalSpecial(c: RefCase): number {
  const f = SPECIAL[c.fn];
  if (f === undefined) throw new Error(`unknown special fn ${c.fn}`);
  return f(...(c.args as unknown[]).map(num));
}
