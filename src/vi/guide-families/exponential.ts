/**
 * The Exponential guide family on a positive latent z = e^u:
 *
 * z ~ Exponential(λ), θ = ℓ = log λ, u = log ε − ℓ with ε ~ Exp(1) (inverse CDF
 * ε = −log(1 − U)), log q(u) = ℓ + u − λe^u, H = 1 + γ (the Gumbel entropy, free
 * of λ).
 *
 * @module
 */
import type { ContinuousDistribution } from '../../distributions/distribution';
import { Exponential } from '../../distributions/exponential';
import { EULER_GAMMA } from '../../math/constants';
import type { CoordinateFamily, GuideFamily } from './coordinate-family';

/**
 * The Exponential coordinate family. Control variates of ε ~ Exp(1): ε − 1,
 * ε² − 2, ε³ − 6, log ε + γ.
 *
 * @example
 * ```ts
 * exponentialCoordinate.forward(Float64Array.of(Math.log(2)), 0, Float64Array.of(1), 0); // → -0.6931: λ = 2, ε = 1, u = log ε − log λ = log(1/2)
 * ```
 */
export const exponentialCoordinate: CoordinateFamily = {
  name: 'Exponential',
  paramNames: Object.freeze(['logRate']),
  numParams: 1,
  noiseSize: 1,
  noiseDependsOnParams: false,
  locationScale: false,
  naturalNames: Object.freeze(['rate']),
  paramUnits: Object.freeze(['positive'] as const),

  // E[log z] = −γ − ℓ = m.
  init: (m) => [-m - EULER_GAMMA],

  locate(params, o, u) {
    params[o] = -u - EULER_GAMMA;
  },

  drawNoise(_params, _o, rng, eps, n) {
    eps[n] = rng.exponential();
  },

  noiseFromUniform(_params, _o, uniform, eps, n) {
    eps[n] = -Math.log1p(-uniform[n]);
  },

  forward: (params, o, eps, n) => Math.log(eps[n]) - params[o],

  backprop(_params, o, _eps, _n, gU, g) {
    // ∂u/∂ℓ = −1.
    g[o] -= gU;
  },

  logQ(params, o, u) {
    const l = params[o];
    return l + u - Math.exp(l + u);
  },

  logQGradU(params, o, u, out, j) {
    const l = params[o];
    const lz = Math.exp(l + u);
    out[j] = 1 - lz;
    return l + u - lz;
  },

  addScore(params, o, u, scale, g) {
    g[o] += scale * (1 - Math.exp(params[o] + u));
  },

  entropy: () => 1 + EULER_GAMMA,

  addEntropyGrad() {},

  features(_params, _o, eps, n, out, k) {
    const e = eps[n];
    out[k] = e - 1;
    out[k + 1] = e * e - 2;
    out[k + 2] = e * e * e - 6;
    out[k + 3] = Math.log(e) + EULER_GAMMA;
  },

  naturalParams(params, o, out) {
    out[o] = Math.exp(params[o]);
  },

  naturalGradient(params, o, g) {
    // ∂/∂λ = ∂/∂ℓ / λ.
    g[o] /= Math.exp(params[o]);
  },

  distributionFor: (_block, params, o) => new Exponential(Math.exp(params[o])),

  paramsFromDistribution: (dist: ContinuousDistribution) => [Math.log((dist as Exponential).rate)],
};

/**
 * The `Exponential` guide family: z ~ Exponential(λ) on a positive latent (exp bijection).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { guide: { z: Exponential }, seed: 1 }).posterior.z; // → Exponential(rate = 1.27…)
 * ```
 */
export const exponentialGuide: GuideFamily = {
  cls: Exponential,
  name: 'Exponential',
  fits: { supports: ['positive', 'nonNegative'], label: 'positive', bijection: 'exp' },
  coordinate: () => exponentialCoordinate,
};
