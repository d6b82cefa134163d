/**
 * One guarded optimization step of a fit: the ELBO gradient on the step's base
 * samples (with control variates when on), an optimizer update, and the bookkeeping
 * a rejected step needs (the parameters before it).
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import { createNoiseSource, type BaseSamples, type NoiseSource } from './base-samples';
import type { DataSubsampler } from './data-subsampler';
import type { ControlVariateState } from './control-variates';
import type { CrossControlVariate } from './cross-control-variate';
import { createWorkspace, type EstimatorWorkspace } from './estimator-workspace';
import { pathwise, stickingTheLanding, type ElboEstimator } from './estimators';
import type { NoiseAwareGuide } from './noise-aware-guide';
import { allFinite } from './finite';
/**
 * One guarded optimization step: estimate, check, update, check. Returns the ELBO
 * estimate, or NaN when the step was rejected (θ unchanged).
 */
export class Stepper {
  readonly grad: Float64Array;
  readonly prev: Float64Array;
  readonly ws: EstimatorWorkspace;
  readonly noise: NoiseSource;
  /** Control variates applied to the gradient (set for the optimize phase). */
  cv: ControlVariateState | undefined;
  /** Cross-coordinate control variates of the fused mean-field estimator (optimize phase). */
  crossCv: CrossControlVariate | undefined;
  /** Data subsampling of each step's gradient (`batchSize`); checks see every datum. */
  subsampler: DataSubsampler | undefined;

  /** The guide's fused estimator stands in for `estimator` (STL or pathwise). */
  readonly fused: boolean;
  readonly withScore: boolean;

  constructor(
    readonly model: DifferentiableModel,
    readonly guide: NoiseAwareGuide,
    readonly estimator: ElboEstimator,
    samples: number,
    baseSamples: BaseSamples,
  ) {
    this.withScore = estimator === pathwise;
    this.fused = guide.reparamFused !== undefined && (estimator === stickingTheLanding || estimator === pathwise);
    this.noise = createNoiseSource(guide, baseSamples);
    this.grad = new Float64Array(guide.numParams);
    this.prev = new Float64Array(guide.numParams);
    this.ws = createWorkspace(guide, samples);
  }

  /**
   * The ELBO gradient estimate at `params` (S draws from `rng`) into `out`, without
   * stepping; returns the ELBO estimate. No control variates: their state learns
   * from every gradient it corrects, and a check must not change the fit.
   */
  gradientAt(params: Float64Array, rng: Rng, out: Float64Array): number {
    this.noise.fill(params, rng, this.ws);
    const v = this.fused
      ? this.guide.reparamFused!(this.model, params, this.ws, out, this.withScore, undefined)
      : this.estimator.estimate(this.model, this.guide, params, this.ws, out);
    return Number.isFinite(v) && allFinite(out) ? v : NaN;
  }

  /** Returns the estimate (finite) or a non-finite value for a rejected step. */
  step(params: Float64Array, rng: Rng, state: { step(p: Float64Array, g: Float64Array, lr: number, t: number): void }, lr: number, t: number): number {
    this.noise.fill(params, rng, this.ws);
    const cv = this.cv;
    const sub = this.subsampler;
    let v: number;
    sub?.draw();
    try {
      if (this.fused) {
        // One pass: estimate, gradient and the control-variate feature means.
        v = this.guide.reparamFused!(this.model, params, this.ws, this.grad, this.withScore, cv?.h, this.crossCv);
      } else {
        v = this.estimator.estimate(this.model, this.guide, params, this.ws, this.grad);
      }
    } finally {
      sub?.clear();
    }
    if (!Number.isFinite(v) || !allFinite(this.grad)) return Number.isFinite(v) ? NaN : v;
    if (cv !== undefined) {
      if (this.fused) cv.applyMeans(this.grad);
      else cv.apply(params, this.ws, this.grad);
    }
    const prev = this.prev;
    for (let i = 0; i < prev.length; i++) prev[i] = params[i];
    state.step(params, this.grad, lr, t);
    if (!allFinite(params)) {
      params.set(this.prev);
      return NaN;
    }
    return v;
  }
}

