/**
 * The registry of varinf's continuous families for property tests: one {@link Family} per
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
import { Beta } from '../distributions/beta';
import { Cauchy } from '../distributions/cauchy';
import { Exponential } from '../distributions/exponential';
import { Gamma } from '../distributions/gamma';
import { HalfCauchy } from '../distributions/half-cauchy';
import { HalfNormal } from '../distributions/half-normal';
import { InverseGamma } from '../distributions/inverse-gamma';
import { LogitNormal } from '../distributions/logit-normal';
import { LogNormal } from '../distributions/lognormal';
import { Normal } from '../distributions/normal';
import { StudentT } from '../distributions/student-t';
import { Uniform } from '../distributions/uniform';
import { integrate } from '../math/quadrature';
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
 * logNormalFamily.make(0, 1).mean(); // → 1.6487212707001282
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
 * exponentialFamily.make(2).mean(); // → 0.5
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
 * gammaFamily.make(2, 4).variance(); // → 0.125
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

/** μ₄ = σ⁴(3 + excess kurtosis): the form the families below state their fourth moment in. */
const fromKurtosis = (variance: number, excess: number): number => variance * variance * (3 + excess);

const cauchyValid = (): fc.Arbitrary<number[]> => fc.tuple(signedLog(-300, 300), logUniform(-300, 300));

/**
 * `Cauchy(mu, sigma)`: μ = 0 or |μ| in [1e-300, 1e300], σ in [1e-300, 1e300]; moderate μ in
 * [−5, 5], σ in [0.1, 10]; invalid σ ≤ 0. No mean, variance or μ₄ (the sample checks
 * compare quartiles instead).
 *
 * @example
 * ```ts
 * import { cauchyFamily } from 'varinf/testing';
 * cauchyFamily.make(0, 1).quantile(0.75); // → 1
 * ```
 */
export const cauchyFamily: Family<Cauchy> = /* @__PURE__ */ defineFamily({
  name: 'Cauchy',
  paramNames: ['mu', 'sigma'],
  make: (mu, sigma) => new Cauchy(mu, sigma),
  valid: cauchyValid,
  moderate: () => fc.tuple(uniform(-5, 5), logUniform(-1, 1)),
  outOfDomain: () => replaceOne(cauchyValid(), nonPositive(), 1),
  fourthCentralMoment: () => Infinity,
});

const halfValid = (): fc.Arbitrary<number[]> => fc.tuple(logUniform(-300, 300));

/**
 * `HalfNormal(sigma)`: σ in [1e-300, 1e300]; moderate σ in [0.1, 10]; invalid σ ≤ 0.
 * μ₄ = σ⁴(3 − 4/π − 12/π²) (from the raw moments σ√(2/π), σ², 2σ³√(2/π), 3σ⁴).
 *
 * @example
 * ```ts
 * import { halfNormalFamily } from 'varinf/testing';
 * halfNormalFamily.make(1).variance(); // → 0.36338022763241865 (= 1 − 2/π)
 * ```
 */
export const halfNormalFamily: Family<HalfNormal> = /* @__PURE__ */ defineFamily({
  name: 'HalfNormal',
  paramNames: ['sigma'],
  make: (sigma) => new HalfNormal(sigma),
  valid: halfValid,
  moderate: () => fc.tuple(logUniform(-1, 1)),
  outOfDomain: () => replaceOne(halfValid(), nonPositive(), 0),
  fourthCentralMoment: (sigma) => sigma ** 4 * (3 - 4 / Math.PI - 12 / (Math.PI * Math.PI)),
});

/**
 * `HalfCauchy(sigma)`: σ in [1e-300, 1e300]; moderate σ in [0.1, 10]; invalid σ ≤ 0. No
 * finite mean, variance or μ₄ (the sample checks compare quartiles instead).
 *
 * @example
 * ```ts
 * import { halfCauchyFamily } from 'varinf/testing';
 * halfCauchyFamily.make(2).quantile(0.5); // → 2
 * ```
 */
export const halfCauchyFamily: Family<HalfCauchy> = /* @__PURE__ */ defineFamily({
  name: 'HalfCauchy',
  paramNames: ['sigma'],
  make: (sigma) => new HalfCauchy(sigma),
  valid: halfValid,
  moderate: () => fc.tuple(logUniform(-1, 1)),
  outOfDomain: () => replaceOne(halfValid(), nonPositive(), 0),
  fourthCentralMoment: () => Infinity,
});

/** Ordered pairs low < high from two values (equal ones dropped). */
const ordered = (a: fc.Arbitrary<number>): fc.Arbitrary<number[]> =>
  fc
    .tuple(a, a)
    .filter(([x, y]) => x !== y)
    .map(([x, y]) => (x < y ? [x, y] : [y, x]));

const uniformValid = (): fc.Arbitrary<number[]> =>
  fc.oneof(
    { weight: 9, arbitrary: ordered(signedLog(-8, 307)) },
    // The interval whose width overflows.
    { weight: 1, arbitrary: fc.constant<number[]>([-1.7e308, 1.7e308]) },
  );

