/**
 * The registry of varinf's families for property tests: one {@link Family} per
 * distribution, with fast-check arbitraries of valid parameters (magnitudes from
 * 1e-300 to 1e300 where the family is defined there, tails included), moderate ones (for Monte-Carlo and
 * quadrature properties) and invalid ones. Adding a family is adding one
 * `defineFamily({ … })` entry and listing it in {@link families}.
 *
 * Nothing is built at import time: each family's arbitraries are built on first use.
 *
 * @module
 */
import * as fc from 'fast-check';
import { Exponential } from '../distributions/exponential';
import { Gamma } from '../distributions/gamma';
import { LogNormal } from '../distributions/lognormal';
import { Normal } from '../distributions/normal';
import { defineFamily, type Family } from './family';
import { logUniform, nonPositive, replaceOne, signedLog } from './generators';

/** Doubles uniform on [min, max]. */
const uniform = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true });

const normalValid = (): fc.Arbitrary<number[]> => fc.tuple(signedLog(-300, 300), logUniform(-300, 300));

/**
 * `Normal(mu, sigma)`: μ = 0 or |μ| in [1e-300, 1e300], σ in [1e-300, 1e300]; moderate
 * μ in [−5, 5], σ in [0.1, 10]; invalid σ ≤ 0. μ₄ = 3σ⁴.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { normalFamily } from 'varinf/testing';
 * const [[mu, sigma]] = fc.sample(normalFamily.valid, 1);
 * ```
 */
export const normalFamily: Family<Normal> = /* @__PURE__ */ defineFamily({
  name: 'Normal',
  paramNames: ['mu', 'sigma'],
  make: (mu, sigma) => new Normal(mu, sigma),
  valid: normalValid,
  moderate: () => fc.tuple(uniform(-5, 5), logUniform(-1, 1)),
  outOfDomain: () => replaceOne(normalValid(), nonPositive(), 1),
  fourthCentralMoment: (_mu, sigma) => 3 * sigma ** 4,
});

const logNormalValid = (): fc.Arbitrary<number[]> => fc.tuple(signedLog(-300, 2.8), logUniform(-300, 2));

/**
 * `LogNormal(mu, sigma)`: μ = 0 or |μ| in [1e-300, 631] (e^μ finite), σ in [1e-300, 100];
 * moderate μ in [−2, 2],
 * σ in [0.1, 0.79]; invalid σ ≤ 0. μ₄ = (w − 1)² e^{4μ + 2σ²} (w⁴ + 2w³ + 3w² − 3)
 * with w = e^{σ²}.
 *
 * @example
 * ```ts
 * import { logNormalFamily } from 'varinf/testing';
 * logNormalFamily.make(0, 1).mean(); // 1.6487212707001282
 * ```
 */
export const logNormalFamily: Family<LogNormal> = /* @__PURE__ */ defineFamily({
  name: 'LogNormal',
  paramNames: ['mu', 'sigma'],
  make: (mu, sigma) => new LogNormal(mu, sigma),
  valid: logNormalValid,
  moderate: () => fc.tuple(uniform(-2, 2), logUniform(-1, -0.1)),
  outOfDomain: () => replaceOne(logNormalValid(), nonPositive(), 1),
  fourthCentralMoment: (mu, sigma) => {
    const w = Math.exp(sigma * sigma);
    return (w - 1) ** 2 * Math.exp(4 * mu + 2 * sigma * sigma) * (w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3);
  },
});

const exponentialValid = (): fc.Arbitrary<number[]> => fc.tuple(logUniform(-300, 300));

/**
 * `Exponential(rate)`: λ in [1e-300, 1e300]; moderate λ in [0.1, 10]; invalid λ ≤ 0.
 * μ₄ = 9/λ⁴.
 *
 * @example
 * ```ts
 * import { exponentialFamily } from 'varinf/testing';
 * exponentialFamily.make(2).mean(); // 0.5
 * ```
 */
export const exponentialFamily: Family<Exponential> = /* @__PURE__ */ defineFamily({
  name: 'Exponential',
  paramNames: ['rate'],
  make: (rate) => new Exponential(rate),
  valid: exponentialValid,
  moderate: () => fc.tuple(logUniform(-1, 1)),
  outOfDomain: () => replaceOne(exponentialValid(), nonPositive(), 0),
  fourthCentralMoment: (rate) => 9 / rate ** 4,
});

const gammaValid = (): fc.Arbitrary<number[]> => fc.tuple(logUniform(-300, 4), logUniform(-300, 300));

/**
 * `Gamma(shape, rate)`: α in [1e-300, 1e4], β in [1e-300, 1e300]; moderate α in
 * [0.32, 32], β in [0.1, 10]; invalid α ≤ 0 or β ≤ 0. μ₄ = 3α(α + 2)/β⁴.
 *
 * @example
 * ```ts
 * import { gammaFamily } from 'varinf/testing';
 * gammaFamily.make(2, 4).variance(); // 0.125
 * ```
 */
export const gammaFamily: Family<Gamma> = /* @__PURE__ */ defineFamily({
  name: 'Gamma',
  paramNames: ['shape', 'rate'],
  make: (shape, rate) => new Gamma(shape, rate),
  valid: gammaValid,
  moderate: () => fc.tuple(logUniform(-0.5, 1.5), logUniform(-1, 1)),
  outOfDomain: () => fc.oneof(replaceOne(gammaValid(), nonPositive(), 0), replaceOne(gammaValid(), nonPositive(), 1)),
  fourthCentralMoment: (shape, rate) => (3 * shape * (shape + 2)) / rate ** 4,
});

/**
 * Every family of varinf, in the order the project's tests sweep them.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { families, pdfIsExpLogPdf } from 'varinf/testing';
 * for (const f of families) fc.assert(pdfIsExpLogPdf(f), { seed: 1 });
 * ```
 */
export const families: readonly Family[] = [normalFamily, logNormalFamily, exponentialFamily, gammaFamily];
