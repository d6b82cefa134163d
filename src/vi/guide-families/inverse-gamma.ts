/**
 * The InverseGamma guide family on a positive latent z = e^u:
 *
 * z ~ InverseGamma(α, β) (1/z ~ Gamma(α, rate β)), θ = (a = log α, h = log(β/α)),
 * u = a + h − log ε with ε ~ Gamma(α, 1) (so z = β/ε),
 * log q(u) = αt − e^t − log Γ(α) with t = log β − u (log β = a + h),
 * H = α + log Γ(α) − αψ(α).
 *
 * u is the Gamma coordinate reflected (u ↦ −u), so the base noise, its implicit
 * reparameterization dε/dα = −(∂P/∂α)(α, ε)/f(ε; α) (`gammaSampleDerivA`), the
 * entropy and the control variates are the Gamma family's (the shared members are in
 * gamma-noise.ts). The second parameter is
 * the log of β/α = 1/E[1/z], the harmonic mean of z, which sits at the centre of u
 * (E u = log β − ψ(α) ≈ h + 1/(2α)): as for the Gamma's log mean, the well-determined
 * location and the shape are then separate axes for the optimizer.
 *
 * @module
 */
import type { ContinuousDistribution } from '../../distributions/distribution';
import { InverseGamma } from '../../distributions/inverse-gamma';
import { digamma, lgamma } from '../../math/gamma-functions';
import { gammaSampleDerivA } from '../../math/incomplete-gamma';
import type { CoordinateFamily, GuideFamily } from './coordinate-family';
import { gammaNoise } from './gamma-noise';

/**
 * The InverseGamma coordinate family. Control variates of ε ~ Gamma(α, 1):
 * ε − α, ε² − α(α + 1), ε³ − α(α + 1)(α + 2), log ε − ψ(α).
 *
 * @example
 * ```ts
 * const out = new Float64Array(2);
 * inverseGammaCoordinate.naturalParams(Float64Array.of(Math.log(4), Math.log(0.5)), 0, out); // θ = (log α, log(β/α))
 * out; // → Float64Array [4, 2]: shape α = 4, scale β = 0.5α = 2
 * ```
 */
export const inverseGammaCoordinate: CoordinateFamily = {
  name: 'InverseGamma',
  paramNames: Object.freeze(['logShape', 'logHarmonicMean']),
  numParams: 2,
  noiseSize: 1,
  noiseDependsOnParams: true,
  locationScale: false,
  naturalNames: Object.freeze(['shape', 'scale']),
  paramUnits: Object.freeze(['positive', 'positive'] as const),

  // The start and the base noise: those of every Gamma(α, 1)-noise family (gamma-noise.ts).
  init: gammaNoise.init,
  locate: gammaNoise.locate,
  drawNoise: gammaNoise.drawNoise,
  noiseFromUniform: gammaNoise.noiseFromUniform,

  forward: (params, o, eps, n) => params[o] + params[o + 1] - Math.log(eps[n]),

  backprop(params, o, eps, n, gU, g) {
    // u = a + h − log ε: du/da = 1 − α (dε/dα)/ε (implicit dε/dα), du/dh = 1.
    const a = Math.exp(params[o]);
    const e = eps[n];
    g[o] += gU * (1 - (a * gammaSampleDerivA(a, e)) / e);
    g[o + 1] += gU;
  },

  logQ(params, o, u) {
    const a = Math.exp(params[o]);
    const t = params[o] + params[o + 1] - u;
    return a * t - Math.exp(t) - lgamma(a);
  },

  logQGradU(params, o, u, out, j) {
    const a = Math.exp(params[o]);
    const t = params[o] + params[o + 1] - u;
    const et = Math.exp(t);
    out[j] = et - a;
    return a * t - et - lgamma(a);
  },

  addScore(params, o, u, scale, g) {
    // log q = αt − e^t − log Γ(α), α = e^a, t = a + h − u: ∂a = α(t + 1 − ψ(α)) − e^t, ∂h = α − e^t.
    const a = Math.exp(params[o]);
    const t = params[o] + params[o + 1] - u;
    const et = Math.exp(t);
    g[o] += scale * (a * (t + 1 - digamma(a)) - et);
    g[o + 1] += scale * (a - et);
  },

  // H and the control variates depend on ε's law only (u is ±log ε shifted).
  entropy: gammaNoise.entropy,
  addEntropyGrad: gammaNoise.addEntropyGrad,
  features: gammaNoise.features,

  naturalParams(params, o, out) {
    out[o] = Math.exp(params[o]);
    out[o + 1] = Math.exp(params[o] + params[o + 1]);
  },

  naturalGradient(params, o, g) {
    // a = log α, h = log β − log α: ∂/∂α = (∂/∂a − ∂/∂h)/α, ∂/∂β = ∂/∂h / β.
    const ga = g[o];
    const gh = g[o + 1];
    g[o] = (ga - gh) / Math.exp(params[o]);
    g[o + 1] = gh / Math.exp(params[o] + params[o + 1]);
  },

  distributionFor: (_block, params, o) => new InverseGamma(Math.exp(params[o]), Math.exp(params[o] + params[o + 1])),

  paramsFromDistribution(dist: ContinuousDistribution) {
    const q = dist as InverseGamma;
    return [Math.log(q.shape), Math.log(q.scale) - Math.log(q.shape)];
  },
};

/**
 * The `InverseGamma` guide family: z ~ InverseGamma(α, β) on a positive latent (exp
 * bijection), e.g. a scale with a heavy right tail.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { sigma: new InverseGamma(3, 2) }, likelihood: ({ sigma }) => new Normal(0, sigma), data: [0.5, -1.2, 0.8] });
 * fit(model, { guide: { sigma: InverseGamma }, seed: 1 }).posterior.sigma; // → InverseGamma(shape = 9.15…, scale = 7.72…)
 * ```
 */
export const inverseGammaGuide: GuideFamily = {
  cls: InverseGamma,
  name: 'InverseGamma',
  fits: { supports: ['positive', 'nonNegative'], label: 'positive', bijection: 'exp' },
  coordinate: () => inverseGammaCoordinate,
};
