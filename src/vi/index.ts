/**
 * varinf/vi: variational inference for any {@link DifferentiableModel} (a `Model`
 * or a hand-written one): `fit` / `fitSteps`, the guides (`meanField`, `fullRank`,
 * per-latent families), the ELBO estimators, optimizers and schedules,
 * `estimateElbo`, `logEvidence`, the PSIS diagnostic `psisKhat`, and `FitError`.
 *
 * @example
 * ```ts
 * import { Exponential, LogNormal, Model, Normal } from 'varinf';
 * import { fit, logEvidence } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: { z: LogNormal }, seed: 1 });
 * r.posterior.z; // → LogNormal(mu = -0.32…, sigma = 0.66…)
 * logEvidence(model, r.posterior, { samples: 10_000, seed: 1 }).value; // ≈ -1.24: exact −1.28141; k̂ is poor for a LogNormal q here (r.diagnostics.khatReading)
 * ```
 *
 * @packageDocumentation
 * @module varinf/vi
 */
export { FitError, type NonFiniteQuantity } from './errors';
export type { DifferentiableModel, LatentBlock } from '../model/differentiable-model';
export type {
  FamiliesSpec,
  GaussianGuideSpec,
  Guide,
  GuideControlVariates,
  GuideSpec,
  Posterior,
  PosteriorValue,
  UnconstrainedGaussian,
} from './guide';
export type {
  ElementOf,
  FamilyClass,
  DefaultPosteriorFor,
  EntryOf,
  ExactGuide,
  NotLatents,
  FamilyFor,
  FamilyForKind,
  FittedElement,
  GuideFamilyOf,
  SupportKindOf,
  GuideOption,
  GuideRecord,
  PositiveFamilyClass,
  IntervalFamilyClass,
  PosteriorOf,
  PosteriorValueOf,
  PriorOf,
} from './guide-types';
export { families, meanField } from './family-guide';
export type { GuideInitOptions } from './guide-init';
export { fullRank } from './full-rank';
export {
  closedFormEntropy,
  estimators,
  iwae,
  pathwise,
  scoreFunction,
  stickingTheLanding,
  type ElboEstimator,
} from './estimators';
export { createWorkspace, type EstimatorWorkspace } from './estimator-workspace';
export { modelGradientRows, modelValueRows } from './model-rows';
export { elboValue } from './log-weights';
export {
  adagrad,
  adam,
  momentum,
  rmsprop,
  sgd,
  type AdamOptions,
  type Optimizer,
  type OptimizerOptions,
  type OptimizerState,
} from './optimizers';
export { constant, inverseSqrt, polynomialDecay, stepDecay, type Schedule } from './schedules';
export { fit, fitSteps } from './fit';
export type { ConvergenceOptions } from './convergence-options';
export type { EagerDiagnostics, FitDiagnostics, StepSizeTrial } from './fit-diagnostics';
export type { FitOptions } from './fit-options';
export type { FitProgress } from './fit-progress';
export type { StepSizeSearchOptions } from './step-size-search-options';
export { FitResult, type FitResultInit } from './fit-result';
export type { Evaluated, EvaluationSource } from './lazy-evaluation';
export type {
  FitResultJSON,
  EstimateJSON,
  EvaluatedJSON,
  EvaluationJSON,
  GuideJSON,
  LatentJSON,
  JsonNumber,
} from './fit-result-json';
export { UnknownOptionError } from './check-options';
export type { AbortSignalLike } from './abort';
export { FIT_ASYNC_SLICE_MS, fitAsync } from './fit-async';
export { predictive, type PredictiveModel, type PredictiveOptions } from './predictive';
export { restoreFit, type RestoreOptions } from './restore';
export { type JointSamples, type SampleOptions } from './joint-sample';
export { quantileSorted, type SummaryOptions, type SummaryRow } from './summary';
export {
  estimateElbo,
  logEvidence,
  logMeanExpWithStderr,
  type ElboEstimate,
  type Estimate,
  type EvaluateOptions,
  type EvidenceEstimate,
} from './evaluate';
export { createNoiseSource, type BaseSamples, type NoiseSource } from './base-samples';
export { khatReading, psisKhat, type KhatReading, type ParetoDiagnostic } from './psis';
export { FIT_WARNING_CODES, type FitWarning } from './warnings';
export type { InitOption } from './start';
