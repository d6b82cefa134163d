/**
 * Supports of univariate distributions: where the density is positive. The model
 * and VI layers read `kind` to pick a bijection to the unconstrained real line.
 *
 * @module
 */

/**
 * The kinds of support: `real`, `positive` and `nonNegative` have a transform to
 * the real line (identity, exp); `interval` (a bounded interval such as a
 * Uniform's [low, high]) does not have one in the model layer yet.
 *
 * @example
 * ```ts
 * const kind: SupportKind = new Gamma(2, 1).support.kind; // "nonNegative"
 * ```
 */
export type SupportKind = 'real' | 'positive' | 'nonNegative' | 'interval';

/**
 * An interval support `[lower, upper]`, with open or closed ends.
 *
 * @example
 * ```ts
 * import { Exponential } from 'varinf';
 * new Exponential(1).support.kind; // "nonNegative"
 * ```
 */
export interface Support {
  /** Which standard support this is; decides the transform used by models and guides. */
  readonly kind: SupportKind;
  /** Lower end of the support. */
  readonly lower: number;
  /** Upper end of the support. */
  readonly upper: number;
  /** Whether `lower` itself belongs to the support. */
  readonly lowerClosed: boolean;
  /** True when `x` lies in the support (false for NaN). */
  contains(x: number): boolean;
}

/**
 * The whole real line (−∞, ∞).
 *
 * @example
 * ```ts
 * real.contains(-3); // true
 * ```
 */
export const real: Support = Object.freeze({
  kind: 'real',
  lower: -Infinity,
  upper: Infinity,
  lowerClosed: false,
  contains: (x: number): boolean => x > -Infinity && x < Infinity,
});

/**
 * The open half-line (0, ∞).
 *
 * @example
 * ```ts
 * positive.contains(0); // false
 * ```
 */
export const positive: Support = Object.freeze({
  kind: 'positive',
  lower: 0,
  upper: Infinity,
  lowerClosed: false,
  contains: (x: number): boolean => x > 0 && x < Infinity,
});

/**
 * The closed half-line [0, ∞).
 *
 * @example
 * ```ts
 * nonNegative.contains(0); // true
 * ```
 */
export const nonNegative: Support = Object.freeze({
  kind: 'nonNegative',
  lower: 0,
  upper: Infinity,
  lowerClosed: true,
  contains: (x: number): boolean => x >= 0 && x < Infinity,
});

/**
 * The closed bounded interval [lower, upper] (finite ends, lower < upper), e.g.
 * the support of `Uniform(lower, upper)`; `contains` includes both ends.
 *
 * @param lower - the lower end, finite
 * @param upper - the upper end, finite and > lower
 * @returns a frozen support of kind `"interval"`
 * @example
 * ```ts
 * import { closedInterval } from 'varinf';
 * closedInterval(-1, 2).contains(2); // true
 * ```
 */
export function closedInterval(lower: number, upper: number): Support {
  return Object.freeze({
    kind: 'interval',
    lower,
    upper,
    lowerClosed: true,
    contains: (x: number): boolean => x >= lower && x <= upper,
  });
}

/**
 * The support of a discrete distribution: the integers {lower, lower + 1, …, upper}
 * (upper may be ∞). It is a separate type from {@link Support}, whose `kind` picks a
 * bijection to the real line for latents: a discrete distribution is never a latent,
 * so the type system keeps it out of a prior while `lower`, `upper` and `contains`
 * read the same way.
 *
 * @example
 * ```ts
 * import { Poisson } from 'varinf';
 * const s = new Poisson(3).support;
 * s.contains(2);   // true
 * s.contains(2.5); // false
 * ```
 */
export interface DiscreteSupport {
  /** Always `"integer"`: a set of consecutive integers. */
  readonly kind: 'integer';
  /** The smallest integer in the support. */
  readonly lower: number;
  /** The largest integer in the support (∞ for an unbounded count). */
  readonly upper: number;
  /** Always true: the lower end belongs to the support. */
  readonly lowerClosed: true;
  /** True when `k` is an integer in [lower, upper] (false for NaN, ±∞ and non-integers). */
  contains(k: number): boolean;
}

/**
 * The integers {lower, …, upper}; `upper` may be ∞ for {lower, lower + 1, …}.
 *
 * @param lower - smallest integer of the support
 * @param upper - largest integer of the support, or ∞
 * @example
 * ```ts
 * integerRange(0, 10).contains(10); // true
 * integerRange(0, 10).contains(11); // false
 * ```
 */
export function integerRange(lower: number, upper: number): DiscreteSupport {
  return Object.freeze({
    kind: 'integer',
    lower,
    upper,
    lowerClosed: true,
    contains: (k: number): boolean => k >= lower && k <= upper && Number.isInteger(k),
  });
}

/**
 * The counts {0, 1, 2, …}, the support of the Poisson distribution.
 *
 * @example
 * ```ts
 * nonNegativeIntegers.contains(1e6); // true
 * nonNegativeIntegers.contains(-1);  // false
 * ```
 */
export const nonNegativeIntegers: DiscreteSupport = /* @__PURE__ */ integerRange(0, Infinity);
