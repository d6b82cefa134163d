/**
 * The log-gamma function and its relatives: `lgamma`, `lgamma1p`, `digamma`,
 * `trigamma`, and the Stirling-series remainder `stirlerr`.
 *
 * @module
 */

import gammaln from '@stdlib/math-base-special-gammaln';
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import stdlibTrigamma from '@stdlib/math-base-special-trigamma';
import { LN_SQRT_2PI } from './constants';

/**
 * log|Γ(x)|.
 *
 * Wraps `@stdlib/math-base-special-gammaln` (a port of FreeBSD/fdlibm
 * `lgamma_r`: rational approximations around 1 and 2, Stirling series for
 * large x, reflection for x < 0). Measured against the reference (mpmath,
 * 50 digits, 20 cases incl. x = 1 − 1e-10, 2 − 1e-12, 1e-300, 1e300,
 * negative non-integers): worst relative error 1.2e-15 (at x = −2.5; ≤ 1 ulp
 * elsewhere, after dividing by the condition number near 1 and 2). Poles
 * (x = 0, −1, …) give +∞.
 *
 * @param x - argument
 * @returns log|Γ(x)|
 * @example
 * ```ts
 * lgamma(10.5); // ≈ 13.940625219403763
 * lgamma(0.5);  // 0.5723649429247001 (= log √π)
 * ```
 */
export function lgamma(x: number): number {
  return gammaln(x);
}

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
 * lgamma1p(1e-20); // -5.772156649015328e-21
 * ```
 */
export function lgamma1p(x: number): number {
  if (!(Math.abs(x) <= 0.5)) return x !== x ? NaN : gammaln(1 + x);
  let s = 0;
  for (let k = LG1P_C.length - 1; k >= 0; k--) s = s * x + (LG1P_C[k] as number);
  return -Math.log1p(x) + x * (ONE_MINUS_EULER + x * s);
}

/**
 * Digamma ψ(x) = d/dx log Γ(x).
 *
 * Wraps `@stdlib/math-base-special-digamma` (Boost's algorithm: rational
 * approximation on [1, 2] around the positive root x₀ = 1.4616…, asymptotic
 * series for large x, reflection for x < 0). Measured against the reference
 * (14 cases incl. the root, ±1e-8, 1e300, negative x): worst 3.2e-16 relative
 * (after dividing by cond at the root).
 *
 * @param x - argument
 * @returns ψ(x); NaN at the poles x = 0, −1, −2, …
 * @example
 * ```ts
 * digamma(1); // -0.5772156649015329 (= −γ)
 * ```
 */
export function digamma(x: number): number {
  return stdlibDigamma(x);
}

/**
 * Trigamma ψ′(x) = d²/dx² log Γ(x).
 *
 * Wraps `@stdlib/math-base-special-trigamma` (Boost's algorithm: rational
 * approximations on [1, 2], [2, 4], asymptotic expansion above, reflection
 * below 0). Accuracy about 1e-15 relative (stdlib's tests against Boost).
 *
 * @param x - argument
 * @returns ψ′(x)
 * @example
 * ```ts
 * trigamma(1); // 1.6449340668482264 (= π²/6)
 * ```
 */
export function trigamma(x: number): number {
  return stdlibTrigamma(x);
}

// Stirling series coefficients B_{2k} / (2k(2k − 1)).
const S1 = 1 / 12;
const S2 = 1 / 360;
const S3 = 1 / 1260;
const S4 = 1 / 1680;
const S5 = 1 / 1188;
const S6 = 691 / 360360;
const S7 = 1 / 156;
const S8 = 3617 / 122400;

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
 * stirlerr(100); // 8.333305556349147e-4
 * ```
 */
export function stirlerr(a: number): number {
  if (a >= 10) {
    const r = 1 / a;
    const r2 = r * r;
    return (
      r *
      (S1 -
        r2 * (S2 - r2 * (S3 - r2 * (S4 - r2 * (S5 - r2 * (S6 - r2 * (S7 - r2 * S8)))))))
    );
  }
  return lgamma1p(a) - (a + 0.5) * Math.log(a) + a - LN_SQRT_2PI;
}
