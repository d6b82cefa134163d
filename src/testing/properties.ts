/**
 * The density identities of varinf as reusable fast-check properties. Each
 * function takes a {@link Family} (name, factory, parameter arbitraries) and
 * returns a property for `fc.assert`, so any runner (vitest, jest, node:test, …)
 * can check a user's own distribution the way varinf checks its families.
 *
 * A failing predicate throws an {@link IdentityViolation} whose message names the
 * identity, the family with its parameters, the counterexample and the tolerance
 * exceeded; fast-check adds the seed and the shrink path to reproduce it.
 *
 * Tolerances are stated per property in the units of the project's reference rule
 * (rtol·max(1, cond), relative) or in ulps; the defaults are those the project's
 * own tests use.
 *
 * @module
 */
import * as fc from 'fast-check';
import { InvalidParameterError } from '../errors';
import { formatValue } from '../errors';
import { integrate } from '../math/quadrature';
import type { Family, TestableDistribution } from './family';
import { differenceStep, richardsonDerivative } from './finite-differences';
import { pointIn } from './generators';
import { checkSampleMoments, monteCarloMean } from './monte-carlo';
import { EPSILON, isClose } from './tolerance';
import { describeMember, IdentityViolation } from './violation';

/**
 * A property returned by the functions of `varinf/testing`, for `fc.assert` (or
 * `fc.check`).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cdfIsMonotone, normalFamily, type IdentityProperty } from 'varinf/testing';
 * const p: IdentityProperty = cdfIsMonotone(normalFamily);
 * fc.assert(p, { numRuns: 100, seed: 1 });
 * ```
 */
export type IdentityProperty = fc.IProperty<unknown>;

/**
 * Options every property takes.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cdfIsMonotone, normalFamily } from 'varinf/testing';
 * cdfIsMonotone(normalFamily, { params: fc.constant([0, 1]) });
 * ```
 */
export interface PropertyOptions {
  /** The parameter arbitrary (default: the family's `valid`, or `moderate` where stated). */
  readonly params?: fc.Arbitrary<number[]>;
}

/**
 * A KL divergence: varinf's `kl`, or the user's own.
 *
 * @example
 * ```ts
 * import { kl, Normal } from 'varinf';
 * const klNormal: KlFunction<Normal, Normal> = kl;
 * ```
 */
export type KlFunction<P, Q> = (p: P, q: Q) => number;

// ---------------------------------------------------------------- helpers

/** Parameters with a point of the member in its bulk or tails ({@link pointIn}). */
function withPoint(family: Family, params: fc.Arbitrary<number[]>): fc.Arbitrary<[number[], number]> {
  return params.chain((ps) => fc.tuple(fc.constant(ps), pointIn(family.make(...ps))));
}

const subjectOf = (family: Family, ps: readonly unknown[]): string => describeMember(family.name, family.paramNames, ps);

/** A scale of the distribution for steps: σ, or the interquartile range where σ is not finite. */
function spread(d: TestableDistribution): number {
  const sd = d.stddev === undefined ? Math.sqrt(d.variance()) : d.stddev();
  return Number.isFinite(sd) ? sd : d.quantile(0.75) - d.quantile(0.25);
}

function requireKind(family: Family, kind: Family['kind'], identity: string): void {
  if (family.kind !== kind) throw new TypeError(`${identity}: applies to ${kind} families, and ${family.name} is ${family.kind}`);
}

// ---------------------------------------------------------------- evaluation

/**
 * Options of {@link pdfIsExpLogPdf}.
 *
 * @example
 * ```ts
 * const options: PdfOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface PdfOptions extends PropertyOptions {
  /**
   * Allowed error in ulps of exp's condition: |pdf − e^{lp}| ≤ ulps·ε·max(1, |lp|)·e^{lp}
   * (the condition number of exp at lp is |lp|). Default 0: bit-identical, which
   * holds whenever `pdf` is `Math.exp(logPdf(x))` as in `ContinuousDistribution`.
   */
  readonly ulps?: number;
}

/**
 * logPdf = log pdf, checked as pdf(x) = exp(logPdf(x)) at points in the bulk and
 * both tails (probabilities down to 1e-12), over `valid` parameters.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { normalFamily, pdfIsExpLogPdf } from 'varinf/testing';
 * fc.assert(pdfIsExpLogPdf(normalFamily), { numRuns: 300, seed: 1 });
 * ```
 */
export function pdfIsExpLogPdf(family: Family, options: PdfOptions = {}): IdentityProperty {
  const ulps = options.ulps ?? 0;
  return fc.property(withPoint(family, options.params ?? family.valid), ([ps, x]) => {
    const d = family.make(...ps);
    const lp = d.logPdf(x);
    const f = d.pdf(x);
    const e = Math.exp(lp);
    if (Object.is(f, e) || Math.abs(f - e) <= ulps * EPSILON * Math.max(1, Math.abs(lp)) * e) return;
    throw new IdentityViolation('pdf = exp(logPdf)', subjectOf(family, ps), `x = ${x}`, `pdf ${f}, exp(logPdf) ${e} (logPdf ${lp}), allowed ${ulps} ulps`);
  });
}

