/**
 * The binomial samplers: sequential inversion for a small mean, Hörmann's BTRS above,
 * both drawing the count of the rarer outcome (p ≤ ½; `Binomial` reflects it).
 *
 * @module
 * @internal
 */
import type { Rng } from '../random/rng';
import { logBinomialPmf } from './binomial-pmf';

/**
 * The set-up of {@link drawBinomialRarer} for n trials with success probability
 * p ≤ ½ (q = 1 − p): the inversion's constants for n·p < 10, BTRS's above.
 *
 * @example
 * ```ts
 * binomialSamplerConstants(10, 0.3, 0.7); // → Float64Array [0.028247524900000005, 0.4285714285714286]: [0.7¹⁰, 0.3/0.7]
 * ```
 * @internal
 */
export function binomialSamplerConstants(n: number, p: number, q: number): Float64Array {
  return n * p < 10 ? inversionConstants(n, p, q) : btrsConstants(n, p, q);
}

/**
 * One draw of Binomial(n, p) for p ≤ ½ (q = 1 − p): inversion for n·p < 10, BTRS
 * (Hörmann 1993) above; `c` = {@link binomialSamplerConstants}`(n, p, q)`.
 *
 * @example
 * ```ts
 * import { Rng } from 'varinf';
 * const n = 10, p = 0.3, q = 0.7;
 * drawBinomialRarer(new Rng(1), n, p, q, binomialSamplerConstants(n, p, q)); // → 3
 * ```
 * @internal
 */
export function drawBinomialRarer(rng: Rng, n: number, p: number, q: number, c: Float64Array): number {
  return n * p < 10 ? binomialInversion(rng, n, c) : binomialBtrs(rng, n, p, q, c);
}

/** [P(0) = (1 − p)ⁿ, p/(1 − p)] for the inversion sampler (p ≤ ½). */
function inversionConstants(n: number, p: number, q: number): Float64Array {
  return Float64Array.of(Math.exp(n * Math.log1p(-p)), p / q);
}

/**
 * Sequential inversion for n·p < 10 (p ≤ ½): the smallest x with U ≤ Σ_{j≤x} P(j),
 * from P(0) = qⁿ = e^{n log1p(−p)} ≥ e^{−20} and P(j) = P(j − 1)·(n − j + 1)p/(jq).
 * Exact up to the rounding of the running sum (a U beyond it, probability < 1e-15,
 * returns the last x reached). `k` = {@link inversionConstants}.
 */
function binomialInversion(rng: Rng, n: number, k: Float64Array): number {
  const u = rng.uniform();
  const c = k[1];
  let x = 0;
  let f = k[0];
  let s = f;
  while (u > s && x < n) {
    x++;
    f *= ((n - x + 1) * c) / x;
    if (f === 0) break;
    s += f;
  }
  return x;
}

/** [b, a, c, v_r, log α, m, log P(m)] of BTRS (Hörmann 1993, table 1) for n·p ≥ 10, p ≤ ½. */
function btrsConstants(n: number, p: number, q: number): Float64Array {
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const m = Math.floor((n + 1) * p);
  return Float64Array.of(b, -0.0873 + 0.0248 * b + 0.01 * p, n * p + 0.5, 0.92 - 4.2 / b, Math.log((2.83 + 5.1 / b) * spq), m, logBinomialPmf(m, n, p, q));
}

/**
 * BTRS, the transformed rejection sampler with squeeze of Hörmann (1993, "The
 * generation of binomial random variates", J. Statist. Comput. Simul. 46), for
 * n·p ≥ 10 with p ≤ ½: about 1.15 uniform pairs per draw, most accepted by the
 * squeeze; the exact test compares with log P(k) − log P(m) (m the mode) in
 * Loader's form, which stays exact for n far above 1e9. `k` = {@link btrsConstants}.
 */
function binomialBtrs(rng: Rng, n: number, p: number, q: number, k: Float64Array): number {
  const b = k[0];
  const a = k[1];
  const c = k[2];
  const vr = k[3];
  const logAlpha = k[4];
  const lpm = k[6];
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const x = Math.floor(((2 * a) / us + b) * u + c);
    if (x < 0 || x > n) continue;
    if (us >= 0.07 && v <= vr) return x;
    if (Math.log(v) + logAlpha - Math.log(a / (us * us) + b) <= logBinomialPmf(x, n, p, q) - lpm) return x;
  }
}
