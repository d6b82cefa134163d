/**
 * Where every guide starts: the options shared by the guide constructors
 * (`meanField`, `families`, `fullRank`) and the initial location of a coordinate
 * on the unconstrained space. Shared by the per-latent and the full-rank guides,
 * so neither imports the other.
 *
 * @module
 */
import type { ContinuousDistribution } from '../distributions/distribution';
import type { DifferentiableModel, LatentBlock } from '../model/differentiable-model';
import { checkOptions, optionKeys } from './check-options';
import { invalidOption } from './errors';

/**
 * Options shared by the guide constructors.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * // θ = (μ, log σ) starts at the prior's median on u = log z, and σ = initScale:
 * meanField({ initScale: 0.05 }).build(model).initialParams();   // → Float64Array [-0.3665, -2.996]
 * meanField({ initLoc: { z: 0 } }).build(model).initialParams(); // → Float64Array [0, -2.303]: μ = 0, σ = 0.1
 * fit(model, { guide: meanField({ initScale: 0.05 }), seed: 1 }).posterior.z; // → LogNormal(mu = -0.32…, sigma = 0.66…)
 * ```
 */
export interface GuideInitOptions {
  /**
   * Initial scale of each coordinate on the unconstrained space (default 0.1,
   * as Pyro's AutoNormal). Gamma and InverseGamma guides start at shape 1/scale²,
   * Beta at the concentration whose logit has that sd, Exponential at the rate whose
   * E[log z] is the initial location.
   */
  readonly initScale?: number;
  /**
   * Initial locations on the unconstrained space, per latent name (a number, or an
   * array for a plate). Default: the prior's median mapped through the latent's
   * bijection when the model exposes `prior`, else 0.
   */
  readonly initLoc?: Readonly<Record<string, number | ArrayLike<number>>>;
}

/**
 * The checked {@link GuideInitOptions}: a scale s > 0 and the user's locations.
 *
 * @example
 * ```ts
 * const init: InitOpts = checkInit('meanField', { initScale: 0.05 }); // → { initScale: 0.05, initLoc: undefined }
 * ```
 * @internal
 */
export interface InitOpts {
  /** Initial scale s of each coordinate on u. */
  readonly initScale: number;
  /** Initial locations per latent, or undefined for the prior's median. */
  readonly initLoc: Readonly<Record<string, number | ArrayLike<number>>> | undefined;
}

/**
 * The names of {@link GuideInitOptions}; any other key is refused.
 *
 * @example
 * ```ts
 * import { checkOptions } from './check-options';
 * checkOptions('meanField', { initScale: 0.05 }, GUIDE_INIT_OPTION_KEYS); // → undefined (passes)
 * checkOptions('meanField', { initscale: 0.05 }, GUIDE_INIT_OPTION_KEYS); // throws UnknownOptionError: meanField: unknown option "initscale" (did you mean "initScale"?); the options are initScale, initLoc
 * ```
 */
export const GUIDE_INIT_OPTION_KEYS = optionKeys<GuideInitOptions>()(['initScale', 'initLoc']);

/**
 * Checks a guide constructor's options (unknown keys, initScale > 0 and finite) and
 * fills in the default scale 0.1.
 *
 * @param owner - the constructor's name, for messages
 * @param o - the options
 * @returns the checked options
 * @example
 * ```ts
 * checkInit('families', {}); // → { initScale: 0.1, initLoc: undefined }
 * checkInit('families', { initScale: 0 }); // throws InvalidParameterError: families: initScale must be > 0 and finite, got 0
 * ```
 * @internal
 */
export function checkInit(owner: string, o: GuideInitOptions): InitOpts {
  if (o === null || typeof o !== 'object') invalidOption(owner, 'options', 'an object', o);
  checkOptions(owner, o, GUIDE_INIT_OPTION_KEYS);
  const s = o.initScale ?? 0.1;
  if (!(s > 0 && s < Infinity)) invalidOption(owner, 'initScale', '> 0 and finite', s);
  return { initScale: s, initLoc: o.initLoc };
}

/**
 * Initial location m of coordinate k of a block on u: the user's value (`initLoc`),
 * else the prior's median z̃ through the bijection, m = T⁻¹(z̃), else 0.
 *
 * @param model - the model (its `prior`, when it has one, gives the median)
 * @param block - the latent
 * @param k - the element of the block
 * @param initLoc - the user's locations, or undefined
 * @returns m
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * initialLocation(model, model.blocks[0], 0, undefined);  // → -0.3665: log(ln 2), the median of Exponential(1) on u = log z
 * initialLocation(model, model.blocks[0], 0, { z: 1.5 }); // → 1.5: the user's initLoc
 * ```
 * @internal
 */
export function initialLocation(model: DifferentiableModel, block: LatentBlock, k: number, initLoc: InitOpts['initLoc']): number {
  const user = initLoc?.[block.name];
  if (user !== undefined) {
    const v = typeof user === 'number' ? user : user[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) invalidOption('guide', `initLoc.${block.name}`, 'finite numbers', v);
    return v;
  }
  const prior = (model as { readonly prior?: unknown }).prior;
  if (prior !== null && typeof prior === 'object') {
    let d = (prior as Record<string, unknown>)[block.name];
    if (Array.isArray(d)) d = d[k];
    else if (d !== null && typeof d === 'object' && 'distribution' in d) d = (d as { distribution: unknown }).distribution;
    if (d !== null && typeof d === 'object' && typeof (d as { quantile?: unknown }).quantile === 'function') {
      const med = (d as ContinuousDistribution).quantile(0.5);
      const u = block.bijection.inverse(med);
      if (Number.isFinite(u)) return u;
    }
  }
  return 0;
}