/**
 * Options of {@link cdfPlusSurvivalIsOne}.
 *
 * @example
 * ```ts
 * const options: CdfSurvivalOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface CdfSurvivalOptions extends PropertyOptions {
  /**
   * Allowed |cdf + survival − 1| (default 4e-16 ≈ 1.8 ulps of 1: each of F and S
   * rounded to half an ulp of 1 at most, and the sum's rounding).
   */
  readonly tolerance?: number;
}

/**
 * survival + cdf = 1 at points in the bulk and both tails, over `valid` parameters.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cdfPlusSurvivalIsOne, gammaFamily } from 'varinf/testing';
 * fc.assert(cdfPlusSurvivalIsOne(gammaFamily), { seed: 1 });
 * ```
 */
export function cdfPlusSurvivalIsOne(family: Family, options: CdfSurvivalOptions = {}): IdentityProperty {
  const tol = options.tolerance ?? 4e-16;
  return fc.property(withPoint(family, options.params ?? family.valid), ([ps, x]) => {
    const d = family.make(...ps);
    const F = d.cdf(x);
    const S = d.survival(x);
    if (Math.abs(F + S - 1) <= tol) return;
    throw new IdentityViolation('cdf + survival = 1', subjectOf(family, ps), `x = ${x}`, `cdf ${F} + survival ${S} − 1 = ${F + S - 1}, allowed ${tol}`);
  });
}

/**
 * Options of {@link logCdfIsLogOfCdf}.
 *
 * @example
 * ```ts
 * const options: LogCdfOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface LogCdfOptions extends PropertyOptions {
  /** Relative tolerance (default 1e-13: 450 ulps, the accuracy of log of a cdf computed to 1e-13). */
  readonly rtol?: number;
  /** Absolute tolerance (default 4e-16: log of an F rounded near 1 is off by about one ulp of 1). */
  readonly atol?: number;
}

/**
 * logCdf = log cdf and logSurvival = log survival where cdf (survival) exceeds
 * 1e-300, within atol + rtol·max(|a|, |b|); in the tails where cdf (survival)
 * underflows to 0, logCdf (logSurvival) must be below log(1e-300) (not a rounded
 * −∞ or a finite value from a cancelled formula), and where it is positive logCdf
 * must be finite.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { logCdfIsLogOfCdf, normalFamily } from 'varinf/testing';
 * fc.assert(logCdfIsLogOfCdf(normalFamily), { seed: 1 });
 * ```
 */
export function logCdfIsLogOfCdf(family: Family, options: LogCdfOptions = {}): IdentityProperty {
  const rtol = options.rtol ?? 1e-13;
  const atol = options.atol ?? 4e-16;
  const check = (name: string, logName: string, F: number, logF: number, subject: string, x: number): void => {
    const ok = F > 1e-300 ? isClose(logF, Math.log(F), rtol, atol) : F === 0 ? logF < Math.log(1e-300) : logF > -Infinity;
    if (ok) return;
    throw new IdentityViolation(`${logName} = log ${name}`, subject, `x = ${x}`, `${logName} ${logF}, log ${name} ${Math.log(F)} (${name} ${F}), allowed ${atol} + ${rtol}·max`);
  };
  return fc.property(withPoint(family, options.params ?? family.valid), ([ps, x]) => {
    const d = family.make(...ps);
    const subject = subjectOf(family, ps);
    check('cdf', 'logCdf', d.cdf(x), d.logCdf(x), subject, x);
    check('survival', 'logSurvival', d.survival(x), d.logSurvival(x), subject, x);
  });
}

/**
 * cdf and logCdf non-decreasing, survival and logSurvival non-increasing, cdf and
 * survival in [0, 1]: compares x with y = x + |x|·t + t·σ for t in [1e-9, 1] (σ
 * the standard deviation, or the interquartile range where σ is not finite, as for
 * Cauchy; no comparison where x is ±∞, a tail quantile that overflowed, since
 * nothing lies beyond it). Exact comparisons, no tolerance.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cdfIsMonotone, exponentialFamily } from 'varinf/testing';
 * fc.assert(cdfIsMonotone(exponentialFamily), { seed: 1 });
 * ```
 */
