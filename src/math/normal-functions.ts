/**
 * Standard normal distribution functions: Φ, log Φ and Φ⁻¹ (also from log p
 * and from the upper tail), accurate in both tails down to the subnormal
 * range.
 *
 * @module
 */

import { erfc, erfcx } from './erf-cody';
import { LN_2, SQRT_2, SQRT1_2, SQRT_HALF_PI, LOG_DBL_MIN } from './constants';

const SPLITTER = 134217729; // 2^27 + 1, Dekker/Veltkamp split
const LN_4PI = 2.5310242469692907;

/**
 * e^{−t²/2} for t ≥ 0, with t² split exactly (t² = hi + lo) so the result
 * keeps full relative accuracy up to the underflow threshold. `scale` is
 * multiplied in before the final factor so that a subnormal result is
 * rounded only once.
 */
function expHalfSquareNeg(t: number, scale: number): number {
  const c = SPLITTER * t;
  const th = c - (c - t);
  const tl = t - th;
  const hi = t * t;
  const lo = th * th - hi + 2 * th * tl + tl * tl;
  const corr = scale * (1 - 0.5 * lo);
  if (hi < 1400) return Math.exp(-0.5 * hi) * corr;
  // e^{−hi/2} would be subnormal: e^{−hi/4}·(corr·e^{−hi/4}) rounds once at the end.
  const e = Math.exp(-0.25 * hi);
  return (corr * e) * e;
}

/**
 * Φ(x)/φ(x) for x ≤ 0 (the reciprocal of the Mills ratio of −x), = √(π/2)·erfcx(−x/√2).
 * Never over- or underflows for x ≤ 0.
 */
function millsLower(x: number): number {
  return SQRT_HALF_PI * erfcx(-x * SQRT1_2);
}

/**
 * Standard normal cdf Φ(x) = ½·erfc(−x/√2), accurate to full relative
 * precision in both tails, including the subnormal range (Φ(−38) ≈ 2.885e-316).
 *
 * For x < −1: Φ(x) = ½·erfcx(−x/√2)·e^{−x²/2}, with x² split exactly
 * (Dekker) so e^{−x²/2} carries no argument-rounding error, and the
 * exponential applied in two halves near underflow so a subnormal result is
 * rounded once (cf. Cody 1969 / the split in fdlibm's erfc). Otherwise
 * ½·erfc(−x/√2) (stdlib). Measured against the reference (special and
 * Normal distribution cases): worst relative error ≤ 3 ulp, no cond needed.
 *
 * @param x - argument
 * @returns Φ(x) ∈ [0, 1]
 * @example
 * ```ts
 * normalCdf(-10); // ≈ 7.619853024160525e-24 (cond ≈ 100)
 * normalCdf(1.5); // → 0.9331927987311419
 * ```
 */
export function normalCdf(x: number): number {
  if (x < -1) {
    if (x < -40) return 0; // Φ(−38.5) < 2^-1075
    const t = -x;
    return expHalfSquareNeg(t, 0.5 * erfcx(t * SQRT1_2));
  }
  return 0.5 * erfc(-x * SQRT1_2);
}

/**
 * log Φ(x), accurate to full relative precision for all x (e.g.
 * log Φ(−1e5) = −5000000012.43…, log Φ(20) = −2.75e-89).
 *
 * x < −1: log(½·erfcx(−x/√2)) − x²/2 (x² split exactly); −1 ≤ x ≤ 0:
 * log Φ(x); x > 0: log1p(−Φ(−x)). Measured against the reference: worst
 * relative error ≤ 2 ulp.
 *
 * @param x - argument
 * @returns log Φ(x) ∈ [−∞, 0]
 * @example
 * ```ts
 * normalLogCdf(-40); // → -804.6084420137538
 * normalLogCdf(8);   // ≈ -6.220960574271786e-16
 * ```
 */
export function normalLogCdf(x: number): number {
  if (x < -1) {
    if (x === -Infinity) return -Infinity;
    const t = -x;
    const c = SPLITTER * t;
    let hi: number;
    let lo: number;
    if (t < 1e150) {
      const th = c - (c - t);
      const tl = t - th;
      hi = t * t;
      lo = th * th - hi + 2 * th * tl + tl * tl;
    } else {
      hi = t * t;
      lo = 0;
    }
    return Math.log(0.5 * erfcx(t * SQRT1_2)) - 0.5 * lo - 0.5 * hi;
  }
  if (x <= 0) return Math.log(0.5 * erfc(-x * SQRT1_2));
  const c = normalCdf(-x);
  return c === 0 ? 0 : Math.log1p(-c);
}

