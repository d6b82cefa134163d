/**
 * The log-normal distribution: X = e^Y with Y ~ Normal(μ, σ).
 *
 * @module
 */
import { LN_SQRT_2PI } from '../math/constants';
import { centredMoments } from '../math/moments';
import { normalCdf, normalLogCdf, normalQuantile } from '../math/normal-functions';
import type { Rng } from '../random/rng';
import { ContinuousDistribution, type SumLogPdfKernel } from './distribution';
import { normalRowsFromStatistics } from './normal';
import { positive, type Support } from './support';
import { finiteParam, isFiniteValue, isPositiveValue, positiveParam } from './validate';

/**
 * Log-normal distribution: log X ~ Normal(μ, σ), so
 * f(x) = exp(−(log x − μ)² / (2σ²)) / (x σ √(2π)) for x > 0.
 * Every method is the Normal one seen through y = log x.
 *
 * @example
 * ```ts
 * import { LogNormal, Normal } from 'varinf';
 * const d = new LogNormal(0, 1);
 * d.logPdf(2) === new Normal(0, 1).logPdf(Math.log(2)) - Math.log(2); // true
 * d.mean();     // e^{1/2} = 1.6487212707001282
 * d.logPdf(0);  // -Infinity
 * ```
 */
export class LogNormal extends ContinuousDistribution {
  /**
   * The i.i.d. log-likelihood from raw `[mu, sigma]` (the same formula as
   * `sumLogPdfPartials`), for models whose likelihood passes latents straight through.
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = Object.freeze({
    arity: 2,
    cacheSlots: 3,
    accepts: (p: Float64Array): boolean => isFiniteValue(p[0]) && isPositiveValue(p[1]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => {
      // p[2], p[3]: the σ of the last call and its log σ + log √(2π).
      if (p[2] !== p[1]) {
        p[2] = p[1];
        p[3] = Math.log(p[1]) + LN_SQRT_2PI;
      }
      const v = logNormalSumLogPdfPartials(p[0], p[1], p[3], xs, out);
      // A datum outside (0, ∞): the per-point form, as the instance method does.
      return v !== undefined ? v : new LogNormal(p[0], p[1]).sumLogPdfPartials(xs, out);
    },
    // [n, mean of log x, Σ(log xᵢ − mean)², Σ log xᵢ]; the per-point form for a datum outside (0, ∞).
    statistics: (xs: ArrayLike<number>): Float64Array | undefined => {
      for (let i = 0; i < xs.length; i++) if (!(xs[i] > 0 && xs[i] < Infinity)) return undefined;
      const m = centredMoments(xs, Math.log);
      return m === undefined ? undefined : Float64Array.of(m[0], m[1], m[2], m[0] * m[1]);
    },
    // The Normal likelihood of y = log x, and the Jacobian −Σ log xᵢ.
    fromStatistics: (p: Float64Array, rows: number, st: Float64Array, cache: Float64Array, value: Float64Array, partials: Float64Array): void =>
      normalRowsFromStatistics(p, rows, st, cache, value, partials, st[3]),
  });

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

  /** −z²/2 − log σ − log √(2π) − log x with z = (log x − μ)/σ; −∞ for x ≤ 0. */
  logPdf(x: number): number {
    if (!(x > 0)) return x <= 0 ? -Infinity : NaN;
    if (x === Infinity) return -Infinity;
    const y = Math.log(x);
    const z = (y - this.mu) / this.sigma;
    return -0.5 * z * z - this.logNormalizer - y;
  }

  /** Φ((log x − μ)/σ). */
  cdf(x: number): number {
    return x > 0 ? normalCdf((Math.log(x) - this.mu) / this.sigma) : x <= 0 ? 0 : NaN;
  }

  /** log Φ((log x − μ)/σ). */
  logCdf(x: number): number {
    return x > 0 ? normalLogCdf((Math.log(x) - this.mu) / this.sigma) : x <= 0 ? -Infinity : NaN;
  }

  /** Φ((μ − log x)/σ). */
  survival(x: number): number {
    return x > 0 ? normalCdf((this.mu - Math.log(x)) / this.sigma) : x <= 0 ? 1 : NaN;
  }

  /** log Φ((μ − log x)/σ). */
  logSurvival(x: number): number {
    return x > 0 ? normalLogCdf((this.mu - Math.log(x)) / this.sigma) : x <= 0 ? 0 : NaN;
  }

