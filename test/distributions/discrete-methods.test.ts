/**
 * Poisson and Binomial quantiles and entropies at every scale (issue #16: ≤ 10 µs per call):
 * the strided trapezoid entropy against the full sum over every integer (Loader's log-pmf,
 * independent of the ratio recurrence and of the stride), continuity across the switches,
 * and the quantile's defining property F(k − 1) < u ≤ F(k) from λ = 1e-300 to 1e300 and n up
 * to 2⁵³ − 1, with the number of cdf evaluations the search needs.
 */
import { describe, expect, it } from 'vitest';
import { Binomial, Poisson, type DiscreteDistribution } from '../../src/index';
import { logPoissonRaw } from '../../src/math/saddle-point';

const rel = (got: number, want: number): number => (got === want ? 0 : Math.abs(got - want) / Math.abs(want));

/** −Σ P(k) log P(k) over every integer from the mode outward, each term from `logPmf` (Neumaier's sum). */
function fullEntropy(logPmf: (k: number) => number, mode: number, upper: number): number {
  let sum = 0;
  let comp = 0;
  for (const dir of [-1, 1]) {
    for (let k = dir < 0 ? mode : mode + 1; k >= 0 && k <= upper; k += dir) {
      const lp = logPmf(k);
      if (lp < -900) break;
      const t = -Math.exp(lp) * lp;
      const s = sum + t;
      comp += Math.abs(sum) >= Math.abs(t) ? sum - s + t : t - s + sum;
      sum = s;
    }
  }
  return sum + comp;
}

describe('entropy: strided trapezoid and ratio recurrence against the full Loader-form sum', () => {
  it.each([1e-300, 1e-5, 0.3, 1, 2.5, 7, 10, 20, 29.999, 30, 30.5, 45, 100, 999.5, 1e4, 99999])('Poisson(%s)', (rate) => {
    const want = fullEntropy((k) => logPoissonRaw(k, rate), Math.floor(rate), Infinity);
    expect(rel(new Poisson(rate).entropy(), want)).toBeLessThanOrEqual(2e-15);
  });
  it.each([[1, 0.5], [10, 0.3], [100, 0.3], [100, 0.5], [123, 0.25], [1000, 0.03], [1e4, 0.5], [1e6, 1e-3], [1e6, 0.2], [1e9, 1e-7], [1e7, 0.5], [2 ** 40, 1e-8]])('Binomial(%s, %s)', (n, p) => {
    const d = new Binomial(n, p);
    const logPmf = (k: number): number => d.logPdf(k);
    const mode = Math.min(n, Math.floor((n + 1) * p));
    expect(rel(d.entropy(), fullEntropy(logPmf, mode, n))).toBeLessThanOrEqual(2e-15);
  });
  it('is continuous across the switch to the strided sum (λ, σ² = 30) to a few ulp', () => {
    const below = new Poisson(30 * (1 - 2 ** -52)).entropy();
    const at = new Poisson(30).entropy();
    // dH/dλ ≈ 1/(2λ): the step in λ itself moves H by ≈ 1e-17; the two sums differ by
    // their rounding (measured 7e-16, ≈ 3 ulp).
    expect(rel(below, at)).toBeLessThan(1e-15);
    const n = 120;
    const p = 0.5 - Math.sqrt(0.25 - 30 / n); // np(1 − p) = 30
    const b1 = new Binomial(n, p * (1 - 1e-15)).entropy();
    const b2 = new Binomial(n, p * (1 + 1e-15)).entropy();
    expect(rel(b1, b2)).toBeLessThan(1e-15);
  });
});

/** Counts the cdf-type evaluations a quantile makes (`reaches` on the instance's prototype chain). */
function evaluationsOf(d: DiscreteDistribution, u: number): number {
  const target = d as unknown as { reaches(k: number, u: number): boolean };
  const proto = Object.getPrototypeOf(d) as { reaches(k: number, u: number): boolean };
  let n = 0;
  target.reaches = (k: number, v: number): boolean => {
    n++;
    return proto.reaches.call(d, k, v);
  };
  d.quantile(u);
  delete (target as { reaches?: unknown }).reaches;
  return n;
}

/** F(k − 1) < u ≤ F(k) for k = quantile(u), compared on the most accurate tail. */
function isQuantile(d: DiscreteDistribution, u: number, k: number): boolean {
  const prev = k - (k < 2 ** 53 ? 1 : 2 ** (Math.floor(Math.log2(k)) - 52));
  const atLower = k <= d.support.lower;
  if (u > 0.5) return d.survival(k) <= 1 - u && (atLower || d.survival(prev) > 1 - u);
  if (u < 1e-280) return d.logCdf(k) >= Math.log(u) && (atLower || d.logCdf(prev) < Math.log(u));
  return d.cdf(k) >= u && (atLower || d.cdf(prev) < u);
}

const PROBABILITIES = [1e-300, 1e-100, 1e-30, 1e-10, 1e-5, 0.01, 0.1, 0.5, 0.9, 0.99, 1 - 1e-5, 1 - 1e-10, 1 - 1e-12];

describe('quantiles: the defining property at every scale, in a few cdf evaluations', () => {
  it.each([1e-300, 1e-10, 0.1, 1, 2.5, 10, 45, 100, 1e3, 1e5, 1e8, 1e15, 1e17, 1e300])('Poisson(%s)', (rate) => {
    const d = new Poisson(rate);
    for (const u of PROBABILITIES) {
      const k = d.quantile(u);
      expect(isQuantile(d, u, k), `u=${u} k=${k}`).toBe(true);
      // Cornish–Fisher or the deviance root start within one or two integers (or doubles):
      // ≤ 6 evaluations (Poisson(1e300) galloped through ≈ 940 before).
      expect(evaluationsOf(d, u), `u=${u}`).toBeLessThanOrEqual(6);
    }
  });
  it.each([[1, 0.5], [100, 0.3], [1e6, 1e-300], [1e6, 1e-3], [1e9, 1e-7], [1e15, 1e-10], [2 ** 53 - 1, 0.5], [1e4, 1 - 1e-9]])('Binomial(%s, %s)', (n, p) => {
    const d = new Binomial(n, p);
    for (const u of PROBABILITIES) {
      const k = d.quantile(u);
      expect(isQuantile(d, u, k), `u=${u} k=${k}`).toBe(true);
      // Binomial(1e6, 1e-3) at 1e-300 took 14 (the skewness term was divided by σ).
      expect(evaluationsOf(d, u), `u=${u}`).toBeLessThanOrEqual(6);
    }
  });
  it('Binomial(1e6, 1e-3).quantile(1e-300) = 93 and Poisson(1e3) likewise (the deviance root start)', () => {
    expect(new Binomial(1e6, 1e-3).quantile(1e-300)).toBe(93);
    expect(new Poisson(1e3).quantile(1e-300)).toBe(93);
  });
});
