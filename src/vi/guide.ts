/**
 * The variational family contract. A guide is a family of densities q(u; θ) on the
 * model's unconstrained space ℝᵈ (u = T⁻¹(z) block by block), with a flat,
 * unconstrained parameter vector θ (log-scales, log-rates, …) and everything a
 * reparameterized ELBO estimator needs:
 *
 * - u = g(θ, ε) from base noise ε (`drawNoise`, `forward`);
 * - log q(u; θ) and ∇ᵤ log q(u; θ) (`logQ`, `logQGradU`);
 * - the score ∂θ log q(u; θ) at fixed u (`addScore`);
 * - the pathwise vector–Jacobian product (∂u/∂θ)ᵀ g (`backprop`);
 * - the analytic entropy H[q] on ℝᵈ and its gradient, where one exists;
 * - the fitted `posterior`: per latent a distribution on the latent's own space.
 *
 * Working on ℝᵈ for every family means log p(z, D) − log q(z) is evaluated as
 * logDensity(u) − log q_u(u), where both sides carry the same log-Jacobian
 * log|T′(u)|, so it cancels exactly: a Gamma guide on z is the density of u = log z.
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
import type { DifferentiableModel, LatentBlock } from '../model/differentiable-model';
import type { Model } from '../model/model';
import type { Plate } from '../model/plate';
import type { Rng } from '../random/rng';

/**
 * A distribution, or one per element for a plate latent.
 *
 * @example
 * ```ts
 * const z: PosteriorValue = new LogNormal(-0.32, 0.66);
 * const w: PosteriorValue = [new Normal(0, 1), new Normal(1, 1)];
 * ```
 */
export type PosteriorValue = ContinuousDistribution | readonly ContinuousDistribution[];

/**
 * The fitted posterior: for every latent, a distribution object on its own space
 * (an array of them for a plate).
 *
 * @example
 * ```ts
 * const post: Posterior = { z: new LogNormal(-0.32, 0.66) };
 * ```
 */
