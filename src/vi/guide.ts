/**
 * The variational family contract. A guide is a family of densities q(u; θ) on the
 * model's unconstrained space ℝᵈ (u = T⁻¹(z) block by block), with a flat,
 * unconstrained parameter vector θ (log-scales, log-rates, …) and everything a
 * reparameterized ELBO estimator needs:
 *
 * - u = g(θ, ε) from base noise ε (`drawNoise`, `forward`);
 * - log q(u; θ) and ∇ᵤ log q(u; θ) (`logQ`, `logQGradU`);
 * - the score ∂θ log q(u; θ) at fixed u (`addScore`);
 * - the pathwise vector–Jacobian product (∂u/∂θ)ᵀ g (`backprop`);
 * - the analytic entropy H[q] on ℝᵈ and its gradient, where one exists;
 * - the fitted `posterior`: per latent a distribution on the latent's own space.
 *
 * Working on ℝᵈ for every family means log p(z, D) − log q(z) is evaluated as
 * logDensity(u) − log q_u(u), where both sides carry the same log-Jacobian
 * log|T′(u)|, so it cancels exactly: a Gamma guide on z is the density of u = log z.
 *
 * @module
 */
import type { ContinuousDistribution } from '../distributions/distribution';
import type { DifferentiableModel, LatentBlock } from '../model/differentiable-model';
import type { Rng } from '../random/rng';

/**
 * A distribution, or one per element for a plate latent.
 *
 * @example
 * ```ts
 * const z: PosteriorValue = new LogNormal(-0.32, 0.66);
 * const w: PosteriorValue = [new Normal(0, 1), new Normal(1, 1)];
 * ```
 */
export type PosteriorValue = ContinuousDistribution | readonly ContinuousDistribution[];

/**
 * The fitted posterior: for every latent, a distribution object on its own space
 * (an array of them for a plate).
 *
 * @example
 * ```ts
 * const post: Posterior = { z: new LogNormal(-0.32, 0.66) };
 * ```
 */
export type Posterior = Record<string, PosteriorValue>;

/**
 * A Gaussian N(mean, covariance) on the unconstrained space ℝᵈ, as given by the
 * mean-field and full-rank guides (row-major d×d covariance).
 *
 * @example
 * ```ts
 * const g: UnconstrainedGaussian = { mean: Float64Array.of(0), covariance: Float64Array.of(1), names: ['z'] };
 * ```
 */
export interface UnconstrainedGaussian {
  /** Mean vector m. */
  readonly mean: Float64Array;
  /** Covariance Σ = L Lᵀ, row-major d×d. */
  readonly covariance: Float64Array;
  /** Coordinate names, e.g. `"z"` or `"w[2]"`. */
  readonly names: readonly string[];
}

/**
 * A variational family bound to a model: the operations the ELBO estimators use.
 * All vectors are caller-owned; no method allocates (except `posterior` and
 * `initialParams`).
 *
 * @example
 * ```ts
 * import { Exponential, Model, Normal, Rng } from 'varinf';
 * import { meanField } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = guide.initialParams();
 * const eps = new Float64Array(guide.dim), u = new Float64Array(guide.dim);
 * guide.drawNoise(theta, new Rng(1), eps);
 * guide.forward(theta, eps, u);       // u ~ q(·; θ)
 * guide.logQ(theta, u);               // log q(u; θ)
 * ```
 */
