/**
 * The normal (Gaussian) distribution N(μ, σ²); its fast paths (summed and point
 * kernels, statistics rows) are in normal-kernels.ts.
 *
 * @module
 */
import { LN_SQRT_2PI } from '../math/constants';
import { normalCdf, normalLogCdf, normalQuantile } from '../math/normal-functions';
import type { Rng } from '../random/rng';
import { ContinuousDistribution, type SumLogPdfKernel } from './distribution';
import { normalPointKernel, normalSumKernel, normalSumLogPdfPartials } from './normal-kernels';
import type { PointLogPdfKernel } from './point-kernel';
import { checkArrayLike, checkBuffer, checkRng } from './shared';
import { real, type Support } from './support';
import { finiteParam, notANumber, positiveParam } from './validate';

/**
 * Normal distribution with mean μ and standard deviation σ > 0:
 * f(x) = exp(−(x − μ)² / (2σ²)) / (σ √(2π)), support ℝ.
 *
 * Tails use erfc/erfcx-based log Φ, so `logCdf(-1e5)` is exact rather than `-Infinity`.
 *
 * @example
 * ```ts
 * import { Normal, Rng } from 'varinf';
 * const d = new Normal(1.5, 0.3);
 * d.logPdf(1.5);          // → 0.2850, = −log(0.3·√(2π))
 * d.cdf(1.5);             // → 0.5
 * d.quantile(0.975);      // → 2.0880
 * d.sample(new Rng(7));   // one draw
 * ```
 */
export class Normal extends ContinuousDistribution {
  /**
   * The i.i.d. log-likelihood from raw `[mu, sigma]` (the same formula as
   * `sumLogPdfPartials`), for models whose likelihood passes latents straight through
   * (normal-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = normalSumKernel;

  /**
   * log f and its partials at many points from raw `[mu, sigma]` columns (a replayed
   * per-datum likelihood): the arithmetic of `logPdfPartials`, with log σ kept while
   * σ repeats down the column (normal-kernels.ts).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = normalPointKernel;

  /** Always `"Normal"`. */
  readonly name = 'Normal';
  /** `["mu", "sigma"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** The real line. */
  readonly support: Support = real;
  /** The raw constructor arguments `[mu, sigma]`. */
  readonly operands: readonly number[];
  /** Mean μ. */
  readonly mu: number;
  /** Standard deviation σ > 0. */
  readonly sigma: number;
  /** log σ + log √(2π), cached: every density evaluation needs it. */
  private readonly logNormalizer: number;

  // ---- parameters and checks ------------------------------------------------

  /**
   * @param mu - mean μ, finite
   * @param sigma - standard deviation σ, finite and > 0
   * @throws InvalidParameterError when a parameter is out of its domain
   */
  constructor(mu: number, sigma: number) {
    super();
    this.mu = finiteParam('Normal', 'mu', mu);
    this.sigma = positiveParam('Normal', 'sigma', sigma);
    this.operands = [mu, sigma];
    this.logNormalizer = Math.log(this.sigma) + LN_SQRT_2PI;
  }

  // ---- statistics -----------------------------------------------------------

  /** μ. */
  mean(): number {
    return this.mu;
  }

  /** σ². */
  variance(): number {
    return this.sigma * this.sigma;
  }

  /** σ (exact, no square root of σ²). */
  override stddev(): number {
    return this.sigma;
  }

  /** μ. */
  mode(): number {
    return this.mu;
  }

  /** ½ + log(σ √(2π)). */
  entropy(): number {
    return 0.5 + this.logNormalizer;
  }

  // ---- evaluation -----------------------------------------------------------

