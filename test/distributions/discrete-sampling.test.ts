/**
 * Samplers of the discrete families: a chi-square goodness-of-fit test against the
 * exact pmf at level 1e-3 (cells with expected count ≥ 5, the two tails pooled),
 * sample mean and variance within 4 standard errors (the variance's exact one from
 * the fourth central moment), on a grid that crosses every algorithm switch
 * (inversion / PTRS at λ = 10, inversion / BTRS at n·min(p, 1 − p) = 10, the
 * reflection at p = ½), reproducibility and the degenerate parameters.
 */
import { describe, expect, it } from 'vitest';
import { Bernoulli, BernoulliLogit, Binomial, Poisson, Rng, type DiscreteDistribution } from '../../src/index';
import { gammaQ } from '../../src/math';

interface Case {
  d: DiscreteDistribution;
  /** Fourth central moment, for the standard error of the sample variance. */
  mu4: number;
}

const binomialMu4 = (n: number, p: number): number => {
  const v = n * p * (1 - p);
  return v * (1 + 3 * (n - 2) * p * (1 - p));
};
const bern = (p: number): Case => ({ d: new Bernoulli(p), mu4: binomialMu4(1, p) });
const logit = (l: number): Case => {
  const p = 1 / (1 + Math.exp(-l));
  return { d: new BernoulliLogit(l), mu4: binomialMu4(1, p) };
};
const pois = (l: number): Case => ({ d: new Poisson(l), mu4: l + 3 * l * l });
const binom = (n: number, p: number): Case => ({ d: new Binomial(n, p), mu4: binomialMu4(n, p) });

const cases: Case[] = [
  bern(0.3),
  bern(1e-3),
  bern(0.999),
  logit(-2),
  logit(6),
  logit(0),
  ...[1e-3, 0.5, 3.5, 9.99, 10, 30.5, 1000, 1e6].map(pois),
  binom(10, 0.3),
  binom(50, 0.15),
  binom(20, 0.6),
  binom(100, 0.05),
  binom(5000, 0.002),
  binom(100, 0.5),
  binom(1000, 0.99),
  binom(1_000_000, 0.5),
];

const N = 100_000;

/** Pearson's X² over the cells k with N·P(k) ≥ 5, the mass below and above them pooled into two more cells. */
function chiSquarePValue(d: DiscreteDistribution, xs: Float64Array): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let lo = d.quantile(0.5);
  while (lo > d.support.lower && N * d.pdf(lo - 1) >= 5) lo--;
  let hi = lo;
  while (hi < d.support.upper && N * d.pdf(hi + 1) >= 5) hi++;
  let x2 = 0;
  let cells = 0;
  let below = 0;
  let above = 0;
  for (const [k, c] of counts) {
    if (k < lo) below += c;
    else if (k > hi) above += c;
  }
  for (let k = lo; k <= hi; k++) {
    const e = N * d.pdf(k);
    const o = counts.get(k) ?? 0;
    x2 += ((o - e) * (o - e)) / e;
    cells++;
  }
  for (const [o, e] of [
    [below, N * d.cdf(lo - 1)],
    [above, N * d.survival(hi)],
  ]) {
    if (e > 0) {
      x2 += ((o - e) * (o - e)) / e;
      cells++;
    } else expect(o).toBe(0);
  }
  const df = cells - 1;
  return df > 0 ? gammaQ(df / 2, x2 / 2) : 1;
}

describe('discrete samplers', () => {
  it.each(cases.map((c) => [`${c.d.name}(${c.d.operands.join(', ')})`, c] as const))(
    '%s: chi-square p ≥ 1e-3, mean and variance within 4 SE, integers in the support',
    (_label, { d, mu4 }) => {
      const xs = d.sample(new Rng(2026), N);
      expect(xs.every((x) => d.inSupport(x))).toBe(true);
      expect(chiSquarePValue(d, xs)).toBeGreaterThan(1e-3);
      let m = 0;
      for (let i = 0; i < N; i++) m += xs[i];
      m /= N;
      let v = 0;
      for (let i = 0; i < N; i++) v += (xs[i] - m) ** 2;
      v /= N - 1;
      const sd = d.stddev();
      expect(Math.abs(m - d.mean())).toBeLessThanOrEqual((4 * sd) / Math.sqrt(N));
      // The exact variance of the unbiased sample variance, μ₄/N − σ⁴(N − 3)/(N(N − 1)),
      // which stays positive where the first-order (μ₄ − σ⁴)/N vanishes (Bernoulli(½)).
      const varSe = Math.sqrt(mu4 / N - (sd ** 4 * (N - 3)) / (N * (N - 1)));
      expect(Math.abs(v - d.variance())).toBeLessThanOrEqual(4 * varSe);
    },
  );

  it('same seed, same draws; sample(rng, n) equals n single draws', () => {
    for (const { d } of cases) {
      const a = d.sample(new Rng(7), 200);
      const b = d.sample(new Rng(7), 200);
      expect(Array.from(a)).toEqual(Array.from(b));
      const rng = new Rng(7);
      const singles = Array.from({ length: 200 }, () => d.sample(rng));
      expect(Array.from(a)).toEqual(singles);
    }
  });

  it('degenerate parameters give their single value', () => {
    const rng = new Rng(3);
    const all = (d: DiscreteDistribution, v: number): void => expect(Array.from(d.sample(rng, 1000)).every((x) => x === v)).toBe(true);
    all(new Bernoulli(0), 0);
    all(new Bernoulli(1), 1);
    all(new Binomial(25, 0), 0);
    all(new Binomial(25, 1), 25);
    all(new Binomial(0, 0.4), 0);
    all(new Poisson(1e-300), 0);
    all(new BernoulliLogit(1e300), 1);
    all(new BernoulliLogit(-1e300), 0);
  });

  it('rejects a bad sample size', () => {
    expect(() => new Poisson(1).sample(new Rng(1), -1)).toThrow(/Poisson\.sample: n must be a non-negative integer, got -1/);
    expect(() => new Binomial(3, 0.5).sample(new Rng(1), 1.5)).toThrow(RangeError);
  });
});
