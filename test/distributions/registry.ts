/**
 * The continuous distributions under test: a thin view of the registry that
 * `varinf/testing` exports (src/testing/arbitraries.ts), so the project's tests and
 * users' tests sweep the same families with the same arbitraries. Add a family there
 * (one `defineFamily` entry listed in `continuousFamilies`), not here.
 *
 * `params` and `moderateParams` are the older names of `valid` and `moderate`, kept
 * for the tests that still read them; `unit` is a fixed valid parameter vector for
 * the fixed-point checks (serialization, statistics, bad input).
 */
import type fc from 'fast-check';
import type { ContinuousDistribution } from '../../src/index';
import { continuousFamilies, type Family } from '../../src/testing/index';

export { logUniform, pointIn, signedLog } from '../../src/testing/index';

export interface RegistryEntry extends Family<ContinuousDistribution> {
  /** Same as `valid`. */
  readonly params: fc.Arbitrary<number[]>;
  /** Same as `moderate`. */
  readonly moderateParams: fc.Arbitrary<number[]>;
  /** One valid parameter vector for fixed-point checks; all ones when absent. */
  readonly unit?: readonly number[];
}

/** Fixed parameters where all ones are invalid (an interval needs low < high). */
const UNIT: Readonly<Record<string, readonly number[]>> = {
  Uniform: [0, 1],
  LogitNormal: [0, 1, 0, 1],
};

// A getter-preserving view: the families' arbitraries are built lazily on first read.
export const registry: readonly RegistryEntry[] = (continuousFamilies as readonly Family<ContinuousDistribution>[]).map((f) =>
  Object.create(f, {
    params: { get: () => f.valid, enumerable: true },
    moderateParams: { get: () => f.moderate, enumerable: true },
    unit: { value: UNIT[f.name], enumerable: true },
  }) as RegistryEntry,
);

/** The entry's fixed valid parameters: `unit`, or all ones. */
export const unitParams = (entry: RegistryEntry): number[] => [...(entry.unit ?? entry.paramNames.map(() => 1))];

