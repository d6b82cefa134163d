/**
 * The binomial log-pmf in Loader's saddle-point form, shared by the `Binomial` class,
 * its samplers (BTRS's exact test) and its point kernel, which therefore all give the
 * same bits.
 *
 * @module
 * @internal
 */
import { LN_SQRT_2PI } from '../math/constants';
import { stirlerr } from '../math/gamma-functions';
import { bd0 } from '../math/saddle-point';
import type { PointLogPdfKernel } from './point-kernel';

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
  return logPmfInterior(k, n, p, q, stirlerrInt(n) - stirlerrInt(k) - stirlerrInt(n - k), halfLogKRatio(k, n));
}

/**
 * Loader's form for 0 < k < n and 0 < p < 1 from its parts that do not depend on p:
 * `c` = stirlerr(n) − stirlerr(k) − stirlerr(n − k) and `h` = {@link halfLogKRatio}(k, n),
 * which the point kernel keeps while (n, k) repeats (one datum's rows).
 */
function logPmfInterior(k: number, n: number, p: number, q: number, c: number, h: number): number {
  return c - bd0(k, n * p) - bd0(n - k, n * q) - LN_SQRT_2PI - h;
}

/** ½ log(k(n − k)/n) = ½(log k + log(1 − k/n)). */
function halfLogKRatio(k: number, n: number): number {
  // log(1 − k/n): log1p of the rounded k/n would lose ε·n/(n − k) for k near n.
  const r = k / n;
  const log1mr = r < 0.5 ? Math.log1p(-r) : Math.log((n - k) / n);
  return 0.5 * (Math.log(k) + log1mr);
}

/**
 * ∂/∂p log P(k | n, p) = k/p − (n − k)/q at a k of the support where P(k) > 0, with the
 * ends in closed form (−n/q at k = 0, n/p at k = n: no 0/0 at p = 0 or 1) and 0 for
 * n = 0 (P(X = 0) = 1 for every p; −0/q would be 0/0 at p = 1).
 *
 * @example
 * ```ts
 * binomialPartialP(3, 10, 0.5, 0.5); // → -8
 * ```
 * @internal
 */
export function binomialPartialP(k: number, n: number, p: number, q: number): number {
  return n === 0 ? 0 : k === 0 ? -n / q : k === n ? n / p : k / p - (n - k) / q;
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

/**
 * `Binomial.pointKernel`: log P(k | n, p) and ∂/∂p (∂/∂n = 0, n is a count) at many
 * points, by the arithmetic of `logPdfPartials` (the same bits). `prepare` keeps
 * stirlerr(k) of each datum; the rest of the p-free part of Loader's form (stirlerr(n),
 * stirlerr(n − k), ½ log(k(n − k)/n)) is computed once per run of equal (n, k), i.e.
 * once per datum of a step, so a point costs the two deviance terms bd0(k, np) and
 * bd0(n − k, nq). −∞ off the support {0, …, n} (NaN for a NaN count, as `logPdf`).
 *
 * @example
 * ```ts
 * const value = new Float64Array(1), partials = new Float64Array(2);
 * const k = Float64Array.of(3);
 * binomialPointKernel.evaluate(1, Float64Array.of(10, 0.3), k, binomialPointKernel.prepare!(k), value, partials);
 * value[0]; // → -1.3211512777668886, as new Binomial(10, 0.3).logPdf(3)
 * ```
 * @internal
 */
export const binomialPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 2,
  prepare: (xs: Float64Array): Float64Array => Float64Array.from(xs, (k) => (k >= 1 && Number.isInteger(k) ? stirlerrInt(k) : NaN)),
  evaluate(m: number, params: Float64Array, x: Float64Array, aux: Float64Array | null, value: Float64Array, partials: Float64Array): void {
    const sk = aux as Float64Array;
    let lastN = NaN;
    let sn = NaN;
    let lastK = NaN;
    let c = NaN;
    let h = NaN;
    for (let j = 0; j < m; j++) {
      const n = params[j];
      const p = params[m + j];
      // Inline domain checks (see Normal.pointKernel).
      if (!(Number.isSafeInteger(n) && n >= 0 && p >= 0 && p <= 1)) {
        value[j] = NaN;
        continue;
      }
      const k = x[j];
      partials[j] = 0;
      if (!(k >= 0 && k <= n && Number.isInteger(k))) {
        value[j] = k === k ? -Infinity : NaN;
        partials[m + j] = 0;
        continue;
      }
      const q = 1 - p;
      let lp: number;
      if (p === 0 || q === 0 || k === 0 || k === n) lp = logBinomialPmf(k, n, p, q);
      else {
        if (n !== lastN || k !== lastK) {
          if (n !== lastN) sn = stirlerrInt(n);
          lastN = n;
          lastK = k;
          c = sn - sk[j] - stirlerrInt(n - k);
          h = halfLogKRatio(k, n);
        }
        lp = logPmfInterior(k, n, p, q, c, h);
      }
      value[j] = lp;
      partials[m + j] = lp > -Infinity ? binomialPartialP(k, n, p, q) : 0;
    }
  },
});
