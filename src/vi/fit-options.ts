/**
 * The options of `fit`, `fitSteps` and `fitAsync`: their types, their defaults and
 * the one function that checks them and resolves the defaults (`readSettings`).
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { invalidOption, positiveIntOption, positiveOption, nonNegativeOption, sizeOption } from './errors';
import { createNoiseSource, isBaseSamples, type BaseSamples } from './base-samples';
import { pathwise, stickingTheLanding, type ElboEstimator } from './estimators';
import type { Estimate } from './evaluate';
import { families, meanField } from './family-guide';
import type { Guide, GuideSpec } from './guide';
import type { FamilyClass, GuideOption } from './guide-types';
import { adam, type Optimizer } from './optimizers';
import type { KhatReading } from './psis';
import { checkOptions, optionKeys } from './check-options';
import { isAbortSignal, throwIfAborted, type AbortSignalLike } from './abort';
import type { ConvergenceSettings } from './convergence';
import { readInit, type InitOption } from './start';
import { checkBatchSize } from './data-subsampler';

/**
 * Options of the convergence rule (see the module description).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { convergence: { stderrTolerance: 1e-3 }, seed: 1 }).converged; // → true: tighter than the default 2.5e-3
 * fit(model, { convergence: false, maxSteps: 5000, seed: 1 }).steps;          // → 5000: a fixed budget, the last half averaged
 * ```
 */
export interface ConvergenceOptions {
  /**
   * Batch size of the iterate averages, and how often convergence is checked (default
   * 25 steps). The rule needs 16 batches (the averaged last half holds 8), so no fit
   * converges in fewer than 16·window steps.
   */
  readonly window?: number;
  /** No convergence is declared before this many steps (default 0: only the 16·window floor). */
  readonly minSteps?: number;
  /**
   * Largest difference between the averages of the last two quarters of the run beyond
   * 4 standard errors, per parameter in units of the posterior's own scale (see
   * `stderrTolerance`; default 2e-3).
   */
  readonly paramTolerance?: number;
  /**
   * Largest batch-means standard error of the returned average, per parameter in
   * units of the posterior's own scale: in the whitened coordinates of the default
   * start (a location's unit is one posterior sd of the Laplace approximation,
   * log-scales are relative), else the fitted sd σ_j for a location and 1 for a
   * log-parameter (log σ, log shape, log mean, log rate). The error is the sd of the
   * `window`-step batch means in the averaging window / √(batches), or the same from
   * batches of 2·window steps when that is larger (batches shorter than the iterates'
   * autocorrelation time understate it). Default 2.5e-3: 4 standard errors stay
   * below 1 % of a posterior sd, whatever the units. The rule also needs at least 8
   * batches in the window.
   */
  readonly stderrTolerance?: number;
  /**
   * Largest difference of the ELBOs of those two averages (common random numbers),
   * in nats, beyond 4 standard errors of the difference (default 2e-4).
   */
  readonly tolerance?: number;
  /**
   * The same, relative to |ELBO| (default 0; the largest of the bounds applies). It
   * was 1e-6: on a 1e6-datum model (|ELBO| ≈ 2e6) that let the ELBO move by 2 nats.
   */
  readonly relTolerance?: number;
  /**
   * Stationarity: the ELBO gradient at the returned average, from about
   * `checkSamples` fresh draws, times each parameter's unit (the ELBO's change per
   * unit move: for a Gaussian posterior, a location's offset in sds), may exceed 4 of
   * its standard errors by at most this (default 0.05). A fit stuck or still moving
   * away from the optimum fails it, however still its iterates are.
   */
  readonly gradTolerance?: number;
  /** Draws (common random numbers) used to evaluate those ELBOs (default 500). */
  readonly checkSamples?: number;
}

/**
 * The names of {@link ConvergenceOptions}; any other key is refused.
 *
 * @example
 * ```ts
 * import { checkOptions } from './check-options';
 * checkOptions('fit: convergence', { window: 50 }, CONVERGENCE_OPTION_KEYS); // → undefined (passes)
 * checkOptions('fit: convergence', { windows: 50 }, CONVERGENCE_OPTION_KEYS); // throws UnknownOptionError: fit: convergence: unknown option "windows" (did you mean "window"?)…
 * ```
 */
export const CONVERGENCE_OPTION_KEYS = optionKeys<ConvergenceOptions>()([
  'window',
  'minSteps',
  'paramTolerance',
  'stderrTolerance',
  'tolerance',
  'relTolerance',
  'checkSamples',
  'gradTolerance',
]);

