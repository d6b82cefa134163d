/**
 * The registry of the discrete families under test, the counterpart of
 * registry.ts: each entry builds an instance from its parameters, and gives
 * arbitraries of valid parameters over the whole range the family is meant for
 * (probabilities 0, 1, 1e-300 and 1 − 2⁻⁵³, logits ±1e300, n up to 1e6, rates from
 * 1e-300 to 1e6) and of moderate ones (for sums over the support and Monte Carlo).
 * The generic tests in discrete-*.test.ts sweep the list.
 */
import fc from 'fast-check';
import { Bernoulli, BernoulliLogit, Binomial, Poisson, type DiscreteDistribution } from '../../src/index';
import { logUniform, signedLog } from './registry';

export interface DiscreteRegistryEntry {
  readonly name: string;
  readonly paramNames: readonly string[];
  /** Which parameters are continuous (have a partial derivative); an integer such as n does not. */
  readonly continuous: readonly boolean[];
  readonly make: (...params: number[]) => DiscreteDistribution;
  /** Valid parameters, covering the extremes. */
  readonly params: fc.Arbitrary<number[]>;
  /** Moderate parameters: supports whose bulk is at most a few thousand integers wide. */
  readonly moderateParams: fc.Arbitrary<number[]>;
}

/** Probabilities in [0, 1]: the ends, values within 1e-300 of them, and a log-uniform spread towards both. */
export const probability: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 0.5, 1e-300, 1 - 2 ** -53, Number.MIN_VALUE),
  fc.double({ min: 0, max: 1, noNaN: true }),
  logUniform(-300, -0.31),
  logUniform(-16, -0.31).map((q) => 1 - q),
);

/** Probabilities away from the ends. */
const moderateProbability = fc.double({ min: 0.02, max: 0.98, noNaN: true });

/** Counts 0 … 1e6, spread in log scale. */
const count = fc.oneof(fc.constantFrom(0, 1, 2, 1_000_000), logUniform(0, 6).map((v) => Math.round(v)));

export const discreteRegistry: readonly DiscreteRegistryEntry[] = [
  {
    name: 'Bernoulli',
    paramNames: ['p'],
    continuous: [true],
    make: (p) => new Bernoulli(p),
    params: fc.tuple(probability),
    moderateParams: fc.tuple(moderateProbability),
  },
  {
    name: 'BernoulliLogit',
    paramNames: ['logit'],
    continuous: [true],
    make: (l) => new BernoulliLogit(l),
    params: fc.tuple(fc.oneof(signedLog(-6, 4), fc.constantFrom(1e300, -1e300, 745, -745, 37, -37))),
    moderateParams: fc.tuple(fc.double({ min: -4, max: 4, noNaN: true })),
  },
  {
    name: 'Binomial',
    paramNames: ['n', 'p'],
    continuous: [false, true],
    make: (n, p) => new Binomial(n, p),
    params: fc.tuple(count, probability),
    moderateParams: fc.tuple(fc.integer({ min: 1, max: 2000 }), moderateProbability),
  },
  {
    name: 'Poisson',
    paramNames: ['rate'],
    continuous: [true],
    make: (rate) => new Poisson(rate),
    params: fc.tuple(fc.oneof(logUniform(-300, 6), fc.constantFrom(1e-300, 1, 10, 1e6))),
    moderateParams: fc.tuple(logUniform(-2, 3)),
  },
];

/**
 * A range of d's support outside which the mass is negligible: from the 1e-30
 * quantile to 10 standard deviations (+ 50) beyond the 1 − 2⁻⁵³ quantile, where the
 * remaining upper tail is far below 1e-30.
 */
export function bulk(d: DiscreteDistribution): [number, number] {
  const hi = d.quantile(1 - 2 ** -53) + Math.ceil(10 * d.stddev() + 50);
  return [d.quantile(1e-30), Math.min(hi, d.support.upper)];
}