  /** e^{μ + σ²/2}. */
  mean(): number {
    return Math.exp(this.mu + 0.5 * this.sigma * this.sigma);
  }

  /** (e^{σ²} − 1) e^{2μ + σ²}, with expm1 so tiny σ keeps its digits. */
  variance(): number {
    const s2 = this.sigma * this.sigma;
    return Math.expm1(s2) * Math.exp(2 * this.mu + s2);
  }

  /** e^{μ − σ²}. */
  mode(): number {
    return Math.exp(this.mu - this.sigma * this.sigma);
  }

  /** μ + ½ + log(σ √(2π)). */
  entropy(): number {
    return this.mu + 0.5 + this.logNormalizer;
  }

  /** ∂/∂x = −(1 + z/σ)/x, ∂/∂μ = z/σ, ∂/∂σ = (z² − 1)/σ, z = (log x − μ)/σ. */
  logPdfPartials(x: number, out: Float64Array): number {
    if (!(x > 0) || x === Infinity) {
      out[0] = 0;
      out[1] = 0;
      out[2] = 0;
      return x > 0 || x <= 0 ? -Infinity : NaN;
    }
    const s = this.sigma;
    const y = Math.log(x);
    const z = (y - this.mu) / s;
    const dmu = z / s;
    out[0] = -(1 + dmu) / x;
    out[1] = dmu;
    out[2] = (z * z - 1) / s;
    return -0.5 * z * z - this.logNormalizer - y;
  }

  /** One pass over Σ log xᵢ, shared with the partials. */
  override sumLogPdf(xs: ArrayLike<number>): number {
    return this.sumLogPdfPartials(xs, SCRATCH);
  }

  /**
   * Σ log f(xᵢ) with Σ ∂/∂μ = Σ(log xᵢ − μ)/σ² and Σ ∂/∂σ = (Σ(log xᵢ − μ)²/σ² − n)/σ
   * (the per-point sum when a datum lies outside (0, ∞)).
   */
  override sumLogPdfPartials(xs: ArrayLike<number>, out: Float64Array): number {
    const v = logNormalSumLogPdfPartials(this.mu, this.sigma, this.logNormalizer, xs, out);
    return v !== undefined ? v : super.sumLogPdfPartials(xs, out);
  }

  /** The rows of a batch (see the base class): the value and ∂/∂x of `logPdfPartials`, operation for operation. @internal */
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

  /** The value-only rows of a batch: the bits of `logPdf`. @internal */
  override addLogPdfRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array): void {
    for (let k = 0, o = 0; k < rows; k++, o += stride) {
      let s = lp[k];
      for (let i = o + c0; i < o + c1; i++) s += this.logPdf(xs[i]);
      lp[k] = s;
    }
  }

  /** exp(μ + σ Φ⁻¹(p)). */
  protected quantileInside(p: number): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(p));
  }

  /** exp(μ + σ Z). */
  protected draw(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * rng.normal());
  }

  /** Bulk ziggurat fill, then exp(μ + σ z) in place. */
  override sampleInto(rng: Rng, out: Float64Array): Float64Array {
    rng.fillNormal(out);
    const mu = this.mu;
    const s = this.sigma;
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(mu + s * out[i]);
    return out;
  }
}

/**
 * Σ log f(xᵢ) for LogNormal(μ, σ) in one pass over yᵢ = log xᵢ: Σ(yᵢ − μ),
 * Σ(yᵢ − μ)² and Σ yᵢ, with Σ ∂/∂μ in `out[1]` and Σ ∂/∂σ in `out[2]` (0 in
 * `out[0]`); `undefined` (and `out` untouched) when a datum is not in (0, ∞).
 */
function logNormalSumLogPdfPartials(
  mu: number,
  s: number,
  logNormalizer: number,
  xs: ArrayLike<number>,
  out: Float64Array,
): number | undefined {
  let s1 = 0;
  let s2 = 0;
  let sy = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x > 0 && x < Infinity)) return undefined;
    const y = Math.log(x);
    const d = y - mu;
    s1 += d;
    s2 += d * d;
    sy += y;
  }
  const v = s * s;
  const n = xs.length;
  out[0] = 0;
  out[1] = s1 / v;
  out[2] = (s2 / v - n) / s;
  return -0.5 * s2 / v - n * logNormalizer - sy;
}

const PARAMS: readonly string[] = Object.freeze(['mu', 'sigma']);
/** Discarded partials of `sumLogPdf`. */
const SCRATCH = new Float64Array(3);
