/**
 * Student's t distribution with ν degrees of freedom, location μ and scale σ; its
 * density at a point is in student-t-density.ts, its fast paths (summed and point
 * kernels) in student-t-kernels.ts.
 *
 * @module
 */
import { digammaDiff, lbeta, logABeta } from '../math/beta-functions';
import { digamma } from '../math/gamma-functions';
import { logBetaIPair } from '../math/incomplete-beta';
import { betaIInvPair } from '../math/incomplete-beta-inverse';
import { normalQuantile } from '../math/normal-functions';
import type { Rng } from '../random/rng';
import { ContinuousDistribution, type SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { real, type Support } from './support';
import { logU, standardize, studentLogNormalizer, studentLogPdf, studentLogPdfPartials, studentNuTerm } from './student-t-density';
import { studentTPointKernel, studentTSumKernel } from './student-t-kernels';
import { finiteParam, notANumber, positiveParam } from './validate';

/**
 * Student's t distribution with ν > 0 degrees of freedom, location μ and scale σ > 0:
 * f(x) = Γ((ν+1)/2) / (Γ(ν/2) √(νπ) σ) · (1 + t²/ν)^{−(ν+1)/2}, t = (x − μ)/σ.
 *
 * ν may range from 1e-2 (tails so heavy that quantiles overflow) to 1e8 and beyond
 * (the normal limit): the normalizing constant is evaluated as a Stirling difference
 * for large ν, so it does not lose the digits that lgamma differences would. The cdf
 * is ½ I_{ν/(ν+t²)}(ν/2, ½) in the lower tail, with both ν/(ν+t²) and t²/(ν+t²)
 * formed without cancellation or overflow, and the logs stay exact far in the tails.
 *
 * @example
 * ```ts
 * import { StudentT } from 'varinf';
 * const d = new StudentT(3, 0, 1);
 * d.logPdf(0);          // → -1.0008888496235095
 * d.cdf(-1);            // → 0.19550110947788535
 * d.quantile(0.975);    // → 3.1824463052837078
 * d.logCdf(-1e200);     // → -1381.4533…, where the cdf underflows
 * ```
 */
export class StudentT extends ContinuousDistribution {
  /**
   * The i.i.d. log-likelihood from raw `[nu, mu, sigma]`, point by point (a Student-t
   * has no sufficient statistics): what lets a likelihood that passes latents straight
   * into a StudentT skip the user's function, and a per-datum robust regression be
   * replayed (one distribution per point there, the instance's own arithmetic;
   * student-t-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = studentTSumKernel((nu, mu, sigma, xs, out) => new StudentT(nu, mu, sigma).sumLogPdfPartials(xs, out));

  /**
   * log f(x | ν, μ, σ) and its partials at many points from raw columns (a replayed
   * robust regression), through the arithmetic of `logPdfPartials` (the same bits):
   * the normalizer and the digamma gap are computed once per run of equal ν (the
   * usual constant column, where the instance path recomputed them per point), log σ
   * once per run of equal σ, and no distribution is built per point (student-t-kernels.ts).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = studentTPointKernel;

  /** Always `"StudentT"`. */
  readonly name = 'StudentT';
  /** `["nu", "mu", "sigma"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** The real line. */
  readonly support: Support = real;
  /** The raw constructor arguments `[nu, mu, sigma]`. */
  readonly operands: readonly number[];
  /** Degrees of freedom ν > 0. */
  readonly nu: number;
  /** Location μ. */
  readonly mu: number;
  /** Scale σ > 0. */
  readonly sigma: number;
  /** log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − log σ, cached. */
  private readonly logNorm: number;
  /**
   * log B(ν/2, ½), log((ν/2)B(ν/2, ½)) and log(½B(ν/2, ½)) for the incomplete beta of the
   * cdf, computed on the first cdf-type call (models construct a StudentT per evaluation
   * and only need logPdf); invisible to callers.
   */
  #cdfCache: Float64Array | undefined;

  // ---- parameters and checks ------------------------------------------------

  /**
   * @param nu - degrees of freedom ν, finite and > 0
   * @param mu - location μ, finite
   * @param sigma - scale σ, finite and > 0
   * @throws InvalidParameterError when a parameter is out of its domain
   */
  constructor(nu: number, mu: number, sigma: number) {
    super();
    this.nu = positiveParam('StudentT', 'nu', nu);
    this.mu = finiteParam('StudentT', 'mu', mu);
    this.sigma = positiveParam('StudentT', 'sigma', sigma);
    this.operands = [nu, mu, sigma];
    this.logNorm = studentLogNormalizer(this.nu) - Math.log(this.sigma);
  }

  // ---- statistics -----------------------------------------------------------

  /** μ for ν > 1; NaN (undefined) for ν ≤ 1. */
  mean(): number {
    return this.nu > 1 ? this.mu : NaN;
  }

  /** σ²ν/(ν − 2) for ν > 2, ∞ for 1 < ν ≤ 2, NaN (undefined) for ν ≤ 1. */
  variance(): number {
    const nu = this.nu;
    if (nu > 2) return this.sigma * this.sigma * (nu / (nu - 2));
    return nu > 1 ? Infinity : NaN;
  }

  /** σ√(ν/(ν − 2)) for ν > 2 (without squaring σ), else as `variance`. */
  override stddev(): number {
    const nu = this.nu;
    return nu > 2 ? this.sigma * Math.sqrt(nu / (nu - 2)) : Math.sqrt(this.variance());
  }

  /** μ. */
  mode(): number {
    return this.mu;
  }

  /**
   * (ν+1)/2·[ψ((ν+1)/2) − ψ(ν/2)] + log(√ν B(ν/2, ½)) + log σ; for ν ≥ 20 the ψ gap by
   * `digammaDiff` and log(√ν B(ν/2, ½)) as the Stirling difference of the normalizer, so
   * the normal limit ½ log(2πe) + log σ is reached without cancellation.
   */
  entropy(): number {
    const h = 0.5 * this.nu;
    // ν/2 underflows to 0 only for ν = 5e-324, where H ≈ 1/ν overflows: +∞ is the
    // rounded value (ψ(0) and log Γ(0) would make it ∞ − ∞).
    if (h === 0) return Infinity;
    const gap = h >= 10 ? digammaDiff(h, 0.5) : digamma(h + 0.5) - digamma(h);
    return (h + 0.5) * gap - this.logNorm;
  }

  // ---- evaluation -----------------------------------------------------------

  /** log f(x) = logNorm − (ν+1)/2·log(1 + t²/ν), with t²/ν formed without overflow. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    return studentLogPdf(x, this.nu, this.mu, this.sigma, this.logNorm);
  }

  /** F(x): ½ I_{ν/(ν+t²)}(ν/2, ½) for t < 0, its complement above. */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    return Math.exp(this.logCdf(x));
  }

  /** log F(x), exact far into the lower tail. */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    const t = standardize(x, this.mu, this.sigma);
    if (t !== t) return NaN;
    const lt = this.logTail(t);
    return t < 0 ? lt : Math.log1p(-Math.exp(lt));
  }

  /** 1 − F(x) = F(μ − (x − μ)), by symmetry (no cancellation). */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    return Math.exp(this.logSurvival(x));
  }

  /** log(1 − F(x)), exact far into the upper tail. */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    const t = standardize(x, this.mu, this.sigma);
    if (t !== t) return NaN;
    const lt = this.logTail(t);
    return t > 0 ? lt : Math.log1p(-Math.exp(lt));
  }

  /**
   * μ ± σ√(ν·y/x), where x = ν/(ν + t²) solves I_x(ν/2, ½) = 2·min(p, 1 − p) and y = 1 − x;
   * both come from the inverse with the smaller one (and its log) to full relative
   * accuracy, so the far tails (x tiny) and the centre (y tiny) are both exact, and t
   * overflows to ±∞ only where the true quantile does.
   */
  protected quantileInside(p: number): number {
    if (this.nu >= CORNISH_FISHER_NU) return this.mu + this.sigma * cornishFisher(normalQuantile(p), this.nu);
    const lower = p <= 0.5;
    // ν = 5e-324 (ν/2 underflows to 0): |t_p| ≈ (2·tail)^(−1/ν) overflows for every
    // p ≠ ½ a double can hold; the inverse incomplete beta at a = 0 would be NaN.
    if (0.5 * this.nu === 0) return p === 0.5 ? this.mu : lower ? -Infinity : Infinity;
    const tail = lower ? p : 1 - p; // 1 − p is exact for p ≥ ½
    const r = betaIInvPair(0.5 * this.nu, 0.5, 2 * tail, 1 - 2 * tail);
    // |t| = √(ν y / x); via logs when x is below the normal range.
    let absT: number;
    if (r.x > 1e-300) absT = Math.sqrt(this.nu) * Math.sqrt(r.y / r.x);
    else absT = Math.exp(0.5 * (Math.log(this.nu) + Math.log(r.y) - r.logSmall));
    const t = lower ? -absT : absT;
    return this.mu + this.sigma * t;
  }

  // ---- partials -------------------------------------------------------------

  /**
   * With t = (x − μ)/σ and w = 1 + t²/ν, in the order of `paramNames` (ν, μ, σ):
   * ∂/∂x = −(ν+1)t/(σνw), ∂/∂ν = ½[ψ((ν+1)/2) − ψ(ν/2) − 1/ν − log w + (ν+1)t²/(ν²w)],
   * ∂/∂μ = −∂/∂x, ∂/∂σ = ((ν+1)t²/(νw) − 1)/σ.
   */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    return studentLogPdfPartials(x, this.nu, this.mu, this.sigma, this.logNorm, studentNuTerm(this.nu), out);
  }

  // ---- sampling -------------------------------------------------------------

  /**
   * μ + σ·Z/√(2G/ν) with Z ~ N(0, 1), G ~ Gamma(ν/2, 1), the gamma drawn as a log
   * (`Rng.logGamma`) so that tiny ν (G ~ e^{−200}) gives a huge but finite t
   * instead of ∞ where the double range allows.
   */
  protected draw(rng: Rng): number {
    const z = rng.normal();
    const logChi2OverNu = Math.LN2 + rng.logGamma(0.5 * this.nu) - Math.log(this.nu);
    return this.mu + this.sigma * (z * Math.exp(-0.5 * logChi2OverNu));
  }

  // ---- helpers --------------------------------------------------------------

  /** [log B(ν/2, ½), logABeta(ν/2, ½), logABeta(½, ν/2)], computed once. */
  private betaLogs(): Float64Array {
    if (this.#cdfCache === undefined) {
      const h = 0.5 * this.nu;
      this.#cdfCache = Float64Array.of(lbeta(h, 0.5), logABeta(h, 0.5), logABeta(0.5, h));
    }
    return this.#cdfCache;
  }

  /** log(½ I_{ν/(ν+t²)}(ν/2, ½)) = log P(T ≤ −|t|), the log of the tail beyond |t|. */
  private logTail(t: number): number {
    if (Math.abs(t) === Infinity) return -Infinity;
    const u = Math.abs(t) / Math.sqrt(this.nu);
    // Beyond u = 1e100, x = ν/(ν + t²) = u^{−2}(1 − u^{−2} + …) may underflow while
    // I_x(ν/2, ½) need not (ν = 0.01: x^{ν/2} ≈ e^{−6}); there the leading term
    // x^{ν/2}/((ν/2)B(ν/2, ½)) is exact to 1e-200 relative (u itself may overflow, so
    // its log is taken from t and ν).
    const c = this.betaLogs();
    if (u > 1e100) return -this.nu * logU(t, this.nu) - c[1] - Math.LN2;
    // x = ν/(ν + t²) = 1/(1 + u²) and y = u²/(1 + u²), each to full relative accuracy.
    let x: number;
    let y: number;
    if (u < 1) {
      const s = u * u;
      x = 1 / (1 + s);
      y = s / (1 + s);
    } else {
      const r = 1 / u / u;
      x = r / (1 + r);
      y = 1 / (1 + r);
    }
    if (y === 0) return -Math.LN2;
    return logBetaIPair(0.5 * this.nu, 0.5, x, y, false, c[0], c[1], c[2]) - Math.LN2;
  }
}

const PARAMS: readonly string[] = Object.freeze(['nu', 'mu', 'sigma']);

/**
 * Above this ν the quantile comes from the normal one by the Cornish–Fisher series
 * (the incomplete-beta inverse loses the tail there: at ν ≈ 1e18 its x is within
 * rounding of 1).
 */
const CORNISH_FISHER_NU = 1e10;

/**
 * t_ν(p) from z = Φ⁻¹(p) (Abramowitz & Stegun 26.7.5, Hill 1970):
 * t = z + g₁/ν + g₂/ν² + g₃/ν³ with g₁ = (z³ + z)/4, g₂ = (5z⁵ + 16z³ + 3z)/96,
 * g₃ = (3z⁷ + 19z⁵ + 17z³ − 15z)/384. For ν ≥ 1e10 and |z| ≤ 38 (p ≥ 1e-300) the
 * next term is below 1e-30 of t, so the result has the accuracy of z.
 */
function cornishFisher(z: number, nu: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * (3 + z2 * (16 + 5 * z2))) / 96;
  const g3 = (z * (-15 + z2 * (17 + z2 * (19 + 3 * z2)))) / 384;
  return z + (g1 + (g2 + g3 / nu) / nu) / nu;
}
