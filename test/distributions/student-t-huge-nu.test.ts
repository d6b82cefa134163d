/**
 * StudentT quantiles at huge ν (found by the varinf/testing registry sweep):
 * `StudentT(2.4e18, 0, 1).quantile(1e-20)` was −8.3e8 where the answer is ≈ −9.26.
 * Above ν = 1e10 the quantile comes from Φ⁻¹ by the Cornish–Fisher series; the round
 * trip through the cdf (an independent code path, the incomplete beta) must hold.
 */
import { describe, expect, it } from 'vitest';
import { Normal, StudentT } from '../../src/index';

describe('StudentT quantile at huge ν', () => {
  it.each([1e10, 3.7e12, 2.4e18, 1e100, 1e300])('ν = %d: cdf(quantile(p)) = p and the normal limit', (nu) => {
    const d = new StudentT(nu, 0, 1);
    for (const p of [1e-300, 1e-20, 1e-3, 0.3, 0.5, 0.9, 1 - 1e-12]) {
      const x = d.quantile(p);
      const tail = p <= 0.5 ? d.cdf(x) : d.survival(x);
      const want = p <= 0.5 ? p : 1 - p;
      // Condition of x ↦ F(x) in the tail: |x|·f/F ≈ z² (≤ 1500 at p = 1e-300).
      expect(Math.abs(tail - want) / want, `p = ${p}`).toBeLessThan(1e-13 * Math.max(1, x * x));
      // t − z ≈ (z³ + z)/(4ν), the first Cornish–Fisher term.
      expect(Math.abs(x - new Normal(0, 1).quantile(p))).toBeLessThanOrEqual(1e-15 * Math.abs(x) + (Math.abs(x) ** 3 + Math.abs(x)) / (2 * nu));
    }
  });
});
