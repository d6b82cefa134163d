/**
 * `fit` and `fitSteps`: stochastic maximization of the ELBO over a guide's
 * parameters, with a step-size search, decaying steps, Polyak–Ruppert iterate
 * averaging, a convergence rule, fault recovery, and PSIS diagnostics.
 *
 * The loop, in two phases:
 * 1. **search** (only when the optimizer has no `lr`): as Stan's ADVI, run a few
 *    steps from the initial parameters at each step size of a ladder (0.3, 0.1,
 *    0.03, 0.01 by default), score each end point by the ELBO on common random
 *    numbers, stop when the ELBO gets worse, and keep the best.
 * 2. **optimize**: steps at η·schedule(t) (Adam's default η/√t) from the best end
 *    point. The returned parameters are the Polyak–Ruppert average of the last half
 *    of the iterates (in batches of `window` steps), not the last noisy iterate.
 *    Each step's gradient has the guide's control variates (zero-mean moments of the
 *    base noise, coefficients regressed on earlier steps) subtracted, which keeps it
 *    unbiased and cuts its variance by orders of magnitude on smooth models.
 *    Converged when, after `minSteps` and at least 16 batches, the batch-means
 *    standard error of the average (at two batch lengths) is below `stderrTolerance`, the averages of the last two quarters agree within
 *    `paramTolerance` (both per parameter, on the scale of the fitted distributions'
 *    own parameters, e.g. Gamma shape and rate) and their ELBOs (on common random
 *    numbers) within `tolerance` nats: the tail has stopped drifting and the
 *    average is stable to ~1e-3.
 *
 * A step whose ELBO or gradient is not finite, or that would make a parameter
 * non-finite, is rejected and the step size halved; after `maxRetries`
 * consecutive rejections `fit` throws a {@link FitError} naming the step, the latent
 * and the quantity. No NaN reaches the returned parameters or posterior.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { Rng } from '../random/rng';
import { FitError, invalidOption, positiveIntOption, positiveOption, nonNegativeOption } from './errors';
import { diagnoseNonFinite } from './diagnose';
import { createNoiseSource, isBaseSamples, type BaseSamples, type NoiseSource } from './base-samples';
import { allFinite } from './finite';
import { createRowScratch, createWorkspace, pathwise, sampleLogWeights, stickingTheLanding, type ElboEstimator, type EstimatorWorkspace, type NoiseAwareGuide } from './estimators';
import { logMeanExpWithStderr, type Estimate } from './evaluate';
import { families, meanField } from './family-guide';
import type { FamilyClass, Guide, GuideOption, GuideSpec } from './guide';
import { ControlVariateState } from './control-variates';
import { adam, type Optimizer } from './optimizers';
import { psisKhat, type KhatReading } from './psis';
import { checkOptions, optionKeys } from './check-options';
import { isAbortSignal, throwIfAborted, type AbortSignalLike } from './abort';
import { FitResult, type Evaluated } from './fit-result';

/**
 * Options of the convergence rule (see the module description).
 *
 * @example
 * ```ts
 * fit(model, { convergence: { stderrTolerance: 1e-3 } }); // tighter than the default 2.5e-3
 * fit(model, { convergence: false, maxSteps: 5000 });      // fixed budget, average the last half
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
   * 4 standard errors, per parameter on the natural scale (default 2e-3).
   */
  readonly paramTolerance?: number;
  /**
   * Largest batch-means standard error of the returned average, per parameter on the
   * scale the user reads (the fitted distributions' parameters: μ and σ, Gamma shape
   * and rate, Exponential rate; the guide's `naturalParams`, or θ itself for a guide
   * without it): sd of the `window`-step batch means in the averaging window /
   * √(batches), or the same from batches of 2·window steps when that is larger
   * (batches shorter than the iterates' autocorrelation time understate it)
   * (default 2.5e-3, so that 4 standard errors stay below 1e-2). This is what bounds
   * the parameter error of the result; the rule also needs at least 8 batches in the
   * window.
   */
  readonly stderrTolerance?: number;
  /** Largest difference of the ELBOs of those two averages (common random numbers), in nats (default 2e-4). */
  readonly tolerance?: number;
  /** The same, relative to |ELBO| (default 1e-6); the larger of the two applies. */
  readonly relTolerance?: number;
  /** Draws (common random numbers) used to evaluate those ELBOs (default 500). */
  readonly checkSamples?: number;
}

