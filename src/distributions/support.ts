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
