/**
 * The Gamma guide family on a positive latent z = e^u:
 *
 * z ~ Gamma(α, β), θ = (a = log α, m = log(α/β), the log mean),
 * u = log ε − a + m with ε ~ Gamma(α, 1),
 * log q(u) = α log β − log Γ(α) + αu − βe^u (log β = a − m),
 * H = α + log Γ(α) − αψ(α).
 *
 * ε depends on α, so the pathwise gradient uses implicit reparameterization
 * (Figurnov, Mohamed & Mnih 2018): dε/dα = −(∂P/∂α)(α, ε)/f(ε; α) at fixed
 * P(α, ε), computed by `gammaSampleDerivA`.
 *
 * The family is parameterized by the log shape and the log *mean* rather than
 * (log α, log β): the ELBO pins the mean down far better than the shape, and in
 * (log α, log β) that ridge runs along the diagonal, where Adam's per-coordinate
 * step sizes make slow, noisy progress; in (log α, log mean) it is axis-aligned.
 * The fitted posterior is still a `Gamma(α, β)`.
 *
 * The InverseGamma family draws the same noise; what the two share (the noise, the
 * start, the entropy, the control variates) is in gamma-noise.ts.
 *
 * @module
 */
import type { ContinuousDistribution } from '../../distributions/distribution';
import { Gamma } from '../../distributions/gamma';
import { digamma, lgamma } from '../../math/gamma-functions';
import { gammaSampleDerivA } from '../../math/incomplete-gamma';
import type { CoordinateFamily, GuideFamily } from './coordinate-family';
import { gammaNoise } from './gamma-noise';

/**
 * The Gamma coordinate family. Control variates of ε ~ Gamma(α, 1): ε − α,
 * ε² − α(α + 1), ε³ − α(α + 1)(α + 2), log ε − ψ(α).
 *
 * @example
 * ```ts
 * const out = new Float64Array(2);
 * gammaCoordinate.naturalParams(Float64Array.of(Math.log(3), Math.log(1.5)), 0, out); // θ = (log α, log mean)
 * out; // → Float64Array [3, 2]: shape α = 3, rate β = α/mean = 2
 * ```
 */
export const gammaCoordinate: CoordinateFamily = {
  name: 'Gamma',
  paramNames: Object.freeze(['logShape', 'logMean']),
  numParams: 2,
  noiseSize: 1,
  noiseDependsOnParams: true,
  locationScale: false,
  naturalNames: Object.freeze(['shape', 'rate']),
  paramUnits: Object.freeze(['positive', 'positive'] as const),

  // The start and the base noise: those of every Gamma(α, 1)-noise family (gamma-noise.ts).
  init: gammaNoise.init,
  locate: gammaNoise.locate,
  drawNoise: gammaNoise.drawNoise,
  noiseFromUniform: gammaNoise.noiseFromUniform,

  forward: (params, o, eps, n) => Math.log(eps[n]) - params[o] + params[o + 1],

  backprop(params, o, eps, n, gU, g) {
    // u = log ε − a + m; du/da = α (dε/dα)/ε − 1 with dε/dα by implicit
    // reparameterization; du/dm = 1.
    const a = Math.exp(params[o]);
    const e = eps[n];
    g[o] += gU * ((a * gammaSampleDerivA(a, e)) / e - 1);
    g[o + 1] += gU;
  },

  logQ(params, o, u) {
    const a = Math.exp(params[o]);
    const b = params[o] - params[o + 1];
    return a * b - lgamma(a) + a * u - Math.exp(b + u);
  },

  logQGradU(params, o, u, out, j) {
    const a = Math.exp(params[o]);
    const b = params[o] - params[o + 1];
    const bz = Math.exp(b + u);
    out[j] = a - bz;
    return a * b - lgamma(a) + a * u - bz;
  },

  addScore(params, o, u, scale, g) {
    // log q = α b − log Γ(α) + α u − e^{b+u} with α = e^a, b = a − m.
    const a = Math.exp(params[o]);
    const b = params[o] - params[o + 1];
    const bz = Math.exp(b + u);
    g[o] += scale * (a * (b + u - digamma(a) + 1) - bz);
    g[o + 1] += scale * (bz - a);
  },

  // H and the control variates depend on ε's law only (u is ±log ε shifted).
  entropy: gammaNoise.entropy,
  addEntropyGrad: gammaNoise.addEntropyGrad,
  features: gammaNoise.features,

  naturalParams(params, o, out) {
    out[o] = Math.exp(params[o]);
    out[o + 1] = Math.exp(params[o] - params[o + 1]);
  },

  naturalGradient(params, o, g) {
    // a = log α, m = log α − log β: ∂/∂α = (∂/∂a + ∂/∂m)/α, ∂/∂β = −∂/∂m / β.
    const ga = g[o];
    const gm = g[o + 1];
    g[o] = (ga + gm) / Math.exp(params[o]);
    g[o + 1] = -gm / Math.exp(params[o] - params[o + 1]);
  },

  distributionFor: (_block, params, o) => new Gamma(Math.exp(params[o]), Math.exp(params[o] - params[o + 1])),

  paramsFromDistribution(dist: ContinuousDistribution) {
    const q = dist as Gamma;
    return [Math.log(q.shape), Math.log(q.shape) - Math.log(q.rate)];
  },
};

/**
 * The `Gamma` guide family: z ~ Gamma(α, β) on a positive latent (exp bijection).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { guide: { z: Gamma }, seed: 1 }).posterior.z; // → Gamma(shape = 1.66…, rate = 1.87…)
 * ```
 */
export const gammaGuide: GuideFamily = {
  cls: Gamma,
  name: 'Gamma',
  fits: { supports: ['positive', 'nonNegative'], label: 'positive', bijection: 'exp' },
  coordinate: () => gammaCoordinate,
};
