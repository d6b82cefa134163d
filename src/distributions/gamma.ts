/**
 * The gamma distribution with shape α and rate β; its fast paths (summed and
 * point kernels, statistics rows) are in gamma-kernels.ts.
 *
 * @module
 */
import { digamma, lgamma } from '../math/gamma-functions';
import {
  gammaP,
  gammaPInv,
  gammaQ,
  gammaQInv,
  logGammaP,
  logGammaQ,
} from '../math/incomplete-gamma';
import type { Rng } from '../random/rng';
import { ContinuousDistribution, type SumLogPdfKernel } from './distribution';
import { gammaLogDensity, gammaPointKernel, gammaSumKernel, gammaSumLogPdfPartials } from './gamma-kernels';
import type { PointLogPdfKernel } from './point-kernel';
import { checkArrayLike, checkBuffer } from './shared';
import { nonNegative, positive, type Support } from './support';
import { notANumber, positiveParam } from './validate';

/**
 * Gamma distribution with shape α > 0 and rate β > 0:
 * f(x) = β^α x^{α−1} e^{−βx} / Γ(α) for x > 0 (x ≥ 0 when α ≥ 1).
 *
 * At x = 0 the log-density is +∞ (α < 1), log β (α = 1) or −∞ (α > 1).
 * CDFs are the regularized incomplete gamma functions P(α, βx) and Q(α, βx),
 * with log versions that stay exact where P or Q underflow.
 *
 * @example
 * ```ts
 * import { Gamma } from 'varinf';
 * const d = new Gamma(2, 1);
 * d.mean();            // → 2
 * d.logPdf(1);         // → -1
 * d.cdf(1);            // → 0.2642411176571152 (1 − 2/e = 0.26424111765711535…)
 * d.logCdf(1e-300);    // → -1382.2442029769873 (= log(x²/2)), where the cdf underflows to 0
 * ```
 */
export class Gamma extends ContinuousDistribution {
  /**
   * The i.i.d. log-likelihood from raw `[shape, rate]` (the same formula as
   * `sumLogPdfPartials`, and this class's own sum where that falls back to the
   * per-point form), for models whose likelihood passes latents straight through
   * (gamma-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = gammaSumKernel((a, b, xs, out) => new Gamma(a, b).sumLogPdfPartials(xs, out));

  /**
   * log f and its parameter partials at many points from raw parameter columns, for a
   * replayed per-datum likelihood (gamma-kernels.ts).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = gammaPointKernel;

  /** Always `"Gamma"`. */
  readonly name = 'Gamma';
  /** `["shape", "rate"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** (0, ∞) for α < 1, [0, ∞) for α ≥ 1. */
  readonly support: Support;
  /** The raw constructor arguments `[shape, rate]`. */
  readonly operands: readonly number[];
  /** Shape α > 0. */
  readonly shape: number;
  /** Rate β > 0. */
  readonly rate: number;
  /** log Γ(α), cached: every density evaluation needs it. */
  private readonly lgammaShape: number;
  /** log β, cached likewise. */
  private readonly logRate: number;

  // ---- parameters and checks ------------------------------------------------

  /**
   * @param shape - shape α, finite and > 0
   * @param rate - rate β, finite and > 0
   * @throws InvalidParameterError when a parameter is out of its domain
   */
  constructor(shape: number, rate: number) {
    super();
    this.shape = positiveParam('Gamma', 'shape', shape);
    this.rate = positiveParam('Gamma', 'rate', rate);
    this.operands = [shape, rate];
    this.support = this.shape >= 1 ? nonNegative : positive;
    this.lgammaShape = lgamma(this.shape);
    this.logRate = Math.log(this.rate);
  }

  // ---- statistics -----------------------------------------------------------

  /** α/β. */
  mean(): number {
    return this.shape / this.rate;
  }

  /** α/β², as (α/β)/β: β² alone over- or underflows for β beyond 1e±154 where α/β² need not. */
  variance(): number {
    return this.shape / this.rate / this.rate;
  }

  /** √α/β (not √variance, which would overflow first). */
  override stddev(): number {
    return Math.sqrt(this.shape) / this.rate;
  }

  /** max(α − 1, 0)/β. */
  mode(): number {
    return Math.max(this.shape - 1, 0) / this.rate;
  }

  /**
   * α − log β + log Γ(α) + (1 − α)ψ(α). For large α the three terms cancel to
   * ½ log α + …, so an asymptotic form avoids losing digits there.
   */
  entropy(): number {
    return gammaEntropyStandard(this.shape, this.lgammaShape) - this.logRate;
  }

  // ---- evaluation -----------------------------------------------------------

  /**
   * α log β + (α − 1) log x − βx − log Γ(α) on (0, ∞) (`gammaLogDensity`); at x = 0
   * +∞ (α < 1), log β (α = 1) or −∞ (α > 1); −∞ at x = ∞ and below 0, NaN for NaN.
   * The one statement of the density, which `logPdf` and `logPdfPartials` call (a
   * private method, value only: see `Normal.logDensity`).
   */
  private logDensity(x: number): number {
    const a = this.shape;
    if (x > 0) {
      if (x === Infinity) return -Infinity;
      return gammaLogDensity(a, this.rate, x, this.lgammaShape, this.logRate);
    }
    if (x === 0) return a < 1 ? Infinity : a === 1 ? this.logRate : -Infinity;
    return x < 0 ? -Infinity : NaN;
  }