  /**
   * log f(x) = −z²/2 − log σ − log √(2π), z = (x − μ)/σ: the one statement of the
   * density, which `logPdf` and `logPdfPartials` call and the gradient rows and the
   * point kernel (normal-kernels.ts) repeat inline. Each family's `logDensity` is
   * written so, for reasons measured on 1e6 points (built package): a private method,
   * because a module-level function cost `logPdf` 5–7 % (V8 re-checks the callee);
   * value only, because a partials buffer that may be null cost `logPdfPartials` 2–8 %
   * here and 30 % for Exponential (a caller's loop no longer hoists the buffer's checks).
   */
  private logDensity(x: number): number {
    const z = (x - this.mu) / this.sigma;
    return -0.5 * z * z - this.logNormalizer;
  }

  /** log f(x) = −z²/2 − log σ − log √(2π), z = (x − μ)/σ. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    return this.logDensity(x);
  }

  /** Φ((x − μ)/σ). */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    return normalCdf((x - this.mu) / this.sigma);
  }

  /** log Φ((x − μ)/σ), accurate far into the lower tail. */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    return normalLogCdf((x - this.mu) / this.sigma);
  }

  /** Φ((μ − x)/σ) = 1 − F(x) without cancellation. */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    return normalCdf((this.mu - x) / this.sigma);
  }

  /** log Φ((μ − x)/σ). */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    return normalLogCdf((this.mu - x) / this.sigma);
  }

  /** μ + σ Φ⁻¹(p). */
  protected quantileInside(p: number): number {
    return this.mu + this.sigma * normalQuantile(p);
  }

  /** One pass over Σ(x − μ)², shared with the partials. */
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

  /** ∂/∂x = −z/σ, ∂/∂μ = z/σ, ∂/∂σ = (z² − 1)/σ. */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    const s = this.sigma;
    const z = (x - this.mu) / s;
    const dmu = z / s;
    out[0] = -dmu;
    out[1] = dmu;
    out[2] = (z * z - 1) / s;
    return this.logDensity(x);
  }

  /** Σ log f(xᵢ) with Σ ∂/∂μ = Σ(xᵢ − μ)/σ² and Σ ∂/∂σ = (Σ(xᵢ − μ)²/σ² − n)/σ. */
  override sumLogPdfPartials(xs: ArrayLike<number>, out: Float64Array): number {
    checkArrayLike(this.name, 'sumLogPdfPartials', xs);
    checkBuffer(this.name, 'sumLogPdfPartials', out, this.paramNames.length + 1);
    return normalSumLogPdfPartials(this.mu, this.sigma, this.logNormalizer, xs, out);
  }

  /**
   * The rows of a batch (see the base class): −z²/2 − log σ − log √(2π) and ∂/∂x = −z/σ,
   * without a call per point. Written here rather than in normal-kernels.ts: a model's
   * single-point gradient calls it with one row, and one more call per block cost the
   * seed model's `logDensityGradient` 42 → 47 ns (measured with Exponential's). @internal
   */
  override addLogPdfGradRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array, dx: Float64Array): void {
    const mu = this.mu;
    const sg = this.sigma;
    const c = this.logNormalizer;
    for (let k = 0, o = 0; k < rows; k++, o += stride) {
      let s = lp[k];
      for (let i = o + c0; i < o + c1; i++) {
        // The arithmetic of logPdfPartials, operation for operation.
        const z = (xs[i] - mu) / sg;
        s += -0.5 * z * z - c;
        dx[i] = -(z / sg);
      }
      lp[k] = s;
    }
  }

  // ---- sampling -------------------------------------------------------------

  /** μ + σ Z with Z from the generator's ziggurat. */
  protected draw(rng: Rng): number {
    return this.mu + this.sigma * rng.normal();
  }

  /** Bulk ziggurat fill, then scale in place. */
  override sampleInto(rng: Rng, out: Float64Array): Float64Array {
    checkRng(this.name, rng);
    checkBuffer(this.name, 'sampleInto', out, 0);
    rng.fillNormal(out);
    const mu = this.mu;
    const s = this.sigma;
    for (let i = 0; i < out.length; i++) out[i] = mu + s * out[i];
    return out;
  }
}

const PARAMS: readonly string[] = Object.freeze(['mu', 'sigma']);
/** Discarded partials of `sumLogPdf`. */
const SCRATCH = new Float64Array(3);
