/**
 * Bijections from the unconstrained real line onto a support, with their
 * log-Jacobians. Models and guides use them to work on a flat vector in ℝᵈ.
 *
 * @module
 */
import { formatValue } from '../errors';
import { intervalBijection } from './interval-bijection';
import type { Support } from './support';
import type { Bijection } from './bijection';

export type { Bijection } from './bijection';


/**
 * The identity map ℝ → ℝ (log-Jacobian 0), used for real-valued latents.
 *
 * @example
 * ```ts
 * identityBijection.inverse(-2); // → -2
 * ```
 */
export const identityBijection: Bijection = Object.freeze({
  name: 'identity',
  forward: (u: number): number => u,
  inverse: (z: number): number => z,
  logAbsDetJacobian: (): number => 0,
  derivative: (): number => 1,
  dLogAbsDetJacobian: (): number => 0,
});

/**
 * z = e^u, ℝ → (0, ∞), log|dz/du| = u; used for positive latents (as Stan and ADVI do).
 *
 * @example
 * ```ts
 * expBijection.inverse(1); // → 0
 * ```
 */
export const expBijection: Bijection = Object.freeze({
  name: 'exp',
  forward: (u: number): number => Math.exp(u),
  inverse: (z: number): number => Math.log(z),
  logAbsDetJacobian: (u: number): number => u,
  derivative: (u: number): number => Math.exp(u),
  dLogAbsDetJacobian: (): number => 1,
});

/**
 * The bijection ℝ → support used for a latent with this support: identity for the
 * real line, exp for (0, ∞) and [0, ∞), the scaled logistic
 * {@link intervalBijection} for a bounded interval (boundaries have probability zero).
 *
 * @example
 * ```ts
 * import { bijectionFor, Exponential } from 'varinf';
 * bijectionFor(new Exponential(1).support).name; // → "exp"
 * ```
 */
export function bijectionFor(support: Support): Bijection {
  checkSupport('bijectionFor', 'support', support);
  switch (support.kind) {
    case 'real':
      return identityBijection;
    case 'positive':
    case 'nonNegative':
      return expBijection;
    case 'interval':
      return intervalBijection(support.lower, support.upper);
    default:
      // A hand-made support of an unknown kind: refuse rather than return undefined.
      throw new TypeError(`bijectionFor: support.kind must be real, positive, nonNegative or interval, got ${formatValue((support as { kind: unknown }).kind)}`);
  }
}

/** Throws a `TypeError` naming `owner` and `arg` unless `s` is an object (a Support). */
function checkSupport(owner: string, arg: string, s: unknown): void {
  if (s === null || typeof s !== 'object') throw new TypeError(`${owner}: ${arg} must be a Support (e.g. positive), got ${formatValue(s)}`);
}

/**
 * True when two supports get the same bijection (same kind, and for intervals the
 * same ends), so their latents can share one block of the unconstrained vector.
 *
 * @example
 * ```ts
 * import { sameTransform, positive, nonNegative } from 'varinf';
 * sameTransform(positive, nonNegative); // → true: both use exp
 * ```
 */
export function sameTransform(a: Support, b: Support): boolean {
  checkSupport('sameTransform', 'a', a);
  checkSupport('sameTransform', 'b', b);
  const kind = (s: Support): string => (s.kind === 'nonNegative' ? 'positive' : s.kind);
  return kind(a) === kind(b) && (a.kind !== 'interval' || (a.lower === b.lower && a.upper === b.upper));
}