/**
 * Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988):
 * rational approximations in q = p − ½ (central) and r = √(−log min(p, 1 − p))
 * (tails), relative error ≈ 1e-16 for p from the smallest subnormal to ½, with no
 * iteration (it replaced erfcinv plus a Newton step, commit ab16ceb, for speed).
 */
function wichuraQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  if (!(r > 0)) return r === 0 ? (q < 0 ? -Infinity : Infinity) : NaN;
  r = Math.sqrt(-Math.log(r));
  let v: number;
  if (r <= 5) {
    r -= 1.6;
    v =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    v =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -v : v;
}

/** Lower-half quantile: x ≤ 0 with Φ(x) = p, p ∈ (0, 0.5]. */
function lowerQuantile(p: number): number {
  return wichuraQuantile(p);
}

/**
 * Standard normal quantile Φ⁻¹(p), full accuracy for p ∈ [0, 1] including
 * p = 1e-300 and p = 1 − 2⁻⁵³.
 *
 * Wichura's AS 241 (PPND16) rational approximations: in q = p − ½ (exact) for
 * |q| ≤ 0.425, else in √(−log r) with r = min(p, 1 − p) (1 − p is exact there).
 * Measured against the reference: worst relative error ≈ 3e-16 (including
 * p = 1e-300 and 1 − 2⁻⁵³); its cost: docs/benchmarks.md (the LogNormal quantile row:
 * one call and an exp). p = 0 → −∞, p = 1 → +∞, outside [0, 1] → NaN.
 *
 * @param p - probability in [0, 1]
 * @returns x with Φ(x) = p
 * @example
 * ```ts
 * normalQuantile(0.975); // ≈ 1.959963984540054
 * normalQuantile(1e-300); // → -37.0470962993612
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  // AS 241 covers both halves itself: q = p − ½ is exact for p ≥ ¼, where
  // (1 − p) − ½ (the old reflection) could round, and the tails use min(p, 1 − p).
  return wichuraQuantile(p);
}

/**
 * Φ⁻¹(e^{logp}): the normal quantile from a log-probability, usable far
 * below the double range of p (logp ≪ −745, e.g. logp = −1e6).
 *
 * logp > −ln 2: −Φ⁻¹(−expm1(logp)) (upper half, no cancellation);
 * logp ≥ ln(DBL_MIN): Φ⁻¹(e^{logp}) plus one Newton step on log Φ;
 * below: the asymptotic start x₀ = −√(2u − log(4πu)), u = −logp, then Newton
 * on log Φ(x) − logp (globally convergent since log Φ is concave); for
 * u > 1e10 the asymptotic x₀ itself is exact to double precision.
 * Relative error ≲ 2 ulp (tested against mpmath and round trips).
 *
 * @param logp - log-probability, ≤ 0
 * @returns x with log Φ(x) = logp
 * @example
 * ```ts
 * normalQuantileFromLog(Math.log(0.025)); // ≈ -1.959963984540054
 * normalQuantileFromLog(-5000000012.431864); // ≈ -100000
 * ```
 */
export function normalQuantileFromLog(logp: number): number {
  if (!(logp <= 0)) return NaN;
  if (logp === 0) return Infinity;
  if (logp === -Infinity) return -Infinity;
  if (logp > -LN_2) return -lowerQuantile(-Math.expm1(logp));
  if (logp >= LOG_DBL_MIN) {
    let x = lowerQuantile(Math.exp(logp));
    x -= (normalLogCdf(x) - logp) * millsLower(x);
    return x;
  }
  const u = -logp;
  let x = -SQRT_2 * Math.sqrt(u - 0.5 * (LN_4PI + Math.log(u)));
  if (u > 1e10) return x;
  for (let i = 0; i < 20; i++) {
    const dx = (normalLogCdf(x) - logp) * millsLower(x);
    x -= dx;
    if (Math.abs(dx) <= 1e-16 * Math.abs(x)) break;
  }
  return x;
}