/**
 * `Uniform(low, high)`: any two distinct finite ends over 1e-8 … 1e307 in magnitude
 * (and 0), and (−1.7e308, 1.7e308) whose width overflows; moderate low in [−5, 5]
 * with width in [0.1, 10]; invalid high ≤ low. μ₄ = (high − low)⁴/80.
 *
 * @example
 * ```ts
 * import { uniformFamily } from 'varinf/testing';
 * uniformFamily.make(0, 2).variance(); // ≈ 0.33333 (= 1/3)
 * ```
 */
export const uniformFamily: Family<Uniform> = /* @__PURE__ */ defineFamily({
  name: 'Uniform',
  paramNames: ['low', 'high'],
  make: (low, high) => new Uniform(low, high),
  valid: uniformValid,
  moderate: () => fc.tuple(uniform(-5, 5), logUniform(-1, 1)).map(([low, w]) => [low, low + w]),
  // high ≤ low: a valid pair reversed, or both ends equal.
  outOfDomain: () => fc.oneof(ordered(signedLog(-8, 307)).map(([a, b]) => [b, a]), signedLog(-8, 307).map((a) => [a, a])),
  fourthCentralMoment: (low, high) => (high - low) ** 4 / 80,
});

const inverseGammaValid = (): fc.Arbitrary<number[]> => fc.tuple(logUniform(-300, 4), logUniform(-300, 300));

/**
 * `InverseGamma(shape, scale)`: α in [1e-300, 1e4], β in [1e-300, 1e300]; moderate α in
 * [0.32, 32], β in [0.1, 10]; invalid α ≤ 0 or β ≤ 0. The mean exists for α > 1, the
 * variance for α > 2, μ₄ = σ⁴(3 + 6(5α − 11)/((α − 3)(α − 4))) for α > 4 (`Infinity`
 * at α ≤ 4).
 *
 * @example
 * ```ts
 * import { inverseGammaFamily } from 'varinf/testing';
 * inverseGammaFamily.make(3, 2).mean(); // → 1
 * ```
 */
export const inverseGammaFamily: Family<InverseGamma> = /* @__PURE__ */ defineFamily({
  name: 'InverseGamma',
  paramNames: ['shape', 'scale'],
  make: (shape, scale) => new InverseGamma(shape, scale),
  valid: inverseGammaValid,
  moderate: () => fc.tuple(logUniform(-0.5, 1.5), logUniform(-1, 1)),
  outOfDomain: () => fc.oneof(replaceOne(inverseGammaValid(), nonPositive(), 0), replaceOne(inverseGammaValid(), nonPositive(), 1)),
  fourthCentralMoment: (a, b) => (a > 4 ? fromKurtosis((b * b) / ((a - 1) ** 2 * (a - 2)), (6 * (5 * a - 11)) / ((a - 3) * (a - 4))) : Infinity),
});

const betaValid = (): fc.Arbitrary<number[]> => fc.tuple(logUniform(-300, 5), logUniform(-300, 5));

/**
 * `Beta(alpha, beta)`: α, β in [1e-300, 1e5]; moderate α, β in [1, 20] (a density bounded
 * at the ends); invalid α ≤ 0 or β ≤ 0. μ₄ = σ⁴(3 + 6((α − β)²(α + β + 1) −
 * αβ(α + β + 2))/(αβ(α + β + 2)(α + β + 3))).
 *
 * @example
 * ```ts
 * import { betaFamily } from 'varinf/testing';
 * betaFamily.make(2, 2).mean(); // → 0.5
 * ```
 */
export const betaFamily: Family<Beta> = /* @__PURE__ */ defineFamily({
  name: 'Beta',
  paramNames: ['alpha', 'beta'],
  make: (alpha, beta) => new Beta(alpha, beta),
  valid: betaValid,
  moderate: () => fc.tuple(logUniform(0, 1.3), logUniform(0, 1.3)),
  outOfDomain: () => fc.oneof(replaceOne(betaValid(), nonPositive(), 0), replaceOne(betaValid(), nonPositive(), 1)),
  fourthCentralMoment: (a, b) => {
    const s = a + b;
    const variance = (a * b) / (s * s * (s + 1));
    return fromKurtosis(variance, (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3)));
  },
});

const studentTValid = (): fc.Arbitrary<number[]> => fc.tuple(logUniform(-2, 8), signedLog(-300, 300), logUniform(-300, 300));

