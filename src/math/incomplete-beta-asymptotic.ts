/**
 * The incomplete beta function for two large shapes near the mean: DiDonato & Morris's
 * asymptotic expansion (TOMS 708 `BASYM`), in log form.
 *
 * Why: the continued fraction of `incomplete-beta.ts` needs O(√min(a, b)) terms near the
 * mean (≈ 1.1·√min: 1e4 terms at a = b = 1e8, 1e8 terms at 1e16, i.e. milliseconds),
 * while this expansion converges in powers of 1/min(a, b) and of λ/min(a, b), so that
 * near the mean it needs one to ten terms whatever the size of the shapes. Far from the
 * mean (|λ| > 0.03·min) the fraction converges in a few terms instead (≤ 30 measured at
 * min ≥ 1e4, ≤ 10 at min ≥ 1e8), which is how TOMS 708's BRATIO divides the work.
 *
 * @module
 */
import { log1pmx } from './elementary';
import { erfcx } from './error-functions';
import { twoProductError, twoSumError } from './exact-arithmetic';
import { stirlerr } from './gamma-functions';

/** ln(2/√π). */
const LN_E0 = 0.12078223763524522;
/** 2^(−3/2). */
const E1 = 0.35355339059327373;
/** The largest number of terms (even), as in TOMS 708. */
const NUM = 20;

// Scratch for the coefficient recursions (one call at a time: JavaScript is single-threaded).
const A0 = new Float64Array(NUM + 1);
const B0 = new Float64Array(NUM + 1);
const C = new Float64Array(NUM + 1);
const D = new Float64Array(NUM + 1);

/**
 * log I_x(a, b) for a, b ≥ 15 and x at or below the mean, given λ = a − (a + b)x ≥ 0
 * (DiDonato & Morris 1992, "Algorithm 708", ACM TOMS 18, §6 and `BASYM`: Temme's uniform
 * expansion written around the mean). With f = a·φ(−λ/a) + b·φ(λ/b), φ(u) = u − log(1 + u)
 * (the deviance; f ≈ λ²(a + b)/(2ab)), z₀ = √f, h the ratio of the smaller to the larger
 * shape and w₀ = 1/√(min(a, b)·(1 + h)):
 *
 * I_x(a, b) = (2/√π)·e^{−f}·e^{−Δ(a, b)}·Σₙ dₙ w₀ⁿ Jₙ(z₀),
 *
 * Δ(a, b) = δ(a) + δ(b) − δ(a + b) with δ Stirling's remainder of log Γ (`stirlerr`),
 * J₀ = (√π/4)·e^{z₀²}erfc(z₀), J₁ = 2^{−3/2}, Jₙ = 2^{−3/2}(√2·z₀)(2f)^{(n−2)/2} + (n − 1)Jₙ₋₂
 * (n even; the odd ones likewise), and dₙ functions of h alone built by BASYM's
 * recursions. Terms are added until a pair is below 1e-17 of the sum (at most 21 terms;
 * TOMS 708 stops at 100ε). Its leading term is ½erfc(z₀) = Φ(−√(2f)), the normal limit.
 *
 * Accuracy: against exact rational values at integer shapes 1000 … 20 000 (31 points with
 * |λ| ≤ 0.03·min(a, b), test/math/incomplete-beta-exact.data.ts): both tails' logs within
 * 1.0e-15 relative (the continued fraction at the same points: 4.0e-15); against the series and
 * fractions at shapes 1e3 … 3e4 within 5e-14; cdf + survival = 1 to 4e-16 at shapes up to
 * 1e199. In log form nothing underflows: log I is returned for any λ in the range.
 *
 * @param a - first shape, a ≥ 15
 * @param b - second shape, b ≥ 15
 * @param lambda - a − (a + b)x ≥ 0, to full relative accuracy (callers form it with {@link betaLambda})
 * @returns log I_x(a, b)
 * @example
 * ```ts
 * logBetaIAsymptotic(1e8, 1e8, 0); // → -0.6931471805599454 (I_½(1e8, 1e8) = ½, to an ulp)
 * ```
 */
