import { describe, expect, it } from 'vitest';
import { dot, exp, Exponential, Model, mul, Normal, plate } from '../../src/index';
import { cholesky, hessianByDifferences, inverseCholesky, laplaceStart } from '../../src/vi/map';
import { square } from '../../src/model/ops';
import type { DifferentiableModel } from '../../src/model/differentiable-model';
import { identityBijection } from '../../src/distributions/transforms';
import { real } from '../../src/distributions/support';

/** A correlated Gaussian log density N(μ, Σ) on ℝ² written by hand. */
function gaussian2(mu: number[], P: number[]): DifferentiableModel {
  const blocks = [0, 1].map((k) => ({ name: `x${k}`, offset: k, size: 1, scalar: true, support: real, bijection: identityBijection }));
  const value = (u: Float64Array, g?: Float64Array) => {
    const a = u[0] - mu[0];
    const b = u[1] - mu[1];
    const ga = P[0] * a + P[1] * b;
    const gb = P[1] * a + P[2] * b;
    if (g) {
      g[0] = -ga;
      g[1] = -gb;
    }
    return -0.5 * (a * ga + b * gb);
  };
  return { dim: 2, blocks, logDensity: (u) => value(u), logDensityGradient: (u, g) => value(u, g) };
}

describe('laplaceStart', () => {
  it('recovers the mode and the exact precision of a correlated, badly scaled Gaussian', () => {
    // sds 1e4 and 1e-3, correlation 0.999
    const s = [1e4, 1e-3];
    const rho = 0.999;
    const det = 1 - rho * rho;
    const P = [1 / (s[0] * s[0] * det), -rho / (s[0] * s[1] * det), 1 / (s[1] * s[1] * det)];
    const mu = [-61285, 3e-3];
    const r = laplaceStart(gaussian2(mu, P), new Float64Array(2));
    expect(r.status).toBe('mode');
    expect(r.positiveDefinite).toBe(true);
    expect(Math.abs(r.mode[0] - mu[0]) / s[0]).toBeLessThan(1e-6);
    expect(Math.abs(r.mode[1] - mu[1]) / s[1]).toBeLessThan(1e-6);
    // C Cᵀ = Σ: marginal sds and correlation
    const C = r.factor;
    const v0 = C[0] ** 2;
    const v1 = C[2] ** 2 + C[3] ** 2;
    expect(Math.abs(Math.sqrt(v0) / s[0] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(Math.sqrt(v1) / s[1] - 1)).toBeLessThan(1e-6);
    expect(Math.abs((C[0] * C[2]) / Math.sqrt(v0 * v1) - rho)).toBeLessThan(1e-6);
  });

  it('finds the seed model mode on u = log z: (0.3 + √4.09)/2', () => {
    const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
    const r = laplaceStart(model, new Float64Array(1));
    const zHat = (0.3 + Math.sqrt(4.09)) / 2;
    expect(Math.abs(r.mode[0] - Math.log(zHat))).toBeLessThan(1e-8);
    // −d²/du² of −z − (1.3 − z)²/2 + u at z = ẑ: z + z² − (1.3 − z)z... = ẑ(1 − 1.3 + 2ẑ)
    const H = zHat * (1 - 1.3 + 2 * zHat);
    expect(Math.abs(r.hessian[0] / H - 1)).toBeLessThan(1e-6);
  });

  it('falls back to diagonal scales at a minimum (y = 4 ~ Normal(z², 0.1) from z = 0)', () => {
    const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(square(z), 0.1), data: [4] });
    const r = laplaceStart(model, new Float64Array(1));
    expect(r.positiveDefinite).toBe(false);
    expect(r.status).toBe('indefinite');
    expect(r.factor[0]).toBe(1);
  });

  it('reports no mode when the density grows without bound', () => {
    const m: DifferentiableModel = {
      dim: 1,
      blocks: [{ name: 'x', offset: 0, size: 1, scalar: true, support: real, bijection: identityBijection }],
      logDensity: (u) => u[0],
      logDensityGradient: (u, g) => ((g[0] = 1), u[0]),
    };
    expect(laplaceStart(m, new Float64Array(1)).status).toBe('no-mode');
  });
});

describe('inverseCholesky', () => {
  it('gives C with C Cᵀ = A⁻¹, and undefined for an indefinite A', () => {
    const A = Float64Array.of(4, 2, 0.5, 2, 3, 1, 0.5, 1, 2);
    const C = inverseCholesky(A, 3)!;
    // (C Cᵀ) A = I
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) {
          let cc = 0;
          for (let l = 0; l < 3; l++) cc += C[i * 3 + l] * C[k * 3 + l];
          s += cc * A[k * 3 + j];
        }
        expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-14);
      }
    }
    expect(inverseCholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeUndefined();
    expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeUndefined();
  });
});

describe('hessianByDifferences', () => {
  it('probes in batches when the model evaluates rows together, with the bits of one call per probe', () => {
    // d = 40 > the 32 coordinates of one batch: two batched calls, the second partial.
    const d = 40;
    const X = Array.from({ length: 60 }, (_, i) => Array.from({ length: d }, (_, j) => Math.sin(i * 1.3 + j * 0.7)));
    const model = new Model({
      prior: { w: plate(new Normal(0, 1), d) },
      likelihood: ({ w }, i) => new Normal(exp(mul(dot(w, X[i]), 0.1)), 1),
      data: X.map((row) => Math.cos(row[0])),
    });
    const single: DifferentiableModel = { dim: d, blocks: model.blocks, logDensity: (u) => model.logDensity(u), logDensityGradient: (u, g) => model.logDensityGradient(u, g) };
    const x = Float64Array.from({ length: d }, (_, j) => 0.2 * Math.cos(j));
    const h = Float64Array.from({ length: d }, (_, j) => 1e-4 * (1 + j / d));
    let batchedRows = 0;
    const counting: DifferentiableModel = {
      ...single,
      logDensityGradientBatch: (us, rows, grads, out) => {
        batchedRows += rows;
        model.logDensityGradientBatch(us, rows, grads, out);
      },
    };
    const a = hessianByDifferences(counting, x, h);
    const b = hessianByDifferences(single, x, h);
    expect(batchedRows).toBe(2 * d);
    for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i])).toBe(true);
  });
});
