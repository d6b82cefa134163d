/**
 * KL(Poisson(λp) ‖ Poisson(λq)), full relative precision when λp ≈ λq.
 *
 * @module
 */
import { klTerm } from './kl-bernoulli';

/**
 * KL(Poisson(λp) ‖ Poisson(λq)) = λp log(λp/λq) + λq − λp = λp·(e^{−u} − 1 + u)
 * with u = log(λp/λq): one non-negative term (see `klTerm`), no cancellation when
 * λp ≈ λq (λq − λp is exact there), no overflow when λp/λq is huge.
 *
 * @example
 * ```ts
 * klPoisson(1, 2); // → 0.3068528194400547
 * ```
 */
export function klPoisson(rateP: number, rateQ: number): number {
  return klTerm(rateP, rateQ, rateQ - rateP);
}
