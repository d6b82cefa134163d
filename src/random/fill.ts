/**
 * The bulk loops behind `Rng.fillUniform`, `fillNormal` and `fillExponential`: the
 * fast path of each sampler over a buffer, with the four xoshiro128** state words
 * in locals (registers) rather than in the generator's fields, which is what makes
 * a fill faster than a loop of single draws.
 *
 * Each run takes the state words (int32, updated in place), fills `out` from index
 * `from` while the draws stay on the fast path, and stops at the first draw that
 * needs the sampler's rare path, leaving the state just after that draw's two
 * outputs and returning its index (`out.length` when the buffer is full). `Rng`
 * then finishes that draw with the rare path and resumes the run after it, so a
 * fill produces exactly the numbers of successive single draws.
 *
 * The xoshiro128** step is written out at every use, as in the reference C: a
 * helper would have to carry the four words through memory.
 *
 * @module
 * @internal
 */

import { ERATIO, EX, NRATIO, NX } from './ziggurat';

/** 2^-53. */
const TWO_M53 = 1.1102230246251565e-16;
/** 2^21, 2^26. */
const TWO_21 = 2097152;
const TWO_26 = 67108864;

/**
 * A fast-path run: fills `out[from…]` from the state words `s`; returns the index of
 * the first draw left to the rare path (its layer, position and sign in `pending`)
 * or `out.length`.
 */
export type FillRun = (s: Int32Array, out: Float64Array, from: number, pending: Float64Array) => number;

/**
 * Uniforms (k·2^-53 from two outputs, as `Rng.uniform`); stops at k = 0 (probability
 * 2^-53), which `uniform()` redraws. `pending` is not used.
 */
export const uniformRun: FillRun = (s, out, from) => {
  let s0 = s[0];
  let s1 = s[1];
  let s2 = s[2];
  let s3 = s[3];
  const n = out.length;
  let j = from;
  for (; j < n; j++) {
    let a: number;
    let b: number;
    {
      const m = Math.imul(s1, 5);
      a = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    {
      const m = Math.imul(s1, 5);
      b = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    const k = (a >>> 5) * TWO_26 + (b >>> 6);
    if (k !== 0) {
      out[j] = k * TWO_M53;
      continue;
    }
    break;
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
  return j;
};

/**
 * Standard normals, the ziggurat's fast path of `Rng.normal`; stops at a draw in the
 * base layer's tail or a wedge, with `pending` = [layer i, position u, sign].
 */
export const normalRun: FillRun = (s, out, from, pending) => {
  let s0 = s[0];
  let s1 = s[1];
  let s2 = s[2];
  let s3 = s[3];
  const n = out.length;
  let j = from;
  for (; j < n; j++) {
    let a: number;
    let b: number;
    {
      const m = Math.imul(s1, 5);
      a = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    {
      const m = Math.imul(s1, 5);
      b = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    const i = b & 255;
    const u = ((a >>> 0) * TWO_21 + (b >>> 11)) * TWO_M53;
    const sign = 1 - ((b >>> 7) & 2);
    if (u < NRATIO[i]) {
      out[j] = sign * u * NX[i];
      continue;
    }
    pending[0] = i;
    pending[1] = u;
    pending[2] = sign;
    break;
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
  return j;
};

/**
 * Standard exponentials, the ziggurat's fast path of `Rng.exponential`; stops at a
 * draw in the base layer or a wedge, with `pending` = [layer i, position u].
 */
export const exponentialRun: FillRun = (s, out, from, pending) => {
  let s0 = s[0];
  let s1 = s[1];
  let s2 = s[2];
  let s3 = s[3];
  const n = out.length;
  let j = from;
  for (; j < n; j++) {
    let a: number;
    let b: number;
    {
      const m = Math.imul(s1, 5);
      a = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    {
      const m = Math.imul(s1, 5);
      b = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    const i = b & 255;
    const u = ((a >>> 0) * TWO_21 + (b >>> 11)) * TWO_M53;
    if (u < ERATIO[i]) {
      out[j] = u * EX[i];
      continue;
    }
    pending[0] = i;
    pending[1] = u;
    break;
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
  return j;
};
