/**
 * What the identity properties need of a distribution, apart from the family
 * registry (`family.ts`) so that the generators can name it without a cycle.
 *
 * @module
 */
import type { Rng } from '../random/rng';

/**
 * The methods the identity properties call: the interface every varinf
 * distribution (continuous or discrete) has. A user's own distribution only needs
 * these; extending `ContinuousDistribution` gives all of them.
 *
 * For a discrete family (`kind: 'discrete'` in its {@link Family}), `logPdf` is the
 * log-pmf on the integers and `cdf`/`quantile` are step functions.
 *
 * @example
 * ```ts
 * import { Normal } from 'varinf';
 * import type { TestableDistribution } from 'varinf/testing';
 * const d: TestableDistribution = new Normal(0, 1);
 * ```
 */
export interface TestableDistribution {
  /** log f(x) (log-pmf for discrete families); `-Infinity` outside the support. */
  logPdf(x: number): number;
  /** f(x) = exp(log f(x)). */
  pdf(x: number): number;
  /** F(x) = P(X ≤ x). */
  cdf(x: number): number;
  /** log F(x). */
  logCdf(x: number): number;
  /** 1 − F(x). */
  survival(x: number): number;
  /** log(1 − F(x)). */
  logSurvival(x: number): number;
  /** inf{x : F(x) ≥ p}. */
  quantile(p: number): number;
  /** E[X] (NaN or ±Infinity where it does not exist). */
  mean(): number;
  /** Var[X] (NaN or Infinity where it does not exist). */
  variance(): number;
  /** √Var[X]; when absent the properties use `Math.sqrt(variance())`. */
  stddev?(): number;
  /** Entropy −E[log f(X)] in nats; needed only by `entropyMatchesMonteCarlo`. */
  entropy?(): number;
  /** `n` independent draws. */
  sample(rng: Rng, n: number): Float64Array;
  /**
   * log f(x) with ∂/∂x in `out[0]` and ∂/∂θ_k in `out[1 + k]`; needed only by
   * `partialsMatchFiniteDifferences`.
   */
  logPdfPartials?(x: number, out: Float64Array): number;
  /** The ends of the support (`lower` may be `-Infinity`, `upper` `Infinity`). */
  readonly support: {
    /** The lower end (the smallest support point of a discrete family). */
    readonly lower: number;
    /** The upper end. */
    readonly upper: number;
  };
}
