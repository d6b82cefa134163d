/**
 * The type-level maps of guides: what family a guide record may give each latent
 * (by the prior's support) and what type the fitted posterior then has. They check
 * guide records at compile time (`ExactGuide`, `GuideRecord`) and type
 * `result.posterior` (`PosteriorOf`); the run-time checks are the registry's
 * (`guide-families/registry.ts`). No code: types only.
 *
 * @module
 */
import type { Beta } from '../distributions/beta';
import type { Cauchy } from '../distributions/cauchy';
import type { ContinuousDistribution } from '../distributions/distribution';
import type { Exponential } from '../distributions/exponential';
import type { Gamma } from '../distributions/gamma';
import type { HalfCauchy } from '../distributions/half-cauchy';
import type { HalfNormal } from '../distributions/half-normal';
import type { InverseGamma } from '../distributions/inverse-gamma';
import type { StudentT } from '../distributions/student-t';
import type { Uniform } from '../distributions/uniform';
import type { LogNormal } from '../distributions/lognormal';
import type { LogitNormal } from '../distributions/logit-normal';
import type { Normal } from '../distributions/normal';
import type { Model } from '../model/model';
import type { Plate } from '../model/plate';
import type { FamiliesSpec, GaussianGuideSpec, GuideSpec, Posterior } from './guide';

/**
 * The fitted posterior's type for model M and guide option G: for a typed `Model`,
 * a record with exactly its latent names; a scalar latent maps to a distribution, a
 * plate or array to an array of them. The distribution type is the guide family's
 * where the guide names one (`{ z: LogNormal }` gives `LogNormal`), else the
 * default Gaussian guide's by the prior's support (see {@link DefaultPosteriorFor}),
 * and `ContinuousDistribution` for a custom {@link GuideSpec}. For a hand-written
 * `DifferentiableModel`, {@link Posterior}.
 *
 * @example
 * ```ts
 * import type { ContinuousDistribution, LogNormal } from 'varinf';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: { z: Gamma }, seed: 1 });
 * const q: Gamma = r.posterior.z; // typed by the guide record
 * // @ts-expect-error: y is not a latent of the model
 * r.posterior.y;
 * type P = PosteriorOf<typeof model, { z: typeof Gamma }>; // → { readonly z: Gamma }
 * // No guide (G undefined): the default Gaussian guide's, a LogNormal for a positive latent.
 * type D = PosteriorOf<typeof model, undefined>; // → { readonly z: LogNormal }
 * // A custom GuideSpec (the default G) tells nothing of the family.
 * type C = PosteriorOf<typeof model>; // → { readonly z: ContinuousDistribution }
 * ```
 */
export type PosteriorOf<M, G = GuideSpec> = [PriorOf<M>] extends [never]
  ? Posterior
  : { readonly [K in keyof PriorOf<M>]: PosteriorValueOf<PriorOf<M>[K], GuideFamilyOf<G, K>> };

/**
 * The family a guide option G gives latent K: the record's class when G is a
 * record or `families(record)` naming K, `undefined` when K gets the default Gaussian
 * (no guide, `meanField()`, `fullRank()`, a partial record), `unknown` for a
 * custom {@link GuideSpec}.
 *
 * @example
 * ```ts
 * type F = GuideFamilyOf<{ z: typeof LogNormal }, 'z'>; // → typeof LogNormal
 * // A latent the record leaves out gets the default:
 * type G = GuideFamilyOf<{ z: typeof LogNormal }, 'w'>; // → undefined
 * ```
 */
export type GuideFamilyOf<G, K> = G extends undefined
  ? undefined
  : G extends GaussianGuideSpec
    ? undefined
    : G extends FamiliesSpec<infer R>
      ? K extends keyof R ? R[K] : undefined
      : G extends GuideSpec
        ? unknown
        : K extends keyof G
          ? Exclude<G[K], undefined>
          : undefined;

/**
 * The posterior value of one prior entry E fitted with family F (see
 * {@link GuideFamilyOf}): a distribution for a scalar latent, an array of them for a
 * plate or an array prior (hierarchical entries by what their function returns).
 *
 * @example
 * ```ts
 * type V = PosteriorValueOf<Plate<Normal>>; // → readonly Normal[]
 * type W = PosteriorValueOf<Exponential, typeof Gamma>; // → Gamma
 * ```
 */
