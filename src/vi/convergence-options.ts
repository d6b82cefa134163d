/**
 * The options of `fit`'s convergence rule (`convergence`): their type, their
 * defaults and the function that checks them and fills the defaults in. The rule
 * itself is `ConvergenceCriterion` (convergence.ts).
 *
 * @module
 */
import { invalidOption, nonNegativeOption, positiveIntOption, positiveOption, sizeOption } from './errors';
import { checkOptions, optionKeys } from './check-options';
import type { ConvergenceSettings } from './convergence';

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
   * 25 steps). The rule needs 16 batches (the averaging window holds at least 8), so no fit
   * converges in fewer than 16·window steps.
   */
  readonly window?: number;
  /** No convergence is declared before this many steps (default 0: only the 16·window floor). */
  readonly minSteps?: number;
  /**
   * Largest difference between the averages of the two halves of the averaging window beyond
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

/**
 * `fit`'s `convergence` option checked, with the defaults filled in; `false` (a fixed
 * budget) stays `false`.
 *
 * @example
 * ```ts
 * readConvergence({ window: 50 }); // → { window: 50, minSteps: 0, … }: the others at their defaults
 * readConvergence(false);          // → false: a fixed budget
 * readConvergence({ window: 0 });  // throws InvalidParameterError: …convergence.window…
 * ```
 */
export function readConvergence(value: ConvergenceOptions | false | undefined): Required<ConvergenceOptions> | false {
  if (value === false) return false;
  const c = value ?? {};
  if (c === null || typeof c !== 'object') invalidOption('fit', 'convergence', 'an object or false', c);
  checkOptions('fit: convergence', c, CONVERGENCE_OPTION_KEYS);
  const D = DEFAULT_CONVERGENCE;
  return {
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
