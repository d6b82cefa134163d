/**
 * Joint draws from a fitted guide on the latents' own (constrained) spaces.
 *
 * A draw is one base-noise row ε pushed through the guide, u = g(θ, ε) (for the
 * full-rank Gaussian u = m + Lε, so the fitted correlations are kept), then through
 * each latent's bijection, z = T(u) elementwise. Drawing each latent's marginal
 * separately (`posterior.x.sample`) would lose every correlation between latents.
 *
 * @module
 */
import { checkSize } from '../limits';
import type { DifferentiableModel } from '../model/differentiable-model';
import { Rng } from '../random/rng';
import { checkOptions, optionKeys } from './check-options';
import { invalidOption } from './errors';
import { noiseDimOf, type Guide } from './guide';
import type { PriorOf } from './guide-types';

/**
 * Joint draws of a model's latents, one `Float64Array` per latent: length n for a
 * scalar latent, n·k for a plate of length k, draw-major (element j of draw s at
 * index s·k + j). Typed by the model: exactly its latent names.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const result = fit(model, { seed: 1 });
 * const draws: JointSamples<typeof model> = result.sample(1000, { seed: 1 });
 * draws.z; // → Float64Array(1000)
 * ```
 */
export type JointSamples<M> = [PriorOf<M>] extends [never]
  ? Readonly<Record<string, Float64Array>>
  : { readonly [K in keyof PriorOf<M>]: Float64Array };

/**
 * Options of `result.sample`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const result = fit(model, { seed: 1 });
 * const options: SampleOptions = { seed: 42 };
 * result.sample(1000, options).z.join() === result.sample(1000, options).z.join(); // → true: same seed, same draws
 * ```
 */
export interface SampleOptions {
  /** Seed of the draws (default 0): same seed, same draws. */
  readonly seed?: number | bigint;
}

/**
 * The names of {@link SampleOptions}; any other key is refused.
 *
 * @example
 * ```ts
 * import { checkOptions } from './check-options';
 * checkOptions('sample', { seed: 1 }, SAMPLE_OPTION_KEYS); // → undefined (passes)
 * ```
 */
export const SAMPLE_OPTION_KEYS = optionKeys<SampleOptions>()(['seed']);

/**
 * The seed of an options object (`seed`, default 0), checked: an integer or a bigint.
 *
 * @example
 * ```ts
 * readSeed('sample', undefined); // → 0
 * readSeed('sample', 0.5);       // throws InvalidParameterError: sample: seed must be an integer, got 0.5
 * ```
 */
export function readSeed(owner: string, seed: unknown): number | bigint {
  const s = seed ?? 0;
  if (!(typeof s === 'bigint' || (typeof s === 'number' && Number.isSafeInteger(s)))) invalidOption(owner, 'seed', 'an integer', s);
  return s;
}

/**
 * `n`, checked: a non-negative safe integer.
 *
 * @example
 * ```ts
 * readCount('sample', 'n', 10); // → 10
 * readCount('sample', 'n', -1); // throws InvalidParameterError: sample: n must be a non-negative integer, got -1
 * ```
 */
export function readCount(owner: string, option: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) invalidOption(owner, option, 'a non-negative integer', n);
  return n;
}

/**
 * `n` joint draws of the latents of `model` under the guide at `params`, from `rng`.
 * Exact draws from q (no approximation beyond the generator); O(n·(d + cost of one
 * guide draw)), for the full-rank guide O(n·d²).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const result = fit(model, { seed: 1 });
 * const guide = meanField().build(model); // fit's default guide
 * const draws = jointSample(model, guide, result.params, 1000, new Rng(1));
 * draws.z; // → Float64Array(1000)
 * ```
 */
export function jointSample(model: DifferentiableModel, guide: Guide, params: Float64Array, n: number, rng: Rng): Record<string, Float64Array> {
  const d = guide.dim;
  const eps = new Float64Array(noiseDimOf(guide));
  const u = new Float64Array(d);
  const out: Record<string, Float64Array> = {};
  for (const b of model.blocks) out[b.name] = new Float64Array(n * b.size);
  for (let s = 0; s < n; s++) {
    guide.drawNoise(params, rng, eps);
    guide.forward(params, eps, u);
    for (const b of model.blocks) {
      const col = out[b.name];
      const T = b.bijection;
      for (let k = 0; k < b.size; k++) col[s * b.size + k] = T.forward(u[b.offset + k]);
    }
  }
  return out;
}

/**
 * Throws a `RangeError` (naming the limit, see `limits`) when n draws of the largest
 * latent would exceed `limits.maxArrayLength`: checked before allocating.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * checkDrawSize('sample', 1e9, model); // throws RangeError: sample: n × 1 (draws × latent size) = 1000000000 is over limits.maxArrayLength…
 * ```
 */
export function checkDrawSize(owner: string, n: number, model: DifferentiableModel): void {
  const widest = model.blocks.reduce((m, b) => Math.max(m, b.size), 0);
  checkSize(owner, `n × ${widest} (draws × latent size)`, n * widest, 'maxArrayLength');
}

/**
 * `result.sample`'s option reading and draw: a new `Rng(seed)` per call.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const result = fit(model, { seed: 1 });
 * const guide = meanField().build(model); // fit's default guide
 * const draws = sampleWithOptions(model, guide, result.params, 100, { seed: 1 });
 * draws.z.join() === result.sample(100, { seed: 1 }).z.join(); // → true
 * ```
 */
export function sampleWithOptions(model: DifferentiableModel, guide: Guide, params: Float64Array, n: unknown, options: SampleOptions): Record<string, Float64Array> {
  const count = readCount('sample', 'n', n);
  if (options === null || typeof options !== 'object') invalidOption('sample', 'options', 'an object', options);
  checkOptions('sample', options, SAMPLE_OPTION_KEYS);
  checkDrawSize('sample', count, model);
  return jointSample(model, guide, params, count, new Rng(readSeed('sample', options.seed)));
}
