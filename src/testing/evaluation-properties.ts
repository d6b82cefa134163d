/**
 * Identities between the evaluation methods of one member at one point: pdf and
 * logPdf, cdf and survival, their logs, monotonicity of the cdf, and d/dx cdf = pdf.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { Family, TestableDistribution } from './family';
import { requireKind, spread, subjectOf, withPoint, type IdentityProperty, type PropertyOptions } from './identity-property';
import { EPSILON, isClose } from './tolerance';
import { IdentityViolation } from './violation';

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
