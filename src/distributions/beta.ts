/**
 * The beta distribution on (0, 1); its fast paths (statistics rows) are in
 * beta-kernels.ts.
 *
 * @module
 */
import { digammaRemainder, lbeta, logABeta } from '../math/beta-functions';
import { stirlerr } from '../math/gamma-functions';
import { LN_SQRT_2PI } from '../math/constants';
import { logBetaIPair, logBetaPowerTerm } from '../math/incomplete-beta';
import { betaIInv } from '../math/incomplete-beta-inverse';
import type { Rng } from '../random/rng';
import { betaSumKernel, psiGap } from './beta-kernels';
import { ContinuousDistribution, type SumLogPdfKernel } from './distribution';
import { unitInterval, type Support } from './support';
import { notANumber, positiveParam } from './validate';

/**
 * Beta distribution with shapes α > 0 and β > 0:
 * f(x) = x^{α−1}(1 − x)^{β−1} / B(α, β) on (0, 1).
 *
 * At x = 0 the log-density is +∞ (α < 1), log β (α = 1) or −∞ (α > 1), and at x = 1
 * the same with α and β swapped. The cdf is the regularized incomplete beta function
 * I_x(α, β) and the survival its complement computed directly, with logs that stay
 * exact where they underflow. For α, β ≥ 10 the density is evaluated in Loader's
 * saddle-point form, so α, β ~ 1e5 keep full accuracy (a plain lbeta-and-logs sum
 * would cancel from ~1e5 to O(1)).
 *
 * @example
 * ```ts
 * import { Beta } from 'varinf';
 * const d = new Beta(2, 3);
 * d.mean();            // → 0.4
 * d.logPdf(0.5);       // ≈ 0.405465108108164 (= log 1.5, to an ulp)
 * d.cdf(0.3);          // → 0.3483
 * d.quantile(0.5);     // → 0.3857275681323897
 * d.logCdf(1e-200);    // → -919.2422777283903 (= log(6e-400)), where the cdf underflows
 * ```
 */
export class Beta extends ContinuousDistribution {
  /**
   * The i.i.d. log-likelihood from raw `[alpha, beta]` through the sufficient statistics
   * [n, Σ log xᵢ, Σ log(1 − xᵢ)], for models whose likelihood passes latents straight
   * through; the per-point form of `sumLogPdfPartials` otherwise (beta-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = betaSumKernel((a, b, xs, out) => new Beta(a, b).sumLogPdfPartials(xs, out));

  /** Always `"Beta"`. */
  readonly name = 'Beta';
  /** `["alpha", "beta"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** The open interval (0, 1) (`unitInterval`, kind `"interval"`). */
  readonly support: Support = unitInterval;
  /** The raw constructor arguments `[alpha, beta]`. */
  readonly operands: readonly number[];
  /** First shape α > 0. */
  readonly alpha: number;
  /** Second shape β > 0. */
  readonly beta: number;
  /** log B(α, β), cached: every density evaluation for small shapes needs it. */
  private readonly logB: number;
  /**
   * log(α B(α, β)) and log(β B(α, β)) (`logABeta`) for the incomplete beta's series,
   * computed on the first cdf-type call (a model that constructs a Beta per evaluation
   * only needs logPdf); invisible to callers.
   */
  #cdfCache: Float64Array | undefined;

  // ---- parameters and checks ------------------------------------------------

  /**
   * @param alpha - first shape α, finite and > 0
   * @param beta - second shape β, finite and > 0
   * @throws InvalidParameterError when a parameter is out of its domain
   */
  constructor(alpha: number, beta: number) {
    super();
    this.alpha = positiveParam('Beta', 'alpha', alpha);
    this.beta = positiveParam('Beta', 'beta', beta);
    this.operands = [alpha, beta];
    this.logB = lbeta(this.alpha, this.beta);
  }

  // ---- statistics -----------------------------------------------------------

  /** α/(α + β). */
  mean(): number {
    return this.alpha / (this.alpha + this.beta);
  }

  /** αβ/((α + β)²(α + β + 1)), as a product of ratios (no overflow of (α + β)²). */
  variance(): number {
    const n = this.alpha + this.beta;
    return ((this.alpha / n) * (this.beta / n)) / (n + 1);
  }

  /** (α − 1)/(α + β − 2) when α > 1 and β > 1; NaN otherwise (no unique interior maximum). */
  mode(): number {
    const a = this.alpha;
    const b = this.beta;
    return a > 1 && b > 1 ? (a - 1) / (a - 1 + (b - 1)) : NaN;
  }

