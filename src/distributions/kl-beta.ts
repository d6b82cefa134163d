/**
 * KL(Beta(αp, βp) ‖ Beta(αq, βq)) in closed form.
 *
 * @module
 */
import { digammaDiff, lbeta } from '../math/beta-functions';
import { digamma, trigamma } from '../math/gamma-functions';
import { integrate } from '../math/quadrature';

/**
 * KL(Beta(αp, βp) ‖ Beta(αq, βq)) = log B(αq, βq) − log B(αp, βp)
 * − (αq − αp)(ψ(αp) − ψ(np)) − (βq − βp)(ψ(βp) − ψ(np)), np = αp + βp.
 *
 * This is the Bregman divergence of A(α, β) = log B(α, β) (the log-partition of the
 * family), so for nearby parameters, where the textbook terms are each ~|log B| and the
 * result is second order (KL ≈ 1e-13 at a relative change of 1e-6; at α, β ~ 1e5 the
 * log B values are ~1e5), it is computed as the integral of a positive function,
 * ∫₀¹ (1 − t)·dᵀ∇²A(θp + t·d)·d dt with d = θq − θp and
 * dᵀ∇²A d = dα²ψ′(α) + dβ²ψ′(β) − (dα + dβ)²ψ′(α + β), by Gauss–Kronrod quadrature
 * (as kl.ts does for the Gamma shape term). Far apart (a relative change above ½) the
 * closed form is used, with ψ(n) − ψ(α) from `digammaDiff` for large shapes.
 *
 * @example
 * ```ts
 * klBeta(2, 3, 3, 2); // → 0.5
 * ```
 */
export function klBeta(aP: number, bP: number, aQ: number, bQ: number): number {
  const da = aQ - aP;
  const db = bQ - bP;
  if (da === 0 && db === 0) return 0;
  if (Math.abs(da) > 0.5 * aP || Math.abs(db) > 0.5 * bP) {
    return lbeta(aQ, bQ) - lbeta(aP, bP) + da * psiGap(aP, bP) + db * psiGap(bP, aP);
  }
  const quadForm = (t: number): number => {
    const a = aP + t * da;
    const b = bP + t * db;
    const s = da + db;
    return (1 - t) * (da * da * trigamma(a) + db * db * trigamma(b) - s * s * trigamma(a + b));
  };
  return integrate(quadForm, 0, 1, { relTol: 1e-15, absTol: 0 }).value;
}

/** ψ(a + b) − ψ(a), without cancellation for a ≥ 10. */
function psiGap(a: number, b: number): number {
  return a >= 10 ? digammaDiff(a, b) : digamma(a + b) - digamma(a);
}
