/**
 * The inverse-gamma distribution: 1/X ~ Gamma(shape α, rate β); its density at a
 * point is in inverse-gamma-density.ts, its fast paths (summed kernel, statistics
 * rows) in inverse-gamma-kernels.ts.
 *
 * @module
 */
import { log1mexp } from '../math/elementary';
import { digamma, lgamma } from '../math/gamma-functions';
import { gammaP, gammaPInv, gammaQ, gammaQInv, logGammaP, logGammaQ } from '../math/incomplete-gamma';
import type { Rng } from '../random/rng';
import { ContinuousDistribution, type SumLogPdfKernel } from './distribution';
import { gammaEntropyStandard } from './gamma';
import { inverseGammaLogDensity } from './inverse-gamma-density';
import { inverseGammaSumKernel, inverseGammaSumLogPdfPartials } from './inverse-gamma-kernels';
import { checkArrayLike, checkBuffer } from './shared';
import { positive, type Support } from './support';
import { notANumber, positiveParam } from './validate';

/**
 * Inverse-gamma distribution with shape α > 0 and scale β > 0:
 * f(x) = β^α x^{−α−1} e^{−β/x} / Γ(α) for x > 0, so 1/X ~ Gamma(α, rate β).
 *
 * With y = β/x, F(x) = Q(α, y) and 1 − F(x) = P(α, y) (regularized incomplete
 * gamma functions, with logs that stay exact where they underflow). The density is
 * y^{α+1} e^{−y} / (βΓ(α)); for α ≥ 10 it is written through Loader's saddle-point
 * form (as Gamma's is), which keeps full relative accuracy at α = 1e4 where
 * α log β, (α + 1) log x and log Γ(α) each reach 1e5 and cancel. The mean is ∞
 * for α ≤ 1 and the variance ∞ for α ≤ 2. Measured against the 50-digit reference
 * (families.json, α from 1e-3 to 1e4, tails included), relative error / max(1, cond):
 * logPdf ≤ 9.4e-16, cdf/survival and their logs ≤ 7.1e-15, quantile ≤ 2.4e-15,
 * entropy ≤ 1.1e-15, pdf ≤ 4.8e-14 (the exp of a log-density near −700).
 *
 * @example
 * ```ts
 * import { InverseGamma } from 'varinf';
 * const d = new InverseGamma(3, 2);
 * d.mean();            // → 1 (= β/(α − 1))
 * d.mode();            // → 0.5 (= β/(α + 1))
 * d.cdf(1);            // Q(3, 2) = 5e⁻² = 0.6766764161830635
 * new InverseGamma(1e4, 1e4).logPdf(1.00257121004); // → 3.6507128009335403, full precision
 * ```
 */
export class InverseGamma extends ContinuousDistribution {
  /**
   * The i.i.d. log-likelihood from raw `[shape, scale]` (the same formula as
   * `sumLogPdfPartials`, and this class's own sum where that falls back to the
   * per-point form), for models whose likelihood passes latents straight through
   * (inverse-gamma-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = inverseGammaSumKernel((a, b, xs, out) => new InverseGamma(a, b).sumLogPdfPartials(xs, out));

  /** Always `"InverseGamma"`. */
  readonly name = 'InverseGamma';
  /** `["shape", "scale"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** (0, ∞). */
  readonly support: Support = positive;
  /** The raw constructor arguments `[shape, scale]`. */
  readonly operands: readonly number[];
  /** Shape α > 0. */
  readonly shape: number;
  /** Scale β > 0 (the rate of the Gamma law of 1/X). */
  readonly scale: number;
  /** log Γ(α), cached: every density evaluation needs it. */
  private readonly lgammaShape: number;
  /** log β, cached likewise. */
  private readonly logScale: number;

  // ---- parameters and checks ------------------------------------------------

  /**
   * @param shape - shape α, finite and > 0
   * @param scale - scale β, finite and > 0
   * @throws InvalidParameterError when a parameter is out of its domain
   */
  constructor(shape: number, scale: number) {
    super();
    this.shape = positiveParam('InverseGamma', 'shape', shape);
    this.scale = positiveParam('InverseGamma', 'scale', scale);
    this.operands = [shape, scale];
    this.lgammaShape = lgamma(this.shape);
    this.logScale = Math.log(this.scale);
  }

  // ---- statistics -----------------------------------------------------------