export function cdfIsMonotone(family: Family, options: PropertyOptions = {}): IdentityProperty {
  return fc.property(withPoint(family, options.params ?? family.valid), fc.double({ min: 1e-9, max: 1, noNaN: true }), ([ps, x], t) => {
    const d = family.make(...ps);
    const y = x + Math.abs(x) * t + t * spread(d);
    const fail = (detail: string): never => {
      throw new IdentityViolation('cdf monotone and in [0, 1]', subjectOf(family, ps), `x = ${x}, y = ${y}`, detail);
    };
    const [Fx, Fy, Sx, Sy] = [d.cdf(x), d.cdf(y), d.survival(x), d.survival(y)];
    if (!(Fx >= 0 && Fx <= 1 && Sx >= 0 && Sx <= 1)) fail(`cdf(x) ${Fx}, survival(x) ${Sx} not in [0, 1]`);
    if (!Number.isFinite(x)) return; // a quantile that overflowed: nothing lies beyond x
    if (!(Fy >= Fx)) fail(`cdf(y) ${Fy} < cdf(x) ${Fx}`);
    if (!(Sy <= Sx)) fail(`survival(y) ${Sy} > survival(x) ${Sx}`);
    if (!(d.logCdf(y) >= d.logCdf(x))) fail(`logCdf(y) ${d.logCdf(y)} < logCdf(x) ${d.logCdf(x)}`);
    if (!(d.logSurvival(y) <= d.logSurvival(x))) fail(`logSurvival(y) ${d.logSurvival(y)} > logSurvival(x) ${d.logSurvival(x)}`);
  });
}

/**
 * Options of {@link cdfDerivativeIsPdf}.
 *
 * @example
 * ```ts
 * const options: CdfDerivativeOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface CdfDerivativeOptions extends PropertyOptions {
  /** Relative tolerance (default 1e-5: the O(h²) truncation error of the central difference). */
  readonly rtol?: number;
}

/**
 * d/dx cdf = pdf (continuous families): a central difference of cdf (of survival
 * above the median, where cdf's digits are lost) at quantiles 0.02 … 0.98, within
 * rtol·max(|fd|, |pdf|). The step: on the real line 1e-4·min(σ, local scale), the
 * local scale being min(p, 1 − p)/f(x) (the distance over which the cdf changes by
 * its own size) and f/|f′| = 1/|∂ log f/∂x| (over which the density does; from
 * `logPdfPartials` when the distribution has it), which is what keeps the O(h²)
 * error small in heavy tails; on a half-line or an interval 1e-5·min(distance to a
 * finite end, σ). σ is the standard deviation, or the interquartile range where
 * that is not finite. Skipped where the step is not resolvable (h ≤ 1e-7·|x|).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cdfDerivativeIsPdf, gammaFamily } from 'varinf/testing';
 * fc.assert(cdfDerivativeIsPdf(gammaFamily), { seed: 1 });
 * ```
 */
export function cdfDerivativeIsPdf(family: Family, options: CdfDerivativeOptions = {}): IdentityProperty {
  requireKind(family, 'continuous', 'cdfDerivativeIsPdf');
  const rtol = options.rtol ?? 1e-5;
  return fc.property(options.params ?? family.valid, fc.double({ min: 0.02, max: 0.98, noNaN: true }), (ps, p) => {
    const d = family.make(...ps);
    const x = d.quantile(p);
    const { lower, upper } = d.support;
    const h = lower === -Infinity && upper === Infinity ? 1e-4 * Math.min(spread(d), localScale(d, ps.length, x, p)) : 1e-5 * Math.min(x - lower, upper - x, spread(d));
    if (!(h > 1e-7 * Math.abs(x))) return;
    const fd = p < 0.5 ? (d.cdf(x + h) - d.cdf(x - h)) / (2 * h) : (d.survival(x - h) - d.survival(x + h)) / (2 * h);
    if (isClose(fd, d.pdf(x), rtol)) return;
    throw new IdentityViolation('d/dx cdf = pdf', subjectOf(family, ps), `x = ${x} (p = ${p}), h = ${h}`, `difference quotient ${fd}, pdf ${d.pdf(x)}, allowed rtol ${rtol}`);
  });
}

/** min(p, 1 − p)/f(x) and 1/|∂ log f/∂x| at x = quantile(p) (the latter only with logPdfPartials). */
function localScale(d: TestableDistribution, parameters: number, x: number, p: number): number {
  const byMass = Math.min(p, 1 - p) / d.pdf(x);
  if (d.logPdfPartials === undefined) return byMass;
  const g = new Float64Array(parameters + 1);
  d.logPdfPartials(x, g);
  return Math.min(byMass, 1 / Math.abs(g[0]));
}

/**
 * Options of {@link quantileInvertsCdf}.
 *
 * @example
 * ```ts
 * const options: QuantileOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface QuantileOptions extends PropertyOptions {
  /**
   * Relative tolerance before the condition number (default 1e-12, the reference
   * rule's rtol; the project's tests asked for 1e-11 before, and every family passes
   * 1e-12 on 3000 cases): continuous
   * families pass when |back − x| ≤ 1e-300 + rtol·cond·max(|back|, |x|), with
   * cond = max(1, F/(f(x)·|x|)) the condition number of x ↦ F(x)'s inverse; discrete
   * families when the quantile's definition holds to rtol relative in p.
   */
  readonly rtol?: number;
}

