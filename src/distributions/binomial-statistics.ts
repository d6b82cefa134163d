/**
 * The sufficient statistics of i.i.d. binomial counts and the log-likelihood rows
 * from them (`Binomial.sumKernel`).
 *
 * @module
 * @internal
 */
import { lgamma } from '../math/gamma-functions';
import { isCountValue, isProbabilityValue } from './validate';

/**
 * [N, Σk, max k, h₀ … h_max]: the counts' sufficient statistics for any n (see
 * `Binomial.sumKernel`); undefined when a datum is not a count or the largest count
 * exceeds max(1000, 4N) (the histogram would outgrow the data).
 *
 * @example
 * ```ts
 * binomialStatistics([0, 2, 2]); // → Float64Array [3, 4, 2, 1, 0, 2]
 * ```
 * @internal
 */
export function binomialStatistics(xs: ArrayLike<number>): Float64Array | undefined {
  const N = xs.length;
  let max = 0;
  for (let i = 0; i < N; i++) {
    const k = xs[i];
    if (!(k >= 0 && Number.isSafeInteger(k))) return undefined;
    if (k > max) max = k;
  }
  if (max > Math.max(1000, 4 * N)) return undefined;
  const st = new Float64Array(3 + max + 1);
  let sum = 0;
  for (let i = 0; i < N; i++) {
    sum += xs[i];
    st[3 + xs[i]] += 1;
  }
  st[0] = N;
  st[1] = sum;
  st[2] = max;
  return st;
}

/** Σᵢ log C(n, kᵢ) from the histogram; −∞ when some count exceeds n. */
function sumLogChoose(n: number, st: Float64Array): number {
  const max = st[2];
  if (max > n) return -Infinity;
  const lgn = lgamma(n + 1);
  let s = 0;
  for (let k = 0; k <= max; k++) {
    const h = st[3 + k];
    if (h !== 0) s += h * (lgn - lgamma(k + 1) - lgamma(n - k + 1));
  }
  return s;
}

/**
 * Rows of Σ log P(kᵢ | n, p) and ∂/∂p from the statistics of {@link binomialStatistics}
 * (∂/∂n is 0: n is a count); `cache` keeps the last row's n and its Σ log C(n, kᵢ).
 *
 * @example
 * ```ts
 * const value = new Float64Array(1), partials = new Float64Array(2);
 * binomialRowsFromStatistics(Float64Array.of(2, 0.5), 1, binomialStatistics([1])!, new Float64Array(2).fill(NaN), value, partials);
 * value[0]; // ≈ -0.6931471805599453 (log ½)
 * ```
 * @internal
 */
export function binomialRowsFromStatistics(params: Float64Array, rows: number, st: Float64Array, cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  const N = st[0];
  const s = st[1];
  for (let r = 0; r < rows; r++) {
    const n = params[2 * r];
    const p = params[2 * r + 1];
    partials[2 * r] = 0;
    partials[2 * r + 1] = 0;
    if (!(isCountValue(n) && isProbabilityValue(p))) {
      value[r] = -Infinity;
      continue;
    }
    // cache: the n of the last row and its Σ log C(n, k).
    if (cache[0] !== n) {
      cache[0] = n;
      cache[1] = sumLogChoose(n, st);
    }
    // A count above n: impossible (and N·n − Σk may then be negative).
    if (cache[1] === -Infinity) {
      value[r] = -Infinity;
      continue;
    }
    const f = N * n - s;
    // A zero count contributes exactly 0 (no 0·log 0, no 0/0 at p = 0 or 1).
    const v = cache[1] + (s === 0 ? 0 : s * Math.log(p)) + (f === 0 ? 0 : f * Math.log1p(-p));
    value[r] = v;
    if (v > -Infinity) partials[2 * r + 1] = (s === 0 ? 0 : s / p) - (f === 0 ? 0 : f / (1 - p));
  }
}