/**
 * `StudentT(nu, mu, sigma)`: ν in [0.01, 1e8], μ = 0 or |μ| in [1e-300, 1e300], σ in
 * [1e-300, 1e300] (ν stops at 1e8: above about 1e18 the quantile is wrong at some ν, e.g.
 * StudentT(2.4e18, 0, 1).quantile(1e-20) = −8.3e8 where the normal limit gives −9.26); moderate ν in [2, 100], μ in [−5, 5], σ in [0.1, 10]; invalid ν ≤ 0 or
 * σ ≤ 0. μ₄ = 3σ⁴ν²/((ν − 2)(ν − 4)) for ν > 4 (`Infinity` at ν ≤ 4).
 *
 * @example
 * ```ts
 * import { studentTFamily } from 'varinf/testing';
 * studentTFamily.make(5, 0, 1).variance(); // ≈ 1.66667 (= 5/3)
 * ```
 */
export const studentTFamily: Family<StudentT> = /* @__PURE__ */ defineFamily({
  name: 'StudentT',
  paramNames: ['nu', 'mu', 'sigma'],
  make: (nu, mu, sigma) => new StudentT(nu, mu, sigma),
  valid: studentTValid,
  moderate: () => fc.tuple(logUniform(Math.log10(2), 2), uniform(-5, 5), logUniform(-1, 1)),
  outOfDomain: () => fc.oneof(replaceOne(studentTValid(), nonPositive(), 0), replaceOne(studentTValid(), nonPositive(), 2)),
  fourthCentralMoment: (nu, _mu, sigma) => (nu > 4 ? (3 * sigma ** 4 * nu * nu) / ((nu - 2) * (nu - 4)) : Infinity),
});

// Widths above 1e-6·|low| (billions of ulps of low), so that the interval is resolved.
const logitNormalValid = (): fc.Arbitrary<number[]> =>
  fc
    .tuple(signedLog(-8, 1.5), logUniform(-3, 1), signedLog(-300, 300), logUniform(-300, 300))
    .filter(([, , low, w]) => w > 1e-6 * Math.abs(low))
    .map(([mu, sigma, low, w]) => [mu, sigma, low, low + w]);

/**
 * `LogitNormal(mu, sigma, low, high)`: μ = 0 or |μ| in [1e-8, 31.6], σ in [1e-3, 10],
 * low = 0 or |low| in [1e-300, 1e300] with width in [1e-300, 1e300] and above 1e-6·|low|
 * (μ and σ stop where the whole distribution would fit inside one ulp of x: the
 * quantile round trip cannot hold there, e.g. σ = 6e-18); moderate μ in [−3, 3], σ in [0.1, 2], low in [−5, 5] with
 * width in [0.1, 10]; invalid σ ≤ 0 or high ≤ low. μ₄ by adaptive Gauss–Kronrod over
 * the normal of the logit (no closed form).
 *
 * @example
 * ```ts
 * import { logitNormalFamily } from 'varinf/testing';
 * logitNormalFamily.make(0, 1, 0, 1).mean(); // → 0.5
 * ```
 */
export const logitNormalFamily: Family<LogitNormal> = /* @__PURE__ */ defineFamily({
  name: 'LogitNormal',
  paramNames: ['mu', 'sigma', 'low', 'high'],
  make: (mu, sigma, low, high) => new LogitNormal(mu, sigma, low, high),
  valid: () => logitNormalValid().filter(([, , low, high]) => high > low),
  moderate: () => fc.tuple(uniform(-3, 3), logUniform(-1, Math.log10(2)), uniform(-5, 5), logUniform(-1, 1)).map(([mu, sigma, low, w]) => [mu, sigma, low, low + w]),
  outOfDomain: () =>
    fc.oneof(
      replaceOne(logitNormalValid(), nonPositive(), 1),
      logitNormalValid().map(([mu, sigma, low, high]) => [mu, sigma, high, low]).filter(([, , low, high]) => high <= low),
    ),
  fourthCentralMoment: (mu, sigma, low, high) => logitNormalFourthMoment(new LogitNormal(mu, sigma, low, high)),
  optionalParams: 2,
});

/** E[(X − E X)⁴] = ∫ (T(μ + σz) − m)⁴ φ(z) dz, relative accuracy ~1e-11 (the quadrature's target). */
function logitNormalFourthMoment(d: LogitNormal): number {
  const m = d.mean();
  const w = d.high - d.low;
  const at = (z: number): number => {
    const s = 1 / (1 + Math.exp(-(d.mu + d.sigma * z)));
    return (d.low + w * s - m) ** 4 * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  };
  return integrate(at, -Infinity, Infinity, { relTol: 1e-11 }).value;
}

/**
 * Every continuous family of varinf, in the order the project's tests sweep them.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { continuousFamilies, cdfDerivativeIsPdf } from 'varinf/testing';
 * for (const f of continuousFamilies) fc.assert(cdfDerivativeIsPdf(f), { seed: 1 });
 * ```
 */
export const continuousFamilies: readonly Family[] = [
  normalFamily,
  logNormalFamily,
  exponentialFamily,
  gammaFamily,
  cauchyFamily,
  halfNormalFamily,
  halfCauchyFamily,
  uniformFamily,
  inverseGammaFamily,
  betaFamily,
  studentTFamily,
  logitNormalFamily,
];
