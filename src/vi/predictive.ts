/**
 * Posterior-predictive replicates of the data: for each of S joint draws z⁽ˢ⁾ from
 * the fitted q, one replicate x⁽ˢ⁾ ~ p(x | z⁽ˢ⁾) of the whole data set, drawn from
 * the model's likelihood. Comparing the replicates with the observed data (their
 * mean, spread, extremes, …) is the posterior-predictive check.
 *
 * @module
 */
import { checkSize } from '../limits';
import type { DifferentiableModel } from '../model/differentiable-model';
import { Rng } from '../random/rng';
import { checkOptions, optionKeys } from './check-options';
import { invalidOption } from './errors';
import type { FitResult } from './fit-result';
import { checkDrawSize, jointSample, readCount, readSeed } from './joint-sample';

/**
 * A model that can draw data given its latents: `Model` is one (its
 * `sampleData`); a hand-written {@link DifferentiableModel} can implement it too.
 *
 * @example
 * ```ts
 * const m: PredictiveModel = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * predictive(m, fit(m, { seed: 1 }), { samples: 10 }).length; // → 10: 10 replicates of N = 1 datum
 * ```
 */
export interface PredictiveModel extends DifferentiableModel {
  /** The observations (N of them). */
  readonly data: ArrayLike<number>;
  /** Writes one replicate of the data drawn at the latents `values` into `out` (length N). */
  sampleData(values: never, rng: Rng, out: Float64Array): Float64Array;
}

/**
 * Options of {@link predictive}.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const result = fit(model, { seed: 1 });
 * const options: PredictiveOptions = { samples: 500, seed: 1 };
 * predictive(model, result, options).length; // → 500
 * ```
 */
export interface PredictiveOptions {
  /** Number of replicates S (default 1000). */
  readonly samples?: number;
  /** Seed (default 0): same seed, same replicates. */
  readonly seed?: number | bigint;
}

/**
 * The names of {@link PredictiveOptions}; any other key is refused.
 *
 * @example
 * ```ts
 * import { checkOptions } from './check-options';
 * checkOptions('predictive', { samples: 10 }, PREDICTIVE_OPTION_KEYS); // → undefined (passes)
 * ```
 */
export const PREDICTIVE_OPTION_KEYS = optionKeys<PredictiveOptions>()(['samples', 'seed']);

/**
 * S posterior-predictive replicates of the data, draw-major in one
 * `Float64Array` of length S·N: replicate s of datum i at index s·N + i. Replicate
 * s is drawn from the likelihood at the s-th joint draw of the latents from the
 * fitted q (one `Rng(seed)` for the latents, then the data), so it is an exact draw
 * from the posterior predictive of q.
 *
 * @param model - the fitted model (a `Model`, or a {@link PredictiveModel})
 * @param result - what `fit` returned for it
 * @param options - `{ samples, seed }`
 * @throws TypeError when `result` was fitted to a model with other latents
 * @example
 * ```ts
 * import { Exponential, Model, Normal } from 'varinf';
 * import { fit, predictive } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3, 0.4, 2.2] });
 * const result = fit(model, { seed: 1 });
 * const reps = predictive(model, result, { samples: 1000, seed: 1 }); // draw-major: 1000 · N values
 * const N = model.data.length;
 * const means = Array.from({ length: 1000 }, (_, s) => reps.subarray(s * N, (s + 1) * N).reduce((a, b) => a + b) / N);
 * means.filter((m) => m >= 1.3).length / 1000; // ≈ 0.37: a posterior predictive p-value; the data's mean, 1.3, is typical of the replicates
 * ```
 */
export function predictive<M extends PredictiveModel>(model: M, result: FitResult<M>, options: PredictiveOptions = {}): Float64Array {
  if (model === null || typeof model !== 'object' || typeof model.sampleData !== 'function') {
    invalidOption('predictive', 'model', 'a Model (or a model with sampleData)', model);
  }
  if (options === null || typeof options !== 'object') invalidOption('predictive', 'options', 'an object', options);
  checkOptions('predictive', options, PREDICTIVE_OPTION_KEYS);
  const S = readCount('predictive', 'samples', options.samples ?? 1000);
  const rng = new Rng(readSeed('predictive', options.seed));
  const guide = result.guide;
  checkSameLatents(model, guide.coordLatent);
  checkSize('predictive', `samples × ${model.data.length} (replicates × data)`, S * model.data.length, 'maxArrayLength');
  checkDrawSize('predictive', S, model);
  const draws = jointSample(model, guide, result.params, S, rng);
  const N = model.data.length;
  const out = new Float64Array(S * N);
  const values: Record<string, number | Float64Array> = {};
  for (let s = 0; s < S; s++) {
    for (const b of model.blocks) {
      const col = draws[b.name];
      values[b.name] = b.scalar ? col[s] : col.subarray(s * b.size, (s + 1) * b.size);
    }
    model.sampleData(values as never, rng, out.subarray(s * N, (s + 1) * N));
  }
  return out;
}

/** Throws unless the guide's coordinates belong to the model's latents, in order. */
function checkSameLatents(model: DifferentiableModel, coordLatent: readonly string[]): void {
  const expected = model.blocks.flatMap((b) => Array<string>(b.size).fill(b.name));
  if (expected.length !== coordLatent.length || expected.some((n, j) => n !== coordLatent[j])) {
    throw new TypeError(
      `predictive: the result was fitted to a model with other latents (${[...new Set(coordLatent)].join(', ')}; this model has ${model.blocks.map((b) => `${b.name}[${b.size}]`).join(', ')})`,
    );
  }
}
