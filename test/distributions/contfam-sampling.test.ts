/**
 * Samplers of Cauchy, HalfNormal, HalfCauchy, Uniform and InverseGamma: a
 * Kolmogorov–Smirnov test against the exact CDF at level 1e-3 (atoms from
 * rounding, e.g. draws that overflow to ∞, taken into account); the counts below
 * seven quantiles within 4.5 binomial standard deviations (the check that works
 * whether or not moments exist); sample mean within 4 standard errors where the
 * variance is finite, sample variance within 4 standard errors (from the fourth
 * central moment) where that is finite; reproducibility.
 */
import { describe, expect, it } from 'vitest';
import { Cauchy, HalfCauchy, HalfNormal, InverseGamma, Rng, Uniform, type ContinuousDistribution } from '../../src/index';
import { ksPValue, ksStatisticWithTies } from '../helpers/ks';

/** Central fourth moment from the raw moments m1 … m4. */
const centralMu4 = (m1: number, m2: number, m3: number, m4: number): number => m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4;

const halfNormalMu4 = (s: number): number => {
  const c = Math.sqrt(2 / Math.PI);
  return centralMu4(c * s, s * s, 2 * c * s ** 3, 3 * s ** 4);
};

/** Raw moments of InverseGamma(α, β): E X^k = β^k / ((α − 1)…(α − k)), for α > k. */
const inverseGammaMu4 = (a: number, b: number): number => {
  const m = [1];
  for (let k = 1; k <= 4; k++) m.push((m[k - 1] * b) / (a - k));
  return centralMu4(m[1], m[2], m[3], m[4]);
};

interface Case {
  d: ContinuousDistribution;
  /** Fourth central moment where the variance check applies (finite and not too heavy-tailed), else undefined. */
  mu4?: number;
}

const cases: Case[] = [
  { d: new Cauchy(0, 1) },
  { d: new Cauchy(-1e6, 1e3) },
  { d: new Cauchy(3, 1e-8) },
  { d: new HalfNormal(1), mu4: halfNormalMu4(1) },
  { d: new HalfNormal(1e-6), mu4: halfNormalMu4(1e-6) },
  { d: new HalfNormal(2e5), mu4: halfNormalMu4(2e5) },
  { d: new HalfCauchy(1) },
  { d: new HalfCauchy(1e-3) },
  { d: new Uniform(0, 1), mu4: 1 / 80 },
  { d: new Uniform(-3, 5.5), mu4: 8.5 ** 4 / 80 },
  { d: new Uniform(1e10, 1e10 + 1), mu4: 1 / 80 },
  { d: new Uniform(-1.7e308, 1.7e308) },
  ...[1e-3, 1e-2, 0.1, 0.5, 1, 2.5].map((a) => ({ d: new InverseGamma(a, 2) })),
  ...[10, 100, 1e3].map((a) => ({ d: new InverseGamma(a, 2), mu4: inverseGammaMu4(a, 2) })),
  // A tiny shape with a tiny scale: Gamma(1e-3) draws underflow to 0 for e^{-745} and below, where
  // β/G would be ∞; the log-space draw keeps those finite up to e^{709.78}.
  { d: new InverseGamma(1e-3, 1e-300) },
];

const N = 100_000;
const PROBS = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];

const label = (d: ContinuousDistribution): string => `${d.name}(${d.operands.join(', ')})`;

describe('samplers of the continuous families', () => {
  it.each(cases.map((c) => [label(c.d), c] as const))('%s: KS p ≥ 1e-3, quantile counts and moments within their bounds', (_label, { d, mu4 }) => {
    const xs = d.sample(new Rng(20261205), N);
    const sorted = Float64Array.from(xs).sort();
    let outside = 0;
    for (const x of sorted) if (!(d.support.contains(x) || x === Infinity)) outside++;
    expect(outside).toBe(0);

    // KS, with the atom at +∞ of draws that overflow: its mass is the survival beyond the largest double.
    const lower = (x: number): number => (x === Infinity ? d.cdf(Number.MAX_VALUE) : d.cdf(x));
    const D = ksStatisticWithTies(sorted, lower, (x) => d.cdf(x));
    expect(ksPValue(D, N)).toBeGreaterThan(1e-3);

    // Counts below fixed quantiles: Binomial(N, F(q)) under the null, F(q) = p unless q rounds to ±∞.
    for (const p of PROBS) {
      const q = d.quantile(p);
      const F = d.cdf(q);
      let below = 0;
      for (const x of xs) if (x <= q) below++;
      expect(Math.abs(below - N * F), `p = ${p}`).toBeLessThanOrEqual(4.5 * Math.sqrt(N * F * (1 - F)));
    }

    const variance = d.variance();
    if (!Number.isFinite(variance)) return;
    let m = 0;
    for (let i = 0; i < N; i++) m += xs[i];
    m /= N;
    const sd = d.stddev();
    expect(Math.abs(m - d.mean())).toBeLessThanOrEqual((4 * sd) / Math.sqrt(N));
    if (mu4 === undefined) return;
    let v = 0;
    for (let i = 0; i < N; i++) v += (xs[i] - m) ** 2;
    v /= N - 1;
    expect(Math.abs(v - variance)).toBeLessThanOrEqual(4 * Math.sqrt((mu4 - sd ** 4) / N));
  });

  it('InverseGamma(1e-3, 1e-300): only the draws beyond the largest double overflow (not every G that underflows)', () => {
    const d = new InverseGamma(1e-3, 1e-300);
    const xs = d.sample(new Rng(7), N);
    let inf = 0;
    for (const x of xs) if (x === Infinity) inf++;
    // P(X > MAX_VALUE) = P(G < β/MAX_VALUE) ≈ 0.25; a draw β/G overflows also when G itself
    // underflows to 0, which has probability P(G < MIN_VALUE) = survival(β/MIN_VALUE) ≈ 0.48.
    const p = d.survival(Number.MAX_VALUE);
    const pNaive = d.survival(1e-300 / Number.MIN_VALUE);
    const sd = Math.sqrt(N * p * (1 - p));
    expect(Math.abs(inf - N * p)).toBeLessThanOrEqual(4.5 * sd);
    expect(N * (pNaive - p)).toBeGreaterThan(50 * sd); // the bound above would catch the naive sampler
  });

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
});