  /**
   * log B(α, β) − (α − 1)ψ(α) − (β − 1)ψ(β) + (α + β − 2)ψ(α + β), in a form without
   * cancellation for large shapes (Stirling form for α, β ≥ 10; see `betaEntropy` in beta.ts).
   */
  entropy(): number {
    const a = this.alpha;
    const b = this.beta;
    // Below 1/DBL_MAX a shape's ψ ≈ −1/shape overflows and the ψ differences are ∞ − ∞.
    if (Math.min(a, b) < 5.6e-309) return tinyShapeEntropy(a, b, this.logB);
    return betaEntropy(a, b, this.logB);
  }

  // ---- evaluation -----------------------------------------------------------

  /**
   * (α − 1) log x + (β − 1) log(1 − x) − log B(α, β) on (0, 1) (`betaLogDensity`); at
   * x = 0 +∞ (α < 1), log β (α = 1) or −∞ (α > 1), at x = 1 the same with α and β
   * swapped; −∞ outside [0, 1], NaN for NaN. The one statement of the density, which
   * `logPdf` and `logPdfPartials` call (a private method, value only: see
   * `Normal.logDensity`).
   */
  private logDensity(x: number): number {
    if (x > 0 && x < 1) return betaLogDensity(this.alpha, this.beta, x, 1 - x, this.logB);
    if (x === 0) return endpointLogPdf(this.alpha, this.beta);
    if (x === 1) return endpointLogPdf(this.beta, this.alpha);
    return x === x ? -Infinity : NaN;
  }

  /** (α − 1) log x + (β − 1) log(1 − x) − log B(α, β), with the limits at 0 and 1. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    return this.logDensity(x);
  }

  /** I_x(α, β). */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    return x > 0 ? (x < 1 ? Math.exp(this.logTail(x, false)) : 1) : x <= 0 ? 0 : NaN;
  }

  /** log I_x(α, β), exact where it underflows. */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    return x > 0 ? (x < 1 ? this.logTail(x, false) : 0) : x <= 0 ? -Infinity : NaN;
  }

  /** 1 − I_x(α, β), computed directly. */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    return x > 0 ? (x < 1 ? Math.exp(this.logTail(x, true)) : 0) : x <= 0 ? 1 : NaN;
  }

  /** log(1 − I_x(α, β)), exact where it underflows. */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    return x > 0 ? (x < 1 ? this.logTail(x, true) : -Infinity) : x <= 0 ? 0 : NaN;
  }

  /** I⁻¹(α, β, p) by Halley's method on the logit of x (see `betaIInv`). */
  protected quantileInside(p: number): number {
    return betaIInv(this.alpha, this.beta, p);
  }

  // ---- partials -------------------------------------------------------------

  /**
   * ∂/∂x = (α − 1)/x − (β − 1)/(1 − x), ∂/∂α = log x − ψ(α) + ψ(α + β),
   * ∂/∂β = log(1 − x) − ψ(β) + ψ(α + β). At x = 0 or 1, where the density has a finite
   * or infinite limit, the partials are the formulas' limits (±∞ where they diverge);
   * where logPdf is −∞ they are 0.
   */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    const a = this.alpha;
    const b = this.beta;
    const lp = this.logDensity(x);
    if (!(x >= 0 && x <= 1) || lp === -Infinity) {
      out[0] = 0;
      out[1] = 0;
      out[2] = 0;
      return lp;
    }
    const y = 1 - x;
    out[0] = (a === 1 ? 0 : (a - 1) / x) - (b === 1 ? 0 : (b - 1) / y);
    // ∞ − ∞ at shapes near the double maximum: the combined fraction instead.
    if (out[0] !== out[0]) out[0] = ((a - 1) * y - (b - 1) * x) / (x * y);
    // At an end log x (or log(1 − x)) is −∞ and dominates the ψ gap, which can itself be
    // +∞ at a subnormal shape (∞ − ∞ before): the partial's limit there is −∞.
    out[1] = x === 0 ? -Infinity : Math.log(x) + psiGap(a, b);
    out[2] = x === 1 ? -Infinity : Math.log1p(-x) + psiGap(b, a);
    return lp;
  }

  // ---- sampling -------------------------------------------------------------

  /**
   * G_α/(G_α + G_β) with independent Gamma variates. For shapes below 1 the gammas are
   * drawn as logs (`Rng.logGamma`) and combined as the logistic of their difference, so
   * a draw is exactly 0 or 1 only when the true value is beyond the double range.
   */
  protected draw(rng: Rng): number {
    const a = this.alpha;
    const b = this.beta;
    if (a >= 1 && b >= 1) {
      const ga = rng.gamma(a);
      return ga / (ga + rng.gamma(b));
    }
    const d = rng.logGamma(a) - rng.logGamma(b);
    // 1/(1 + e^{−d}), written so that the exponential never overflows.
    return d >= 0 ? 1 / (1 + Math.exp(-d)) : Math.exp(d) / (1 + Math.exp(d));
  }

  // ---- helpers --------------------------------------------------------------

  /** log I_x(α, β) or log(1 − I_x(α, β)) for 0 < x < 1, with the cached log B(α, β). */
  private logTail(x: number, upper: boolean): number {
    if (this.#cdfCache === undefined) {
      this.#cdfCache = Float64Array.of(logABeta(this.alpha, this.beta), logABeta(this.beta, this.alpha));
    }
    const c = this.#cdfCache;
    return logBetaIPair(this.alpha, this.beta, x, 1 - x, upper, this.logB, c[0], c[1]);
  }
}

