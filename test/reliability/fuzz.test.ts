/**
 * Issue #16 fuzz suite: fast-check over every public constructor, method and
 * function of `varinf`, `varinf/vi` and `varinf/plot` with arbitrary JS values.
 * Every call must return a valid result or throw a typed error whose message
 * starts with the owner's name (see `outcome`); distributions built from valid
 * parameters of any magnitude must never give NaN for a non-NaN input. Fixed seed,
 * bounded `numRuns`; the total number of generated inputs is printed at the end.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as varinf from '../../src/index';
import {
  Bernoulli, BernoulliLogit, Beta, Binomial, Cauchy, ContinuousDistribution, DiscreteDistribution, Exponential, Gamma,
  HalfCauchy, HalfNormal, InverseGamma, LogitNormal, LogNormal, Normal, Poisson, StudentT, Uniform,
} from '../../src/index';
import * as plot from '../../src/plot/index';
import * as vi from '../../src/vi/index';
import { anyNumber, anyProbability, anyValue, counter, outcome, SEED, show } from './fuzz-helpers';

type Dist = ContinuousDistribution | DiscreteDistribution;
type Family = new (...a: number[]) => Dist;

/** The 16 families with their arity (LogitNormal's optional low/high are fuzzed as well). */
const FAMILIES: [string, Family, number][] = [
  ['Normal', Normal, 2], ['Exponential', Exponential, 1], ['Gamma', Gamma, 2], ['LogNormal', LogNormal, 2],
  ['Beta', Beta, 2], ['StudentT', StudentT, 3], ['Cauchy', Cauchy, 2], ['HalfNormal', HalfNormal, 1],
  ['HalfCauchy', HalfCauchy, 1], ['Uniform', Uniform, 2], ['InverseGamma', InverseGamma, 2], ['LogitNormal', LogitNormal, 4],
  ['Bernoulli', Bernoulli, 1], ['BernoulliLogit', BernoulliLogit, 1], ['Binomial', Binomial, 2], ['Poisson', Poisson, 1],
] as unknown as [string, Family, number][];

/**
 * Statistics documented as NaN for some valid parameters (undefined moments, two
 * modes); everywhere else a statistic must not be NaN.
 */
function nanAllowed(d: Dist, stat: string): boolean {
  const n = d.name;
  if (stat === 'mode') return d instanceof DiscreteDistribution || n === 'Uniform' || n === 'LogitNormal' || n === 'Beta';
  if (n === 'Cauchy' || n === 'HalfCauchy') return stat !== 'entropy';
  if (n === 'StudentT') return stat !== 'entropy';
  if (n === 'InverseGamma') return stat === 'mean' || stat === 'variance' || stat === 'stddev';
  return false;
}

/**
 * Failures this suite found that need numerical work outside issue #16's scope would be
 * listed here (reported to the lead, see docs/reliability.md "Known gaps"), each entry as
 * narrow as the reproducer allows, so that everything else stays checked; returns the
 * reason when (d, method) is a known gap. None is left: the incomplete beta's NaN at a
 * shape > 1e300 was fixed (fuzz-regressions.test.ts), and so were the NaN partials.
 */
function knownGap(_d: Dist, _method: string): string | undefined {
  return undefined;
}

/**
 * Partial derivatives are checked wherever logPdf is not −∞ (there they are zeros by
 * convention), at every magnitude: subnormal shapes and x, poles where logPdf is +∞.
 * A partial may be ±∞ where the math says so (e.g. ∂/∂α log f → −∞ at x → 0), never NaN.
 */
function partialsChecked(_d: Dist, _x: number, lp: number): boolean {
  return lp > -Infinity;
}

const STATS = ['mean', 'variance', 'stddev', 'mode', 'entropy'] as const;
const EVALS = ['logPdf', 'pdf', 'cdf', 'logCdf', 'survival', 'logSurvival'] as const;

/** The valid-input checks: no NaN for a non-NaN argument, values in their ranges. */
/**
 * `FUZZ_SURVEY=1 npx vitest run test/reliability/fuzz.test.ts` lists every distinct
 * failure (first reproducer of each family × method) instead of stopping at the
 * first: how the known gaps below were collected. Off by default.
 */
