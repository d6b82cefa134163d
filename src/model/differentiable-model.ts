/**
 * The small interface the VI module consumes. `Model` implements it; a user can
 * implement it by hand for a custom model (for instance a hand-fused likelihood).
 *
 * The parameter vector u ∈ ℝᵈ is the *unconstrained* image of the latents: each
 * latent z = T(u) through the bijection of its support (identity for ℝ, exp for
 * (0, ∞)), laid out block after block in declaration order. The density is
 * log p(T(u), x = D) + log|det J_T(u)|, so that integrating exp of it over ℝᵈ
 * gives the evidence p(D).
 *
 * @module
 */
import type { Support } from '../distributions/support';
import type { Bijection } from '../distributions/transforms';

/**
 * Where one named latent sits in the flat unconstrained vector.
 *
 * @example
 * ```ts
 * import { Exponential, Model, Normal } from 'varinf';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const block: LatentBlock = model.blocks[0]; // → { name: "z", offset: 0, size: 1, scalar: true, … }
 * block.support.kind;   // → "nonNegative"
 * block.bijection.name; // → "exp"
 * ```
 */
export interface LatentBlock {
  /** The latent's name in the model's `prior`. */
  readonly name: string;
  /** Index of the block's first coordinate in the flat vector. */
  readonly offset: number;
  /** Number of coordinates (1 for a scalar latent, d for a plate of length d). */
  readonly size: number;
  /** True for a scalar latent (value `number`), false for a plate (`Float64Array`). */
  readonly scalar: boolean;
  /** Support of every element of the latent. */
  readonly support: Support;
  /** Map from the unconstrained coordinate to the latent's value, elementwise. */
  readonly bijection: Bijection;
}

/**
 * A differentiable log-density on ℝᵈ: what every ELBO estimator needs.
 *
 * @example
 * ```ts
 * // Hand-written seed model z ~ Exponential(1), x | z ~ Normal(z, 1), x = 1.3,
 * // on u = log z:  log p(e^u, x) + u.
 * const target: DifferentiableModel = {
 *   dim: 1,
 *   blocks: [{ name: 'z', offset: 0, size: 1, scalar: true, support: nonNegative, bijection: expBijection }],
 *   logDensity(u) { const z = Math.exp(u[0]); return -z - 0.5 * (1.3 - z) ** 2 - 0.9189385332046727 + u[0]; },
 *   logDensityGradient(u, g) {
 *     const z = Math.exp(u[0]);
 *     g[0] = (-1 + (1.3 - z)) * z + 1;
 *     return -z - 0.5 * (1.3 - z) ** 2 - 0.9189385332046727 + u[0];
 *   },
 * };
 * // The same density as the Model of the seed model:
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const u = Float64Array.of(0.2);
 * Math.abs(target.logDensity(u) - model.logDensity(u)) < 1e-14; // → true
 * ```
 */
export interface DifferentiableModel {
  /** Dimension d of the unconstrained vector. */
  readonly dim: number;
  /** The latents' blocks, in order, covering 0..dim−1 without gaps. */
  readonly blocks: readonly LatentBlock[];
  /**
   * log p(T(u), D) + log|det J_T(u)|. Returns `-Infinity` (never NaN, never a
   * throw) where the latents fall outside the model's support.
   */
  logDensity(u: Float64Array): number;
  /**
   * The same value, with ∂/∂u written into `grad` (length `dim`, overwritten).
   * Exact (analytic or reverse-mode), not finite differences.
   */
  logDensityGradient(u: Float64Array, grad: Float64Array): number;
  /**
   * Optional: {@link DifferentiableModel.logDensity} at `rows` vectors at once, row r
   * in `us[r·dim … (r + 1)·dim)`, its value into `out[r]`. The estimators call it for
   * all the samples of a step when it is there (one call instead of one per sample);
   * it must give what `rows` calls of `logDensity` give.
   */
  logDensityBatch?(us: Float64Array, rows: number, out: Float64Array): void;
  /**
   * Optional: {@link DifferentiableModel.logDensityGradient} at `rows` vectors at
   * once (layout of {@link DifferentiableModel.logDensityBatch}), the gradients into
   * the rows of `grads`.
   */
  logDensityGradientBatch?(us: Float64Array, rows: number, grads: Float64Array, out: Float64Array): void;
  /**
   * Optional, for data subsampling (`fit`'s `batchSize`): the number n of data that
   * {@link DifferentiableModel.setDataSubset} chooses from.
   */
  readonly dataSize?: number;
  /**
   * Optional: from now on, evaluate the likelihood over the data `indices` only and
   * multiply that sum by `scale` (n/B for B indices drawn uniformly: an unbiased
   * estimate of the whole sum); `null` restores the whole data set. A model whose
   * likelihood costs O(1) in n (sufficient statistics) may ignore it.
   */
  setDataSubset?(indices: Int32Array | null, scale: number): void;
}
