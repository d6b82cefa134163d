/**
 * Samplers: a Kolmogorov–Smirnov test against the exact CDF at level 1e-3 over a
 * grid of parameters (Gamma shape from 1e-3 to 1e3), sample mean and variance
 * within 4 standard errors (the variance's standard error from the fourth
 * central moment; `checkSampleMoments` of `varinf/testing`), reproducibility, and a
 * snapshot of the first values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, LogNormal, Normal, Rng, type ContinuousDistribution } from '../../src/index';
import { checkSampleMoments, sampleMomentsMatch } from '../../src/testing/index';
import { ksPValue, ksStatisticWithTies } from '../helpers/ks';
import { discreteRegistry } from './discrete-registry';
import { registry } from './registry';

interface Case {
  d: ContinuousDistribution;
  /** Fourth central moment, for the standard error of the sample variance. */
  mu4: number;
}

const gammaMu4 = (a: number, b: number): number => (3 * a * (a + 2)) / b ** 4;
const lognormalMu4 = (mu: number, s: number): number => {
  const w = Math.exp(s * s);
  return (w - 1) ** 2 * Math.exp(4 * mu + 2 * s * s) * (w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3);
};

const cases: Case[] = [
  { d: new Normal(0, 1), mu4: 3 },
  { d: new Normal(-1e6, 1e3), mu4: 3e12 },
  { d: new Normal(3, 1e-8), mu4: 3e-32 },
  { d: new Exponential(1), mu4: 9 },
  { d: new Exponential(1e-6), mu4: 9e24 },
  { d: new Exponential(7.3), mu4: 9 / 7.3 ** 4 },
  { d: new LogNormal(0, 0.25), mu4: lognormalMu4(0, 0.25) },
  { d: new LogNormal(-2, 0.5), mu4: lognormalMu4(-2, 0.5) },
  ...[1e-3, 1e-2, 0.1, 0.5, 1, 2.5, 10, 100, 1e3].map((a) => ({ d: new Gamma(a, 2), mu4: gammaMu4(a, 2) })),
];

const N = 100_000;

describe('samplers', () => {
  it.each(cases.map((c) => [`${c.d.name}(${c.d.operands.join(', ')})`, c] as const))(
    '%s: KS p ≥ 1e-3, mean and variance within 4 SE',
    (_label, { d, mu4 }) => {
      const xs = d.sample(new Rng(12345), N);
      // KS: the atom at 0 (tiny Gamma shapes round to 0) has mass F(2^-1075) ≈ F(MIN_VALUE).
      const sorted = Float64Array.from(xs).sort();
      const upper = (x: number): number => (x === 0 ? d.cdf(Number.MIN_VALUE) : d.cdf(x));
      const D = ksStatisticWithTies(sorted, (x) => (x === 0 ? 0 : d.cdf(x)), upper);
      expect(ksPValue(D, N)).toBeGreaterThan(1e-3);

      checkSampleMoments(d, { n: N, seed: 12345, z: 4, fourthCentralMoment: mu4 });
    },
  );

  for (const entry of [...registry, ...discreteRegistry]) {
    it(`${entry.name}: sample mean and variance within 4 SE (where they exist), quartiles within 4 binomial SE, over moderate parameters and seeds`, () => {
      fc.assert(sampleMomentsMatch(entry), { numRuns: 10, seed: 6 });
    });
  }

  it('same seed, same numbers; sample(rng) and sample(rng, n) agree', () => {
    for (const { d } of cases) {
      const a = d.sample(new Rng(99), 50);
      const b = d.sample(new Rng(99), 50);
      expect(Array.from(a)).toEqual(Array.from(b));
      const rng = new Rng(99);
      const one = Array.from({ length: 50 }, () => d.sample(rng));
      expect(one).toEqual(Array.from(a));
    }
  });

  it('snapshot of the first draws (seed 42)', () => {
    const rng = new Rng(42);
    const draws = [
      new Normal(0, 1).sample(rng),
      new Exponential(1).sample(rng),
      new Gamma(2.5, 1).sample(rng),
      new Gamma(0.5, 1).sample(rng),
      new LogNormal(0, 1).sample(rng),
    ];
    expect(draws).toMatchInlineSnapshot(`
      [
        0.40147566691202186,
        0.004898316755921948,
        4.545164757571263,
        0.4093599610404114,
        3.469629495772982,
      ]
    `);
  });

  it('sample(rng, n) rejects a bad n', () => {
    expect(() => new Normal(0, 1).sample(new Rng(1), -1)).toThrow(RangeError);
    expect(() => new Normal(0, 1).sample(new Rng(1), 1.5)).toThrow(RangeError);
  });
});
