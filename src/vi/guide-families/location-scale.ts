/**
 * The location–scale coordinate family: a Normal on the unconstrained coordinate,
 *
 * u = m + σε, ε ~ N(0, 1), θ = (m, ω = log σ), log q(u) = −½ε² − ω − log√(2π),
 * H = ½ + log√(2π) + ω,
 *
 * which is `meanField()`'s coordinate and the guide families `Normal` (real latents),
 * `LogNormal` (z = e^u) and `LogitNormal` (z on an interval, the scaled logistic of
 * u): the fitted distribution is the Gaussian pushed through the latent's bijection
 * (`gaussianMarginal`). A guide whose coordinates are all of this family takes the
 * fused estimators of `location-scale-fused.ts`.
 *
 * @module
 */
import type { ContinuousDistribution } from '../../distributions/distribution';
import { LogitNormal } from '../../distributions/logit-normal';
import { LogNormal } from '../../distributions/lognormal';
import { Normal } from '../../distributions/normal';
import { LN_SQRT_2PI } from '../../math/constants';
import { normalQuantile } from '../../math/normal-functions';
import type { LatentBlock } from '../../model/differentiable-model';
import type { Rng } from '../../random/rng';
import { gaussianMarginal } from '../gaussian-marginal';
import type { CoordinateFamily, GuideFamily } from './coordinate-family';

/** The members shared by both variants (all but the control-variate features). */
const shared = {
  name: 'location–scale',
  paramNames: Object.freeze(['mu', 'logSigma']),
  numParams: 2,
  noiseSize: 1,
  noiseDependsOnParams: false,
  locationScale: true,
  naturalNames: Object.freeze(['mu', 'sigma']),
  paramUnits: Object.freeze(['location', 'location'] as const),

  init: (m: number, s: number): readonly number[] => [m, Math.log(s)],

  locate(params: Float64Array, o: number, u: number): void {
    params[o] = u;
  },

  drawNoise(_params: Float64Array, _o: number, rng: Rng, eps: Float64Array, n: number): void {
    eps[n] = rng.normal();
  },

  noiseFromUniform(_params: Float64Array, _o: number, uniform: Float64Array, eps: Float64Array, n: number): void {
    eps[n] = normalQuantile(uniform[n]);
  },

  forward: (params: Float64Array, o: number, eps: Float64Array, n: number): number => params[o] + Math.exp(params[o + 1]) * eps[n],

  backprop(params: Float64Array, o: number, eps: Float64Array, n: number, gU: number, g: Float64Array): void {
    // ∂u/∂m = 1, ∂u/∂ω = σε.
    g[o] += gU;
    g[o + 1] += gU * Math.exp(params[o + 1]) * eps[n];
  },

  logQ(params: Float64Array, o: number, u: number): number {
    const w = params[o + 1];
    const e = (u - params[o]) * Math.exp(-w);
    return -0.5 * e * e - w - LN_SQRT_2PI;
  },

  logQGradU(params: Float64Array, o: number, u: number, out: Float64Array, j: number): number {
    const w = params[o + 1];
    const is = Math.exp(-w);
    const e = (u - params[o]) * is;
    out[j] = -e * is;
    return -0.5 * e * e - w - LN_SQRT_2PI;
  },

  addScore(params: Float64Array, o: number, u: number, scale: number, g: Float64Array): void {
    // ∂m log q = ε/σ, ∂ω log q = ε² − 1 with ε = (u − m)/σ.
    const is = Math.exp(-params[o + 1]);
    const e = (u - params[o]) * is;
    g[o] += scale * e * is;
    g[o + 1] += scale * (e * e - 1);
  },

  entropy: (params: Float64Array, o: number): number => 0.5 + LN_SQRT_2PI + params[o + 1],

  addEntropyGrad(_params: Float64Array, o: number, scale: number, g: Float64Array): void {
    g[o + 1] += scale;
  },

  naturalParams(params: Float64Array, o: number, out: Float64Array): void {
    out[o] = params[o];
    out[o + 1] = Math.exp(params[o + 1]);
  },

  naturalGradient(params: Float64Array, o: number, g: Float64Array): void {
    // ∂/∂σ = ∂/∂ω / σ; μ is m.
    g[o + 1] /= Math.exp(params[o + 1]);
  },

  distributionFor: (block: LatentBlock, params: Float64Array, o: number): ContinuousDistribution => gaussianMarginal(block, params[o], Math.exp(params[o + 1])),

  paramsFromDistribution(dist: ContinuousDistribution, block: LatentBlock, coord: string): readonly number[] {
    const q = dist as Normal | LogNormal | LogitNormal;
    if (q instanceof LogitNormal && (block.support.kind !== 'interval' || q.low !== block.support.lower || q.high !== block.support.upper)) {
      throw new TypeError(`q: latent "${coord}" has support ${block.support.kind === 'interval' ? `(${block.support.lower}, ${block.support.upper})` : block.support.kind}, got ${String(q)}`);
    }
    return [q.mu, Math.log(q.sigma)];
  },
};

