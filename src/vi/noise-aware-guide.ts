/**
 * The optional members by which a guide speeds up or sharpens the estimators: log q
 * from the base noise itself, and whole estimates in one fused pass. The estimators
 * take any {@link Guide} and use these when present.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import type { EstimatorWorkspace } from './estimator-workspace';
import type { Guide, GuideControlVariates } from './guide';
import type { CrossControlVariate } from './cross-control-variate';
import type { RowScratch } from './row-scratch';

/**
 * A guide that can also evaluate log q at u = g(θ, ε) from the base noise ε itself
 * (no inverse map): exact where solving ε back from u loses accuracy (e.g. a
 * full-rank Cholesky factor with a small diagonal). The estimators use these
 * when present.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide: NoiseAwareGuide = meanField().build(model);
 * guide.standardNormalNoise;          // → true: ε ~ N(0, 1) on every coordinate
 * guide.reparamFused !== undefined;   // → true: the location–scale guide fuses the estimate
 * ```
 */
export interface NoiseAwareGuide extends Guide {
  /**
   * True when the base noise is i.i.d. N(0, 1) on every coordinate, whatever θ:
   * `drawNoise` is d successive `rng.normal()` calls and `noiseFromUniform` is Φ⁻¹
   * coordinate-wise, so whole blocks of rows can be filled at once.
   */
  readonly standardNormalNoise?: boolean;
  /** log q(u; θ) at u = g(θ, ε). */
  logQFromNoise?(params: Float64Array, eps: Float64Array): number;
  /** log q(u; θ) and ∇ᵤ log q into `out`, at u = g(θ, ε). */
  logQGradUFromNoise?(params: Float64Array, eps: Float64Array, out: Float64Array): number;
  /**
   * The whole reparameterized estimate in one pass over the S noise rows of `ws`
   * (u = g(θ, ε), log q from ε, the pathwise backprop; the score term when
   * `withScore`): the same value and gradient as the generic `pathwise` /
   * `stickingTheLanding` loop, without three guide calls per sample. When
   * `featureMeans` is given, also writes the mean over the rows of the guide's
   * control-variate features (layout of {@link GuideControlVariates.features}).
   */
  reparamFused?(
    model: DifferentiableModel,
    params: Float64Array,
    ws: EstimatorWorkspace,
    grad: Float64Array,
    withScore: boolean,
    featureMeans: Float64Array | undefined,
    crossCv?: CrossControlVariate,
  ): number;
  /**
   * {@link sampleLogWeights} in one pass (noise draw, u, log p̃ − log q per row,
   * drawing the same noise in the same order as `drawNoise`).
   */
  sampleLogWeightsFused?(model: DifferentiableModel, params: Float64Array, rng: Rng, n: number, out: Float64Array, rows: RowScratch): number;
}
