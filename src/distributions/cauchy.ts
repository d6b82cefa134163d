/**
 * The Cauchy distribution with location μ and scale σ; its density at a point is in
 * cauchy-density.ts (shared with the kernels), its fast paths (summed and point
 * kernels) in cauchy-kernels.ts.
 *
 * @module
 */
import { LN_PI } from '../math/constants';
import type { Rng } from '../random/rng';
import { cauchyLogPdf, cauchyLogPdfPartials, cauchyStandardize, logAbsDiff } from './cauchy-density';
import { cauchyPointKernel, cauchySumKernel } from './cauchy-kernels';
import { ContinuousDistribution, type SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { checkBuffer, checkRng } from './shared';
import { real, type Support } from './support';
import { finiteParam, notANumber, positiveParam } from './validate';

/**
 * Cauchy distribution with location μ and scale σ > 0:
 * f(x) = 1 / (πσ(1 + t²)), t = (x − μ)/σ, support ℝ.
 *
 * Mean and variance are undefined (NaN); the mode and median are μ; the entropy
 * is log(4πσ). Tails are written so that nothing cancels: the lower tail is
 * atan(σ/|x − μ|)/π rather than ½ + atan(t)/π, its log falls back to
 * log σ − log|x − μ| − log π where that ratio underflows, and quantiles near
 * p = 0 or 1 use −1/tan(πp) with the exact complement (the complement trick of
 * Boost's `cauchy.hpp`). Measured against the 50-digit reference (families.json,
 * tails included), relative error / max(1, cond): logPdf, cdf, survival, their logs
 * and the quantile ≤ 2.1e-16; pdf (the exp of logPdf) ≤ 8.7e-15.
 *
 * @example
 * ```ts
 * import { Cauchy } from 'varinf';
 * const d = new Cauchy(0, 1);
 * d.logPdf(0);           // → -1.1447298858494002 (= −log π)
 * d.cdf(-1e10);          // → 3.183098861837907e-11, no cancellation
 * d.quantile(1e-300);    // → -3.183098861837907e299
 * d.mean();              // → NaN (undefined)
 * ```
 */
export class Cauchy extends ContinuousDistribution {
  /**
   * The i.i.d. log-likelihood from raw `[mu, sigma]`, point by point (a Cauchy has no
   * sufficient statistics): what lets a likelihood that passes latents straight into a
   * Cauchy skip the user's function (cauchy-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = cauchySumKernel((mu, sigma, xs, out) => new Cauchy(mu, sigma).sumLogPdfPartials(xs, out));

  /**
   * log f and its partials at many points from raw `[mu, sigma]` columns (a replayed
   * per-datum likelihood, a robust regression): the arithmetic of `logPdfPartials`,
   * through the same function (cauchy-kernels.ts).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = cauchyPointKernel;

  /** Always `"Cauchy"`. */
  readonly name = 'Cauchy';
  /** `["mu", "sigma"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** The real line. */
  readonly support: Support = real;
  /** The raw constructor arguments `[mu, sigma]`. */
  readonly operands: readonly number[];
  /** Location μ (median and mode). */
  readonly mu: number;
  /** Scale σ > 0 (half the interquartile range). */
  readonly sigma: number;
  /** log σ, cached: every density evaluation needs it. */
  private readonly logSigma: number;

  // ---- parameters and checks -------------------------------------------

  /**
   * @param mu - location μ, finite
   * @param sigma - scale σ, finite and > 0
   * @throws InvalidParameterError when a parameter is out of its domain
   */
  constructor(mu: number, sigma: number) {
    super();
    this.mu = finiteParam('Cauchy', 'mu', mu);
    this.sigma = positiveParam('Cauchy', 'sigma', sigma);
    this.operands = [mu, sigma];
    this.logSigma = Math.log(this.sigma);
  }

  // ---- statistics -------------------------------------------------------

  /** Undefined: NaN (E|X| diverges). */
  mean(): number {
    return NaN;
  }

  /** Undefined: NaN (the mean itself is undefined). */
  variance(): number {
    return NaN;
  }

  /** μ. */
  mode(): number {
    return this.mu;
  }

  /** log(4πσ). */
  entropy(): number {
    return LN_4PI + this.logSigma;
  }

  // ---- evaluation -------------------------------------------------------

  /**
   * −log π − log σ − log1p(t²); for |t| > 1e150, where t² overflows, the same
   * value as −log π + log σ − 2 log|x − μ| (the dropped log1p(1/t²) < 1e-300).
   */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    return cauchyLogPdf(x, this.mu, this.sigma, this.logSigma);
  }

  /** ½ + atan(t)/π in the middle, atan(σ/|x − μ|)/π in the lower tail (no cancellation). */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    return this.lowerTail(x, this.standardize(x));
  }

  /** log F(x); far in the lower tail log σ − log|x − μ| − log π plus the atan correction. */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    return this.logLowerTail(x, this.standardize(x));
  }

  /** F(2μ − x) by symmetry, so the upper tail is as accurate as the lower one. */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    return this.lowerTail(x, -this.standardize(x));
  }

  /** log(1 − F(x)) by symmetry with `logCdf`. */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    return this.logLowerTail(x, -this.standardize(x));
  }

  // ---- partials ---------------------------------------------------------

  /**
   * ∂/∂x = −2t/(σ(1 + t²)), ∂/∂μ = 2t/(σ(1 + t²)), ∂/∂σ = (t − 1)(t + 1)/(σ(1 + t²));
   * t/(1 + t²) is 1/t once t² would overflow.
   */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    return cauchyLogPdfPartials(x, this.mu, this.sigma, this.logSigma, out);
  }

  // ---- sampling ---------------------------------------------------------

  /**
   * μ + σ·t with t = tan(π(p − ½)) written without cancellation: −1/tan(πp) for
   * p < ¼ (and −1/(πp) below 1e-9, where tan(πp) = πp to double precision),
   * tan(π(p − ½)) with p − ½ exact for ¼ ≤ p ≤ ¾, and 1/tan(π(1 − p)) above.
   */
  protected quantileInside(p: number): number {
    return this.mu + this.sigma * standardQuantile(p);
  }

  /** Inversion of one uniform: μ + σ·tan(π(U − ½)), with the tail forms above. */
  protected draw(rng: Rng): number {
    return this.quantileInside(rng.uniform());
  }

  /** Bulk uniforms from the generator (the same numbers as successive draws), then the quantile in place. */
  override sampleInto(rng: Rng, out: Float64Array): Float64Array {
    checkRng(this.name, rng);
    checkBuffer(this.name, 'sampleInto', out, 0);
    rng.fillUniform(out);
    for (let i = 0; i < out.length; i++) out[i] = this.quantileInside(out[i]);
    return out;
  }

  // ---- helpers ----------------------------------------------------------

  /** t = (x − μ)/σ; when x − μ overflows, from the halves (t is then ±∞ or huge anyway). */
  private standardize(x: number): number {
    return cauchyStandardize(x, this.mu, this.sigma);
  }

  /** The standard Cauchy cdf at t; below t = −1 as atan(r)/π with r = σ/|x − μ|. */
  private lowerTail(x: number, t: number): number {
    if (t < -1) return Math.atan(this.ratio(x)) / Math.PI;
    if (t <= 1) return 0.5 + Math.atan(t) / Math.PI;
    if (t === t) return 1 - Math.atan(this.ratio(x)) / Math.PI;
    return NaN;
  }

  /** log of the standard Cauchy cdf at t. */
  private logLowerTail(x: number, t: number): number {
    if (t < -1e8) {
      // F = atan(r)/π with r < 1e-8: log r − log π − r²/3 (the next term, r⁴/5, is below 1e-33);
      // log r from the logs where r itself would be subnormal or 0.
      const r = this.ratio(x);
      const logR = r > 1e-300 ? Math.log(r) : this.logSigma - logAbsDiff(x, this.mu);
      return logR - LN_PI - (r * r) / 3;
    }
    if (t <= 1) return Math.log(this.lowerTail(x, t));
    // Near 1: log1p of minus the (accurately computed) upper tail.
    return t === t ? Math.log1p(-Math.atan(this.ratio(x)) / Math.PI) : NaN;
  }

  /** r = σ/|x − μ| = 1/|t| in two roundings, also when x − μ overflows. */
  private ratio(x: number): number {
    const d = Math.abs(x - this.mu);
    if (d < Infinity || !Number.isFinite(x)) return this.sigma / d;
    return 0.5 * (this.sigma / Math.abs(0.5 * x - 0.5 * this.mu));
  }
}

/** Quantile of the standard Cauchy for p in (0, 1), see `Cauchy.quantileInside`. */
function standardQuantile(p: number): number {
  if (p < 0.25) return p < 1e-9 ? -INV_PI / p : -1 / Math.tan(Math.PI * p);
  if (p <= 0.75) return Math.tan(Math.PI * (p - 0.5));
  const q = 1 - p;
  return q < 1e-9 ? INV_PI / q : 1 / Math.tan(Math.PI * q);
}

const PARAMS: readonly string[] = Object.freeze(['mu', 'sigma']);
/** log(4π). */
const LN_4PI = 2.5310242469692907;
/** 1/π. */
const INV_PI = 0.3183098861837907;
