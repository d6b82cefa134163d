/**
 * One registry of the distributions under test, in the NumPyro style: each entry
 * knows how to build an instance and which parameters are valid (including
 * extreme magnitudes), and the generic property tests sweep the whole list.
 */
import fc from 'fast-check';
import {
  Beta,
  Cauchy,
  Exponential,
  Gamma,
  HalfCauchy,
  HalfNormal,
  InverseGamma,
  LogNormal,
  Normal,
  StudentT,
  Uniform,
  type ContinuousDistribution,
} from '../../src/index';

export interface RegistryEntry {
  readonly name: string;
  readonly paramNames: readonly string[];
  readonly make: (...params: number[]) => ContinuousDistribution;
  /** Valid parameters, covering the extremes of the double range the distribution is meant for. */
  readonly params: fc.Arbitrary<number[]>;
  /** Moderate parameters, for Monte-Carlo and quadrature properties. */
  readonly moderateParams: fc.Arbitrary<number[]>;
  /** One valid parameter vector for fixed-point checks; all ones when absent. */
  readonly unit?: readonly number[];
}

/** The entry's fixed valid parameters: `unit`, or all ones. */
export const unitParams = (entry: RegistryEntry): number[] => [...(entry.unit ?? entry.paramNames.map(() => 1))];

/**
 * A finite scale of d's spread: the standard deviation where it is finite, else the
 * interquartile range (Cauchy, HalfCauchy, InverseGamma with α ≤ 2).
 */
export const spread = (d: ContinuousDistribution): number => {
  const sd = d.stddev();
  return Number.isFinite(sd) ? sd : d.quantile(0.75) - d.quantile(0.25);
};

/** Positive doubles spread evenly in log scale over [10^lo, 10^hi]. */
export const logUniform = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

/** Finite doubles spread over magnitudes 10^lo … 10^hi with either sign, plus 0. */
export const signedLog = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.oneof(fc.constant(0), fc.tuple(fc.boolean(), logUniform(lo, hi)).map(([s, m]) => (s ? m : -m)));

export const registry: readonly RegistryEntry[] = [
  {
    name: 'Normal',
    paramNames: ['mu', 'sigma'],
    make: (mu, sigma) => new Normal(mu, sigma),
    params: fc.tuple(signedLog(-8, 8), logUniform(-8, 8)),
    moderateParams: fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), logUniform(-1, 1)),
  },
  {
    name: 'LogNormal',
    paramNames: ['mu', 'sigma'],
    make: (mu, sigma) => new LogNormal(mu, sigma),
    params: fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), logUniform(-6, 1)),
    moderateParams: fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), logUniform(-1, -0.1)),
  },
  {
    name: 'Exponential',
    paramNames: ['rate'],
    make: (rate) => new Exponential(rate),
    params: fc.tuple(logUniform(-6, 6)),
    moderateParams: fc.tuple(logUniform(-1, 1)),
  },
  {
    name: 'Gamma',
    paramNames: ['shape', 'rate'],
    make: (shape, rate) => new Gamma(shape, rate),
    params: fc.tuple(logUniform(-3, 4), logUniform(-6, 6)),
    moderateParams: fc.tuple(logUniform(-0.5, 1.5), logUniform(-1, 1)),
  },
  {
    name: 'Cauchy',
    paramNames: ['mu', 'sigma'],
    make: (mu, sigma) => new Cauchy(mu, sigma),
    params: fc.tuple(signedLog(-8, 8), logUniform(-8, 8)),
    moderateParams: fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), logUniform(-1, 1)),
  },
  {
    name: 'HalfNormal',
    paramNames: ['sigma'],
    make: (sigma) => new HalfNormal(sigma),
    params: fc.tuple(logUniform(-8, 8)),
    moderateParams: fc.tuple(logUniform(-1, 1)),
  },
  {
    name: 'HalfCauchy',
    paramNames: ['sigma'],
    make: (sigma) => new HalfCauchy(sigma),
    params: fc.tuple(logUniform(-8, 8)),
    moderateParams: fc.tuple(logUniform(-1, 1)),
  },
  {
    name: 'Uniform',
    paramNames: ['low', 'high'],
    make: (low, high) => new Uniform(low, high),
    // Any two distinct finite ends over 1e-8 … 1e307 in magnitude, and the interval whose width overflows.
    params: fc.oneof(
      { weight: 9, arbitrary: fc.tuple(signedLog(-8, 307), signedLog(-8, 307)).filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? [a, b] : [b, a])) },
      { weight: 1, arbitrary: fc.constant<number[]>([-1.7e308, 1.7e308]) },
    ),
    moderateParams: fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), logUniform(-1, 1)).map(([low, w]) => [low, low + w]),
    unit: [0, 1],
  },
  {
    name: 'InverseGamma',
    paramNames: ['shape', 'scale'],
    make: (shape, scale) => new InverseGamma(shape, scale),
    params: fc.tuple(logUniform(-3, 4), logUniform(-6, 6)),
    moderateParams: fc.tuple(logUniform(-0.5, 1.5), logUniform(-1, 1)),
  },
  {
    name: 'Beta',
    paramNames: ['alpha', 'beta'],
    make: (alpha, beta) => new Beta(alpha, beta),
    params: fc.tuple(logUniform(-3, 5), logUniform(-3, 5)),
    // Shapes ≥ 1 keep the density bounded at the ends, where quadrature in log x would
    // otherwise meet an integrable singularity at x = 1.
    moderateParams: fc.tuple(logUniform(0, 1.3), logUniform(0, 1.3)),
  },
  {
    name: 'StudentT',
    paramNames: ['nu', 'mu', 'sigma'],
    make: (nu, mu, sigma) => new StudentT(nu, mu, sigma),
    params: fc.tuple(logUniform(-2, 8), signedLog(-8, 8), logUniform(-8, 8)),
    // ν ≥ 2: below, the |x|^{−1−ν} tails are too heavy for quadrature of the density to 1e-9.
    moderateParams: fc.tuple(logUniform(Math.log10(2), 2), fc.double({ min: -5, max: 5, noNaN: true }), logUniform(-1, 1)),
  },
];

/** A point inside the bulk or the tails of d: the quantile of p spread in log scale towards both ends. */
export const pointIn = (d: ContinuousDistribution): fc.Arbitrary<number> =>
  fc.tuple(fc.boolean(), fc.double({ min: -12, max: Math.log10(0.5), noNaN: true })).map(([upper, e]) => {
    const p = 10 ** e;
    return upper ? d.quantile(1 - p) : d.quantile(p);
  });
