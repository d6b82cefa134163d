/**
 * Temme's uniform asymptotic expansion of the regularized incomplete beta function
 * for huge a + b, where the continued fraction of `incomplete-beta.ts` needs O(σ)
 * terms (σ² = ab/(a + b)³·(a + b)²) and its rounding grows with them.
 *
 * @module
 */
import { erfcx } from './error-functions';

/**
 * log I_x(a, b) (`upper` = false) or log(1 − I_x(a, b)) (`upper` = true) for a
 * huge r = a + b, by the leading term of Temme's uniform expansion (N. M. Temme
 * 1996, "Special Functions", §11.3.3; the same construction as DLMF 8.12.8 for
 * the incomplete gamma):
 *
 * I_x(a, b) = ½ erfc(−η√(r/2)) − e^{−rη²/2}/√(2πr) · (c₀(η) + O(1/r)),
 * with x₀ = a/r, rη²/2 = a log(a/(rx)) + b log(b/(ry)) (y = 1 − x; computed as
 * bd0(a, rx) + bd0(b, ry), Loader's deviance, from the exact difference d below),
 * η of the sign of x − x₀, and c₀ = √(x₀y₀)/(x − x₀) − 1/η, whose two terms
 * cancel as η → 0: there (|η| < 1e-5, where the difference would carry ε/|η| of
 * rounding) its Taylor polynomial c₀(0) + c₀′(0)η (derived below, error ≈ 0.1η²). The caller passes d = b − r·y = r(x − x₀) formed exactly (e.g. by a
 * two-product), so η and c₀ keep their digits when x ≈ x₀.
 *
 * Accuracy: the omitted c₁/r term is ≈ 1e-3·r⁻¹ of the e^{−rη²/2}/√(2πr) part,
 * i.e. ≤ 1e-15 relative near the mean for r ≥ 1e8 and ≤ 1e-13 relative a few
 * standard deviations out for r ≥ 1e10 (checked against the continued fraction at
 * r = 1e8 … 1e10 and by the pmf steps of the binomial cdf up to r = 2⁵³; see
 * test/distributions/discrete-properties.test.ts).
 *
 * @param a - first shape (> 0)
 * @param b - second shape (> 0), a + b huge
 * @param x - argument, with y = 1 − x given separately
 * @param y - 1 − x, exact
 * @param d - b − (a + b)·y, exact
 * @param upper - false for log I_x(a, b), true for log(1 − I_x(a, b))
 * @returns the log of the lower or upper tail
 * @example
 * ```ts
 * // Binomial(1e12, ½) cdf at its mean: I_{1/2}(5e11, 5e11 + 1) ≈ ½ + P(X = 5e11)/2
 * Math.exp(logBetaTemme(5e11, 5e11 + 1, 0.5, 0.5, 0.5, false)); // → 0.5000003989422804
 * ```
 */
export function logBetaTemme(a: number, b: number, x: number, y: number, d: number, upper: boolean): number {
  const r = a + b;
  const x0 = a / r;
  const s = Math.sqrt(x0 * (b / r));
  // rη²/2 from the two deviances; a − rx = −d and b − ry = d.
  const e = bd0d(a, r * x, -d) + bd0d(b, r * y, d);
  const eta = Math.sign(d) * Math.sqrt((2 * e) / r);
  const delta = d / r; // x − x₀
  const c0 = Math.abs(eta) < 1e-5 ? c0Series(x0, b / r, s, eta) : (s * eta - delta) / (delta * eta);
  const w = c0 / Math.sqrt(2 * Math.PI * r);
  const t = eta * Math.sqrt(r / 2);
  if (eta <= 0) {
    // I = e^{−E}(½ erfcx(−t) − w) ≤ ~½.
    const logI = -e + Math.log(0.5 * erfcx(-t) - w);
    return upper ? Math.log1p(-Math.exp(logI)) : logI;
  }
  // 1 − I = e^{−E}(½ erfcx(t) + w) < ½.
  const logJ = -e + Math.log(0.5 * erfcx(t) + w);
  return upper ? logJ : Math.log1p(-Math.exp(logJ));
}

/**
 * c₀(η) ≈ c₀(0) + c₀′(0)η near η = 0, from the expansion of η in δ = t − x₀ to
 * third order (φ(t) = x₀ log t + y₀ log(1 − t), −½η² = φ(t) − φ(x₀)):
 * c₀(0) = −(y₀ − x₀)/(3√(x₀y₀)), c₀′(0) = (x₀³ + y₀³)/(4x₀y₀) − (y₀ − x₀)²/(6x₀y₀)
 * (checked against 50-digit values of the closed form at x₀ = 0.3: the remainder
 * is 0.07η²).
 */
function c0Series(x0: number, y0: number, s: number, eta: number): number {
  const xy = x0 * y0;
  const dxy = y0 - x0;
  return -dxy / (3 * s) + ((x0 * x0 * x0 + y0 * y0 * y0) / (4 * xy) - (dxy * dxy) / (6 * xy)) * eta;
}

/**
 * Loader's deviance bd0(a, m) = a log(a/m) + m − a ≥ 0 given the exact difference
 * d = a − m: the series 2a Σ v^{2j+1}/(2j + 1) − d·v with v = d/(a + m) when
 * |d| < ½(a + m) (no cancellation however close m is to a), the closed form otherwise.
 */
function bd0d(a: number, m: number, d: number): number {
  if (Math.abs(d) < 0.5 * (a + m)) {
    let v = d / (a + m);
    let sum = d * v;
    let ej = 2 * a * v;
    v *= v;
    for (let j = 1; j < 200; j++) {
      ej *= v;
      const next = sum + ej / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return a * Math.log(a / m) + m - a;
}
