/**
 * Latent declarations of a model: the types that carry a model's latents from
 * its `prior` to its likelihood, and the layout of the latents in the flat
 * vector (one {@link PriorBlock} per named latent).
 *
 * @module
 */
import { ContinuousDistribution } from '../distributions/distribution';
import { bijectionFor, sameTransform, type Bijection } from '../distributions/transforms';
import type { Support } from '../distributions/support';
import { ModelError } from '../errors';
import { declaredList, guardedRecord, isUnknownLatentRead } from './latent-guard';
import type { LatentBlock } from './differentiable-model';
import { describe, Plate } from './plate';

/**
 * One prior entry: a distribution (a scalar latent), an array of distributions
 * (a vector latent with independent elements) or `plate(dist, n)` (n i.i.d. elements).
 *
 * @example
 * ```ts
 * const entries: PriorEntry[] = [new Normal(0, 1), [new Normal(0, 1), new Normal(0, 5)], plate(new Normal(0, 1), 50)];
 * new Model({ prior: { a: entries[0], b: entries[1], w: entries[2] }, likelihood: () => new Normal(0, 1), data: [0.5] }).dim; // → 53
 * ```
 */
export type PriorEntry = ContinuousDistribution | readonly ContinuousDistribution[] | Plate;

/**
 * A hierarchical prior entry: a function of the latents declared *before* it,
 * returning the entry (distribution, array or plate) of this latent. Its kind of
 * support and its size must not depend on the values. In gradient mode the
 * latents are reverse-mode nodes, as in the likelihood (use varinf's ops).
 *
 * Its argument is loosely typed on purpose: `Model` infers the prior's type from
 * the same object literal, and TypeScript cannot contextually type a member of
 * that literal by the type being inferred from it (tried: a mapped type over the
 * prior, an intersection with an index signature, reverse-mapped inference; each
 * leaves the argument typed by the constraint or errs on correct code). A
 * misspelt or later latent is a `ModelError` at construction, where the entry is
 * evaluated at the earlier latents' medians; annotate the argument with
 * `Latents<typeof earlier>` for a compile-time check.
 *
 * @example
 * ```ts
 * const hyper = { tau: new Exponential(1) };
 * const prior = { ...hyper, mu: ({ tau }: Latents<typeof hyper>) => new Normal(0, tau) };
 * const model = new Model({ prior, likelihood: ({ mu }) => new Normal(mu, 1), data: [0.4, 1.1] });
 * model.dim; // → 2
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PriorFn = (latents: any) => PriorEntry;

/**
 * A model's prior: named latents and their prior entries.
 *
 * @example
 * ```ts
 * const prior: Prior = { z: new Exponential(1), w: plate(new Normal(0, 1), 5) };
 * ```
 */
export type Prior = { readonly [name: string]: PriorEntry | PriorFn };

/**
 * The value type of one latent: `number` for a scalar latent, `Float64Array` for
 * a vector latent (array or plate); for a hierarchical entry, that of what it returns.
 *
 * @example
 * ```ts
 * type Z = LatentValue<Exponential>;  // → number
 * type W = LatentValue<Plate>;        // → Float64Array
 * ```
 */
export type LatentValue<E> = E extends (latents: never) => infer R
  ? LatentValue<R>
  : E extends ContinuousDistribution
    ? number
    : Float64Array;

/**
 * The record of latent values of a model with prior `P`, one key per latent:
 * `{ z: number; w: Float64Array }` for `{ z: new Exponential(1), w: plate(…, 5) }`.
 *
 * @example
 * ```ts
 * const prior = { z: new Exponential(1) };
 * const values: Latents<typeof prior> = { z: 1.5 };
 * ```
 */
export type Latents<P extends Prior> = { readonly [K in keyof P]: LatentValue<P[K]> };

/**
 * Internal: a named latent's block with what the model needs to evaluate its prior.
 *
 * @example
 * ```ts
 * layoutPrior({ w: plate(new Normal(0, 1), 3) })[0]; // → { name: "w", offset: 0, size: 3, kind: "plate", … }
 * ```
 */
export interface PriorBlock extends LatentBlock {
  /** `"scalar"`, `"array"` (independent elements) or `"plate"` (i.i.d. elements). */
  readonly kind: 'scalar' | 'array' | 'plate';
  /** The distribution of each element (the same object for a scalar or a plate); for a hierarchical entry, those at the reference point. */
  readonly dists: readonly ContinuousDistribution[];
  /** The hierarchical entry's function of the earlier latents, or null. */
  readonly fn: PriorFn | null;
  /** True when the bijection is exp (z = eᵘ), for the fast Jacobian path. */
  readonly expTransform: boolean;
}

/**
 * Lays out the prior's latents block after block, in the order of `Object.keys(prior)`.
 * A hierarchical entry is resolved once at the medians of the earlier latents to
 * learn its kind, size and support.
 *
 * @example
 * ```ts
 * layoutPrior({ z: new Exponential(1), w: plate(new Normal(0, 1), 2) }).map((b) => [b.offset, b.size]); // → [[0, 1], [1, 2]]
 * ```
 * @throws ModelError when an entry is not a distribution, a non-empty array of
 *   distributions with one kind of support, or a plate
 */