/**
 * The names of {@link ConvergenceOptions}; any other key is refused.
 *
 * @example
 * ```ts
 * checkOptions('fit: convergence', { window: 50 }, CONVERGENCE_OPTION_KEYS); // passes
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
]);

/**
 * Options of the automatic step-size search.
 *
 * @example
 * ```ts
 * fit(model, { stepSizeSearch: { ladder: [0.1, 0.03, 0.01], steps: 50 } });
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
 * checkOptions('fit: stepSizeSearch', { steps: 20 }, STEP_SIZE_SEARCH_OPTION_KEYS); // passes
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
 * fit(model, { onStep: (p) => { if (p.phase === 'optimize' && p.step % 100 === 0) console.log(p.step, p.elbo); } });
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
 * fit(model, { guide: { z: LogNormal }, samples: 16, seed: 1, maxSteps: 5000 });
 * ```
 */
export interface FitOptions<M = DifferentiableModel> {
  /** `meanField()` (default), `fullRank()`, `families({...})` or a record `{ z: LogNormal }`. */
  readonly guide?: GuideOption<M>;
  /** ELBO estimator (default {@link stickingTheLanding}). */
  readonly estimator?: ElboEstimator;
  /** Optimizer (default `adam()`: Adam, step size searched, η/√(1 + t)). */
  readonly optimizer?: Optimizer;
  /**
   * Base samples of the per-step gradient: `"rqmc"` (scrambled Sobol points, Buchholz
   * et al. 2018), `"mc"` (i.i.d.) or `"rqmc-tilted"` (Sobol points through a wider
   * normal, importance-weighted: see {@link BaseSamples}). Default: `"rqmc"` when the guide's noise does not
   * depend on its parameters and d ≤ 161, else `"mc"` (Gamma guides: the inverse-CDF
   * Gamma draws cost about 2.5× a step, which eats the variance gain). Measured on the
   * seed model at 16 samples (docs/benchmarks.md, exact by quadrature and from 20 000
   * replicates): 25–46× lower gradient variance where the fit starts, 1.2–1.8× at the
   * optimum, where the gradient's e^{2u} term is unbounded in the uniform; 1.2× fewer
   * steps to converge with control variates on, 1.4× with them off.
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
 * checkOptions('fit', { Seed: 1 }, FIT_OPTION_KEYS); // throws: unknown option "Seed" (did you mean "seed"?)
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
  'convergence',
  'stepSizeSearch',
  'evalSamples',
  'maxRetries',
  'onStep',
  'signal',
]);

/**
 * One candidate of the step-size search and the ELBO it reached.
 *
 * @example
 * ```ts
 * const best = result.diagnostics.stepSizeSearch.reduce((a, b) => (b.elbo > a.elbo ? b : a));
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
 * const { diagnostics: d } = fit(model, { seed: 1 });
 * console.log(d.khat, d.khatReading, d.logEvidence.value, d.stopReason);
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
  /** Largest batch-means standard error of the averaged parameters (natural scale, see {@link ConvergenceOptions}) at the last check (NaN if none). */
  readonly paramStderr: number;
  /** Why the loop stopped: `"converged"`, `"maxSteps"` or `"stopped"` (onStep returned false). */
  readonly stopReason: 'converged' | 'maxSteps' | 'stopped';
}

interface Settings {
  guide: Guide;
  baseSamples: BaseSamples;
  controlVariates: boolean;
  estimator: ElboEstimator;
  optimizer: Optimizer;
  samples: number;
  seed: number | bigint;
  maxSteps: number;
  convergence: Required<ConvergenceOptions> | false;
  search: Required<StepSizeSearchOptions>;
  evalSamples: number;
  maxRetries: number;
  onStep: ((p: FitProgress) => boolean | void) | undefined;
  signal: AbortSignalLike | undefined;
}

