/**
 * The 256-layer ziggurat tables of the normal and exponential samplers of `Rng`,
 * computed once at module load (Marsaglia & Tsang 2000 in Doornik's 2005 layout),
 * and the samplers' rare paths (tail and wedges). The fast paths stay in
 * `Rng.normal`/`Rng.exponential` and in fill.ts, where they run on the generator's
 * state directly.
 *
 * @module
 * @internal
 */

/** 2^-53 and 2^21: the 53-bit position in a layer from two 32-bit outputs. */
const TWO_M53 = 1.1102230246251565e-16;
const TWO_21 = 2097152;

/** What the rare paths draw from: a `Rng` (a structural type, so that this module does not import rng.ts). */
export interface ZigguratSource {
  /** A uniform in (0, 1). */
  uniform(): number;
  /** The next 32-bit output. */
  nextUint32(): number;
}

/**
 * Builds the 256-layer ziggurat for a decreasing density f on [0, ∞) (unnormalised,
 * f(0) = 1), following Marsaglia & Tsang (2000), "The ziggurat method for generating
 * random variables", J. Stat. Softw. 5(8), in the layout of Doornik (2005),
 * "An improved ziggurat method to generate normal random samples":
 *
 * - `x[0] = v / f(r)` (width of the base strip, which holds the tail), `x[1] = r`,
 *   `x[i+1] = finv(v / x[i] + f(x[i]))`, `x[256] = 0`;
 * - `ratio[i] = x[i+1] / x[i]` (fraction of layer i that lies wholly under f);
 * - `fx[i] = f(x[i])` (the lower edge of layer i; `fx[256] = 1`).
 *
 * `r` and `v` (the common layer area) are the roots of the closure condition, solved
 * to 50 digits with mpmath and rounded to double; the recursion reproduces
 * `x[255]` such that the top layer's area matches `v` to 5e-14 relative (the
 * accumulated rounding of 255 steps), i.e. a probability error below 2e-16 per draw.
 */
function buildZiggurat(
  r: number,
  v: number,
  f: (x: number) => number,
  finv: (y: number) => number,
): { x: Float64Array; ratio: Float64Array; fx: Float64Array } {
  const x = new Float64Array(257);
  const ratio = new Float64Array(256);
  const fx = new Float64Array(257);
  x[0] = v / f(r);
  x[1] = r;
  for (let i = 1; i < 255; i++) x[i + 1] = finv(v / x[i] + f(x[i]));
  x[256] = 0;
  for (let i = 0; i < 256; i++) ratio[i] = x[i + 1] / x[i];
  for (let i = 0; i <= 256; i++) fx[i] = f(x[i]);
  return { x, ratio, fx };
}

/** Right edge of the normal ziggurat's base layer (Marsaglia & Tsang 2000, 256 layers). */
export const NORM_R = 3.654152885361009;
/** Area of each layer under exp(-x²/2) for 256 layers. */
const NORM_V = 0.004928673233974655;
const NORM = buildZiggurat(
  NORM_R,
  NORM_V,
  (x) => Math.exp(-0.5 * x * x),
  (y) => Math.sqrt(-2 * Math.log(y)),
);
export const NX = NORM.x;
export const NRATIO = NORM.ratio;
export const NF = NORM.fx;

/** Right edge of the exponential ziggurat's base layer (Marsaglia & Tsang 2000, 256 layers). */
export const EXP_R = 7.69711747013105;
/** Area of each layer under exp(-x) for 256 layers. */
const EXP_V = 0.003949659822581557;
const EXPZ = buildZiggurat(
  EXP_R,
  EXP_V,
  (x) => Math.exp(-x),
  (y) => -Math.log(y),
);
export const EX = EXPZ.x;
export const ERATIO = EXPZ.ratio;
export const EF = EXPZ.fx;

/**
 * Internal: the ziggurat tables, exposed for tests only (layer-area checks).
 * Not part of the public API.
 * @internal
 */
export const _zigguratTables = {
  normal: { r: NORM_R, v: NORM_V, x: NX, ratio: NRATIO, fx: NF },
  exponential: { r: EXP_R, v: EXP_V, x: EX, ratio: ERATIO, fx: EF },
} as const;

/**
 * The rare paths of `Rng.normal` (≈0.7 % of draws), for the attempt in layer `i` at
 * position `u` with `sign`: the base layer's tail beyond r (Marsaglia 1964:
 * x = −log(U₁)/r, y = −log(U₂), accept if 2y ≥ x²) or a wedge (a uniform height
 * between f(x[i]) and f(x[i+1]), accepted under exp(−x²/2)). A rejected wedge starts
 * a fresh attempt from two outputs of `rng`, exactly like the sampler's own loop.
 */
export function normalSlow(rng: ZigguratSource, i: number, u: number, sign: number): number {
  for (;;) {
    if (i === 0) return sign * (NORM_R + normalTail(rng));
    const x = u * NX[i];
    if (NF[i] + rng.uniform() * (NF[i + 1] - NF[i]) < Math.exp(-0.5 * x * x)) return sign * x;
    // Rejected: a fresh attempt.
    const a = rng.nextUint32();
    const b = rng.nextUint32();
    i = b & 255;
    u = (a * TWO_21 + (b >>> 11)) * TWO_M53;
    sign = 1 - ((b >>> 7) & 2);
    if (u < NRATIO[i]) return sign * u * NX[i];
  }
}

/** The excess over r of a normal in the tail beyond r (Marsaglia 1964). */
function normalTail(rng: ZigguratSource): number {
  let x: number;
  let y: number;
  do {
    x = -Math.log(rng.uniform()) / NORM_R;
    y = -Math.log(rng.uniform());
  } while (y + y < x * x);
  return x;
}

/**
 * The rare paths of `Rng.exponential` (≈1 % of draws), for the attempt in layer `i`
 * at position `u`. In the base layer the result is r plus a fresh Exp(1) draw
 * (memorylessness), so `offset` accumulates r and persists across the fresh draw's
 * own rejections.
 */
export function exponentialSlow(rng: ZigguratSource, i: number, u: number): number {
  let offset = 0;
  for (;;) {
    if (i === 0) {
      offset += EXP_R;
    } else {
      const x = u * EX[i];
      if (EF[i] + rng.uniform() * (EF[i + 1] - EF[i]) < Math.exp(-x)) return offset + x;
    }
    const a = rng.nextUint32();
    const b = rng.nextUint32();
    i = b & 255;
    u = (a * TWO_21 + (b >>> 11)) * TWO_M53;
    if (u < ERATIO[i]) return offset + u * EX[i];
  }
}
