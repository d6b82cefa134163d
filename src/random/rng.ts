/**
 * The seeded pseudo-random number generator of varinf and its base samplers
 * (uniform, standard normal, standard exponential, gamma).
 *
 * Everything here is pure 32-bit integer arithmetic (`Math.imul`, `>>>`) plus IEEE
 * double operations that are correctly rounded on every platform, so a seed gives
 * the same stream in Node and in every browser. The only transcendental functions
 * used (`Math.log`, `Math.exp`, `Math.pow`, `Math.sqrt`) enter the acceptance
 * tests of the rejection samplers and the values of the tail/boost transforms; the
 * ECMAScript spec leaves `log`/`exp`/`pow` implementation-approximated, so across
 * JavaScript engines the *integer* stream and `uniform()` are bit-identical while
 * `normal()`/`exponential()`/`gamma()` are bit-identical on the fast paths (more
 * than 98 % of draws) and may in rare cases differ in the last ulp elsewhere.
 *
 * The class keeps the state and the per-draw fast paths, so that V8 inlines the
 * xoshiro128** step into each sampler and the samplers into their callers. What
 * stands alone lives beside it as plain functions: seeding (splitmix.ts), the
 * ziggurat tables and rare paths (ziggurat.ts), the bulk fill loops (fill.ts), the
 * Marsaglia–Tsang gamma sampler (gamma.ts), large-range integers (uniform-int.ts)
 * and the jump polynomials (xoshiro.ts).
 *
 * @module
 */

import { InvalidParameterError } from '../errors';
import { exponentialRun, normalRun, uniformRun, type FillRun } from './fill';
import { marsagliaTsang } from './gamma';
import { seedState } from './splitmix';
import { uniformIntLarge } from './uniform-int';
import { isStateWords, JUMP, jumpWords, LONG_JUMP } from './xoshiro';
import { ERATIO, EX, exponentialSlow, normalSlow, NRATIO, NX } from './ziggurat';

/**
 * Scratch for the state words while a module function works on them (seeding, a
 * fill run, a jump). One suffices: none of them calls back into code that uses it.
 */
const WORDS = new Int32Array(4);
/** Scratch for the draw a fill run leaves to the rare path (see fill.ts). */
const PENDING = new Float64Array(3);

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

/** 2^-32. */
const TWO_M32 = 2.3283064365386963e-10;
/** 2^-53. */
const TWO_M53 = 1.1102230246251565e-16;
/** 2^21, 2^26, 2^32, 2^53. */
const TWO_21 = 2097152;
const TWO_26 = 67108864;
const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

/** How a fill finishes a draw its run left to the rare path: a single draw's rare path on the generator. */
type FinishDraw = (rng: Rng, pending: Float64Array) => number;
const finishUniform: FinishDraw = (rng) => rng.uniform();
const finishNormal: FinishDraw = (rng, p) => normalSlow(rng, p[0], p[1], p[2]);
const finishExponential: FinishDraw = (rng, p) => exponentialSlow(rng, p[0], p[1]);

// ---------------------------------------------------------------------------
// Rng
// ---------------------------------------------------------------------------

/**
 * A seeded, reproducible pseudo-random number generator with the base samplers
 * that every distribution in varinf builds on.
 *
 * **Generator.** xoshiro128** 1.1 (Blackman & Vigna 2018, "Scrambled linear
 * pseudorandom number generators", https://prng.di.unimi.it/xoshiro128starstar.c):
 * 128-bit state, period 2^128 − 1, 32-bit outputs, passes BigCrush. It is
 * implemented with `Math.imul` and 32-bit shifts only, so the integer stream is
 * identical on every JavaScript engine. Verified against the reference C code
 * (outputs from state {1, 2, 3, 4}, and jump / long-jump states).
 *
 * **Seeding.** The seed is reduced modulo 2^64 (so `new Rng(42)` and
 * `new Rng(42n)` coincide, and `-1` means 2^64 − 1) and expanded by two outputs of
 * splitmix64, so nearby seeds give unrelated streams and the state is never all
 * zero.
 *
 * **Streams.** {@link Rng.split} hands out non-overlapping blocks of 2^64 outputs of
 * the same period (via the published jump polynomial), which is the recommended
 * way to get independent generators for parallel chains or per-particle streams.
 *
 * Not cryptographically secure.
 *
 * @example
 * ```ts
 * import { Rng } from 'varinf';
 * const rng = new Rng(42);
 * const u = rng.uniform();      // in (0, 1)
 * const z = rng.normal();       // N(0, 1)
 * const g = rng.gamma(2.5);     // Gamma(2.5, 1)
 * const buf = new Float64Array(1000);
 * rng.fillNormal(buf);          // fills buf with 1000 standard normals, no allocation
 * ```
 */
