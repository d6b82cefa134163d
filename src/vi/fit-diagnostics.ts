/**
 * What a fit learns about itself besides the posterior: `result.diagnostics`.
 *
 * @module
 */
import type { Estimate } from './evaluate';
import type { KhatReading } from './psis';

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

/**
 * The eagerly known diagnostics (the lazy ones are added by {@link FitResult}).
 *
 * @example
 * ```ts
 * const d: EagerDiagnostics = { stepSize: 0.1, stepSizeSearch: [], rejectedSteps: 0, averagingStart: 201, paramStderr: 0.01, stopReason: 'converged' };
 * ```
 */
export type EagerDiagnostics = Omit<FitDiagnostics, 'khat' | 'khatReading' | 'logEvidence'>;