export function layoutPrior(prior: Prior): PriorBlock[] {
  if (prior === null || typeof prior !== 'object') {
    throw new ModelError(`Model: prior must be a record of named latents, got ${describe(prior)}`);
  }
  const blocks: PriorBlock[] = [];
  // Reference values of the latents so far (medians), to resolve hierarchical entries.
  const reference: Record<string, number | Float64Array> = {};
  let offset = 0;
  for (const name of Object.keys(prior)) {
    // `__proto__` as a record key sets the prototype instead of a property: such a
    // latent would come back silently empty from every record.
    if (name === '__proto__') throw new ModelError('Model: "__proto__" cannot name a latent (it is the prototype of every record); rename it', name);
    const declared: unknown = prior[name];
    const fn = typeof declared === 'function' ? (declared as PriorFn) : null;
    const entry: unknown = fn === null ? declared : resolveAtReference(fn, reference, name);
    let kind: PriorBlock['kind'];
    let dists: ContinuousDistribution[];
    if (entry instanceof ContinuousDistribution) {
      kind = 'scalar';
      dists = [entry];
    } else if (entry instanceof Plate) {
      kind = 'plate';
      dists = [entry.distribution];
    } else if (Array.isArray(entry) && entry.length > 0 && entry.every((d) => d instanceof ContinuousDistribution)) {
      kind = 'array';
      dists = entry.slice() as ContinuousDistribution[];
    } else {
      throw new ModelError(
        `Model: prior entry "${name}" must be a distribution, a non-empty array of distributions or plate(dist, n), got ${describe(entry)}`,
        name,
      );
    }
    const support: Support = dists[0].support;
    const bijection: Bijection = bijectionFor(support);
    for (const d of dists) {
      if (!sameTransform(d.support, support)) {
        throw new ModelError(
          `Model: the elements of latent "${name}" must share one kind of support, got ${support.kind} and ${d.support.kind}`,
          name,
        );
      }
    }
    const size = kind === 'plate' ? (entry as Plate).size : dists.length;
    blocks.push(
      Object.freeze({
        name,
        offset,
        size,
        scalar: kind === 'scalar',
        support,
        bijection,
        kind,
        dists: Object.freeze(dists),
        fn,
        expTransform: bijection.name === 'exp',
      }),
    );
    reference[name] = kind === 'scalar' ? median(dists[0]) : Float64Array.from({ length: size }, (_, j) => median(dists[kind === 'plate' ? 0 : j]));
    offset += size;
  }
  return blocks;
}

function median(d: ContinuousDistribution): number {
  return d.quantile(0.5);
}

function resolveAtReference(fn: PriorFn, reference: Record<string, number | Float64Array>, name: string): unknown {
  // A guarded copy: reading a misspelt or later latent names it instead of giving undefined.
  const earlier = Object.assign(guardedRecord(Object.keys(reference)), reference);
  try {
    return fn(earlier as never);
  } catch (e) {
    if (isUnknownLatentRead(e)) {
      const list = declaredList(Object.keys(reference));
      throw new ModelError(`Model: prior entry "${name}" reads latent "${String(e.latent)}", which the prior does not declare (it declares ${list}) before "${name}"`, e.latent);
    }
    const why = e instanceof Error ? e.message : String(e);
    throw new ModelError(
      `Model: prior entry "${name}" could not be evaluated at the medians of the earlier latents: ${why}`,
      name,
    );
  }
}

/**
 * Calls a hierarchical block's function with the latents and checks that the
 * entry keeps the kind and size it had at construction.
 *
 * @example
 * ```ts
 * const blocks = layoutPrior({ tau: new Exponential(1), w: ({ tau }: { tau: number }) => plate(new Normal(0, tau), 8) });
 * resolveEntry(blocks[1], { tau: 2 }); // → { distribution: Normal(mu = 0, sigma = 2), size: 8 }
 * ```
 * @throws ModelError when it does not
 */
export function resolveEntry(blk: PriorBlock, values: unknown): ContinuousDistribution | Plate | readonly ContinuousDistribution[] {
  const entry: unknown = (blk.fn as PriorFn)(values);
  const ok =
    blk.kind === 'scalar'
      ? entry instanceof ContinuousDistribution
      : blk.kind === 'plate'
        ? entry instanceof Plate && entry.size === blk.size
        : Array.isArray(entry) && entry.length === blk.size && entry.every((d) => d instanceof ContinuousDistribution);
  if (!ok) {
    const want = blk.kind === 'scalar' ? 'a distribution' : `${blk.kind === 'plate' ? 'a plate' : 'an array'} of size ${blk.size}`;
    throw new ModelError(`Model: prior entry "${blk.name}" must keep returning ${want}, got ${describe(entry)}`, blk.name);
  }
  // The latent's transform was fixed at construction; a support that moves with the
  // other latents (e.g. Uniform(0, tau)) would silently use the wrong one.
  const first = blk.kind === 'scalar' ? (entry as ContinuousDistribution) : blk.kind === 'plate' ? (entry as Plate).distribution : (entry as readonly ContinuousDistribution[])[0];
  if (!sameTransform(first.support, blk.support)) {
    throw new ModelError(
      `Model: the support of latent "${blk.name}" changed with the other latents (${supportText(blk.support)} at construction, now ${supportText(first.support)}); ` +
        'a latent needs a fixed support: write it on a fixed one and scale it in the likelihood (e.g. u ~ Uniform(0, 1), then tau * u)',
      blk.name,
    );
  }
  return entry as ContinuousDistribution | Plate | readonly ContinuousDistribution[];
}

/** A support for messages: its kind, with the ends of an interval. */
function supportText(s: Support): string {
  return s.kind === 'interval' ? `(${s.lower}, ${s.upper})` : s.kind;
}