/**
 * quantile ∘ cdf round trip at probabilities p = 10^e, e in [−300, log₁₀ ½], in
 * both tails: x = quantile(p) and quantile(cdf(x)) = x in the lower half, x =
 * quantile(1 − p) and quantile(1 − survival(x)) = x in the upper half (skipped
 * where 1 − survival rounds to 1). Discrete families: q = quantile(p) is the
 * smallest support point with cdf(q) ≥ p (survival(q) ≤ 1 − p in the upper half).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { logNormalFamily, quantileInvertsCdf } from 'varinf/testing';
 * fc.assert(quantileInvertsCdf(logNormalFamily), { seed: 1 });
 * ```
 */
export function quantileInvertsCdf(family: Family, options: QuantileOptions = {}): IdentityProperty {
  const rtol = options.rtol ?? 1e-12;
  const discrete = family.kind === 'discrete';
  return fc.property(options.params ?? family.valid, fc.double({ min: -300, max: Math.log10(0.5), noNaN: true }), fc.boolean(), (ps, e, upper) => {
    const d = family.make(...ps);
    const p = 10 ** e;
    if (discrete) return checkDiscreteQuantile(family, ps, d, upper ? Math.max(p, 2 ** -53) : p, upper, rtol);
    const x = upper ? d.quantile(1 - Math.max(p, 2 ** -53)) : d.quantile(p);
    if (!(x > d.support.lower) || !Number.isFinite(x)) return;
    const F = upper ? d.survival(x) : d.cdf(x);
    const back = upper ? d.quantile(1 - F) : d.quantile(F);
    if (upper && F < 2 ** -53) return; // 1 − F rounds to 1: not representable
    // Condition number of x ↦ F(x): a relative change ε in F moves x by ε·F/(f·x).
    const cond = Math.max(1, F / (d.pdf(x) * Math.abs(x)));
    if (isClose(back, x, rtol * cond, 1e-300)) return;
    const name = upper ? 'quantile(1 − survival(x)) = x' : 'quantile(cdf(x)) = x';
    throw new IdentityViolation(name, subjectOf(family, ps), `x = ${x}`, `${upper ? 'survival' : 'cdf'} ${F}, back ${back}, relative error ${Math.abs(back - x) / Math.abs(x)} > ${rtol}·cond (cond ${cond})`);
  });
}

/** The step quantile's definition at `tail` = p (lower) or 1 − p (upper, through survival). */
function checkDiscreteQuantile(family: Family, ps: number[], d: TestableDistribution, tail: number, upper: boolean, rtol: number): void {
  const q = upper ? d.quantile(1 - tail) : d.quantile(tail);
  if (!Number.isFinite(q)) return;
  // The upper tail's probability as quantile sees it: 1 − fl(1 − p) (exact by Sterbenz).
  if (upper) tail = 1 - (1 - tail);
  const atLower = q <= d.support.lower;
  // Lower half: cdf(q) ≥ p > cdf(q − 1). Upper half: survival(q) ≤ p' < survival(q − 1) with p' = 1 − P.
  const ok = upper
    ? d.survival(q) <= tail * (1 + rtol) && (atLower || d.survival(q - 1) > tail * (1 - rtol))
    : d.cdf(q) >= tail * (1 - rtol) && (atLower || d.cdf(q - 1) < tail * (1 + rtol));
  if (ok) return;
  const name = upper ? 'quantile(1 − p) = smallest k with survival(k) ≤ p' : 'quantile(p) = smallest k with cdf(k) ≥ p';
  const detail = upper ? `survival(${q}) ${d.survival(q)}, survival(${q - 1}) ${d.survival(q - 1)}` : `cdf(${q}) ${d.cdf(q)}, cdf(${q - 1}) ${d.cdf(q - 1)}`;
  throw new IdentityViolation(name, subjectOf(family, ps), `p = ${tail}`, `q = ${q}, ${detail}, allowed rtol ${rtol}`);
}

/**
 * Options of {@link densityIntegratesToOne}.
 *
 * @example
 * ```ts
 * const options: NormalizationOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface NormalizationOptions extends PropertyOptions {
  /**
   * Allowed |total − 1| (strictly less). Default 5e-10 for a density (the quadrature's
   * reach), 1e-14 + 4ε for a pmf (a compensated sum of terms each good to 1e-14
   * relative, with at most 2⁻⁵³ of the mass beyond the range summed).
   */
  readonly tolerance?: number;
  /** Relative error target of the quadrature (default 1e-11, well inside `tolerance`). */
  readonly relTol?: number;
}

/**
 * ∫ pdf = 1 (continuous) or Σ pmf = 1 (discrete), over `moderate` parameters.
 * Continuous: adaptive Gauss–Kronrod (the library's `integrate`) after mapping the
 * support to ℝ: x itself on ℝ, x = a + e^y on [a, ∞) (x = b − e^y on (−∞, b]),
 * x = a + (b − a)·sigmoid(y) on [a, b], so endpoint singularities become
 * exponentially decaying tails. Discrete: the pmf summed (Neumaier-compensated) from
 * quantile(0) to quantile(1 − 2⁻⁵³) (the mass left out is below 1.2e-16), at most
 * 10⁷ terms.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { densityIntegratesToOne, gammaFamily } from 'varinf/testing';
 * fc.assert(densityIntegratesToOne(gammaFamily), { numRuns: 40, seed: 7 });
 * ```
 */
