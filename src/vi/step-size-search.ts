/**
 * Phase 1 of `fit` (when the optimizer has no `lr`), as Stan's ADVI: from the same
 * start, a few steps at each step size of a ladder (largest first), each end point
 * scored by the ELBO on common random numbers; stop at the first rung that scores
 * worse and keep the best. From a whitened start (already near the optimum) the
 * rungs often tie within their noise, and a larger step only adds jitter to the
 * iterates, so a smaller step size that is not clearly worse (within 2 CRN standard
 * errors of the difference) is preferred. Measured on the unscaled mean-field
 * regression (probe in test/vi/robust-fit.test.ts): 0.3 picked on a tie took 5150
 * steps, 0.03 took 425.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import { throwIfAborted, type AbortSignalLike } from './abort';
import { diagnoseNonFinite } from './diagnose';
import { FitError } from './errors';
import { sampleLogWeights } from './log-weights';
import type { createRowScratch } from './row-scratch';
import type { StepSizeTrial } from './fit-diagnostics';
import type { FitProgress } from './fit-progress';
import type { Guide } from './guide';
import type { NanWatch } from './nan-watch';
import type { Optimizer, OptimizerState } from './optimizers';
import { crnStderr } from './stationarity';
import type { Stepper } from './stepper';

/** What one rung's score means for the search. */
export interface RungVerdict {
  /** The rung's end point becomes the best so far. */
  readonly take: boolean;
  /** Go on to the next (smaller) step size. */
  readonly next: boolean;
}

/**
 * The ladder's selection rule, apart from the stepping: fed each rung's ELBO and
 * its per-draw log weights (common random numbers across rungs), it says whether
 * the rung becomes the best and whether to go on.
 *
 * @example
 * ```ts
 * const rule = new LadderRule(false, 4);
 * rule.offer(0.3, -5, Float64Array.of(-5, -5, -5, -5)); // → { take: true, next: true }
 * rule.offer(0.1, -6, Float64Array.of(-6, -6, -6, -6)); // → { take: false, next: false }
 * rule.bestLr; // → 0.3
 * ```
 */
export class LadderRule {
  /** The best score so far (−∞ before any finite one). */
  best = -Infinity;
  /** The step size of the best rung (NaN before any). */
  bestLr = NaN;
  private readonly bestLw: Float64Array;

  /**
   * @param whitened - the start is whitened by the curvature (prefer smaller steps on ties)
   * @param draws - log weights per score
   */
  constructor(private readonly whitened: boolean, draws: number) {
    this.bestLw = new Float64Array(draws);
  }

  /** The verdict on a rung of step size `lr` that scored `elbo` (−∞ when it failed) with log weights `lw`. */
  offer(lr: number, elbo: number, lw: Float64Array): RungVerdict {
    if (this.whitened && this.best > -Infinity && elbo > -Infinity) {
      const se = crnStderr(lw, this.bestLw, elbo - this.best);
      if (elbo < this.best - 2 * se) return { take: false, next: false };
      if (elbo > this.best) this.best = elbo;
      this.accept(lr, lw);
      return { take: true, next: true };
    }
    if (elbo > this.best) {
      this.best = elbo;
      this.accept(lr, lw);
      return { take: true, next: true };
    }
    // Worse than a larger step size: stop, as Stan does (a failed first rung goes on).
    return { take: false, next: this.best === -Infinity };
  }

  private accept(lr: number, lw: Float64Array): void {
    this.bestLr = lr;
    this.bestLw.set(lw);
  }
}

/** What the search needs from the fit. */
export interface SearchSetup {
  readonly model: DifferentiableModel;
  readonly guide: Guide;
  readonly stepper: Stepper;
  readonly rows: ReturnType<typeof createRowScratch>;
  /** The start θ₀ (not modified). */
  readonly init: Float64Array;
  readonly ladder: readonly number[];
  /** Steps per rung. */
  readonly steps: number;
  /** Draws per score. */
  readonly evalSamples: number;
  readonly optimizer: Optimizer;
  readonly maxRetries: number;
  /** The optimizer state in the fit's coordinates (whitened or not). */
  readonly wrap: (s: OptimizerState) => OptimizerState;
  readonly whitened: boolean;
  readonly rng: Rng;
  readonly nan: NanWatch;
  readonly signal: AbortSignalLike | undefined;
  readonly onStep: ((p: FitProgress) => boolean | void) | undefined;
  /** Yield every step's progress (fitSteps, fitAsync). */
  readonly emit: boolean;
}

