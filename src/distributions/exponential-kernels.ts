/**
 * The fast paths of `Exponential`, behind its optional kernel interface
 * (`Exponential.sumKernel`, `Exponential.pointKernel`): the closed-form sum over the
 * data, the O(1) rows from the sufficient statistics and the point kernel of a
 * replayed per-datum likelihood. (The gradient rows of a prior stay in the class: see
 * `Exponential.addLogPdfGradRows`.)
 *
 * @module
 * @internal
 */
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { isPositiveValue } from './validate';

/** The sufficient statistics of an i.i.d. exponential sample, [n, Σ xᵢ]. @internal */
export type ExponentialStatistics = Float64Array;

/** `Exponential.sumKernel`: the i.i.d. log-likelihood from a raw `[rate]`. @internal */
export const exponentialSumKernel: SumLogPdfKernel = Object.freeze({
  arity: 1,
  cacheSlots: 2,
  accepts: (p: Float64Array): boolean => isPositiveValue(p[0]),
  sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => {
    // p[1], p[2]: the λ of the last call and its log.
    if (p[1] !== p[0]) {
      p[1] = p[0];
      p[2] = Math.log(p[0]);
    }
    return exponentialSumLogPdfPartials(p[0], p[2], xs, out);
  },
  statistics: exponentialStatistics,
  fromStatistics: exponentialRowsFromStatistics,
});

/**
 * `Exponential.pointKernel`: log λ − λx and ∂/∂λ = 1/λ − x at many points from a raw
 * rate column, `Exponential.logPdfPartials` operation for operation; log λ once per run
 * of a repeated λ. @internal
 */
export const exponentialPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 1,
  evaluate(m: number, p: Float64Array, x: Float64Array, _aux: Float64Array | null, value: Float64Array, partials: Float64Array): void {
    let last = NaN;
    let logRate = NaN;
    for (let j = 0; j < m; j++) {
      const r = p[j];
      // Inline domain check (see normal-kernels.ts).
      if (!(r > 0 && r < Infinity)) {
        value[j] = NaN;
        continue;
      }
      const xj = x[j];
      if (xj >= 0 && xj < Infinity) {
        if (r !== last) {
          last = r;
          logRate = Math.log(r);
        }
        value[j] = logRate - r * xj;
        partials[j] = 1 / r - xj;
      } else {
        // Below 0 and at x = ∞ (log λ − λ·∞) −∞, NaN for NaN; zero partial.
        value[j] = xj === xj ? -Infinity : NaN;
        partials[j] = 0;
      }
    }
  },
});

/** [n, Σ xᵢ]; undefined (the per-point form, −∞) for a negative datum or an overflowing sum. */
function exponentialStatistics(xs: ArrayLike<number>): ExponentialStatistics | undefined {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    if (!(xs[i] >= 0)) return undefined;
    s += xs[i];
  }
  return s < Infinity ? Float64Array.of(xs.length, s) : undefined;
}

/**
 * `fromStatistics` over rate rows: the formula of `exponentialSumLogPdfPartials`
 * with Σ xᵢ precomputed; `cache` holds the λ of the last row and log λ.
 */
function exponentialRowsFromStatistics(p: Float64Array, rows: number, st: ExponentialStatistics, cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  const n = st[0];
  const s = st[1];
  let lastRate = cache[0];
  let logRate = cache[1];
  for (let r = 0; r < rows; r++) {
    const rate = p[r];
    if (!isPositiveValue(rate)) {
      value[r] = -Infinity;
      partials[r] = 0;
      continue;
    }
    if (rate !== lastRate) {
      lastRate = rate;
      logRate = Math.log(rate);
    }
    partials[r] = n / rate - s;
    value[r] = n * logRate - rate * s;
  }
  cache[0] = lastRate;
  cache[1] = logRate;
}

/**
 * Σ log f(xᵢ) = n log λ − λ Σxᵢ (−∞ with zero partials if any xᵢ < 0) and
 * Σ ∂/∂λ = n/λ − Σxᵢ in `out[1]` (0 in `out[0]`); `logRate` = log λ.
 * `Exponential.sumLogPdfPartials` and the summed kernel both call it. @internal
 */
export function exponentialSumLogPdfPartials(rate: number, logRate: number, xs: ArrayLike<number>, out: Float64Array): number {
  let s = 0;
  let min = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    s += x;
    if (x < min) min = x;
  }
  out[0] = 0;
  if (min < 0) {
    out[1] = 0;
    return -Infinity;
  }
  const n = xs.length;
  out[1] = n / rate - s;
  return n * logRate - rate * s;
}
