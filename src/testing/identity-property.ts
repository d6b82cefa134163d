/**
 * What every property of `varinf/testing` shares: the property type, the options
 * every property takes, and the helpers that draw points and name the member under
 * test. The themed modules (evaluation, quantile, normalization, Monte Carlo,
 * partials, KL, bad input) build on these rather than on one another.
 *
 * A failing predicate throws an `IdentityViolation` whose message names the
 * identity, the family with its parameters, the counterexample and the tolerance
 * exceeded; fast-check adds the seed and the shrink path to reproduce it.
 *
 * Tolerances are stated per property in the units of the project's reference rule
 * (rtol·max(1, cond), relative) or in ulps; the defaults are those the project's
 * own tests use.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { Family, TestableDistribution } from './family';
import { pointIn } from './generators';
import { describeMember } from './violation';

/**
 * A property returned by the functions of `varinf/testing`, for `fc.assert` (or
 * `fc.check`).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cdfIsMonotone, normalFamily, type IdentityProperty } from 'varinf/testing';
 * const p: IdentityProperty = cdfIsMonotone(normalFamily);
 * fc.assert(p, { numRuns: 100, seed: 1 });
 * ```
 */
export type IdentityProperty = fc.IProperty<unknown>;

/**
 * Options every property takes.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cdfIsMonotone, normalFamily } from 'varinf/testing';
 * cdfIsMonotone(normalFamily, { params: fc.constant([0, 1]) });
 * ```
 */
export interface PropertyOptions {
  /** The parameter arbitrary (default: the family's `valid`, or `moderate` where stated). */
  readonly params?: fc.Arbitrary<number[]>;
}

/** Parameters with a point of the member in its bulk or tails ({@link pointIn}). */
export function withPoint(family: Family, params: fc.Arbitrary<number[]>): fc.Arbitrary<[number[], number]> {
  return params.chain((ps) => fc.tuple(fc.constant(ps), pointIn(family.make(...ps))));
}

/** The member under test as a violation names it: the family with its parameter values. */
export const subjectOf = (family: Family, ps: readonly unknown[]): string => describeMember(family.name, family.paramNames, ps);

/** A scale of the distribution for steps: σ, or the interquartile range where σ is not finite. */
export function spread(d: TestableDistribution): number {
  const sd = d.stddev === undefined ? Math.sqrt(d.variance()) : d.stddev();
  return Number.isFinite(sd) ? sd : d.quantile(0.75) - d.quantile(0.25);
}

/** Refuses, with a TypeError naming the identity, a family of the other kind (continuous or discrete). */
export function requireKind(family: Family, kind: Family['kind'], identity: string): void {
  if (family.kind !== kind) throw new TypeError(`${identity}: applies to ${kind} families, and ${family.name} is ${family.kind}`);
}
