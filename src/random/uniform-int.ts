/**
 * `Rng.uniformInt` for ranges beyond Lemire's method (n > 2^21, where x·n would no
 * longer be exact in a double): rejection of the top partial block of 32-bit or
 * 53-bit integers, then `% n`. The small ranges, the common case, stay in the class.
 *
 * @module
 * @internal
 */

/** 2^26, 2^32, 2^53. */
const TWO_26 = 67108864;
const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

/** What the sampler draws from: a `Rng` (a structural type, so that this module does not import rng.ts). */
export interface UintSource {
  /** The next 32-bit output. */
  nextUint32(): number;
}

/**
 * A uniform integer in [0, n) for an integer n in (2^21, 2^53] (no validation),
 * exactly uniform: one 32-bit output per attempt for n ≤ 2^32, else a 53-bit integer
 * from two (the high 27 and 26 bits of each, as `Rng.uniform`).
 */
export function uniformIntLarge(rng: UintSource, n: number): number {
  if (n <= TWO_32) {
    const limit = TWO_32 - (TWO_32 % n);
    for (;;) {
      const x = rng.nextUint32();
      if (x < limit) return x % n;
    }
  }
  const limit = TWO_53 - (TWO_53 % n);
  for (;;) {
    const k = (rng.nextUint32() >>> 5) * TWO_26 + (rng.nextUint32() >>> 6);
    if (k < limit) return k % n;
  }
}
