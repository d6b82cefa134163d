/**
 * The registry of varinf's discrete families for property tests (`kind: 'discrete'`):
 * valid parameters over the whole range each family is meant for (probabilities 0,
 * 1, 1e-300 and 1 − 2⁻⁵³, logits ±1e300, counts up to 1e6, rates from 1e-300 to 1e6),
 * moderate ones whose bulk is at most a few thousand integers wide (for sums over
 * the support and Monte Carlo), and invalid ones.
 *
 * Nothing is built at import time: each family's arbitraries are built on first use.
 *
 * @module
 */
import * as fc from 'fast-check';
import { Bernoulli } from '../distributions/bernoulli';
import { BernoulliLogit } from '../distributions/bernoulli-logit';
import { Binomial } from '../distributions/binomial';
import { Poisson } from '../distributions/poisson';
import { defineFamily, type Family } from './family';
import { logUniform, nonPositive, replaceOne, signedLog } from './generators';

/**
 * Probabilities in [0, 1]: the ends, values within 1e-300 of them, and a log-uniform
 * spread towards both.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { probability } from 'varinf/testing';
 * fc.sample(probability(), 3); // e.g. [0, 3.1e-117, 0.9999999999993]
 * ```
 */
export function probability(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(0, 1, 0.5, 1e-300, 1 - 2 ** -53, Number.MIN_VALUE),
    fc.double({ min: 0, max: 1, noNaN: true }),
    logUniform(-300, -0.31),
    logUniform(-16, -0.31).map((q) => 1 - q),
  );
}

/** Probabilities away from the ends. */
const moderateProbability = (): fc.Arbitrary<number> => fc.double({ min: 0.02, max: 0.98, noNaN: true });

/** Numbers outside [0, 1] (a probability must refuse them). */
const notAProbability = (): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(-Number.MIN_VALUE, -0.5, 1 + 2 ** -52, 2, 1e308, -1e308), fc.double({ min: 1 + 2 ** -52, max: 1e308, noNaN: true }), fc.double({ max: -Number.MIN_VALUE, noNaN: true }));

/** Counts 0 … 1e6, spread in log scale. */
const count = (): fc.Arbitrary<number> => fc.oneof(fc.constantFrom(0, 1, 2, 1_000_000), logUniform(0, 6).map((v) => Math.round(v)));

/** Numbers that are not counts: negative, fractional, or above 2⁵³ − 1. */
const notACount = (): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(-1, 0.5, 2.5, 2 ** 53, 1e300, -Number.MIN_VALUE), fc.integer({ min: -1e6, max: -1 }), fc.double({ min: 0, max: 1e6, noNaN: true }).filter((v) => !Number.isInteger(v)));

/** Bernoulli's and Binomial's μ₄ per trial: p(1 − p)(1 − 3p(1 − p)) and Binomial's n-fold form. */
const binomialMu4 = (n: number, p: number): number => {
  const v = p * (1 - p);
  return n * v * (1 + 3 * (n - 2) * v);
};

/**
 * `Bernoulli(p)`: p anywhere in [0, 1] ({@link probability}); moderate p in [0.02, 0.98];
 * invalid p outside [0, 1]. μ₄ = p(1 − p)(1 − 3p(1 − p)).
 *
 * @example
 * ```ts
 * import { bernoulliFamily } from 'varinf/testing';
 * bernoulliFamily.make(0.25).pdf(1); // → 0.25
 * ```
 */
export const bernoulliFamily: Family<Bernoulli> = /* @__PURE__ */ defineFamily({
  name: 'Bernoulli',
  kind: 'discrete',
  paramNames: ['p'],
  make: (p) => new Bernoulli(p),
  valid: () => fc.tuple(probability()),
  moderate: () => fc.tuple(moderateProbability()),
  outOfDomain: () => fc.tuple(notAProbability()),
  fourthCentralMoment: (p) => binomialMu4(1, p),
});

/**
 * `BernoulliLogit(logit)`: logit = 0, |logit| in [1e-6, 1e4], and ±37, ±745, ±1e300;
 * moderate logit in [−4, 4]; invalid: only NaN, ±∞ and wrong types (every finite
 * logit is valid). μ₄ as Bernoulli's with p = 1/(1 + e^{−logit}).
 *
 * @example
 * ```ts
 * import { bernoulliLogitFamily } from 'varinf/testing';
 * bernoulliLogitFamily.make(0).mean(); // → 0.5
 * ```
 */
export const bernoulliLogitFamily: Family<BernoulliLogit> = /* @__PURE__ */ defineFamily({
  name: 'BernoulliLogit',
  kind: 'discrete',
  paramNames: ['logit'],
  make: (logit) => new BernoulliLogit(logit),
  valid: () => fc.tuple(fc.oneof(signedLog(-6, 4), fc.constantFrom(1e300, -1e300, 745, -745, 37, -37))),
  moderate: () => fc.tuple(fc.double({ min: -4, max: 4, noNaN: true })),
  fourthCentralMoment: (logit) => binomialMu4(1, 1 / (1 + Math.exp(-logit))),
});

/**
 * `Binomial(n, p)`: n in 0 … 1e6, p anywhere in [0, 1]; moderate n in 1 … 2000 and p in
 * [0.02, 0.98]; invalid n not a count (negative, fractional, above 2⁵³ − 1) or p outside
 * [0, 1]. μ₄ = np(1 − p)(1 + 3(n − 2)p(1 − p)).
 *
 * @example
 * ```ts
 * import { binomialFamily } from 'varinf/testing';
 * binomialFamily.make(10, 0.5).variance(); // → 2.5
 * ```
 */
export const binomialFamily: Family<Binomial> = /* @__PURE__ */ defineFamily({
  name: 'Binomial',
  kind: 'discrete',
  paramNames: ['n', 'p'],
  make: (n, p) => new Binomial(n, p),
  valid: () => fc.tuple(count(), probability()),
  moderate: () => fc.tuple(fc.integer({ min: 1, max: 2000 }), moderateProbability()),
  outOfDomain: () => fc.oneof(fc.tuple(notACount(), probability()), fc.tuple(count(), notAProbability())),
  fourthCentralMoment: binomialMu4,
});

const poissonValid = (): fc.Arbitrary<number[]> => fc.tuple(fc.oneof(logUniform(-300, 6), fc.constantFrom(1e-300, 1, 10, 1e6)));

/**
 * `Poisson(rate)`: λ in [1e-300, 1e6]; moderate λ in [0.01, 1000]; invalid λ ≤ 0.
 * μ₄ = λ(1 + 3λ).
 *
 * @example
 * ```ts
 * import { poissonFamily } from 'varinf/testing';
 * poissonFamily.make(3).mean(); // → 3
 * ```
 */
export const poissonFamily: Family<Poisson> = /* @__PURE__ */ defineFamily({
  name: 'Poisson',
  kind: 'discrete',
  paramNames: ['rate'],
  make: (rate) => new Poisson(rate),
  valid: poissonValid,
  moderate: () => fc.tuple(logUniform(-2, 3)),
  outOfDomain: () => replaceOne(poissonValid(), nonPositive(), 0),
  fourthCentralMoment: (rate) => rate * (1 + 3 * rate),
});

/**
 * Every discrete family of varinf, in the order the project's tests sweep them.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { discreteFamilies, cdfIsCumulativePmf } from 'varinf/testing';
 * for (const f of discreteFamilies) fc.assert(cdfIsCumulativePmf(f), { numRuns: 20, seed: 1 });
 * ```
 */
export const discreteFamilies: readonly Family[] = [bernoulliFamily, bernoulliLogitFamily, binomialFamily, poissonFamily];