  /** α log β + (α − 1) log x − βx − log Γ(α), with the x = 0 limits. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    return this.logDensity(x);
  }

  /** P(α, βx). */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    return x > 0 ? gammaP(this.shape, this.rate * x) : x <= 0 ? 0 : NaN;
  }

  /** log P(α, βx), exact where P underflows. */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    return x > 0 ? logGammaP(this.shape, this.rate * x) : x <= 0 ? -Infinity : NaN;
  }

  /** Q(α, βx). */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    return x > 0 ? gammaQ(this.shape, this.rate * x) : x <= 0 ? 1 : NaN;
  }

  /** log Q(α, βx), exact where Q underflows. */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    return x > 0 ? logGammaQ(this.shape, this.rate * x) : x <= 0 ? 0 : NaN;
  }

  /** P⁻¹(α, p)/β below the median, Q⁻¹(α, 1 − p)/β above it (1 − p is exact there). */
  protected quantileInside(p: number): number {
    const y = p <= 0.5 ? gammaPInv(this.shape, p) : gammaQInv(this.shape, 1 - p);
    return y / this.rate;
  }

  /** Σ log f(xᵢ) in one pass over Σ log xᵢ and Σ xᵢ (shared with the partials). */
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

  /** ∂/∂x = (α − 1)/x − β, ∂/∂α = log(βx) − ψ(α), ∂/∂β = α/β − x. */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    const a = this.shape;
    const b = this.rate;
    const lp = this.logDensity(x);
    if (!(x >= 0) || lp === -Infinity) {
      out[0] = 0;
      out[1] = 0;
      out[2] = 0;
      return lp;
    }
    out[0] = a === 1 ? -b : (a - 1) / x - b;
    // At x = 0 (a pole for α < 1, log β for α = 1) ∂/∂α = log(βx) − ψ(α) → −∞ (log x
    // dominates; ψ(α) overflows to −∞ at a subnormal α, which made it −∞ + ∞).
    out[1] = x === 0 ? -Infinity : this.logRate + Math.log(x) - digamma(a);
    out[2] = a / b - x;
    return lp;
  }

  /** Σ log f(xᵢ) with Σ ∂/∂α = Σ log(βxᵢ) − nψ(α) and Σ ∂/∂β = nα/β − Σxᵢ. */
  override sumLogPdfPartials(xs: ArrayLike<number>, out: Float64Array): number {
    checkArrayLike(this.name, 'sumLogPdfPartials', xs);
    checkBuffer(this.name, 'sumLogPdfPartials', out, this.paramNames.length + 1);
    const v = gammaSumLogPdfPartials(this.shape, this.rate, this.lgammaShape, this.logRate, xs, out);
    return v !== undefined ? v : super.sumLogPdfPartials(xs, out);
  }

  /**
   * The rows of a batch (see the base class): `logPdf` and the ∂/∂x of
   * `logPdfPartials`, without the shape partial's digamma; here rather than in
   * gamma-kernels.ts for the reason given at `Exponential.addLogPdfGradRows`. @internal
   */
  override addLogPdfGradRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array, dx: Float64Array): void {
    const a = this.shape;
    const b = this.rate;
    for (let k = 0, o = 0; k < rows; k++, o += stride) {
      let s = lp[k];
      for (let c = o + c0; c < o + c1; c++) {
        const x = xs[c];
        const v = this.logPdf(x);
        s += v;
        dx[c] = !(x >= 0) || v === -Infinity ? 0 : a === 1 ? -b : (a - 1) / x - b;
      }
      lp[k] = s;
    }
  }

  // ---- sampling -------------------------------------------------------------

  /** G/β with G ~ Gamma(α, 1) by Marsaglia–Tsang. */
  protected draw(rng: Rng): number {
    return rng.gamma(this.shape) / this.rate;
  }
}

const PARAMS: readonly string[] = Object.freeze(['shape', 'rate']);
/** Discarded partials of `sumLogPdf`. */
const SCRATCH = new Float64Array(3);

/**
 * Entropy of Gamma(α, 1): α + log Γ(α) + (1 − α)ψ(α). For α ≥ 40 the Stirling
 * series of log Γ and ψ give ½ log(2πα) + ½ − 1/(2α) + S(α) + (α − 1)T(α) with
 * S = 1/(12α) − 1/(360α³) + 1/(1260α⁵) and T = 1/(12α²) − 1/(120α⁴) + 1/(252α⁶),
 * whose truncation error is below 1e-17 there.
 */
export function gammaEntropyStandard(a: number, lgammaA: number): number {
  if (a < 40) return a + lgammaA + (1 - a) * digamma(a);
  const r = 1 / a;
  const r2 = r * r;
  const s = r * (1 / 12 - r2 * (1 / 360 - r2 / 1260));
  const t = r2 * (1 / 12 - r2 * (1 / 120 - r2 / 252));
  return 0.5 * Math.log(2 * Math.PI * a) + 0.5 - 0.5 * r + s + (a - 1) * t;
}
