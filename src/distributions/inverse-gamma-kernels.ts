/**
 * The fast paths of `InverseGamma`, behind its optional kernel interface
 * (`InverseGamma.sumKernel`): the summed kernel (each term by the accurate per-point
 * density of inverse-gamma-density.ts, the partials from Σ log xᵢ and Σ 1/xᵢ) and the
 * O(1) rows from the sufficient statistics. (The gradient rows of a prior stay in the
 * class: see `Exponential.addLogPdfGradRows`.)
 *
 * @module
 * @internal
 */
import { digamma } from '../math/gamma-functions';
import type { SumLogPdfKernel } from './distribution';
import { shapeRowsFromStatistics, shapeSumKernel } from './shape-sum-kernel';
import { inverseGammaLogDensity } from './inverse-gamma-density';

/** The sufficient statistics of an i.i.d. inverse-gamma sample, [n, Σ log xᵢ, Σ 1/xᵢ]. @internal */
export type InverseGammaStatistics = Float64Array;

/** Σ log f(xᵢ | α, β) and its partials point by point: an `InverseGamma`'s own `sumLogPdfPartials`. @internal */
export type InverseGammaPointwiseSum = (shape: number, scale: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `InverseGamma.sumKernel`, the i.i.d. log-likelihood from raw `[shape, scale]`;
 * `pointwise` is the class's own sum, for data outside (0, ∞) (a function, so that
 * this file need not import the class). @internal
 */
export function inverseGammaSumKernel(pointwise: InverseGammaPointwiseSum): SumLogPdfKernel {
  return shapeSumKernel(inverseGammaSumLogPdfPartials, pointwise, inverseGammaStatistics, inverseGammaRowsFromStatistics);
}

/** [n, Σ log xᵢ, Σ 1/xᵢ]; undefined (the per-point form) for a datum ≤ 0 or ∞, or a sum that overflows. */
function inverseGammaStatistics(xs: ArrayLike<number>): InverseGammaStatistics | undefined {
  let sLog = 0;
  let sInv = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x > 0 && x < Infinity)) return undefined;
    sLog += Math.log(x);
    sInv += 1 / x;
  }
  return sInv < Infinity ? Float64Array.of(xs.length, sLog, sInv) : undefined;
}

/**
 * `fromStatistics` over [α, β] rows: n(α log β − log Γ(α)) − (α + 1)Σ log xᵢ − βΣ 1/xᵢ
 * (see `shapeRowsFromStatistics`; the negated Σ log xᵢ makes the term −(α + 1)·Σ log xᵢ exactly).
 */
function inverseGammaRowsFromStatistics(p: Float64Array, rows: number, st: InverseGammaStatistics, cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  shapeRowsFromStatistics(p, rows, st[0], -st[1], st[2], 1, cache, value, partials);
}

/**
 * Σ log f(xᵢ) for InverseGamma(α, β) (each term by the accurate per-point form),
 * with Σ ∂/∂α = n(log β − ψ(α)) − Σ log xᵢ in `out[1]` and Σ ∂/∂β = nα/β − Σ 1/xᵢ
 * in `out[2]` (0 in `out[0]`), so ψ is evaluated once instead of once per datum;
 * `undefined` (and `out` untouched) when a datum is ≤ 0, ∞ or NaN, where the
 * caller sums the per-point forms instead. `InverseGamma.sumLogPdfPartials` and the
 * summed kernel both call it. @internal
 */
export function inverseGammaSumLogPdfPartials(
  a: number,
  b: number,
  lgammaA: number,
  logB: number,
  xs: ArrayLike<number>,
  out: Float64Array,
): number | undefined {
  let v = 0;
  let sLog = 0;
  let sInv = 0;
  let ok = true;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    ok = ok && x > 0 && x < Infinity;
    v += inverseGammaLogDensity(a, b, x, lgammaA, logB);
    sLog += Math.log(x);
    sInv += 1 / x;
  }
  if (!ok) return undefined;
  const n = xs.length;
  out[0] = 0;
  out[1] = n * (logB - digamma(a)) - sLog;
  out[2] = (n * a) / b - sInv;
  return v;
}