export function densityIntegratesToOne(family: Family, options: NormalizationOptions = {}): IdentityProperty {
  const tol = options.tolerance ?? (family.kind === 'discrete' ? 1e-14 + 4 * EPSILON : 5e-10);
  const relTol = options.relTol ?? 1e-11;
  return fc.property(options.params ?? family.moderate, (ps) => {
    const d = family.make(...ps);
    const total = family.kind === 'discrete' ? sumPmf(d) : integrateDensity(d, relTol);
    if (Math.abs(total - 1) < tol) return;
    const name = family.kind === 'discrete' ? 'Σ pmf = 1' : '∫ pdf = 1';
    throw new IdentityViolation(name, subjectOf(family, ps), 'the whole support', `total ${total}, |total − 1| = ${Math.abs(total - 1)} ≥ ${tol}`);
  });
}

function integrateDensity(d: TestableDistribution, relTol: number): number {
  const { lower: a, upper: b } = d.support;
  const opts = { relTol };
  if (a === -Infinity && b === Infinity) return integrate((x) => d.pdf(x), -Infinity, Infinity, opts).value;
  if (b === Infinity) return integrate((y) => Math.exp(d.logPdf(a + Math.exp(y)) + y), -Infinity, Infinity, opts).value;
  if (a === -Infinity) return integrate((y) => Math.exp(d.logPdf(b - Math.exp(y)) + y), -Infinity, Infinity, opts).value;
  // x = a + (b − a)·s(y), dx = (b − a)·s(y)·s(−y) dy with s the logistic sigmoid.
  const w = b - a;
  return integrate((y) => {
    const logS = -Math.log1p(Math.exp(-y));
    const logSm = -Math.log1p(Math.exp(y));
    return Math.exp(d.logPdf(a + w * Math.exp(logS)) + Math.log(w) + logS + logSm);
  }, -Infinity, Infinity, opts).value;
}

const MAX_TERMS = 1e7;

/** The support points of a discrete d that carry all but 2⁻⁵³ of the mass. */
function discreteRange(d: TestableDistribution): [number, number] {
  const lo = d.quantile(0) === -Infinity ? d.quantile(2 ** -53) : d.quantile(0);
  const hi = d.quantile(1 - 2 ** -53);
  if (!(hi - lo < MAX_TERMS)) throw new RangeError(`discrete range [${lo}, ${hi}] has more than ${MAX_TERMS} points`);
  return [lo, hi];
}

/** Σ pmf over {@link discreteRange} with Neumaier's compensation (error ≈ 2ε·Σ, whatever the count). */
function sumPmf(d: TestableDistribution): number {
  const [lo, hi] = discreteRange(d);
  let s = 0;
  let c = 0;
  for (let k = lo; k <= hi; k++) {
    const t = d.pdf(k);
    const u = s + t;
    c += Math.abs(s) >= Math.abs(t) ? s - u + t : t - u + s;
    s = u;
  }
  return s + c;
}

/**
 * Options of {@link cdfIsCumulativePmf}.
 *
 * @example
 * ```ts
 * const options: CumulativeOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface CumulativeOptions extends PropertyOptions {
  /** Relative tolerance per point, before the summation's (k + 1)·ε (default 1e-12, the reference rule's rtol). */
  readonly rtol?: number;
}

/**
 * cdf(k) = Σ_{j ≤ k} pmf(j) at every support point k up to quantile(1 − 2⁻⁵³)
 * (discrete families), over `moderate` parameters: |cdf(k) − S_k| ≤ 1e-300 + (rtol + m·ε)·S_k
 * with m the number of terms summed (the rounding bound of a running sum). And the
 * step shape, exactly: cdf(k + ½) = cdf(k), survival(k + ½) = survival(k) and
 * pmf(k + ½) = 0 (no mass between support points).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cdfIsCumulativePmf, poissonFamily } from 'varinf/testing';
 * fc.assert(cdfIsCumulativePmf(poissonFamily), { numRuns: 50, seed: 1 }); // poissonFamily.kind is 'discrete'
 * ```
 */
export function cdfIsCumulativePmf(family: Family, options: CumulativeOptions = {}): IdentityProperty {
  requireKind(family, 'discrete', 'cdfIsCumulativePmf');
  const rtol = options.rtol ?? 1e-12;
  return fc.property(options.params ?? family.moderate, (ps) => {
    const d = family.make(...ps);
    const [lo, hi] = discreteRange(d);
    let s = 0;
    for (let k = lo; k <= hi; k++) {
      s += d.pdf(k);
      const F = d.cdf(k);
      // Plus the reference rule's absolute 1e-300, below which subnormal spacing is coarser than the relative bound.
      const allowed = 1e-300 + (rtol + (k - lo + 1) * EPSILON) * s;
      if (!(Math.abs(F - s) <= allowed)) {
        throw new IdentityViolation('cdf = cumulative pmf', subjectOf(family, ps), `k = ${k}`, `cdf ${F}, Σ pmf ${s}, |difference| ${Math.abs(F - s)} > ${allowed}`);
      }
      const mid = k + 0.5;
      if (!(Object.is(d.cdf(mid), F) && Object.is(d.survival(mid), d.survival(k)) && d.pdf(mid) === 0)) {
        const detail = `cdf ${d.cdf(mid)} (cdf(k) ${F}), survival ${d.survival(mid)} (survival(k) ${d.survival(k)}), pmf ${d.pdf(mid)}`;
        throw new IdentityViolation('cdf constant on [k, k + 1) and no mass between support points', subjectOf(family, ps), `k + ½ = ${mid}`, detail);
      }
    }
  });
}

