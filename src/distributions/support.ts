/**
 * Supports of univariate distributions: where the density is positive. The model
 * and VI layers read `kind` to pick a bijection to the unconstrained real line.
 *
 * @module
 */

/**
 * The kinds of support varinf knows how to transform to the real line.
 *
 * @example
 * ```ts
 * const kind: SupportKind = new Gamma(2, 1).support.kind; // "nonNegative"
 * ```
 */
export type SupportKind = 'real' | 'positive' | 'nonNegative';

/**
 * An interval support `[lower, upper]`, with open or closed ends.
 *
 * Supports are plain data with the membership test on the prototype (no function
 * is an own property), so a distribution survives `structuredClone` and
 * `postMessage`. A clone is a plain object: use {@link supportContains} on it, or
 * rebuild the distribution with `fromJSON`.
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
  /** True when `x` lies in the support (false for NaN); see {@link supportContains}. */
  contains(x: number): boolean;
}

/**
 * True when `x` lies in the support described by `s` (false for NaN): the test
 * behind `Support.contains`, usable on a support that crossed a worker boundary
 * (a plain object without methods).
 *
 * @example
 * ```ts
 * import { positive, supportContains } from 'varinf';
 * supportContains(structuredClone(positive), 0); // false
 * ```
 */
export function supportContains(s: Pick<Support, 'lower' | 'upper' | 'lowerClosed'>, x: number): boolean {
  return (s.lowerClosed ? x >= s.lower : x > s.lower) && x < s.upper;
}

/** The standard supports: frozen data, `contains` on the prototype. */
class StandardSupport implements Support {
  constructor(
    readonly kind: SupportKind,
    readonly lower: number,
    readonly upper: number,
    readonly lowerClosed: boolean,
  ) {
    Object.freeze(this);
  }

  contains(x: number): boolean {
    return supportContains(this, x);
  }
}

/**
 * The whole real line (−∞, ∞).
 *
 * @example
 * ```ts
 * real.contains(-3); // true
 * ```
 */
export const real: Support = /* @__PURE__ */ new StandardSupport('real', -Infinity, Infinity, false);

/**
 * The open half-line (0, ∞).
 *
 * @example
 * ```ts
 * positive.contains(0); // false
 * ```
 */
export const positive: Support = /* @__PURE__ */ new StandardSupport('positive', 0, Infinity, false);

/**
 * The closed half-line [0, ∞).
 *
 * @example
 * ```ts
 * nonNegative.contains(0); // true
 * ```
 */
export const nonNegative: Support = /* @__PURE__ */ new StandardSupport('nonNegative', 0, Infinity, true);
