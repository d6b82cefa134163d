/**
 * The summed kernel shared by the two-parameter families whose closed-form sum needs
 * log Γ(α) and the log of the second parameter (Gamma's rate, InverseGamma's scale):
 * both kept in the kernel's cache while a parameter repeats, the family's per-point
 * sum where the closed form does not apply.
 *
 * @module
 * @internal
 */
import { digamma, lgamma } from '../math/gamma-functions';
import type { SumLogPdfKernel } from './distribution';
import { isPositiveValue } from './validate';

/**
 * Σ log f(xᵢ | α, b) and its partials from α, b, log Γ(α) and log b; undefined where
 * the data need the per-point form (e.g. a datum at 0, an overflowing sum). @internal
 */
export type ShapeClosedFormSum = (a: number, b: number, lgammaA: number, logB: number, xs: ArrayLike<number>, out: Float64Array) => number | undefined;

/** Σ log f(xᵢ | α, b) and its partials point by point: the family instance's own sum. @internal */
export type ShapePointwiseSum = (a: number, b: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * The summed kernel over raw `[α, b]` (both positive): `closedForm` with the cached
 * log Γ(α) and log b, else `pointwise`; `statistics` and `fromStatistics` as given. @internal
 */
export function shapeSumKernel(
  closedForm: ShapeClosedFormSum,
  pointwise: ShapePointwiseSum,
  statistics: SumLogPdfKernel['statistics'],
  fromStatistics: SumLogPdfKernel['fromStatistics'],
): SumLogPdfKernel {
  return Object.freeze({
    arity: 2,
    cacheSlots: 5,
    accepts: (p: Float64Array): boolean => isPositiveValue(p[0]) && isPositiveValue(p[1]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => {
      const a = p[0];
      const b = p[1];
      // p[2], p[3]: the α of the last call and log Γ(α); p[4], p[5]: b and log b.
      if (p[2] !== a) {
        p[2] = a;
        p[3] = lgamma(a);
      }
      if (p[4] !== b) {
        p[4] = b;
        p[5] = Math.log(b);
      }
      const v = closedForm(a, b, p[3], p[5], xs, out);
      return v !== undefined ? v : pointwise(a, b, xs, out);
    },
    statistics,
    fromStatistics,
  });
}

/**
 * `fromStatistics` rows over `[α, b]` for both families: with n data, L = ±Σ log xᵢ
 * and T the sum b multiplies (Gamma: L = Σ log xᵢ, T = Σ xᵢ, k = −1; InverseGamma:
 * L = −Σ log xᵢ, T = Σ 1/xᵢ, k = 1),
 * Σ log f = n(α log b − log Γ(α)) + (α + k)·L − b·T, ∂/∂α = n(log b − ψ(α)) + L and
 * ∂/∂b = nα/b − T (−∞ and zero partials outside the domain). `cache` holds the α of
 * the last row, log Γ(α), ψ(α), the b of the last row and log b. @internal
 */
export function shapeRowsFromStatistics(
  p: Float64Array,
  rows: number,
  n: number,
  L: number,
  T: number,
  k: number,
  cache: Float64Array,
  value: Float64Array,
  partials: Float64Array,
): void {
  let lastA = cache[0];
  let lgA = cache[1];
  let psiA = cache[2];
  let lastB = cache[3];
  let logB = cache[4];
  for (let r = 0, o = 0; r < rows; r++, o += 2) {
    const a = p[o];
    const b = p[o + 1];
    if (!(isPositiveValue(a) && isPositiveValue(b))) {
      value[r] = -Infinity;
      partials[o] = 0;
      partials[o + 1] = 0;
      continue;
    }
    if (a !== lastA) {
      lastA = a;
      lgA = lgamma(a);
      psiA = digamma(a);
    }
    if (b !== lastB) {
      lastB = b;
      logB = Math.log(b);
    }
    partials[o] = n * (logB - psiA) + L;
    partials[o + 1] = (n * a) / b - T;
    value[r] = n * (a * logB - lgA) + (a + k) * L - b * T;
  }
  cache[0] = lastA;
  cache[1] = lgA;
  cache[2] = psiA;
  cache[3] = lastB;
  cache[4] = logB;
}
