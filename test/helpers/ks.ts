/**
 * One-sample Kolmogorov–Smirnov test against an exact CDF.
 *
 * Samples are doubles, so a continuous law is observed through rounding; for
 * Gamma with tiny shape a large share of draws rounds to 0 (an atom). The
 * statistic therefore compares the empirical CDF with the CDF's right limit at
 * each rounded value (`cdfUpper`, the probability of rounding to ≤ x) and its left
 * limit (`cdfLower`, the probability of rounding to < x).
 */

/** D = sup |Fₙ − F| for sorted samples, with separate left/right limits of F at each value. */
export function ksStatistic(
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

/** Asymptotic p-value P(Dₙ ≥ d) = 2 Σ_{k≥1} (−1)^{k−1} exp(−2k²t²), t = d(√n + 0.12 + 0.11/√n) (Stephens 1970). */
export function ksPValue(d: number, n: number): number {
  const sn = Math.sqrt(n);
  const t = d * (sn + 0.12 + 0.11 / sn);
  if (t < 0.2) return 1;
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * t * t);
    s += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-18) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}