const PARAMS: readonly string[] = Object.freeze(['alpha', 'beta']);

/**
 * Above this, both shapes go through the saddle-point (Stirling-difference) forms (the
 * ψ gap's own copy is in beta-kernels.ts: an imported binding costs a hot loop a check).
 */
const LARGE_SHAPE = 10;

/**
 * log f(x) for 0 < x < 1 with y = 1 − x. For α, β ≥ 10: log(x^α y^β/B(α, β)) in Loader's
 * form (`logBetaPowerTerm`) minus log x + log y; else the direct sum with the cached
 * log B(α, β), whose terms are then too small to cancel badly.
 */
function betaLogDensity(a: number, b: number, x: number, y: number, logB: number): number {
  if (a >= LARGE_SHAPE && b >= LARGE_SHAPE) return logBetaPowerTerm(a, b, x, y) - Math.log(x) - Math.log1p(-x);
  const ta = a === 1 ? 0 : (a - 1) * Math.log(x);
  const tb = b === 1 ? 0 : (b - 1) * Math.log1p(-x);
  return ta + tb - logB;
}

/** logPdf at the end where x^{a−1} is evaluated at 0 (x = 0 for a = α; x = 1 with the shapes swapped). */
function endpointLogPdf(a: number, b: number): number {
  if (a < 1) return Infinity;
  return a === 1 ? Math.log(b) : -Infinity;
}

/**
 * The entropy when a shape is below 1/DBL_MAX (issue #16's fuzz: NaN at Beta(2e-323,
 * 5e-324)). With ψ(x) = −1/x − γ + O(x), H = log B(a, b) + 1 − (a² + b²)/(ab(a + b))
 * + O(a + b) when both shapes are small, written u/a + v/b with u = b/(a + b) and
 * v = a/(a + b) so that nothing overflows before the result does; absolute error
 * O(max(a, b)) < 1e-8 against |H| > 1e308. When only one shape is tiny, H ≈ −1/min
 * < −DBL_MAX: −∞, the rounded value.
 */
function tinyShapeEntropy(a: number, b: number, logB: number): number {
  if (Math.max(a, b) >= 1e-8) return -Infinity;
  const s = a + b;
  return logB + 1 - b / s / a - a / s / b;
}

/**
 * Entropy of Beta(α, β), H = log B − (α − 1)ψ(α) − (β − 1)ψ(β) + (n − 2)ψ(n), n = α + β.
 * - α, β ≥ 10: with log Γ and ψ in Stirling form the ~n log n terms cancel
 *   analytically, leaving ½ log(2π αβ/n³) + ½ − 1/(2α) − 1/(2β) + 1/n
 *   + c(α) + c(β) − c(n) + (α − 1)R(α) + (β − 1)R(β) − (n − 2)R(n), c = stirlerr and
 *   R = log x − 1/(2x) − ψ(x) (each term O(1) or smaller; full accuracy at α = β = 1e5,
 *   where the textbook sum loses ~1e-10).
 * - otherwise log B + (α − 1)(ψ(n) − ψ(α)) + (β − 1)(ψ(n) − ψ(β)), with the ψ gaps of
 *   the large shape from `digammaDiff` (no cancellation at α = 1e-3, β = 1e5).
 */
export function betaEntropy(a: number, b: number, logB: number): number {
  if (a >= LARGE_SHAPE && b >= LARGE_SHAPE) {
    // n/2 from halves, so that shapes near the double maximum do not overflow n.
    const half = 0.5 * a + 0.5 * b;
    const n = a + b;
    const logs = 0.5 * (Math.log((0.5 * a) / half) + Math.log((0.5 * b) / half) - Math.log(half) - Math.LN2);
    const inv = 0.5 - 0.5 / a - 0.5 / b + 0.5 / half;
    const corr = stirlerr(a) + stirlerr(b) - stirlerr(n);
    // (n − 2)R(n) → 1/(12n) → 0 as n → ∞ (∞·0 otherwise).
    const remN = n === Infinity ? 0 : (n - 2) * digammaRemainder(n);
    const rem = (a - 1) * digammaRemainder(a) + (b - 1) * digammaRemainder(b) - remN;
    return LN_SQRT_2PI + logs + inv + corr + rem;
  }
  return logB + (a - 1) * psiGap(a, b) + (b - 1) * psiGap(b, a);
}
