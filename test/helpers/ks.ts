/**
 * One-sample Kolmogorov–Smirnov test helpers for the statistical tests of varinf.
 *
 * Usage: sort the samples ascending, compute `D = ksStatistic(sorted, cdf)`, then
 * `ksPValue(D, n)`; reject at level α when the p-value is below α (the suites use
 * α = 1e-3 with fixed seeds).
 *
 * @example
 * ```ts
 * const xs = Float64Array.from({ length: 1e4 }, () => rng.normal()).sort();
 * const D = ksStatistic(xs, normalCdf);
 * expect(ksPValue(D, xs.length)).toBeGreaterThan(1e-3);
 * ```
 * @module
 */

/**
 * The KS statistic D_n = sup_x |F_n(x) − F(x)| of ascending-sorted samples against a
 * continuous CDF: max over i of max(i/n − F(x_i), F(x_i) − (i−1)/n).
 *
 * @param sorted - the samples, sorted ascending (e.g. `Float64Array#sort()`).
 * @param cdf - the hypothesised continuous CDF.
 * @returns D_n in [0, 1].
 */
export function ksStatistic(sorted: ArrayLike<number>, cdf: (x: number) => number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('ksStatistic: no samples');
  let d = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && sorted[i] < sorted[i - 1]) throw new RangeError('ksStatistic: samples must be sorted ascending');
    const f = cdf(sorted[i]);
    const dPlus = (i + 1) / n - f;
    const dMinus = f - i / n;
    if (dPlus > d) d = dPlus;
    if (dMinus > d) d = dMinus;
  }
  return d;
}

/**
 * Survival function of the Kolmogorov distribution, Q(λ) = P(K > λ) with
 * K = sup |Brownian bridge|:
 * Q(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²} for λ ≥ 1.18, and the Jacobi-theta
 * form 1 − (√(2π)/λ) Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)} below (both converge in a few
 * terms to double precision there).
 */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1.18) {
    const c = (Math.PI * Math.PI) / (8 * lambda * lambda);
    let s = 0;
    for (let k = 1; k <= 20; k++) {
      const m = 2 * k - 1;
      s += Math.exp(-m * m * c);
    }
    return 1 - (Math.sqrt(2 * Math.PI) / lambda) * s;
  }
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    s += k % 2 === 1 ? term : -term;
    if (term < 1e-300) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}

/**
 * Asymptotic p-value P(D_n ≥ D) of the one-sample KS test, Q(λ) with Stephens'
 * (1970) small-sample correction λ = D (√n + 0.12 + 0.11/√n) (Numerical Recipes
 * §14.3). Accurate to a few per cent of the p-value for n ≥ 35, which is ample
 * for a 1e-3 test level.
 *
 * @param D - the KS statistic from {@link ksStatistic}.
 * @param n - the sample size.
 * @returns the p-value in [0, 1].
 */
export function ksPValue(D: number, n: number): number {
  const sn = Math.sqrt(n);
  return kolmogorovSurvival(D * (sn + 0.12 + 0.11 / sn));
}

/**
 * Convenience: sorts a copy of `samples` and returns the statistic and p-value.
 *
 * @param samples - the samples (any order; not modified).
 * @param cdf - the hypothesised continuous CDF.
 */
export function ksTest(samples: ArrayLike<number>, cdf: (x: number) => number): { D: number; p: number } {
  const sorted = Float64Array.from(samples).sort();
  const D = ksStatistic(sorted, cdf);
  return { D, p: ksPValue(D, sorted.length) };
}

/**
 * D = sup |Fₙ − F| for sorted samples with ties. Samples are doubles, so a
 * continuous law is observed through rounding; for Gamma with a tiny shape a large
 * share of draws rounds to 0 (an atom). The empirical CDF is compared with the
 * CDF's right limit at each value (`cdfUpper`: probability of rounding to ≤ x) and
 * its left limit (`cdfLower`: probability of rounding to < x).
 */
export function ksStatisticWithTies(
  sorted: ArrayLike<number>,
  cdfLower: (x: number) => number,
  cdfUpper: (x: number) => number = cdfLower,
): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    // Only the last of a run of ties counts for the upper comparison.
    if (i + 1 < n && sorted[i + 1] === x) continue;
    d = Math.max(d, (i + 1) / n - cdfUpper(x));
  }
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    if (i > 0 && sorted[i - 1] === x) continue;
    d = Math.max(d, cdfLower(x) - i / n);
  }
  return d;
}