export class Rng {
  // State words, stored as int32 (reinterpret with >>> 0 for the unsigned value).
  // Initialised with numbers (not left undefined) so that engines give the fields a
  // numeric representation and update them in place.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /**
   * Creates a generator from a seed.
   *
   * @param seed - a finite integer `number` (any magnitude) or a `bigint`; reduced
   *   modulo 2^64 and expanded with splitmix64, so seeds that differ by a multiple
   *   of 2^64 (e.g. 0, 2^64 and −2^64) give the same stream. Defaults to 0; `null`
   *   and other non-integers are refused.
   * @throws {@link InvalidParameterError} if `seed` is not a finite integer or a bigint.
   *
   * @example
   * ```ts
   * const a = new Rng(7), b = new Rng(7n);
   * a.nextUint32() === b.nextUint32(); // → true
   * ```
   */
  constructor(seed: number | bigint = 0) {
    if (!seedState(seed, WORDS)) throw new InvalidParameterError('Rng', 'seed', 'a finite integer', seed);
    this.setWords(WORDS);
  }

  /**
   * Restores a generator from a state previously returned by {@link Rng.state}.
   *
   * @param s - four unsigned 32-bit words, not all zero (any array-like of numbers).
   * @returns a generator that continues exactly where the checkpointed one was.
   * @throws {@link InvalidParameterError} if `s` is not four uint32 words or is all zero.
   *
   * @example
   * ```ts
   * const rng = new Rng(1);
   * const saved = rng.state();
   * const x = rng.normal();
   * Rng.fromState(saved).normal() === x; // → true
   * ```
   */
  static fromState(s: ArrayLike<number>): Rng {
    if (!isStateWords(s)) throw new InvalidParameterError('Rng', 'state', 'four uint32 words, not all zero', s);
    const r = new Rng(0);
    r.setWords(s);
    return r;
  }

  /**
   * Returns a copy of the 128-bit state as four unsigned 32-bit words
   * `[s0, s1, s2, s3]` (the `s[]` array of the reference C code). This is the whole
   * state: no sampler keeps a cache, so {@link Rng.fromState} resumes exactly.
   *
   * @example
   * ```ts
   * const words = new Rng(42).state(); // → Uint32Array(4)
   * ```
   */
  state(): Uint32Array {
    // Each int32 word converts to its uint32 value.
    return new Uint32Array(this.getWords(WORDS));
  }

  /**
   * Returns an independent copy with the same state (both produce the same stream).
   *
   * @example
   * ```ts
   * const a = new Rng(3); const b = a.clone();
   * a.uniform() === b.uniform(); // → true
   * ```
   */
  clone(): Rng {
    const r = new Rng(0);
    r.s0 = this.s0;
    r.s1 = this.s1;
    r.s2 = this.s2;
    r.s3 = this.s3;
    return r;
  }

  /** Copies the state words (int32) into `s`; returns `s`. */
  private getWords(s: Int32Array): Int32Array {
    s[0] = this.s0;
    s[1] = this.s1;
    s[2] = this.s2;
    s[3] = this.s3;
    return s;
  }

  /** Sets the state from four words, uint32 or int32 (stored as int32). */
  private setWords(s: ArrayLike<number>): void {
    this.s0 = s[0] | 0;
    this.s1 = s[1] | 0;
    this.s2 = s[2] | 0;
    this.s3 = s[3] | 0;
  }