export function logBetaIAsymptotic(a: number, b: number, lambda: number): number {
  // f = a·φ(−λ/a) + b·φ(λ/b) with φ(u) = u − log1p(u) = −log1pmx(u): no cancellation.
  const f = -a * log1pmx(-lambda / a) - b * log1pmx(lambda / b);
  const z0 = Math.sqrt(f);
  const z = (0.5 * z0) / E1;
  let h: number;
  let r1: number;
  let w0: number;
  if (a < b) {
    h = a / b;
    r1 = (b - a) / b;
    w0 = 1 / Math.sqrt(a * (h + 1));
  } else {
    h = b / a;
    r1 = (b - a) / a;
    w0 = 1 / Math.sqrt(b * (h + 1));
  }
  const r0 = 1 / (h + 1);
  A0[0] = (2 / 3) * r1;
  C[0] = -0.5 * A0[0];
  D[0] = -C[0];
  // J₀ = (0.5/e₀)·erfcx(z₀) with e₀ = 2/√π, J₁ = e₁. The terms are dₙ·w₀ⁿ·Jₙ with Jₙ of
  // the order of z₀ⁿ⁻¹: they are carried scaled, S₀ = w₀ⁿJₙ and S₁ = w₀ⁿ⁺¹Jₙ₊₁, so that
  // neither z₀ⁿ (z₀ = 6e48 at shapes 1e100 … 1e250) overflows nor w₀ⁿ underflows; each
  // step multiplies by w₀²·2f ≈ (λ/min(a, b))² ≤ 1e-3.
  const j0 = 0.25 * Math.sqrt(Math.PI) * erfcx(z0);
  let sum = j0 + D[0] * w0 * E1;
  const w02 = w0 * w0;
  const grow = w02 * (f + f);
  let s0 = j0;
  let s1 = w0 * E1;
  let za = w02 * z;
  let zb = w02 * w0 * (f + f);
  let s = 1;
  const h2 = h * h;
  let hn = 1;
  for (let n = 2; n <= NUM; n += 2) {
    hn *= h2;
    A0[n - 1] = (2 * r0 * (h * hn + 1)) / (n + 2);
    s += hn;
    A0[n] = (2 * r1 * s) / (n + 3);
    for (let i = n; i <= n + 1; i++) {
      const r = -0.5 * (i + 1);
      B0[0] = r * A0[0];
      for (let m = 2; m <= i; m++) {
        let bsum = 0;
        for (let j = 1; j < m; j++) bsum += (j * r - (m - j)) * A0[j - 1] * B0[m - j - 1];
        B0[m - 1] = r * A0[m - 1] + bsum / m;
      }
      C[i - 1] = B0[i - 1] / (i + 1);
      let dsum = 0;
      for (let j = 1; j < i; j++) dsum += D[i - j - 1] * C[j - 1];
      D[i - 1] = -(dsum + C[i - 1]);
    }
    // Jₙ = e₁z(2f)^{(n−2)/2} + (n − 1)Jₙ₋₂ and Jₙ₊₁ = e₁(2f)^{n/2} + nJₙ₋₁, scaled.
    s0 = E1 * za + (n - 1) * w02 * s0;
    s1 = E1 * zb + n * w02 * s1;
    za *= grow;
    zb *= grow;
    const t0 = D[n - 1] * s0;
    const t1 = D[n] * s1;
    sum += t0 + t1;
    if (Math.abs(t0) + Math.abs(t1) <= 1e-17 * sum) break;
  }
  const bcorr = stirlerr(a) + stirlerr(b) - stirlerr(a + b);
  return LN_E0 - f - bcorr + Math.log(sum);
}

/** 2⁻⁶⁴: scales shapes near the double maximum so that Veltkamp's split cannot overflow. */
const DOWN = 2 ** -64;

/**
 * λ = a − (a + b)x = (a + b)y − b, how far x lies below the mean a/(a + b) in units of
 * 1/(a + b), from the smaller of x and y = 1 − x with error-free sums and products, so
 * that it keeps its relative accuracy where the two terms cancel (a plain a − (a + b)x
 * carries an absolute error ε·a, which is 1e-8 of a standard deviation at a = b = 1e16).
 * Shapes whose sum exceeds 2⁹⁹⁰ are scaled by 2⁻⁶⁴ first (exact).
 *
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @param x - point in (0, 1)
 * @param y - 1 − x, to full relative accuracy
 * @returns a − (a + b)x
 * @example
 * ```ts
 * betaLambda(3, 1, 0.5, 0.5); // → 1 (= 3 − 4·0.5)
 * ```
 */
export function betaLambda(a: number, b: number, x: number, y: number): number {
  if (a + b > 2 ** 990) return betaLambda(a * DOWN, b * DOWN, x, y) / DOWN;
  const s = a + b;
  const es = twoSumError(a, b, s);
  // λ = a − (s + es)x, with s·x = p + ep exactly; a − p is exact near the mean (Sterbenz).
  if (x <= y) {
    const p = s * x;
    return a - p - twoProductError(s, x, p) - es * x;
  }
  const p = s * y;
  return p - b + twoProductError(s, y, p) + es * y;
}
