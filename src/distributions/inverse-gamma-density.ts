/**
 * The inverse-gamma log-density on (0, ∞): the one statement of it, which
 * `InverseGamma.logPdf` / `logPdfPartials` and the summed kernel
 * (inverse-gamma-kernels.ts) call. A file of its own so that the class and its
 * kernels can share it without importing each other (as cauchy-density.ts).
 *
 * @module
 * @internal
 */
import { LN_SQRT_2PI } from '../math/constants';
import { logPoissonRaw } from '../math/saddle-point';

/** The smallest normal double: below it β/x carries fewer than 53 bits. */
const DBL_MIN = 2.2250738585072014e-308;
/** From this shape on, the saddle-point form of the density (as in Gamma). */
const SADDLE_POINT_SHAPE = 10;

/**
 * log f(x) for 0 < x < ∞. With y = β/x the density is y^{α+1} e^{−y}/(βΓ(α)) =
 * y² · [y^{α−1} e^{−y}/Γ(α)] / β; the bracket is Loader's Poisson-type term for
 * α ≥ 10 (its log cancels otherwise), and y²/β = y/x. Where β/x is subnormal,
 * 0 or ∞, the logs are taken separately. @internal
 */
export function inverseGammaLogDensity(a: number, b: number, x: number, lgammaA: number, logB: number): number {
  const y = b / x;
  const logX = Math.log(x);
  if (y === Infinity && a >= SADDLE_POINT_SHAPE) return logDensityBeyondMax(a, logB - logX, logB);
  if (!(y >= DBL_MIN) || y === Infinity) return (a + 1) * (logB - logX) - y - lgammaA - logB;
  if (a >= SADDLE_POINT_SHAPE) return logPoissonRaw(a - 1, y) + Math.log(y) - logX;
  return (a + 1) * Math.log(y) - y - lgammaA - logB;
}

/**
 * log f(x) where y = β/x overflows (x subnormal or β huge) at a large shape α: the
 * plain form is (α + 1)·∞ − ∞ = NaN there (issue #16's fuzz: InverseGamma(1e308, 0.5)
 * at x = 5e-324). With ly = log y and Stirling's log Γ(α) = (α − ½) log α − α +
 * log √(2π) + O(1/(12α)): log f = −α(e^d − 1 − d) + ly + ½ log α − log √(2π) − log β,
 * d = ly − log α, with e^d − 1 − d as expm1(d) − d (no cancellation near d = 0).
 * Since y > DBL_MAX ≥ α, d > 0, and the result is finite only where α(e^d − 1 − d)
 * < DBL_MAX with α·e^d = y > DBL_MAX, i.e. for α > 1e307 (InverseGamma(1.7e308,
 * 1.7e308) at x = 0.9: −9.776e305), where the Stirling remainder 1/(12α) < 1e-308 is
 * far below an ulp of the result; elsewhere it is −∞, the correctly rounded value.
 */
function logDensityBeyondMax(a: number, ly: number, logB: number): number {
  const d = ly - Math.log(a);
  return -a * (Math.expm1(d) - d) + ly + 0.5 * Math.log(a) - LN_SQRT_2PI - logB;
}
