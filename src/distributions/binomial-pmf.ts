/**
 * The binomial log-pmf in Loader's saddle-point form, shared by the `Binomial` class
 * and its samplers (BTRS's exact test), which live in separate files.
 *
 * @module
 * @internal
 */
import { LN_SQRT_2PI } from '../math/constants';
import { stirlerr } from '../math/gamma-functions';
import { bd0 } from '../math/saddle-point';

/**
 * log C(n, k) pᵏ qⁿ⁻ᵏ in Loader's form (2000, "Fast and accurate computation of
 * binomial probabilities"; R's dbinom_raw): stirlerr(n) − stirlerr(k) −
 * stirlerr(n − k) − bd0(k, np) − bd0(n − k, nq) − ½ log(2πk(n − k)/n) for
 * 0 < k < n, n log1p(−p) and n log p at the ends. Absolute error ≈ 1e-15·(1 + |result|)
 * (stirlerr below 10 is good to 1e-14 absolute); full relative accuracy at n = 1e6.
 *
 * @example
 * ```ts
 * logBinomialPmf(3, 10, 0.3, 0.7); // → -1.3211512777668886
 * ```
 * @internal
 */
export function logBinomialPmf(k: number, n: number, p: number, q: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (q === 0) return k === n ? 0 : -Infinity;
  if (k === 0) return n === 0 ? 0 : n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const lc = stirlerrInt(n) - stirlerrInt(k) - stirlerrInt(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  // log(1 − k/n): log1p of the rounded k/n would lose ε·n/(n − k) for k near n.
  const r = k / n;
  const log1mr = r < 0.5 ? Math.log1p(-r) : Math.log((n - k) / n);
  return lc - LN_SQRT_2PI - 0.5 * (Math.log(k) + log1mr);
}

/**
 * stirlerr(m) for a positive integer m: from a table below 16 (mpmath values
 * rounded to double; R's dbinom keeps the same table), where the formula through
 * log Γ is slower and good only to 1e-14 absolute; the asymptotic series above.
 *
 * @example
 * ```ts
 * stirlerrInt(1); // → 0.08106146679532726
 * ```
 * @internal
 */
export function stirlerrInt(m: number): number {
  return m < 16 ? STIRLERR_SMALL[m] : stirlerr(m);
}

/** stirlerr(m) = log m! − (m + ½) log m + m − log √(2π) for m = 0 … 15 (m = 0 is never used). */
const STIRLERR_SMALL: readonly number[] = [
  NaN, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];
