/**
 * The log-normal distribution: X = e^Y with Y ~ Normal(μ, σ); its fast paths (summed
 * and point kernels, statistics rows) are in lognormal-kernels.ts.
 *
 * @module
 */
import { LN_SQRT_2PI } from '../math/constants';
import { normalCdf, normalLogCdf, normalQuantile } from '../math/normal-functions';
import type { Rng } from '../random/rng';
import { ContinuousDistribution, type SumLogPdfKernel } from './distribution';
import { logNormalPointKernel, logNormalSumKernel, logNormalSumLogPdfPartials } from './lognormal-kernels';
import type { PointLogPdfKernel } from './point-kernel';
import { checkArrayLike, checkBuffer, checkRng } from './shared';
import { positive, type Support } from './support';
import { finiteParam, notANumber, positiveParam } from './validate';

/**
 * Log-normal distribution: log X ~ Normal(μ, σ), so
 * f(x) = exp(−(log x − μ)² / (2σ²)) / (x σ √(2π)) for x > 0.
 * Every method is the Normal one seen through y = log x.
 *
 * @example
 * ```ts
 * import { LogNormal, Normal } from 'varinf';
 * const d = new LogNormal(0, 1);
 * d.logPdf(2) === new Normal(0, 1).logPdf(Math.log(2)) - Math.log(2); // → true
 * d.mean();     // e^{1/2} = 1.6487212707001282
 * d.logPdf(0);  // → -Infinity
 * ```
 */
export class LogNormal extends ContinuousDistribution {
  /**
   * The i.i.d. log-likelihood from raw `[mu, sigma]` (the same formula as
   * `sumLogPdfPartials`, and this class's own sum where that falls back to the
   * per-point form), for models whose likelihood passes latents straight through
   * (lognormal-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = logNormalSumKernel((mu, sigma, xs, out) => new LogNormal(mu, sigma).sumLogPdfPartials(xs, out));

  /**
   * log f and its parameter partials at many points from raw parameter columns, for a
   * replayed per-datum likelihood (lognormal-kernels.ts).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = logNormalPointKernel;

  /** Always `"LogNormal"`. */
  readonly name = 'LogNormal';
  /** `["mu", "sigma"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** (0, ∞). */
  readonly support: Support = positive;
  /** The raw constructor arguments `[mu, sigma]`. */
  readonly operands: readonly number[];
  /** Mean μ of log X. */
  readonly mu: number;
  /** Standard deviation σ > 0 of log X. */
  readonly sigma: number;
  /** log σ + log √(2π), cached: every density evaluation needs it. */
  private readonly logNormalizer: number;

  // ---- parameters and checks ------------------------------------------------

  /**
   * @param mu - mean of log X, finite
   * @param sigma - standard deviation of log X, finite and > 0
   * @throws InvalidParameterError when a parameter is out of its domain
   */
  constructor(mu: number, sigma: number) {
    super();
    this.mu = finiteParam('LogNormal', 'mu', mu);
    this.sigma = positiveParam('LogNormal', 'sigma', sigma);
    this.operands = [mu, sigma];
    this.logNormalizer = Math.log(this.sigma) + LN_SQRT_2PI;
  }

  // ---- statistics -----------------------------------------------------------

  /** e^{μ + σ²/2}, with the exponent μ + σ²/2 summed exactly (within ~2 ulp for any μ, σ). */
  mean(): number {
    return expAffineSquare(this.mu, 0.5, this.sigma);
  }

  /**
   * e^{2μ+σ²}·expm1(σ²), in log space where a factor alone would over- or
   * underflow: e.g. LogNormal(355, 0.1) (e^{710.01} overflows, the product is
   * 2.27e306) and LogNormal(400, 1e-200) (σ² underflows, the product is 2.7e-53).
   */
  variance(): number {
    return logNormalSpread(this.mu, this.sigma, false);
  }

  /** √variance formed as e^{μ+σ²/2}·√expm1(σ²) in the same way, never √ of an overflowed variance. */
  override stddev(): number {
    return logNormalSpread(this.mu, this.sigma, true);
  }

  /** e^{μ − σ²}, with the exponent summed exactly. */
  mode(): number {
    return expAffineSquare(this.mu, -1, this.sigma);
  }

  /** μ + ½ + log(σ √(2π)). */
  entropy(): number {
    return this.mu + 0.5 + this.logNormalizer;
  }

  // ---- evaluation -----------------------------------------------------------

