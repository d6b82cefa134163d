/**
 * The TSDoc examples of the functions moved from src/math to test/helpers/math-extras.ts
 * (they were run by test/docs/tsdoc-examples.test.ts while in src/), with the same claims:
 * `→` exact, `≈` to the digits shown.
 */
import { describe, expect, it } from 'vitest';
import { expm1, log1p, logAddExp, logSubExp, normalQuantileUpper, softplus, xlog1py, xlogy } from '../helpers/math-extras';

describe('the examples of the functions moved out of src/math', () => {
  it('log1p, expm1', () => {
    expect(log1p(1e-10)).toBe(9.999999999500001e-11);
    expect(expm1(1e-10)).toBe(1.00000000005e-10);
  });
  it('logAddExp, logSubExp', () => {
    expect(logAddExp(-1000, -1000)).toBe(-999.3068528194401);
    expect(logSubExp(0, -1e-20)).toBeCloseTo(-46.0517, 4);
  });
  it('xlogy, xlog1py', () => {
    expect(xlogy(0, 0)).toBe(0);
    expect(xlogy(2, Math.E)).toBe(2);
    expect(xlog1py(0, -1)).toBe(0);
    expect(xlog1py(3, 1e-20) / 3e-20).toBeCloseTo(1, 14);
  });
  it('softplus, normalQuantileUpper', () => {
    expect(softplus(20)).toBe(20.000000002061153);
    expect(softplus(-750)).toBe(0);
    expect(normalQuantileUpper(1e-300)).toBe(37.0470962993612);
  });
});