/**
 * Options of the automatic step-size search.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { stepSizeSearch: { ladder: [0.1, 0.03, 0.01], steps: 50 }, seed: 1 });
 * r.diagnostics.stepSizeSearch.map((t) => t.lr); // → [0.1, 0.03]: the search stops at the first step size that does worse
 * ```
 */
export interface StepSizeSearchOptions {
  /** Step sizes tried, largest first (default [0.3, 0.1, 0.03, 0.01]). */
  readonly ladder?: readonly number[];
  /** Steps run per candidate (default 50, Stan ADVI's `adapt_iter`). */
  readonly steps?: number;
  /** Draws of the ELBO used to score a candidate (default 500). */
  readonly evalSamples?: number;
}

/**
 * The names of {@link StepSizeSearchOptions}; any other key is refused.
 *
 * @example
 * ```ts
 * import { checkOptions } from './check-options';
 * checkOptions('fit: stepSizeSearch', { steps: 20 }, STEP_SIZE_SEARCH_OPTION_KEYS); // → undefined (passes)
 * ```
 */
export const STEP_SIZE_SEARCH_OPTION_KEYS = optionKeys<StepSizeSearchOptions>()(['ladder', 'steps', 'evalSamples']);

/**
 * Progress reported after every accepted step, to `onStep` and by `fitSteps`: the
 * steps of the step-size search (`phase: "search"`, `step` 0, `lr` the candidate
 * being tried) and then those of the optimization (`phase: "optimize"`).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { seed: 1, onStep: (p) => { if (p.phase === 'optimize' && p.step % 100 === 0) console.log(p.step, p.elbo); } });
 * const progress: FitProgress[] = [];
 * fit(model, { seed: 1, onStep: (p) => { progress.push(p); } });
 * progress[0].phase;        // → "search"
 * progress.at(-1)?.phase;   // → "optimize"
 * ```
 */
export interface FitProgress {
  /** Steps taken in the optimize phase (1-based); 0 during the search. */
  readonly step: number;
  /** The ELBO estimate of this step (S samples). */
  readonly elbo: number;
  /** The step size used, η·schedule(t)·(halvings after rejected steps). */
  readonly lr: number;
  /** `"search"` or `"optimize"`. */
  readonly phase: 'search' | 'optimize';
  /** The current (not averaged) parameters: a live view, copy it to keep it. */
  readonly params: Float64Array;
}

