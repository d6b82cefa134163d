/**
 * The distributions under test: a thin view of the registry that `varinf/testing`
 * exports (src/testing/arbitraries.ts), so the project's tests and users' tests
 * sweep the same families with the same arbitraries. Add a family there (one
 * `defineFamily` entry listed in `families`), not here.
 *
 * `params` and `moderateParams` are the older names of `valid` and `moderate`, kept
 * for the tests that still read them.
 */
import type fc from 'fast-check';
import type { ContinuousDistribution } from '../../src/index';
import { families, type Family } from '../../src/testing/index';

export { logUniform, pointIn, signedLog } from '../../src/testing/index';

export interface RegistryEntry extends Family<ContinuousDistribution> {
  /** Same as `valid`. */
  readonly params: fc.Arbitrary<number[]>;
  /** Same as `moderate`. */
  readonly moderateParams: fc.Arbitrary<number[]>;
}

// Every family in src/ today is continuous; discrete ones need their own view (no sumKernel, no partials).
export const registry: readonly RegistryEntry[] = (families as readonly Family<ContinuousDistribution>[]).map((f) => ({
  ...f,
  params: f.valid,
  moderateParams: f.moderate,
}));
