import { describe, expect, it } from 'vitest';
import { lbfgs } from '../../src/vi/lbfgs';

describe('lbfgs', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const r = lbfgs((x, g) => {
      g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
      g[1] = 200 * (x[1] - x[0] ** 2);
      return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
    }, Float64Array.of(-1.2, 1));
    expect(r.status).toBe('converged');
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-6);
  });

  it('is scale-free: a quadratic with curvatures 1e-8 … 1e8 and a minimum at 1e4 converges to full relative precision', () => {
    const h = [1e-8, 1, 1e8];
    const c = [1e4, -3, 2e-4];
    const r = lbfgs((x, g) => {
      let f = 0;
      for (let i = 0; i < 3; i++) {
        g[i] = h[i] * (x[i] - c[i]);
        f += 0.5 * h[i] * (x[i] - c[i]) ** 2;
      }
      return f;
    }, new Float64Array(3));
    expect(r.status).toBe('converged');
    // Error in units of each coordinate's own scale 1/√h.
    for (let i = 0; i < 3; i++) expect(Math.abs(r.x[i] - c[i]) * Math.sqrt(h[i])).toBeLessThan(1e-6);
  });

  it('treats +∞ (outside the domain) as too far and stays inside', () => {
    // f = x − log x on x > 0 (minimum at 1), +∞ for x ≤ 0; the first step from 5 overshoots below 0.
    const r = lbfgs((x, g) => {
      if (!(x[0] > 0)) return Infinity;
      g[0] = 1 - 1 / x[0];
      return x[0] - Math.log(x[0]);
    }, Float64Array.of(5));
    expect(r.status).toBe('converged');
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-7);
  });

  it('reports an unbounded objective', () => {
    const r = lbfgs((x, g) => {
      g[0] = -1;
      return -x[0];
    }, Float64Array.of(0));
    expect(r.status).toBe('unbounded');
  });

  it('restarts when the memory starves a soft direction (curvatures 1e8 apart, correlation 0.999)', () => {
    const s0 = 1e4;
    const s1 = 1e-3;
    const rho = 0.999;
    const det = 1 - rho * rho;
    const P = [1 / (s0 * s0 * det), -rho / (s0 * s1 * det), 1 / (s1 * s1 * det)];
    const mu = [-61285, 3e-3];
    const r = lbfgs((u, g) => {
      const a = u[0] - mu[0];
      const b = u[1] - mu[1];
      g[0] = P[0] * a + P[1] * b;
      g[1] = P[1] * a + P[2] * b;
      return 0.5 * (a * g[0] + b * g[1]);
    }, new Float64Array(2));
    expect(r.status).toBe('converged');
    expect(Math.abs(r.x[0] - mu[0]) / s0).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1] - mu[1]) / s1).toBeLessThan(1e-6);
  });
});
