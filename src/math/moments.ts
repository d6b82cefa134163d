/**
 * Sufficient statistics of a data set: the count, the mean and the centred sum
 * of squares, computed once so that an i.i.d. Gaussian log-likelihood costs O(1)
 * per evaluation instead of O(n).
 *
 * @module
 * @internal
 */

/**
 * [n, x̄, Σ(xᵢ − x̄)²] of `xs` (or of `map(xᵢ)`), by the corrected two-pass
 * algorithm (Chan, Golub & LeVeque 1983): the mean, then the centred sums with
 * the rounding error of the mean removed, so the sum of squares keeps its
 * relative accuracy however large the mean is against the spread. Then
 * Σ(xᵢ − μ)² = Σ(xᵢ − x̄)² + n(x̄ − μ)² for any μ, without cancellation.
 * `undefined` when a sum overflows or a value is not finite.
 *
 * @param xs - the data
 * @param map - applied to each datum first (e.g. `Math.log`), identity when omitted
 */
export function centredMoments(xs: ArrayLike<number>, map?: (x: number) => number): Float64Array | undefined {
  const n = xs.length;
  if (n === 0) return Float64Array.of(0, 0, 0);
  const ys = map === undefined ? xs : Float64Array.from(xs, map);
  let s = 0;
  for (let i = 0; i < n; i++) s += ys[i];
  let mean = s / n;
  if (!Number.isFinite(mean)) return undefined;
  let c = 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = ys[i] - mean;
    c += d;
    ss += d * d;
  }
  mean += c / n;
  ss = Math.max(0, ss - (c * c) / n);
  return ss < Infinity ? Float64Array.of(n, mean, ss) : undefined;
}
