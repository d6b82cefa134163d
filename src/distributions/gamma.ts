/**
 * The gamma distribution with shape α and rate β.
 *
 * @module
 */
import { LN_SQRT_2PI } from '../math/constants';
import { log1pmx } from '../math/elementary';
import { digamma, lgamma, stirlerr } from '../math/gamma-functions';
import { logPoissonRaw } from '../math/saddle-point';
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
import { checkArrayLike, checkBuffer } from './shared';
import { nonNegative, positive, type Support } from './support';
import { isPositiveValue, notANumber, positiveParam } from './validate';

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
   * `sumLogPdfPartials`), for models whose likelihood passes latents straight through.
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = Object.freeze({
    arity: 2,
    cacheSlots: 5,
    accepts: (p: Float64Array): boolean => isPositiveValue(p[0]) && isPositiveValue(p[1]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => {
      const a = p[0];
      const b = p[1];
      // p[2], p[3]: the α of the last call and log Γ(α); p[4], p[5]: β and log β.
      if (p[2] !== a) {
        p[2] = a;
        p[3] = lgamma(a);
      }
      if (p[4] !== b) {
        p[4] = b;
        p[5] = Math.log(b);
      }
      const v = gammaSumLogPdfPartials(a, b, p[3], p[5], xs, out);
      // Data at 0 or overflowing sums: the per-point form, as the instance method does.
      return v !== undefined ? v : new Gamma(a, b).sumLogPdfPartials(xs, out);
    },
    // [n, Σ xᵢ, Σ log xᵢ]; the per-point form for data at 0 or a sum that overflows.
    statistics: (xs: ArrayLike<number>): Float64Array | undefined => {
      let s = 0;
      let sLog = 0;
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        if (!(x > 0)) return undefined;
        s += x;
        sLog += Math.log(x);
      }
      return s < Infinity ? Float64Array.of(xs.length, s, sLog) : undefined;
    },
    fromStatistics: (p: Float64Array, rows: number, st: Float64Array, cache: Float64Array, value: Float64Array, partials: Float64Array): void => {
      const n = st[0];
      const s = st[1];
      const sLog = st[2];
      // cache: the α of the last row, log Γ(α), ψ(α); the β of the last row and log β.
      let lastA = cache[0];
      let lgA = cache[1];
      let psiA = cache[2];
      let lastB = cache[3];
      let logB = cache[4];
      for (let r = 0, o = 0; r < rows; r++, o += 2) {
        const a = p[o];
        const b = p[o + 1];
        if (!(isPositiveValue(a) && isPositiveValue(b))) {
          value[r] = -Infinity;
          partials[o] = 0;
          partials[o + 1] = 0;
          continue;
        }
        if (a !== lastA) {
          lastA = a;
          lgA = lgamma(a);
          psiA = digamma(a);
        }
        if (b !== lastB) {
          lastB = b;
          logB = Math.log(b);
        }
        // The formula of gammaSumLogPdfPartials, with Σ xᵢ and Σ log xᵢ precomputed.
        partials[o] = n * (logB - psiA) + sLog;
        partials[o + 1] = (n * a) / b - s;
        value[r] = n * (a * logB - lgA) + (a - 1) * sLog - b * s;
      }
      cache[0] = lastA;
      cache[1] = lgA;
      cache[2] = psiA;
      cache[3] = lastB;
      cache[4] = logB;
    },
  });

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

  /** α log β + (α − 1) log x − βx − log Γ(α), with the x = 0 limits. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    const a = this.shape;
    const b = this.rate;
    if (x > 0) {
      if (x === Infinity) return -Infinity;
      return gammaLogDensity(a, b, x, this.lgammaShape, this.logRate);
    }
    if (x === 0) return a < 1 ? Infinity : a === 1 ? this.logRate : -Infinity;
    return x < 0 ? -Infinity : NaN;
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

  /** ∂/∂x = (α − 1)/x − β, ∂/∂α = log(βx) − ψ(α), ∂/∂β = α/β − x. */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    const a = this.shape;
    const b = this.rate;
    const lp = this.logPdf(x);
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

  /** Σ log f(xᵢ) in one pass over Σ log xᵢ and Σ xᵢ (shared with the partials). */
  override sumLogPdf(xs: ArrayLike<number>): number {
    checkArrayLike(this.name, 'sumLogPdf', xs);
    return this.sumLogPdfPartials(xs, SCRATCH);
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
   * `logPdfPartials`, without the shape partial's digamma. @internal
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

  /** The value-only rows of a batch: the bits of `logPdf`. @internal */
  override addLogPdfRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array): void {
    for (let k = 0, o = 0; k < rows; k++, o += stride) {
      let s = lp[k];
      for (let c = o + c0; c < o + c1; c++) s += this.logPdf(xs[c]);
      lp[k] = s;
    }
  }

  /** P⁻¹(α, p)/β below the median, Q⁻¹(α, 1 − p)/β above it (1 − p is exact there). */
  protected quantileInside(p: number): number {
    const y = p <= 0.5 ? gammaPInv(this.shape, p) : gammaQInv(this.shape, 1 - p);
    return y / this.rate;
  }

  /** G/β with G ~ Gamma(α, 1) by Marsaglia–Tsang. */
  protected draw(rng: Rng): number {
    return rng.gamma(this.shape) / this.rate;
  }
}