const SURVEY = process.env.FUZZ_SURVEY === '1';
const found = new Map<string, string>();
function fail(key: string, msg: string): void {
  if (!SURVEY) throw new Error(msg);
  if (!found.has(key)) found.set(key, msg);
}
function checkValid(d: Dist, xs: number[], ps: number[]): void {
  const f = d as unknown as Record<string, (x: number, out?: Float64Array) => number>;
  const at = (m: string, x: number): string => `${String(d)}.${m}(${show(x)})`;
  for (const s of STATS) {
    counter.inputs++;
    const v = (d as unknown as Record<string, () => number>)[s]();
    if (Number.isNaN(v) && !nanAllowed(d, s) && knownGap(d, s) === undefined) fail(`${d.name}.${s} NaN`, `${String(d)}.${s}() is NaN`);
  }
  const out = new Float64Array(8);
  for (const x of xs) {
    for (const m of EVALS) {
      if (knownGap(d, m) !== undefined) continue;
      counter.inputs++;
      const v = f[m](x);
      if (Number.isNaN(v)) { fail(`${d.name}.${m} NaN`, `${at(m, x)} is NaN`); continue; }
      if ((m === 'cdf' || m === 'survival') && !(v >= 0 && v <= 1)) fail(`${d.name}.${m} range`, `${at(m, x)} = ${v} outside [0, 1]`);
      if ((m === 'logCdf' || m === 'logSurvival') && !(v <= 0)) fail(`${d.name}.${m} range`, `${at(m, x)} = ${v} > 0`);
      if (m === 'pdf' && !(v >= 0)) fail(`${d.name}.${m} range`, `${at(m, x)} = ${v} < 0`);
    }
    if (knownGap(d, 'logPdfPartials') !== undefined) continue;
    counter.inputs++;
    const lp = f.logPdfPartials(x, out);
    if (Number.isNaN(lp)) fail(`${d.name}.logPdfPartials NaN`, `${at('logPdfPartials', x)} is NaN`);
    for (let k = 0; k <= d.paramNames.length && partialsChecked(d, x, lp); k++) {
      if (Number.isNaN(out[k])) fail(`${d.name}.logPdfPartials ${k} NaN lp=${lp}`, `${at('logPdfPartials', x)}: partial ${k} is NaN (logPdf ${lp})`);
    }
  }
  for (const p of ps) {
    if (knownGap(d, 'quantile') !== undefined) break;
    counter.inputs++;
    const q = d.quantile(p);
    if (Number.isNaN(q)) fail(`${d.name}.quantile NaN`, `${at('quantile', p)} is NaN`);
    if (!(q >= d.support.lower && q <= d.support.upper)) fail(`${d.name}.quantile range`, `${at('quantile', p)} = ${q} outside the support`);
  }
}

describe.each(FAMILIES)('%s', (name, Ctor, arity) => {
  it('valid parameters of every magnitude: no NaN for a non-NaN input, values in range', () => {
    let built = 0;
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: arity, maxLength: arity }), fc.array(anyNumber, { minLength: 4, maxLength: 4 }), fc.array(anyProbability, { minLength: 3, maxLength: 3 }), (params, xs, ps) => {
        const r = outcome([name], () => new Ctor(...params), () => `new ${name}(${show(params)})`);
        if (r.value === undefined) return;
        built++;
        const d = r.value;
        checkValid(d, [...xs, d.support.lower, d.support.upper, d.mean()].filter((x) => !Number.isNaN(x)), [0, 1, ...ps]);
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(built).toBeGreaterThan(40);
  });

  it('arbitrary constructor arguments: an instance or a typed error naming the family', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: arity + 1 }), (args) => {
        const r = outcome([name], () => new (Ctor as unknown as new (...a: unknown[]) => Dist)(...args), () => `new ${name}(${show(args)})`);
        if (r.error !== undefined) return;
        for (const v of Object.values(r.value as object)) if (typeof v === 'number' && Number.isNaN(v)) throw new Error(`new ${name}(${show(args)}) has a NaN field`);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('arbitrary method arguments: a number or a typed error naming the family', () => {
    const d = typicalInstance(name, Ctor, arity);
    const methods = [...EVALS, 'quantile', 'logPdfPartials', 'sample', 'sampleInto', 'sumLogPdf', 'sumLogPdfPartials', 'inSupport', 'toJSON', 'toString'];
    const f = d as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>;
    fc.assert(
      fc.property(fc.constantFrom(...methods), fc.array(anyValue, { maxLength: 3 }), (m, args) => {
        const g = f[m];
        if (g === undefined) return;
        // logPdfPartials' `out` is a caller-owned Float64Array the model layer passes
        // once per point: it is typed, not checked (no cost on that hot path), so the
        // fuzz gives it a real buffer and fuzzes x.
        if (m === 'logPdfPartials') args = [args[0], new Float64Array(8)];
        // The bulk methods check their containers once per call but not each element
        // (O(n) on the likelihood's hot path; Model checks its data once, when built):
        // an array's elements are numbers here.
        if ((m === 'sumLogPdf' || m === 'sumLogPdfPartials') && Array.isArray(args[0])) {
          args = [(args[0] as unknown[]).map((v) => (typeof v === 'number' ? v : 0.5)), ...args.slice(1)];
        }
        try {
          outcome([`${name}.`, name], () => g.apply(d, args), () => `${name}.${m}(${show(args)})`);
        } catch (e) {
          fail(`${name}.${m}`, String(e));
        }
      }),
      { seed: SEED, numRuns: 600 },
    );
  });
});

