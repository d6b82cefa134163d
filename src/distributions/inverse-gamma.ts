/**
 * The inverse-gamma distribution: 1/X ~ Gamma(shape α, rate β).
 *
 * @module
 */
import { log1mexp } from '../math/elementary';
import { digamma, lgamma } from '../math/gamma-functions';
import { gammaP, gammaPInv, gammaQ, gammaQInv, logGammaP, logGammaQ } from '../math/incomplete-gamma';
import { logPoissonRaw } from '../math/saddle-point';
import type { Rng } from '../random/rng';
import { ContinuousDistribution } from './distribution';
import { gammaEntropyStandard } from './gamma';
import { positive, type Support } from './support';
import { positiveParam } from './validate';

/**
 * Inverse-gamma distribution with shape α > 0 and scale β > 0:
 * f(x) = β^α x^{−α−1} e^{−β/x} / Γ(α) for x > 0, so 1/X ~ Gamma(α, rate β).
 *
 * With y = β/x, F(x) = Q(α, y) and 1 − F(x) = P(α, y) (regularized incomplete
 * gamma functions, with logs that stay exact where they underflow). The density is
 * y^{α+1} e^{−y} / (βΓ(α)); for α ≥ 10 it is written through Loader's saddle-point
 * form (as Gamma's is), which keeps full relative accuracy at α = 1e4 where
 * α log β, (α + 1) log x and log Γ(α) each reach 1e5 and cancel. The mean is ∞
 * for α ≤ 1 and the variance ∞ for α ≤ 2.
 *
 * @example
 * ```ts
 * import { InverseGamma } from 'varinf';
 * const d = new InverseGamma(3, 2);
 * d.mean();            // 1 (= β/(α − 1))
 * d.mode();            // 0.5 (= β/(α + 1))
 * d.cdf(1);            // Q(3, 2) = 0.6766764161830634
 * new InverseGamma(1e4, 1e4).logPdf(1.00257121004); // 3.650…, full precision
 * ```
 */
export class InverseGamma extends ContinuousDistribution {
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

  // ---- statistics -------------------------------------------------------

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
    return gammaEntropyStandard(a, this.lgammaShape) - 2 * digamma(a) + this.logScale;
  }

  // ---- evaluation -------------------------------------------------------

  /** log(y^{α+1} e^{−y} / Γ(α)) − log β with y = β/x; −∞ for x ≤ 0 and x = ∞. */
  logPdf(x: number): number {
    if (x > 0) return x < Infinity ? this.logDensity(x) : -Infinity;
    return x <= 0 ? -Infinity : NaN;
  }

  /** Q(α, β/x); −expm1(log P) where β/x is subnormal (its rounding would cost digits). */
  cdf(x: number): number {
    if (x > 0) {
      const y = this.scale / x;
      return y >= DBL_MIN || x === Infinity ? gammaQ(this.shape, y) : -Math.expm1(this.logSurvival(x));
    }
    return x <= 0 ? 0 : NaN;
  }

  /** log Q(α, β/x), exact where Q underflows; log1mexp(log P) where β/x is subnormal. */
  logCdf(x: number): number {
    if (x > 0) {
      const y = this.scale / x;
      return y >= DBL_MIN || x === Infinity ? logGammaQ(this.shape, y) : log1mexp(this.logSurvival(x));
    }
    return x <= 0 ? -Infinity : NaN;
  }

  /** P(α, β/x); exp(log P) where β/x is subnormal. */
  survival(x: number): number {
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
    if (x > 0) {
      const y = this.scale / x;
      if (y >= DBL_MIN || x === Infinity) return logGammaP(this.shape, y);
      const a = this.shape;
      return a * (this.logScale - Math.log(x)) - this.lgammaShape - Math.log(a);
    }
    return x <= 0 ? 0 : NaN;
  }

  // ---- partials ---------------------------------------------------------

  /** ∂/∂x = (y − α − 1)/x, ∂/∂α = log y − ψ(α), ∂/∂β = α/β − 1/x, with y = β/x. */
  logPdfPartials(x: number, out: Float64Array): number {
    const lp = this.logPdf(x);
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
    out[2] = a / b - 1 / x;
    return lp;
  }

  // ---- sampling ---------------------------------------------------------

  /**
   * β / Q⁻¹(α, p) for p ≤ ½ (Q⁻¹ accurate down to p = 1e-300) and β / P⁻¹(α, 1 − p)
   * above, where 1 − p is exact.
   */
  protected quantileInside(p: number): number {
    const g = p <= 0.5 ? gammaQInv(this.shape, p) : gammaPInv(this.shape, 1 - p);
    return this.scale / g;
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

  // ---- helpers ----------------------------------------------------------

  /**
   * log f(x) for 0 < x < ∞. With y = β/x the density is y^{α+1} e^{−y}/(βΓ(α)) =
   * y² · [y^{α−1} e^{−y}/Γ(α)] / β; the bracket is Loader's Poisson-type term for
   * α ≥ 10 (its log cancels otherwise), and y²/β = y/x. Where β/x is subnormal,
   * 0 or ∞, the logs are taken separately.
   */
  private logDensity(x: number): number {
    const a = this.shape;
    const y = this.scale / x;
    const logX = Math.log(x);
    if (!(y >= DBL_MIN) || y === Infinity) return (a + 1) * (this.logScale - logX) - y - this.lgammaShape - this.logScale;
    if (a >= SADDLE_POINT_SHAPE) return logPoissonRaw(a - 1, y) + Math.log(y) - logX;
    return (a + 1) * Math.log(y) - y - this.lgammaShape - this.logScale;
  }
}

const PARAMS: readonly string[] = Object.freeze(['shape', 'scale']);
/** From this shape on, the saddle-point form of the density (as in Gamma). */
const SADDLE_POINT_SHAPE = 10;
/** The smallest normal double: below it β/x carries fewer than 53 bits. */
const DBL_MIN = 2.2250738585072014e-308;
