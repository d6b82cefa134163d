import { describe, expect, it } from 'vitest';
import { Exponential, LogNormal, Normal } from '../../src/index';
import { Model } from '../../src/model/model';
import { plate } from '../../src/model/plate';
import { dot } from '../../src/model/ops';
import { Rng } from '../../src/random/rng';
import { createNoiseSource, createWorkspace, estimateElbo, families, fit, fullRank, iwae, stickingTheLanding, type BaseSamples, type Guide } from '../../src/vi/index';
import type { DifferentiableModel } from '../../src/model/differentiable-model';
import { expNormalModel, makeDist, viCases } from './helpers';

/** Per-parameter variance of the 16-sample STL gradient over n independent draws of the base samples. */
function gradientVariances(model: DifferentiableModel, guide: Guide, theta: Float64Array, kind: BaseSamples, n: number, seed: number): number[] {
  const src = createNoiseSource(guide, kind);
  const ws = createWorkspace(guide, 16);
  const g = new Float64Array(theta.length);
  const rng = new Rng(seed);
  const s1 = new Array<number>(theta.length).fill(0);
  const s2 = new Array<number>(theta.length).fill(0);
  for (let i = 0; i < n; i++) {
    src.fill(theta, rng, ws);
    stickingTheLanding.estimate(model, guide, theta, ws, g);
    for (let k = 0; k < g.length; k++) {
      s1[k] += g[k];
      s2[k] += g[k] * g[k];
    }
  }
  return s1.map((a, k) => s2[k] / n - (a / n) ** 2);
}

describe('RQMC base samples', () => {
  it('estimateElbo with baseSamples "rqmc" is unbiased (within 4 SE of the exact ELBO)', () => {
    for (const c of viCases('elbo')) {
      const r = estimateElbo(expNormalModel(c.data), { z: makeDist(c.q) }, { samples: 32_768, seed: 3, baseSamples: 'rqmc' });
      expect(Math.abs(r.value - c.expected)).toBeLessThan(4 * r.stderr + 1e-12);
    }
  });

  it('"rqmc-tilted" (importance-weighted RQMC) is unbiased: ELBO and gradient within 4 SE of the exact values', () => {
    for (const c of viCases('elbo')) {
      if (c.q.dist !== 'LogNormal' && c.q.dist !== 'Normal') continue; // Gaussian base noise only
      const r = estimateElbo(expNormalModel(c.data), { z: makeDist(c.q) }, { samples: 32_768, seed: 5, baseSamples: 'rqmc-tilted' });
      expect(Math.abs(r.value - c.expected)).toBeLessThan(4 * r.stderr + 1e-12);
      const g = r.gradient.z as Record<string, number>;
      const se = r.gradientStderr.z as Record<string, number>;
      for (const [name, exact] of Object.entries(c.gradient!)) expect(Math.abs(g[name] - exact)).toBeLessThan(4 * se[name] + 1e-12);
    }
  });

  it('"rqmc-tilted" cuts the 16-sample STL gradient variance ≥ 10× at the seed optimum, where plain RQMC cannot', () => {
    const model = expNormalModel([1.3]);
    const guide = families({ z: LogNormal }).build(model);
    const theta = Float64Array.of(-0.32017581845657467, Math.log(0.6635132695475704));
    const variance = (kind: BaseSamples): number => gradientVariances(model, guide, theta, kind, 8000, 2).reduce((a, v) => a + v, 0);
    const mc = variance('mc');
    const tilted = variance('rqmc-tilted');
    console.log(`seed optimum, 16-sample STL gradient variance: MC ${mc.toPrecision(3)}, RQMC ${variance('rqmc').toPrecision(3)}, tilted RQMC ${tilted.toPrecision(3)}`);
    expect(mc / tilted).toBeGreaterThan(10);
  });

  it('"rqmc-tilted" fits reach the optimum; unsupported guides and estimators are refused', () => {
    const model = expNormalModel([1.3]);
    const r = fit(model, { guide: { z: LogNormal }, seed: 3, baseSamples: 'rqmc-tilted' });
    const q = r.posterior.z as LogNormal;
    expect(r.converged).toBe(true);
    expect(Math.abs(q.mu + 0.32017581845657467)).toBeLessThan(1e-2);
    expect(Math.abs(q.sigma - 0.6635132695475704)).toBeLessThan(1e-2);
    expect(() => fit(model, { guide: fullRank(), baseSamples: 'rqmc-tilted' })).toThrow(/rqmc-tilted/);
    expect(() => estimateElbo(model, { z: new Exponential(1.2) }, { baseSamples: 'rqmc-tilted' })).toThrow(/rqmc-tilted/);
    expect(() => fit(model, { guide: { z: LogNormal }, baseSamples: 'rqmc-tilted', estimator: iwae })).toThrow(RangeError);
  });

  it('gradient variance at 16 samples, RQMC vs MC (seed model, printed)', () => {
    const model = expNormalModel([1.3]);
    const guide = families({ z: LogNormal }).build(model);
    for (const th of [[-0.32017581845657467, Math.log(0.6635132695475704)], [0, Math.log(0.3)]]) {
      const theta = Float64Array.from(th);
      const v: Record<string, number[]> = {};
      for (const kind of ['mc', 'rqmc'] as const) v[kind] = gradientVariances(model, guide, theta, kind, 4000, 1);
      console.log(`θ = (${th.map((x) => x.toFixed(3))}): MC/RQMC gradient variance ratio ${v.mc.map((x, k) => (x / v.rqmc[k]).toFixed(1)).join(', ')}`);
      expect(v.rqmc[0] + v.rqmc[1]).toBeLessThan(v.mc[0] + v.mc[1]);
    }
  });
});

