/**
 * The Student-t log-density at a point, with its partials, and its normalizing
 * constant: the one statement of them, which `StudentT.logPdf` / `logPdfPartials` and
 * the point kernel (student-t-kernels.ts) call, and the overflow-safe standardization
 * the cdf shares. A file of its own so that the class and its kernels can share it
 * without importing each other (as cauchy-density.ts).
 *
 * @module
 * @internal
 */
import { digammaDiff, lbeta, stirlerrDiff } from '../math/beta-functions';
import { LN_SQRT_2PI } from '../math/constants';
import { log1pmx } from '../math/elementary';
import { digamma } from '../math/gamma-functions';

/** t = (x − μ)/σ, also where x − μ overflows. @internal */
export function standardize(x: number, mu: number, sigma: number): number {
  const d = x - mu;
  return Number.isFinite(d) || !Number.isFinite(x) ? d / sigma : x / sigma - mu / sigma;
}

/** log(|t|/√ν), also where |t|/√ν overflows. @internal */
export function logU(t: number, nu: number): number {
  return Math.log(Math.abs(t)) - 0.5 * Math.log(nu);
}

/** log(1 + t²/ν) without overflowing t² or t/√ν (2 log(|t|/√ν) beyond u = 1e150). */
function log1pTSquareOverNu(t: number, nu: number): number {
  const u = Math.abs(t) / Math.sqrt(nu);
  return u < 1e150 ? Math.log1p(u * u) : 2 * logU(t, nu);
}

/**
 * log f(x) = logNorm − (ν+1)/2·log(1 + t²/ν), t = (x − μ)/σ, with t²/ν formed without
 * overflow (NaN for a NaN x); `logNorm` = {@link studentLogNormalizer}(ν) − log σ.
 * `StudentT.logPdf` calls it. @internal
 */
export function studentLogPdf(x: number, nu: number, mu: number, s: number, logNorm: number): number {
  const t = standardize(x, mu, s);
  if (t !== t) return NaN;
  return logNorm - 0.5 * (nu + 1) * log1pTSquareOverNu(t, nu);
}

/**
 * The part of ∂/∂ν log f that depends on ν alone, so that the point kernel computes
 * it once per ν: ψ((ν+1)/2) − ψ(ν/2) − 1/ν (the gap by `digammaDiff` for ν ≥ 20);
 * for ν < 1e-8, ψ(h + ½) − ψ(1 + h) with h = ν/2, whose 1/ν terms
 * {@link studentLogPdfPartials} adds back combined (they would overflow to ∞ − ∞ apart).
 * @internal
 */
export function studentNuTerm(nu: number): number {
  const h = 0.5 * nu;
  if (nu < 1e-8) return digamma(h + 0.5) - digamma(1 + h);
  const gap = h >= 10 ? digammaDiff(h, 0.5) : digamma(h + 0.5) - digamma(h);
  return gap - 1 / nu;
}

/**
 * log f(x) = logNorm − (ν+1)/2·log(1 + t²/ν) and its partials as documented at
 * `StudentT.logPdfPartials` (zeros where log f is −∞ or NaN); `nuTerm` =
 * {@link studentNuTerm}(ν). That method and the point kernel both call it, so they
 * give the same bits. It forms log f as {@link studentLogPdf} does, keeping
 * log(1 + t²/ν) for the partials (calling that function would take the log twice per
 * point). @internal
 */
export function studentLogPdfPartials(x: number, nu: number, mu: number, s: number, logNorm: number, nuTerm: number, out: Float64Array): number {
  const t = standardize(x, mu, s);
  // A NaN t (x NaN) makes lw and lp NaN, as `logPdf` returns.
  const lw = log1pTSquareOverNu(t, nu);
  const lp = logNorm - 0.5 * (nu + 1) * lw;
  if (!(lp > -Infinity)) {
    out.fill(0, 0, 4);
    return lp;
  }
  const u = Math.abs(t) / Math.sqrt(nu);
  // t²/(νw) = u²/(1 + u²), formed as 1/(1 + 1/u²) for large u (no overflow).
  const frac = u < 1 ? (u * u) / (1 + u * u) : 1 / (1 + 1 / (u * u));
  // t/(νw) = frac/t; for t = 0 it is 0.
  const tOverNuW = t === 0 ? 0 : frac / t;
  out[0] = -((nu + 1) * tOverNuW) / s;
  // For ν < 1e-8: ψ(h) = ψ(1 + h) − 1/h and (ν + 1)·frac/ν = frac + frac/ν, so the 1/ν
  // terms combine to (1 + frac)/ν, +∞ only where the partial is (at a subnormal ν the
  // gap and 1/ν overflowed to ∞ − ∞).
  out[1] = nu < 1e-8 ? 0.5 * (nuTerm - lw + frac + (1 + frac) / nu) : 0.5 * (nuTerm - lw + ((nu + 1) / nu) * frac);
  out[2] = -out[0];
  out[3] = ((nu + 1) * frac - 1) / s;
  return lp;
}

/**
 * log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) = −log B(ν/2, ½) − ½ log ν.
 *
 * For h = ν/2 ≥ 10, expanding log B by the Stirling form of R's lbeta, the O(log ν)
 * terms cancel analytically and it equals
 * −log √(2π) + ½ log1p(1/(2h)) − r − (h − ½)·log1pmx(−r) − [c(h) − c(h + ½)],
 * r = 1/(2h + 1), c = stirlerr: every correction term is O(1/ν), so the normal limit
 * −log √(2π) is approached with full relative accuracy (the lgamma difference would
 * keep only an absolute ε·log ν). Below, −lbeta(ν/2, ½) − ½ log ν (accurate lgamma
 * near 1 and 2, absolute error a few ε). @internal
 */
export function studentLogNormalizer(nu: number): number {
  const h = 0.5 * nu;
  if (h < 10) return -lbeta(h, 0.5) - 0.5 * Math.log(nu);
  const r = 1 / (2 * h + 1);
  return -LN_SQRT_2PI + 0.5 * Math.log1p(1 / (2 * h)) - r - (h - 0.5) * log1pmx(-r) - stirlerrDiff(h, 0.5);
}
