/**
 * The Householder reduction behind the linear-Gaussian kernel: for every β,
 * ‖y − Aβ‖² = rss0 + ‖c − Rβ‖² and Aᵀ(y − Aβ) = Rᵀ(c − Rβ), with R upper trapezoidal;
 * tall, square, wide and rank-deficient designs, and columns of very different scales.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastSquaresReduction } from '../../src/math/least-squares';

function direct(A: Float64Array, n: number, p: number, y: Float64Array, beta: Float64Array): { rss: number; g: Float64Array; scale: number } {
  let rss = 0;
  let scale = 0;
  const g = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < p; j++) m += A[i * p + j] * beta[j];
    const r = y[i] - m;
    rss += r * r;
    scale += y[i] * y[i] + m * m;
    for (let j = 0; j < p; j++) g[j] += A[i * p + j] * r;
  }
  return { rss, g, scale };
}

function reduced(A: Float64Array, n: number, p: number, y: Float64Array, beta: Float64Array): { rss: number; g: Float64Array } {
  const { k, R, c, rss0 } = leastSquaresReduction(A, n, p, y);
  const e = new Float64Array(k);
  let rss = rss0;
  for (let i = 0; i < k; i++) {
    let t = c[i];
    for (let j = 0; j < p; j++) t -= R[i * p + j] * beta[j];
    e[i] = t;
    rss += t * t;
  }
  const g = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let i = 0; i < k; i++) g[j] += R[i * p + j] * e[i];
  return { rss, g };
}

const design = fc.record({ n: fc.integer({ min: 1, max: 12 }), p: fc.integer({ min: 1, max: 6 }), seed: fc.integer() }).chain(({ n, p }) =>
  fc.tuple(
    fc.constant(n),
    fc.constant(p),
    fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * p, maxLength: n * p }),
    fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
    fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: p, maxLength: p }),
    fc.array(fc.constantFrom(1, 1e-6, 1e6), { minLength: p, maxLength: p }),
  ),
);

describe('leastSquaresReduction', () => {
  it('‖y − Aβ‖² and Aᵀ(y − Aβ) from R, c, rss0, for any design and β (64 ulps of the terms)', () => {
    fc.assert(
      fc.property(design, ([n, p, a, yv, b, colScale]) => {
        const A = Float64Array.from(a, (v, idx) => v * colScale[idx % p]);
        const y = Float64Array.from(yv);
        const beta = Float64Array.from(b, (v, j) => v / colScale[j]);
        const want = direct(A, n, p, y, beta);
        const got = reduced(A, n, p, y, beta);
        const tol = 64 * 2.220446049250313e-16 * (want.scale + 1) * Math.max(n, p);
        expect(Math.abs(got.rss - want.rss)).toBeLessThanOrEqual(tol);
        expect(got.rss).toBeGreaterThanOrEqual(0);
        for (let j = 0; j < p; j++) {
          const scale = Math.sqrt(want.scale + 1) * colScale[j] * 3 * n;
          expect(Math.abs(got.g[j] - want.g[j])).toBeLessThanOrEqual(64 * 2.220446049250313e-16 * scale * Math.max(n, p));
        }
      }),
    );
  });

  it('R is upper trapezoidal; rss0 is the least-squares residual (0 when p ≥ n)', () => {
    const A = Float64Array.of(1, 0, 1, 1, 1, 2, 1, 3); // 4 × 2: y = 1 + x fits exactly
    const r = leastSquaresReduction(A, 4, 2, [1, 2, 3, 4]);
    expect(r.k).toBe(2);
    expect(r.R[2]).toBe(0);
    expect(r.rss0).toBeLessThan(1e-28);
    const noisy = leastSquaresReduction(A, 4, 2, [1, 2, 3, 5]);
    // The least-squares line through (0, 1), (1, 2), (2, 3), (3, 5) is 0.8 + 1.3x:
    // residuals 0.2, −0.1, −0.4, 0.3, so rss0 = 0.3.
    expect(noisy.rss0).toBeCloseTo(0.3, 14);
    const wide = leastSquaresReduction(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3, [1, 1]);
    expect(wide.k).toBe(2);
    expect(wide.rss0).toBe(0);
    const zero = leastSquaresReduction(new Float64Array(6), 3, 2, [1, 2, 2]);
    expect(zero.rss0 + zero.c.reduce((s, v) => s + v * v, 0)).toBeCloseTo(9, 14);
  });
});
