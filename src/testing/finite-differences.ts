/**
 * Numerical derivatives for checking analytic partials.
 *
 * @module
 */

/**
 * f′(v) by Richardson extrapolation of central differences: with
 * D(h) = (f(v + h) − f(v − h)) / 2h, returns (4·D(h/2) − D(h)) / 3, which cancels the
 * h² term of D's error (Richardson 1911; Numerical Recipes 3rd ed. §5.7).
 *
 * Accuracy: truncation error h⁴·|f⁽⁵⁾|/480 (O(h⁴)); rounding error about
 * 3ε·max|f| / h. With h = 1e-4·|v| the two balance near 1e-12 relative for smooth f
 * whose scale of variation is |v|.
 *
 * @example
 * ```ts
 * import { richardsonDerivative } from 'varinf/testing';
 * richardsonDerivative(Math.sin, 1, 1e-3); // cos(1) = 0.5403023058681398, to ~1e-13
 * ```
 */
export function richardsonDerivative(f: (v: number) => number, v: number, h: number): number {
  const d1 = (f(v + h) - f(v - h)) / (2 * h);
  const h2 = h / 2;
  const d2 = (f(v + h2) - f(v - h2)) / (2 * h2);
  return (4 * d2 - d1) / 3;
}

/**
 * A difference step for a derivative at v: `rel`·max(|v|, 1e-3) where the domain
 * (`valid`) reaches a whole max(|v|, 1e-3) to both sides of v (a location, a point
 * on ℝ), else the relative step `rel`·|v| (a parameter that must stay > 0, a point
 * near an end of the support), halved until v ± step is in the domain. Relative
 * steps keep the difference quotient accurate where log f varies on the scale of
 * the distance to the boundary (x^{α−1} near 0).
 *
 * @example
 * ```ts
 * import { differenceStep } from 'varinf/testing';
 * differenceStep(2, (v) => Number.isFinite(v)); // 2e-4
 * differenceStep(3e-7, (v) => v > 0);           // 3e-11: relative, since v − 2 leaves the domain
 * ```
 */
export function differenceStep(v: number, valid: (v: number) => boolean, rel = 1e-4): number {
  const s = Math.max(Math.abs(v), 1e-3);
  let h = valid(v - s) && valid(v + s) ? rel * s : rel * Math.abs(v);
  for (let i = 0; i < 64 && !(valid(v - h) && valid(v + h)); i++) h /= 2;
  return h;
}
