/**
 * The Cauchy log-density at a point, with its partials: the one statement of it, which
 * `Cauchy.logPdf` / `logPdfPartials` and the point kernel (cauchy-kernels.ts) all call,
 * and the overflow-safe standardization the cdf shares. A file of its own so that the
 * class and its kernels can share it without importing each other.
 *
 * @module
 * @internal
 */
import { LN_2, LN_PI } from '../math/constants';

/** t = (x − μ)/σ; when x − μ overflows, from the halves (t is then ±∞ or huge anyway). @internal */
export function cauchyStandardize(x: number, mu: number, sigma: number): number {
  const d = x - mu;
  if (Math.abs(d) < Infinity || d !== d) return d / sigma;
  return Number.isFinite(x) ? (0.5 * x - 0.5 * mu) / (0.5 * sigma) : d;
}

/** log|x − μ| for finite x, μ, also when x − μ overflows. @internal */
export function logAbsDiff(x: number, mu: number): number {
  const d = Math.abs(x - mu);
  if (d < Infinity || d !== d) return Math.log(d);
  return Number.isFinite(x) ? Math.log(Math.abs(0.5 * x - 0.5 * mu)) + LN_2 : Infinity;
}

/**
 * −log π − log σ − log1p(t²); for |t| > 1e150, where t² overflows, the same value as
 * −log π + log σ − 2 log|x − μ| (the dropped log1p(1/t²) < 1e-300). @internal
 */
export function cauchyLogPdf(x: number, mu: number, sigma: number, logSigma: number): number {
  const t = cauchyStandardize(x, mu, sigma);
  if (Math.abs(t) <= 1e150) return -LN_PI - logSigma - Math.log1p(t * t);
  return t === t ? -LN_PI + logSigma - 2 * logAbsDiff(x, mu) : NaN;
}

/**
 * {@link cauchyLogPdf} with ∂/∂x = −2t/(σ(1 + t²)), ∂/∂μ = 2t/(σ(1 + t²)),
 * ∂/∂σ = (t − 1)(t + 1)/(σ(1 + t²)) into `out` (zeros where log f is −∞ or NaN);
 * t/(1 + t²) is 1/t once t² would overflow. @internal
 */
export function cauchyLogPdfPartials(x: number, mu: number, sigma: number, logSigma: number, out: Float64Array): number {
  const t = cauchyStandardize(x, mu, sigma);
  const lp = cauchyLogPdf(x, mu, sigma, logSigma);
  if (!(lp > -Infinity)) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    return lp;
  }
  const big = Math.abs(t) > 1e150;
  const u = big ? 0 : 1 + t * t;
  const dmu = (big ? 2 / t : (2 * t) / u) / sigma;
  out[0] = -dmu;
  out[1] = dmu;
  out[2] = (big ? 1 : ((t - 1) * (t + 1)) / u) / sigma;
  return lp;
}