/**
 * The location–scale coordinate on a latent whose bijection is not exp (Normal,
 * LogitNormal). Control variates: ε, ε² − 1, ε³, ε⁴ − 3 (the N(0, 1) moments).
 *
 * @example
 * ```ts
 * locationScale.forward(Float64Array.of(1, Math.log(2)), 0, Float64Array.of(0.5), 0); // → 2: u = m + σε = 1 + 2·0.5
 * ```
 */
export const locationScale: CoordinateFamily = {
  ...shared,
  features(_params, _o, eps, n, out, k) {
    const e = eps[n];
    const e2 = e * e;
    out[k] = e;
    out[k + 1] = e2 - 1;
    out[k + 2] = e2 * e;
    out[k + 3] = e2 * e2 - 3;
  },
};

/**
 * The location–scale coordinate on a latent with the exp bijection (LogNormal on
 * z = e^u). Control variates: ε, ε² − 1 and the moments of z/e^m = e^{σε}:
 * e^{σε} − e^{σ²/2}, e^{2σε} − e^{2σ²}.
 *
 * @example
 * ```ts
 * const h = new Float64Array(4);
 * logLocationScale.features(Float64Array.of(0, 0), 0, Float64Array.of(0), 0, h, 0); // m = 0, σ = 1, ε = 0
 * h; // → Float64Array [0, -1, -0.6487, -6.389]: ε, ε² − 1, 1 − e^{½}, 1 − e²
 * ```
 */
export const logLocationScale: CoordinateFamily = {
  ...shared,
  features(params, o, eps, n, out, k) {
    const e = eps[n];
    const e2 = e * e;
    out[k] = e;
    out[k + 1] = e2 - 1;
    // z/e^m = e^{σε}: E = e^{σ²/2}, E[e^{2σε}] = e^{2σ²}
    const sg = Math.exp(params[o + 1]);
    const v = sg * sg;
    const x = Math.exp(sg * e);
    out[k + 2] = x - Math.exp(0.5 * v);
    out[k + 3] = x * x - Math.exp(2 * v);
  },
};

/** The variant for a block: the exp-moment control variates where z = e^u. */
const forBlock = (block: LatentBlock): CoordinateFamily => (block.bijection.name === 'exp' ? logLocationScale : locationScale);

/**
 * The location–scale coordinate a latent gets by default (`meanField()`, or a
 * latent a guide record leaves out): N(m, σ²) on u, whatever the latent's support.
 *
 * @param block - the latent
 * @returns {@link logLocationScale} for the exp bijection, else {@link locationScale}
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * defaultCoordinate(model.blocks[0]) === logLocationScale; // → true: z uses the exp bijection
 * defaultCoordinate(model.blocks[0]).paramNames;           // → ["mu", "logSigma"]
 * ```
 */
export function defaultCoordinate(block: LatentBlock): CoordinateFamily {
  return forBlock(block);
}

/**
 * The `Normal` guide family: N(μ, σ²) on a real latent.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { w: new Normal(0, 1) }, likelihood: ({ w }) => new Normal(w, 1), data: [1.3] });
 * fit(model, { guide: { w: Normal }, seed: 1 }).posterior.w; // → Normal(mu = 0.649…, sigma = 0.707…): the exact posterior (mean 0.65, variance ½)
 * ```
 */
export const normalGuide: GuideFamily = { cls: Normal, name: 'Normal', fits: { supports: ['real'], label: 'real' }, coordinate: forBlock };

/**
 * The `LogNormal` guide family: log z ~ N(μ, σ²) on a positive latent (exp bijection).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { guide: { z: LogNormal }, seed: 1 }).posterior.z; // → LogNormal(mu = -0.32…, sigma = 0.66…)
 * ```
 */
export const logNormalGuide: GuideFamily = {
  cls: LogNormal,
  name: 'LogNormal',
  fits: { supports: ['positive', 'nonNegative'], label: 'positive', bijection: 'exp' },
  coordinate: forBlock,
};

/**
 * The `LogitNormal` guide family: the scaled logistic of N(μ, σ²) on an interval latent.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { p: new Beta(2, 2) }, likelihood: ({ p }) => new Binomial(10, p), data: [3] });
 * fit(model, { guide: { p: LogitNormal }, seed: 1 }).posterior.p; // → LogitNormal(mu = -0.63…, sigma = 0.57…, low = 0, high = 1)
 * ```
 */
export const logitNormalGuide: GuideFamily = { cls: LogitNormal, name: 'LogitNormal', fits: { supports: ['interval'], label: 'an interval' }, coordinate: forBlock };