// ---------------------------------------------------------------- sampling

/**
 * Options of {@link sampleMomentsMatch}.
 *
 * @example
 * ```ts
 * const options: SampleMomentsPropertyOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface SampleMomentsPropertyOptions extends PropertyOptions {
  /** Draws per parameter set (default 20 000). */
  readonly n?: number;
  /** Bound in standard errors (default 4). */
  readonly z?: number;
}

/**
 * Sample mean and variance against `mean()` and `variance()` within z standard
 * errors, over `moderate` parameters and random seeds; the bounds and their
 * derivation are those of {@link checkSampleMoments} (μ₄ from the family's
 * `fourthCentralMoment`; the variance is not checked without it).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { gammaFamily, sampleMomentsMatch } from 'varinf/testing';
 * fc.assert(sampleMomentsMatch(gammaFamily), { numRuns: 10, seed: 1 });
 * ```
 */
export function sampleMomentsMatch(family: Family, options: SampleMomentsPropertyOptions = {}): IdentityProperty {
  const { n = 20_000, z = 4 } = options;
  return fc.property(options.params ?? family.moderate, fc.integer({ min: 1, max: 1e6 }), (ps, seed) => {
    const mu4 = family.fourthCentralMoment?.(...ps);
    checkSampleMoments(family.make(...ps), {
      n,
      seed,
      z,
      subject: subjectOf(family, ps),
      ...(mu4 === undefined ? {} : { fourthCentralMoment: mu4 }),
    });
  });
}

// ---------------------------------------------------------------- partials

/**
 * Options of {@link partialsMatchFiniteDifferences}.
 *
 * @example
 * ```ts
 * const options: PartialsOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface PartialsOptions extends PropertyOptions {
  /**
   * Tolerance (default 1e-8; the Richardson difference itself is good to about
   * 1e-11 at moderate parameters, and every family of varinf passes 1e-9 on 1000
   * cases): the partial g and the finite difference fd agree when
   * |g − fd| ≤ rtol·max(|g|, |fd|) + rtol·(1 + |log f|)/max(|v|, 1e-3), i.e. the
   * reference rule with the condition number (1 + |log f|)/(max(|v|, 1e-3)·|g|) of
   * a difference quotient of log f in v; plus the rounding floor 3ε·(|log f| + |v·g|)/h
   * of a Richardson quotient with step h (each evaluation off by an ulp of log f and
   * by the rounding of v ± h, amplified (4·2 + 1)/3 = 3 times), which matters only
   * where the domain forces h far below 1e-4·|v| (a Uniform's low a hair below x).
   */
  readonly rtol?: number;
}

/**
 * `logPdfPartials` (continuous families) returns `logPdf(x)` bit for bit, and its
 * ∂/∂x and ∂/∂θ_k equal Richardson-extrapolated central differences
 * ({@link richardsonDerivative} with the step of {@link differenceStep}: 1e-4·max(|v|,
 * 1e-3) where the domain allows, else 1e-4 times about the distance to the domain's
 * boundary: for x the support, for a parameter the values the constructor accepts and
 * whose support still holds x), at quantiles 0.01 … 0.99 of `moderate` parameters.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { normalFamily, partialsMatchFiniteDifferences } from 'varinf/testing';
 * fc.assert(partialsMatchFiniteDifferences(normalFamily), { numRuns: 200, seed: 11 });
 * ```
 */
