/**
 * The fast paths of `Poisson`, behind its optional kernel interface
 * (`Poisson.sumKernel`, `Poisson.pointKernel`). Both evaluate log P(k | λ) as
 * k·log λ − λ − log k! with log k! computed once per data set, not by the saddle-point
 * form of `Poisson.logPdf` (Loader's, exact where those terms cancel): it rounds at the
 * scale of k·|log λ| + λ rather than of the result (a few ulps of those magnitudes, far
 * below a Monte-Carlo ELBO's noise) at a fraction of the cost, so these paths have the
 * bits of `logPdfPartials` in ∂/∂λ only (test/distributions/point-kernels.test.ts).
 *
 * @module
 * @internal
 */
import { lgamma } from '../math/gamma-functions';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { isPositiveValue } from './validate';

/** The sufficient statistics of an i.i.d. Poisson sample, [n, Σ kᵢ, Σ log kᵢ!]. @internal */
export type PoissonStatistics = Float64Array;

/** Σ log P(kᵢ | λ) and its partials point by point: a `Poisson`'s own `sumLogPdfPartials`. @internal */
export type PoissonPointwiseSum = (rate: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `Poisson.sumKernel`, the i.i.d. log-likelihood from a raw `[rate]`: `pointwise` (the
 * class's own sum; a function, so that this file need not import the class), and O(1)
 * rows from the statistics. @internal
 */
export function poissonSumKernel(pointwise: PoissonPointwiseSum): SumLogPdfKernel {
  return Object.freeze({
    arity: 1,
    cacheSlots: 2,
    accepts: (p: Float64Array): boolean => isPositiveValue(p[0]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => pointwise(p[0], xs, out),
    statistics: poissonStatistics,
    fromStatistics: poissonRowsFromStatistics,
  });
}

/** [n, Σ kᵢ, Σ log kᵢ!]; undefined (the per-point form) for a datum that is not a count or sums that overflow. */
function poissonStatistics(xs: ArrayLike<number>): PoissonStatistics | undefined {
  let s = 0;
  let logFactorials = 0;
  for (let i = 0; i < xs.length; i++) {
    const k = xs[i];
    if (!(k >= 0 && Number.isInteger(k))) return undefined;
    s += k;
    logFactorials += lgamma(k + 1);
  }
  return s < Infinity && logFactorials < Infinity ? Float64Array.of(xs.length, s, logFactorials) : undefined;
}

/**
 * `fromStatistics` over rate rows: Σk·log λ − nλ − Σ log k! and ∂/∂λ = Σk/λ − n;
 * `cache` holds the λ of the last row and its log.
 */
function poissonRowsFromStatistics(p: Float64Array, rows: number, st: PoissonStatistics, cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  const n = st[0];
  const s = st[1];
  const c = st[2];
  let last = cache[0];
  let logRate = cache[1];
  for (let r = 0; r < rows; r++) {
    const rate = p[r];
    // Inline domain check (see normal-kernels.ts).
    if (!(rate > 0 && rate < Infinity)) {
      value[r] = -Infinity;
      partials[r] = 0;
      continue;
    }
    if (rate !== last) {
      last = rate;
      logRate = Math.log(rate);
    }
    value[r] = (s === 0 ? 0 : s * logRate) - n * rate - c;
    partials[r] = s / rate - n;
  }
  cache[0] = last;
  cache[1] = logRate;
}

/**
 * `Poisson.pointKernel`: log P(k | λ) = k·log λ − λ − log k! and ∂/∂λ = k/λ − 1 at many
 * points from a raw rate column, log k! from `prepare`. @internal
 */
export const poissonPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 1,
  prepare: (xs: Float64Array): Float64Array => Float64Array.from(xs, (k) => lgamma(k + 1)),
  evaluate(m: number, p: Float64Array, x: Float64Array, aux: Float64Array | null, value: Float64Array, partials: Float64Array): void {
    const lkf = aux as Float64Array;
    for (let j = 0; j < m; j++) {
      const rate = p[j];
      // Inline domain check (see normal-kernels.ts).
      if (!(rate > 0 && rate < Infinity)) {
        value[j] = NaN;
        continue;
      }
      const k = x[j];
      value[j] = (k === 0 ? 0 : k * Math.log(rate)) - rate - lkf[j];
      partials[j] = k / rate - 1;
    }
  },
});
