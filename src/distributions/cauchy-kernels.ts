/**
 * The fast paths of `Cauchy`, behind its optional kernel interface (`Cauchy.sumKernel`,
 * `Cauchy.pointKernel`). A Cauchy has no sufficient statistics: the summed kernel is
 * the class's own per-point sum, and the point kernel calls the density's one function
 * (`cauchyLogPdfPartials`, cauchy-density.ts) per point, log σ once per run of equal σ.
 *
 * @module
 * @internal
 */
import { cauchyLogPdfPartials } from './cauchy-density';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { noStatistics } from './shared';
import { isFiniteValue, isPositiveValue } from './validate';

/** Σ log f(xᵢ | μ, σ) and its partials point by point: a `Cauchy`'s own `sumLogPdfPartials`. @internal */
export type CauchyPointwiseSum = (mu: number, sigma: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `Cauchy.sumKernel`, the i.i.d. log-likelihood from raw `[mu, sigma]`: `pointwise`, the
 * class's own sum (a function, so that this file need not import the class). @internal
 */
export function cauchySumKernel(pointwise: CauchyPointwiseSum): SumLogPdfKernel {
  return Object.freeze({
    arity: 2,
    cacheSlots: 0,
    accepts: (p: Float64Array): boolean => isFiniteValue(p[0]) && isPositiveValue(p[1]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => pointwise(p[0], p[1], xs, out),
    statistics: (): undefined => undefined,
    // `statistics` is always undefined, so the model never asks for rows from them.
    fromStatistics: noStatistics,
  });
}

/** `Cauchy.pointKernel`: log f and its partials at many points from `[mu, sigma]` columns. @internal */
export const cauchyPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 2,
  evaluate(m: number, p: Float64Array, x: Float64Array, _aux: Float64Array | null, value: Float64Array, partials: Float64Array): void {
    let last = NaN;
    let ls = NaN;
    for (let j = 0; j < m; j++) {
      const mu = p[j];
      const s = p[m + j];
      // Inline domain checks (see normal-kernels.ts).
      if (!(mu - mu === 0 && s > 0 && s < Infinity)) {
        value[j] = NaN;
        continue;
      }
      if (s !== last) {
        last = s;
        ls = Math.log(s);
      }
      value[j] = cauchyLogPdfPartials(x[j], mu, s, ls, PARTIALS);
      partials[j] = PARTIALS[1];
      partials[m + j] = PARTIALS[2];
    }
  },
});

/** The point kernel's per-point partials (∂/∂x, ∂/∂μ, ∂/∂σ). */
const PARTIALS = new Float64Array(3);
