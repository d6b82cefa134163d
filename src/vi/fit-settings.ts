/**
 * `fit`'s options resolved: every option checked (an `InvalidParameterError` or
 * `UnknownOptionError` naming the first bad one, before any work) and every default
 * filled in, the guide built for the model. `fit`, `fitSteps` and `fitAsync` run on
 * these settings only.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { invalidOption, positiveIntOption, sizeOption } from './errors';
import { createNoiseSource, isBaseSamples, type BaseSamples } from './base-samples';
import { pathwise, stickingTheLanding, type ElboEstimator } from './estimators';
import { families, meanField } from './family-guide';
import type { Guide, GuideSpec } from './guide';
import type { FamilyClass } from './guide-types';
import { adam, type Optimizer } from './optimizers';
import { checkOptions } from './check-options';
import { isAbortSignal, throwIfAborted, type AbortSignalLike } from './abort';
import { readConvergence, type ConvergenceOptions } from './convergence-options';
import { FIT_OPTION_KEYS, type FitOptions } from './fit-options';
import type { FitProgress } from './fit-progress';
import { readInit, type InitOption } from './start';
import { checkBatchSize } from './data-subsampler';
import { readLadder, readStepSizeSearch, type StepSizeSearchOptions } from './step-size-search-options';

/**
 * {@link FitOptions} resolved by {@link readSettings}: checked, defaults filled in, the
 * guide built.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const s: Settings = readSettings(model, { seed: 1 });
 * s.samples; // → 16
 * ```
 */
export interface Settings {
  guide: Guide;
  baseSamples: BaseSamples;
  controlVariates: boolean;
  estimator: ElboEstimator;
  optimizer: Optimizer;
  samples: number;
  seed: number | bigint;
  maxSteps: number;
  batchSize: number | undefined;
  convergence: Required<ConvergenceOptions> | false;
  search: Required<StepSizeSearchOptions>;
  evalSamples: number;
  maxRetries: number;
  onStep: ((p: FitProgress) => boolean | void) | undefined;
  signal: AbortSignalLike | undefined;
  init: InitOption;
  nonFinite: 'error' | 'warn';
  multimodality: boolean;
}

/**
 * Checks `fit`'s options for `model` and resolves them into {@link Settings}. The
 * checks run in a fixed order (the options record, the signal, the model, the guide,
 * …), so the error names the same option whatever else is wrong.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * readSettings(model, { seed: 1 }).maxSteps; // → 20000
 * readSettings(model, { samples: 0 });       // throws InvalidParameterError: …samples…
 * ```
 */
export function readSettings(model: DifferentiableModel, o: FitOptions<unknown, unknown>): Settings {
  if (o === null || typeof o !== 'object') invalidOption('fit', 'options', 'an object', o);
  checkOptions('fit', o, FIT_OPTION_KEYS);
  const signal = readSignal(o.signal);
  checkFitModel(model);
  const spec = readGuideSpec(o.guide ?? meanField());
  const estimator = o.estimator ?? stickingTheLanding;
  if (typeof estimator?.estimate !== 'function') invalidOption('fit', 'estimator', 'an ElboEstimator', estimator);
  const optimizer = o.optimizer ?? adam();
  if (typeof optimizer?.create !== 'function') invalidOption('fit', 'optimizer', 'an Optimizer', optimizer);
  const seed = o.seed ?? 0;
  if (!(typeof seed === 'bigint' || Number.isSafeInteger(seed))) invalidOption('fit', 'seed', 'an integer', seed);
  const convergence = readConvergence(o.convergence);
  const s = readStepSizeSearch(o.stepSizeSearch);
  const ladder = readLadder(s.ladder);
  if (o.onStep !== undefined && typeof o.onStep !== 'function') invalidOption('fit', 'onStep', 'a function', o.onStep);
  const guide = spec.build(model);
  const baseSamples = readBaseSamples(o.baseSamples, guide, estimator);
  checkSwitches(o);
  return {
    guide,
    baseSamples,
    controlVariates: o.controlVariates ?? true,
    estimator,
    optimizer,
    samples: sizeOption('fit', 'samples', o.samples ?? 16, model.dim),
    seed,
    maxSteps: positiveIntOption('fit', 'maxSteps', o.maxSteps ?? 20_000),
    batchSize: o.batchSize === undefined ? undefined : checkBatchSize(model, o.batchSize),
    convergence,
    search: {
      ladder,
      steps: positiveIntOption('fit', 'stepSizeSearch.steps', s.steps ?? 50),
      // A subsampled fit is for data whose whole passes are dear: its search scores
      // candidates (on common random numbers, so their differences stay resolved) with
      // fewer draws of the whole data.
      evalSamples: sizeOption('fit', 'stepSizeSearch.evalSamples', s.evalSamples ?? (o.batchSize === undefined ? 500 : SUBSAMPLED_SEARCH_SAMPLES)),
    },
    evalSamples: sizeOption('fit', 'evalSamples', o.evalSamples ?? 20_000),
    maxRetries: positiveIntOption('fit', 'maxRetries', o.maxRetries ?? 20),
    onStep: o.onStep,
    signal,
    init: readInit(o.init),
    nonFinite: o.nonFinite ?? 'error',
    multimodality: o.multimodality ?? true,
  };
}

