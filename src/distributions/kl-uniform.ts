/**
 * KL divergence between two uniform distributions.
 *
 * @module
 */

/**
 * KL(Uniform(lp, hp) ‖ Uniform(lq, hq)) = log((hq − lq)/(hp − lp)) when
 * [lp, hp] ⊆ [lq, hq], and +∞ otherwise (p puts mass where q has none).
 *
 * The ratio is 1 + e/(hp − lp) with the excess e = (hq − hp) + (lp − lq), a sum
 * of two non-negative differences that are exact when the ends nearly coincide,
 * so log1p keeps full relative precision when p ≈ q. When q's width overflows
 * all ends are halved (exact), and where the ratio would overflow the logs are
 * subtracted instead. Accuracy: a few ulps.
 *
 * @param lowP - lower end of p
 * @param highP - upper end of p, > lowP
 * @param lowQ - lower end of q
 * @param highQ - upper end of q, > lowQ
 * @returns KL(p ‖ q) in nats, +∞ unless p's interval lies inside q's
 * @example
 * ```ts
 * klUniform(0, 1, -1, 2);  // → 1.0986122886681096 (log 3 = 1.09861228866810969…)
 * klUniform(0, 1, 0.5, 2); // → Infinity
 * ```
 */
export function klUniform(lowP: number, highP: number, lowQ: number, highQ: number): number {
  if (!(lowQ <= lowP && highP <= highQ)) return Infinity;
  const s = highQ - lowQ < Infinity ? 1 : 0.5;
  const widthP = s * highP - s * lowP;
  const excess = (s * highQ - s * highP) + (s * lowP - s * lowQ);
  const r = excess / widthP;
  return r < 1e300 ? Math.log1p(r) : Math.log(excess) - Math.log(widthP);
}
