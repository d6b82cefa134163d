/**
 * The gamma sampler of `Rng` for shapes a ≥ 1: Marsaglia & Tsang (2000), "A simple
 * method for generating gamma variables", ACM TOMS 26(3). `Rng.gamma` and
 * `Rng.logGamma` validate the shape and apply the boost for a < 1.
 *
 * @module
 * @internal
 */

/** What the sampler draws from: a `Rng` (a structural type, so that this module does not import rng.ts). */
export interface GammaSource {
  /** A standard normal. */
  normal(): number;
  /** A uniform in (0, 1). */
  uniform(): number;
}

/**
 * A Gamma(a, 1) draw for a ≥ 1 (no validation): with d = a − 1/3, c = 1/√(9d), draw
 * x ~ N(0, 1) until v = 1 + cx > 0, then accept d·v³ with the squeeze
 * u < 1 − 0.0331x⁴ or the exact test log u < x²/2 + d(1 − v³ + log v³).
 */
export function marsagliaTsang(rng: GammaSource, a: number): number {
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