export function partialsMatchFiniteDifferences(family: Family, options: PartialsOptions = {}): IdentityProperty {
  requireKind(family, 'continuous', 'partialsMatchFiniteDifferences');
  const rtol = options.rtol ?? 1e-8;
  const params = options.params ?? family.moderate;
  const points = params.chain((ps) => fc.tuple(fc.constant(ps), fc.double({ min: 0.01, max: 0.99, noNaN: true }).map((p) => family.make(...ps).quantile(p))));
  return fc.property(points, ([ps, x]) => {
    const d = family.make(...ps);
    if (d.logPdfPartials === undefined) throw new TypeError(`partialsMatchFiniteDifferences: ${family.name} has no logPdfPartials`);
    const { lower, upper } = d.support;
    if (!(x > lower && x < upper)) return; // an end of the support (a quantile that rounded to it): no derivative
    const out = new Float64Array(ps.length + 1);
    const lp = d.logPdfPartials(x, out);
    const subject = subjectOf(family, ps);
    if (!Object.is(lp, d.logPdf(x))) throw new IdentityViolation('logPdfPartials returns logPdf', subject, `x = ${x}`, `logPdfPartials ${lp}, logPdf ${d.logPdf(x)}`);
    const scale = 1 + Math.abs(lp);
    const agree = (g: number, fd: number, v: number, h: number): boolean =>
      isClose(g, fd, rtol, (rtol * scale) / Math.max(Math.abs(v), 1e-3) + (3 * EPSILON * (Math.abs(lp) + Math.abs(v * g))) / h);
    const hx = differenceStep(x, (v) => v > lower && v < upper);
    const fdx = richardsonDerivative((v) => d.logPdf(v), x, hx);
    if (!agree(out[0], fdx, x, hx)) throw new IdentityViolation('∂/∂x logPdf = finite difference', subject, `x = ${x}`, `partial ${out[0]}, Richardson difference ${fdx} (h = ${hx}), allowed rtol ${rtol}`);
    ps.forEach((p, k) => {
      const at = (v: number): number[] => ps.map((q, j) => (j === k ? v : q));
      // The domain of v ↦ log f(x; v): valid parameters whose support still holds x (a Uniform's low, high).
      const h = differenceStep(p, (v) => Number.isFinite(logPdfIfValid(family, at(v), x)));
      const fd = richardsonDerivative((v) => family.make(...at(v)).logPdf(x), p, h);
      if (agree(out[1 + k], fd, p, h)) return;
      const name = family.paramNames[k] ?? `#${k}`;
      throw new IdentityViolation(`∂/∂${name} logPdf = finite difference`, subject, `x = ${x}`, `partial ${out[1 + k]}, Richardson difference ${fd} (h = ${h}), allowed rtol ${rtol}`);
    });
  });
}

/** log f(x) of the member with these parameters, NaN when the constructor refuses them. */
function logPdfIfValid(family: Family, ps: number[], x: number): number {
  let d: TestableDistribution;
  try {
    d = family.make(...ps);
  } catch {
    return NaN;
  }
  return d.logPdf(x);
}

// ---------------------------------------------------------------- KL

/**
 * KL(p‖q) ≥ 0 and never NaN, over `valid` parameters of both families (a closed
 * form `kl` for the pair). Exact comparison.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { kl } from 'varinf';
 * import { gammaFamily, klIsNonNegative } from 'varinf/testing';
 * // kl has two overloads (continuous, discrete): an arrow lets TypeScript pick the one for the family.
 * fc.assert(klIsNonNegative(gammaFamily, gammaFamily, (p, q) => kl(p, q)), { seed: 3 });
 * ```
 */
export function klIsNonNegative<P extends TestableDistribution, Q extends TestableDistribution>(
  pFamily: Family<P>,
  qFamily: Family<Q>,
  kl: KlFunction<P, Q>,
  options: { readonly pParams?: fc.Arbitrary<number[]>; readonly qParams?: fc.Arbitrary<number[]> } = {},
): IdentityProperty {
  return fc.property(options.pParams ?? pFamily.valid, options.qParams ?? qFamily.valid, (pp, qp) => {
    const v = kl(pFamily.make(...pp), qFamily.make(...qp));
    if (v >= 0) return;
    throw new IdentityViolation('KL(p‖q) ≥ 0', `p = ${subjectOf(pFamily, pp)}, q = ${subjectOf(qFamily, qp)}`, 'the closed form', `KL = ${v}`);
  });
}

/**
 * Options of {@link klOfSelfIsZero}.
 *
 * @example
 * ```ts
 * const options: KlSelfOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface KlSelfOptions extends PropertyOptions {
  /** Allowed KL(p‖p) (default 0: exactly +0, as varinf's closed forms give). */
  readonly tolerance?: number;
}

/**
 * KL(p‖p) = 0 for two separately built members with the same `valid` parameters.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { kl } from 'varinf';
 * import { klOfSelfIsZero, normalFamily } from 'varinf/testing';
 * // kl has two overloads (continuous, discrete): an arrow lets TypeScript pick the one for the family.
 * fc.assert(klOfSelfIsZero(normalFamily, (p, q) => kl(p, q)), { seed: 3 });
 * ```
 */
export function klOfSelfIsZero<P extends TestableDistribution>(family: Family<P>, kl: KlFunction<P, P>, options: KlSelfOptions = {}): IdentityProperty {
  const tol = options.tolerance ?? 0;
  return fc.property(options.params ?? family.valid, (ps) => {
    const v = kl(family.make(...ps), family.make(...ps));
    if (tol === 0 ? Object.is(v, 0) : v >= 0 && v <= tol) return;
    throw new IdentityViolation('KL(p‖p) = 0', subjectOf(family, ps), 'the closed form', `KL = ${formatValue(v)}, allowed ${tol === 0 ? '+0 exactly' : tol}`);
  });
}

