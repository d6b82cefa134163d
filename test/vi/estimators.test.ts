import { describe, expect, it } from 'vitest';
import { Gamma, LogNormal } from '../../src/index';
import { gammaPInv } from '../../src/math/incomplete-gamma';
import { gammaSampleDerivA } from '../../src/math/incomplete-gamma';
import { Rng } from '../../src/random/rng';
import {
  createWorkspace,
  estimateElbo,
  families,
  fit,
  iwae,
  logEvidence,
  pathwise,
  stickingTheLanding,
} from '../../src/vi/index';
import { exactElbo, expNormalLogJoint, expNormalModel, handSeedModel, makeDist, viCases } from './helpers';

describe('estimateElbo is unbiased at the reference q (vi / elbo)', () => {
  for (const c of viCases('elbo')) {
    it(`${c.id}: ${c.q.dist}(${Object.values(c.q.params).join(', ')}), n = ${c.data.length}`, () => {
      const model = expNormalModel(c.data);
      const q = makeDist(c.q);
      const r = estimateElbo(model, { z: q }, { samples: 100_000, seed: 7 });
      // Value within 4 standard errors of the exact ELBO.
      expect(Math.abs(r.value - c.expected)).toBeLessThan(4 * r.stderr);
      expect(r.stderr).toBeCloseTo(c.sampleStd! / Math.sqrt(100_000), 2);
      // Quadrature ELBO agrees with the reference, and its finite-difference gradient with the reference gradient.
      const lj = expNormalLogJoint(c.data);
      expect(exactElbo(lj, q)).toBeCloseTo(c.expected, 9);
      const g = r.gradient.z as Record<string, number>;
      const se = r.gradientStderr.z as Record<string, number>;
      for (const [name, exact] of Object.entries(c.gradient!)) {
        const h = 1e-5 * Math.max(1, Math.abs(c.q.params[name]));
        const plus = makeDist({ dist: c.q.dist, params: { ...c.q.params, [name]: c.q.params[name] + h } });
        const minus = makeDist({ dist: c.q.dist, params: { ...c.q.params, [name]: c.q.params[name] - h } });
        const fd = (exactElbo(lj, plus) - exactElbo(lj, minus)) / (2 * h);
        expect(Math.abs(fd - exact)).toBeLessThan(1e-5 * Math.max(1, Math.abs(exact)));
        expect(Math.abs(g[name] - exact)).toBeLessThan(4 * se[name] + 1e-12);
      }
    });
  }
});

