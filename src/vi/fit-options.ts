/**
 * The options of `fit`, `fitSteps` and `fitAsync` and the names they accept. The
 * nested records have their own modules (convergence-options.ts,
 * step-size-search-options.ts); fit-settings.ts checks them all and resolves the
 * defaults.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { BaseSamples } from './base-samples';
import type { ElboEstimator } from './estimators';
import type { GuideOption } from './guide-types';
import type { Optimizer } from './optimizers';
import { optionKeys } from './check-options';
import type { AbortSignalLike } from './abort';
import type { ConvergenceOptions } from './convergence-options';
import type { FitProgress } from './fit-progress';
import type { InitOption } from './start';
import type { StepSizeSearchOptions } from './step-size-search-options';

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
   * Mean-field Gaussian guides also take cross-coordinate control variates (for
   * 2 ≤ d ≤ 8, or d ≤ 128 with at least 16 data per latent): the part of each draw's
   * gradient linear in the *other* coordinates' noise, which a correlated posterior
   * puts there, is subtracted the same way (the d = 50 nonlinear regression of
   * docs/benchmarks.md converges in a third fewer steps).
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
