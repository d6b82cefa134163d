import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  digamma,
  erfc,
  erfcinv,
  erfcx,
  lgamma,
  lgamma1p,
  normalCdf,
  normalLogCdf,
  normalQuantile,
  normalQuantileFromLog,
  stirlerr,
  trigamma,
} from '../../src/math';
import { normalQuantileUpper } from '../helpers/math-extras';

const rel = (got: number, want: number): number =>
  got === want ? 0 : Math.abs(got - want) / Math.abs(want);

describe('lgamma1p and stirlerr (mpmath, 40 digits)', () => {
  const table: [number, number][] = [
    [1e-20, -5.772156649015328e-21],
    [-1e-10, 5.7721566498377955e-11],
    [0.001, -0.0005763935982833696],
    [-0.3, 0.26086724653166654],
    [0.25, -0.09827183642181316],
    [0.49, -0.12110025854219772],
    [-0.49, 0.5529738179298007],
    [0.5, -0.12078223763524522],
  ];
  it.each(table)('lgamma1p(%s)', (x, want) => {
    expect(rel(lgamma1p(x), want)).toBeLessThan(1e-15);
  });
  it('agrees with lgamma(1 + x) where 1 + x is exact', () => {
    for (const x of [0.75, 1, 2.5, 10, 1e5]) expect(rel(lgamma1p(x), lgamma(1 + x))).toBeLessThan(1e-15);
  });
  it.each([
    [0.5, 0.15342640972002736],
    [3, 0.02767792568499834],
    [9.99, 0.00833889679773433],
    [10, 0.00833056343336287],
    [1e4, 8.333333330555555e-6],
  ])('stirlerr(%s)', (a, want) => {
    // Enters log-prefixes additively: absolute error is what matters.
    expect(Math.abs(stirlerr(a) - want)).toBeLessThan(4e-15);
  });
});

describe('digamma / trigamma', () => {
  it('recurrence ψ(x+1) = ψ(x) + 1/x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), (x) => {
        const lhs = digamma(x + 1);
        const rhs = digamma(x) + 1 / x;
        return Math.abs(lhs - rhs) <= 1e-13 * (Math.abs(lhs) + 1 / x + Math.abs(digamma(x)));
      }),
    );
  });
  it('trigamma recurrence ψ′(x+1) = ψ′(x) − 1/x²', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x) => {
        const lhs = trigamma(x + 1);
        const rhs = trigamma(x) - 1 / (x * x);
        return Math.abs(lhs - rhs) <= 1e-13 * trigamma(x);
      }),
    );
    expect(rel(trigamma(1), Math.PI ** 2 / 6)).toBeLessThan(1e-15);
  });
});

describe('error functions', () => {
  it('erfcx(x) = e^{x²} erfc(x) where both are representable', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 25, noNaN: true }), (x) => {
        const direct = Math.exp(x * x) * erfc(x);
        // exp(x²) with rounded x² has relative error ≈ 2x²ε.
        return rel(erfcx(x), direct) <= 1e-14 * (1 + 2 * x * x);
      }),
    );
  });
  it('erfcx asymptote 1/(x√π) for large x', () => {
    expect(rel(erfcx(1e8), 1 / (1e8 * Math.sqrt(Math.PI)))).toBeLessThan(1e-15);
  });
  it('erfcinv round trip', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1.999, noNaN: true }), (y) => {
        const x = erfcinv(y);
        return rel(erfc(x), y) <= 1e-13 * Math.max(1, 2 * x * x);
      }),
    );
  });
});

describe('normal functions', () => {
  it('edge cases', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalLogCdf(-Infinity)).toBe(-Infinity);
    expect(normalLogCdf(Infinity)).toBe(0);
    expect(normalLogCdf(NaN)).toBeNaN();
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
    expect(normalQuantileUpper(0)).toBe(Infinity);
    expect(normalQuantileFromLog(0)).toBe(Infinity);
    expect(normalQuantileFromLog(-Infinity)).toBe(-Infinity);
    expect(normalQuantileFromLog(1)).toBeNaN();
    expect(normalLogCdf(-1e200)).toBe(-Infinity);
  });
  it('normalCdf subnormal: Φ(−38) = 2.88542836006878e-316', () => {
    expect(Math.abs(normalCdf(-38) - 2.88542836006878430835097e-316)).toBeLessThanOrEqual(5e-324);
  });
  it('normalQuantile(normalCdf(x)) ≈ x', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (x) => {
        const p = normalCdf(x);
        const y = normalQuantile(p);
        // Rounding p = Φ(x) to a double moves it by up to half an ulp of p, i.e. ≤ 2^-54
        // for p ≥ ½; Φ⁻¹ turns that into 2^-54/φ(x) in x. Below ½, relative ulps of p
        // are well conditioned (≈ 1/x² in the tail): a few ulp of x.
        const phi = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
        return Math.abs(y - x) <= 1e-14 * Math.max(1, Math.abs(x)) + (x > 0 ? 2 * 2 ** -54 / phi : 0);
      }),
    );
  });
  it('normalQuantileUpper(q) = −normalQuantile(q)', () => {
    for (const q of [1e-300, 1e-16, 0.01, 0.3]) expect(normalQuantileUpper(q)).toBe(-normalQuantile(q));
  });
  it('normalLogCdf(x) ≈ log normalCdf(x) where Φ(x) is normal', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (x) => {
        const a = normalLogCdf(x);
        const b = Math.log(normalCdf(x));
        return Math.abs(a - b) <= 4e-16 * Math.abs(b) + 1e-300 + 2.3e-16;
      }),
    );
  });
  it('normalQuantileFromLog: mpmath values below the double range', () => {
    const table: [number, number][] = [
      [-800, -39.88469483825668],
      [-1000, -44.6157477319694],
      [-1e5, -447.1978936785251],
      [-1e8, -14142.134882976301],
    ];
    for (const [lp, want] of table) expect(rel(normalQuantileFromLog(lp), want)).toBeLessThan(4e-16);
  });
  it('normalQuantileFromLog(normalLogCdf(x)) ≈ x', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 8, noNaN: true }), (x) => {
        const y = normalQuantileFromLog(normalLogCdf(x));
        const tol = x > 5 ? 1e-16 / (x * normalCdf(-x)) : 1e-14 * Math.max(1, Math.abs(x));
        return Math.abs(y - x) <= tol;
      }),
    );
  });
});
