/**
 * The fast paths of `HalfNormal`, behind its optional kernel interface
 * (`HalfNormal.sumKernel`): the closed-form sum over the data and the O(1) rows from
 * the sufficient statistics.
 *
 * @module
 * @internal
 */
import type { SumLogPdfKernel } from './distribution';
import { isPositiveValue } from './validate';

/** ½ log(2/π) (the class keeps its own copy: see half-normal.ts). */
const HALF_LOG_2_OVER_PI = -0.22579135264472744;

/** The sufficient statistics of an i.i.d. half-normal sample, [n, Σ xᵢ²]. @internal */
export type HalfNormalStatistics = Float64Array;

/** Σ log f(xᵢ | σ) and its partials point by point: a `HalfNormal`'s own `sumLogPdfPartials`. @internal */
export type HalfNormalPointwiseSum = (sigma: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `HalfNormal.sumKernel`, the i.i.d. log-likelihood from a raw `[sigma]`; `pointwise` is
 * the class's own sum, for a negative datum or a sum that overflows (a function, so that
 * this file need not import the class). @internal
 */
export function halfNormalSumKernel(pointwise: HalfNormalPointwiseSum): SumLogPdfKernel {
  return Object.freeze({
    arity: 1,
    cacheSlots: 2,
    accepts: (p: Float64Array): boolean => isPositiveValue(p[0]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => {
      // p[1], p[2]: the σ of the last call and its log.
      if (p[1] !== p[0]) {
        p[1] = p[0];
        p[2] = Math.log(p[0]);
      }
      const v = halfNormalSumLogPdfPartials(p[0], p[2], xs, out);
      return v !== undefined ? v : pointwise(p[0], xs, out);
    },
    statistics: halfNormalStatistics,
    fromStatistics: halfNormalRowsFromStatistics,
  });
}

/** [n, Σ xᵢ²]; undefined (the per-point form, −∞) for a negative datum or a sum that overflows. */
function halfNormalStatistics(xs: ArrayLike<number>): HalfNormalStatistics | undefined {
  let s2 = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x >= 0)) return undefined;
    s2 += x * x;
  }
  return s2 < Infinity ? Float64Array.of(xs.length, s2) : undefined;
}

/**
 * `fromStatistics` over σ rows: the formula of `halfNormalSumLogPdfPartials` with Σ xᵢ²
 * precomputed; `cache` holds the σ of the last row and log σ.
 */
function halfNormalRowsFromStatistics(p: Float64Array, rows: number, st: HalfNormalStatistics, cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  const n = st[0];
  const s2 = st[1];
  let lastSigma = cache[0];
  let logSigma = cache[1];
  for (let r = 0; r < rows; r++) {
    const s = p[r];
    if (!isPositiveValue(s)) {
      value[r] = -Infinity;
      partials[r] = 0;
      continue;
    }
    if (s !== lastSigma) {
      lastSigma = s;
      logSigma = Math.log(s);
    }
    const inv = 1 / s;
    const q = s2 * inv * inv;
    partials[r] = (q - n) * inv;
    value[r] = n * (HALF_LOG_2_OVER_PI - logSigma) - 0.5 * q;
  }
  cache[0] = lastSigma;
  cache[1] = logSigma;
}

/**
 * Σ log f(xᵢ) for HalfNormal(σ) from Σ xᵢ², with Σ ∂/∂σ in `out[1]` (0 in
 * `out[0]`); `undefined` (and `out` untouched) when a datum is negative or NaN or
 * Σ xᵢ² overflows, where the caller sums the per-point forms instead.
 * `HalfNormal.sumLogPdfPartials` and the summed kernel both call it. @internal
 */
export function halfNormalSumLogPdfPartials(s: number, logSigma: number, xs: ArrayLike<number>, out: Float64Array): number | undefined {
  let s2 = 0;
  let ok = true;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    ok = ok && x >= 0;
    s2 += x * x;
  }
  if (!ok || !(s2 < Infinity)) return undefined;
  const n = xs.length;
  const inv = 1 / s;
  const q = s2 * inv * inv;
  out[0] = 0;
  out[1] = (q - n) * inv;
  return n * (HALF_LOG_2_OVER_PI - logSigma) - 0.5 * q;
}
