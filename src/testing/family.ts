/**
 * What the properties of `varinf/testing` need from a distribution, and the
 * registry entry that describes a family of them (a factory with its parameter
 * arbitraries).
 *
 * @module
 */
import * as fc from 'fast-check';
import { notANumber, replaceOne } from './generators';
import type { TestableDistribution } from './testable-distribution';

export type { TestableDistribution } from './testable-distribution';


/**
 * A family under test: how to build a member from positional parameters, and
 * fast-check arbitraries of valid, moderate and invalid parameter tuples. Adding a
 * family to the properties is adding one of these (see {@link defineFamily}).
 *
 * @example
 * ```ts
 * import { normalFamily, type Family } from 'varinf/testing';
 * const f: Family = normalFamily;
 * f.make(0, 1).logPdf(0); // → -0.9189385332046728 (−½ log 2π, to an ulp)
 * ```
 */
export interface Family<D extends TestableDistribution = TestableDistribution> {
  /** The family's name, used in failure messages (e.g. `"Normal"`). */
  readonly name: string;
  /** `'continuous'` (a density on an interval) or `'discrete'` (a pmf on the integers). */
  readonly kind: 'continuous' | 'discrete';
  /** Parameter names in constructor order, used in failure messages. */
  readonly paramNames: readonly string[];
  /** Builds the member with these parameters (throws on invalid ones). */
  readonly make: (...params: number[]) => D;
  /** Valid parameters over the whole double range the family supports, tails included. */
  readonly valid: fc.Arbitrary<number[]>;
  /** Moderate parameters, for Monte-Carlo and quadrature properties. */
  readonly moderate: fc.Arbitrary<number[]>;
  /**
   * Invalid parameter tuples (NaN, ±Infinity, out-of-domain values, wrong types),
   * each with at least one argument the constructor must refuse.
   */
  readonly invalid: fc.Arbitrary<unknown[]>;
  /**
   * The fourth central moment μ₄ = E[(X − μ)⁴] of the member with these parameters,
   * for the standard error of the sample variance; without it the variance check
   * of `sampleMomentsMatch` is skipped. Return `Infinity` where μ₄ does not exist.
   */
  readonly fourthCentralMoment?: (...params: number[]) => number;
}

/**
 * An arbitrary, or a function building it on first use (so that a module of
 * families builds nothing at import time).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import type { ArbitrarySource } from 'varinf/testing';
 * const rates: ArbitrarySource<number[]> = () => fc.tuple(fc.double({ min: 0.1, max: 10, noNaN: true }));
 * ```
 */
export type ArbitrarySource<T> = fc.Arbitrary<T> | (() => fc.Arbitrary<T>);

/**
 * What {@link defineFamily} needs; `invalid` is derived from it.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { Exponential } from 'varinf';
 * import { logUniform, nonPositive, replaceOne, type FamilySpec } from 'varinf/testing';
 * const spec: FamilySpec = {
 *   name: 'Exponential',
 *   paramNames: ['rate'],
 *   make: (rate) => new Exponential(rate),
 *   valid: () => fc.tuple(logUniform(-6, 6)),
 *   outOfDomain: () => replaceOne(fc.tuple(logUniform(-6, 6)), nonPositive(), 0),
 * };
 * ```
 */
export interface FamilySpec<D extends TestableDistribution = TestableDistribution> {
  /** See {@link Family.name}. */
  readonly name: string;
  /** See {@link Family.kind}; default `'continuous'`. */
  readonly kind?: 'continuous' | 'discrete';
  /** See {@link Family.paramNames}. */
  readonly paramNames: readonly string[];
  /** See {@link Family.make}. */
  readonly make: (...params: number[]) => D;
  /** See {@link Family.valid}. */
  readonly valid: ArbitrarySource<number[]>;
  /** See {@link Family.moderate}; default `valid`. */
  readonly moderate?: ArbitrarySource<number[]>;
  /**
   * Tuples with an out-of-domain value (e.g. σ ≤ 0) that the constructor must refuse;
   * {@link Family.invalid} adds NaN, ±Infinity and wrong types at every position.
   */
  readonly outOfDomain?: ArbitrarySource<unknown[]>;
  /** See {@link Family.fourthCentralMoment}. */
  readonly fourthCentralMoment?: (...params: number[]) => number;
  /**
   * How many trailing parameters have defaults (default 0): `undefined` there selects
   * the default, so {@link Family.invalid} does not use it at those positions (e.g. 2
   * for `LogitNormal(mu, sigma, low = 0, high = 1)`).
   */
  readonly optionalParams?: number;
}

/**
 * Builds a {@link Family} from its spec. The arbitraries are built on first access
 * and kept, so defining families costs nothing until a test reads them. `invalid`
 * is any valid tuple with one argument replaced by NaN, ±Infinity or a wrong type
 * ({@link notANumber}; `undefined` only at positions without a default, see
 * `optionalParams`), or a tuple from `outOfDomain`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { Normal } from 'varinf';
 * import { defineFamily, logUniform, nonPositive, replaceOne, signedLog } from 'varinf/testing';
 * const valid = () => fc.tuple(signedLog(-8, 8), logUniform(-8, 8));
 * const normal = defineFamily({
 *   name: 'Normal',
 *   paramNames: ['mu', 'sigma'],
 *   make: (mu, sigma) => new Normal(mu, sigma),
 *   valid,
 *   outOfDomain: () => replaceOne(valid(), nonPositive(), 1),
 * });
 * ```
 */
export function defineFamily<D extends TestableDistribution>(spec: FamilySpec<D>): Family<D> {
  const valid = lazy(spec.valid);
  const moderate = spec.moderate === undefined ? valid : lazy(spec.moderate);
  const outOfDomain = spec.outOfDomain === undefined ? undefined : lazy(spec.outOfDomain);
  const required = spec.paramNames.length - (spec.optionalParams ?? 0);
  const invalid = lazy(() => {
    // undefined at a defaulted position is a valid call, not a bad argument.
    const nonNumbers = replaceOne(valid(), notANumber()).filter((ps) => !ps.some((v, i) => v === undefined && i >= required));
    return outOfDomain === undefined ? nonNumbers : fc.oneof(nonNumbers, outOfDomain());
  });
  const family = {
    name: spec.name,
    kind: spec.kind ?? 'continuous',
    paramNames: spec.paramNames,
    make: spec.make,
    get valid() {
      return valid();
    },
    get moderate() {
      return moderate();
    },
    get invalid() {
      return invalid();
    },
  };
  if (spec.fourthCentralMoment !== undefined) {
    // Added as a property, not by spreading: a spread would build the lazy arbitraries now.
    Object.defineProperty(family, 'fourthCentralMoment', { value: spec.fourthCentralMoment, enumerable: true });
  }
  return Object.freeze(family) as Family<D>;
}

/** The arbitrary of `source`, built once on first call. */
function lazy<T>(source: ArbitrarySource<T>): () => fc.Arbitrary<T> {
  if (typeof source !== 'function') return () => source;
  let built: fc.Arbitrary<T> | undefined;
  return () => (built ??= source());
}