/**
 * Options of {@link fit}.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const options: FitOptions<typeof model> = { guide: { z: LogNormal }, samples: 16, seed: 1, maxSteps: 5000 };
 * fit(model, options).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export interface FitOptions<M = DifferentiableModel, G = GuideOption<M>> {
  /**
   * `meanField()` (default), `fullRank()`, `families({...})` or a record of families
   * for some or all latents, `{ tau: LogNormal }` (the others get the default Gaussian
   * coordinates). The fitted `posterior` is typed by it (see {@link PosteriorOf}).
   */
  readonly guide?: G;
  /** ELBO estimator (default {@link stickingTheLanding}). */
  readonly estimator?: ElboEstimator;
  /** Optimizer (default `adam()`: Adam, step size searched, η/√(1 + t)). */
  readonly optimizer?: Optimizer;
  /**
   * Base samples of the per-step gradient: `"rqmc"` (scrambled Sobol points, Buchholz
   * et al. 2018), `"mc"` (i.i.d.) or `"rqmc-tilted"` (Sobol points through a wider
   * normal, importance-weighted: see {@link BaseSamples}). Default: `"rqmc"` when the guide's noise does not
   * depend on its parameters and d ≤ 161, else `"mc"` (Gamma guides: their
   * inverse-CDF draws cost more than the variance they save). RQMC lowers the gradient
   * variance most where the fit starts and least at the optimum, where the gradient's
   * e^{2u} term is unbounded in the uniform; the measured factors are in
   * docs/benchmarks.md (section "Randomized quasi-Monte Carlo").
   */
  readonly baseSamples?: BaseSamples;
  /**
   * Control variates on the gradient in the optimize phase (default true, when the
   * guide has them: the per-latent families). Zero-mean functions of the base noise
   * (moments ε − E ε, ε² − E ε², …, log ε − E log ε) are regressed out of each
   * parameter's gradient with coefficients learned from earlier steps, so the
   * gradient stays unbiased. Measured on the 5-datum data set with a Gamma guide at the
   * optimum: the four features explain all but ~1e-4 of the log-shape gradient's
   * variance (the Gaussian likelihood makes the gradient nearly polynomial in ε),
   * which is what lets the flat shape direction converge to 1e-2 in ~900 steps.
   */
  readonly controlVariates?: boolean;
  /** Monte-Carlo samples per step (default 16). */
  readonly samples?: number;
  /** Seed (default 0). Same seed and options, same result. */
  readonly seed?: number | bigint;
  /** Maximum steps of the optimize phase (default 20 000). */
  readonly maxSteps?: number;
  /**
   * Data subsampling (doubly stochastic VI): each step's gradient uses `batchSize`
   * data drawn uniformly without replacement (reproducibly, from the seed), their
   * log-likelihood scaled by n/batchSize, an unbiased estimate of the whole sum. The
   * step-size search's scores, the convergence checks and the result use every
   * datum, so `converged` still speaks of the full-data ELBO. An integer in 1…n
   * (default: every datum each step). It pays on per-datum likelihoods; those
   * reduced to sufficient statistics or to the linear-Gaussian kernel cost O(1) in n
   * and ignore it.
   */
  readonly batchSize?: number;
  /** Convergence rule, or `false` to run `maxSteps` and average over the last half. */
  readonly convergence?: ConvergenceOptions | false;
  /** Step-size search settings (used when the optimizer has no `lr`). */
  readonly stepSizeSearch?: StepSizeSearchOptions;
  /**
   * Draws used for the final ELBO, log-evidence and k̂ estimates (default 20 000),
   * drawn when one of them is first read (see {@link FitResult}). k̂ fits a Pareto tail to the largest ≈ 3√n importance ratios; with a few thousand
   * draws that tail is often pre-asymptotic and k̂ swings widely (seed-model Gamma
   * fit: 1.3–2.0 at 2000 draws, 0.33–0.51 at 20 000, theory 0.4).
   */
  readonly evalSamples?: number;
  /** Consecutive rejected steps tolerated before a {@link FitError} (default 20). */
  readonly maxRetries?: number;
  /**
   * Where the fit starts (see docs/guides-and-estimators.md, "Starting point"):
   * `"map"` (default): for `meanField()` and `fullRank()`, the mode of the log joint
   * on the unconstrained space (L-BFGS with exact gradients) with the curvature there
   * as the initial scales (full rank: the Laplace covariance's Cholesky factor), and
   * steps in coordinates whitened by that curvature; per-latent family guides keep
   * the prior start. `"prior"`: the prior's median (or the guide's `initLoc`) with
   * scale `initScale`, steps in the guide's own parameters (the behaviour before
   * 0.2). A record of values per latent on its own (constrained) space, e.g.
   * `{ z: 1.2 }`: start there.
   */
  readonly init?: InitOption;
  /**
   * What to do when the model produces a NaN parameter at a point inside the support
   * (met on a rejected step): `"error"` (default) throws a {@link FitError} naming
   * the latents and their values; `"warn"` fits on with that region cut off and adds
   * a `nan-region` warning with the count.
   */
  readonly nonFinite?: 'error' | 'warn';
  /**
   * The several-optima check (docs/diagnostics.md): 4 extra mode searches from
   * dispersed starts, a `multimodal` warning when they find separate modes of
   * comparable Laplace mass (default true; runs only with the `"map"` start of the
   * Gaussian guides).
   */
  readonly multimodality?: boolean;
  /**
   * Called after every step, of the step-size search (`phase: "search"`) and of the
   * optimization (`phase: "optimize"`); return `false` to stop early (during the
   * search: the fit returns the current candidate without optimizing).
   */
  readonly onStep?: (progress: FitProgress) => boolean | void;
  /**
   * Stops the fit when aborted: checked before every step (search and optimize), the
   * fit throws the signal's `reason` (by default a `DOMException` named
   * `"AbortError"`); an already-aborted signal throws at once, before any work.
   */
  readonly signal?: AbortSignalLike;
}

/**
 * The names of {@link FitOptions}; any other key is refused with an `UnknownOptionError`.
 *
 * @example
 * ```ts
 * import { checkOptions } from './check-options';
 * checkOptions('fit', { Seed: 1 }, FIT_OPTION_KEYS); // throws UnknownOptionError: fit: unknown option "Seed" (did you mean "seed"?)…
 * ```
 */
