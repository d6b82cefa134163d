/**
 * Tolerance rules of the identity properties, in the units of the project's
 * reference rule (relative error scaled by a condition number) or in ulps.
 *
 * @module
 */

/**
 * Machine epsilon 2⁻⁵², one ulp of 1.
 *
 * @example
 * ```ts
 * EPSILON === 2 ** -52; // → true
 * ```
 */
export const EPSILON = 2.220446049250313e-16;

/**
 * The reference rule of the project's fixtures:
 * |got − want| ≤ 1e-300 + rtol·max(1, cond)·|want|. NaN matches only NaN and
 * infinities only themselves.
 *
 * @example
 * ```ts
 * import { withinReferenceRule } from 'varinf/testing';
 * withinReferenceRule(1 + 1e-13, 1, 1e-12); // → true
 * withinReferenceRule(1 + 1e-11, 1, 1e-12); // → false
 * ```
 */
export function withinReferenceRule(got: number, want: number, rtol: number, cond = 1): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (got === want) return true;
  if (!Number.isFinite(got) || !Number.isFinite(want)) return false;
  return Math.abs(got - want) <= 1e-300 + rtol * Math.max(1, cond) * Math.abs(want);
}

/**
 * Symmetric closeness: a = b, or |a − b| ≤ atol + rtol·max(|a|, |b|). The form the
 * properties use when neither side is the exact value (two evaluations of one
 * quantity by different formulas).
 *
 * @example
 * ```ts
 * import { isClose } from 'varinf/testing';
 * isClose(Math.log(0.3), -1.2039728043259361, 1e-15); // → true
 * ```
 */
export function isClose(a: number, b: number, rtol: number, atol = 0): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
}
