/**
 * Randomized quasi-Monte Carlo base samples: Owen-scrambled Sobol points.
 *
 * Buchholz, Wenzel & Mandt (2018), "Quasi-Monte Carlo variational inference",
 * replace the i.i.d. normal base samples of a reparameterized ELBO estimator by
 * randomized Sobol points pushed through Φ⁻¹. Each randomization is an exact
 * sample of the uniform law in every coordinate (so estimators stay unbiased),
 * while the point set stays stratified, which cuts the gradient variance from
 * O(1/N) to nearly O(1/N²) for smooth integrands.
 *
 * Scrambling is Owen's nested uniform scramble in base 2, computed by the hash of
 * Burley (2020), "Practical hash-based Owen scrambling" (JCGT 9(4)): bit reversal,
 * a Laine–Karras-style permutation keyed by a per-dimension seed drawn from the
 * `Rng`, and bit reversal back. The 32 scrambled digits are completed by 20
 * uniform random low digits and half a unit of the last (what full-depth Owen
 * scrambling does, to the 53 bits of a double): every value is exact, strictly
 * inside (0, 1), and uniform on the 2⁵² cells of its grid.
 *
 * @module
 */
import { InvalidParameterError } from '../errors';
import { normalQuantile } from '../math/normal-functions';
import type { Rng } from './rng';
import { SOBOL_TABLE_ROWS, sobolTable } from './sobol-directions';

/**
 * Largest dimension supported by {@link ScrambledSobol} (the direction numbers
 * shipped, Joe & Kuo 2008).
 *
 * @example
 * ```ts
 * SOBOL_MAX_DIMENSION; // → 161
 * ```
 */
export const SOBOL_MAX_DIMENSION: number = SOBOL_TABLE_ROWS + 1;

const TWO_M32 = 2.3283064365386963e-10;
const TWO_M20 = 9.5367431640625e-7;

let directions: Uint32Array | null = null;

/** The 32 direction numbers of every dimension (row d at d·32), built once on first use. */
function directionNumbers(): Uint32Array {
  if (directions !== null) return directions;
  const { degree, poly, m } = sobolTable();
  const v = new Uint32Array(SOBOL_MAX_DIMENSION * 32);
  for (let k = 0; k < 32; k++) v[k] = 2 ** (31 - k); // dimension 1: van der Corput
  let offset = 0;
  for (let d = 1; d < SOBOL_MAX_DIMENSION; d++) {
    const s = degree[d - 1];
    const a = poly[d - 1];
    const row = d * 32;
    for (let k = 0; k < s; k++) v[row + k] = m[offset + k] * 2 ** (31 - k);
    offset += s;
    for (let k = s; k < 32; k++) {
      let x = v[row + k - s] ^ (v[row + k - s] >>> s);
      for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x ^= v[row + k - j];
      v[row + k] = x >>> 0;
    }
  }
  directions = v;
  return v;
}

let reversedDirections: Uint32Array | null = null;

/**
 * The direction numbers bit-reversed: the generator keeps each coordinate's Sobol
 * integer bit-reversed (reverse(a ⊕ b) = reverse(a) ⊕ reverse(b)), which is the form
 * the scramble hashes, so only its output needs reversing.
 */
function reversedDirectionNumbers(): Uint32Array {
  if (reversedDirections !== null) return reversedDirections;
  const v = directionNumbers();
  const r = new Uint32Array(v.length);
  for (let i = 0; i < v.length; i++) r[i] = reverseBits(v[i]);
  reversedDirections = r;
  return r;
}

/** Reverses the 32 bits of x. */
function reverseBits(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}

/**
 * Owen's nested uniform scramble of a 32-bit fraction (Burley 2020), given the
 * fraction bit-reversed (`rx`): each output bit is the input bit flipped by a hash
 * of the seed and all higher input bits (a Laine–Karras permutation in reversed
 * order, then reversed back).
 */
