/**
 * The exponential distribution with rate λ; its fast paths (summed and
 * point kernels, statistics rows) are in exponential-kernels.ts.
 *
 * @module
 */
import { log1mexp } from '../math/elementary';
import type { Rng } from '../random/rng';
import { ContinuousDistribution, type SumLogPdfKernel } from './distribution';
import { exponentialPointKernel, exponentialSumKernel, exponentialSumLogPdfPartials } from './exponential-kernels';
import type { PointLogPdfKernel } from './point-kernel';
import { checkArrayLike, checkBuffer, checkRng } from './shared';
import { nonNegative, type Support } from './support';
import { notANumber, positiveParam } from './validate';

/**
 * Exponential distribution with rate λ > 0: f(x) = λ e^{−λx} for x ≥ 0.
 * It equals `Gamma(1, λ)` in every method.
 *
 * @example
 * ```ts
 * import { Exponential } from 'varinf';
 * const d = new Exponential(1);
 * d.logPdf(1.5);       // → -1.5
 * d.logPdf(-1);        // → -Infinity
 * d.survival(40);      // → 4.248354255291589e-18, no cancellation
 * d.quantile(0.5);     // → 0.6931471805599453 = ln 2
 * ```
 */
export class Exponential extends ContinuousDistribution {
  /**
   * The i.i.d. log-likelihood from a raw `[rate]` (the same formula as
   * `sumLogPdfPartials`), for models whose likelihood passes latents straight through
   * (exponential-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = exponentialSumKernel;

  /**
   * log f and its parameter partials at many points from raw parameter columns, for a
   * replayed per-datum likelihood (exponential-kernels.ts).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = exponentialPointKernel;

  /** Always `"Exponential"`. */
  readonly name = 'Exponential';
  /** `["rate"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** [0, ∞). */
  readonly support: Support = nonNegative;
  /** The raw constructor arguments `[rate]`. */
  readonly operands: readonly number[];
  /** Rate λ > 0. */
  readonly rate: number;
  /** log λ, cached: every density evaluation needs it. */
  private readonly logRate: number;

  // ---- parameters and checks ------------------------------------------------

  /**
   * @param rate - rate λ, finite and > 0
   * @throws InvalidParameterError when `rate` is not finite and positive
   */
  constructor(rate: number) {
    super();
    this.rate = positiveParam('Exponential', 'rate', rate);
    this.operands = [rate];
    this.logRate = Math.log(this.rate);
  }

  // ---- statistics -----------------------------------------------------------

  /** 1/λ. */
  mean(): number {
    return 1 / this.rate;
  }

  /** 1/λ². */
  variance(): number {
    return 1 / (this.rate * this.rate);
  }

  /** 1/λ (exact, no square root). */
  override stddev(): number {
    return 1 / this.rate;
  }

  /** 0. */
  mode(): number {
    return 0;
  }

  /** 1 − log λ. */
  entropy(): number {
    return 1 - this.logRate;
  }

  // ---- evaluation -----------------------------------------------------------

  /**
   * log f(x) = log λ − λx on [0, ∞), −∞ below (NaN for NaN; at x = ∞ the formula gives
   * −∞): the one statement of the density, which `logPdf` and `logPdfPartials` call
   * and the gradient rows repeat inline (a private method, value only: see
   * `Normal.logDensity`).
   */
  private logDensity(x: number): number {
    return x >= 0 ? this.logRate - this.rate * x : x < 0 ? -Infinity : NaN;
  }