function isSpec(g: unknown): g is GuideSpec {
  return g !== null && typeof g === 'object' && typeof (g as GuideSpec).build === 'function';
}

function readSettings(model: DifferentiableModel, o: FitOptions<unknown>): Settings {
  if (o === null || typeof o !== 'object') invalidOption('fit', 'options', 'an object', o);
  checkOptions('fit', o, FIT_OPTION_KEYS);
  const signal = o.signal;
  if (signal !== undefined && !isAbortSignal(signal)) invalidOption('fit', 'signal', 'an AbortSignal', signal);
  throwIfAborted(signal);
  if (model === null || typeof model !== 'object' || typeof model.logDensityGradient !== 'function' || !Array.isArray(model.blocks)) {
    invalidOption('fit', 'model', 'a Model or DifferentiableModel', model);
  }
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
    convergence = {
      window: positiveIntOption('fit', 'convergence.window', c.window ?? 25),
      minSteps: nonNegativeOption('fit', 'convergence.minSteps', c.minSteps ?? 0),
      paramTolerance: positiveOption('fit', 'convergence.paramTolerance', c.paramTolerance ?? 2e-3),
      tolerance: positiveOption('fit', 'convergence.tolerance', c.tolerance ?? 2e-4),
      relTolerance: nonNegativeOption('fit', 'convergence.relTolerance', c.relTolerance ?? 1e-6),
      checkSamples: positiveIntOption('fit', 'convergence.checkSamples', c.checkSamples ?? 500),
      stderrTolerance: positiveOption('fit', 'convergence.stderrTolerance', c.stderrTolerance ?? 2.5e-3),
    };
  }
  const s = o.stepSizeSearch ?? {};
  if (s === null || typeof s !== 'object') invalidOption('fit', 'stepSizeSearch', 'an object', s);
  checkOptions('fit: stepSizeSearch', s, STEP_SIZE_SEARCH_OPTION_KEYS);
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
  return {
    guide,
    baseSamples,
    controlVariates: o.controlVariates ?? true,
    estimator,
    optimizer,
    samples: positiveIntOption('fit', 'samples', o.samples ?? 16),
    seed,
    maxSteps: positiveIntOption('fit', 'maxSteps', o.maxSteps ?? 20_000),
    convergence,
    search: {
      ladder,
      steps: positiveIntOption('fit', 'stepSizeSearch.steps', s.steps ?? 50),
      evalSamples: positiveIntOption('fit', 'stepSizeSearch.evalSamples', s.evalSamples ?? 500),
    },
    evalSamples: positiveIntOption('fit', 'evalSamples', o.evalSamples ?? 20_000),
    maxRetries: positiveIntOption('fit', 'maxRetries', o.maxRetries ?? 20),
    onStep: o.onStep,
    signal,
  };
}



/**
 * One guarded optimization step: estimate, check, update, check. Returns the ELBO
 * estimate, or NaN when the step was rejected (θ unchanged).
 */
class Stepper {
  readonly grad: Float64Array;
  readonly prev: Float64Array;
  readonly ws: EstimatorWorkspace;
  readonly noise: NoiseSource;
  lastFailure: { value: number; grad: Float64Array; u: Float64Array[] } | undefined;
  /** Control variates applied to the gradient (set for the optimize phase). */
  cv: ControlVariateState | undefined;

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

