/**
 * The options of `fit`'s automatic step-size search (`stepSizeSearch`): their type
 * and the checks of the record and its ladder. The search itself is
 * step-size-search.ts.
 *
 * @module
 */
import { invalidOption, positiveOption } from './errors';
import { checkOptions, optionKeys } from './check-options';

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
  /** Draws of the ELBO used to score a candidate (default 500; 100 with `batchSize`, whose whole-data passes are dear). */
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
 * `fit`'s `stepSizeSearch` option checked as a record of known names (default `{}`);
 * its `steps` and `evalSamples` are checked when the settings are assembled.
 *
 * @example
 * ```ts
 * readStepSizeSearch({ steps: 20 }).steps; // → 20
 * const typo: StepSizeSearchOptions = JSON.parse('{ "step": 20 }'); // untyped input, as from a config file
 * readStepSizeSearch(typo);                // throws UnknownOptionError: fit: stepSizeSearch: unknown option "step"…
 * ```
 */
export function readStepSizeSearch(value: StepSizeSearchOptions | undefined): StepSizeSearchOptions {
  const s = value ?? {};
  if (s === null || typeof s !== 'object') invalidOption('fit', 'stepSizeSearch', 'an object', s);
  checkOptions('fit: stepSizeSearch', s, STEP_SIZE_SEARCH_OPTION_KEYS);
  return s;
}

/**
 * The search's ladder of step sizes checked, or the default [0.3, 0.1, 0.03, 0.01].
 *
 * @example
 * ```ts
 * readLadder(undefined);   // → [0.3, 0.1, 0.03, 0.01]
 * readLadder([0.1, -1]);   // throws InvalidParameterError: …stepSizeSearch.ladder[1]…
 * ```
 */
export function readLadder(value: readonly number[] | undefined): readonly number[] {
  // The same ladder with batchSize: two more rungs (0.003, 0.001) were measured to
  // make subsampled fits worse, not better (the search, which prefers a smaller step
  // on a tie, took 0.003, and the iterates then crept too slowly to pass the
  // stationarity test within 5000 steps on a 1000-datum regression with batchSize 300).
  const ladder = value ?? [0.3, 0.1, 0.03, 0.01];
  if (!Array.isArray(ladder) || ladder.length === 0) invalidOption('fit', 'stepSizeSearch.ladder', 'a non-empty array of step sizes', ladder);
  ladder.forEach((v, i) => positiveOption('fit', `stepSizeSearch.ladder[${i}]`, v));
  return ladder;
}
