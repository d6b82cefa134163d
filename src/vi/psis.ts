/**
 * Pareto-smoothed importance sampling diagnostic k̂ (Vehtari, Simpson, Gelman,
 * Yao & Gabry 2015/2024; Yao, Vehtari, Simpson & Gelman 2018, "Yes, but did it
 * work?"): fit a generalized Pareto distribution to the largest importance ratios
 * p(z, D)/q(z), z ~ q. Its shape k̂ estimates how heavy the ratios' tail is, and so
 * how far q is from the posterior in the direction that matters for importance
 * sampling:
 *
 * - k̂ < 0.5: good, the importance-sampling estimate converges quickly;
 * - 0.5 ≤ k̂ ≤ 0.7: usable, slower convergence;
 * - k̂ > 0.7: poor, q misses mass the posterior has; do not trust q (or the IS estimate).
 *
 * @module
 */
import { formatValue } from '../errors';

/**
 * The usual reading of k̂: `"good"` (< 0.5), `"ok"` (0.5–0.7), `"poor"` (> 0.7).
 *
 * @example
 * ```ts
 * const r: KhatReading = khatReading(0.3); // → "good"
 * ```
 */
export type KhatReading = 'good' | 'ok' | 'poor';

/**
 * k̂ and its reading.
 *
 * @example
 * ```ts
 * const d: ParetoDiagnostic = { khat: 0.31, reading: 'good', tailLength: 97 };
 * ```
 */
export interface ParetoDiagnostic {
  /** The generalized-Pareto shape estimate (NaN when it cannot be computed). */
  readonly khat: number;
  /** `"good"` (< 0.5), `"ok"` (0.5–0.7) or `"poor"` (> 0.7, or NaN). */
  readonly reading: KhatReading;
  /** M = the number of largest ratios fitted, min(n/5, 3√n) rounded up. */
  readonly tailLength: number;
}

/**
 * The reading of a k̂ value: < 0.5 good, ≤ 0.7 ok, else poor.
 *
 * @example
 * ```ts
 * khatReading(0.6); // → "ok"
 * ```
 */
export function khatReading(khat: number): KhatReading {
  // A relational test on a null-prototype object would throw a raw TypeError.
  if (typeof khat !== 'number') throw new TypeError(`khatReading: khat must be a number, got ${formatValue(khat)}`);
  return khat < 0.5 ? 'good' : khat <= 0.7 ? 'ok' : 'poor';
}

/**
 * PSIS k̂ of a sample of log importance ratios log w_i = log p(z_i, D) − log q(z_i),
 * z_i ~ q: the generalized-Pareto shape fitted by the Zhang & Stephens (2009)
 * empirical-Bayes method (with the weakly informative prior of Vehtari et al.,
 * as in `loo`/ArviZ) to the exceedances of the M = ⌈min(n/5, 3√n)⌉ largest ratios
 * over the (M+1)-th largest. Needs n ≥ 20 finite log ratios for a useful value;
 * −∞ entries (zero weight) are kept, NaN ones make the result NaN; ratios
 * constant to 1e-10 relative (q equal to the posterior) give k̂ = 0.
 *
 * @param logWeights - log importance ratios (not modified)
 * @example
 * ```ts
 * const lw = new Float64Array(1000).map((_, i) => -0.5 * ((i / 1000) - 0.5) ** 2);
 * psisKhat(lw).reading; // → "good"
 * ```
 */
