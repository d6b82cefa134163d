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
 * A difference step for a derivative at v: `rel`·r with r the largest of
 * max(|v|, 1e-3)·2⁻ᵏ (k = 0, 1, …) such that v ± r stays in the domain (`valid`).
 * Where the domain reaches a whole max(|v|, 1e-3) to both sides (a location, a point on
 * ℝ) the step is absolute-like, `rel`·max(|v|, 1e-3); for a parameter that must stay > 0
 * it is about `rel`·|v|/2; near an end of the support it is `rel` times the distance to
 * that end (within a factor 2). Steps relative to the distance to the boundary keep the
 * difference quotient accurate where log f varies on that scale (x^{α−1} near 0,
 * (1 − x)^{β−1} near 1), and a value at 0 with a bounded domain still gets a nonzero step.
 *
 * @example
 * ```ts
 * import { differenceStep } from 'varinf/testing';
 * differenceStep(2, (v) => Number.isFinite(v)); // → 2e-4
 * differenceStep(3e-7, (v) => v > 0);           // → 2.44e-11: 1e-3·2⁻¹², the first r below 3e-7
 * differenceStep(0.9995, (v) => v > 0 && v < 1); // → 4.88e-8: r = 0.9995·2⁻¹¹ < 5e-4 from 1
 * ```
 */
export function differenceStep(v: number, valid: (v: number) => boolean, rel = 1e-4): number {
  let r = Math.max(Math.abs(v), 1e-3);
  for (let i = 0; i < 1100 && !(valid(v - r) && valid(v + r)); i++) r /= 2;
  return rel * r;
}
