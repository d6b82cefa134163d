/**
 * What `fit` reports after every step (to `onStep`, and as `fitSteps` yields).
 *
 * @module
 */

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
