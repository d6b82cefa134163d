/**
 * The fast paths of `Bernoulli`, behind its optional kernel interface
 * (`Bernoulli.sumKernel`, `Bernoulli.pointKernel`): the O(1) rows from the statistics
 * [n, Σk] and the point kernel of a replayed per-datum likelihood. The summed kernel
 * itself is the class's own per-point sum.
 *
 * @module
 * @internal
 */
import type { BernoulliStatistics } from './bernoulli-logit-kernels';
import { binaryStatistics } from './discrete-distribution';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { isProbabilityValue } from './validate';

/** Σ log P(kᵢ | p) and its partials point by point: a `Bernoulli`'s own `sumLogPdfPartials`. @internal */
export type BernoulliPointwiseSum = (p: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `Bernoulli.sumKernel`, the i.i.d. log-likelihood from a raw `[p]`: `pointwise` (the
 * class's own sum; a function, so that this file need not import the class), and O(1)
 * rows from the statistics. @internal
 */
export function bernoulliSumKernel(pointwise: BernoulliPointwiseSum): SumLogPdfKernel {
  return Object.freeze({
    arity: 1,
    cacheSlots: 0,
    accepts: (p: Float64Array): boolean => isProbabilityValue(p[0]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => pointwise(p[0], xs, out),
    statistics: binaryStatistics,
    fromStatistics: bernoulliRowsFromStatistics,
  });
}

/** `fromStatistics` over p rows: s·log p + (n − s)·log1p(−p) and ∂/∂p = s/p − (n − s)/(1 − p). */
function bernoulliRowsFromStatistics(p: Float64Array, rows: number, st: BernoulliStatistics, _cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  const n = st[0];
  const s = st[1];
  const f = n - s;
  for (let r = 0; r < rows; r++) {
    const pr = p[r];
    if (!isProbabilityValue(pr)) {
      value[r] = -Infinity;
      partials[r] = 0;
      continue;
    }
    const v = (s === 0 ? 0 : s * Math.log(pr)) + (f === 0 ? 0 : f * Math.log1p(-pr));
    value[r] = v;
    partials[r] = v === -Infinity ? 0 : (s === 0 ? 0 : s / pr) - (f === 0 ? 0 : f / (1 - pr));
  }
}

/**
 * `Bernoulli.pointKernel`: log P(k) = log p at 1, log1p(−p) at 0, and ∂/∂p = 1/p or
 * −1/(1 − p), at many points from a raw `p` column. @internal
 */
export const bernoulliPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 1,
  evaluate(m: number, params: Float64Array, x: Float64Array, _aux: Float64Array | null, value: Float64Array, partials: Float64Array): void {
    for (let j = 0; j < m; j++) {
      const p = params[j];
      // Inline domain check (see normal-kernels.ts).
      if (!(p >= 0 && p <= 1)) {
        value[j] = NaN;
        continue;
      }
      const k = x[j];
      if (k !== 1 && k !== 0) {
        value[j] = k === k ? -Infinity : NaN;
        partials[j] = 0;
        continue;
      }
      const lp = k === 1 ? Math.log(p) : Math.log1p(-p);
      value[j] = lp;
      partials[j] = lp === -Infinity ? 0 : k === 1 ? 1 / p : -1 / (1 - p);
    }
  },
});
