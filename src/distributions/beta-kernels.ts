/**
 * The fast paths of `Beta`, behind its optional kernel interface (`Beta.sumKernel`):
 * the O(1) rows from the sufficient statistics, and the ψ gap those rows share with
 * the class's partials and entropy (a function here, so that neither file imports the
 * other's class). The summed kernel itself is the class's own per-point sum.
 *
 * @module
 * @internal
 */
import { digammaDiff, lbeta } from '../math/beta-functions';
import { digamma } from '../math/gamma-functions';
import type { SumLogPdfKernel } from './distribution';
import { isPositiveValue } from './validate';

/** The sufficient statistics of an i.i.d. beta sample, [n, Σ log xᵢ, Σ log(1 − xᵢ)]. @internal */
export type BetaStatistics = Float64Array;

/** Σ log f(xᵢ | α, β) and its partials point by point: a `Beta`'s own `sumLogPdfPartials`. @internal */
export type BetaPointwiseSum = (alpha: number, beta: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `Beta.sumKernel`, the i.i.d. log-likelihood from raw `[alpha, beta]`: `pointwise` (the
 * class's own sum; a function, so that this file need not import the class), and O(1)
 * rows from the statistics. @internal
 */
export function betaSumKernel(pointwise: BetaPointwiseSum): SumLogPdfKernel {
  return Object.freeze({
    arity: 2,
    cacheSlots: 0,
    accepts: (p: Float64Array): boolean => isPositiveValue(p[0]) && isPositiveValue(p[1]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => pointwise(p[0], p[1], xs, out),
    statistics: betaStatistics,
    fromStatistics: betaRowsFromStatistics,
  });
}

/** [n, Σ log xᵢ, Σ log1p(−xᵢ)]; undefined (the per-point form) for data at or beyond 0 and 1. */
function betaStatistics(xs: ArrayLike<number>): BetaStatistics | undefined {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x > 0 && x < 1)) return undefined;
    s1 += Math.log(x);
    s2 += Math.log1p(-x);
  }
  return Float64Array.of(xs.length, s1, s2);
}

/** `fromStatistics` over [α, β] rows: (α − 1)Σ log xᵢ + (β − 1)Σ log(1 − xᵢ) − n log B(α, β). */
function betaRowsFromStatistics(p: Float64Array, rows: number, st: BetaStatistics, _cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  const n = st[0];
  for (let r = 0, o = 0; r < rows; r++, o += 2) {
    const a = p[o];
    const b = p[o + 1];
    if (!(isPositiveValue(a) && isPositiveValue(b))) {
      value[r] = -Infinity;
      partials[o] = 0;
      partials[o + 1] = 0;
      continue;
    }
    // Σ ∂/∂α = Σ log xᵢ + n(ψ(α + β) − ψ(α)), Σ ∂/∂β likewise.
    partials[o] = st[1] + n * psiGap(a, b);
    partials[o + 1] = st[2] + n * psiGap(b, a);
    value[r] = (a - 1) * st[1] + (b - 1) * st[2] - (n === 0 ? 0 : n * lbeta(a, b));
  }
}

/** Above this, a shape's ψ gap goes through the Stirling-difference form (`digammaDiff`), as in beta.ts. */
const LARGE_SHAPE = 10;

/**
 * ψ(α + β) − ψ(α), without the cancellation of two ≈ log α values for α ≥ 10. Below
 * α = 1e-8, from ψ(z) = ψ(1 + z) − 1/z: β/(α(α + β)) + ψ(1 + α + β) − ψ(1 + α), whose
 * first term overflows to +∞ only where the gap does (at a subnormal α ψ(α) itself
 * overflows, and the difference of the two was ∞ − ∞). @internal
 */
export function psiGap(a: number, b: number): number {
  if (a >= LARGE_SHAPE) return digammaDiff(a, b);
  if (a < 1e-8) return b / (a + b) / a + (digamma(1 + a + b) - digamma(1 + a));
  return digamma(a + b) - digamma(a);
}