export type Posterior = Record<string, PosteriorValue>;

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
 * const r = fit(model, { guide: { z: LogNormal } });
 * const q: LogNormal = r.posterior.z; // r.posterior.y is a compile-time error
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
 * type F = GuideFamilyOf<{ z: typeof LogNormal }, 'z'>; // typeof LogNormal
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
 * type V = PosteriorValueOf<Plate<Normal>>; // readonly Normal[]
 * type W = PosteriorValueOf<Exponential, typeof Gamma>; // Gamma
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
 * type Q = FittedElement<Beta, undefined>; // LogitNormal
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
 * type E = EntryOf<(l: { tau: number }) => Normal>; // Normal
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
 * type K = SupportKindOf<HalfCauchy>; // "positive"
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
 * type Q = DefaultPosteriorFor<Exponential>; // LogNormal
 * ```
 */
export type DefaultPosteriorFor<D> =
  SupportKindOf<D> extends 'real' ? Normal : SupportKindOf<D> extends 'positive' ? LogNormal : SupportKindOf<D> extends 'interval' ? LogitNormal : ContinuousDistribution;

/**
 * A Gaussian N(mean, covariance) on the unconstrained space ℝᵈ, as given by the
 * mean-field and full-rank guides (row-major d×d covariance).
 *
 * @example
 * ```ts
 * const g: UnconstrainedGaussian = { mean: Float64Array.of(0), covariance: Float64Array.of(1), names: ['z'] };
 * ```
 */
export interface UnconstrainedGaussian {
  /** Mean vector m. */
  readonly mean: Float64Array;
  /** Covariance Σ = L Lᵀ, row-major d×d. */
  readonly covariance: Float64Array;
  /** Coordinate names, e.g. `"z"` or `"w[2]"`. */
  readonly names: readonly string[];
}

/**
 * A variational family bound to a model: the operations the ELBO estimators use.
 * All vectors are caller-owned; no method allocates (except `posterior` and
 * `initialParams`).
 *
 * @example
 * ```ts
 * import { Exponential, Model, Normal, Rng } from 'varinf';
 * import { meanField } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = guide.initialParams();
 * const eps = new Float64Array(guide.dim), u = new Float64Array(guide.dim);
 * guide.drawNoise(theta, new Rng(1), eps);
 * guide.forward(theta, eps, u);       // u ~ q(·; θ)
 * guide.logQ(theta, u);               // log q(u; θ)
 * ```
 */
export interface Guide {
  /** `"meanField"`, `"fullRank"` or `"family"` (per-latent families). */
  readonly kind: string;
  /** Dimension d of u (the model's `dim`). */
  readonly dim: number;
  /**
   * Optional: the length of one base-noise row ε, when it is not d (a Beta guide
   * draws two Gamma variates per coordinate). Default d. Workspaces, RQMC points and
   * joint draws size their noise rows by it.
   */
  readonly noiseDim?: number;
  /** Number of variational parameters. */
  readonly numParams: number;
  /** A name per parameter, e.g. `"z.mu"`, `"z.logSigma"`, `"w[1].logRate"`. */
  readonly paramNames: readonly string[];
  /** The latent each parameter belongs to (for error messages). */
  readonly paramLatent: readonly string[];
  /** The latent each coordinate of u belongs to. */
  readonly coordLatent: readonly string[];
  /** True when `entropy` is exact (all families here have closed-form entropies on ℝᵈ). */
  readonly hasAnalyticEntropy: boolean;
  /** True when `drawNoise` depends on θ (Gamma: implicit reparameterization). */
  readonly noiseDependsOnParams: boolean;
  /** A fresh initial parameter vector. */
  initialParams(): Float64Array;
  /** Fills `eps` (length `noiseDim`, default d) with base noise for one sample. */
  drawNoise(params: Float64Array, rng: Rng, eps: Float64Array): void;
  /**
   * Maps one row of `noiseDim` (default d) uniforms in (0, 1) to base noise by the inverse CDF of each
   * coordinate's base law (Φ⁻¹ for Gaussian noise, −log(1 − U) for Exp(1), the
   * Gamma(α, 1) quantile for Gamma guides): the entry point for randomized
   * quasi-Monte Carlo base samples. `uniform` and `eps` may be the same array.
   */
  noiseFromUniform(params: Float64Array, uniform: Float64Array, eps: Float64Array): void;
  /** u = g(θ, ε). */
  forward(params: Float64Array, eps: Float64Array, u: Float64Array): void;
  /** log q(u; θ) on ℝᵈ. */
  logQ(params: Float64Array, u: Float64Array): number;
  /** Writes ∇ᵤ log q(u; θ) into `out`, returns log q(u; θ). */
  logQGradU(params: Float64Array, u: Float64Array, out: Float64Array): number;
  /** g += scale · ∂θ log q(u; θ) at fixed u. */
  addScore(params: Float64Array, u: Float64Array, scale: number, g: Float64Array): void;
  /** g += scale · (∂u/∂θ)ᵀ gU at u = g(θ, ε). */
  backprop(params: Float64Array, eps: Float64Array, u: Float64Array, gU: Float64Array, scale: number, g: Float64Array): void;
  /** H[q] = −E_q[log q(u)] on ℝᵈ. */
  entropy(params: Float64Array): number;
  /** g += scale · ∇θ H[q]. */
  addEntropyGrad(params: Float64Array, scale: number, g: Float64Array): void;
  /** The posterior on the latents' own spaces. */
  posterior(params: Float64Array): Posterior;
  /** For Gaussian guides on ℝᵈ, the joint mean and covariance; otherwise undefined. */
  gaussian(params: Float64Array): UnconstrainedGaussian | undefined;
  /**
   * Optional: writes the parameters on the scale the user reads, those of the
   * fitted distributions (μ and σ of a Normal/LogNormal, shape and rate of a Gamma,
   * rate of an Exponential), into `out` (length `numParams`, same order as θ).
   * `fit`'s convergence rule measures standard errors and drift on this scale;
   * without it, on θ itself.
   */
  naturalParams?(params: Float64Array, out: Float64Array): void;
  /**
   * Optional: how the convergence rule measures each natural parameter (length
   * `numParams`): `"location"` in units of min(1, σ), `"positive"` in the soft unit
   * of a rate, shape or scale (see `naturalUnits`). Without it, read off the names.
   *
   * @internal
   */
  readonly paramUnits?: readonly ('location' | 'positive')[];
  /**
   * Optional: moves the location parameters in `params` so that coordinate j is
   * centred at u[j], keeping the spreads (`fit`'s `init` values for per-latent
   * guides). Without it, read off the names.
   *
   * @internal
   */
  locateAt?(params: Float64Array, u: Float64Array): void;
  /** Optional control variates of the base noise (see {@link GuideControlVariates}). */
  readonly controlVariates?: GuideControlVariates;
}

/**
 * Control variates of a guide's base noise: per coordinate j of u, `perCoord`
 * functions h_jk(ε) whose expectation under the base law at θ is exactly 0
 * (e.g. ε − α, ε² − α(α + 1), log ε − ψ(α) for ε ~ Gamma(α, 1)). `fit` subtracts
 * c·h̄ from the gradient of every parameter of coordinate j, with c regressed on
 * earlier steps, so the gradient stays unbiased while its variance drops.
 *
 * @example
 * ```ts
 * const cv = guide.controlVariates!;
 * const h = new Float64Array(guide.dim * cv.perCoord);
 * cv.features(theta, eps, h); // h[j * cv.perCoord + k] = h_jk(ε_j)
 * ```
 */
export interface GuideControlVariates {
  /** Number of features per coordinate, K. */
  readonly perCoord: number;
  /** The coordinate j of u each parameter belongs to (length `numParams`). */
  readonly paramCoord: Int32Array;
  /** Writes the d·K features of one noise row ε into `out` (row-major by coordinate). */
  features(params: Float64Array, eps: Float64Array, out: Float64Array): void;
}

/**
 * A guide description not yet bound to a model: `meanField()`, `fullRank()`, or
 * the result of {@link families}. `fit` binds it with `build(model)`.
 *
 * @example
 * ```ts
 * const spec: GuideSpec = meanField();
 * const guide = spec.build(model);
 * ```
 */
export interface GuideSpec {
  /** `"meanField"`, `"fullRank"` or `"family"`. */
  readonly kind: string;
  /** Binds the description to a model; throws when a family does not fit a latent. */
  build(model: DifferentiableModel): Guide;
}

/**
 * The spec of a Gaussian guide on the unconstrained space, `meanField()` or
 * `fullRank()`: every latent's posterior is the Gaussian's marginal pushed through
 * the latent's bijection (Normal, LogNormal or LogitNormal).
 *
 * @example
 * ```ts
 * const spec: GaussianGuideSpec = fullRank();
 * ```
 */
export interface GaussianGuideSpec extends GuideSpec {
  /** `"meanField"` or `"fullRank"`. */
  readonly kind: 'meanField' | 'fullRank';
}

/**
 * The spec `families(record)` returns: per-latent families, the default Gaussian
 * coordinates for the latents the record leaves out.
 *
 * @example
 * ```ts
 * const spec: FamiliesSpec<{ z: typeof Gamma }> = families({ z: Gamma });
 * ```
 */
export interface FamiliesSpec<R> extends GuideSpec {
  /** `"family"`. */
  readonly kind: 'family';
  /** The record it was built from. */
  readonly families: R;
}

/**
 * A per-latent family, given by its class.
 *
 * @example
 * ```ts
 * const family: FamilyClass = LogNormal;
 * fit(model, { guide: { z: family } });
 * ```
 */
export type FamilyClass = typeof Normal | typeof LogNormal | typeof Gamma | typeof Exponential | typeof LogitNormal;
/**
 * The families allowed for a positive latent.
 *
 * @example
 * ```ts
 * const families: PositiveFamilyClass[] = [LogNormal, Gamma, Exponential];
 * ```
 */
export type PositiveFamilyClass = typeof LogNormal | typeof Gamma | typeof Exponential;

/**
 * The prior record of a model type (`never` for a hand-written model without one).
 *
 * @example
 * ```ts
 * type P = PriorOf<Model<{ z: Exponential }>>; // { z: Exponential }
 * ```
 */
export type PriorOf<M> = M extends Model<infer P> ? P : never;
/**
 * The distribution type of one element of a prior entry (itself, an array's element, or a plate's distribution).
 *
 * @example
 * ```ts
 * type E = ElementOf<Plate<Normal>>; // Normal
 * ```
 */
export type ElementOf<D> = D extends readonly (infer E)[] ? E : D extends Plate<infer E> ? E : D;
/**
 * The families allowed for a latent whose prior is D, by its support: `Normal` for a
 * real prior, `LogNormal`, `Gamma` or `Exponential` for a positive one, `LogitNormal`
 * for an interval one; any family where the type cannot tell (checked at run time).
 *
 * @example
 * ```ts
 * type F = FamilyFor<Exponential>; // typeof LogNormal | typeof Gamma | typeof Exponential
 * ```
 */
export type FamilyFor<D> = FamilyForKind<SupportKindOf<ElementOf<EntryOf<D>>>>;

/**
 * The families allowed on a kind of support (see {@link SupportKindOf}).
 *
 * @example
 * ```ts
 * type F = FamilyForKind<'interval'>; // typeof LogitNormal
 * ```
 */
export type FamilyForKind<K> = K extends 'real' ? typeof Normal : K extends 'positive' ? PositiveFamilyClass : K extends 'interval' ? typeof LogitNormal : FamilyClass;

/**
 * A per-latent guide record for model M. For a typed `Model` it maps some or all
 * latent names to an allowed family; the others get the default Gaussian
 * coordinates (a misspelt name, or `Normal` for a positive latent, is a compile-time
 * error). For a hand-written `DifferentiableModel` it is any record of families,
 * checked at run time.
 *
 * @example
 * ```ts
 * const g: GuideRecord<typeof model> = { z: LogNormal };
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
 * const a: GuideOption<typeof model> = meanField();
 * const b: GuideOption<typeof model> = { z: Gamma };
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
 * type Ok = ExactGuide<typeof model, { z: typeof LogNormal }>; // { z: typeof LogNormal }
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
 * type N = NotLatents<typeof model, { z: typeof LogNormal; zz: typeof Gamma }>; // { readonly zz: never }
 * ```
 */
export type NotLatents<M, R> = { readonly [K in Exclude<keyof R, keyof PriorOf<M>>]: never };

/**
 * The length of one base-noise row of a guide: `noiseDim`, or d when it has none.
 *
 * @example
 * ```ts
 * const eps = new Float64Array(noiseDimOf(guide));
 * ```
 * @internal
 */
export function noiseDimOf(guide: Guide): number {
  return guide.noiseDim ?? guide.dim;
}

/** Human-readable name of coordinate k of a block: `"z"` or `"w[2]"`. */
export function coordName(block: LatentBlock, k: number): string {
  return block.scalar ? block.name : `${block.name}[${k}]`;
}

/** Checks the blocks of a model cover 0..dim−1 in order; returns them. */
export function checkBlocks(model: DifferentiableModel): readonly LatentBlock[] {
  let off = 0;
  for (const b of model.blocks) {
    if (b.offset !== off || !(b.size >= 1)) {
      throw new RangeError(`vi: model blocks must cover 0..dim-1 in order; block "${b.name}" has offset ${b.offset}, size ${b.size}, expected offset ${off}`);
    }
    off += b.size;
  }
  if (off !== model.dim) throw new RangeError(`vi: model blocks cover ${off} coordinates but dim is ${model.dim}`);
  return model.blocks;
}
