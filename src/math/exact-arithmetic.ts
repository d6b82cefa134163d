/**
 * Error-free transformations: the exact rounding errors of a sum and a product, so that
 * a difference such as a − (a + b)·x, which cancels to a few units where x is near
 * a/(a + b), can be formed to full relative accuracy.
 *
 * @module
 */

/** 2²⁷ + 1, Veltkamp's constant splitting a double into two 26-bit halves. */
const SPLITTER = 134217729;

/**
 * The exact rounding error of a product: a·b − t for t = fl(a·b) (Dekker 1971, with
 * Veltkamp's splitting), exact when |a|, |b| < 2⁹⁹⁵ and a·b does not underflow.
 *
 * @param a - first factor
 * @param b - second factor
 * @param t - fl(a·b), the rounded product
 * @returns a·b − t, exactly
 * @example
 * ```ts
 * const t = 0.1 * 3;                   // → 0.30000000000000004
 * twoProductError(0.1, 3, t);          // → -2.7755575615628914e-17 (0.1·3 − t in exact arithmetic)
 * ```
 */
export function twoProductError(a: number, b: number, t: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - t + ah * bl + al * bh + al * bl;
}

/**
 * The exact rounding error of a sum: a + b − s for s = fl(a + b) (Knuth's TwoSum, no
 * condition on the order of magnitudes), exact unless the sum overflows.
 *
 * @param a - first term
 * @param b - second term
 * @param s - fl(a + b), the rounded sum
 * @returns a + b − s, exactly
 * @example
 * ```ts
 * twoSumError(1e16, 1, 1e16 + 1); // → 1 (1e16 + 1 rounds to 1e16)
 * ```
 */
export function twoSumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}
