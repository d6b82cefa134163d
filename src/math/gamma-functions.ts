/**
 * The log-gamma function and its relatives: `lgamma`, `lgamma1p`, `digamma`,
 * `trigamma`, and the Stirling-series remainder `stirlerr`. All are own code
 * (no runtime dependency): `lgamma` in `lgamma.ts` (Cody & Hillstrom 1967),
 * `digamma` in `digamma.ts` (Cody, Strecok & Thacher 1973), `trigamma` in
 * `trigamma.ts` (asymptotic series and recurrence).
 *
 * @module
 */

import { LN_SQRT_2PI } from './constants';
import { lgamma, stirlingTail } from './lgamma';

export { lgamma } from './lgamma';
export { digamma } from './digamma';
export { trigamma } from './trigamma';

// Coefficients (−1)^k (ζ(k) − 1)/k, k = 2..31 (mpmath, 40 digits).
const LG1P_C = [
  0.3224670334241132, -0.0673523010531981, 0.020580808427784546, -0.007385551028673986,
  0.0028905103307415234, -0.001192753911703261, 0.0005096695247430425, -0.00022315475845357939,
  9.945751278180853e-5, -4.492623673813314e-5, 2.050721277567069e-5, -9.439488275268397e-6,
  4.374866789907488e-6, -2.039215753801366e-6, 9.55141213040742e-7, -4.492469198764566e-7,
  2.1207184805554665e-7, -1.0043224823968099e-7, 4.7698101693639804e-8, -2.2711094608943164e-8,
  1.0838659214896955e-8, -5.183475041970047e-9, 2.4836745438024785e-9, -1.1921401405860912e-9,
  5.731367241678862e-10, -2.7595228851242334e-10, 1.330476437424449e-10, -6.4229645638381e-11,
  3.1044247747322276e-11, -1.5021384080754142e-11,
];
const ONE_MINUS_EULER = 0.42278433509846713;

/**
 * log Γ(1 + x), accurate also for tiny |x| (where forming 1 + x would lose
 * the information in x).
 *
 * For |x| ≤ 0.5 uses the Taylor series
 * log Γ(1+x) = −log1p(x) + (1 − γ)x + Σ_{k≥2} (−1)^k (ζ(k) − 1) x^k / k
 * (Abramowitz & Stegun 6.1.33; 30 terms, Horner), otherwise `lgamma(1 + x)`.
 * Relative error ≲ 4ε on [−0.5, 0.5] (checked against mpmath in the tests).
 *
 * @param x - argument, x > −1
 * @returns log Γ(1 + x)
 * @example
 * ```ts
 * lgamma1p(1e-20); // → -5.772156649015328e-21
 * ```
 */
export function lgamma1p(x: number): number {
  if (!(Math.abs(x) <= 0.5)) return x !== x ? NaN : lgamma(1 + x);
  let s = 0;
  for (let k = LG1P_C.length - 1; k >= 0; k--) s = s * x + (LG1P_C[k] as number);
  return -Math.log1p(x) + x * (ONE_MINUS_EULER + x * s);
}

/**
 * Remainder of Stirling's formula:
 * stirlerr(a) = log Γ(a + 1) − (a + ½) log a + a − ½ log(2π) (≈ 1/(12a)).
 *
 * For a ≥ 10 the asymptotic series Σ B_{2k}/(2k(2k−1)a^{2k−1}) (8 terms,
 * truncation < 1e-20 relative); below, the definition with `lgamma1p`
 * (absolute error ≲ 1e-14). Used by the incomplete gamma function to form
 * x^a e^{−x}/Γ(a) without cancellation (Loader 2000, "Fast and accurate
 * computation of binomial probabilities").
 *
 * @param a - argument, a > 0
 * @returns log Γ(a + 1) − (a + ½) log a + a − log √(2π)
 * @example
 * ```ts
 * stirlerr(100); // → 8.333305556349147e-4
 * ```
 */
export function stirlerr(a: number): number {
  if (a >= 10) return stirlingTail(a);
  return lgamma1p(a) - (a + 0.5) * Math.log(a) + a - LN_SQRT_2PI;
}
