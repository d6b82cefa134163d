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
 * A difference step for a derivative at v: `rel`·max(|v|, 1e-3), shrunk to
 * `rel`·|v| when `valid` refuses v ± step (a parameter that must stay > 0), so that
 * every evaluation stays in the domain.
 *
 * @example
 * ```ts
 * import { differenceStep } from 'varinf/testing';
 * differenceStep(2, (v) => v > 0);    // 2e-4
 * differenceStep(1e-8, (v) => v > 0); // 1e-12: 1e-8 − 1e-7 would leave the domain
 * ```
 */
export function differenceStep(v: number, valid: (v: number) => boolean, rel = 1e-4): number {
  const h = rel * Math.max(Math.abs(v), 1e-3);
  return valid(v - h) && valid(v + h) ? h : rel * Math.abs(v);
}
