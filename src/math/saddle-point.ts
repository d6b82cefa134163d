/**
 * Catherine Loader's saddle-point form of Poisson-type densities ("Fast and
 * accurate computation of binomial probabilities", 2000; used by R's dpois and
 * dgamma). It evaluates x^a e^{−x} / Γ(a + 1) to full relative accuracy for huge a,
 * where log Γ(a + 1), a log x and x are each ~1e5 and their naive sum cancels to
 * O(1), losing ~5 digits. The incomplete gamma functions and the Gamma density
 * both build on it.
 *
 * @module
 */
import { LN_SQRT_2PI } from './constants';
import { lgamma1p, stirlerr } from './gamma-functions';

/**
 * The deviance term bd0(a, x) = a log(a/x) + x − a ≥ 0, computed without
 * cancellation when x ≈ a by the series 2a Σ v^{2j+1}/(2j+1) − (a − x)v with
 * v = (a − x)/(a + x) (Loader 2000).
 *
 * @example
 * ```ts
 * bd0(1000, 1000.5); // → 1.2495835…e-4
 * ```
 */
export function bd0(a: number, x: number): number {
  const d = a - x;
  if (Math.abs(d) < 0.5 * (a + x)) {
    let v = d / (a + x);
    let s = d * v;
    if (Math.abs(s) < 1e-300) return s;
    let ej = 2 * a * v;
    v *= v;
    for (let j = 1; j < 200; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  const r = a / x;
  return (r < Infinity ? a * Math.log(r) : a * (Math.log(a) - Math.log(x))) + x - a;
}

/**
 * log(x^a e^{−x} / Γ(a + 1)) for x > 0, a ≥ 0: directly for a < 10, and as
 * −½ log a − log √(2π) − stirlerr(a) − bd0(a, x) above (Loader 2000), which keeps
 * full relative accuracy at a = 1e4 and beyond.
 *
 * @example
 * ```ts
 * logPoissonRaw(2, 1); // log(1/2 · e^{-1}) = -1.6931471805599454
 * ```
 */
export function logPoissonRaw(a: number, x: number): number {
  if (a < 10) return (a === 0 ? 0 : a * Math.log(x)) - x - lgamma1p(a);
  return -0.5 * Math.log(a) - LN_SQRT_2PI - stirlerr(a) - bd0(a, x);
}
