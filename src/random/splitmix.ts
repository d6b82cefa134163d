/**
 * Seeding `Rng`: the seed reduced modulo 2^64 to two 32-bit halves, and splitmix64
 * (Steele, Lea & Flood 2014) in 32-bit arithmetic, which expands them into
 * xoshiro128**'s state without BigInt.
 *
 * @module
 * @internal
 */

/** 2^32. */
const TWO_32 = 4294967296;

/**
 * Writes the xoshiro128** state (int32 words) of `seed` to `out`: a finite integer
 * `number` (any magnitude) or a `bigint`, reduced modulo 2^64 (so seeds that differ
 * by a multiple of 2^64 coincide) and expanded by {@link splitmix64State}. Returns
 * false, leaving `out` alone, for anything else (`Rng` throws then).
 */
export function seedState(seed: unknown, out: number[] | Int32Array): boolean {
  let hi: number;
  let lo: number;
  if (typeof seed === 'number' && Number.isInteger(seed)) {
    // Exact for every finite integer double: % and / by 2^32 are exact, and
    // ToUint32 (>>> 0) reduces modulo 2^32 (two's complement for negatives).
    lo = seed % TWO_32 >>> 0;
    hi = Math.floor(seed / TWO_32) >>> 0;
  } else if (typeof seed === 'bigint') {
    lo = Number(BigInt.asUintN(32, seed));
    hi = Number(BigInt.asUintN(32, seed >> 32n));
  } else {
    return false;
  }
  splitmix64State(hi, lo, out);
  return true;
}

/** High 32 bits of the 64-bit product of two uint32 values (exact, via 16-bit limbs). */
function mulHi32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const a0b1 = a0 * b1;
  const a1b0 = a1 * b0;
  const mid = ((a0 * b0) >>> 16) + (a0b1 & 0xffff) + (a1b0 & 0xffff);
  return (a1 * b1 + (a0b1 >>> 16) + (a1b0 >>> 16) + (mid >>> 16)) >>> 0;
}

/**
 * Expands a 64-bit seed (hi, lo uint32 halves) into a 128-bit xoshiro state with two
 * outputs of splitmix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom
 * number generators"; the seeding recommended by Blackman & Vigna), in 32-bit
 * arithmetic. Splitmix64 is a bijection of its counter, so two consecutive outputs
 * are never both zero and the state is never all zero.
 */
export function splitmix64State(hi: number, lo: number, out: number[] | Int32Array): void {
  for (let k = 0; k < 2; k++) {
    // x += 0x9e3779b97f4a7c15
    const nlo = lo + 0x7f4a7c15;
    hi = (hi + 0x9e3779b9 + (nlo >= TWO_32 ? 1 : 0)) >>> 0;
    lo = nlo >>> 0;
    let zh = hi;
    let zl = lo;
    // z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9
    zl = (zl ^ ((zl >>> 30) | (zh << 2))) >>> 0;
    zh = (zh ^ (zh >>> 30)) >>> 0;
    [zh, zl] = mul64(zh, zl, 0xbf58476d, 0x1ce4e5b9);
    // z = (z ^ (z >>> 27)) * 0x94d049bb133111eb
    zl = (zl ^ ((zl >>> 27) | (zh << 5))) >>> 0;
    zh = (zh ^ (zh >>> 27)) >>> 0;
    [zh, zl] = mul64(zh, zl, 0x94d049bb, 0x133111eb);
    // z ^= z >>> 31
    zl = (zl ^ ((zl >>> 31) | (zh << 1))) >>> 0;
    zh = (zh ^ (zh >>> 31)) >>> 0;
    out[2 * k] = zl | 0;
    out[2 * k + 1] = zh | 0;
  }
}

/** (ah·2^32 + al)·(bh·2^32 + bl) mod 2^64 as [hi, lo] uint32 halves. */
function mul64(ah: number, al: number, bh: number, bl: number): [number, number] {
  const lo = Math.imul(al, bl) >>> 0;
  const hi = (mulHi32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
  return [hi, lo];
}
