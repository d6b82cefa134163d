/**
 * Closed-form Kullback–Leibler divergences KL(p ‖ q) = E_p[log p(X) − log q(X)].
 *
 * The textbook formulas lose every digit when p and q nearly coincide (KL ≈ 1e-16
 * computed as a difference of O(1) terms). Here each is rewritten around
 * `expm1mx(y) = eʸ − 1 − y` and `log1p` of the exactly computed relative
 * parameter difference, so that small divergences keep full relative accuracy.
 *
 * @module
 */
import { UnsupportedKLError } from '../errors';
import { digamma, lgamma } from '../math/gamma-functions';
import type { ContinuousDistribution } from './distribution';
import { Exponential } from './exponential';
import { Gamma } from './gamma';
import { LogNormal } from './lognormal';
import { Normal } from './normal';

/**
 * KL(p ‖ q) in closed form, in nats.
 *
 * Supported pairs: Normal‖Normal, LogNormal‖LogNormal, Exponential‖Exponential,
 * Gamma‖Gamma, Exponential‖Gamma, Gamma‖Exponential. Any other pair throws
 * {@link UnsupportedKLError}.
 *
 * - Normal: ½[(σp/σq)² − 1 − 2 log(σp/σq) + ((μp − μq)/σq)²] (LogNormal likewise).
 * - Exponential: λq/λp − 1 − log(λq/λp).
 * - Gamma: (αp − αq)ψ(αp) − log Γ(αp) + log Γ(αq) + αq log(βp/βq) + αp(βq − βp)/βp.
 *
 * @example
 * ```ts
 * import { kl, Normal, Exponential, Gamma } from 'varinf';
 * kl(new Normal(0, 1), new Normal(1, 2));       // 0.4431471805599453
 * kl(new Exponential(1), new Gamma(2, 1));       // 0.5772156649015329 (Euler's γ)
 * kl(new Normal(0, 1), new Normal(0, 1.000001)); // 9.99998333e-13, full precision
 * ```
 */
export function kl(p: ContinuousDistribution, q: ContinuousDistribution): number {
  if (p instanceof Normal && q instanceof Normal) return klLocationScale(p.mu, p.sigma, q.mu, q.sigma);
  if (p instanceof LogNormal && q instanceof LogNormal) return klLocationScale(p.mu, p.sigma, q.mu, q.sigma);
  if (p instanceof Exponential && q instanceof Exponential) return expm1mx(-logRatio(p.rate, q.rate));
  if (p instanceof Gamma && q instanceof Gamma) return klGamma(p.shape, p.rate, q.shape, q.rate);
  if (p instanceof Exponential && q instanceof Gamma) return klGamma(1, p.rate, q.shape, q.rate);
  if (p instanceof Gamma && q instanceof Exponential) return klGamma(p.shape, p.rate, 1, q.rate);
  throw new UnsupportedKLError(p.name, q.name);
}

/** KL between N(μp, σp) and N(μq, σq) = ½[expm1mx(2ℓ) + δ²], ℓ = log(σp/σq), δ = (μp − μq)/σq. */
function klLocationScale(muP: number, sigmaP: number, muQ: number, sigmaQ: number): number {
  const l = logRatio(sigmaP, sigmaQ);
  const d = (muP - muQ) / sigmaQ;
  return 0.5 * (expm1mx(2 * l) + d * d);
}

/**
 * KL between Gamma(αp, βp) and Gamma(αq, βq). With u = log(βp/βq) the rate terms
 * αq u + αp(e^{−u} − 1) become (αq − αp)u + αp·expm1mx(−u), exact when βp ≈ βq.
 */
function klGamma(aP: number, bP: number, aQ: number, bQ: number): number {
  const u = logRatio(bP, bQ);
  const rateTerm = (aQ - aP) * u + aP * expm1mx(-u);
  const shapeTerm = aP === aQ ? 0 : (aP - aQ) * digamma(aP) - lgamma(aP) + lgamma(aQ);
  return shapeTerm + rateTerm;
}

/** log(a/b) as log1p((a − b)/b): a − b is exact when a ≈ b, so small ratios keep their digits. */
function logRatio(a: number, b: number): number {
  const r = (a - b) / b;
  return Math.abs(r) < 0.5 ? Math.log1p(r) : Math.log(a) - Math.log(b);
}

/**
 * eʸ − 1 − y without cancellation: the Taylor series y²/2! + y³/3! + … for
 * |y| < 0.5 (terms to 1e-17 relative), expm1(y) − y elsewhere.
 */
export function expm1mx(y: number): number {
  if (Math.abs(y) >= 0.5) return Math.expm1(y) - y;
  let term = (y * y) / 2;
  let sum = term;
  for (let k = 3; k < 30; k++) {
    term *= y / k;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}
