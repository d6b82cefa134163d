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
 * entropy and the control variates are the Gamma family's. The second parameter is
 * the log of β/α = 1/E[1/z], the harmonic mean of z, which sits at the centre of u
 * (E u = log β − ψ(α) ≈ h + 1/(2α)): as for the Gamma's log mean, the well-determined
 * location and the shape are then separate axes for the optimizer.
 *
 * @module
 */
import type { ContinuousDistribution } from '../../distributions/distribution';
import { InverseGamma } from '../../distributions/inverse-gamma';
import { digamma, lgamma, trigamma } from '../../math/gamma-functions';
import { gammaPInv, gammaSampleDerivA } from '../../math/incomplete-gamma';
import type { CoordinateFamily, GuideFamily } from './coordinate-family';

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

  // Var[u] = ψ′(α) ≈ 1/α: shape 1/s²; the harmonic mean at the location.
  init: (m, s) => [Math.log(1 / (s * s)), m],

  locate(params, o, u) {
    params[o + 1] = u;
  },

  drawNoise(params, o, rng, eps, n) {
    eps[n] = Math.max(rng.gamma(Math.exp(params[o])), Number.MIN_VALUE);
  },

  noiseFromUniform(params, o, uniform, eps, n) {
    eps[n] = Math.max(gammaPInv(Math.exp(params[o]), uniform[n]), Number.MIN_VALUE);
  },

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

  entropy(params, o) {
    const a = Math.exp(params[o]);
    return a + lgamma(a) - a * digamma(a);
  },

  addEntropyGrad(params, o, scale, g) {
    // dH/da = α·dH/dα = α(1 − αψ′(α)).
    const a = Math.exp(params[o]);
    g[o] += scale * a * (1 - a * trigamma(a));
  },

  features(params, o, eps, n, out, k) {
    const a = Math.exp(params[o]);
    const e = eps[n];
    out[k] = e - a;
    out[k + 1] = e * e - a * (a + 1);
    out[k + 2] = e * e * e - a * (a + 1) * (a + 2);
    out[k + 3] = Math.log(e) - digamma(a);
  },

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
