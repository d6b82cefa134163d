/**
 * The Beta and InverseGamma guide families end to end (issue #12): `estimateElbo`
 * at the `vi`/`elbo` cases of families.json (value and gradient in the
 * distributions' own parameters), the exact posterior recovered, every estimator and
 * RQMC with a guide of two noise values per coordinate (Beta), joint draws, saved
 * fits, and the messages for latents they do not fit.
 */
import { describe, expect, it } from 'vitest';
import { add, Beta, Binomial, Exponential, Gamma, HalfCauchy, InverseGamma, LogitNormal, Model, Normal, Uniform, type ContinuousDistribution } from '../../src/index';
import { closedFormEntropy, estimateElbo, families, fit, iwae, logEvidence, pathwise, restoreFit, scoreFunction } from '../../src/vi/index';
import { familyCasesOf } from '../helpers/families';
import { exactElbo } from './helpers';

type ElboCase = { id: string; model: string; data: number[]; q: { dist: string; params: Record<string, number> }; expected: number; sampleStd: number; gradient: Record<string, number> };

const betaBinomial = (data: number[]) => new Model({ prior: { z: new Beta(2, 3) }, likelihood: ({ z }) => new Binomial(10, z), data });
const halfCauchyNormal = (data: number[]) => new Model({ prior: { z: new HalfCauchy(1) }, likelihood: ({ z }) => new Normal(0, z), data });
const qOf = (c: ElboCase): ContinuousDistribution =>
  c.q.dist === 'Beta' ? new Beta(c.q.params.alpha, c.q.params.beta) : new InverseGamma(c.q.params.shape, c.q.params.scale);
const modelOf = (c: ElboCase) => (c.model === 'betaBinomial' ? betaBinomial(c.data) : halfCauchyNormal(c.data));

const elboCases = (familyCasesOf('vi', 'elbo') as unknown as ElboCase[]).filter((c) => c.q.dist === 'Beta' || c.q.dist === 'InverseGamma');

describe('estimateElbo at the families.json ELBO cases of a Beta and an InverseGamma q', () => {
  it('finds both cases', () => expect(elboCases.map((c) => c.id)).toEqual(['fam.vi.0003', 'fam.vi.0010']));

  it.each(elboCases.map((c) => [c.id, c.q.dist, c] as const))('%s %s: value and gradient within 4 standard errors of the reference', (_id, _d, c) => {
    const model = modelOf(c);
    const q = qOf(c);
    const lj = (z: number): number => model.logJoint({ z });
    // The quadrature ELBO reproduces the reference, so the reference gradient can be checked by differences too.
    expect(Math.abs(exactElbo(lj, q) - c.expected)).toBeLessThan(1e-9 * Math.abs(c.expected));
    const N = 100_000;
    const r = estimateElbo(model, { z: q }, { samples: N, seed: 7 });
    expect(Math.abs(r.value - c.expected)).toBeLessThan(4 * r.stderr);
    // The reported stderr is the per-draw sd over √N; the reference gives the sd.
    expect(Math.abs(r.stderr * Math.sqrt(N) / c.sampleStd - 1)).toBeLessThan(0.05);
    const g = r.gradient.z as Record<string, number>;
    const se = r.gradientStderr.z as Record<string, number>;
    expect(Object.keys(g).sort()).toEqual(Object.keys(c.gradient).sort());
    for (const [name, exact] of Object.entries(c.gradient)) {
      expect(Math.abs(g[name] - exact), `∂ELBO/∂${name}`).toBeLessThan(4 * se[name]);
    }
  });

  it('RQMC base samples (two Sobol dimensions per Beta coordinate) stay unbiased', () => {
    for (const c of elboCases) {
      const r = estimateElbo(modelOf(c), { z: qOf(c) }, { samples: 32_768, seed: 3, baseSamples: 'rqmc' });
      expect(Math.abs(r.value - c.expected), c.id).toBeLessThan(4 * r.stderr);
    }
  });
});

