/**
 * The fast paths of `LogNormal`, behind its optional kernel interface
 * (`LogNormal.sumKernel`, `LogNormal.pointKernel`): the closed-form sum over the data,
 * the O(1) rows from the sufficient statistics (the Normal ones of log x) and the
 * point kernel of a replayed per-datum likelihood. (The gradient rows of a prior stay
 * in the class: see `Exponential.addLogPdfGradRows`.)
 *
 * @module
 * @internal
 */
import { LN_SQRT_2PI } from '../math/constants';
import { centredMoments } from '../math/moments';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { normalRowsFromStatistics, type NormalStatistics } from './normal-kernels';
import { isFiniteValue, isPositiveValue } from './validate';

/**
 * The sufficient statistics of an i.i.d. log-normal sample: those of log x
 * ([n, mean of log x, Σ(log xᵢ − mean)²], see `NormalStatistics`) and Σ log xᵢ. @internal
 */
export type LogNormalStatistics = NormalStatistics;

/** Σ log f(xᵢ | μ, σ) and its partials point by point: a `LogNormal`'s own `sumLogPdfPartials`. @internal */
export type LogNormalPointwiseSum = (mu: number, sigma: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `LogNormal.sumKernel`, the i.i.d. log-likelihood from raw `[mu, sigma]`; `pointwise`
 * is the class's own sum, for a datum outside (0, ∞) (a function, so that this file
 * need not import the class). @internal
 */
export function logNormalSumKernel(pointwise: LogNormalPointwiseSum): SumLogPdfKernel {
  return Object.freeze({
    arity: 2,
    cacheSlots: 3,
    accepts: (p: Float64Array): boolean => isFiniteValue(p[0]) && isPositiveValue(p[1]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => {
      // p[2], p[3]: the σ of the last call and its log σ + log √(2π).
      if (p[2] !== p[1]) {
        p[2] = p[1];
        p[3] = Math.log(p[1]) + LN_SQRT_2PI;
      }
      const v = logNormalSumLogPdfPartials(p[0], p[1], p[3], xs, out);
      // A datum outside (0, ∞): the per-point form, as the instance method does.
      return v !== undefined ? v : pointwise(p[0], p[1], xs, out);
    },
    statistics: logNormalStatistics,
    // The Normal likelihood of y = log x, and the Jacobian −Σ log xᵢ.
    fromStatistics: (p: Float64Array, rows: number, st: LogNormalStatistics, cache: Float64Array, value: Float64Array, partials: Float64Array): void =>
      normalRowsFromStatistics(p, rows, st, cache, value, partials, st[3]),
  });
}

/**
 * `LogNormal.pointKernel`: log f and ∂/∂μ, ∂/∂σ at many points from `[mu, sigma]`
 * columns, `LogNormal.logPdfPartials` operation for operation, with log x from
 * `prepare` (once per data set, the same bits) and log σ + log √(2π) once per run of a
 * repeated σ. @internal
 */
export const logNormalPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 2,
  prepare: (xs: Float64Array): Float64Array => Float64Array.from(xs, (x) => Math.log(x)),
  evaluate(m: number, p: Float64Array, x: Float64Array, aux: Float64Array | null, value: Float64Array, partials: Float64Array): void {
    const logX = aux as Float64Array;
    let last = NaN;
    let c = NaN;
    for (let j = 0; j < m; j++) {
      const mu = p[j];
      const s = p[m + j];
      // Inline domain checks (see normal-kernels.ts).
      if (!(mu - mu === 0 && s > 0 && s < Infinity)) {
        value[j] = NaN;
        continue;
      }
      const xj = x[j];
      if (!(xj > 0) || xj === Infinity) {
        value[j] = xj === xj ? -Infinity : NaN;
        partials[j] = 0;
        partials[m + j] = 0;
        continue;
      }
      if (s !== last) {
        last = s;
        c = Math.log(s) + LN_SQRT_2PI;
      }
      const y = logX[j];
      const z = (y - mu) / s;
      const dmu = z / s;
      partials[j] = dmu;
      partials[m + j] = (z * z - 1) / s;
      value[j] = -0.5 * z * z - c - y;
    }
  },
});

/** [n, mean of log x, Σ(log xᵢ − mean)², Σ log xᵢ]; undefined (the per-point form) for a datum outside (0, ∞). */
function logNormalStatistics(xs: ArrayLike<number>): LogNormalStatistics | undefined {
  for (let i = 0; i < xs.length; i++) if (!(xs[i] > 0 && xs[i] < Infinity)) return undefined;
  const m = centredMoments(xs, Math.log);
  return m === undefined ? undefined : Float64Array.of(m[0], m[1], m[2], m[0] * m[1]);
}

/**
 * Σ log f(xᵢ) for LogNormal(μ, σ) in one pass over yᵢ = log xᵢ: Σ(yᵢ − μ),
 * Σ(yᵢ − μ)² and Σ yᵢ, with Σ ∂/∂μ in `out[1]` and Σ ∂/∂σ in `out[2]` (0 in
 * `out[0]`); `undefined` (and `out` untouched) when a datum is not in (0, ∞).
 * `LogNormal.sumLogPdfPartials` and the summed kernel both call it. @internal
 */
export function logNormalSumLogPdfPartials(
  mu: number,
  s: number,
  logNormalizer: number,
  xs: ArrayLike<number>,
  out: Float64Array,
): number | undefined {
  let s1 = 0;
  let s2 = 0;
  let sy = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x > 0 && x < Infinity)) return undefined;
    const y = Math.log(x);
    const d = y - mu;
    s1 += d;
    s2 += d * d;
    sy += y;
  }
  const v = s * s;
  const n = xs.length;
  out[0] = 0;
  out[1] = s1 / v;
  out[2] = (s2 / v - n) / s;
  return -0.5 * s2 / v - n * logNormalizer - sy;
}