describe('Gamma implicit reparameterization', () => {
  it('dz/dα matches finite differences of the quantile at fixed CDF value', () => {
    for (const a of [0.3, 1, 1.7, 11]) {
      for (const p of [0.01, 0.3, 0.7, 0.99]) {
        const z = gammaPInv(a, p);
        const h = 1e-6 * a;
        const fd = (gammaPInv(a + h, p) - gammaPInv(a - h, p)) / (2 * h);
        expect(Math.abs(gammaSampleDerivA(a, z) - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  it('the Gamma-guide pathwise gradient matches finite differences of the CRN objective', () => {
    // With noise held at its CDF value, the per-sample objective is a smooth function of θ.
    const model = handSeedModel([1.3]);
    const guide = families({ z: Gamma }).build(model);
    const theta = Float64Array.of(Math.log(1.7), Math.log(1.9));
    const ws = createWorkspace(guide, 1);
    const g = new Float64Array(2);
    const rng = new Rng(3);
    for (let rep = 0; rep < 5; rep++) {
      const p = rng.uniform();
      const f = (th: Float64Array): number => {
        ws.noise[0][0] = gammaPInv(Math.exp(th[0]), p);
        return pathwise.estimate(model, guide, th, ws, g);
      };
      f(theta);
      const analytic = Array.from(g);
      for (let k = 0; k < 2; k++) {
        const h = 1e-6;
        const tp = theta.slice();
        tp[k] += h;
        const tm = theta.slice();
        tm[k] -= h;
        const fd = (f(tp) - f(tm)) / (2 * h);
        expect(Math.abs(analytic[k] - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
      }
    }
  });
});

describe('log evidence, bounds and variance', () => {
  const seed = viCases('optimum').find((c) => c.id === 'vi.0003')!;
  const model = expNormalModel(seed.data);
  const exactLogZ = seed.expected.logEvidence;

  it('logEvidence agrees with the exact log p(x) within 4 standard errors', () => {
    for (const c of viCases('optimum')) {
      if (c.q === 'NormalOnLogZ') continue;
      const q = makeDist({ dist: c.q, params: c.expected.params });
      const r = logEvidence(expNormalModel(c.data), { z: q }, { samples: 10_000, seed: 11 });
      console.log(`${c.id} ${c.q}: logEvidence ${r.value.toFixed(5)} ± ${r.stderr.toExponential(2)} (exact ${c.expected.logEvidence.toFixed(5)}), k̂ ${r.pareto.khat.toFixed(2)}`);
      expect(Math.abs(r.value - c.expected.logEvidence)).toBeLessThan(4 * r.stderr);
    }
  });

  it('ELBO ≤ IWAE-K ≤ log p(x) for the fitted q (seed model)', () => {
    const r = fit(model, { guide: { z: LogNormal }, seed: 1 });
    const q = r.posterior.z;
    const elbo = estimateElbo(model, { z: q }, { samples: 20_000, seed: 2 });
    const guide = families({ z: LogNormal }).build(model);
    const theta = Float64Array.of((q as LogNormal).mu, Math.log((q as LogNormal).sigma));
    const K = 16;
    const ws = createWorkspace(guide, K);
    const grad = new Float64Array(2);
    const rng = new Rng(5);
    let s1 = 0;
    let s2 = 0;
    const M = 4000;
    for (let m = 0; m < M; m++) {
      for (let k = 0; k < K; k++) guide.drawNoise(theta, rng, ws.noise[k]);
      const v = iwae.estimate(model, guide, theta, ws, grad);
      s1 += v;
      s2 += v * v;
    }
    const iw = s1 / M;
    const iwSe = Math.sqrt((s2 / M - iw * iw) / M);
    console.log(`ELBO ${elbo.value.toFixed(5)} ± ${elbo.stderr.toExponential(1)} ≤ IWAE-16 ${iw.toFixed(5)} ± ${iwSe.toExponential(1)} ≤ log p(x) ${exactLogZ.toFixed(5)}`);
    expect(elbo.value).toBeLessThan(iw + 4 * Math.hypot(elbo.stderr, iwSe));
    expect(iw).toBeLessThan(exactLogZ + 4 * iwSe);
  });

  it('STL has lower gradient variance than the standard pathwise estimator near the optimum', () => {
    for (const [fam, c] of [['LogNormal', 'vi.0001'], ['Gamma', 'vi.0003']] as const) {
      const ref = viCases('optimum').find((x) => x.id === c)!;
      const guide = families({ z: fam === 'LogNormal' ? LogNormal : Gamma }).build(model);
      const p = ref.expected.params;
      const theta = fam === 'LogNormal' ? Float64Array.of(p.mu, Math.log(p.sigma)) : Float64Array.of(Math.log(p.shape), Math.log(p.rate));
      const ws = createWorkspace(guide, 1);
      const g = new Float64Array(2);
      const variance = (est: typeof pathwise): number[] => {
        const rng = new Rng(9);
        const s1 = [0, 0];
        const s2 = [0, 0];
        const N = 20_000;
        for (let i = 0; i < N; i++) {
          guide.drawNoise(theta, rng, ws.noise[0]);
          est.estimate(model, guide, theta, ws, g);
          for (let k = 0; k < 2; k++) {
            s1[k] += g[k];
            s2[k] += g[k] * g[k];
          }
        }
        return s1.map((v, k) => s2[k] / N - (v / N) ** 2);
      };
      const vStd = variance(pathwise);
      const vStl = variance(stickingTheLanding);
      console.log(`${fam} at the optimum: per-sample gradient variance, standard ${vStd.map((v) => v.toFixed(4))} vs STL ${vStl.map((v) => v.toFixed(4))}`);
      expect(vStl[0] + vStl[1]).toBeLessThan(vStd[0] + vStd[1]);
    }
  });
});
