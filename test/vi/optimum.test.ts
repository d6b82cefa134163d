import { describe, expect, it } from 'vitest';
import { fit } from '../../src/vi/index';
import { exactElbo, expNormalLogJoint, expNormalModel, FAMILIES, viCases } from './helpers';

// Acceptance: fit with default options and a fixed seed reaches, for each family and
// the default guide, a q whose exact ELBO (quadrature here, not the library's
// estimator) is within 1e-3 nats of the reference optimum, params within 1e-2.
describe('fit reaches the exact optimum (vi / optimum)', () => {
  for (const c of viCases('optimum')) {
    const label = c.q === 'NormalOnLogZ' ? 'default (mean-field on u = log z)' : c.q;
    it(`${c.id}: n = ${c.data.length}, ${label}`, () => {
      const model = expNormalModel(c.data);
      const r =
        c.q === 'NormalOnLogZ'
          ? fit(model, { seed: 1 })
          : fit(model, { guide: { z: FAMILIES[c.q as keyof typeof FAMILIES] }, seed: 1 });
      const q = r.posterior.z as any;
      const elbo = exactElbo(expNormalLogJoint(c.data), q);
      const gapToOpt = c.expected.elbo - elbo;
      const params: Record<string, number> = c.expected.params;
      const errs = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, q[k] - v]));
      console.log(`${c.id} ${label}: exact ELBO gap ${gapToOpt.toExponential(2)}, param errors ${JSON.stringify(errs)}, steps ${r.steps}, converged ${r.converged}`);
      expect(q.name).toBe(c.q === 'NormalOnLogZ' ? 'LogNormal' : c.q);
      expect(gapToOpt).toBeGreaterThan(-1e-9);
      expect(gapToOpt).toBeLessThan(1e-3);
      for (const k of Object.keys(params)) expect(Math.abs(errs[k])).toBeLessThan(1e-2);
      expect(r.converged).toBe(true);
    });
  }
});

// Every seed, not just seed 1: the seed model with the LogNormal guide and the default
// (mean-field, the same family on u = log z). Gamma and Exponential are not yet within
// 1e-2 on every seed (see the notes of the VI issue), so they are not looped here.
describe('fit reaches the optimum on seeds 1..20 (seed model)', () => {
  const c = viCases('optimum').find((x) => x.id === 'vi.0001')!;
  const model = expNormalModel(c.data);
  for (const label of ['LogNormal', 'default'] as const) {
    it(`${label}: exact ELBO within 1e-3, params within 1e-2, every seed`, () => {
      let worstGap = 0;
      let worstParam = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const r = label === 'default' ? fit(model, { seed }) : fit(model, { guide: { z: FAMILIES.LogNormal }, seed });
        const q = r.posterior.z as any;
        worstGap = Math.max(worstGap, c.expected.elbo - exactElbo(expNormalLogJoint(c.data), q));
        for (const [k, v] of Object.entries(c.expected.params)) worstParam = Math.max(worstParam, Math.abs(q[k] - (v as number)));
      }
      console.log(`${label}, seeds 1..20: worst exact ELBO gap ${worstGap.toExponential(2)}, worst param error ${worstParam.toExponential(2)}`);
      expect(worstGap).toBeLessThan(1e-3);
      expect(worstParam).toBeLessThan(1e-2);
    }, 30_000);
  }
});
