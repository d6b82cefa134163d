/**
 * xoshiro128** state-word operations that do not need a generator object: the
 * check of a restored state and the jump polynomials (Blackman & Vigna,
 * https://prng.di.unimi.it/xoshiro128starstar.c). `Rng` copies its four state
 * words into an array, calls these, and copies them back; the per-draw step stays
 * in the class, where it is inlined into every sampler.
 *
 * @module
 * @internal
 */

/** 2^32. */
const TWO_32 = 4294967296;

/** Jump polynomial of xoshiro128** for 2^64 steps (Blackman & Vigna, xoshiro128starstar.c). */
export const JUMP: readonly number[] = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];
/** Long-jump polynomial of xoshiro128** for 2^96 steps (same source). */
export const LONG_JUMP: readonly number[] = [0xb523952e, 0x0b6f099f, 0xccf5a0ef, 0x1c580662];

/** Whether `s` is a valid xoshiro128** state: four uint32 words, not all zero (the all-zero state is a fixed point). */
export function isStateWords(s: ArrayLike<number>): boolean {
  return (
    s != null &&
    s.length === 4 &&
    Array.prototype.every.call(s, (w: unknown) => typeof w === 'number' && Number.isInteger(w) && w >= 0 && w < TWO_32) &&
    (s[0] !== 0 || s[1] !== 0 || s[2] !== 0 || s[3] !== 0)
  );
}

/**
 * Advances the state words `s` (int32) in place by the jump polynomial `poly`: the
 * XOR of the states at the polynomial's set bits over 128 steps (the reference C's
 * `jump()`), with the xoshiro128** step of `Rng` on locals.
 */
export function jumpWords(s: Int32Array, poly: readonly number[]): void {
  let s0 = s[0];
  let s1 = s[1];
  let s2 = s[2];
  let s3 = s[3];
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  for (let w = 0; w < 4; w++) {
    const word = poly[w];
    for (let bit = 0; bit < 32; bit++) {
      if ((word >>> bit) & 1) {
        t0 ^= s0;
        t1 ^= s1;
        t2 ^= s2;
        t3 ^= s3;
      }
      // One step (the output is not needed).
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
  }
  s[0] = t0;
  s[1] = t1;
  s[2] = t2;
  s[3] = t3;
}