/** A distribution of the family at ordinary parameters. */
function typicalInstance(name: string, Ctor: Family, arity: number): Dist {
  const special: Record<string, number[]> = { Binomial: [10, 0.3], Bernoulli: [0.3], Uniform: [-1, 2], StudentT: [3, 0, 1], LogitNormal: [0, 1] };
  return new Ctor(...(special[name] ?? Array.from({ length: arity }, () => 1.5)));
}

afterAll(() => {
  if (SURVEY) for (const m of found.values()) console.log('SURVEY', m);
  console.log(`fuzz: ${counter.inputs} generated inputs`);
});

// ---- every exported function and class of varinf, varinf/vi and varinf/plot ----

/**
 * Valid objects mixed into the arbitrary arguments, so that calls get past their
 * first check and reach deeper code: distributions, a model, generators, arrays,
 * plausible option records.
 */
// No Model in the pool: `fit(model)` with a valid model runs a whole fit (the
// fit's own tests cover that); here every fitter sees arbitrary arguments only.
const validPool: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  new Normal(0, 1), new Gamma(2, 1), new Poisson(3), new varinf.Rng(1), new Float64Array([0.1, 0.5, 2]),
  [0.2, 0.4, 1.5], { z: 0.5 }, { z: Normal }, { seed: 1 }, { n: 3 }, 'z', 2, 0.5, 1,
);
const argument: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: anyValue, weight: 3 }, { arbitrary: validPool, weight: 2 });


/** The callable exports of one entry point, with the name a message must start with. */
function callables(mod: Record<string, unknown>): [string, (...a: unknown[]) => unknown, boolean][] {
  const list: [string, (...a: unknown[]) => unknown, boolean][] = [];
  for (const [name, v] of Object.entries(mod)) {
    if (typeof v !== 'function') continue;
    const isClass = /^class\b/.test(Function.prototype.toString.call(v));
    list.push([name, v as (...a: unknown[]) => unknown, isClass]);
  }
  return list;
}

/**
 * Owners a message may start with besides the export's own name: the families and
 * classes it builds or calls (a plot of a Normal may refuse with "Normal.…").
 */
const OWNERS = [
  ...FAMILIES.map(([n]) => n), 'Model', 'Rng', 'ScrambledSobol', 'Plate', 'plate', 'kl', 'fromJSON', 'setLimits', 'limits',
  'fit', 'estimateElbo', 'logEvidence', 'psisKhat', 'meanField', 'fullRank', 'predictive', 'restoreFit', 'FitResult',
];

/**
 * Exports this suite found ending in a raw engine TypeError (or an untyped error)
 * for some argument, not yet fixed: each is listed with its reproducer in
 * docs/reliability.md ("Known gaps") and shows as a todo here until fixed; remove
 * an entry to re-enable its property.
 */
const KNOWN_RAW: Readonly<Record<string, string>> = {};

const ENTRY_POINTS: [string, Record<string, unknown>][] = [['varinf', varinf], ['varinf/vi', vi], ['varinf/plot', plot]];

describe.each(ENTRY_POINTS)('every export of %s with arbitrary arguments', (_entry, mod) => {
  for (const [name] of callables(mod)) if (KNOWN_RAW[name] !== undefined) it.todo(`${name}: known gap, ${KNOWN_RAW[name]}`);
  it.each(callables(mod).filter(([name]) => KNOWN_RAW[name] === undefined))('%s: a result or a typed error naming it', async (name, f, isClass) => {
    const pending: Promise<unknown>[] = [];
    fc.assert(
      fc.property(fc.array(argument, { maxLength: 4 }), (args) => {
        const r = outcome([name, ...OWNERS], () => (isClass ? new (f as unknown as new (...a: unknown[]) => unknown)(...args) : f(...args)), () => `${name}(${show(args)})`);
        if (r.value instanceof Promise) pending.push(r.value);
      }),
      { seed: SEED, numRuns: 250 },
    );
    // Async exports (fitAsync) reject rather than throw: the same rule applies.
    for (const p of pending) {
      const err = await p.then(() => undefined, (e: unknown) => e);
      if (err !== undefined) outcome([name, ...OWNERS], () => { throw err; }, () => `${name} (rejected)`);
    }
  });
});