/** The search's result. */
export interface SearchOutcome {
  /** The chosen step size. */
  readonly lr: number;
  /** The best rung's end point (the optimize phase starts there). */
  readonly theta: Float64Array;
  /** Every rung scored, in order. */
  readonly searched: readonly StepSizeTrial[];
  /** Steps rejected (non-finite) along the way. */
  readonly rejected: number;
  /** `onStep` returned false: keep `theta`, skip the optimization. */
  readonly stopped: boolean;
}

/**
 * Runs the search (see the module comment), yielding each step's progress when
 * `emit` is set.
 *
 * @throws FitError when no rung gives a finite ELBO, naming the latent and quantity that went non-finite
 */
export function* searchStepSize(s: SearchSetup): Generator<FitProgress, SearchOutcome, void> {
  const P = s.init.length;
  const evalLw = new Float64Array(s.evalSamples);
  const evalNoiseRng = s.rng.split();
  const rule = new LadderRule(s.whitened, s.evalSamples);
  const searched: StepSizeTrial[] = [];
  let bestTheta = s.init.slice();
  let bestLr = s.ladder[s.ladder.length - 1];
  let rejected = 0;
  const candidate = new Float64Array(P);
  for (const lr0 of s.ladder) {
    candidate.set(s.init);
    const opt = s.optimizer.withLr(lr0);
    const state = s.wrap(opt.create(P));
    const r = s.rng.clone();
    let failed = false;
    let stopped = false;
    let lrScale = 1;
    let fails = 0;
    for (let t = 1; t <= s.steps; t++) {
      throwIfAborted(s.signal);
      const v = s.stepper.step(candidate, r, state, lr0 * lrScale * opt.schedule.factor(t), t);
      if (!Number.isFinite(v)) {
        s.nan.check(s.stepper, 0);
        rejected++;
        lrScale *= 0.5;
        if (++fails > s.maxRetries) {
          failed = true;
          break;
        }
        t--;
        continue;
      }
      fails = 0;
      if (s.emit || s.onStep !== undefined) {
        const progress: FitProgress = { step: 0, elbo: v, lr: lr0 * lrScale, phase: 'search', params: candidate };
        stopped = s.onStep !== undefined && s.onStep(progress) === false;
        if (s.emit) yield progress;
        if (stopped) break;
      }
    }
    // Stopped by onStep during the search: keep this candidate, skip the optimization.
    if (stopped) return { lr: lr0, theta: candidate.slice(), searched, rejected, stopped: true };
    let elbo = -Infinity;
    if (!failed) {
      elbo = sampleLogWeights(s.model, s.guide, candidate, evalNoiseRng.clone(), evalLw.length, evalLw, s.rows);
      if (!Number.isFinite(elbo)) elbo = -Infinity;
    }
    searched.push({ lr: lr0, elbo });
    const verdict = rule.offer(lr0, elbo, evalLw);
    if (verdict.take) {
      bestLr = lr0;
      bestTheta = candidate.slice();
    }
    if (!verdict.next) break;
  }
  if (rule.best === -Infinity) {
    const cause = diagnoseNonFinite(s.model, s.guide, s.init.slice(), s.stepper.ws, s.stepper.grad, NaN);
    throw new FitError(0, cause.latent, cause.quantity, cause.value, `no step size of the search ladder [${s.ladder.join(', ')}] gave a finite ELBO; ${cause.detail}${s.nan.summary()}`);
  }
  return { lr: bestLr, theta: bestTheta, searched, rejected, stopped: false };
}
