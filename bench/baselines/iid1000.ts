/**
 * Hand-fused baselines for the 1000-datum model z ~ Exponential(1), xᵢ ~ Normal(z, 1),
 * LogNormal guide, STL gradient, Adam with η/√t, iterate averaging:
 *
 * - `iidGradient`: per gradient sample one pass over the data for Σ(xᵢ − z) and
 *   Σ(xᵢ − z)² (what the baseline describes);
 * - `iidStatsGradient`: the same from the data's sufficient statistics (n, x̄,
 *   Σ(xᵢ − x̄)²), O(1) per sample: the computation varinf's likelihood kernel does,
 *   written by hand, so that the library is also measured against its own algorithm.
 */
import { AdamAscent, FastRandom } from './xoshiro';

const LN_SQRT_2PI = 0.9189385332046728;

/** Writes the S-sample STL gradient ∂/∂(μ, ω) into `g`; returns the ELBO estimate. */
export function iidGradient(data: Float64Array, mu: number, w: number, S: number, rng: FastRandom, g: Float64Array): number {
  const s = Math.exp(w);
  const n = data.length;
  let gm = 0;
  let gw = 0;
  let f = 0;
  for (let i = 0; i < S; i++) {
    const e = rng.normal();
    const u = mu + s * e;
    const z = Math.exp(u);
    let s1 = 0;
    let s2 = 0;
    for (let j = 0; j < n; j++) {
      const r = data[j] - z;
      s1 += r;
      s2 += r * r;
    }
    const lp = -z - 0.5 * s2 - n * LN_SQRT_2PI + u;
    const gu = (s1 - 1) * z + 1 + e / s;
    gm += gu;
    gw += gu * s * e;
    f += lp + 0.5 * e * e + w + LN_SQRT_2PI;
  }
  g[0] = gm / S;
  g[1] = gw / S;
  return f / S;
}

/** `iidGradient` from the statistics: Σ(xᵢ − z)² = ss + n(x̄ − z)², Σ(xᵢ − z) = n(x̄ − z). */
export function iidStatsGradient(n: number, mean: number, ss: number, mu: number, w: number, S: number, rng: FastRandom, g: Float64Array): number {
  const s = Math.exp(w);
  let gm = 0;
  let gw = 0;
  let f = 0;
  for (let i = 0; i < S; i++) {
    const e = rng.normal();
    const u = mu + s * e;
    const z = Math.exp(u);
    const dm = mean - z;
    const lp = -z - 0.5 * (ss + n * dm * dm) - n * LN_SQRT_2PI + u;
    const gu = (n * dm - 1) * z + 1 + e / s;
    gm += gu;
    gw += gu * s * e;
    f += lp + 0.5 * e * e + w + LN_SQRT_2PI;
  }
  g[0] = gm / S;
  g[1] = gw / S;
  return f / S;
}

/** A fit from (μ, ω) = (0, log 0.1); returns the averaged (μ, ω). */
export function iidFit(data: Float64Array, steps: number, S: number, lr: number, seed: number): Float64Array {
  const rng = new FastRandom(seed);
  const p = Float64Array.of(0, Math.log(0.1));
  const g = new Float64Array(2);
  const adam = new AdamAscent(2, lr, steps);
  for (let t = 0; t < steps; t++) {
    iidGradient(data, p[0], p[1], S, rng, g);
    adam.step(p, g);
  }
  return adam.avg;
}