describe('the exact posterior is recovered', () => {
  const bb = betaBinomial([3, 2, 5, 4, 2, 4, 3, 2]);
  const hc = halfCauchyNormal([0.0573, 1.516, 0.5737, 0.5188, -0.64, 1.0698, 1.4428, -0.701, -1.8913, -0.5819]);

  it('Beta guide on the Beta–Binomial model: Beta(27, 58) within 1%, converged, with sticking the landing (default) and pathwise', () => {
    for (const estimator of [undefined, pathwise]) {
      const r = fit(bb, { guide: { z: Beta }, seed: 1, ...(estimator === undefined ? {} : { estimator }) });
      const q = r.posterior.z;
      expect(q).toBeInstanceOf(Beta);
      expect(Math.abs(q.alpha / 27 - 1), String(q)).toBeLessThan(0.01);
      expect(Math.abs(q.beta / 58 - 1), String(q)).toBeLessThan(0.01);
      expect(r.converged).toBe(true);
    }
  });

  it('InverseGamma guide on the HalfCauchy–Normal model: the reference optimum (20.519, 21.889) within 1%', () => {
    const q = fit(hc, { guide: { z: InverseGamma }, seed: 1 }).posterior.z;
    expect(q).toBeInstanceOf(InverseGamma);
    expect(Math.abs(q.shape / 20.519095083806285 - 1)).toBeLessThan(0.01);
    expect(Math.abs(q.scale / 21.889147940538194 - 1)).toBeLessThan(0.01);
  });

  it('the closed-form-entropy, IWAE and score-function estimators reach the optimum ELBO within 1e-3 nats in 1000 steps', () => {
    // (The closed-form-entropy estimator gets there without meeting the stopping rule:
    // its gradient noise at the optimum is not explained by the control variates.)
    for (const [model, F, opt] of [[bb, Beta, -13.962878172661542], [hc, InverseGamma, -16.37997720041746]] as const) {
      const m = model as Model<{ z: ContinuousDistribution }>;
      for (const estimator of [closedFormEntropy, iwae, scoreFunction]) {
        const q = fit(m, { guide: { z: F } as never, estimator, samples: 8, seed: 2, maxSteps: 1000 }).posterior.z;
        const gap = opt - exactElbo((z) => m.logJoint({ z }), q);
        expect(gap, `${estimator.name}: ${String(q)}`).toBeGreaterThan(-1e-9);
        expect(gap, `${estimator.name}: ${String(q)}`).toBeLessThan(1e-3);
      }
    }
  });

  it('log evidence with the fitted Beta (the exact posterior) has near-zero spread', () => {
    const r = fit(bb, { guide: { z: Beta }, seed: 1 });
    const ev = logEvidence(bb, r.posterior, { samples: 4000, seed: 1 });
    expect(Math.abs(ev.value - -13.962878172661542)).toBeLessThan(1e-3);
  });
});

describe('draws, summaries and saved fits', () => {
  const model = new Model({
    prior: { p: new Beta(2, 3), s: new HalfCauchy(1), m: new Normal(0, 1) },
    likelihood: ({ p, s, m }) => new Normal(add(m, p), s),
    data: [0.4, 1.1, 0.9, 0.2],
  });

  it('joint draws follow the fitted Beta and InverseGamma; a saved fit restores to the same numbers', () => {
    const r = fit(model, { guide: { p: Beta, s: InverseGamma }, seed: 1, maxSteps: 400, convergence: false });
    const p = r.posterior.p;
    const s = r.posterior.s;
    expect(p).toBeInstanceOf(Beta);
    expect(s).toBeInstanceOf(InverseGamma);
    const n = 20_000;
    const draws = r.sample(n, { seed: 5 });
    for (const [x, q] of [[draws.p, p], [draws.s, s]] as const) {
      // The fraction of draws below the fitted median: Binomial(n, ½), sd ½/√n.
      const below = x.filter((v) => v < q.quantile(0.5)).length / n;
      expect(Math.abs(below - 0.5)).toBeLessThan(4 * 0.5 / Math.sqrt(n));
    }
    const back = restoreFit(model, JSON.stringify(r));
    expect(back.guide.paramNames).toEqual(['p.logConcentration', 'p.logitMean', 's.logShape', 's.logHarmonicMean', 'm.mu', 'm.logSigma']);
    expect(back.posterior.p).toEqual(p);
    expect(back.posterior.s).toEqual(s);
    expect(back.sample(10, { seed: 2 })).toEqual(r.sample(10, { seed: 2 }));
    expect(back.elbo).toBe(r.elbo);
    expect(back.summary().map((row) => row.name)).toEqual(['p', 's', 'm']);
  });
});

describe('latents the families do not fit', () => {
  const model = new Model({
    prior: { z: new Exponential(1), w: new Normal(0, 1), p: new Beta(2, 2), u: new Uniform(2, 5) },
    likelihood: ({ w }) => new Normal(w, 1),
    data: [0.3],
  });
  const untyped = model as unknown as Model<Record<string, ContinuousDistribution>>;

  it('Beta needs a latent in (0, 1) with the logit bijection; InverseGamma a positive latent', () => {
    expect(() => families({ z: Beta }).build(untyped)).toThrow('guide: family Beta (support (0, 1)) does not fit latent "z" (support nonNegative); use LogNormal, Gamma, Exponential or InverseGamma');
    expect(() => families({ u: Beta }).build(untyped)).toThrow('guide: family Beta needs latent "u" to use the logit bijection, got interval(2, 5)');
    expect(() => families({ p: InverseGamma }).build(untyped)).toThrow('guide: family InverseGamma (support positive) does not fit latent "p" (support interval); use LogitNormal or Beta');
    expect(() => families({ w: Gamma }).build(untyped)).toThrow(/; use Normal$/);
    // The hint names only the families that fit: Beta does not fit the interval (2, 5).
    expect(() => families({ u: Gamma }).build(untyped)).toThrow(/\(support interval\); use LogitNormal$/);
    expect(() => families({ p: Beta, u: LogitNormal, z: InverseGamma }).build(untyped)).not.toThrow();
  });

  it('a q of another family names every guide family', () => {
    expect(() => estimateElbo(model, { z: new HalfCauchy(1), w: new Normal(0, 1), p: new Beta(2, 2), u: new LogitNormal(0, 1, 2, 5) } as never)).toThrow(
      'q: latent "z" needs a Normal, LogNormal, Gamma, Exponential, InverseGamma, LogitNormal or Beta, got HalfCauchy',
    );
  });
});
