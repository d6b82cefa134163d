/**
 * `varinf/testing` on a distribution written only in a test file (Laplace, as a
 * user would write it): every identity holds; and on deliberately broken variants
 * each relevant identity fails with a message naming the identity, the family with
 * its parameters and the counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertIdentity,
  cdfDerivativeIsPdf,
  cdfIsMonotone,
  cdfPlusSurvivalIsOne,
  densityIntegratesToOne,
  entropyMatchesMonteCarlo,
  IdentityViolation,
  logCdfIsLogOfCdf,
  partialsMatchFiniteDifferences,
  pdfIsExpLogPdf,
  quantileInvertsCdf,
  rejectsInvalidParameters,
  sampleMomentsMatch,
  type IdentityProperty,
} from '../../src/testing/index';
import { BiasedSampler, laplaceFamily, NonMonotoneCdf, variantOf, WrongNormalizer } from './laplace';

const RUNS = { numRuns: 300, seed: 20261205 } as const;

describe('a user-defined Laplace passes every identity', () => {
  const cases: [string, IdentityProperty, fc.Parameters<unknown>][] = [
    ['pdf = exp(logPdf)', pdfIsExpLogPdf(laplaceFamily), RUNS],
    ['cdf + survival = 1', cdfPlusSurvivalIsOne(laplaceFamily), RUNS],
    ['logCdf and logSurvival', logCdfIsLogOfCdf(laplaceFamily), RUNS],
    ['cdf monotone', cdfIsMonotone(laplaceFamily), RUNS],
    ['d/dx cdf = pdf', cdfDerivativeIsPdf(laplaceFamily), RUNS],
    ['quantile round trip', quantileInvertsCdf(laplaceFamily), RUNS],
    ['∫ pdf = 1', densityIntegratesToOne(laplaceFamily), { numRuns: 40, seed: 7 }],
    ['partials', partialsMatchFiniteDifferences(laplaceFamily), { numRuns: 200, seed: 11 }],
    ['sample moments', sampleMomentsMatch(laplaceFamily), { numRuns: 10, seed: 6 }],
    ['entropy', entropyMatchesMonteCarlo(laplaceFamily), { numRuns: 10, seed: 5 }],
    ['invalid parameters refused', rejectsInvalidParameters(laplaceFamily), RUNS],
  ];
  it.each(cases)('%s', (_name, property, params) => {
    assertIdentity(property, params);
  });
});

/**
 * A failing run: the report `assertIdentity` throws (the violation's text beside
 * fast-check's seed and counterexample) and the predicate's own error (`fc.check`).
 */
function failure(property: IdentityProperty, params: fc.Parameters<unknown>): { message: string; cause: unknown } {
  const details = fc.check(property, params);
  if (!details.failed) throw new Error('the property passed');
  try {
    assertIdentity(property, params);
  } catch (e) {
    return { message: (e as Error).message, cause: details.errorInstance };
  }
  throw new Error('assertIdentity did not throw');
}

/** A number as the messages print it. */
const NUM = String.raw`-?\d[\d.e+-]*`;

describe('broken distributions fail with the identity, the parameters and the counterexample', () => {
  it('a wrong normalizer fails ∫ pdf = 1 (and nothing about its cdf)', () => {
    const family = variantOf('WrongNormalizer', (mu, b) => new WrongNormalizer(mu, b));
    const { message, cause } = failure(densityIntegratesToOne(family), { numRuns: 40, seed: 7 });
    expect(cause).toBeInstanceOf(IdentityViolation);
    expect(message).toMatch(new RegExp(String.raw`∫ pdf = 1 fails for WrongNormalizer\(mu = ${NUM}, b = ${NUM}\) at the whole support: total 2(\.0*\d*)?, \|total − 1\| = `));
    expect(message).toMatch(/Counterexample: \[\[/);
    // Its cdf is Laplace's: the cdf identities hold.
    assertIdentity(cdfPlusSurvivalIsOne(family), RUNS);
    // pdf = exp(logPdf) holds too, but the quadrature catches the factor 2.
  });

  it('a non-monotone cdf fails the monotonicity identity at a named pair of points', () => {
    const family = variantOf('NonMonotoneCdf', (mu, b) => new NonMonotoneCdf(mu, b));
    const { message, cause } = failure(cdfIsMonotone(family), RUNS);
    expect(cause).toBeInstanceOf(IdentityViolation);
    expect((cause as IdentityViolation).identity).toBe('cdf monotone and in [0, 1]');
    expect(message).toMatch(
      new RegExp(String.raw`cdf monotone and in \[0, 1\] fails for NonMonotoneCdf\(mu = ${NUM}, b = ${NUM}\) at x = ${NUM}, y = ${NUM}: cdf\(y\) ${NUM} < cdf\(x\) ${NUM}`),
    );
    // The counterexample is real: y lies past μ + b, where the cdf drops.
    const m = /NonMonotoneCdf\(mu = (\S+), b = (\S+)\) at x = (\S+), y = (\S+):/.exec(message)!;
    const [mu, b, x, y] = m.slice(1).map(Number);
    const d = new NonMonotoneCdf(mu, b);
    expect(d.cdf(y)).toBeLessThan(d.cdf(x));
    // cdf + survival = 1 also breaks where the drop is.
    expect(failure(cdfPlusSurvivalIsOne(family), RUNS).message).toMatch(/cdf \+ survival = 1 fails for NonMonotoneCdf\(mu = .*\) at x = /);
  });

  it('a biased sampler fails the sample-mean bound, naming n and the seed', () => {
    const family = variantOf('BiasedSampler', (mu, b) => new BiasedSampler(mu, b));
    const { message, cause } = failure(sampleMomentsMatch(family), { numRuns: 10, seed: 6 });
    expect(cause).toBeInstanceOf(IdentityViolation);
    expect(message).toMatch(
      new RegExp(String.raw`sample mean = mean\(\) fails for BiasedSampler\(mu = ${NUM}, b = ${NUM}\) at n = 20000, seed = \d+: sample mean ${NUM}, mean\(\) ${NUM}, \|difference\| ${NUM} > 4·σ/√n = ${NUM}`),
    );
    // Its densities are Laplace's: the density identities hold.
    assertIdentity(densityIntegratesToOne(family), { numRuns: 10, seed: 7 });
  });

  it('wrong partials fail the finite-difference check, naming the parameter', () => {
    class WrongPartial extends BiasedSampler {
      override logPdfPartials(x: number, out: Float64Array): number {
        const lp = super.logPdfPartials(x, out);
        out[2] *= 1.01;
        return lp;
      }
    }
    const family = variantOf('WrongPartial', (mu, b) => new WrongPartial(mu, b));
    const { message } = failure(partialsMatchFiniteDifferences(family), { numRuns: 200, seed: 11 });
    expect(message).toMatch(new RegExp(String.raw`∂/∂b logPdf = finite difference fails for WrongPartial\(mu = ${NUM}, b = ${NUM}\) at x = ${NUM}: partial ${NUM}, Richardson difference ${NUM}`));
  });

  it('a constructor that accepts a bad parameter fails the bad-input identity', () => {
    const family = variantOf('Lenient', (mu, b) => new BiasedSampler(mu, Math.abs(b) || 1));
    const lenient = { ...family, invalid: laplaceFamily.invalid };
    const { message } = failure(rejectsInvalidParameters(lenient), { numRuns: 300, seed: 1 });
    expect(message).toMatch(/invalid parameters are refused fails for Lenient\(mu = .*, b = .*\) at construction: /);
  });
});