  /** β/(α − 1) for α > 1, +∞ otherwise. */
  mean(): number {
    const a = this.shape;
    return a > 1 ? this.scale / (a - 1) : Infinity;
  }

  /** β²/((α − 1)²(α − 2)) for α > 2, +∞ otherwise (squared after dividing, so β² cannot overflow early). */
  variance(): number {
    const a = this.shape;
    if (!(a > 2)) return Infinity;
    const m = this.scale / (a - 1);
    return (m * m) / (a - 2);
  }

  /** β/(α − 1)/√(α − 2) for α > 2, +∞ otherwise. */
  override stddev(): number {
    const a = this.shape;
    return a > 2 ? this.scale / (a - 1) / Math.sqrt(a - 2) : Infinity;
  }

  /** β/(α + 1). */
  mode(): number {
    return this.scale / (this.shape + 1);
  }

  /**
   * α + log β + log Γ(α) − (α + 1)ψ(α) = H(Gamma(α, 1)) − 2ψ(α) + log β (the
   * Jacobian of x = β/g), with the Gamma entropy in its Stirling form for large α
   * (see `Gamma.entropy`), so no α log α terms cancel.
   */
  entropy(): number {
    const a = this.shape;
    const psi = digamma(a);
    // ψ(α) ≈ −1/α overflows for α below ≈ 5.6e-309: H ≈ −(1 + α)ψ(α) ≈ 1/α is +∞ once
    // rounded (the sum below would be (1 − α)ψ − 2ψ = −∞ + ∞).
    if (psi === -Infinity) return Infinity;
    return gammaEntropyStandard(a, this.lgammaShape) - 2 * psi + this.logScale;
  }

  // ---- evaluation -----------------------------------------------------------

  /**
   * log(y^{α+1} e^{−y} / Γ(α)) − log β with y = β/x on (0, ∞) (`inverseGammaLogDensity`,
   * inverse-gamma-density.ts); −∞ for x ≤ 0 and x = ∞, NaN for NaN. The one statement
   * of the density, which `logPdf` and `logPdfPartials` call (a private method, value
   * only: see `Normal.logDensity`).
   */
  private logDensity(x: number): number {
    if (x > 0) return x < Infinity ? inverseGammaLogDensity(this.shape, this.scale, x, this.lgammaShape, this.logScale) : -Infinity;
    return x <= 0 ? -Infinity : NaN;
  }

