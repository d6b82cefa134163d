/**
 * Monte-Carlo checks with principled bounds: a sample statistic against its
 * exact value within z standard errors, the standard error derived from the
 * distribution's own moments (not a guessed epsilon).
 *
 * @module
 */
import { Rng } from '../random/rng';
import type { TestableDistribution } from './family';
import { IdentityViolation } from './violation';

/**
 * A Monte-Carlo mean with its standard error.
 *
 * @example
 * ```ts
 * import type { MonteCarloEstimate } from 'varinf/testing';
 * const e: MonteCarloEstimate = { mean: 1.01, se: 0.014 };
 * ```
 */
export interface MonteCarloEstimate {
  /** The sample mean of f(X). */
  readonly mean: number;
  /** Its estimated standard error s/√n. */
  readonly se: number;
}

/**
 * Mean of f(X) over `n` draws of `d` from `new Rng(seed)`, with its estimated
 * standard error s/√n (Welford's one-pass variance; Welford 1962).
 *
 * @example
 * ```ts
 * import { Normal } from 'varinf';
 * import { monteCarloMean } from 'varinf/testing';
 * monteCarloMean(new Normal(0, 1), (x) => x * x, 10_000, 1); // ≈ { mean: 1.0, se: 0.014 }
 * ```
 */
export function monteCarloMean(d: TestableDistribution, f: (x: number) => number, n: number, seed: number): MonteCarloEstimate {
  const xs = d.sample(new Rng(seed), n);
  let m = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const v = f(xs[i]);
    const delta = v - m;
    m += delta / (i + 1);
    m2 += delta * (v - m);
  }
  return { mean: m, se: Math.sqrt(m2 / (n - 1) / n) };
}

/**
 * Options of {@link checkSampleMoments}.
 *
 * @example
 * ```ts
 * const options: SampleMomentsOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface SampleMomentsOptions {
  /** Number of draws (default 20 000). */
  readonly n?: number;
  /** Seed of the `Rng` (default 1). */
  readonly seed?: number;
  /** Bound in standard errors (default 4: a two-sided false-alarm rate of 6.3e-5 per check). */
  readonly z?: number;
  /**
   * The fourth central moment μ₄ = E[(X − μ)⁴]; without it (or where it is not
   * finite) the variance is not checked.
   */
  readonly fourthCentralMoment?: number;
  /** How the failure message names the distribution (default `"the distribution"`). */
  readonly subject?: string;
}

/**
 * Draws n values and checks the sample against the distribution, throwing an
 * {@link IdentityViolation} otherwise: the sample mean and the sample variance
 * against `d.mean()` and `d.variance()` where those exist, then the fraction of draws
 * ≤ each quartile against the cdf there.
 *
 * The bounds, all z standard errors of an exact or CLT sampling distribution:
 * - Quartiles (every distribution, heavy-tailed ones included): the count of draws ≤
 *   q_p = quantile(p), p ∈ {¼, ½, ¾}, is Binomial(n, F(q_p)), so the fraction F̂ obeys
 *   |F̂ − F| ≤ z·√(F(1 − F)/n) but with probability about 2Φ(−z); this holds for
 *   discrete families too (F(q_p) ≥ p is then the step's height). Skipped where
 *   nF(1 − F) < 25, where the count is too far from normal for the bound.
 * - Mean: by the central limit theorem x̄ is approximately N(μ, σ²/n), so
 *   |x̄ − μ| ≤ z·σ/√n fails with probability 2Φ(−z) (6.3e-5 at z = 4).
 * - Variance: the unbiased s² has variance (μ₄ − σ⁴(n − 3)/(n − 1))/n exactly, so
 *   |s² − σ²| ≤ z·√((μ₄ − σ⁴(n − 3)/(n − 1))/n). (Its leading term (μ₄ − σ⁴)/n alone is 0
 *   at the smallest kurtosis, μ₄ = σ⁴: a fair Bernoulli.) Where the kurtosis is near 1
 *   s² is far from normal (a shifted χ²₁), and the false-alarm rate of the bound is
 *   above 2Φ(−z), about 1% at z = 4.
 *
 * Undefined or infinite moments: the mean is not checked where σ² is not finite
 * (Cauchy, HalfCauchy, StudentT with ν ≤ 2: the CLT does not apply), the variance not
 * where μ₄ is not finite (ν ≤ 4); the quartile check still applies to them.
 * Fixed seeds make the check reproducible; z is a bound, not a tuned epsilon.
 *
 * @example
 * ```ts
 * import { Gamma } from 'varinf';
 * import { checkSampleMoments } from 'varinf/testing';
 * checkSampleMoments(new Gamma(2, 1), { n: 100_000, seed: 7, fourthCentralMoment: 3 * 2 * 4 });
 * ```
 */
