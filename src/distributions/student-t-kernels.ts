/**
 * The fast paths of `StudentT`, behind its optional kernel interface
 * (`StudentT.sumKernel`, `StudentT.pointKernel`). A Student-t has no sufficient
 * statistics: the summed kernel is the class's own per-point sum, and the point kernel
 * calls the density's one function (`studentLogPdfPartials`, student-t-density.ts) per
 * point, the normalizer and the digamma gap once per run of equal ν, log σ once per run
 * of equal σ.
 *
 * @module
 * @internal
 */
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { noStatistics } from './shared';
import { studentLogNormalizer, studentLogPdfPartials, studentNuTerm } from './student-t-density';
import { isFiniteValue, isPositiveValue } from './validate';

/** Σ log f(xᵢ | ν, μ, σ) and its partials point by point: a `StudentT`'s own `sumLogPdfPartials`. @internal */
export type StudentTPointwiseSum = (nu: number, mu: number, sigma: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `StudentT.sumKernel`, the i.i.d. log-likelihood from raw `[nu, mu, sigma]`: `pointwise`,
 * the class's own per-point sum (a function, so that this file need not import the
 * class). @internal
 */
export function studentTSumKernel(pointwise: StudentTPointwiseSum): SumLogPdfKernel {
  return Object.freeze({
    arity: 3,
    cacheSlots: 0,
    accepts: (p: Float64Array): boolean => isPositiveValue(p[0]) && isFiniteValue(p[1]) && isPositiveValue(p[2]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => pointwise(p[0], p[1], p[2], xs, out),
    statistics: (): undefined => undefined,
    // `statistics` is always undefined, so the model never asks for rows from them.
    fromStatistics: noStatistics,
  });
}

/**
 * `StudentT.pointKernel`: log f(x | ν, μ, σ) and its partials at many points from raw
 * columns, through `studentLogPdfPartials` (the bits of `StudentT.logPdfPartials`). @internal
 */
export const studentTPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 3,
  evaluate(m: number, p: Float64Array, x: Float64Array, _aux: Float64Array | null, value: Float64Array, partials: Float64Array): void {
    let lastNu = NaN;
    let normNu = NaN;
    let nuTerm = NaN;
    let lastS = NaN;
    let logS = NaN;
    for (let j = 0; j < m; j++) {
      const nu = p[j];
      const mu = p[m + j];
      const s = p[2 * m + j];
      // Inline domain checks (see normal-kernels.ts).
      if (!(nu > 0 && nu < Infinity && mu - mu === 0 && s > 0 && s < Infinity)) {
        value[j] = NaN;
        continue;
      }
      if (nu !== lastNu) {
        lastNu = nu;
        normNu = studentLogNormalizer(nu);
        nuTerm = studentNuTerm(nu);
      }
      if (s !== lastS) {
        lastS = s;
        logS = Math.log(s);
      }
      // normNu − log σ is the instance's logNorm, formed the same way.
      value[j] = studentLogPdfPartials(x[j], nu, mu, s, normNu - logS, nuTerm, PARTIALS);
      partials[j] = PARTIALS[1];
      partials[m + j] = PARTIALS[2];
      partials[2 * m + j] = PARTIALS[3];
    }
  },
});

/** The point kernel's per-point partials (∂/∂x, ∂/∂ν, ∂/∂μ, ∂/∂σ). */
const PARTIALS = new Float64Array(4);
