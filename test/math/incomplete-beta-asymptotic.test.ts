/**
 * The incomplete beta function at two large shapes (issue #16: ≤ 10 µs per call, no NaN):
 * the asymptotic expansion (TOMS 708's BASYM) against exact rational values, against the
 * series/fraction path where both are valid, across its switch, and by cdf + survival = 1
 * at shapes up to 1e199; the exact λ; the huge-shape (≥ 1e200) normal limit where the
 * mean is within rounding of 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logBetaIPair } from '../../src/math';
import { logAddExp } from '../helpers/math-extras';
import { logBetaISeriesOrFraction } from '../../src/math/incomplete-beta';
import { betaLambda, logBetaIAsymptotic } from '../../src/math/incomplete-beta-asymptotic';
import { EXACT_CASES } from './incomplete-beta-exact.data';

const rel = (got: number, want: number): number => (got === want ? 0 : Math.abs(got - want) / Math.abs(want));
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> => fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

/** λ = a − (a + b)x in exact rational arithmetic (BigInt), for integer a, b and a double x. */
function exactLambda(a: number, b: number, x: number): number {
  // x = m·2^e exactly.
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  const scale = 2n ** BigInt(-e);
  const num = BigInt(a) * scale - (BigInt(a) + BigInt(b)) * BigInt(m);
  // num/scale to a double: both below 2^1100, so their ratio is formed from 64-bit heads.
  const shift = BigInt(Math.max(0, num.toString(2).length - 60));
  const sign = num < 0n ? -1 : 1;
  const head = Number((sign < 0 ? -num : num) >> shift);
  return sign * head * 2 ** Number(shift) / Number(scale);
}

describe('against exact values (integer shapes, rational binomial sums: incomplete-beta-exact.py)', () => {
  it.each(EXACT_CASES)('a=%s b=%s x=%s', (a, b, x, li, lc) => {
    // Where the expansion is used (|λ| ≤ 0.03·min(a, b)) both tails' logs within 2e-15
    // relative (measured ≤ 8.5e-16); beyond, where the fraction is used, within 4e-14
    // (measured 1.4e-14); the fraction path itself within 1e-13 everywhere.
    const inExpansion = Math.abs(betaLambda(a, b, x, 1 - x)) <= 0.03 * Math.min(a, b);
    const tol = inExpansion ? 2e-15 : 4e-14;
    expect(rel(logBetaIPair(a, b, x, 1 - x, false), li)).toBeLessThanOrEqual(tol);
    expect(rel(logBetaIPair(a, b, x, 1 - x, true), lc)).toBeLessThanOrEqual(tol);
    expect(rel(logBetaISeriesOrFraction(a, b, x, 1 - x, false), li)).toBeLessThanOrEqual(1e-13);
    expect(rel(logBetaISeriesOrFraction(a, b, x, 1 - x, true), lc)).toBeLessThanOrEqual(1e-13);
  });
});

describe('betaLambda: a − (a + b)x without cancellation', () => {
  it('equals the exact rational value to 2 ulp near the mean, where the plain difference cancels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2 ** 40 }), fc.integer({ min: 1000, max: 2 ** 40 }), fc.double({ min: -30, max: 30, noNaN: true }), (a, b, k) => {
        const x = (a - k * Math.sqrt((a * b) / (a + b))) / (a + b);
        const want = exactLambda(a, b, x);
        const got = betaLambda(a, b, x, 1 - x);
        return Math.abs(got - want) <= 4.5e-16 * Math.abs(want) + 1e-300;
      }),
      { numRuns: 300, seed: 16 },
    );
  });
  it('scales shapes near the double maximum instead of overflowing', () => {
    expect(betaLambda(1e308, 1e308, 0.5, 0.5)).toBe(0);
    expect(betaLambda(1.5e308, 5e307, 0.25, 0.75)).toBeCloseTo(1.5e308 - 0.5e308, -295);
  });
});