export function checkSampleMoments(d: TestableDistribution, options: SampleMomentsOptions = {}): void {
  const { n = 20_000, seed = 1, z = 4, fourthCentralMoment: mu4 = NaN, subject = 'the distribution' } = options;
  const xs = d.sample(new Rng(seed), n);
  const at = `n = ${n}, seed = ${seed}`;
  checkMoments(d, xs, z, mu4, subject, at);
  checkQuartiles(d, xs, z, subject, at);
}

/** The sample mean (where σ² is finite) and variance (where μ₄ is too) against the distribution's. */
function checkMoments(d: TestableDistribution, xs: Float64Array, z: number, mu4: number, subject: string, at: string): void {
  const n = xs.length;
  const variance = d.variance();
  if (!Number.isFinite(variance) || !Number.isFinite(d.mean())) return;
  let m = 0;
  for (let i = 0; i < n; i++) m += xs[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (xs[i] - m) ** 2;
  v /= n - 1;
  const sd = d.stddev === undefined ? Math.sqrt(variance) : d.stddev();
  const meanBound = (z * sd) / Math.sqrt(n);
  if (!(Math.abs(m - d.mean()) <= meanBound)) {
    throw new IdentityViolation('sample mean = mean()', subject, at, `sample mean ${m}, mean() ${d.mean()}, |difference| ${Math.abs(m - d.mean())} > ${z}·σ/√n = ${meanBound}`);
  }
  if (!Number.isFinite(mu4)) return;
  const varSe = Math.sqrt((mu4 - (sd ** 4 * (n - 3)) / (n - 1)) / n);
  if (!(Math.abs(v - variance) <= z * varSe)) {
    throw new IdentityViolation('sample variance = variance()', subject, at, `sample variance ${v}, variance() ${variance}, |difference| ${Math.abs(v - variance)} > ${z}·√((μ₄ − σ⁴(n − 3)/(n − 1))/n) = ${z * varSe}`);
  }
}

/** The fraction of `xs` at or below each quartile against the cdf there (Binomial(n, F) counts). */
function checkQuartiles(d: TestableDistribution, xs: Float64Array, z: number, subject: string, at: string): void {
  const n = xs.length;
  for (const p of [0.25, 0.5, 0.75]) {
    const q = d.quantile(p);
    const F = d.cdf(q);
    // The normal approximation of the Binomial count needs nF(1 − F) large (a step at q near 0 or 1 of a discrete family).
    if (n * F * (1 - F) < 25) continue;
    let below = 0;
    for (let i = 0; i < n; i++) if (xs[i] <= q) below++;
    const bound = z * Math.sqrt((F * (1 - F)) / n);
    if (Math.abs(below / n - F) <= bound) continue;
    throw new IdentityViolation('sample cdf = cdf at the quartiles', subject, at, `fraction ≤ quantile(${p}) = ${q}: ${below / n}, cdf ${F}, |difference| ${Math.abs(below / n - F)} > ${z}·√(F(1 − F)/n) = ${bound}`);
  }
}
