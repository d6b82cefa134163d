/**
 * Properties checked by drawing from the members: sample moments against the exact
 * ones, and a closed-form KL divergence or entropy against a Monte-Carlo mean.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { Family, TestableDistribution } from './family';
import { subjectOf, type IdentityProperty, type PropertyOptions } from './identity-property';
import type { KlFunction } from './kl-properties';
import { checkSampleMoments, monteCarloMean } from './monte-carlo';
import { IdentityViolation } from './violation';

/**
 * Options of {@link sampleMomentsMatch}.
 *
 * @example
 * ```ts
 * const options: SampleMomentsPropertyOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface SampleMomentsPropertyOptions extends PropertyOptions {
  /** Draws per parameter set (default 20 000). */
  readonly n?: number;
  /** Bound in standard errors (default 4). */
  readonly z?: number;
}

/**
 * Sample mean and variance against `mean()` and `variance()` within z standard
 * errors, over `moderate` parameters and random seeds; the bounds and their
 * derivation are those of {@link checkSampleMoments} (μ₄ from the family's
 * `fourthCentralMoment`; the variance is not checked without it).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { gammaFamily, sampleMomentsMatch } from 'varinf/testing';
 * fc.assert(sampleMomentsMatch(gammaFamily), { numRuns: 10, seed: 1 });
 * ```
 */
export function sampleMomentsMatch(family: Family, options: SampleMomentsPropertyOptions = {}): IdentityProperty {
  const { n = 20_000, z = 4 } = options;
  return fc.property(options.params ?? family.moderate, fc.integer({ min: 1, max: 1e6 }), (ps, seed) => {
    const mu4 = family.fourthCentralMoment?.(...ps);
    checkSampleMoments(family.make(...ps), {
      n,
      seed,
      z,
      subject: subjectOf(family, ps),
      ...(mu4 === undefined ? {} : { fourthCentralMoment: mu4 }),
    });
  });
}

/**
 * Options of the Monte-Carlo properties {@link klMatchesMonteCarlo} and {@link entropyMatchesMonteCarlo}.
 *
 * @example
 * ```ts
 * const options: MonteCarloOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface MonteCarloOptions {
  /** Draws per case (default 20 000). */
  readonly n?: number;
  /** Bound in estimated standard errors (default 4). */
  readonly z?: number;
}

/**
 * The closed-form KL(p‖q) equals the Monte-Carlo mean of log p(X) − log q(X),
 * X ~ p, within z·se + 1e-12 (se = s/√n the estimated standard error; the CLT
 * makes the failure rate 2Φ(−z) = 6.3e-5 at z = 4; 1e-12 absorbs rounding where the
 * differences are all equal and se = 0), over `moderate` parameters and seeds.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { kl } from 'varinf';
 * import { klMatchesMonteCarlo, normalFamily } from 'varinf/testing';
 * // kl has two overloads (continuous, discrete): an arrow lets TypeScript pick the one for the family.
 * fc.assert(klMatchesMonteCarlo(normalFamily, normalFamily, (p, q) => kl(p, q)), { numRuns: 12, seed: 4 });
 * ```
 */
export function klMatchesMonteCarlo<P extends TestableDistribution, Q extends TestableDistribution>(
  pFamily: Family<P>,
  qFamily: Family<Q>,
  kl: KlFunction<P, Q>,
  options: MonteCarloOptions = {},
): IdentityProperty {
  const { n = 20_000, z = 4 } = options;
  return fc.property(pFamily.moderate, qFamily.moderate, fc.integer({ min: 1, max: 1e6 }), (pp, qp, seed) => {
    const p = pFamily.make(...pp);
    const q = qFamily.make(...qp);
    const { mean, se } = monteCarloMean(p, (x) => p.logPdf(x) - q.logPdf(x), n, seed);
    const exact = kl(p, q);
    if (Math.abs(mean - exact) <= z * se + 1e-12) return;
    throw new IdentityViolation('KL(p‖q) = E_p[log p − log q]', `p = ${subjectOf(pFamily, pp)}, q = ${subjectOf(qFamily, qp)}`, `n = ${n}, seed = ${seed}`, `closed form ${exact}, Monte Carlo ${mean} ± ${se}, allowed ${z} standard errors`);
  });
}

/**
 * entropy() equals the Monte-Carlo mean of −log f(X) within z·se + 1e-12 (as
 * {@link klMatchesMonteCarlo}), over `moderate` parameters and seeds.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { entropyMatchesMonteCarlo, gammaFamily } from 'varinf/testing';
 * fc.assert(entropyMatchesMonteCarlo(gammaFamily), { numRuns: 10, seed: 5 });
 * ```
 */
export function entropyMatchesMonteCarlo(family: Family, options: MonteCarloOptions = {}): IdentityProperty {
  const { n = 20_000, z = 4 } = options;
  return fc.property(family.moderate, fc.integer({ min: 1, max: 1e6 }), (ps, seed) => {
    const d = family.make(...ps);
    if (d.entropy === undefined) throw new TypeError(`entropyMatchesMonteCarlo: ${family.name} has no entropy()`);
    const { mean, se } = monteCarloMean(d, (x) => -d.logPdf(x), n, seed);
    const h = d.entropy();
    if (Math.abs(mean - h) <= z * se + 1e-12) return;
    throw new IdentityViolation('entropy = −E[log f]', subjectOf(family, ps), `n = ${n}, seed = ${seed}`, `entropy() ${h}, Monte Carlo ${mean} ± ${se}, allowed ${z} standard errors`);
  });
}
