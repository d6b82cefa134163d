/**
 * The contract of one coordinate family of a per-latent (mean-field) guide.
 *
 * A per-latent guide is a product q(u; θ) = Π_j q_j(u_j; θ_j) over the coordinates of
 * the unconstrained vector u, and every factor comes from a {@link CoordinateFamily}:
 * the location–scale family (Normal on u; LogNormal or LogitNormal on the latent's
 * own space), Exponential, Gamma, InverseGamma on z = e^u, and Beta on z = σ(u).
 * The guide builder (`family-guide.ts`) is a loop over the coordinates that calls
 * these methods with the offset `o` of the coordinate's parameters in θ and the
 * offset `n` of its base noise in ε; it knows nothing of any one family.
 *
 * Adding a family is one file that exports a {@link GuideFamily} (the class users
 * name, the latents it fits, its coordinate family) and one line in
 * `registry.ts` (docs/design.md, "Adding a guide family").
 *
 * @module
 */
import type { ContinuousDistribution } from '../../distributions/distribution';
import type { SupportKind } from '../../distributions/support';
import type { LatentBlock } from '../../model/differentiable-model';
import type { Rng } from '../../random/rng';
import type { FamilyClass } from '../guide-types';

/**
 * Control-variate features per coordinate, K: every family writes K functions
 * h_k(ε) of its base noise with E h_k = 0 exactly under the base law at θ.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const h = new Float64Array(guide.dim * CV_PER_COORD); // the features of one noise row
 * guide.controlVariates?.features(guide.initialParams(), Float64Array.of(0.5), h);
 * h.length; // → 4: K = 4 features of the one coordinate, z
 * ```
 */
export const CV_PER_COORD = 4;

/**
 * How `fit`'s convergence rule measures a parameter (see `naturalUnits` in
 * convergence.ts): `"location"` in units of min(1, σ) of the coordinate's Gaussian
 * (μ and σ of the location–scale family), `"positive"` for a rate, shape or scale v
 * in the soft unit (v below 1, 1 up to 100, v/100 beyond).
 *
 * @example
 * ```ts
 * const units: readonly ParamUnit[] = ['positive', 'positive']; // a Gamma's shape and rate
 * ```
 */
export type ParamUnit = 'location' | 'positive';

/**
 * One coordinate u of a per-latent guide: its parameters θ (unconstrained reals at
 * offsets o, o + 1, … of the guide's θ), its base noise ε (at offsets n, n + 1, …
 * of a noise row), the map u = g(θ, ε), the density q(u; θ) on the unconstrained
 * line and everything the estimators need of it:
 *
 * | member | formula |
 * | --- | --- |
 * | `forward` | u = g(θ, ε) |
 * | `backprop` | g_θ += g_u · ∂u/∂θ at fixed ε (reparameterized, or implicit for Gamma-based noise: dε/dα = −(∂P/∂α)/f) |
 * | `logQ`, `logQGradU` | log q(u; θ), ∂/∂u log q |
 * | `addScore` | ∂/∂θ log q(u; θ) at fixed u |
 * | `entropy`, `addEntropyGrad` | H = −E log q(u; θ) on the line, ∇θ H |
 * | `features` | K = {@link CV_PER_COORD} control variates h_k(ε), E h_k = 0 exactly |
 * | `naturalParams`, `naturalGradient` | θ → the fitted distribution's parameters, and the chain rule ∂/∂θ → ∂/∂(those) |
 * | `distributionFor`, `paramsFromDistribution` | θ ↔ the distribution on the latent's own space |
 *
 * No method allocates except `init`, `distributionFor` and
 * `paramsFromDistribution` (not on the per-sample path).
 *
 * @example
 * ```ts
 * import { gammaGuide } from './gamma';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const fam = gammaGuide.coordinate(model.blocks[0]); // the Gamma coordinate family
 * const theta = Float64Array.from(fam.init(0, 0.1));  // → Float64Array [4.605, 0]: log α = log 100, log mean = 0
 * const eps = new Float64Array(fam.noiseSize);
 * fam.drawNoise(theta, 0, new Rng(1), eps, 0);        // ε ~ Gamma(100, 1)
 * const u = fam.forward(theta, 0, eps, 0);            // → -0.1514: u = log ε − log α + log mean
 * fam.logQ(theta, 0, u);                              // → 0.2925: log q(u; θ)
 * ```
 */
export interface CoordinateFamily {
  /** The family's name in messages (`"location–scale"`, `"Gamma"`, …). */
  readonly name: string;
  /** Suffixes of the parameter names: coordinate `w[2]` gets `w[2].<suffix>`. */
  readonly paramNames: readonly string[];
  /** Number of parameters per coordinate (`paramNames.length`). */
  readonly numParams: number;
  /** Number of base-noise values per coordinate (1; Beta: 2, its two Gamma draws). */
  readonly noiseSize: number;
  /** True when the base law depends on θ (implicit reparameterization). */
  readonly noiseDependsOnParams: boolean;
  /**
   * True for the location–scale family: θ = (m, log σ), one N(0, 1) noise value,
   * u = m + σε. A guide whose coordinates all are takes the fused estimators.
   */
  readonly locationScale: boolean;
  /** The fitted distribution's parameter names, in order (`["mu", "sigma"]`, `["shape", "rate"]`, …). */
  readonly naturalNames: readonly string[];
  /** How the convergence rule measures each natural parameter (same order). */
  readonly paramUnits: readonly ParamUnit[];

