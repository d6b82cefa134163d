/**
 * Hand-fused baseline for the seed model z ~ Exponential(1), x | z ~ Normal(z, 1),
 * x = 1.3, with a LogNormal guide: u = log z = μ + e^ω ε. Sticking-the-landing
 * gradient of the ELBO, Adam with η/√t, iterate averaging.
 */
import { AdamAscent, FastRandom } from './xoshiro';

const X = 1.3;
const LN_SQRT_2PI = 0.9189385332046728;

/** Writes the S-sample STL gradient ∂/∂(μ, ω) into `g`; returns the ELBO estimate. */
export function seedGradient(mu: number, w: number, S: number, rng: FastRandom, g: Float64Array): number {
  const s = Math.exp(w);
  let gm = 0;
  let gw = 0;
  let f = 0;
  for (let i = 0; i < S; i++) {
    const e = rng.normal();
    const u = mu + s * e;
    const z = Math.exp(u);
    const r = X - z;
    const lp = -z - 0.5 * r * r - LN_SQRT_2PI + u;
    const gu = (r - 1) * z + 1 + e / s; // ∇u(log p − log q) with q's parameters held fixed
    gm += gu;
    gw += gu * s * e;
    f += lp + 0.5 * e * e + w + LN_SQRT_2PI;
  }
  g[0] = gm / S;
  g[1] = gw / S;
  return f / S;
}

/** A fit: `steps` Adam steps of S samples from (μ, ω) = (0, log 0.1); returns the averaged (μ, ω). */
export function seedFit(steps: number, S: number, lr: number, seed: number): Float64Array {
  const rng = new FastRandom(seed);
  const p = Float64Array.of(0, Math.log(0.1));
  const g = new Float64Array(2);
  const adam = new AdamAscent(2, lr, steps);
  for (let t = 0; t < steps; t++) {
    seedGradient(p[0], p[1], S, rng, g);
    adam.step(p, g);
  }
  return adam.avg;
}