/**
 * Options of the Monte-Carlo properties {@link klMatchesMonteCarlo} and {@link entropyMatchesMonteCarlo}.
 *
 * @example
 * ```ts
 * const options: MonteCarloOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface MonteCarloOptions {
  /** Draws per case (default 20 000). */
  readonly n?: number;
  /** Bound in estimated standard errors (default 4). */
  readonly z?: number;
}

/**
 * The closed-form KL(p‖q) equals the Monte-Carlo mean of log p(X) − log q(X),
 * X ~ p, within z·se + 1e-12 (se = s/√n the estimated standard error; the CLT
 * makes the failure rate 2Φ(−z) = 6.3e-5 at z = 4; 1e-12 absorbs rounding where the
 * differences are all equal and se = 0), over `moderate` parameters and seeds.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { kl } from 'varinf';
 * import { klMatchesMonteCarlo, normalFamily } from 'varinf/testing';
 * // kl has two overloads (continuous, discrete): an arrow lets TypeScript pick the one for the family.
 * fc.assert(klMatchesMonteCarlo(normalFamily, normalFamily, (p, q) => kl(p, q)), { numRuns: 12, seed: 4 });
 * ```
 */
export function klMatchesMonteCarlo<P extends TestableDistribution, Q extends TestableDistribution>(
  pFamily: Family<P>,
  qFamily: Family<Q>,
  kl: KlFunction<P, Q>,
  options: MonteCarloOptions = {},
): IdentityProperty {
  const { n = 20_000, z = 4 } = options;
  return fc.property(pFamily.moderate, qFamily.moderate, fc.integer({ min: 1, max: 1e6 }), (pp, qp, seed) => {
    const p = pFamily.make(...pp);
    const q = qFamily.make(...qp);
    const { mean, se } = monteCarloMean(p, (x) => p.logPdf(x) - q.logPdf(x), n, seed);
    const exact = kl(p, q);
    if (Math.abs(mean - exact) <= z * se + 1e-12) return;
    throw new IdentityViolation('KL(p‖q) = E_p[log p − log q]', `p = ${subjectOf(pFamily, pp)}, q = ${subjectOf(qFamily, qp)}`, `n = ${n}, seed = ${seed}`, `closed form ${exact}, Monte Carlo ${mean} ± ${se}, allowed ${z} standard errors`);
  });
}

/**
 * entropy() equals the Monte-Carlo mean of −log f(X) within z·se + 1e-12 (as
 * {@link klMatchesMonteCarlo}), over `moderate` parameters and seeds.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { entropyMatchesMonteCarlo, gammaFamily } from 'varinf/testing';
 * fc.assert(entropyMatchesMonteCarlo(gammaFamily), { numRuns: 10, seed: 5 });
 * ```
 */
export function entropyMatchesMonteCarlo(family: Family, options: MonteCarloOptions = {}): IdentityProperty {
  const { n = 20_000, z = 4 } = options;
  return fc.property(family.moderate, fc.integer({ min: 1, max: 1e6 }), (ps, seed) => {
    const d = family.make(...ps);
    if (d.entropy === undefined) throw new TypeError(`entropyMatchesMonteCarlo: ${family.name} has no entropy()`);
    const { mean, se } = monteCarloMean(d, (x) => -d.logPdf(x), n, seed);
    const h = d.entropy();
    if (Math.abs(mean - h) <= z * se + 1e-12) return;
    throw new IdentityViolation('entropy = −E[log f]', subjectOf(family, ps), `n = ${n}, seed = ${seed}`, `entropy() ${h}, Monte Carlo ${mean} ± ${se}, allowed ${z} standard errors`);
  });
}

// ---------------------------------------------------------------- bad input

/**
 * The constructor refuses every tuple of the family's `invalid` arbitrary with an
 * `InvalidParameterError` (or the given error class) whose message starts with the
 * family's name and names one of its parameters with the value passed.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { normalFamily, rejectsInvalidParameters } from 'varinf/testing';
 * fc.assert(rejectsInvalidParameters(normalFamily), { numRuns: 500, seed: 1 });
 * ```
 */
export function rejectsInvalidParameters(family: Family, options: { readonly errorType?: abstract new (...args: never[]) => Error } = {}): IdentityProperty {
  const errorType = options.errorType ?? InvalidParameterError;
  return fc.property(family.invalid, (ps) => {
    const subject = subjectOf(family, ps);
    const fail = (detail: string): never => {
      throw new IdentityViolation('invalid parameters are refused', subject, 'construction', detail);
    };
    try {
      family.make(...(ps as number[]));
    } catch (e) {
      if (!(e instanceof errorType)) return fail(`threw ${String(e)}, not a ${errorType.name}`);
      const { message } = e as Error;
      if (!message.startsWith(`${family.name}: `)) fail(`message ${JSON.stringify(message)} does not start with "${family.name}: "`);
      const named = family.paramNames.findIndex((name, i) => message.includes(name) && message.includes(formatValue(ps[i])));
      if (named < 0) fail(`message ${JSON.stringify(message)} names no parameter with its value`);
      return;
    }
    fail('the constructor accepted them');
  });
}