describe('the expansion against the series/fraction path and across its switch', () => {
  it('agrees with the fractions where both are valid (shapes 1e3 … 3e4, |λ| ≤ 0.03·min)', () => {
    fc.assert(
      fc.property(logUniform(3, 4.5), logUniform(3, 4.5), fc.double({ min: -1, max: 1, noNaN: true }), (a, b, f) => {
        const x = (a - f * 0.03 * Math.min(a, b)) / (a + b);
        const y = 1 - x;
        for (const upper of [false, true]) {
          const want = logBetaISeriesOrFraction(a, b, x, y, upper);
          if (rel(logBetaIPair(a, b, x, y, upper), want) > 5e-14) return false;
        }
        return true;
      }),
      { numRuns: 300, seed: 16 },
    );
  });
  it('is continuous at the switch |λ| = 0.03·min(a, b): the expansion just beyond it matches the fraction used there', () => {
    for (const [a, b] of [[1000, 1000], [1e4, 3e4], [1e6, 1e6], [1e8, 2e8], [3e4, 1e3]]) {
      for (const side of [1, -1]) {
        const lambda = side * 0.03 * Math.min(a, b) * (1 + 1e-9);
        const x = (a - lambda) / (a + b);
        const y = 1 - x;
        const l = betaLambda(a, b, x, y);
        expect(Math.abs(l)).toBeGreaterThan(0.03 * Math.min(a, b)); // the fraction's side
        const viaFraction = logBetaIPair(a, b, x, y, l < 0);
        const viaExpansion = l >= 0 ? logBetaIAsymptotic(a, b, l) : logBetaIAsymptotic(b, a, -l);
        expect(rel(viaExpansion, viaFraction), `${a} ${b} ${side}`).toBeLessThanOrEqual(1e-13);
      }
    }
  });
  it('is monotone across the switch and at the mean', () => {
    for (const [a, b] of [[1e4, 1e4], [1e8, 1e5]]) {
      let prev = -Infinity;
      for (let k = -40; k <= 40; k++) {
        const lambda = 0.03 * Math.min(a, b) * (1 + k * 1e-3);
        const x = (a - lambda) / (a + b);
        // λ grows with k, so x falls and the upper tail 1 − I grows.
        const v = logBetaIPair(a, b, x, 1 - x, true);
        expect(v).toBeGreaterThanOrEqual(prev);
        prev = v;
      }
    }
  });
});

describe('shapes up to 1e199 (expansion) and beyond (normal limit)', () => {
  it('cdf + survival = 1: log I ⊕ log(1 − I) = 0 to 4e-16, finite, every magnitude', () => {
    fc.assert(
      fc.property(logUniform(3, 199), logUniform(3, 199), fc.double({ min: -40, max: 40, noNaN: true }), (a, b, k) => {
        const s = Math.sqrt(Math.min(a, b));
        const lambda = Math.max(-0.5 * b, Math.min(0.5 * a, k * s));
        // x from λ through the smaller coordinate so that it resolves the deviation.
        const m = a / (a + b);
        let x: number;
        let y: number;
        if (m <= 0.5) {
          x = (a - lambda) / (a + b);
          y = 1 - x;
        } else {
          y = (b + lambda) / (a + b);
          x = 1 - y;
        }
        const li = logBetaIPair(a, b, x, y, false);
        const lc = logBetaIPair(a, b, x, y, true);
        return Number.isFinite(li) && Number.isFinite(lc) && Math.abs(logAddExp(li, lc)) <= 4e-16;
      }),
      { numRuns: 400, seed: 16 },
    );
  });
  it('a mean within rounding of 1 at shapes ≥ 1e200: the tails follow λ, not the rounded x (each x had I = ½)', () => {
    const a = 3.1e244;
    const b = 1.7e227;
    // y = b/(a + b)(1 ± δ): far outside (δ = 1e-10 ≫ 1/√b) on both sides.
    const ym = b / (a + b);
    for (const [y, upperSmall] of [[ym * (1 + 1e-10), false], [ym * (1 - 1e-10), true]] as const) {
      const x = 1 - y;
      const li = logBetaIPair(a, b, x, y, false);
      const lc = logBetaIPair(a, b, x, y, true);
      // y above its mean: x below its mean, I tiny; y below: 1 − I tiny.
      expect(upperSmall ? lc : li).toBeLessThan(-1e90);
      expect(upperSmall ? li : lc).toBe(0);
    }
  });
  it('Beta(1, 1.8e308) and Beta(602, 1e308) near their mean (were NaN: products that overflowed)', () => {
    const b = 1.7976931348623135e308;
    for (const x of [1e-310, 5.56e-309, 1e-308, 3e-308]) {
      // I_x(1, b) = 1 − (1 − x)^b.
      const want = Math.log(-Math.expm1(b * Math.log1p(-x)));
      expect(rel(logBetaIPair(1, b, x, 1 - x, false), want)).toBeLessThan(1e-12);
      expect(rel(logBetaIPair(1, b, x, 1 - x, true), b * Math.log1p(-x))).toBeLessThan(1e-12);
    }
    const li = logBetaIPair(602, 9.999999999994765e307, 6.020000000003152e-306, 1, false);
    const lc = logBetaIPair(602, 9.999999999994765e307, 6.020000000003152e-306, 1, true);
    expect(Math.abs(logAddExp(li, lc))).toBeLessThan(1e-15);
    expect(li).toBeGreaterThan(-1);
  });
});
