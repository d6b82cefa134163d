/**
 * The `vi` optimum cases of families.json (issue #12): the fitted q's exact ELBO (by
 * quadrature) within 1e-3 nats of the reference optimum on seeds 1–10, for every
 * case: the default mean-field Gaussian on the unconstrained line (NormalOnLogitZ
 * for the Beta prior — a LogitNormal on z —, NormalOnLogZ for the positive priors),
 * LogNormal, Gamma, and the Beta (fam.vi.0001) and InverseGamma (fam.vi.0007) guide
 * families.
 */
import { describe, expect, it } from 'vitest';
import { Bernoulli, Beta, Binomial, Exponential, Gamma, HalfCauchy, InverseGamma, LogNormal, Model, Normal, Poisson, type ContinuousDistribution } from '../../src/index';
import { fit } from '../../src/vi/index';
import { familyCasesOf } from '../helpers/families';
import { exactElbo } from './helpers';

type Case = { id: string; model: string; q: string; data: number[]; expected: { elbo: number } };

/** The case's model, as a varinf Model; its log joint on z for the quadrature. */
function modelOf(c: Case): Model<Record<string, ContinuousDistribution>> {
  switch (c.model) {
    case 'betaBinomial':
      return new Model({ prior: { z: new Beta(2, 3) }, likelihood: ({ z }) => new Binomial(10, z), data: c.data }) as never;
    case 'halfCauchyNormal':
      return new Model({ prior: { z: new HalfCauchy(1) }, likelihood: ({ z }) => new Normal(0, z), data: c.data }) as never;
    case 'expPoisson':
      return new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Poisson(z), data: c.data }) as never;
    default:
      throw new Error(`unknown model ${c.model}`);
  }
}

/** The guide family a case names (the NormalOn… cases are the default guide). */
const FAMILIES = { LogNormal, Gamma, Beta, InverseGamma } as const;
const guideOf = (q: string): { guide?: { z: (typeof FAMILIES)[keyof typeof FAMILIES] } } =>
  q in FAMILIES ? { guide: { z: FAMILIES[q as keyof typeof FAMILIES] } } : {};

const SUPPORTED = new Set(['NormalOnLogitZ', 'NormalOnLogZ', 'LogNormal', 'Gamma', 'Beta', 'InverseGamma']);

describe('families.json vi optima, seeds 1–10', () => {
  const cases = (familyCasesOf('vi', 'optimum') as unknown as Case[]).filter((c) => SUPPORTED.has(c.q));
  it('covers all 9 optimum cases', () => {
    expect(familyCasesOf('vi', 'optimum').length).toBe(9);
    expect(cases.length).toBe(9);
  });
  it.each(cases.map((c) => [c.id, c.model, c.q, c] as const))('%s %s with %s', (_id, _m, _q, c) => {
    const model = modelOf(c);
    const logJoint = (z: number): number => model.logJoint({ z });
    let worst = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const r = fit(model, { ...guideOf(c.q), seed } as never);
      const q = (r.posterior as Record<string, ContinuousDistribution>).z;
      const gap = c.expected.elbo - exactElbo(logJoint, q);
      // The optimum bounds every q's ELBO (up to the quadrature's 1e-9).
      expect(gap, `seed ${seed}: ${String(q)}`).toBeGreaterThan(-1e-9);
      worst = Math.max(worst, gap);
    }
    console.log(`${c.id} ${c.model} ${c.q}: worst exact ELBO gap over seeds 1–10 ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-3);
  });
});

describe('conjugate models of families.json: VI against the exact posterior', () => {
  const evidence = (model: string): number => familyCasesOf('conjugate', 'logEvidence').find((c) => c.model === model)!.expected as number;

  it('Gamma–Poisson with a Gamma guide recovers the exact Gamma(8, 12) posterior (KL = log p(x) − ELBO ≤ 1e-3)', () => {
    const data = [0, 0, 1, 1, 1, 0, 0, 2, 0, 0];
    const model = new Model({ prior: { z: new Gamma(3, 2) }, likelihood: ({ z }) => new Poisson(z), data });
    const r = fit(model, { guide: { z: Gamma }, seed: 1 });
    const q = r.posterior.z as Gamma;
    const kl = evidence('gammaPoisson') - exactElbo((z) => model.logJoint({ z }), q);
    expect(kl).toBeGreaterThan(-1e-9);
    expect(kl).toBeLessThan(1e-3);
    expect(Math.abs(q.shape / 8 - 1)).toBeLessThan(0.05);
    expect(Math.abs(q.rate / 12 - 1)).toBeLessThan(0.05);
  });

  it('Beta–Bernoulli with the default guide: a LogitNormal within 0.01 nats of the exact Beta(4, 13) posterior', () => {
    const data = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const model = new Model({ prior: { z: new Beta(2, 3) }, likelihood: ({ z }) => new Bernoulli(z), data });
    const q = (fit(model, { seed: 1 }).posterior as Record<string, ContinuousDistribution>).z;
    // KL(q‖p) = log p(x) − ELBO(q) ≥ 0; a logit-normal cannot be exactly a Beta, but is close.
    const kl = evidence('betaBernoulli') - exactElbo((z) => model.logJoint({ z }), q);
    expect(kl).toBeGreaterThan(-1e-9);
    expect(kl).toBeLessThan(0.01);
    expect(Math.abs(q.mean() - 4 / 17)).toBeLessThan(0.01);
  });
});