export interface Guide {
  /** `"meanField"`, `"fullRank"` or `"family"` (per-latent families). */
  readonly kind: string;
  /** Dimension d of u (the model's `dim`). */
  readonly dim: number;
  /**
   * Optional: the length of one base-noise row ε, when it is not d (a Beta guide
   * draws two Gamma variates per coordinate). Default d. Workspaces, RQMC points and
   * joint draws size their noise rows by it.
   */
  readonly noiseDim?: number;
  /** Number of variational parameters. */
  readonly numParams: number;
  /** A name per parameter, e.g. `"z.mu"`, `"z.logSigma"`, `"w[1].logRate"`. */
  readonly paramNames: readonly string[];
  /** The latent each parameter belongs to (for error messages). */
  readonly paramLatent: readonly string[];
  /** The latent each coordinate of u belongs to. */
  readonly coordLatent: readonly string[];
  /**
   * True when `entropy` is exact (all families here have closed-form entropies on ℝᵈ).
   * @deprecated Never read: every estimator takes `entropy` as exact. Optional now,
   * to be removed; custom guides may leave it out.
   */
  readonly hasAnalyticEntropy?: boolean;
  /** True when `drawNoise` depends on θ (Gamma: implicit reparameterization). */
  readonly noiseDependsOnParams: boolean;
  /** A fresh initial parameter vector. */
  initialParams(): Float64Array;
  /** Fills `eps` (length `noiseDim`, default d) with base noise for one sample. */
  drawNoise(params: Float64Array, rng: Rng, eps: Float64Array): void;
  /**
   * Maps one row of `noiseDim` (default d) uniforms in (0, 1) to base noise by the inverse CDF of each
   * coordinate's base law (Φ⁻¹ for Gaussian noise, −log(1 − U) for Exp(1), the
   * Gamma(α, 1) quantile for Gamma guides): the entry point for randomized
   * quasi-Monte Carlo base samples. `uniform` and `eps` may be the same array.
   */
  noiseFromUniform(params: Float64Array, uniform: Float64Array, eps: Float64Array): void;
  /** u = g(θ, ε). */
  forward(params: Float64Array, eps: Float64Array, u: Float64Array): void;
  /** log q(u; θ) on ℝᵈ. */
  logQ(params: Float64Array, u: Float64Array): number;
  /** Writes ∇ᵤ log q(u; θ) into `out`, returns log q(u; θ). */
  logQGradU(params: Float64Array, u: Float64Array, out: Float64Array): number;
  /** g += scale · ∂θ log q(u; θ) at fixed u. */
  addScore(params: Float64Array, u: Float64Array, scale: number, g: Float64Array): void;
  /** g += scale · (∂u/∂θ)ᵀ gU at u = g(θ, ε). */
  backprop(params: Float64Array, eps: Float64Array, u: Float64Array, gU: Float64Array, scale: number, g: Float64Array): void;
  /** H[q] = −E_q[log q(u)] on ℝᵈ. */
  entropy(params: Float64Array): number;
  /** g += scale · ∇θ H[q]. */
  addEntropyGrad(params: Float64Array, scale: number, g: Float64Array): void;
  /** The posterior on the latents' own spaces. */
  posterior(params: Float64Array): Posterior;
  /** For Gaussian guides on ℝᵈ, the joint mean and covariance; otherwise undefined. */
  gaussian(params: Float64Array): UnconstrainedGaussian | undefined;
  /**
   * Optional: writes the parameters on the scale the user reads, those of the
   * fitted distributions (μ and σ of a Normal/LogNormal, shape and rate of a Gamma,
   * rate of an Exponential), into `out` (length `numParams`, same order as θ).
   * `fit`'s convergence rule measures standard errors and drift on this scale;
   * without it, on θ itself.
   */
  naturalParams?(params: Float64Array, out: Float64Array): void;
  /**
   * Optional: how the convergence rule measures each natural parameter (length
   * `numParams`): `"location"` in units of min(1, σ), `"positive"` in the soft unit
   * of a rate, shape or scale (see `naturalUnits`). Without it, read off the names.
   *
   * @internal
   */
  readonly paramUnits?: readonly ('location' | 'positive')[];
  /**
   * Optional: moves the location parameters in `params` so that coordinate j is
   * centred at u[j], keeping the spreads (`fit`'s `init` values for per-latent
   * guides). Without it, read off the names.
   *
   * @internal
   */
  locateAt?(params: Float64Array, u: Float64Array): void;
  /** Optional control variates of the base noise (see {@link GuideControlVariates}). */
  readonly controlVariates?: GuideControlVariates;
}

/**
 * Control variates of a guide's base noise: per coordinate j of u, `perCoord`
 * functions h_jk(ε) whose expectation under the base law at θ is exactly 0
 * (e.g. ε − α, ε² − α(α + 1), log ε − ψ(α) for ε ~ Gamma(α, 1)). `fit` subtracts
 * c·h̄ from the gradient of every parameter of coordinate j, with c regressed on
 * earlier steps, so the gradient stays unbiased while its variance drops.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const cv = guide.controlVariates!;
 * const h = new Float64Array(guide.dim * cv.perCoord);
 * cv.features(guide.initialParams(), Float64Array.of(0.5), h); // h[j * cv.perCoord + k] = h_jk(ε_j)
 * h; // → Float64Array [0.5, -0.75, 0.04626, 0.08497]: ε, ε² − 1, e^{σε} − e^{σ²/2}, e^{2σε} − e^{2σ²} at σ = 0.1
 * ```
 */
