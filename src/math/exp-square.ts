/**
 * e^{−x²} and e^{x²} without the error of rounding x² to a double.
 *
 * For |x| ≈ 27 the rounding of x² alone is worth ~2x²·2⁻⁵³ ≈ 1.6e-13 relative
 * after exponentiation; splitting x² = hi + lo exactly (Dekker/Veltkamp) and
 * applying e^{∓lo} ≈ 1 ∓ lo as a factor removes it.
 *
 * @module
 */

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp split of a double into two 26-bit halves

/** The exact low part lo = x² − fl(x²) for |x| < 1e150 (Dekker's product). */
function squareLow(x: number, hi: number): number {
  const c = SPLITTER * x;
  const xh = c - (c - x);
  const xl = x - xh;
  return xh * xh - hi + 2 * xh * xl + xl * xl;
}

/**
 * scale·e^{−x²}, with x² split exactly so the result keeps full relative
 * accuracy; near underflow the exponential is applied in two halves so that
 * a subnormal result is rounded only once. Error ≤ 2 ulp of the exact
 * product (the error of `Math.exp` plus two roundings), for |scale| ≤ 1.
 *
 * @internal
 * @param x - argument, |x| < 1e150
 * @param scale - factor multiplied in before the final rounding (a normal number)
 * @returns scale·e^{−x²}
 * @example
 * ```ts
 * scaledExpNegSquare(27, 0.02); // ≈ 5.016e-319 (= 0.02·e^{−729}, a subnormal, rounded once)
 * ```
 */
export function scaledExpNegSquare(x: number, scale: number): number {
  const hi = x * x;
  const corr = scale * (1 - squareLow(x, hi));
  if (hi < 700) return Math.exp(-hi) * corr;
  // e^{−hi} is subnormal or zero: e^{−hi/2}·(corr·e^{−hi/2}) rounds once at the end.
  const e = Math.exp(-0.5 * hi);
  return (corr * e) * e;
}

/**
 * scale·e^{x²} with x² split exactly; overflows to +∞ only when the exact
 * value does (the exponential is applied in two halves above e^{700}).
 * Error ≤ 2 ulp of the exact product.
 *
 * @internal
 * @param x - argument
 * @param scale - positive factor of order one
 * @returns scale·e^{x²}
 * @example
 * ```ts
 * scaledExpSquare(-3, 2); // ≈ 16206.17 (= 2·e⁹)
 * ```
 */
export function scaledExpSquare(x: number, scale: number): number {
  const hi = x * x;
  if (!(hi < 1e300)) return x !== x ? NaN : Infinity;
  const corr = scale * (1 + squareLow(x, hi));
  if (hi < 700) return Math.exp(hi) * corr;
  const e = Math.exp(0.5 * hi);
  return (corr * e) * e;
}
