/**
 * Running an identity property with the violation in the report.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { IdentityViolation } from './violation';

/**
 * `fc.assert(property, { includeErrorInReport: true, ...parameters })`: fast-check 4
 * otherwise keeps the predicate's error only as the report's `cause`, which some
 * runners do not print; with it, the thrown message has the {@link IdentityViolation}
 * text (identity, parameters, counterexample) beside fast-check's seed, path and
 * shrunk counterexample.
 *
 * @example
 * ```ts
 * import { assertIdentity, cdfIsMonotone, normalFamily } from 'varinf/testing';
 * assertIdentity(cdfIsMonotone(normalFamily), { numRuns: 300, seed: 1 });
 * ```
 */
export function assertIdentity<Ts>(property: fc.IRawProperty<Ts>, parameters: fc.Parameters<Ts> = {}): void {
  fc.assert(property, { includeErrorInReport: true, ...parameters });
}
