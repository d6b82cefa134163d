/**
 * `fit` and `fitSteps`: stochastic maximization of the ELBO over a guide's
 * parameters, with a step-size search, decaying steps, Polyak–Ruppert iterate
 * averaging, a convergence rule, fault recovery, and PSIS diagnostics.
 *
 * The start (`init`, see `start.ts`): for the Gaussian guides, the mode of the log
 * joint on the unconstrained space and the curvature there (mean-field σⱼ = 1/√Hⱼⱼ,
 * full rank L = chol(H⁻¹)), and every step taken in coordinates whitened by that
 * curvature (`preconditioner.ts`), so units and correlations do not slow the fit;
 * per-latent families start from the prior as before.
 *
 * The loop, in two phases:
 * 1. **search** (only when the optimizer has no `lr`): as Stan's ADVI, run a few
 *    steps from the initial parameters at each step size of a ladder (0.3, 0.1,
 *    0.03, 0.01 by default), score each end point by the ELBO on common random
 *    numbers, stop when the ELBO gets worse, and keep the best.
 * 2. **optimize**: steps at η·schedule(t) (Adam's default η/√t) from the best end
 *    point. The returned parameters are the Polyak–Ruppert average of the iterates
 *    from the MSER truncation point on (in batches of `window` steps; at least the
 *    last half, more when the earlier batches already sit at the optimum), not the
 *    last noisy iterate.
 *    Each step's gradient has the guide's control variates (zero-mean moments of the
 *    base noise, coefficients regressed on earlier steps) subtracted, which keeps it
 *    unbiased and cuts its variance by orders of magnitude on smooth models.
 *    Converged when, after `minSteps` and at least 16 batches, the batch-means
 *    standard error of the average (at two batch lengths) is below `stderrTolerance`,
 *    the averages of the window's two halves agree within `paramTolerance` (both in
 *    units of the posterior's own scale, see `convergence.ts`), their ELBOs (on
 *    common random numbers) within `tolerance` nats or their noise, and the ELBO
 *    gradient at the average is zero within its noise (`gradTolerance`): the tail has
 *    stopped drifting, the average is precise, and it sits at a stationary point.
 *    `result.warnings` says what failed otherwise (`warnings.ts`).
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
import { FitError } from './errors';
import { diagnoseNonFinite } from './diagnose';
import { allFinite } from './finite';
import { createRowScratch } from './row-scratch';
import type { GuideSpec } from './guide';
import type { ExactGuide, GuideOption } from './guide-types';
import { CrossControlVariate, useCrossControlVariate } from './cross-control-variate';
import { ControlVariateState } from './control-variates';
import type { OptimizerState } from './optimizers';
import { throwIfAborted } from './abort';
import type { FitResult } from './fit-result';
import { ConvergenceCriterion } from './convergence';
import { checkModes, type ModeReport } from './modes';
import { PreconditionedState } from './preconditioner';
import { fitStart, startFromLaplace } from './start';
import { assembleResult } from './fit-outcome';
import { NanWatch } from './nan-watch';
import { StationarityCheck } from './stationarity';
import { searchStepSize } from './step-size-search';
import { Stepper } from './stepper';
import { DataSubsampler } from './data-subsampler';
import { DEFAULT_CONVERGENCE } from './convergence-options';
import type { FitDiagnostics, StepSizeTrial } from './fit-diagnostics';
import type { FitOptions } from './fit-options';
import type { FitProgress } from './fit-progress';
import { readSettings, type Settings } from './fit-settings';
export { FinalEvaluation } from './final-evaluation';

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
 * import { Exponential, Model, Normal } from 'varinf';
 * import { fitSteps, type FitResult } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const it = fitSteps(model, { seed: 1 });
 * const result = await new Promise<FitResult<typeof model>>((resolve) => {
 *   (function slice(): void {
 *     for (let i = 0; i < 200; i++) {
 *       const r = it.next();
 *       if (r.done) return resolve(r.value);
 *     }
 *     setTimeout(slice); // in a page, requestAnimationFrame(slice): it paints between slices
 *   })();
 * });
 * result.posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export function fitSteps<M extends DifferentiableModel, G extends GuideOption<M> | undefined = undefined>(
  model: M,
  options?: FitOptions<M, G> & { readonly guide?: NoInfer<ExactGuide<M, G>> },
): Generator<FitProgress, FitResult<M, G>, void>;
/**
 * {@link fitSteps} with options whose guide the compiler cannot pin down (see the
 * second form of {@link fit}): the posterior is typed per latent as a `ContinuousDistribution`.
 *
 * @example
 * ```ts
 * import { Exponential, Gamma, Model, Normal } from 'varinf';
 * import { fitSteps, type FitOptions } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const options = (useGamma: boolean): FitOptions<typeof model> => (useGamma ? { guide: { z: Gamma } } : {});
 * const steps = fitSteps(model, { ...options(true), seed: 1 });
 * steps.next().value; // → { phase: "search", … }
 * ```
 */