/**
 * Draws per candidate of a subsampled fit's step-size search. Measured on 20 000
 * data (d = 5, B = 500): 500 draws spent 1.7 of the fit's 3.7 s scoring; 100 draws
 * picked the same step size and cut the fit to 2.2 s.
 */
const SUBSAMPLED_SEARCH_SAMPLES = 100;

/** The `signal` option checked; an already-aborted signal throws its reason here, before any work. */
function readSignal(signal: unknown): AbortSignalLike | undefined {
  if (signal !== undefined && !isAbortSignal(signal)) invalidOption('fit', 'signal', 'an AbortSignal', signal);
  throwIfAborted(signal);
  return signal;
}

/** Refuses anything but a model, and a prior its likelihood cannot use. */
function checkFitModel(model: DifferentiableModel): void {
  if (model === null || typeof model !== 'object' || typeof model.logDensityGradient !== 'function' || !Array.isArray(model.blocks)) {
    invalidOption('fit', 'model', 'a Model or DifferentiableModel', model);
  }
  // A prior that does not fit how the likelihood uses its latent (a Normal prior on a
  // scale) would end in a search with no finite ELBO; say so before starting.
  const withCheck = model as { checkPriorSupports?: () => void };
  if (typeof withCheck.checkPriorSupports === 'function') withCheck.checkPriorSupports();
}

/** The `guide` option as a spec: a spec as is, a record of families through `families`. */
function readGuideSpec(g: unknown): GuideSpec {
  if (isSpec(g)) return g;
  if (g !== null && typeof g === 'object') return families(g as Record<string, FamilyClass>);
  return invalidOption('fit', 'guide', 'meanField(), fullRank() or a record of families', g);
}

function isSpec(g: unknown): g is GuideSpec {
  return g !== null && typeof g === 'object' && typeof (g as GuideSpec).build === 'function';
}

/**
 * The `baseSamples` option checked against the built guide and the estimator, or its
 * default: `"rqmc"`, unless the guide's noise depends on its parameters (Gamma-based
 * families, whose inverse-CDF draws cost more than the variance they save).
 */
function readBaseSamples(value: unknown, guide: Guide, estimator: ElboEstimator): BaseSamples {
  if (value !== undefined && !isBaseSamples(value)) invalidOption('fit', 'baseSamples', '"mc", "rqmc" or "rqmc-tilted"', value);
  const baseSamples: BaseSamples = value ?? (guide.noiseDependsOnParams ? 'mc' : 'rqmc');
  if (baseSamples === 'rqmc-tilted') {
    // Importance-weighted rows: only the fused pathwise / STL estimators read the weights.
    if (estimator !== stickingTheLanding && estimator !== pathwise) invalidOption('fit', 'estimator', 'stickingTheLanding or pathwise with baseSamples "rqmc-tilted"', estimator.name);
    createNoiseSource(guide, baseSamples); // throws for a guide without Gaussian base noise
  }
  return baseSamples;
}

/** The boolean and enumerated options checked (their defaults are filled in by {@link readSettings}). */
function checkSwitches(o: FitOptions<unknown, unknown>): void {
  if (o.controlVariates !== undefined && typeof o.controlVariates !== 'boolean') invalidOption('fit', 'controlVariates', 'a boolean', o.controlVariates);
  if (o.nonFinite !== undefined && o.nonFinite !== 'error' && o.nonFinite !== 'warn') invalidOption('fit', 'nonFinite', '"error" or "warn"', o.nonFinite);
  if (o.multimodality !== undefined && typeof o.multimodality !== 'boolean') invalidOption('fit', 'multimodality', 'a boolean', o.multimodality);
}