  /**
   * log f(x) = −z²/2 − log σ − log √(2π) − log x with z = (log x − μ)/σ on (0, ∞); −∞
   * for x ≤ 0 and x = ∞, NaN for NaN. The one statement of the density, which `logPdf`
   * and `logPdfPartials` call and the gradient rows repeat inline (a private method,
   * value only: see `Normal.logDensity`).
   */
  private logDensity(x: number): number {
    if (!(x > 0)) return x <= 0 ? -Infinity : NaN;
    if (x === Infinity) return -Infinity;
    const y = Math.log(x);
    const z = (y - this.mu) / this.sigma;
    return -0.5 * z * z - this.logNormalizer - y;
  }

  /** −z²/2 − log σ − log √(2π) − log x with z = (log x − μ)/σ; −∞ for x ≤ 0. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    return this.logDensity(x);
  }

  /** Φ((log x − μ)/σ). */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    return x > 0 ? normalCdf((Math.log(x) - this.mu) / this.sigma) : x <= 0 ? 0 : NaN;
  }

  /** log Φ((log x − μ)/σ). */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    return x > 0 ? normalLogCdf((Math.log(x) - this.mu) / this.sigma) : x <= 0 ? -Infinity : NaN;
  }

  /** Φ((μ − log x)/σ). */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    return x > 0 ? normalCdf((this.mu - Math.log(x)) / this.sigma) : x <= 0 ? 1 : NaN;
  }

  /** log Φ((μ − log x)/σ). */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    return x > 0 ? normalLogCdf((this.mu - Math.log(x)) / this.sigma) : x <= 0 ? 0 : NaN;
  }

  /** exp(μ + σ Φ⁻¹(p)). */
  protected quantileInside(p: number): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(p));
  }

  /** One pass over Σ log xᵢ, shared with the partials. */
  override sumLogPdf(xs: ArrayLike<number>): number {
    checkArrayLike(this.name, 'sumLogPdf', xs);
    return this.sumLogPdfPartials(xs, SCRATCH);
  }

  /** The value-only rows of a batch: the bits of `logPdf`. @internal */
  override addLogPdfRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array): void {
    for (let k = 0, o = 0; k < rows; k++, o += stride) {
      let s = lp[k];
      for (let i = o + c0; i < o + c1; i++) s += this.logPdf(xs[i]);
      lp[k] = s;
    }
  }

  // ---- partials -------------------------------------------------------------

  /** ∂/∂x = −(1 + z/σ)/x, ∂/∂μ = z/σ, ∂/∂σ = (z² − 1)/σ, z = (log x − μ)/σ. */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    if (!(x > 0) || x === Infinity) {
      out[0] = 0;
      out[1] = 0;
      out[2] = 0;
    } else {
      const s = this.sigma;
      const z = (Math.log(x) - this.mu) / s;
      const dmu = z / s;
      out[0] = -(1 + dmu) / x;
      out[1] = dmu;
      out[2] = (z * z - 1) / s;
    }
    return this.logDensity(x);
  }

  /**
   * Σ log f(xᵢ) with Σ ∂/∂μ = Σ(log xᵢ − μ)/σ² and Σ ∂/∂σ = (Σ(log xᵢ − μ)²/σ² − n)/σ
   * (the per-point sum when a datum lies outside (0, ∞)).
   */
  override sumLogPdfPartials(xs: ArrayLike<number>, out: Float64Array): number {
    checkArrayLike(this.name, 'sumLogPdfPartials', xs);
    checkBuffer(this.name, 'sumLogPdfPartials', out, this.paramNames.length + 1);
    const v = logNormalSumLogPdfPartials(this.mu, this.sigma, this.logNormalizer, xs, out);
    return v !== undefined ? v : super.sumLogPdfPartials(xs, out);
  }

  /**
   * The rows of a batch (see the base class): the value and ∂/∂x of `logPdfPartials`,
   * operation for operation; here rather than in lognormal-kernels.ts for the reason
   * given at `Exponential.addLogPdfGradRows`. @internal
   */
  override addLogPdfGradRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array, dx: Float64Array): void {
    const mu = this.mu;
    const sg = this.sigma;
    const c = this.logNormalizer;
    for (let k = 0, o = 0; k < rows; k++, o += stride) {
      let s = lp[k];
      for (let i = o + c0; i < o + c1; i++) {
        const x = xs[i];
        if (!(x > 0) || x === Infinity) {
          s += x > 0 || x <= 0 ? -Infinity : NaN;
          dx[i] = 0;
          continue;
        }
        const y = Math.log(x);
        const z = (y - mu) / sg;
        s += -0.5 * z * z - c - y;
        dx[i] = -(1 + z / sg) / x;
      }
      lp[k] = s;
    }
  }

  // ---- sampling -------------------------------------------------------------

  /** exp(μ + σ Z). */
  protected draw(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * rng.normal());
  }

  /** Bulk ziggurat fill, then exp(μ + σ z) in place. */
  override sampleInto(rng: Rng, out: Float64Array): Float64Array {
    checkRng(this.name, rng);
    checkBuffer(this.name, 'sampleInto', out, 0);
    rng.fillNormal(out);
    const mu = this.mu;
    const s = this.sigma;
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(mu + s * out[i]);
    return out;
  }
}