function owenScrambleReversed(rx: number, seed: number): number {
  let x = (rx + seed) >>> 0;
  x ^= Math.imul(x, 0x6c50b47c);
  x ^= Math.imul(x, 0xb82f1e52);
  x ^= Math.imul(x, 0xc7afe638);
  x ^= Math.imul(x, 0x8d22f6e6);
  return reverseBits(x >>> 0);
}

/**
 * Owen-scrambled Sobol point sets in dimension d ≤ {@link SOBOL_MAX_DIMENSION}.
 * Every call draws a fresh, independent scramble from the `Rng`, so estimates
 * averaged over calls are unbiased; within one call the n points are stratified
 * (for n a power of two each 1-D projection has exactly one point in every
 * interval [j/n, (j + 1)/n)).
 *
 * @example
 * ```ts
 * import { Rng, ScrambledSobol } from 'varinf';
 * const qmc = new ScrambledSobol(2);
 * const z = qmc.fillNormal(new Rng(1), new Float64Array(16 * 2), 16); // → Float64Array(32): 16 points of 2 coordinates, row-major
 * ```
 */
export class ScrambledSobol {
  /** The dimension d of each point. */
  readonly dimension: number;
  private readonly seeds: Uint32Array;
  /** Each coordinate's current Sobol integer, bit-reversed. */
  private readonly state: Uint32Array;

  /**
   * @param dimension - coordinates per point, an integer in [1, {@link SOBOL_MAX_DIMENSION}]
   * @throws InvalidParameterError for a dimension outside that range
   */
  constructor(dimension: number) {
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > SOBOL_MAX_DIMENSION) {
      throw new InvalidParameterError('ScrambledSobol', 'dimension', `an integer in [1, ${SOBOL_MAX_DIMENSION}]`, dimension);
    }
    this.dimension = dimension;
    this.seeds = new Uint32Array(dimension);
    this.state = new Uint32Array(dimension);
  }

  /**
   * Fills `out` (n rows of `dimension` values, row-major) with a freshly scrambled
   * set of the first n Sobol points, as uniforms in (0, 1). Returns `out`.
   */
  fillUniform(rng: Rng, out: Float64Array, n: number): Float64Array {
    const d = this.dimension;
    if (!Number.isInteger(n) || n < 0 || out.length < n * d) {
      throw new RangeError(`ScrambledSobol.fillUniform: need an integer n ≥ 0 with out.length ≥ n·${d}, got n = ${n}, out.length = ${out.length}`);
    }
    const v = reversedDirectionNumbers();
    const seeds = this.seeds;
    const x = this.state;
    for (let j = 0; j < d; j++) {
      seeds[j] = rng.nextUint32();
      x[j] = 0;
    }
    for (let i = 0; i < n; i++) {
      // Gray-code order: point i differs from point i − 1 by one direction number.
      if (i > 0) {
        const c = 31 - Math.clz32(i & -i);
        for (let j = 0; j < d; j++) x[j] ^= v[j * 32 + c];
      }
      const row = i * d;
      for (let j = 0; j < d; j++) {
        // 32 + 21 bits: the sum is exact, and (2³² − 2⁻²¹)·2⁻³² < 1.
        out[row + j] = (owenScrambleReversed(x[j], seeds[j]) + ((rng.nextUint32() >>> 12) + 0.5) * TWO_M20) * TWO_M32;
      }
    }
    return out;
  }

  /**
   * Like {@link ScrambledSobol.fillUniform}, mapped through Φ⁻¹ to standard normal
   * base samples (the RQMC replacement for `Rng.fillNormal`).
   */
  fillNormal(rng: Rng, out: Float64Array, n: number): Float64Array {
    this.fillUniform(rng, out, n);
    const m = n * this.dimension;
    for (let i = 0; i < m; i++) out[i] = normalQuantile(out[i]);
    return out;
  }
}