  /** θ of a coordinate centred at m on u with spread ≈ s (the guide's start). */
  init(m: number, s: number): readonly number[];
  /** Moves the location parameter(s) so the coordinate is centred at u, keeping its spread. */
  locate(params: Float64Array, o: number, u: number): void;
  /** Draws the coordinate's base noise into eps[n …]. */
  drawNoise(params: Float64Array, o: number, rng: Rng, eps: Float64Array, n: number): void;
  /** Maps uniforms in (0, 1) at uniform[n …] to base noise at eps[n …] by the inverse CDF (the arrays may be the same). */
  noiseFromUniform(params: Float64Array, o: number, uniform: Float64Array, eps: Float64Array, n: number): void;
  /** u = g(θ, ε). */
  forward(params: Float64Array, o: number, eps: Float64Array, n: number): number;
  /** g[o …] += gU · ∂u/∂θ at u = g(θ, ε) (gU already scaled). */
  backprop(params: Float64Array, o: number, eps: Float64Array, n: number, gU: number, g: Float64Array): void;
  /** log q(u; θ). */
  logQ(params: Float64Array, o: number, u: number): number;
  /** Writes ∂/∂u log q(u; θ) into out[j] and returns log q(u; θ). */
  logQGradU(params: Float64Array, o: number, u: number, out: Float64Array, j: number): number;
  /** g[o …] += scale · ∂θ log q(u; θ) at fixed u. */
  addScore(params: Float64Array, o: number, u: number, scale: number, g: Float64Array): void;
  /** H = −E_q log q(u; θ) on the unconstrained line. */
  entropy(params: Float64Array, o: number): number;
  /** g[o …] += scale · ∇θ H. */
  addEntropyGrad(params: Float64Array, o: number, scale: number, g: Float64Array): void;
  /** Writes the K control-variate features of the noise at eps[n …] into out[k … k + K). */
  features(params: Float64Array, o: number, eps: Float64Array, n: number, out: Float64Array, k: number): void;
  /** Writes the fitted distribution's parameters (`naturalNames`) into out[o …]. */
  naturalParams(params: Float64Array, o: number, out: Float64Array): void;
  /** Converts g[o …] in place from ∂/∂θ to ∂/∂(natural parameters), by the chain rule. */
  naturalGradient(params: Float64Array, o: number, g: Float64Array): void;
  /** The fitted distribution of the latent's element (on its own space). */
  distributionFor(block: LatentBlock, params: Float64Array, o: number): ContinuousDistribution;
  /**
   * θ of the coordinate that reproduces `dist` (the inverse of `distributionFor`);
   * throws a `TypeError` naming `coord` when `dist` cannot live on the block.
   */
  paramsFromDistribution(dist: ContinuousDistribution, block: LatentBlock, coord: string): readonly number[];
}

/**
 * Which latents a guide family fits: the support kinds, how messages name them,
 * and the bijection the latent must use (the family's density lives on u = T⁻¹(z)
 * for that T).
 *
 * @example
 * ```ts
 * const fit: LatentFit = { supports: ['positive', 'nonNegative'], label: 'positive', bijection: 'exp' };
 * ```
 */
export interface LatentFit {
  /** The support kinds of latents it fits (`block.support.kind`). */
  readonly supports: readonly SupportKind[];
  /** How messages name its support (`"real"`, `"positive"`, `"an interval"`, `"(0, 1)"`). */
  readonly label: string;
  /** The bijection's name the latent must use, when the family needs one (`"exp"`, `"logit"`). */
  readonly bijection?: string;
}

/**
 * A guide family as users name it, by its class (`{ z: Gamma }`): the latents it
 * fits and the coordinate family of each of its elements. Each family file exports
 * one (the location–scale file three: Normal, LogNormal, LogitNormal);
 * `registry.ts` lists them.
 *
 * @example
 * ```ts
 * import { gammaGuide } from './gamma';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * gammaGuide.cls === Gamma;                            // → true: the class a guide record names, { z: Gamma }
 * gammaGuide.fits.supports;                            // → ["positive", "nonNegative"]
 * gammaGuide.coordinate(model.blocks[0]).paramNames;   // → ["logShape", "logMean"]
 * ```
 */
export interface GuideFamily {
  /** The class users name in a guide record. */
  readonly cls: FamilyClass;
  /** Its name in messages and saved fits (`"Gamma"`). */
  readonly name: string;
  /** The latents it fits. */
  readonly fits: LatentFit;
  /** The coordinate family of an element of `block` (the block's support and bijection have been checked). */
  coordinate(block: LatentBlock): CoordinateFamily;
}
