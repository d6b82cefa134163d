/**
 * Finiteness checks used to reject steps before a NaN or ±∞ reaches the parameters.
 *
 * @module
 * @internal
 */

/** True when every entry of `a` is finite (no NaN, no ±∞). */
export function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
