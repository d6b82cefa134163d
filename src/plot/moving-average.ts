/**
 * Trailing moving average of a trace, for smoothing a noisy per-step ELBO.
 *
 * @module
 */
import { describeValue } from './spec';

/**
 * The trailing moving average of `values` over windows of `window` steps: out[i] is
 * the mean of the finite values among values[i − window + 1 … i] (fewer at the start,
 * where the window is cut at step 0), NaN where that window holds no finite value.
 * Non-finite values (a diverged step) are left out of the mean rather than poisoning
 * every window they fall in.
 *
 * Linear time. Accuracy: the window sum is kept as a running sum, recomputed from
 * scratch every `window` steps, so it has seen at most 2·window additions and
 * subtractions, each rounding by ≤ ε/2 of a partial sum ≤ window·max|v| (ε = 2⁻⁵²):
 * the error of out[i] is at most window²·ε·max|v| / c, c the finite values in its
 * window (about window·ε·max|v| for a full window), whatever the trace's length.
 *
 * @param values - the trace
 * @param window - the window length, an integer ≥ 1 (1 returns the finite values as they are)
 * @returns a new Float64Array of the same length
 * @example
 * ```ts
 * import { movingAverage } from 'varinf/plot';
 * movingAverage([1, 2, NaN, 4, 5], 2); // → Float64Array [1, 1.5, 2, 4, 4.5]
 * ```
 */
export function movingAverage(values: ArrayLike<number>, window: number): Float64Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError(`movingAverage: values must be an array of numbers, got ${describeValue(values)}`);
  }
  if (typeof window !== 'number' || !(Number.isInteger(window) && window >= 1)) {
    throw new RangeError(`movingAverage: window must be an integer >= 1, got ${describeValue(window)}`);
  }
  const n = values.length;
  const out = new Float64Array(n);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (i % window === 0 && i > 0) {
      // Recompute the window's sum: bounds the running sum's rounding drift.
      sum = 0;
      count = 0;
      for (let j = i - window + 1; j < i; j++) {
        const v = values[j];
        if (Number.isFinite(v)) {
          sum += v;
          count++;
        }
      }
    }
    const v = values[i];
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
    const k = i - window;
    if (k >= 0 && i % window !== 0) {
      const old = values[k];
      if (Number.isFinite(old)) {
        sum -= old;
        count--;
      }
    }
    out[i] = count > 0 ? sum / count : NaN;
  }
  return out;
}
