/**
 * What `new Model(…)` takes: the {@link ModelSpec} and its {@link Likelihood}.
 *
 * @module
 */
import type { Covariates, Datum } from './covariates';
import type { Latents, Prior } from './latents';
import type { LikelihoodDistribution } from './values';

/**
 * The likelihood of a model: the distribution of datum `i` given the latents.
 * A likelihood that declares no second parameter (`({ z }) => …`) is taken to be
 * i.i.d.: it is called once per evaluation and summed over the data in one tight
 * loop (`sumLogPdf`). Declare `(latents, i) => …` to use covariates by index, or
 * declare them to the model (`covariates: { x, t }`) and write
 * `(latents, { x, t }) => …` over one datum's covariates: the model then traces the
 * likelihood once with placeholders instead of calling it per datum. The test is
 * the function's `length`, so do not give `i` a default value (`(p, i = 0) => …`
 * has length 1 and would be taken as i.i.d.).
 *
 * The likelihood must be a pure function of the latents (and of `i`): the same
 * latents give the same distribution, with no side effects, and it reads a
 * latent's value only through `detach`. The model relies on this: when an i.i.d.
 * likelihood passes latents straight into the parameters of a `Normal`,
 * `Exponential`, `Gamma` or `LogNormal` (e.g. `({ z }) => new Normal(z, 1)`, no
 * arithmetic on latents, no `detach`), the model learns that from one call and
 * afterwards evaluates Σᵢ log p(xᵢ | z) and its gradient from the latents'
 * values directly, without calling the likelihood.
 *
 * @example
 * ```ts
 * const iid: Likelihood<{ z: Exponential }> = ({ z }) => new Normal(z, 1);
 * const xs = [0.1, 0.5, 0.9];
 * const reg: Likelihood<{ a: Normal; b: Normal }> = ({ a, b }, i) => new Normal(add(a, mul(b, xs[i])), 1);
 * String(reg({ a: 1, b: 2 }, 1)); // → "Normal(mu = 2, sigma = 1)"
 * ```
 */
export type Likelihood<P extends Prior, C extends Covariates = NoCovariates> = (
  latents: Latents<P>,
  // NoInfer: C is learned from `covariates` alone (an annotated `i: number` must not
  // make the compiler infer covariates from the likelihood).
  datum: NoInfer<[keyof C] extends [never] ? number : Datum<C>>,
) => LikelihoodDistribution;

/**
 * The covariates of a model that declares none: its likelihood's second parameter
 * is the datum's index.
 *
 * @example
 * ```ts
 * const none: NoCovariates = {};
 * Object.keys(none).length; // → 0
 * ```
 */
export type NoCovariates = Readonly<Record<never, never>>;

/**
 * What `new Model(…)` takes.
 *
 * @example
 * ```ts
 * const spec: ModelSpec<{ z: Exponential }> = {
 *   prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3],
 * };
 * new Model(spec).dim; // → 1
 * ```
 */
export interface ModelSpec<P extends Prior, C extends Covariates = NoCovariates> {
  /**
   * Named latents and their priors: a distribution, an array of distributions,
   * `plate(dist, n)`, or a function of the earlier latents returning one of these.
   */
  readonly prior: P;
  /**
   * The distribution of datum i given the latents (arithmetic on latents through
   * varinf's ops): a function of `(latents, i)`, or of `(latents, datum)` with the
   * datum's declared `covariates`.
   */
  readonly likelihood: Likelihood<P, C>;
  /**
   * Per-datum covariates by name: one number (`t: number[]`) or one row
   * (`x: number[][]`) per datum. The likelihood then receives datum i's covariates
   * as its second argument (`x` a row, `t` a number) instead of i. The model traces
   * the likelihood once, with placeholders for the covariates, and replays it over
   * the data: no call per datum to build the model or evaluate it, and data
   * subsampling (`fit`'s `batchSize`) by index. Use varinf's operations on
   * covariates as on latents (`dot(x, w)`, `mul(b, t)`, `x[j]`): plain `+` or
   * `Math.*` on a placeholder fails the single trace, and the model then calls the
   * likelihood datum by datum (correct, but the slower path).
   *
   * @example
   * ```ts
   * const model = new Model({
   *   prior: { w: plate(new Normal(0, 1), 2), s: new HalfNormal(1) },
   *   covariates: { x: [[1, 0.5], [1, -1], [1, 2]], t: [1, 2, 3] },
   *   likelihood: ({ w, s }, { x, t }) => new Normal(add(dot(x, w), mul(0.1, t)), s),
   *   data: [0.9, -0.2, 2.5],
   * });
   * model.logLikelihood({ w: Float64Array.of(0, 1), s: 1 }); // ≈ -3.0018
   * ```
   */
  readonly covariates?: C;
  /** The observations, finite numbers. */
  readonly data: ArrayLike<number>;
  /**
   * An extra term added to the log joint (Stan's `target +=`, Pyro's `factor`): a
   * function of the latents returning a log density, built with varinf's
   * differentiable operations so that its gradient is exact. It is part of
   * `logJoint` and the unconstrained density, not of `logLikelihood`.
   *
   * @example
   * ```ts
   * // A soft constraint a + b ≈ 1:
 * const model = new Model({
 *   prior: { a: new Normal(0, 1), b: new Normal(0, 1) },
 *   likelihood: ({ a }) => new Normal(a, 1),
 *   data: [0.3],
 *   factor: ({ a, b }) => mul(-50, square(sub(add(a, b), 1))),
 * });
 * model.logJoint({ a: 0.5, b: 0.7 }) - model.logPrior({ a: 0.5, b: 0.7 }) - model.logLikelihood({ a: 0.5, b: 0.7 }); // ≈ -2.000000 (= −50·0.2²)
   * ```
   */
  readonly factor?: (latents: Latents<P>) => number;
}