export type PosteriorValueOf<E, F = undefined> = EntryOf<E> extends ContinuousDistribution
  ? FittedElement<E, F>
  : readonly FittedElement<E, F>[];

/**
 * The distribution type of one fitted element: the family's instance, the default
 * by the prior's support when F is `undefined`, `ContinuousDistribution` otherwise.
 *
 * @example
 * ```ts
 * import type { LogitNormal } from 'varinf';
 * type Q = FittedElement<Beta, undefined>; // → LogitNormal
 * ```
 */
export type FittedElement<E, F> = F extends undefined
  ? DefaultPosteriorFor<ElementOf<EntryOf<E>>>
  : F extends FamilyClass
    ? InstanceType<F>
    : ContinuousDistribution;

/**
 * A prior entry, with a hierarchical entry (a function of earlier latents) replaced
 * by what it returns.
 *
 * @example
 * ```ts
 * type E = EntryOf<(l: { tau: number }) => Normal>; // → Normal
 * ```
 */
export type EntryOf<E> = E extends (latents: never) => infer R ? R : E;

/**
 * The kind of support of a prior element type D, where its class tells:
 * `"real"`, `"positive"` (positive or non-negative, the exp bijection), `"interval"`,
 * or `"unknown"` (a user-defined distribution, a union of kinds).
 *
 * @example
 * ```ts
 * type K = SupportKindOf<HalfCauchy>; // → "positive"
 * ```
 */
export type SupportKindOf<D> = [D] extends [Normal | StudentT | Cauchy]
  ? 'real'
  : [D] extends [Exponential | Gamma | LogNormal | HalfNormal | HalfCauchy | InverseGamma]
    ? 'positive'
    : [D] extends [Beta | Uniform | LogitNormal]
      ? 'interval'
      : 'unknown';

/**
 * The posterior type the default Gaussian guide (a Normal on the unconstrained
 * coordinate) gives a latent with prior element D: `Normal` for a real prior,
 * `LogNormal` for a positive one, `LogitNormal` for an interval one,
 * `ContinuousDistribution` where the type cannot tell.
 *
 * @example
 * ```ts
 * import type { LogNormal } from 'varinf';
 * type Q = DefaultPosteriorFor<Exponential>; // → LogNormal
 * ```
 */
export type DefaultPosteriorFor<D> =
  SupportKindOf<D> extends 'real' ? Normal : SupportKindOf<D> extends 'positive' ? LogNormal : SupportKindOf<D> extends 'interval' ? LogitNormal : ContinuousDistribution;

/**
 * A per-latent family, given by its class: `Normal` (real latents), `LogNormal`,
 * `Gamma`, `Exponential`, `InverseGamma` (positive), `LogitNormal` (an interval),
 * `Beta` (the interval (0, 1)).
 *
 * @example
 * ```ts
 * const all: FamilyClass[] = [Normal, LogNormal, Gamma, Exponential, InverseGamma, LogitNormal, Beta];
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * // @ts-expect-error: for a typed Model, z takes only the families of a positive latent (PositiveFamilyClass)
 * fit(model, { guide: { z: all[0] } }); // throws TypeError: guide: family Normal (support real) does not fit latent "z" (support nonNegative); …
 * ```
 */
export type FamilyClass = typeof Normal | PositiveFamilyClass | IntervalFamilyClass;
/**
 * The families allowed for a positive latent.
 *
 * @example
 * ```ts
 * const families: PositiveFamilyClass[] = [LogNormal, Gamma, Exponential, InverseGamma];
 * ```
 */
export type PositiveFamilyClass = typeof LogNormal | typeof Gamma | typeof Exponential | typeof InverseGamma;
/**
 * The families allowed for an interval latent: `LogitNormal` on any interval, `Beta`
 * on (0, 1) (a Beta prior; on other intervals it is refused at run time, since the
 * types do not carry the ends).
 *
 * @example
 * ```ts
 * const families: IntervalFamilyClass[] = [LogitNormal, Beta];
 * ```
 */
export type IntervalFamilyClass = typeof LogitNormal | typeof Beta;

/**
 * The prior record of a model type (`never` for a hand-written model without one).
 *
 * @example
 * ```ts
 * type P = PriorOf<Model<{ z: Exponential }>>; // → { z: Exponential }
 * ```
 */
export type PriorOf<M> = M extends Model<infer P> ? P : never;
/**
 * The distribution type of one element of a prior entry (itself, an array's element, or a plate's distribution).
 *
 * @example
 * ```ts
 * type E = ElementOf<Plate<Normal>>; // → Normal
 * ```
 */
