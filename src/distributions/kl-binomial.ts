/**
 * KL(Binomial(n, p) ‖ Binomial(n, q)) for the same number of trials.
 *
 * @module
 */
import { InvalidParameterError } from '../errors';
import { klBernoulli } from './kl-bernoulli';

/**
 * KL(Binomial(n, p) ‖ Binomial(n, q)) = n·KL(Bernoulli(p) ‖ Bernoulli(q)): the
 * binomial coefficients cancel in the log-ratio, so the divergence is that of n
 * independent trials; n = 0 gives 0. Different n are refused with an
 * `InvalidParameterError` (the divergence is ∞ when n_p > n_q and has no closed
 * form when n_p < n_q).
 *
 * @example
 * ```ts
 * klBinomial(10, 0.3, 10, 0.5); // → 0.822828785050518
 * ```
 */
export function klBinomial(nP: number, pP: number, nQ: number, pQ: number): number {
  if (nP !== nQ) {
    throw new InvalidParameterError('kl(Binomial ‖ Binomial)', 'n', `the same for p and q (p has n = ${nP})`, nQ);
  }
  return nP === 0 ? 0 : nP * klBernoulli(pP, pQ);
}
