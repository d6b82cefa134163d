/**
 * Properties of a closed-form KL divergence on its own: non-negative, and zero on a
 * member and itself (its Monte-Carlo check is in monte-carlo-properties.ts).
 *
 * @module
 */
import * as fc from 'fast-check';
import { formatValue } from '../errors';
import type { Family, TestableDistribution } from './family';
import { subjectOf, type IdentityProperty, type PropertyOptions } from './identity-property';
import { IdentityViolation } from './violation';

/**
 * A KL divergence: varinf's `kl`, or the user's own.
 *
 * @example
 * ```ts
 * import { kl, Normal } from 'varinf';
 * const klNormal: KlFunction<Normal, Normal> = kl;
 * ```
 */
export type KlFunction<P, Q> = (p: P, q: Q) => number;


/**
 * KL(p‖q) ≥ 0 and never NaN, over `valid` parameters of both families (a closed
 * form `kl` for the pair). Exact comparison.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { kl } from 'varinf';
 * import { gammaFamily, klIsNonNegative } from 'varinf/testing';
 * // kl has two overloads (continuous, discrete): an arrow lets TypeScript pick the one for the family.
 * fc.assert(klIsNonNegative(gammaFamily, gammaFamily, (p, q) => kl(p, q)), { seed: 3 });
 * ```
 */
export function klIsNonNegative<P extends TestableDistribution, Q extends TestableDistribution>(
  pFamily: Family<P>,
  qFamily: Family<Q>,
  kl: KlFunction<P, Q>,
  options: { readonly pParams?: fc.Arbitrary<number[]>; readonly qParams?: fc.Arbitrary<number[]> } = {},
): IdentityProperty {
  return fc.property(options.pParams ?? pFamily.valid, options.qParams ?? qFamily.valid, (pp, qp) => {
    const v = kl(pFamily.make(...pp), qFamily.make(...qp));
    if (v >= 0) return;
    throw new IdentityViolation('KL(p‖q) ≥ 0', `p = ${subjectOf(pFamily, pp)}, q = ${subjectOf(qFamily, qp)}`, 'the closed form', `KL = ${v}`);
  });
}

/**
 * Options of {@link klOfSelfIsZero}.
 *
 * @example
 * ```ts
 * const options: KlSelfOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface KlSelfOptions extends PropertyOptions {
  /** Allowed KL(p‖p) (default 0: exactly +0, as varinf's closed forms give). */
  readonly tolerance?: number;
}

/**
 * KL(p‖p) = 0 for two separately built members with the same `valid` parameters.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { kl } from 'varinf';
 * import { klOfSelfIsZero, normalFamily } from 'varinf/testing';
 * // kl has two overloads (continuous, discrete): an arrow lets TypeScript pick the one for the family.
 * fc.assert(klOfSelfIsZero(normalFamily, (p, q) => kl(p, q)), { seed: 3 });
 * ```
 */
export function klOfSelfIsZero<P extends TestableDistribution>(family: Family<P>, kl: KlFunction<P, P>, options: KlSelfOptions = {}): IdentityProperty {
  const tol = options.tolerance ?? 0;
  return fc.property(options.params ?? family.valid, (ps) => {
    const v = kl(family.make(...ps), family.make(...ps));
    if (tol === 0 ? Object.is(v, 0) : v >= 0 && v <= tol) return;
    throw new IdentityViolation('KL(p‖p) = 0', subjectOf(family, ps), 'the closed form', `KL = ${formatValue(v)}, allowed ${tol === 0 ? '+0 exactly' : tol}`);
  });
}
