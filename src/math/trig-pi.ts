/**
 * sin(πx) and π·cot(πx) with exact argument reduction, for the reflection
 * formulas of log Γ, ψ and ψ′ (forming πx first would lose the fractional
 * part of a large x and all relative accuracy next to the integers).
 *
 * @module
 */

/**
 * |sin(πx)|, accurate to ~2 ulp for every finite x: the reduction
 * r = |x − round(x)| ∈ [0, ½] is exact, then `Math.sin(πr)`. 0 at the
 * integers (every double with |x| ≥ 2⁵² is one).
 *
 * @internal
 * @param x - argument
 * @returns |sin(πx)|
 * @example
 * ```ts
 * absSinPi(-2.5); // → 1
 * absSinPi(1e20); // → 0
 * ```
 */
export function absSinPi(x: number): number {
  const r = Math.abs(x - Math.round(x));
  return Math.sin(Math.PI * r);
}

/**
 * π·cot(πx), accurate to ~2 ulp for non-integer x: exact reduction to
 * r = x − round(x) ∈ [−½, ½]; π/tan(πr) for |r| ≤ ¼, else π·tan(π(½ − |r|))
 * (so the zeros at the half-integers are exact). ±∞ at the integers.
 *
 * @internal
 * @param x - argument
 * @returns π·cot(πx)
 * @example
 * ```ts
 * piCotPi(0.25); // ≈ 3.14159265358979 (π)
 * piCotPi(-0.5); // → 0
 * ```
 */
export function piCotPi(x: number): number {
  const r = x - Math.round(x);
  const a = Math.abs(r);
  if (a <= 0.25) return Math.PI / Math.tan(Math.PI * r);
  const c = Math.PI * Math.tan(Math.PI * (0.5 - a));
  return r < 0 ? -c : c;
}