  /** log λ − λx for x ≥ 0, −∞ for x < 0. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    return this.logDensity(x);
  }

  /** 1 − e^{−λx} = −expm1(−λx). */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    return x > 0 ? -Math.expm1(-this.rate * x) : x <= 0 ? 0 : NaN;
  }

  /** log(1 − e^{−λx}) by log1mexp. */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    return x > 0 ? log1mexp(-this.rate * x) : x <= 0 ? -Infinity : NaN;
  }

  /** e^{−λx}. */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    return x > 0 ? Math.exp(-this.rate * x) : x <= 0 ? 1 : NaN;
  }

  /** −λx. */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    return x > 0 ? -this.rate * x : x <= 0 ? 0 : NaN;
  }

  /** −log(1 − p)/λ via log1p, exact near p = 0. */
  protected quantileInside(p: number): number {
    return -Math.log1p(-p) / this.rate;
  }

  /** n log λ − λ Σxᵢ (−∞ if any xᵢ < 0), the same single pass as the partials. */
  override sumLogPdf(xs: ArrayLike<number>): number {
    checkArrayLike(this.name, 'sumLogPdf', xs);
    return this.sumLogPdfPartials(xs, SCRATCH);
  }

  /** The value-only rows of a batch: the bits of `logPdf`. @internal */
  override addLogPdfRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array): void {
    for (let k = 0, o = 0; k < rows; k++, o += stride) {
      let s = lp[k];
      for (let c = o + c0; c < o + c1; c++) s += this.logPdf(xs[c]);
      lp[k] = s;
    }
  }

  // ---- partials -------------------------------------------------------------

  /** ∂/∂x = −λ, ∂/∂λ = 1/λ − x (zeros outside the support). */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    // x = ∞ is outside the support as well: zeros, not 1/λ − ∞ (NaN at λ = 5e-324).
    if (x >= 0 && x < Infinity) {
      out[0] = -this.rate;
      out[1] = 1 / this.rate - x;
    } else {
      out[0] = 0;
      out[1] = 0;
    }
    return this.logDensity(x);
  }

  /** Σ log f(xᵢ) with Σ ∂/∂λ = n/λ − Σxᵢ. */
  override sumLogPdfPartials(xs: ArrayLike<number>, out: Float64Array): number {
    checkArrayLike(this.name, 'sumLogPdfPartials', xs);
    checkBuffer(this.name, 'sumLogPdfPartials', out, this.paramNames.length + 1);
    return exponentialSumLogPdfPartials(this.rate, this.logRate, xs, out);
  }

  /**
   * The rows of a batch (see the base class): log λ − λx and ∂/∂x = −λ, without a call
   * per point; here rather than in exponential-kernels.ts because one more call per
   * block cost the seed model's `logDensityGradient` 42 → 47 ns (it passes one row). @internal
   */
  override addLogPdfGradRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array, dx: Float64Array): void {
    const r = this.rate;
    const lr = this.logRate;
    for (let k = 0, o = 0; k < rows; k++, o += stride) {
      let s = lp[k];
      for (let c = o + c0; c < o + c1; c++) {
        const x = xs[c];
        // logPdfPartials: outside the support (x = ∞ included) −∞ (NaN for NaN) with a zero derivative.
        if (x >= 0 && x < Infinity) {
          s += lr - r * x;
          dx[c] = -r;
        } else {
          s += x === x ? -Infinity : NaN;
          dx[c] = 0;
        }
      }
      lp[k] = s;
    }
  }

  // ---- sampling -------------------------------------------------------------

  /** E/λ with E a standard exponential draw. */
  protected draw(rng: Rng): number {
    return rng.exponential() / this.rate;
  }

  /** Bulk standard-exponential fill, then scale in place. */
  override sampleInto(rng: Rng, out: Float64Array): Float64Array {
    checkRng(this.name, rng);
    checkBuffer(this.name, 'sampleInto', out, 0);
    rng.fillExponential(out);
    const r = this.rate;
    // Divide (not multiply by 1/λ) so bulk draws equal single draws bit for bit.
    for (let i = 0; i < out.length; i++) out[i] = out[i] / r;
    return out;
  }
}

const PARAMS: readonly string[] = Object.freeze(['rate']);
/** Discarded partials of `sumLogPdf`. */
const SCRATCH = new Float64Array(2);