export type ElementOf<D> = D extends readonly (infer E)[] ? E : D extends Plate<infer E> ? E : D;
/**
 * The families allowed for a latent whose prior is D, by its support: `Normal` for a
 * real prior, `LogNormal`, `Gamma`, `Exponential` or `InverseGamma` for a positive
 * one, `LogitNormal` or `Beta` for an interval one (Beta only fits (0, 1), checked at
 * run time); any family where the type cannot tell (checked at run time).
 *
 * @example
 * ```ts
 * import type { Gamma, InverseGamma, LogNormal } from 'varinf';
 * type F = FamilyFor<Exponential>; // → typeof LogNormal | typeof Gamma | typeof Exponential | typeof InverseGamma
 * ```
 */
export type FamilyFor<D> = FamilyForKind<SupportKindOf<ElementOf<EntryOf<D>>>>;

/**
 * The families allowed on a kind of support (see {@link SupportKindOf}).
 *
 * @example
 * ```ts
 * import type { Beta, LogitNormal } from 'varinf';
 * type F = FamilyForKind<'interval'>; // → typeof LogitNormal | typeof Beta
 * ```
 */
export type FamilyForKind<K> = K extends 'real' ? typeof Normal : K extends 'positive' ? PositiveFamilyClass : K extends 'interval' ? IntervalFamilyClass : FamilyClass;

/**
 * A per-latent guide record for model M. For a typed `Model` it maps some or all
 * latent names to an allowed family; the others get the default Gaussian
 * coordinates (a misspelt name, or `Normal` for a positive latent, is a compile-time
 * error). For a hand-written `DifferentiableModel` it is any record of families,
 * checked at run time.
 *
 * @example
 * ```ts
 * import type { PositiveFamilyClass } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const g: GuideRecord<typeof model> = { z: LogNormal };
 * // @ts-expect-error: Normal does not fit the positive latent z
 * const bad: GuideRecord<typeof model> = { z: Normal };
 * type R = GuideRecord<typeof model>; // → { readonly z?: PositiveFamilyClass }
 * ```
 */
export type GuideRecord<M> = [PriorOf<M>] extends [never]
  ? Readonly<Record<string, FamilyClass>>
  : { readonly [K in keyof PriorOf<M>]?: FamilyFor<PriorOf<M>[K]> };

/**
 * What `fit` accepts as a guide: a bound spec or a per-latent record.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const a: GuideOption<typeof model> = meanField();
 * const b: GuideOption<typeof model> = { z: Gamma };
 * fit(model, { guide: b, seed: 1 }).posterior.z; // → Gamma(…)
 * ```
 */
export type GuideOption<M> = GuideSpec | GuideRecord<M>;

/**
 * The guide option G checked for names that are not latents of M: G itself, with
 * every extra key of a record (or of the record of `families(record)`) typed `never`
 * (so `{ z: LogNormal, zz: Gamma }` does not compile for a model without `zz`), and
 * the families of `families(record)` checked against the latents' supports.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * type Ok = ExactGuide<typeof model, { z: typeof LogNormal }>;
 * const ok: Ok = { z: LogNormal }; // the record itself: every key is a latent
 * type Bad = ExactGuide<typeof model, { z: typeof LogNormal; zz: typeof Gamma }>; // → { z: typeof LogNormal; zz: typeof Gamma } & { readonly zz: never }
 * // @ts-expect-error: zz is typed never, so no record with zz fits
 * const bad: Bad = { z: LogNormal, zz: Gamma };
 * ```
 */
export type ExactGuide<M, G> = [PriorOf<M>] extends [never]
  ? G
  : G extends FamiliesSpec<infer R>
    ? FamiliesSpec<R & { readonly [K in keyof R & keyof PriorOf<M>]: FamilyFor<PriorOf<M>[K]> } & NotLatents<M, R>>
    : G extends GuideSpec | undefined
      ? G
      : G & NotLatents<M, G>;

/**
 * The keys of a record R that are not latents of model M, each typed `never`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * type N = NotLatents<typeof model, { z: typeof LogNormal; zz: typeof Gamma }>; // → { readonly zz: never }
 * ```
 */
export type NotLatents<M, R> = { readonly [K in Exclude<keyof R, keyof PriorOf<M>>]: never };