export const FIT_OPTION_KEYS = optionKeys<FitOptions>()([
  'guide',
  'estimator',
  'optimizer',
  'baseSamples',
  'controlVariates',
  'samples',
  'seed',
  'maxSteps',
  'batchSize',
  'convergence',
  'stepSizeSearch',
  'evalSamples',
  'maxRetries',
  'onStep',
  'signal',
  'init',
  'nonFinite',
  'multimodality',
]);

/**
 * One candidate of the step-size search and the ELBO it reached.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const result = fit(model, { seed: 1 });
 * const best: StepSizeTrial = result.diagnostics.stepSizeSearch.reduce((a, b) => (b.elbo > a.elbo ? b : a));
 * best.lr; // → 0
 * ```
 */
export interface StepSizeTrial {
  /** The candidate base step size. */
  readonly lr: number;
  /** The ELBO reached with it (common random numbers), or −∞ if it failed. */
  readonly elbo: number;
}

/**
 * Diagnostics of a fit.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const { diagnostics: d } = fit(model, { seed: 1 });
 * console.log(d.khat, d.khatReading, d.logEvidence.value, d.stopReason);
 * d.stopReason;  // → "converged"
 * d.khatReading; // → "poor": no LogNormal covers the posterior's density at z = 0
 * ```
 */
export interface FitDiagnostics {
  /** PSIS k̂ of the importance ratios p(z, D)/q(z) of the fitted q (evaluated on first read, see {@link FitResult}). */
  readonly khat: number;
  /** < 0.5 good, 0.5–0.7 ok, > 0.7 poor. */
  readonly khatReading: KhatReading;
  /** Importance-sampled log p(D) with the fitted q as proposal (IWAE-n, n = evalSamples). */
  readonly logEvidence: Estimate;
  /** The base step size used. */
  readonly stepSize: number;
  /** The candidates of the step-size search and their ELBOs (empty when `lr` was given). */
  readonly stepSizeSearch: readonly StepSizeTrial[];
  /** Steps rejected because something went non-finite. */
  readonly rejectedSteps: number;
  /** First step included in the returned average. */
  readonly averagingStart: number;
  /** Largest batch-means standard error of the averaged parameters, in units of the posterior's scale (see {@link ConvergenceOptions}), at the last check (NaN if none). */
  readonly paramStderr: number;
  /** Why the loop stopped: `"converged"`, `"maxSteps"` or `"stopped"` (onStep returned false). */
  readonly stopReason: 'converged' | 'maxSteps' | 'stopped';
}

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

/** The rule's defaults (also the batch bookkeeping of `convergence: false`). */
export const DEFAULT_CONVERGENCE: ConvergenceSettings = {
  window: 25,
  minSteps: 0,
  paramTolerance: 2e-3,
  tolerance: 2e-4,
  relTolerance: 0,
  checkSamples: 500,
  stderrTolerance: 2.5e-3,
  gradTolerance: 0.05,
};

function isSpec(g: unknown): g is GuideSpec {
  return g !== null && typeof g === 'object' && typeof (g as GuideSpec).build === 'function';
}

