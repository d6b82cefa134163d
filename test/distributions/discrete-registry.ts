/**
 * The discrete families under test: a thin view of `discreteFamilies` of
 * `varinf/testing` (src/testing/discrete-families.ts), the counterpart of
 * registry.ts, typed as `DiscreteDistribution`. Add a family there, not here.
 *
 * `params` and `moderateParams` are the older names of `valid` and `moderate`;
 * `continuous` says which parameters have a partial derivative (an integer count such
 * as n does not). The generic tests in discrete-*.test.ts sweep the list.
 */
import type fc from 'fast-check';
import type { DiscreteDistribution } from '../../src/index';
import { discreteFamilies, type Family } from '../../src/testing/index';

export { probability } from '../../src/testing/index';

export interface DiscreteRegistryEntry extends Family<DiscreteDistribution> {
  /** Which parameters are continuous (have a partial derivative); an integer such as n does not. */
  readonly continuous: readonly boolean[];
  /** Same as `valid`: covering the extremes. */
  readonly params: fc.Arbitrary<number[]>;
  /** Same as `moderate`: supports whose bulk is at most a few thousand integers wide. */
  readonly moderateParams: fc.Arbitrary<number[]>;
}

/** Parameters that are integers (no partial derivative). */
const COUNTS = new Set(['n']);

// A getter-preserving view: the families' arbitraries are built lazily on first read.
export const discreteRegistry: readonly DiscreteRegistryEntry[] = (discreteFamilies as readonly Family<DiscreteDistribution>[]).map((f) =>
  Object.create(f, {
    continuous: { value: f.paramNames.map((n) => !COUNTS.has(n)), enumerable: true },
    params: { get: () => f.valid, enumerable: true },
    moderateParams: { get: () => f.moderate, enumerable: true },
  }) as DiscreteRegistryEntry,
);

/**
 * A range of d's support outside which the mass is negligible: from the 1e-30
 * quantile to 10 standard deviations (+ 50) beyond the 1 − 2⁻⁵³ quantile, where the
 * remaining upper tail is far below 1e-30.
 */
export function bulk(d: DiscreteDistribution): [number, number] {
  const hi = d.quantile(1 - 2 ** -53) + Math.ceil(10 * d.stddev() + 50);
  return [d.quantile(1e-30), Math.min(hi, d.support.upper)];
}