export interface GuideControlVariates {
  /** Number of features per coordinate, K. */
  readonly perCoord: number;
  /** The coordinate j of u each parameter belongs to (length `numParams`). */
  readonly paramCoord: Int32Array;
  /** Writes the d·K features of one noise row ε into `out` (row-major by coordinate). */
  features(params: Float64Array, eps: Float64Array, out: Float64Array): void;
}

/**
 * A guide description not yet bound to a model: `meanField()`, `fullRank()`, or
 * the result of {@link families}. `fit` binds it with `build(model)`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const spec: GuideSpec = meanField();
 * spec.kind; // → "meanField"
 * const guide = spec.build(model);
 * guide.paramNames; // → ["z.mu", "z.logSigma"]
 * ```
 */
export interface GuideSpec {
  /** `"meanField"`, `"fullRank"` or `"family"`. */
  readonly kind: string;
  /** Binds the description to a model; throws when a family does not fit a latent. */
  build(model: DifferentiableModel): Guide;
}

/**
 * The spec of a Gaussian guide on the unconstrained space, `meanField()` or
 * `fullRank()`: every latent's posterior is the Gaussian's marginal pushed through
 * the latent's bijection (Normal, LogNormal or LogitNormal).
 *
 * @example
 * ```ts
 * const spec: GaussianGuideSpec = fullRank();
 * ```
 */
export interface GaussianGuideSpec extends GuideSpec {
  /** `"meanField"` or `"fullRank"`. */
  readonly kind: 'meanField' | 'fullRank';
}

/**
 * The spec `families(record)` returns: per-latent families, the default Gaussian
 * coordinates for the latents the record leaves out.
 *
 * @example
 * ```ts
 * import { families } from 'varinf/vi';
 * const spec: FamiliesSpec<{ z: typeof Gamma }> = families({ z: Gamma });
 * spec.kind;                // → "family"
 * spec.families.z === Gamma; // → true
 * ```
 */
export interface FamiliesSpec<R> extends GuideSpec {
  /** `"family"`. */
  readonly kind: 'family';
  /** The record it was built from. */
  readonly families: R;
}

/**
 * The length of one base-noise row of a guide: `noiseDim`, or d when it has none.
 *
 * @example
 * ```ts
 * import { families } from 'varinf/vi';
 * const model = new Model({ prior: { p: new Beta(2, 2) }, likelihood: ({ p }) => new Binomial(10, p), data: [3] });
 * noiseDimOf(meanField().build(model)); // → 1: d, one N(0, 1) value per coordinate
 * const guide = families({ p: Beta }).build(model);
 * noiseDimOf(guide);                    // → 2: a Beta coordinate draws two Gamma variates
 * const eps = new Float64Array(noiseDimOf(guide)); // one noise row
 * ```
 * @internal
 */
export function noiseDimOf(guide: Guide): number {
  return guide.noiseDim ?? guide.dim;
}

/**
 * Human-readable name of coordinate k of a block: `"z"` or `"w[2]"`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1), w: plate(new Normal(0, 1), 3) }, likelihood: ({ z, w }) => new Normal(sum(w), z), data: [1.3] });
 * coordName(model.blocks[0], 0); // → "z"
 * coordName(model.blocks[1], 2); // → "w[2]"
 * ```
 */
export function coordName(block: LatentBlock, k: number): string {
  return block.scalar ? block.name : `${block.name}[${k}]`;
}

/**
 * Checks the blocks of a model cover 0..dim−1 in order; returns them.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1), w: plate(new Normal(0, 1), 3) }, likelihood: ({ z, w }) => new Normal(sum(w), z), data: [1.3] });
 * checkBlocks(model).map((b) => [b.name, b.offset, b.size]); // → [["z", 0, 1], ["w", 1, 3]]
 * ```
 */
export function checkBlocks(model: DifferentiableModel): readonly LatentBlock[] {
  let off = 0;
  for (const b of model.blocks) {
    if (b.offset !== off || !(b.size >= 1)) {
      throw new RangeError(`vi: model blocks must cover 0..dim-1 in order; block "${b.name}" has offset ${b.offset}, size ${b.size}, expected offset ${off}`);
    }
    off += b.size;
  }
  if (off !== model.dim) throw new RangeError(`vi: model blocks cover ${off} coordinates but dim is ${model.dim}`);
  return model.blocks;
}
