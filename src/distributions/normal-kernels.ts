/**
 * The fast paths of `Normal`, behind its optional kernel interface (`Normal.sumKernel`,
 * `Normal.pointKernel`): the closed-form sum over the data, the O(1) rows from the
 * sufficient statistics (shared with `LogNormal`) and the point kernel of a replayed
 * per-datum likelihood. (The gradient rows of a prior stay in the class: see
 * `Normal.addLogPdfGradRows`.)
 *
 * The point kernel writes the arithmetic of `Normal.logPdfPartials` (normal.ts) inline,
 * operation for operation, rather than calling a shared function: on 1e6 points a
 * call per point (into a scratch of the partials) took it from 5.2 to 7.2 ns per point
 * in the built package (5.6 → 6.5 under tsx). The bit-for-bit test
 * (test/distributions/point-kernels.test.ts) holds it to it.
 *
 * @module
 * @internal
 */
import { LN_SQRT_2PI } from '../math/constants';
import { centredMoments } from '../math/moments';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { isFiniteValue, isPositiveValue } from './validate';

/**
 * The sufficient statistics of an i.i.d. normal sample, [n, x̄, Σ(xᵢ − x̄)²] (from
 * `centredMoments`); `LogNormal` appends Σ log xᵢ to those of log x. @internal
 */
export type NormalStatistics = Float64Array;

/** `Normal.sumKernel`: the i.i.d. log-likelihood from raw `[mu, sigma]`. @internal */
export const normalSumKernel: SumLogPdfKernel = Object.freeze({
  arity: 2,
  cacheSlots: 3,
  accepts: (p: Float64Array): boolean => isFiniteValue(p[0]) && isPositiveValue(p[1]),
  sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => {
    // p[2], p[3]: the σ of the last call and its log σ + log √(2π).
    const s = p[1];
    if (p[2] !== s) {
      p[2] = s;
      p[3] = Math.log(s) + LN_SQRT_2PI;
    }
    return normalSumLogPdfPartials(p[0], s, p[3], xs, out);
  },
  statistics: (xs: ArrayLike<number>): NormalStatistics | undefined => centredMoments(xs),
  fromStatistics: (p: Float64Array, rows: number, st: NormalStatistics, cache: Float64Array, value: Float64Array, partials: Float64Array): void =>
    normalRowsFromStatistics(p, rows, st, cache, value, partials, 0),
});

/**
 * The point loop of `Normal.pointKernel`: log f at m points, and the partials when
 * `partials` is given (the value passes skip their two divisions; the values have
 * the same bits either way). @internal
 */
function normalPoints(m: number, p: Float64Array, x: Float64Array, value: Float64Array, partials: Float64Array | null): void {
  let last = NaN;
  let c = NaN;
  for (let j = 0; j < m; j++) {
    const mu = p[j];
    const s = p[m + j];
    // Inline domain checks: a call per point to the validate.ts helpers measured
    // 35 → 19.5 ns per (datum, sample) pair in a replayed regression (built package).
    if (!(mu - mu === 0 && s > 0 && s < Infinity)) {
      value[j] = NaN;
      continue;
    }
    if (s !== last) {
      last = s;
      c = Math.log(s) + LN_SQRT_2PI;
    }
    // Normal.logPdfPartials, inline (see the module comment).
    const z = (x[j] - mu) / s;
    if (partials !== null) {
      partials[j] = z / s;
      partials[m + j] = (z * z - 1) / s;
    }
    value[j] = -0.5 * z * z - c;
  }
}

/** `Normal.pointKernel`: log f and its partials at many points from `[mu, sigma]` columns. @internal */
export const normalPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 2,
  evaluate: (m: number, p: Float64Array, x: Float64Array, _aux: Float64Array | null, value: Float64Array, partials: Float64Array): void =>
    normalPoints(m, p, x, value, partials),
  values: (m: number, p: Float64Array, x: Float64Array, _aux: Float64Array | null, value: Float64Array): void => normalPoints(m, p, x, value, null),
});

/**
 * Σ log f(xᵢ) for N(μ, σ²) in one pass over Σ(xᵢ − μ) and Σ(xᵢ − μ)², with the
 * partials Σ ∂/∂μ in `out[1]`, Σ ∂/∂σ in `out[2]` (0 in `out[0]`);
 * `logNormalizer` = log σ + log √(2π). `Normal.sumLogPdfPartials` and the summed
 * kernel both call it, so they give the same bits. @internal
 */
export function normalSumLogPdfPartials(
  mu: number,
  s: number,
  logNormalizer: number,
  xs: ArrayLike<number>,
  out: Float64Array,
): number {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i] - mu;
    s1 += d;
    s2 += d * d;
  }
  const v = s * s;
  const n = xs.length;
  out[0] = 0;
  out[1] = s1 / v;
  out[2] = (s2 / v - n) / s;
  return -0.5 * s2 / v - n * logNormalizer;
}

/**
 * The Normal kernel's `fromStatistics` over parameter rows [μ, σ], minus `shift`
 * (LogNormal: the Jacobian Σ log xᵢ of its statistics of log x; Normal: 0). A row
 * with μ not finite or σ not in (0, ∞) gets −∞ and zero partials. `cache` holds the
 * σ of the last row, log σ + log √(2π) and 1/σ. @internal
 */
export function normalRowsFromStatistics(
  p: Float64Array,
  rows: number,
  st: NormalStatistics,
  cache: Float64Array,
  value: Float64Array,
  partials: Float64Array,
  shift: number,
): void {
  let lastSigma = cache[0];
  let logNormalizer = cache[1];
  let inv = cache[2];
  for (let r = 0, o = 0; r < rows; r++, o += 2) {
    const mu = p[o];
    const s = p[o + 1];
    if (!(isFiniteValue(mu) && isPositiveValue(s))) {
      value[r] = -Infinity;
      partials[o] = 0;
      partials[o + 1] = 0;
      continue;
    }
    if (s !== lastSigma) {
      lastSigma = s;
      logNormalizer = Math.log(s) + LN_SQRT_2PI;
      inv = 1 / s;
    }
    value[r] = normalFromStatistics(mu, inv, logNormalizer, st, partials, o) - shift;
  }
  cache[0] = lastSigma;
  cache[1] = logNormalizer;
  cache[2] = inv;
}

/**
 * Σ log f(xᵢ) for N(μ, σ²) from the statistics [n, x̄, Σ(xᵢ − x̄)²] of the data:
 * Σ(xᵢ − μ)² = Σ(xᵢ − x̄)² + n(x̄ − μ)², so O(1) whatever n; Σ ∂/∂μ into `out[o]`,
 * Σ ∂/∂σ into `out[o + 1]`. `inv` = 1/σ: multiplications instead of divisions
 * (≤ 1 ulp more per product; no cancellation anywhere).
 */
function normalFromStatistics(mu: number, inv: number, logNormalizer: number, st: NormalStatistics, out: Float64Array, o: number): number {
  const n = st[0];
  const z = (st[1] - mu) * inv;
  const q = st[2] * inv * inv + n * (z * z);
  out[o] = n * z * inv;
  out[o + 1] = (q - n) * inv;
  return -0.5 * q - n * logNormalizer;
}