/** Dekker's splitter 2^27 + 1. */
const SPLITTER = 134217729;

/**
 * e^{k(μ + c·σ²)} for c ∈ {½, −1, 1}, k ∈ {1, 2} with the exponent μ + cσ² carried as an exact
 * double-double (Dekker's product (cσ)·σ = p + e, Knuth's two-sum), so the
 * result is within ~2 ulp of the true value for any finite μ and |c|σ² ≤ DBL_MAX
 * (the plain formula's error grows like ε·|μ + cσ²|, 1.6e-13 at exponents near
 * 700). Beyond, |c|σ² > DBL_MAX and the plain form gives the ±∞ exponent.
 */
function expAffineSquare(mu: number, c: number, sigma: number, k = 1): number {
  const a = c * sigma; // exact: c is ½, −1 or 1
  const p = a * sigma;
  if (!(Math.abs(p) < Infinity)) return Math.exp(k * (mu + p));
  const ha = SPLITTER * a;
  const ah = ha - (ha - a);
  const al = a - ah;
  const hs = SPLITTER * sigma;
  const sh = hs - (hs - sigma);
  const sl = sigma - sh;
  const e = ah * sh - p + ah * sl + al * sh + al * sl; // (cσ)σ = p + e exactly
  const s = mu + p;
  if (!(Math.abs(s) < Infinity)) return Math.exp(k * s); // |μ + cσ²| ≥ DBL_MAX
  const bv = s - mu;
  const t = mu - (s - bv) + (p - bv) + e; // two-sum error plus e
  const hi = s + t; // renormalized: μ + p may cancel, leaving t dominant
  const lo = t - (hi - s);
  const x = Math.exp(k * hi); // k·hi may overflow to ±∞: then so does the true exponent
  return x === Infinity || x === 0 ? x : x + x * (k * lo);
}

/** log(expm1(s)) for s = σ² ≥ 0, with σ² kept through log σ when it would underflow. */
function logExpm1Square(sigma: number): number {
  if (sigma < 1e-140) return 2 * Math.log(sigma); // expm1(σ²) = σ²(1 + σ²/2 + …), σ² < 1e-280
  const s = sigma * sigma;
  return s < 700 ? Math.log(Math.expm1(s)) : s + Math.log1p(-Math.exp(-s));
}

/**
 * The variance e^{2μ+σ²}·expm1(σ²) (root = false) or its square root
 * e^{μ+σ²/2}·√expm1(σ²) (root = true). When both factors are normal doubles the
 * product is formed directly (≤ 3 ulp); otherwise in log space as
 * exp(k·(μ + σ²/2 + ½ log expm1(σ²))) with k = 2 or 1, whose error is
 * ε·|exponent| (the condition number of the result in μ), so the result is
 * finite wherever the true value is representable and 0 or ∞ only where it
 * under- or overflows.
 */
function logNormalSpread(mu: number, sigma: number, root: boolean): number {
  const m = Math.expm1(sigma * sigma);
  if (m > 1e-290 && m < 1e290) {
    const e = expAffineSquare(mu, 0.5, sigma, root ? 1 : 2);
    if (e > 1e-290 && e < 1e290) return root ? e * Math.sqrt(m) : e * m;
  }
  if (!(sigma < 1e150)) {
    // σ² ≥ 1e300, so expm1(σ²) = e^{σ²} in double precision: e^{2μ+2σ²} or its root.
    return expAffineSquare(mu, 1, sigma, root ? 1 : 2);
  }
  const half = mu + 0.5 * sigma * sigma + 0.5 * logExpm1Square(sigma);
  return Math.exp(root ? half : 2 * half);
}

const PARAMS: readonly string[] = Object.freeze(['mu', 'sigma']);
/** Discarded partials of `sumLogPdf`. */
const SCRATCH = new Float64Array(3);