  /** Returns the estimate (finite) or a non-finite value for a rejected step. */
  step(params: Float64Array, rng: Rng, state: { step(p: Float64Array, g: Float64Array, lr: number, t: number): void }, lr: number, t: number): number {
    this.noise.fill(params, rng, this.ws);
    const cv = this.cv;
    let v: number;
    if (this.fused) {
      // One pass: estimate, gradient and the control-variate feature means.
      v = this.guide.reparamFused!(this.model, params, this.ws, this.grad, this.withScore, cv?.h);
    } else {
      v = this.estimator.estimate(this.model, this.guide, params, this.ws, this.grad);
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

/** Running sum of parameter vectors. */
class Accumulator {
  readonly sum: Float64Array;
  count = 0;
  constructor(n: number) {
    this.sum = new Float64Array(n);
  }
  add(p: Float64Array): void {
    for (let i = 0; i < p.length; i++) this.sum[i] += p[i];
    this.count++;
  }
  reset(): void {
    this.sum.fill(0);
    this.count = 0;
  }
  copyFrom(o: Accumulator): void {
    this.sum.set(o.sum);
    this.count = o.count;
  }
  mean(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.sum[i] / this.count;
    return out;
  }
}

/**
 * The step-wise form of {@link fit}: a generator that yields a {@link FitProgress}
 * after every step (of the step-size search, then of the optimization) and returns
 * the {@link FitResult}. Drive it in slices to keep a UI responsive (or use
 * `fitAsync`); the result is identical to `fit` with the same options. Options are
 * checked, and an already-aborted `signal` throws, at the call; an abort later
 * throws from the next `next()`.
 *
 * @param model - a `Model` or any {@link DifferentiableModel}
 * @param options - see {@link FitOptions}
 * @example
 * ```ts
 * const it = fitSteps(model, { seed: 1 });
 * function slice() {
 *   for (let i = 0; i < 200; i++) {
 *     const r = it.next();
 *     if (r.done) return show(r.value.posterior);
 *   }
 *   requestAnimationFrame(slice);
 * }
 * slice();
 * ```
 */
export function fitSteps<M extends DifferentiableModel>(model: M, options: FitOptions<M> = {}): Generator<FitProgress, FitResult<M>, void> {
  return run(model, readSettings(model, options as FitOptions<unknown>), true);
}

/**
 * The fit loop behind {@link fit} and {@link fitSteps}. With `emit` it yields the
 * progress after every step; without, it never yields (the first `next()` runs the
 * whole fit) and builds no progress object unless `onStep` asks for one.
 */
function* run<M extends DifferentiableModel>(model: M, cfg: Settings, emit: boolean): Generator<FitProgress, FitResult<M>, void> {
  const { guide, estimator, samples, maxRetries } = cfg;
  const onStep = cfg.onStep;
  const signal = cfg.signal;
  const P = guide.numParams;
  const root = new Rng(cfg.seed);
  const evalRng = root.split();
  const searchRng = root.split();
  const rng = root;
  const stepper = new Stepper(model, guide, estimator, samples, cfg.baseSamples);
  const init = guide.initialParams();
  const theta = init.slice();
  const rows = createRowScratch(guide);
  let rejected = 0;

  // ---- Phase 1: step-size search ---------------------------------------------------
  const searched: { lr: number; elbo: number }[] = [];
  let baseLr = cfg.optimizer.lr;
  let stopped = false;
  if (baseLr === undefined) {
    const evalLw = new Float64Array(cfg.search.evalSamples);
    const evalNoiseRng = searchRng.split();
    let best = -Infinity;
    let bestTheta = init.slice();
    let bestLr = cfg.search.ladder[cfg.search.ladder.length - 1];
    const candidate = new Float64Array(P);
    for (const lr0 of cfg.search.ladder) {
      candidate.set(init);
      const opt = cfg.optimizer.withLr(lr0);
      const state = opt.create(P);
      const r = searchRng.clone();
      let failed = false;
      let lrScale = 1;
      let fails = 0;
      for (let t = 1; t <= cfg.search.steps; t++) {
        throwIfAborted(signal);
        const v = stepper.step(candidate, r, state, lr0 * lrScale * opt.schedule.factor(t), t);
        if (!Number.isFinite(v)) {
          rejected++;
          lrScale *= 0.5;
          if (++fails > maxRetries) {
            failed = true;
            break;
          }
          t--;
          continue;
        }
        fails = 0;
        if (emit || onStep !== undefined) {
          const progress: FitProgress = { step: 0, elbo: v, lr: lr0 * lrScale, phase: 'search', params: candidate };
          stopped = onStep !== undefined && onStep(progress) === false;
          if (emit) yield progress;
          if (stopped) break;
        }
      }
      if (stopped) {
        // Stopped by onStep during the search: keep this candidate, skip the optimization.
        bestLr = lr0;
        bestTheta = candidate.slice();
        break;
      }
      let elbo = -Infinity;
      if (!failed) {
        elbo = sampleLogWeights(model, guide, candidate, evalNoiseRng.clone(), evalLw.length, evalLw, rows);
        if (!Number.isFinite(elbo)) elbo = -Infinity;
      }
      searched.push({ lr: lr0, elbo });
      if (elbo > best) {
        best = elbo;
        bestLr = lr0;
        bestTheta = candidate.slice();
      } else if (best > -Infinity) {
        break; // worse than a larger step size: stop, as Stan does
      }
    }
    if (!stopped && best === -Infinity) {
      const cause = lastCause();
      throw new FitError(0, cause.latent, cause.quantity, cause.value, `no step size of the search ladder [${cfg.search.ladder.join(', ')}] gave a finite ELBO; ${cause.detail}`);
    }
    baseLr = bestLr;
    theta.set(bestTheta);
  }

  function lastCause() {
    return diagnoseNonFinite(model, guide, theta, stepper.ws, stepper.grad, NaN);
  }

  // ---- Phase 2: optimize with decaying steps, averaging the iterates ------------------
  const optimizer = cfg.optimizer.withLr(baseLr);
  if (cfg.controlVariates && guide.controlVariates !== undefined) stepper.cv = new ControlVariateState(guide, guide.controlVariates, 1 - 1 / 200);
  const state = optimizer.create(P);
  const conv = cfg.convergence;
  const maxSteps = cfg.maxSteps;
  const trace: number[] = [];
  // Means of batches of `window` iterates; the result averages the last half of them
  // (Polyak–Ruppert tail averaging), and convergence compares that half's two quarters.
  const batchSize = conv === false ? Math.max(1, Math.min(50, Math.floor(maxSteps / 8))) : conv.window;
  const batch = new Accumulator(P);
  const batches: Float64Array[] = [];
  // The same batch means on the scale the user reads (the fitted distributions'
  // parameters, e.g. Gamma shape and rate): standard errors and drift are judged there.
  const natBatches: Float64Array[] = [];
  const toNatural = guide.naturalParams?.bind(guide) ?? ((p: Float64Array, out: Float64Array) => out.set(p));
  let lrScale = 1;
  let fails = 0;
  let t = 0;
  let converged = false;
  let stopReason: FitDiagnostics['stopReason'] = stopped ? 'stopped' : 'maxSteps';
  let paramStderr = NaN;
  const crnLw = conv === false ? undefined : new Float64Array(conv.checkSamples);
  const crnRng = evalRng.clone().jump();
  const half1 = new Float64Array(P);
  const half2 = new Float64Array(P);

  while (!stopped && t < maxSteps) {
    throwIfAborted(signal);
    const lr = baseLr * lrScale * optimizer.schedule.factor(t + 1);
    const v = stepper.step(theta, rng, state, lr, t + 1);
    if (!Number.isFinite(v)) {
      rejected++;
      fails++;
      lrScale *= 0.5;
      state.reset();
      // Undo the update that led here (θ before it is in stepper.prev): a finite but
      // absurd θ (e.g. after a far too large step) must not be kept.
      if (t > 0 && fails === 1) theta.set(stepper.prev);
      if (fails > maxRetries) {
        const cause = diagnoseNonFinite(model, guide, theta, stepper.ws, stepper.grad, v);
        throw new FitError(t + 1, cause.latent, cause.quantity, cause.value, `${cause.detail}; gave up after ${maxRetries} rejected steps (step size reduced to ${lr.toExponential(3)})`);
      }
      continue;
    }
    fails = 0;
    t++;
    trace.push(v);

    batch.add(theta);
    if (batch.count === batchSize) {
      const bm = batch.mean(new Float64Array(P));
      batches.push(bm);
      const nat = new Float64Array(P);
      toNatural(bm, nat);
      natBatches.push(nat);
      batch.reset();
      const q = Math.floor(batches.length / 4);
      if (conv !== false && crnLw !== undefined && t >= conv.minSteps && q >= 1) {
        const nb = batches.length;
        meanOf(batches, nb - 2 * q, nb - q, half1);
        meanOf(batches, nb - q, nb, half2);
        // Batch-means standard error of the tail average (the last 2q batches), per
        // parameter on the natural scale. Batches shorter than the iterates'
        // autocorrelation time make it too small, so it is also computed from batches
        // of twice the length (adjacent pairs) and the larger of the two is used.
        let dp = 0;
        let se = 0;
        for (let i = 0; i < P; i++) {
          let m1 = 0;
          let m2 = 0;
          for (let b = nb - 2 * q; b < nb - q; b++) m1 += natBatches[b][i] / q;
          for (let b = nb - q; b < nb; b++) m2 += natBatches[b][i] / q;
          const m = 0.5 * (m1 + m2);
          let v = 0;
          let v2 = 0;
          for (let b = nb - 2 * q; b < nb; b += 2) {
            const x = natBatches[b][i] - m;
            const y = natBatches[b + 1][i] - m;
            v += x * x + y * y;
            v2 += (0.5 * (x + y)) ** 2;
          }
          const sei = Math.max(Math.sqrt(v / (2 * q - 1) / (2 * q)), Math.sqrt(v2 / Math.max(1, q - 1) / q));
          se = Math.max(se, sei);
          // Drift: the quarter means may differ by sampling error (≈ 2·SE), not more.
          dp = Math.max(dp, Math.abs(m1 - m2) - 4 * sei);
        }
        paramStderr = se;
        if (dp <= conv.paramTolerance && se <= conv.stderrTolerance && q >= 4) {
          const e1 = sampleLogWeights(model, guide, half1, crnRng.clone(), crnLw.length, crnLw, rows);
          const e2 = sampleLogWeights(model, guide, half2, crnRng.clone(), crnLw.length, crnLw, rows);
          const tol = Math.max(conv.tolerance, conv.relTolerance * Math.abs(e2));
          if (Math.abs(e1 - e2) <= tol) {
            converged = true;
            stopReason = 'converged';
          }
        }
      }
    }

    if (emit || onStep !== undefined) {
      const progress: FitProgress = { step: t, elbo: v, lr, phase: 'optimize', params: theta };
      const stop = onStep !== undefined && onStep(progress) === false;
      if (emit) yield progress;
      if (stop) {
        stopReason = 'stopped';
        break;
      }
    }
    if (converged) break;
  }

  // ---- Result -------------------------------------------------------------------------
  const final = new Float64Array(P);
  const averagingStart = batches.length >= 2 ? (batches.length - Math.max(1, 2 * Math.floor(batches.length / 4))) * batchSize + 1 : t;
  if (batches.length >= 2) meanOf(batches, batches.length - Math.max(1, 2 * Math.floor(batches.length / 4)), batches.length, final);
  else final.set(theta);
  if (!allFinite(final)) final.set(theta);
  if (!allFinite(final)) {
    let k = 0;
    while (k < P && Number.isFinite(final[k])) k++;
    throw new FitError(t, guide.paramLatent[k], 'parameters', final[k], `parameter ${guide.paramNames[k]} is not finite`);
  }

  // The final ELBO, log evidence and k̂ share one evaluation with `evalSamples` draws
  // from its own stream (split off before the fit), made when one of them is first
  // read: the same numbers whenever that is, and no cost for a caller that only
  // wants the posterior. The stream's state goes into `toJSON`, so a restored fit
  // evaluates to the same numbers.
  const evalState = evalRng.state();
  return new FitResult<M>({
    model,
    guide,
    params: final,
    trace: Float64Array.from(trace),
    converged,
    steps: t,
    diagnostics: {
      stepSize: baseLr,
      stepSizeSearch: searched,
      rejectedSteps: rejected,
      averagingStart,
      paramStderr,
      stopReason,
    },
    warnings: converged ? [] : [{ code: 'not-converged', message: `fit: the convergence rule was not met after ${t} steps (stop reason "${stopReason}")` }],
    evaluation: {
      samples: cfg.evalSamples,
      rngState: evalState,
      evaluate: () => new FinalEvaluation(model, guide, final, evalRng, cfg.evalSamples, rows).get(),
    },
  });
}

/**
 * The final evaluation of a fit: `n` log weights of the returned q from the
 * evaluation stream, their mean (the ELBO) with its standard error, their log mean
 * exp (the IWAE-n estimate of log p(D)) and PSIS k̂. Computed once, on first use.
 * Exported for `restoreFit`, which replays it from the saved stream state.
 *
 * @example
 * ```ts
 * new FinalEvaluation(model, guide, params, Rng.fromState(state), 20_000, createRowScratch(guide)).get().elbo;
 * ```
 */
export class FinalEvaluation {
  private result: Evaluated | undefined;
  constructor(
    private readonly model: DifferentiableModel,
    private readonly guide: Guide,
    private readonly params: Float64Array,
    private readonly rng: Rng,
    private readonly n: number,
    private readonly rows: ReturnType<typeof createRowScratch>,
  ) {}

  get(): Evaluated {
    if (this.result !== undefined) return this.result;
    const lw = new Float64Array(this.n);
    const elbo = sampleLogWeights(this.model, this.guide, this.params, this.rng, lw.length, lw, this.rows);
    let s2 = 0;
    for (let i = 0; i < lw.length; i++) s2 += (lw[i] - elbo) ** 2;
    const pareto = psisKhat(lw);
    this.result = {
      elbo,
      elboStderr: Math.sqrt(s2 / Math.max(1, lw.length - 1) / lw.length),
      khat: pareto.khat,
      khatReading: pareto.reading,
      logEvidence: logMeanExpWithStderr(lw),
    };
    return this.result;
  }
}

/** out ← the mean of batches[from..to). */
function meanOf(batches: readonly Float64Array[], from: number, to: number, out: Float64Array): void {
  out.fill(0);
  for (let b = from; b < to; b++) for (let i = 0; i < out.length; i++) out[i] += batches[b][i];
  for (let i = 0; i < out.length; i++) out[i] /= to - from;
}

/**
 * Fits a variational approximation q to the posterior p(z | D) of `model` by
 * maximizing the ELBO, L(q) = E_q[log p(z, D) − log q(z)]. Defaults: mean-field
 * Gaussian on the unconstrained space (as ADVI), sticking-the-landing gradients
 * with 16 samples per step, Adam with a searched step size decaying as 1/√t,
 * Polyak–Ruppert averaging of the last half of the iterates, stop when that
 * average has stopped moving (see {@link ConvergenceOptions}). Same seed, same result.
 *
 * @param model - a `Model` or any {@link DifferentiableModel}
 * @param options - see {@link FitOptions}
 * @returns posterior (distribution objects per latent), ELBO, trace, converged,
 *   steps, params and diagnostics (PSIS k̂ with its reading, log evidence, …)
 * @throws FitError when a non-finite log joint, gradient or ELBO persists after
 *   `maxRetries` step-size reductions; `RangeError`/`TypeError` for invalid options;
 *   `UnknownOptionError` for an unknown option name (with a did-you-mean); the
 *   `signal`'s reason when it is aborted (checked before every step)
 * @example
 * ```ts
 * import { Exponential, LogNormal, Model, Normal } from 'varinf';
 * import { fit } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: { z: LogNormal }, seed: 1 });
 * r.posterior.z;              // LogNormal(-0.3202, 0.6635)
 * r.diagnostics.khatReading;  // "good"
 * ```
 */
export function fit<M extends DifferentiableModel>(model: M, options: FitOptions<M> = {}): FitResult<M> {
  // Without `emit` the loop never yields: one `next()` runs the whole fit.
  const r = run(model, readSettings(model, options as FitOptions<unknown>), false).next();
  if (!r.done) throw new Error('fit: the fit loop yielded without emit');
  return r.value;
}
