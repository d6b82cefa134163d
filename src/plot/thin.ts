/**
 * Thinning a long trace for plotting while keeping what the eye looks for: its
 * ends and its spikes.
 *
 * @module
 */
import { checkArray, checkNumbers, describeValue } from './spec';

/**
 * The points of a trace kept by {@link thinTrace}: positions in the original array
 * (increasing) and the values there (all finite).
 *
 * @example
 * ```ts
 * import { thinTrace, type ThinnedTrace } from 'varinf/plot';
 * const t: ThinnedTrace = thinTrace([1, NaN, 3]); // → { index: [0, 2], value: [1, 3] }
 * ```
 */
export interface ThinnedTrace {
  /** 0-based positions of the kept points in the input, increasing. */
  readonly index: number[];
  /** The finite values at those positions. */
  readonly value: number[];
}

/**
 * Thins a trace to at most `maxPoints` points by min/max decimation: the finite
 * values are split into consecutive buckets of positions and each bucket keeps
 * its smallest and its largest value (in position order), so spikes and dips stay
 * visible however long the trace. The first and last finite points are always
 * kept, and so (when maxPoints ≥ 4) are the global minimum and maximum. Non-finite values (a diverged
 * step's NaN or −∞) are dropped. A trace with at most `maxPoints` finite values is
 * returned whole. Linear time, one pass per bucket.
 *
 * @param values - the trace, e.g. the ELBO per step
 * @param maxPoints - the most points to keep, an integer ≥ 2 (default 2000)
 * @returns the kept positions and values
 * @example
 * ```ts
 * import { thinTrace } from 'varinf/plot';
 * const elbo = Float64Array.from({ length: 100_000 }, (_, i) => -1 / (i + 1));
 * const t = thinTrace(elbo, 2000);
 * t.index.length <= 2000;              // → true
 * t.index[0] === 0 && t.index.at(-1) === 99_999; // → true
 * ```
 */
export function thinTrace(values: ArrayLike<number>, maxPoints = 2000): ThinnedTrace {
  checkArray('thinTrace', 'values', values);
  checkNumbers('thinTrace', 'values', values);
  if (typeof maxPoints !== 'number' || !Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new RangeError(`thinTrace: maxPoints must be an integer ≥ 2, got ${describeValue(maxPoints)}`);
  }
  const n = values.length;
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(values[i])) {
      if (first < 0) first = i;
      last = i;
      count++;
    }
  }
  const index: number[] = [];
  const value: number[] = [];
  const keep = (i: number): void => {
    index.push(i);
    value.push(values[i]);
  };
  if (count <= maxPoints) {
    for (let i = first; i >= 0 && i <= last; i++) if (Number.isFinite(values[i])) keep(i);
    return { index, value };
  }

  // Interior positions first+1 … last-1, split into `buckets` consecutive ranges.
  keep(first);
  const start = first + 1;
  const len = last - start;
  const buckets = Math.min(Math.floor((maxPoints - 2) / 2), len);
  for (let b = 0; b < buckets; b++) {
    const from = start + Math.floor((b * len) / buckets);
    const to = start + Math.floor(((b + 1) * len) / buckets);
    let iMin = -1;
    let iMax = -1;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (iMin < 0 || v < values[iMin]) iMin = i;
      if (iMax < 0 || v > values[iMax]) iMax = i;
    }
    if (iMin < 0) continue;
    if (iMin === iMax) keep(iMin);
    else if (iMin < iMax) {
      keep(iMin);
      keep(iMax);
    } else {
      keep(iMax);
      keep(iMin);
    }
  }
  keep(last);
  return { index, value };
}