  /** log(y^{α+1} e^{−y} / Γ(α)) − log β with y = β/x; −∞ for x ≤ 0 and x = ∞. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    return this.logDensity(x);
  }

  /** Q(α, β/x); −expm1(log P) where β/x is subnormal (its rounding would cost digits). */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    if (x > 0) {
      const y = this.scale / x;
      return y >= DBL_MIN || x === Infinity ? gammaQ(this.shape, y) : -Math.expm1(this.logSurvival(x));
    }
    return x <= 0 ? 0 : NaN;
  }

  /** log Q(α, β/x), exact where Q underflows; log1mexp(log P) where β/x is subnormal. */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    if (x > 0) {
      const y = this.scale / x;
      return y >= DBL_MIN || x === Infinity ? logGammaQ(this.shape, y) : log1mexp(this.logSurvival(x));
    }
    return x <= 0 ? -Infinity : NaN;
  }

  /** P(α, β/x); exp(log P) where β/x is subnormal. */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    if (x > 0) {
      const y = this.scale / x;
      return y >= DBL_MIN || x === Infinity ? gammaP(this.shape, y) : Math.exp(this.logSurvival(x));
    }
    return x <= 0 ? 1 : NaN;
  }

  /**
   * log P(α, β/x). Where β/x is subnormal or 0 (x > β·4.5e307), the first term
   * of P's series from the logs, α(log β − log x) − log Γ(α + 1): the rest is a
   * factor 1 + O(y) with y < 1e-307.
   */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    if (x > 0) {
      const y = this.scale / x;
      if (y >= DBL_MIN || x === Infinity) return logGammaP(this.shape, y);
      const a = this.shape;
      return a * (this.logScale - Math.log(x)) - this.lgammaShape - Math.log(a);
    }
    return x <= 0 ? 0 : NaN;
  }

  /** Σ log f(xᵢ) (the per-point forms, summed in one pass with the partials). */
  override sumLogPdf(xs: ArrayLike<number>): number {
    checkArrayLike(this.name, 'sumLogPdf', xs);
    return this.sumLogPdfPartials(xs, SCRATCH);
  }

  // ---- partials -------------------------------------------------------------

  /** ∂/∂x = (y − α − 1)/x, ∂/∂α = log y − ψ(α), ∂/∂β = α/β − 1/x, with y = β/x. */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    const lp = this.logDensity(x);
    if (!(lp > -Infinity)) {
      out[0] = 0;
      out[1] = 0;
      out[2] = 0;
      return lp;
    }
    const a = this.shape;
    const b = this.scale;
    const y = b / x;
    out[0] = (y - a - 1) / x;
    out[1] = this.logScale - Math.log(x) - digamma(a);
    // α/β − 1/x; where both overflow (subnormal β and x) as (α − β/x)/β, which is ±∞
    // only where the partial is.
    const dScale = a / b - 1 / x;
    out[2] = dScale === dScale ? dScale : (a - y) / b;
    return lp;
  }

  /** Σ log f(xᵢ) with Σ ∂/∂α = n(log β − ψ(α)) − Σ log xᵢ and Σ ∂/∂β = nα/β − Σ 1/xᵢ. */
  override sumLogPdfPartials(xs: ArrayLike<number>, out: Float64Array): number {
    checkArrayLike(this.name, 'sumLogPdfPartials', xs);
    checkBuffer(this.name, 'sumLogPdfPartials', out, this.paramNames.length + 1);
    const v = inverseGammaSumLogPdfPartials(this.shape, this.scale, this.lgammaShape, this.logScale, xs, out);
    return v !== undefined ? v : super.sumLogPdfPartials(xs, out);
  }

  /**
   * The rows of a batch (see the base class): `logPdf` and the ∂/∂x of
   * `logPdfPartials`, without the shape partial's digamma; here rather than in
   * inverse-gamma-kernels.ts for the reason given at `Exponential.addLogPdfGradRows`. @internal
   */
  override addLogPdfGradRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array, dx: Float64Array): void {
    const a = this.shape;
    const b = this.scale;
    for (let k = 0, o = 0; k < rows; k++, o += stride) {
      let s = lp[k];
      for (let c = o + c0; c < o + c1; c++) {
        const x = xs[c];
        const v = this.logPdf(x);
        s += v;
        dx[c] = v > -Infinity ? (b / x - a - 1) / x : 0;
      }
      lp[k] = s;
    }
  }

  // ---- sampling -------------------------------------------------------------

  /**
   * β / Q⁻¹(α, p) for p ≤ ½ (Q⁻¹ accurate down to p = 1e-300) and β / P⁻¹(α, 1 − p)
   * above, where 1 − p is exact. For tiny α the root y can underflow (Gamma(1e-3, 1)
   * has P(α, y) = ¼ at y ≈ 1e-603) while β/y is still a double; there P(α, y) =
   * y^α/Γ(α + 1) to double precision (the rest is 1 + O(y)), so
   * log y = (log P + log Γ(α + 1))/α and x = exp(log β − log y).
   */
  protected quantileInside(p: number): number {
    const a = this.shape;
    const g = p <= 0.5 ? gammaQInv(a, p) : gammaPInv(a, 1 - p);
    if (g >= DBL_MIN) return this.scale / g;
    const logP = p <= 0.5 ? Math.log1p(-p) : Math.log(1 - p);
    const logY = (logP + this.lgammaShape + Math.log(a)) / a;
    return Math.exp(this.logScale - logY);
  }

  /**
   * β/G with G ~ Gamma(α, 1) (Marsaglia–Tsang). For α < 1, G itself underflows to 0
   * for α ≈ 1e-3 while β/G can still be a double, so the draw is exp(log β − log G)
   * with log G from the generator's log-space gamma.
   */
  protected draw(rng: Rng): number {
    const a = this.shape;
    if (a < 1) return Math.exp(this.logScale - rng.logGamma(a));
    return this.scale / rng.gamma(a);
  }
}

const PARAMS: readonly string[] = Object.freeze(['shape', 'scale']);
/** Discarded partials of `sumLogPdf`. */
const SCRATCH = new Float64Array(3);
/** The smallest normal double: below it β/x carries fewer than 53 bits. */
const DBL_MIN = 2.2250738585072014e-308;
