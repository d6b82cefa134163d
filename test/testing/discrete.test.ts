/**
 * `varinf/testing` on a discrete family written only in a test file (a plain
 * object, not a varinf class): Geometric(p), the number of failures before the first
 * success, pmf p(1 − p)^k on {0, 1, 2, …}. Every identity holds; a wrong pmf and an
 * off-by-one cdf fail with messages naming the identity, parameters and point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, type Rng } from '../../src/index';
import {
  assertIdentity,
  cdfIsCumulativePmf,
  cdfIsMonotone,
  cdfPlusSurvivalIsOne,
  defineFamily,
  densityIntegratesToOne,
  entropyMatchesMonteCarlo,
  logCdfIsLogOfCdf,
  logUniform,
  nonPositive,
  pdfIsExpLogPdf,
  quantileInvertsCdf,
  rejectsInvalidParameters,
  replaceOne,
  sampleMomentsMatch,
  type Family,
  type IdentityProperty,
  type TestableDistribution,
} from '../../src/testing/index';

function geometric(p: number, pmfScale = 1, cdfShift = 0): TestableDistribution {
  if (typeof p !== 'number' || !(p > 0 && p < 1)) throw new InvalidParameterError('Geometric', 'p', 'in (0, 1)', p);
  const l1p = Math.log1p(-p); // log(1 − p) < 0
  /** (⌊k⌋ + 1)·log(1 − p) = log P(X > k) for k ≥ 0. */
  const logTail = (k: number): number => (Math.floor(k) + 1 + cdfShift) * l1p;
  const logPdf = (k: number): number => (Number.isInteger(k) && k >= 0 ? Math.log(p * pmfScale) + k * l1p : -Infinity);
  return {
    support: { lower: 0, upper: Infinity },
    logPdf,
    pdf: (k) => Math.exp(logPdf(k)),
    cdf: (k) => (k < 0 ? 0 : k === Infinity ? 1 : -Math.expm1(logTail(k))),
    logCdf: (k) => (k < 0 ? -Infinity : k === Infinity ? 0 : Math.log(-Math.expm1(logTail(k)))),
    survival: (k) => (k < 0 ? 1 : Math.exp(logTail(k))),
    logSurvival: (k) => (k < 0 ? 0 : logTail(k)),
    quantile: (u) => (u === 0 ? 0 : u === 1 ? Infinity : Math.max(0, Math.ceil(Math.log1p(-u) / l1p - 1))),
    mean: () => (1 - p) / p,
    variance: () => (1 - p) / (p * p),
    entropy: () => (-(1 - p) * l1p - p * Math.log(p)) / p,
    // Inversion: ⌊E / −log(1 − p)⌋ with E standard exponential has P(X ≥ k) = (1 − p)^k.
    sample: (rng: Rng, n: number) => Float64Array.from({ length: n }, () => Math.floor(rng.exponential() / -l1p)),
  };
}

const valid = (): fc.Arbitrary<number[]> => fc.tuple(fc.oneof(logUniform(-6, -0.05), fc.double({ min: 0.5, max: 0.999, noNaN: true })));
const geometricFamily = (name: string, pmfScale = 1, cdfShift = 0): Family =>
  defineFamily({
    name,
    kind: 'discrete',
    paramNames: ['p'],
    make: (p) => geometric(p, pmfScale, cdfShift),
    valid,
    moderate: () => fc.tuple(fc.double({ min: 0.05, max: 0.9, noNaN: true })),
    outOfDomain: () => fc.oneof(replaceOne(valid(), nonPositive(), 0), replaceOne(valid(), fc.double({ min: 1, max: 1e308, noNaN: true }), 0)),
    // Excess kurtosis 6 + p²/(1 − p): μ₄ = σ⁴(9 + p²/(1 − p)).
    fourthCentralMoment: (p) => ((1 - p) / (p * p)) ** 2 * (9 + (p * p) / (1 - p)),
  });

const RUNS = { numRuns: 300, seed: 20261205 } as const;

describe('a discrete family (Geometric) passes every identity that applies', () => {
  const g = geometricFamily('Geometric');
  const cases: [string, IdentityProperty, fc.Parameters<unknown>][] = [
    ['pmf = exp(log pmf)', pdfIsExpLogPdf(g), RUNS],
    ['cdf + survival = 1', cdfPlusSurvivalIsOne(g), RUNS],
    ['logCdf and logSurvival', logCdfIsLogOfCdf(g), RUNS],
    ['cdf monotone', cdfIsMonotone(g), RUNS],
    ['quantile is the smallest k with cdf(k) ≥ p', quantileInvertsCdf(g), RUNS],
    ['Σ pmf = 1', densityIntegratesToOne(g), { numRuns: 40, seed: 7 }],
    ['cdf = cumulative pmf', cdfIsCumulativePmf(g), { numRuns: 40, seed: 7 }],
    ['sample moments', sampleMomentsMatch(g), { numRuns: 10, seed: 6 }],
    ['entropy', entropyMatchesMonteCarlo(g), { numRuns: 10, seed: 5 }],
    ['invalid parameters refused', rejectsInvalidParameters(g), RUNS],
  ];
  it.each(cases)('%s', (_name, property, params) => {
    assertIdentity(property, params);
  });
});

describe('broken discrete families fail with named identities', () => {
  it('a pmf off by a factor fails Σ pmf = 1', () => {
    expect(() => assertIdentity(densityIntegratesToOne(geometricFamily('HalfPmf', 0.5)), { numRuns: 40, seed: 7 })).toThrow(
      /Σ pmf = 1 fails for HalfPmf\(p = [\d.e-]+\) at the whole support: total (0\.5|0\.4999999)/,
    );
  });

  it('an off-by-one cdf fails cdf = cumulative pmf at a named k', () => {
    expect(() => assertIdentity(cdfIsCumulativePmf(geometricFamily('OffByOne', 1, 1)), { numRuns: 40, seed: 7 })).toThrow(
      /cdf = cumulative pmf fails for OffByOne\(p = [\d.e-]+\) at k = 0: cdf [\d.e-]+, Σ pmf [\d.e-]+/,
    );
  });
});
