/**
 * Supports of univariate distributions: where the density is positive. The model
 * and VI layers read `kind` to pick a bijection to the unconstrained real line.
 *
 * @module
 */
import { formatValue } from '../errors';

/**
 * The kinds of support, each with its transform to the real line: `real`
 * (identity), `positive` and `nonNegative` (exp), `interval` for a bounded
 * interval such as Beta's (0, 1) or a Uniform's [low, high] (a scaled logistic).
 *
 * @example
 * ```ts
 * const kind: SupportKind = new Gamma(2, 1).support.kind; // → "nonNegative"
 * ```
 */
export type SupportKind = 'real' | 'positive' | 'nonNegative' | 'interval';

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
 * new Exponential(1).support.kind; // → "nonNegative"
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
  /** Whether `upper` itself belongs to the support (only for a finite upper end). */
  readonly upperClosed: boolean;
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
 * supportContains(structuredClone(positive), 0); // → false
 * ```
 */
export function supportContains(s: Pick<Support, 'lower' | 'upper' | 'lowerClosed' | 'upperClosed'>, x: number): boolean {
  if (s === null || typeof s !== 'object') throw new TypeError(`supportContains: s must be a Support (e.g. positive), got ${formatValue(s)}`);
  if (typeof x !== 'number') throw new TypeError(`supportContains: x must be a number, got ${formatValue(x)}`);
  return within(s, x);
}

/** The test of {@link supportContains} without its argument checks: `contains` runs it per datum. */
function within(s: Pick<Support, 'lower' | 'upper' | 'lowerClosed' | 'upperClosed'>, x: number): boolean {
  return (s.lowerClosed ? x >= s.lower : x > s.lower) && (s.upperClosed ? x <= s.upper : x < s.upper);
}

/** The standard supports: frozen data, `contains` on the prototype. */
class StandardSupport implements Support {
  constructor(
    readonly kind: SupportKind,
    readonly lower: number,
    readonly upper: number,
    readonly lowerClosed: boolean,
    readonly upperClosed = false,
  ) {
    Object.freeze(this);
  }

  contains(x: number): boolean {
    return within(this, x);
  }
}

/**
 * The whole real line (−∞, ∞).
 *
 * @example
 * ```ts
 * real.contains(-3); // → true
 * ```
 */
export const real: Support = /* @__PURE__ */ new StandardSupport('real', -Infinity, Infinity, false);

/**
 * The open half-line (0, ∞).
 *
 * @example
 * ```ts
 * positive.contains(0); // → false
 * ```
 */
export const positive: Support = /* @__PURE__ */ new StandardSupport('positive', 0, Infinity, false);

/**
 * The closed half-line [0, ∞).
 *
 * @example
 * ```ts
 * nonNegative.contains(0); // → true
 * ```
 */
export const nonNegative: Support = /* @__PURE__ */ new StandardSupport('nonNegative', 0, Infinity, true);

/**
 * The open unit interval (0, 1), e.g. the support of `Beta(α, β)`.
 *
 * @example
 * ```ts
 * unitInterval.contains(1); // → false
 * ```
 */
export const unitInterval: Support = /* @__PURE__ */ new StandardSupport('interval', 0, 1, false, false);

/**
 * The closed bounded interval [lower, upper] (finite ends, lower < upper), e.g.
 * the support of `Uniform(lower, upper)`; `contains` includes both ends. A latent
 * with this support is sampled on the open interval (the ends have probability 0).
 *
 * @param lower - the lower end, finite
 * @param upper - the upper end, finite and > lower
 * @returns a frozen support of kind `"interval"`
 * @example
 * ```ts
 * import { closedInterval } from 'varinf';
 * closedInterval(-1, 2).contains(2); // → true
 * ```
 */
export function closedInterval(lower: number, upper: number): Support {
  return new StandardSupport('interval', lower, upper, true, true);
}

/**
 * The open bounded interval (lower, upper) (finite ends, lower < upper), e.g. the
 * support of a `LogitNormal` on (lower, upper).
 *
 * @param lower - the lower end, finite
 * @param upper - the upper end, finite and > lower
 * @returns a frozen support of kind `"interval"`
 * @example
 * ```ts
 * import { openInterval } from 'varinf';
 * openInterval(-1, 2).contains(2); // → false
 * ```
 */
export function openInterval(lower: number, upper: number): Support {
  return lower === 0 && upper === 1 ? unitInterval : new StandardSupport('interval', lower, upper, false, false);
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
 * s.contains(2);   // → true
 * s.contains(2.5); // → false
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
 * integerRange(0, 10).contains(10); // → true
 * integerRange(0, 10).contains(11); // → false
 * ```
 */
export function integerRange(lower: number, upper: number): DiscreteSupport {
  return new IntegerRange(lower, upper);
}

/** {@link integerRange}'s support: frozen data, `contains` on the prototype (survives `structuredClone` as data). */
class IntegerRange implements DiscreteSupport {
  readonly kind = 'integer';
  readonly lowerClosed = true;
  constructor(
    readonly lower: number,
    readonly upper: number,
  ) {
    Object.freeze(this);
  }

  contains(k: number): boolean {
    return k >= this.lower && k <= this.upper && Number.isInteger(k);
  }
}

/**
 * The counts {0, 1, 2, …}, the support of the Poisson distribution.
 *
 * @example
 * ```ts
 * nonNegativeIntegers.contains(1e6); // → true
 * nonNegativeIntegers.contains(-1);  // → false
 * ```
 */
export const nonNegativeIntegers: DiscreteSupport = /* @__PURE__ */ integerRange(0, Infinity);