export function psisKhat(logWeights: ArrayLike<number>): ParetoDiagnostic {
  if (logWeights === null || typeof logWeights !== 'object' || typeof logWeights.length !== 'number') {
    throw new TypeError(`psisKhat: logWeights must be an array of numbers or a Float64Array, got ${formatValue(logWeights)}`);
  }
  const n = logWeights.length;
  const m = Math.ceil(Math.min(0.2 * n, 3 * Math.sqrt(n)));
  // Float64Array.from would coerce "1" silently and throw a raw error on a bigint.
  for (let i = 0; i < n; i++) {
    const w = logWeights[i];
    if (typeof w !== 'number') throw new TypeError(`psisKhat: logWeights[${i}] must be a number, got ${formatValue(w)}`);
  }
  const sorted = Float64Array.from(logWeights);
  for (let i = 0; i < n; i++) if (Number.isNaN(sorted[i])) return { khat: NaN, reading: 'poor', tailLength: m };
  if (n < 5 || m < 5) return { khat: NaN, reading: 'poor', tailLength: m };
  // Only the M + 1 largest are needed in order: select them, then sort that tail.
  selectKth(sorted, n - m - 1);
  sorted.subarray(n - m - 1).sort();
  const max = sorted[n - 1];
  if (max === Infinity) return { khat: Infinity, reading: 'poor', tailLength: m };
  if (max === -Infinity) return { khat: NaN, reading: 'poor', tailLength: m };
  const cut = Math.exp(sorted[n - m - 1] - max);
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) x[i] = Math.exp(sorted[n - m + i] - max) - cut;
  // Ratios equal to ~1e-10 relative (q is the posterior up to rounding): no tail to fit.
  if (!(x[m - 1] > 1e-10)) return { khat: 0, reading: 'good', tailLength: m };
  // A quarter of the tail underflows to 0 beside the largest ratio: the weights span
  // more than e^708 within the tail, far heavier than any fitted shape can express
  // (the fit below would divide by the zero quartile).
  if (!(x[Math.floor(m / 4 + 0.5) - 1] > 0)) return { khat: Infinity, reading: 'poor', tailLength: m };
  const k = gpdShape(x);
  return { khat: k, reading: khatReading(k), tailLength: m };
}

/**
 * Rearranges `a` (no NaN) so that a[k] holds the value a full ascending sort puts
 * there, with everything before it ≤ a[k] and everything after ≥ a[k]
 * (quickselect, median-of-three pivots; expected O(n)).
 */
function selectKth(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three to a[mid], then partition around it (Hoare).
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Zhang & Stephens (2009) estimate of the generalized-Pareto shape k from sorted
 * positive exceedances x (ascending), with the prior of Vehtari et al.: the
 * profile posterior over θ = −k/σ on a grid of 30 + ⌊√n⌋ quantile-spaced points,
 * the posterior-mean θ, then ξ = mean(log(1 − θx)) shrunk toward 0.5 with weight
 * 10/(n + 10).
 */
function gpdShape(x: Float64Array): number {
  const n = x.length;
  const priorBs = 3;
  const priorK = 10;
  const mGrid = 30 + Math.floor(Math.sqrt(n));
  const xq = x[Math.floor(n / 4 + 0.5) - 1];
  const xmax = x[n - 1];
  const b = new Float64Array(mGrid);
  const l = new Float64Array(mGrid);
  for (let j = 0; j < mGrid; j++) {
    b[j] = (1 - Math.sqrt(mGrid / (j + 1 - 0.5))) / (priorBs * xq) + 1 / xmax;
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.log1p(-b[j] * x[i]);
    const k = s / n;
    l[j] = n * (Math.log(-b[j] / k) - k - 1);
  }
  // Normalized weights w_j = 1 / Σ_i exp(l_i − l_j).
  let bPost = 0;
  let wSum = 0;
  for (let j = 0; j < mGrid; j++) {
    let s = 0;
    for (let i = 0; i < mGrid; i++) s += Math.exp(l[i] - l[j]);
    const w = 1 / s;
    if (w < 10 * 2.220446049250313e-16) continue;
    bPost += b[j] * w;
    wSum += w;
  }
  bPost /= wSum;
  let k = 0;
  for (let i = 0; i < n; i++) k += Math.log1p(-bPost * x[i]);
  k /= n;
  // mean log(1 − θx) is the shape in the usual sign (ξ > 0: heavy tail), as in ArviZ's _gpdfit.
  return (n * k + priorK * 0.5) / (n + priorK);
}