export function fitSteps<M extends DifferentiableModel>(model: M, options?: FitOptions<M>): Generator<FitProgress, FitResult<M>, void>;
export function fitSteps<M extends DifferentiableModel>(model: M, options: FitOptions<M> = {}): Generator<FitProgress, FitResult<M>, void> {
  return run(model, readSettings(model, options as FitOptions<unknown, unknown>), true);
}

/**
 * The fit loop behind {@link fit} and {@link fitSteps}. With `emit` it yields the
 * progress after every step; without, it never yields (the first `next()` runs the
 * whole fit) and builds no progress object unless `onStep` asks for one.
 */
function* run<M extends DifferentiableModel, G = GuideSpec>(model: M, cfg: Settings, emit: boolean): Generator<FitProgress, FitResult<M, G>, void> {
  const { guide, estimator, samples, maxRetries } = cfg;
  const onStep = cfg.onStep;
  const signal = cfg.signal;
  const P = guide.numParams;
  const root = new Rng(cfg.seed);
  const evalRng = root.split();
  const searchRng = root.split();
  const rng = root;
  const stepper = new Stepper(model, guide, estimator, samples, cfg.baseSamples);
  // Subsampled steps draw their data from a stream of their own (far from the
  // others), so that a fit without batchSize keeps its bits.
  if (cfg.batchSize !== undefined) stepper.subsampler = new DataSubsampler(model, cfg.batchSize, root.clone().longJump());
  // The start (mode and curvature for the Gaussian guides) and the coordinates ψ the
  // optimizer steps in (whitened by the start's curvature, or θ itself).
  let start = fitStart(model, guide, cfg.init);
  // The main search ended at a saddle or a minimum (e.g. z = 0 of y = 4 ~ Normal(z², 0.1)):
  // the restarts of the several-optima check find the modes; start at the largest.
  let modeReport: ModeReport | undefined;
  if (cfg.multimodality && start.laplace !== undefined && !start.laplace.positiveDefinite && start.laplace.status !== 'no-mode') {
    modeReport = checkModes(model, start.laplace, cfg.seed);
    if (modeReport.best !== undefined) start = startFromLaplace(guide, modeReport.best, []);
  }
  const pc = start.preconditioner;
  const wrap = (s: OptimizerState): OptimizerState => (pc.identity ? s : new PreconditionedState(s, pc, P));
  const init = start.params;
  const theta = init.slice();
  const rows = createRowScratch(guide);
  const nan = new NanWatch(model, cfg.nonFinite);
  let rejected = 0;

  // ---- Phase 1: step-size search (step-size-search.ts) ------------------------------
  let searched: readonly StepSizeTrial[] = [];
  let baseLr = cfg.optimizer.lr;
  let stopped = false;
  if (baseLr === undefined) {
    const found = yield* searchStepSize({
      model, guide, stepper, rows, init, ladder: cfg.search.ladder, steps: cfg.search.steps, evalSamples: cfg.search.evalSamples,
      optimizer: cfg.optimizer, maxRetries, wrap, whitened: !pc.identity, rng: searchRng, nan, signal, onStep, emit,
    });
    baseLr = found.lr;
    theta.set(found.theta);
    searched = found.searched;
    rejected += found.rejected;
    stopped = found.stopped;
  }

  // ---- Phase 2: optimize with decaying steps, averaging the iterates ------------------
  const optimizer = cfg.optimizer.withLr(baseLr);
  if (cfg.controlVariates && guide.controlVariates !== undefined) stepper.cv = new ControlVariateState(guide, guide.controlVariates, 1 - 1 / 200);
  if (cfg.controlVariates && stepper.fused && useCrossControlVariate(guide.dim, model.dataSize)) stepper.crossCv = new CrossControlVariate(guide.dim, 1 - 1 / 200);
  const state = wrap(optimizer.create(P));
  const conv = cfg.convergence;
  const maxSteps = cfg.maxSteps;
  const trace: number[] = [];
  // Means of batches of `window` iterates of ψ; the result averages a tail of them
  // (Polyak–Ruppert averaging from the MSER truncation point, convergence.ts), and
  // the rule compares that tail's halves.
  const window = conv === false ? Math.max(1, Math.min(50, Math.floor(maxSteps / 8))) : conv.window;
  const rule = new ConvergenceCriterion(conv === false ? DEFAULT_CONVERGENCE : conv);
  // The running sum of the current batch's iterates (a batch ends when t % window = 0).
  const batchSum = new Float64Array(P);
  const psi = new Float64Array(P);
  // Without whitening, precision is measured on the fitted distributions' own
  // parameters (see naturalUnits).
  const toNatural = pc.identity && guide.naturalParams !== undefined ? guide.naturalParams.bind(guide) : undefined;
  let lrScale = 1;
  let fails = 0;
  let t = 0;
  let converged = false;
  let stopReason: FitDiagnostics['stopReason'] = stopped ? 'stopped' : 'maxSteps';
  const check = conv === false ? undefined : new StationarityCheck(model, guide, stepper, pc, rule, evalRng, cfg.seed, rows);

  while (!stopped && t < maxSteps) {
    throwIfAborted(signal);
    const lr = baseLr * lrScale * optimizer.schedule.factor(t + 1);
    const v = stepper.step(theta, rng, state, lr, t + 1);
    if (!Number.isFinite(v)) {
      nan.check(stepper, t + 1);
      rejected++;
      fails++;
      lrScale *= 0.5;
      state.reset();
      // Undo the update that led here (θ before it is in stepper.prev): a finite but
      // absurd θ (e.g. after a far too large step) must not be kept.
      if (t > 0 && fails === 1) theta.set(stepper.prev);
      if (fails > maxRetries) {
        const cause = diagnoseNonFinite(model, guide, theta, stepper.ws, stepper.grad, v);
        throw new FitError(t + 1, cause.latent, cause.quantity, cause.value, `${cause.detail}; gave up after ${maxRetries} rejected steps (step size reduced to ${lr.toExponential(3)})${nan.summary()}`);
      }
      continue;
    }
    fails = 0;
    t++;
    trace.push(v);

    pc.fromParams(theta, psi);
    for (let i = 0; i < P; i++) batchSum[i] += psi[i];
    if (t % window === 0) {
      const bm = batchSum.map((v) => v / window);
      let measured = bm;
      if (toNatural !== undefined) toNatural(bm, (measured = new Float64Array(P)));
      rule.addBatch(bm, measured);
      batchSum.fill(0);
      if (check !== undefined && rule.ready(t) && check.run()) {
        converged = true;
        stopReason = 'converged';
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
  const nb = rule.batches.length;
  const averagingStart = nb >= 2 ? rule.tailStart() * window + 1 : t;
  if (nb >= 2) {
    rule.tailMean(psi);
    pc.toParams(psi, final);
  } else final.set(theta);
  if (!allFinite(final)) final.set(theta);
  if (!allFinite(final)) {
    let k = 0;
    while (k < P && Number.isFinite(final[k])) k++;
    throw new FitError(t, guide.paramLatent[k], 'parameters', final[k], `parameter ${guide.paramNames[k]} is not finite`);
  }
  const multimodal = modeReport ?? (cfg.multimodality && start.laplace !== undefined ? checkModes(model, start.laplace, cfg.seed) : undefined);
  return assembleResult<M>({
    model,
    guide,
    cfg,
    final,
    trace,
    converged,
    steps: t,
    stopReason,
    stepSize: baseLr,
    searched,
    rejected,
    averagingStart,
    rule,
    start,
    nanCount: nan.count,
    multimodal,
    evalRng,
    rows,
  }) as FitResult<M, G>; // G only narrows the posterior's type: the guide was built from the option typed G
}

/**
 * Fits a variational approximation q to the posterior p(z | D) of `model` by
 * maximizing the ELBO, L(q) = E_q[log p(z, D) − log q(z)]. Defaults: mean-field
 * Gaussian on the unconstrained space (as ADVI), sticking-the-landing gradients
 * with 16 samples per step, Adam with a searched step size decaying as 1/√t,
 * Polyak–Ruppert averaging of the iterates past the transient, stop when that
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
 * r.posterior.z;              // → LogNormal(mu = -0.321…, sigma = 0.664…): the best LogNormal (exact optimum −0.320, 0.664)
 * r.diagnostics.khatReading;  // → "poor" (k̂ ≈ 0.95): no LogNormal covers the posterior's
 *                             // positive density at z = 0 (see docs/diagnostics.md, "k̂")
 * ```
 */
export function fit<M extends DifferentiableModel, G extends GuideOption<M> | undefined = undefined>(
  model: M,
  options?: FitOptions<M, G> & { readonly guide?: NoInfer<ExactGuide<M, G>> },
): FitResult<M, G>;
/**
 * {@link fit} with options whose guide the compiler cannot pin down (a union of
 * option records, options of a generic model type in a wrapper, `families(record)`
 * with a name the first form refuses): the posterior is typed per latent as a
 * `ContinuousDistribution`, and the guide is checked at run time.
 *
 * @example
 * ```ts
 * import { Exponential, Gamma, Model, Normal } from 'varinf';
 * import { fit, type FitOptions } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const options = (useGamma: boolean): FitOptions<typeof model> => (useGamma ? { guide: { z: Gamma } } : {});
 * fit(model, { ...options(true), seed: 1 }).posterior.z; // → Gamma(…): typed ContinuousDistribution
 * ```
 */
export function fit<M extends DifferentiableModel>(model: M, options?: FitOptions<M>): FitResult<M>;
export function fit<M extends DifferentiableModel>(model: M, options: FitOptions<M> = {}): FitResult<M> {
  // Without `emit` the loop never yields: one `next()` runs the whole fit.
  const r = run<M>(model, readSettings(model, options as FitOptions<unknown, unknown>), false).next();
  if (!r.done) throw new Error('fit: the fit loop yielded without emit');
  return r.value;
}
