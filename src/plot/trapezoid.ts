/**
 * The trapezoid rule on an arbitrary (sorted) grid, the integral `densityPlot`
 * uses to rescale a curve to integrate to 1.
 *
 * @module
 */
import { checkArray, checkNumbers } from './spec';

/**
 * ∫ y dx over the grid by the trapezoid rule: Σᵢ (xᵢ₊₁ − xᵢ)(yᵢ + yᵢ₊₁)/2.
 * The grid need not be uniform; `xs` and `ys` must have the same length
 * (fewer than two points give 0).
 *
 * Exact for piecewise-linear y; for a smooth density on a uniform grid of step h
 * the error is O(h²). It is also the integral of the line a plot draws, which is
 * why rescaled curves use it: the drawn curve then has area exactly 1.
 *
 * @param xs - grid points in increasing order
 * @param ys - values at the grid points
 * @returns the trapezoid-rule integral
 * @example
 * ```ts
 * import { trapezoid } from 'varinf/plot';
 * trapezoid([0, 1, 2], [0, 1, 0]); // → 1
 * ```
 */
export function trapezoid(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  checkArray('trapezoid', 'xs', xs);
  checkArray('trapezoid', 'ys', ys);
  checkNumbers('trapezoid', 'xs', xs);
  checkNumbers('trapezoid', 'ys', ys);
  if (xs.length !== ys.length) {
    throw new RangeError(`trapezoid: xs and ys must have the same length, got ${xs.length} and ${ys.length}`);
  }
  let s = 0;
  for (let i = 1; i < xs.length; i++) s += (xs[i] - xs[i - 1]) * (ys[i] + ys[i - 1]);
  return s / 2;
}
