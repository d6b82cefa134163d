/**
 * What the Gamma and InverseGamma coordinate families share: both draw the base
 * noise ε ~ Gamma(α, 1) with α = e^{θ_o} (θ_o the log shape, θ_{o+1} a location on
 * u) and map it by u = ±log ε + c (InverseGamma is the Gamma coordinate reflected).
 * So the noise draws, the inverse-CDF map, the start, the control variates (functions
 * of ε alone) and the entropy are the same: a shift and a reflection of u keep its
 * entropy, that of log ε. Each family keeps its own forward map, density and
 * gradients, which differ in sign.
 *
 * The members are plain functions that both families' objects hold directly (no
 * wrapper, no closure), so a call through either family reaches the same function.
 *
 * @module
 */
import { digamma, lgamma, trigamma } from '../../math/gamma-functions';
import { gammaPInv } from '../../math/incomplete-gamma';
import type { CoordinateFamily } from './coordinate-family';

/** The members of a coordinate family with Gamma(α, 1) base noise that do not depend on the sign of u. */
type GammaNoiseMembers = Pick<CoordinateFamily, 'init' | 'locate' | 'drawNoise' | 'noiseFromUniform' | 'entropy' | 'addEntropyGrad' | 'features'>;

/**
 * The shared members of the Gamma and InverseGamma coordinate families: θ =
 * (log α, location), ε ~ Gamma(α, 1), H = α + log Γ(α) − αψ(α), control variates
 * ε − α, ε² − α(α + 1), ε³ − α(α + 1)(α + 2), log ε − ψ(α).
 *
 * @example
 * ```ts
 * const theta = Float64Array.from(gammaNoise.init(0, 0.5)); // → Float64Array [1.386, 0]: α = 1/0.5² = 4
 * gammaNoise.entropy(theta, 0);                            // → 0.7673: α + log Γ(α) − αψ(α) at α = 4
 * const eps = new Float64Array(1);
 * gammaNoise.noiseFromUniform(theta, 0, Float64Array.of(0.5), eps, 0);
 * eps[0];                                                  // → 3.672: the median of Gamma(4, 1)
 * ```
 */
export const gammaNoise: GammaNoiseMembers = {
  // u = ±log ε + c has Var[u] = ψ′(α) ≈ 1/α: shape 1/s², the location parameter at m.
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
};