  /** One xoshiro128** step; returns the output as an int32 (reinterpret with `>>> 0`). */
  private step(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    this.s0 = s0 ^ s3;
    this.s1 = s1 ^ s2;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /**
   * Next raw 32-bit output of xoshiro128**, an integer in [0, 2^32).
   *
   * @example
   * ```ts
   * new Rng(42).nextUint32(); // → 1776835114 (pinned by the snapshot test)
   * ```
   */
  nextUint32(): number {
    return this.step() >>> 0;
  }

  /**
   * A uniform double in the open interval (0, 1).
   *
   * Algorithm: two 32-bit outputs a, b give the 53-bit integer
   * k = (a >>> 5)·2^26 + (b >>> 6); the result is k·2^-53, and k = 0 is rejected
   * (probability 2^-53). So the possible values are exactly the 2^53 − 1 multiples
   * k·2^-53, k = 1, …, 2^53 − 1, each equally likely: the smallest is
   * 2^-53 ≈ 1.1e-16 (so `Math.log(u) ≥ −36.74` is always finite) and the largest
   * is 1 − 2^-53 (so `1 − u` is never 0 either). Every value is exactly
   * representable; no rounding occurs.
   *
   * @example
   * ```ts
   * const u = new Rng(1).uniform(); // → 0 < u < 1
   * ```
   */
  uniform(): number {
    for (;;) {
      const a = this.step() >>> 5;
      const b = this.step() >>> 6;
      const k = a * TWO_26 + b;
      if (k !== 0) return k * TWO_M53;
    }
  }

  /**
   * A uniform integer in [0, n), exactly uniform (no modulo bias).
   *
   * Algorithm: for n ≤ 2^21, Lemire's multiply-and-reject on one 32-bit output
   * (Lemire 2019, "Fast random integer generation in an interval", ACM TOMACS
   * 29(1)); the product is < 2^53 so it is exact in doubles. For larger n, rejection
   * of the top partial block of 32-bit (n ≤ 2^32) or 53-bit (n ≤ 2^53) integers
   * followed by `% n`.
   *
   * @param n - an integer in [1, 2^53].
   * @throws {@link InvalidParameterError} if `n` is not an integer in [1, 2^53].
   *
   * @example
   * ```ts
   * const die = new Rng(5).uniformInt(6) + 1; // a roll of a die, 1 to 6
   * ```
   */
  uniformInt(n: number): number {
    if (typeof n !== 'number' || !(n >= 1 && n <= TWO_53 && Number.isInteger(n))) {
      throw new InvalidParameterError('Rng', 'n', 'an integer in [1, 2^53]', n);
    }
    if (n <= TWO_21) {
      // m = x·n < 2^53 is exact; hi = floor(m / 2^32), lo = m mod 2^32.
      let m = (this.step() >>> 0) * n;
      let hi = Math.floor(m * TWO_M32);
      let lo = m - hi * TWO_32;
      if (lo < n) {
        const t = (TWO_32 - n) % n;
        while (lo < t) {
          m = (this.step() >>> 0) * n;
          hi = Math.floor(m * TWO_M32);
          lo = m - hi * TWO_32;
        }
      }
      return hi;
    }
    return uniformIntLarge(this, n);
  }

  /**
   * A standard normal N(0, 1) variate, exact in distribution.
   *
   * Algorithm: the ziggurat method of Marsaglia & Tsang (2000), with 256 layers and
   * the layout and wedge test of Doornik (2005). Each attempt uses two 32-bit
   * outputs: 8 bits choose the layer, 1 bit the sign, and 53 bits the uniform
   * position inside the layer (so the fast path has full double resolution rather
   * than the 24–32 bits of the original). About 99.3 % of draws take the fast path
   * (one comparison and one multiplication). Otherwise: in a layer's wedge a
   * uniform height is compared with exp(−x²/2); in the base layer the tail beyond
   * r = 3.6541528853610088 is sampled exactly by Marsaglia's (1964) method
   * (x = −log(U₁)/r, y = −log(U₂), accept if 2y ≥ x²). Rejected attempts restart.
   * The only departure from the exact normal law is double rounding (relative
   * 1e-16) and the top-layer area mismatch of the tables (5e-14 relative to one
   * layer, i.e. below 2e-16 in probability).
   *
   * @example
   * ```ts
   * const rng = new Rng(42);
   * const x = 3 + 2 * rng.normal(); // N(3, 2²)
   * ```
   */
  normal(): number {
    const a = this.step();
    const b = this.step();
    const i = b & 255;
    const u = ((a >>> 0) * TWO_21 + (b >>> 11)) * TWO_M53; // 53-bit grid in [0, 1)
    // ±1 from bit 8 of b, branch-free.
    const sign = 1 - ((b >>> 7) & 2);
    if (u < NRATIO[i]) return sign * u * NX[i];
    return normalSlow(this, i, u, sign);
  }

  /**
   * A standard exponential Exp(1) variate, exact in distribution.
   *
   * Algorithm: the 256-layer exponential ziggurat of Marsaglia & Tsang (2000)
   * (r = 7.69711747013105), with the same 53-bit layout as {@link Rng.normal};
   * the tail is handled by memorylessness (return r + a fresh Exp(1) draw). It is
   * faster than −log(U) (docs/benchmarks.md, "Random numbers") and, unlike
   * −log(U) with 53-bit U (capped at 36.7), has an unbounded support.
   *
   * @example
   * ```ts
   * const waiting = new Rng(9).exponential() / 0.5; // Exponential(rate 0.5)
   * ```
   */
  exponential(): number {
    const a = this.step();
    const b = this.step();
    const i = b & 255;
    const u = ((a >>> 0) * TWO_21 + (b >>> 11)) * TWO_M53;
    if (u < ERATIO[i]) return u * EX[i];
    return exponentialSlow(this, i, u);
  }

  /**
   * A Gamma(shape, 1) variate (scale 1; divide by the rate for Gamma(shape, rate)).
   *
   * Algorithm: Marsaglia & Tsang (2000), "A simple method for generating gamma
   * variables", ACM TOMS 26(3): with d = a − 1/3, c = 1/√(9d), draw x ~ N(0, 1),
   * v = (1 + cx)³ and accept d·v with the squeeze u < 1 − 0.0331x⁴ or the exact
   * test log u < x²/2 + d(1 − v + log v). Exact for a ≥ 1; for a < 1 the boost
   * G(a) = G(a + 1)·U^(1/a) (same paper) is used. For very small shapes this
   * underflows to 0 a large fraction of the time (shape 1e-3 gives values around
   * e^-1000); use {@link Rng.logGamma} there.
   *
   * @param shape - a > 0 and finite.
   * @throws {@link InvalidParameterError} if shape is not > 0 and finite.
   *
   * @example
   * ```ts
   * const rng = new Rng(0);
   * const g = rng.gamma(2.5) / 4; // Gamma(shape 2.5, rate 4)
   * ```
   */
  gamma(shape: number): number {
    // typeof first: a string such as "2" would pass the comparisons by coercion.
    if (typeof shape !== 'number' || !(shape > 0 && shape < Infinity)) {
      throw new InvalidParameterError('Rng', 'shape', '> 0 and finite', shape);
    }
    if (shape < 1) return marsagliaTsang(this, shape + 1) * Math.pow(this.uniform(), 1 / shape);
    return marsagliaTsang(this, shape);
  }

  /**
   * The natural log of a Gamma(shape, 1) variate, computed in log space so that it
   * does not underflow for tiny shapes.
   *
   * Algorithm: for a < 1, log G(a + 1) + log(U)/a (the log of the boost in
   * {@link Rng.gamma}); for a ≥ 1, log of the Marsaglia–Tsang draw. Exact in
   * distribution; with shape = 1e-3 the typical value is around −1000, which
   * `Math.exp` would flush to 0. The uniform U ≥ 2^-53, so for a < 1 the result is
   * ≥ log G(a + 1) − 36.74/a.
   *
   * @param shape - a > 0 and finite.
   * @throws {@link InvalidParameterError} if shape is not > 0 and finite.
   *
   * @example
   * ```ts
   * const lg = new Rng(1).logGamma(1e-3); // e.g. -734.2, where gamma(1e-3) would give 0
   * ```
   */
  logGamma(shape: number): number {
    // typeof first: a string such as "2" would pass the comparisons by coercion.
    if (typeof shape !== 'number' || !(shape > 0 && shape < Infinity)) {
      throw new InvalidParameterError('Rng', 'shape', '> 0 and finite', shape);
    }
    if (shape < 1) return Math.log(marsagliaTsang(this, shape + 1)) + Math.log(this.uniform()) / shape;
    return Math.log(marsagliaTsang(this, shape));
  }

  /**
   * Fills `out` with uniforms in (0, 1) (see {@link Rng.uniform}); allocates nothing.
   * Produces the same numbers as `out.length` successive `uniform()` calls.
   *
   * @param out - the buffer to fill.
   * @returns `out`.
   *
   * @example
   * ```ts
   * const u = new Rng(2).fillUniform(new Float64Array(1024));
   * ```
   */
  fillUniform(out: Float64Array): Float64Array {
    return this.fill(out, uniformRun, finishUniform);
  }

  /**
   * Fills `out` with standard normals (see {@link Rng.normal}); allocates nothing.
   * Produces the same numbers as `out.length` successive `normal()` calls.
   *
   * @param out - the buffer to fill.
   * @returns `out`.
   *
   * @example
   * ```ts
   * const eps = new Rng(3).fillNormal(new Float64Array(64)); // reparameterisation noise
   * ```
   */
  fillNormal(out: Float64Array): Float64Array {
    return this.fill(out, normalRun, finishNormal);
  }

  /**
   * Fills `out` with standard exponentials (see {@link Rng.exponential}); allocates
   * nothing. Produces the same numbers as `out.length` successive `exponential()` calls.
   *
   * @param out - the buffer to fill.
   * @returns `out`.
   *
   * @example
   * ```ts
   * const e = new Rng(4).fillExponential(new Float64Array(64));
   * ```
   */
  fillExponential(out: Float64Array): Float64Array {
    return this.fill(out, exponentialRun, finishExponential);
  }

  /**
   * Fills `out` with `run`'s fast path on the state words, finishing each draw it
   * leaves with `finish` on this generator, so the numbers are those of successive
   * single draws.
   */
  private fill(out: Float64Array, run: FillRun, finish: FinishDraw): Float64Array {
    const s = this.getWords(WORDS);
    for (let j = run(s, out, 0, PENDING); j < out.length; j = run(s, out, j + 1, PENDING)) {
      this.setWords(s);
      out[j] = finish(this, PENDING);
      this.getWords(s);
    }
    this.setWords(s);
    return out;
  }

  /**
   * Advances the state by 2^64 steps in ~128 steps of work, using the published
   * jump polynomial of xoshiro128**. Calling `jump()` k times on copies of one
   * generator gives up to 2^64 non-overlapping subsequences of length 2^64.
   *
   * @returns `this`.
   *
   * @example
   * ```ts
   * const a = new Rng(1);
   * const b = a.clone().jump(); // b starts 2^64 draws ahead of a
   * ```
   */
  jump(): this {
    this.applyJump(JUMP);
    return this;
  }

  /**
   * Advances the state by 2^96 steps (the published long-jump polynomial); gives up
   * to 2^32 starting points, each of which can then be {@link Rng.jump}ed or
   * {@link Rng.split} 2^32 times.
   *
   * @returns `this`.
   *
   * @example
   * ```ts
   * const worker = new Rng(1).longJump();
   * ```
   */
  longJump(): this {
    this.applyJump(LONG_JUMP);
    return this;
  }

  /** Applies a jump polynomial of xoshiro.ts to the state. */
  private applyJump(poly: readonly number[]): void {
    jumpWords(this.getWords(WORDS), poly);
    this.setWords(WORDS);
  }

  /**
   * Splits off a new generator on a non-overlapping stream.
   *
   * The child takes over this generator's current position and this generator
   * jumps ahead by 2^64 (see {@link Rng.jump}). Guarantee: the child's stream is
   * the block of 2^64 outputs that this generator skips, so the child and the
   * parent (and any later children) never produce overlapping subsequences unless
   * a single one draws more than 2^64 32-bit outputs. Deterministic: the same seed
   * and the same sequence of calls give the same children. Up to 2^64 splits before
   * the period wraps.
   *
   * @returns the new generator.
   *
   * @example
   * ```ts
   * const root = new Rng(2024);
   * const chains = [root.split(), root.split(), root.split()]; // independent streams
   * ```
   */
  split(): Rng {
    const child = this.clone();
    this.applyJump(JUMP);
    return child;
  }
}