/**
 * Σ log f(xᵢ) for Gamma(α, β) in one pass over Σ log xᵢ and Σ xᵢ, with
 * Σ ∂/∂α in `out[1]` and Σ ∂/∂β in `out[2]` (0 in `out[0]`); `undefined` (and
 * `out` untouched) when a datum is ≤ 0 or Σ xᵢ overflows, where the caller sums
 * the per-point forms instead.
 */
function gammaSumLogPdfPartials(
  a: number,
  b: number,
  lgammaA: number,
  logB: number,
  xs: ArrayLike<number>,
  out: Float64Array,
): number | undefined {
  let sLog = 0;
  let s = 0;
  let min = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    sLog += Math.log(x);
    s += x;
    if (x < min) min = x;
  }
  if (min <= 0 || s === Infinity) return undefined;
  const n = xs.length;
  out[0] = 0;
  out[1] = n * (logB - digamma(a)) + sLog;
  out[2] = (n * a) / b - s;
  return n * (a * logB - lgammaA) + (a - 1) * sLog - b * s;
}

const PARAMS: readonly string[] = Object.freeze(['shape', 'rate']);
/** Discarded partials of `sumLogPdf`. */
const SCRATCH = new Float64Array(3);

/** Above this shape the terms of the naive log-density cancel enough to cost digits. */
const SADDLE_POINT_SHAPE = 10;

/**
 * log f(x) for x in (0, ∞). For moderate shapes, log β + (α − 1) log y − y − log Γ(α)
 * with y = βx. For large shapes those terms are each ~α log α and cancel, so the
 * density is written as β times the Poisson-type density y^{α−1} e^{−y} / Γ(α) and
 * evaluated by Loader's saddle-point form (stirlerr and bd0), as R's dgamma does.
 */
function gammaLogDensity(a: number, b: number, x: number, lgammaA: number, logB: number): number {
  const y = b * x;
  // βx overflows where x and β separately are fine; at large shapes the density need not
  // (Gamma(1.8e308, 3) at x = 1.8e308, three times the mean: ≈ −1.6e308, was ∞ − ∞ = NaN):
  // Loader's form with the ratio r = βx/(α − 1) formed without the product.
  if (y === Infinity && a >= SADDLE_POINT_SHAPE) return logB + logPoissonRawFromRatio(a - 1, (b / (a - 1)) * x);
  if (y === Infinity || y === 0) return (a - 1) * Math.log(x) + a * logB - b * x - lgammaA;
  if (a >= SADDLE_POINT_SHAPE) return logB + logPoissonRaw(a - 1, y);
  const am1LogY = a === 1 ? 0 : (a - 1) * Math.log(y);
  return logB + am1LogY - y - lgammaA;
}

/**
 * log(y^m e^{−y}/Γ(m + 1)) for m ≥ 10 given r = y/m (y itself may overflow): Loader's
 * −½ log(2πm) − stirlerr(m) − bd0(m, y) with bd0(m, y) = m·(r − 1 − log r) = −m·log1pmx(r − 1).
 */
function logPoissonRawFromRatio(m: number, r: number): number {
  if (r === Infinity) return -Infinity;
  return -0.5 * Math.log(m) - LN_SQRT_2PI - stirlerr(m) + m * log1pmx(r - 1);
}

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
