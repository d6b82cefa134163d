/**
 * Temme's uniform asymptotic expansion of the regularized incomplete gamma
 * functions for a huge shape a, where the series and continued fraction of
 * `incomplete-gamma.ts` need O(√a) terms (≈ 1e6 at a = 1e12, their iteration cap).
 *
 * @module
 */
import { erfcx } from './error-functions';
import { bd0 } from './saddle-point';

/**
 * log P(a, x) (`upper` = false) or log Q(a, x) (`upper` = true) for a ≥ 1e10 and
 * x > 0, by Temme's uniform expansion (N. M. Temme 1979, "The asymptotic expansion
 * of the incomplete gamma functions", SIAM J. Math. Anal. 10; DLMF 8.12.8–8.12.9):
 *
 * Q(a, x) = ½ erfc(η√(a/2)) + e^{−aη²/2}/√(2πa) · (c₀(η) + c₁(η)/a + …),
 * with λ = x/a, aη²/2 = a(λ − 1 − log λ) = bd0(a, x) (Loader's deviance, no
 * cancellation) and η of the sign of λ − 1. Both terms carry the factor e^{−aη²/2}
 * (½ erfc(t) = ½ erfcx(t) e^{−t²}), so the logs stay exact far in the tails.
 * c₀ = 1/(λ − 1) − 1/η and c₁ = 1/η³ − 1/(λ − 1)³ − 1/(λ − 1)² − 1/(12(λ − 1)),
 * by their Taylor series in η for |η| < 0.05 (coefficients from a 80-digit mpmath
 * fit; c₀'s are Temme's −1/3, 1/12, −2/135, …). The next term, c₂/a², is below
 * 1e-20 relative for a ≥ 1e10 (measured with c₀, c₁ against mpmath at a = 1000:
 * 1e-11 … 1e-9, which scales as a⁻²); erfcx adds ≲ 1e-15.
 *
 * @param a - shape, a ≥ 1e10 (not checked)
 * @param x - argument, x > 0
 * @param upper - false for log P, true for log Q
 * @returns log P(a, x) or log Q(a, x)
 * @example
 * ```ts
 * Math.exp(logGammaTemme(1e12, 1e12, true)); // → 0.4999998670192399 (Q(a, a) ≈ ½ − 1/(3√(2πa)))
 * ```
 */
export function logGammaTemme(a: number, x: number, upper: boolean): number {
  const mu = (x - a) / a; // x − a is exact when x ≈ a (Sterbenz)
  // aη²/2 = bd0(a, x); bd0 is homogeneous of degree 1, so scale by ¼ (exact) where a + x would overflow.
  const e = a + x < Infinity ? bd0(a, x) : 4 * bd0(a / 4, x / 4);
  const eta = Math.sign(mu) * Math.sqrt((2 * e) / a);
  const t = eta * Math.sqrt(a / 2);
  const r = (temmeC0(eta, mu) + temmeC1(eta, mu) / a) / Math.sqrt(2 * Math.PI * a);
  if (eta >= 0) {
    // Q = e^{−E}(½ erfcx(t) + r) ≤ ~½; P = 1 − Q.
    const logQ = -e + Math.log(0.5 * erfcx(t) + r);
    return upper ? logQ : Math.log1p(-Math.exp(logQ));
  }
  // P = e^{−E}(½ erfcx(−t) − r) < ½; Q = 1 − P.
  const logP = -e + Math.log(0.5 * erfcx(-t) - r);
  return upper ? Math.log1p(-Math.exp(logP)) : logP;
}

/** c₀(η) = 1/μ − 1/η (μ = λ − 1), by its Taylor series near η = 0 where the difference cancels. */
function temmeC0(eta: number, mu: number): number {
  if (Math.abs(eta) >= 0.05) return 1 / mu - 1 / eta;
  let s = 0;
  for (let i = C0.length - 1; i >= 0; i--) s = s * eta + C0[i];
  return s;
}

/** c₁(η) = 1/η³ − 1/μ³ − 1/μ² − 1/(12μ), by its Taylor series near η = 0. */
function temmeC1(eta: number, mu: number): number {
  if (Math.abs(eta) >= 0.05) return 1 / (eta * eta * eta) - 1 / (mu * mu * mu) - 1 / (mu * mu) - 1 / (12 * mu);
  let s = 0;
  for (let i = C1.length - 1; i >= 0; i--) s = s * eta + C1[i];
  return s;
}

/** Taylor coefficients of c₀(η): −1/3, 1/12, −2/135, 1/864, 1/2835, −139/777600, 1/25515, −571/261273600. */
const C0: readonly number[] = [
  -1 / 3, 1 / 12, -2 / 135, 1 / 864, 1 / 2835, -139 / 777600, 1 / 25515, -571 / 261273600,
];
/** Taylor coefficients of c₁(η): −1/540, −1/288, 1/378, −77/77760, 1/4860, then the mpmath fit. */
const C1: readonly number[] = [
  -1 / 540, -1 / 288, 1 / 378, -77 / 77760, 1 / 4860, -4.0187757333707202e-7, -1.8098550297329718e-5, 7.6491667821272655e-6,
];