describe('full rank with several latents and a plate', () => {
  // Bayesian linear regression, d = 5, sigma fixed at 0.5: the posterior of w is Gaussian,
  // N(A⁻¹ Xᵀy/σ², A⁻¹) with A = I + XᵀX/σ², so the full-rank fit must recover it.
  const n = 40;
  const d = 5;
  const rng = new Rng(11);
  const X = Array.from({ length: n }, () => Float64Array.from({ length: d }, () => rng.normal()));
  const wTrue = [0.5, -1, 0.25, 2, 0];
  const y = X.map((x) => dot(wTrue, x) + 0.5 * rng.normal());
  const s2 = 0.25;
  // A and b = Xᵀy/σ²; solve by Gauss–Jordan.
  const A = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0) + X.reduce((a, x) => a + x[i] * x[j], 0) / s2));
  const b = Array.from({ length: d }, (_, i) => X.reduce((a, x, k) => a + x[i] * y[k], 0) / s2);
  const inv = A.map((r, i) => [...r, ...Array.from({ length: d }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < d; c++) {
    const p = inv[c][c];
    for (let j = 0; j < 2 * d; j++) inv[c][j] /= p;
    for (let r = 0; r < d; r++) if (r !== c) { const f = inv[r][c]; for (let j = 0; j < 2 * d; j++) inv[r][j] -= f * inv[c][j]; }
  }
  const cov = inv.map((r) => r.slice(d));
  const mean = cov.map((r) => r.reduce((a, v, j) => a + v * b[j], 0));

  it('fixed sigma: full-rank mean and covariance match the exact conjugate posterior', () => {
    const model = new Model({ prior: { w: plate(new Normal(0, 1), d) }, likelihood: (p, i) => new Normal(dot(p.w, X[i]), 0.5), data: y });
    const r = fit(model, { guide: fullRank(), seed: 1 });
    const g = r.unconstrained!;
    for (let i = 0; i < d; i++) {
      expect(Math.abs(g.mean[i] - mean[i])).toBeLessThan(0.1 * Math.sqrt(cov[i][i]));
      for (let j = 0; j < d; j++) expect(Math.abs(g.covariance[i * d + j] - cov[i][j])).toBeLessThan(0.1 * Math.sqrt(cov[i][i] * cov[j][j]));
    }
    expect((r.posterior.w as Normal[]).length).toBe(d);
  });

  it('sigma latent too: full rank over a plate and a positive scalar', () => {
    const model = new Model({ prior: { w: plate(new Normal(0, 1), d), sigma: new Exponential(1) }, likelihood: (p, i) => new Normal(dot(p.w, X[i]), p.sigma), data: y });
    const r = fit(model, { guide: fullRank(), seed: 2 });
    const post = r.posterior;
    expect(post.sigma).toBeInstanceOf(LogNormal);
    expect(Math.abs(Math.exp((post.sigma as LogNormal).mu) - 0.5)).toBeLessThan(0.2);
    const w = post.w as Normal[];
    for (let i = 0; i < d; i++) expect(Math.abs(w[i].mu - mean[i])).toBeLessThan(0.1);
    expect(r.unconstrained!.covariance.length).toBe((d + 1) ** 2);
  });
});
