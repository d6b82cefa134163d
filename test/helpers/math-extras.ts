/**
 * Functions the tests check that src/ does not use, moved here from src/math (issue
 * #11: no test-only exports in src/). Each is a thin composition of what src/ does
 * use: `log1p` and `expm1` name the platform's `Math.log1p` / `Math.expm1` (fdlibm
 * ports in V8), which src/ calls directly, so the reference tests check those; the
 * log-space helpers are built on src/math's `log1mexp`; `softplus` is src/math's
 * `log1pexp` under the name the reference cases use; `normalQuantileUpper` is
 * −`normalQuantile`. Their former TSDoc examples are checked in
 * test/math/math-extras.test.ts.
 */
import { log1mexp } from '../../src/math/elementary';
import { log1pexp } from '../../src/math/logistic';
import { normalQuantile } from '../../src/math/normal-functions';

/**
 * log(1 + x), accurate for small |x|: `Math.log1p` (in V8, SpiderMonkey and
 * JavaScriptCore a port of fdlibm's `log1p`, error < 1 ulp). Against the reference
 * (mpmath, 50 digits): every case exact to the last bit.
 * Example: log1p(1e-10) = 9.999999999500001e-11.
 */
export function log1p(x: number): number {
  return Math.log1p(x);
}

/**
 * e^x − 1, accurate for small |x| and without overflow up to x ≈ 709.78:
 * `Math.expm1` (fdlibm port in V8, error < 1 ulp). Against the reference: max rel.
 * error 0 (including x = 709.78). Example: expm1(1e-10) = 1.00000000005e-10.
 */
export function expm1(x: number): number {
  return Math.expm1(x);
}

/**
 * log(e^a + e^b), stable for any magnitudes: max + log1p(e^{−|a−b|}). Handles −∞
 * operands (returns the other one) and +∞. Error below 2 ulp.
 * Example: logAddExp(-1000, -1000) = -999.3068528194401.
 */
export function logAddExp(a: number, b: number): number {
  const m = a > b ? a : b;
  if (m === -Infinity || m === Infinity) return a !== a || b !== b ? NaN : m;
  const d = a > b ? b - a : a - b;
  return m + Math.log1p(Math.exp(d));
}

/**
 * log(e^a − e^b) for a ≥ b, stable: a + log1mexp(b − a). −∞ when a = b, NaN when
 * b > a. Example: logSubExp(0, -1e-20) ≈ -46.0517 (log 1e-20).
 */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (b > a || a !== a || b !== b) return NaN;
  if (a === b) return -Infinity;
  return a + log1mexp(b - a);
}

/** x·log(y), 0 when x = 0 and y is not NaN (even for y = 0). Examples: xlogy(0, 0) = 0, xlogy(2, e) = 2. */
export function xlogy(x: number, y: number): number {
  if (x === 0 && y === y) return 0;
  return x * Math.log(y);
}

/**
 * x·log(1 + y), 0 when x = 0 and y is not NaN; accurate for small |y| (log1p).
 * Examples: xlog1py(0, -1) = 0, xlog1py(3, 1e-20) ≈ 3e-20.
 */
export function xlog1py(x: number, y: number): number {
  if (x === 0 && y === y) return 0;
  return x * Math.log1p(y);
}

/**
 * softplus(x) = log(1 + eˣ): src/math's `log1pexp` under the name used by the
 * machine-learning literature and the reference cases. Examples: softplus(20) =
 * 20.000000002061153, softplus(-750) = 0 (the true value, 1.9e-326, is below the
 * smallest double).
 */
export function softplus(x: number): number {
  return log1pexp(x);
}

/**
 * Upper-tail quantile Φ⁻¹(1 − q) = −Φ⁻¹(q), without forming 1 − q; the accuracy of
 * `normalQuantile`. Example: normalQuantileUpper(1e-300) = 37.0470962993612.
 */
export function normalQuantileUpper(q: number): number {
  return -normalQuantile(q);
}