export function readSettings(model: DifferentiableModel, o: FitOptions<unknown, unknown>): Settings {
  if (o === null || typeof o !== 'object') invalidOption('fit', 'options', 'an object', o);
  checkOptions('fit', o, FIT_OPTION_KEYS);
  const signal = o.signal;
  if (signal !== undefined && !isAbortSignal(signal)) invalidOption('fit', 'signal', 'an AbortSignal', signal);
  throwIfAborted(signal);
  if (model === null || typeof model !== 'object' || typeof model.logDensityGradient !== 'function' || !Array.isArray(model.blocks)) {
    invalidOption('fit', 'model', 'a Model or DifferentiableModel', model);
  }
  // A prior that does not fit how the likelihood uses its latent (a Normal prior on a
  // scale) would end in a search with no finite ELBO; say so before starting.
  const withCheck = model as { checkPriorSupports?: () => void };
  if (typeof withCheck.checkPriorSupports === 'function') withCheck.checkPriorSupports();
  const g = o.guide ?? meanField();
  let spec: GuideSpec;
  if (isSpec(g)) spec = g;
  else if (g !== null && typeof g === 'object') spec = families(g as Record<string, FamilyClass>);
  else invalidOption('fit', 'guide', 'meanField(), fullRank() or a record of families', g);
  const estimator = o.estimator ?? stickingTheLanding;
  if (typeof estimator?.estimate !== 'function') invalidOption('fit', 'estimator', 'an ElboEstimator', estimator);
  const optimizer = o.optimizer ?? adam();
  if (typeof optimizer?.create !== 'function') invalidOption('fit', 'optimizer', 'an Optimizer', optimizer);
  const seed = o.seed ?? 0;
  if (!(typeof seed === 'bigint' || Number.isSafeInteger(seed))) invalidOption('fit', 'seed', 'an integer', seed);
  let convergence: Required<ConvergenceOptions> | false = false;
  if (o.convergence !== false) {
    const c = o.convergence ?? {};
    if (c === null || typeof c !== 'object') invalidOption('fit', 'convergence', 'an object or false', c);
    checkOptions('fit: convergence', c, CONVERGENCE_OPTION_KEYS);
    const D = DEFAULT_CONVERGENCE;
    convergence = {
      window: positiveIntOption('fit', 'convergence.window', c.window ?? D.window),
      minSteps: nonNegativeOption('fit', 'convergence.minSteps', c.minSteps ?? D.minSteps),
      paramTolerance: positiveOption('fit', 'convergence.paramTolerance', c.paramTolerance ?? D.paramTolerance),
      tolerance: positiveOption('fit', 'convergence.tolerance', c.tolerance ?? D.tolerance),
      relTolerance: nonNegativeOption('fit', 'convergence.relTolerance', c.relTolerance ?? D.relTolerance),
      checkSamples: sizeOption('fit', 'convergence.checkSamples', c.checkSamples ?? D.checkSamples),
      stderrTolerance: positiveOption('fit', 'convergence.stderrTolerance', c.stderrTolerance ?? D.stderrTolerance),
      gradTolerance: positiveOption('fit', 'convergence.gradTolerance', c.gradTolerance ?? D.gradTolerance),
    };
  }
  const s = o.stepSizeSearch ?? {};
  if (s === null || typeof s !== 'object') invalidOption('fit', 'stepSizeSearch', 'an object', s);
  checkOptions('fit: stepSizeSearch', s, STEP_SIZE_SEARCH_OPTION_KEYS);
  // The same ladder with batchSize: two more rungs (0.003, 0.001) were measured to
  // make subsampled fits worse, not better (the search, which prefers a smaller step
  // on a tie, took 0.003, and the iterates then crept too slowly to pass the
  // stationarity test within 5000 steps on a 1000-datum regression with batchSize 300).
  const ladder = s.ladder ?? [0.3, 0.1, 0.03, 0.01];
  if (!Array.isArray(ladder) || ladder.length === 0) invalidOption('fit', 'stepSizeSearch.ladder', 'a non-empty array of step sizes', ladder);
  ladder.forEach((v, i) => positiveOption('fit', `stepSizeSearch.ladder[${i}]`, v));
  if (o.onStep !== undefined && typeof o.onStep !== 'function') invalidOption('fit', 'onStep', 'a function', o.onStep);
  const guide = spec.build(model);
  if (o.baseSamples !== undefined && !isBaseSamples(o.baseSamples)) invalidOption('fit', 'baseSamples', '"mc", "rqmc" or "rqmc-tilted"', o.baseSamples);
  const baseSamples: BaseSamples = o.baseSamples ?? (guide.noiseDependsOnParams ? 'mc' : 'rqmc');
  if (baseSamples === 'rqmc-tilted') {
    // Importance-weighted rows: only the fused pathwise / STL estimators read the weights.
    if (estimator !== stickingTheLanding && estimator !== pathwise) invalidOption('fit', 'estimator', 'stickingTheLanding or pathwise with baseSamples "rqmc-tilted"', estimator.name);
    createNoiseSource(guide, baseSamples); // throws for a guide without Gaussian base noise
  }
  if (o.controlVariates !== undefined && typeof o.controlVariates !== 'boolean') invalidOption('fit', 'controlVariates', 'a boolean', o.controlVariates);
  if (o.nonFinite !== undefined && o.nonFinite !== 'error' && o.nonFinite !== 'warn') invalidOption('fit', 'nonFinite', '"error" or "warn"', o.nonFinite);
  if (o.multimodality !== undefined && typeof o.multimodality !== 'boolean') invalidOption('fit', 'multimodality', 'a boolean', o.multimodality);
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
      evalSamples: sizeOption('fit', 'stepSizeSearch.evalSamples', s.evalSamples ?? 500),
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
