import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, kl, LogNormal, Normal } from '../../src/index';
import { Model } from '../../src/model/model';
import type { DifferentiableModel } from '../../src/model/differentiable-model';
import { adam, fit, fitSteps, FitError, fullRank, logEvidence, psisKhat } from '../../src/vi/index';
import { conjugateCases, expNormalModel, handSeedModel } from './helpers';

const seedData = [1.3];

describe('conjugate models: KL(fitted q ‖ exact posterior) ≤ 1e-3', () => {
  for (const c of conjugateCases('posterior')) {
    it(`${c.id}: ${c.model}`, () => {
      const exact = c.expected.params;
      let q;
      let post;
      if (c.model === 'normalNormal') {
        const model = new Model({ prior: { z: new Normal(0, 2) }, likelihood: ({ z }) => new Normal(z, 0.5), data: c.data });
        q = fit(model, { guide: { z: Normal }, seed: 1 }).posterior.z as Normal;
        post = new Normal(exact.mu, exact.sigma);
        const qd = fit(model, { seed: 2 }).posterior.z as Normal;
        expect(kl(qd, post)).toBeLessThan(1e-3);
      } else {
        const model = new Model({ prior: { z: new Gamma(2, 1) }, likelihood: ({ z }) => new Exponential(z), data: c.data });
        q = fit(model, { guide: { z: Gamma }, seed: 1 }).posterior.z as Gamma;
        post = new Gamma(exact.shape, exact.rate);
      }
      const d = kl(q, post);
      console.log(`${c.id}: KL(q ‖ posterior) = ${d.toExponential(2)}`);
      expect(d).toBeLessThan(1e-3);
    });
  }
});

describe('PSIS k̂', () => {
  it('k̂ < 0.5 when q is (nearly) the posterior: conjugate fits', () => {
    const nn = conjugateCases('posterior').find((c) => c.model === 'normalNormal')!;
    const m1 = new Model({ prior: { z: new Normal(0, 2) }, likelihood: ({ z }) => new Normal(z, 0.5), data: nn.data });
    const r1 = fit(m1, { guide: { z: Normal }, seed: 1 });
    const ge = conjugateCases('posterior').find((c) => c.model === 'gammaExponential')!;
    const m2 = new Model({ prior: { z: new Gamma(2, 1) }, likelihood: ({ z }) => new Exponential(z), data: ge.data });
    const r2 = fit(m2, { guide: { z: Gamma }, seed: 1 });
    console.log(`k̂: normalNormal ${r1.diagnostics.khat.toFixed(2)}, gammaExponential ${r2.diagnostics.khat.toFixed(2)}`);
    expect(r1.diagnostics.khat).toBeLessThan(0.5);
    expect(r1.diagnostics.khatReading).toBe('good');
    expect(r2.diagnostics.khat).toBeLessThan(0.5);
  });

  it('seed model, LogNormal fit: k̂ reports the heavy ratio tail (deviation from the issue, see notes)', () => {
    // p(z | x) is a Normal truncated at 0 with p(0) > 0, so in u = log z the posterior
    // has an exponential left tail e^u while q's is Gaussian: log(p/q) grows like ε²/2
    // and the ratios have tail index 1. Any correct k̂ is > 0.7 here (ArviZ's _gpdfit
    // port in numpy gives 0.6 to 1.2 at n = 1000 and > 1 at n = 2000).
    const l1 = fit(expNormalModel(seedData), { guide: { z: LogNormal }, seed: 1 });
    console.log(`k̂ LogNormal/seed ${l1.diagnostics.khat.toFixed(2)} (${l1.diagnostics.khatReading})`);
    expect(l1.diagnostics.khat).toBeGreaterThan(0.7);
  });

  it('k̂ > 0.7 for a much too narrow q', () => {
    const r = logEvidence(expNormalModel(seedData), { z: new LogNormal(-0.32, 0.1) }, { samples: 4000, seed: 1 });
    expect(r.pareto.khat).toBeGreaterThan(0.7);
    expect(r.pareto.reading).toBe('poor');
  });

  it('k̂ of a light-tailed ratio is < 0.5 and of Pareto(ξ = 0.9) ratios > 0.7', () => {
    let s = 1;
    const u = () => ((s = (s * 48271) % 2147483647) / 2147483647);
    const light = Float64Array.from({ length: 4000 }, () => -Math.abs(u() - 0.5));
    expect(psisKhat(light).khat).toBeLessThan(0.5);
    const heavy = Float64Array.from({ length: 4000 }, () => -0.9 * Math.log(u()));
    expect(psisKhat(heavy).khat).toBeGreaterThan(0.7);
  });
});

describe('fit: reproducibility, step-wise form, full rank', () => {
  it('same seed, same result; fitSteps gives the same result as fit', () => {
    const m = expNormalModel(seedData);
    const a = fit(m, { seed: 42 });
    const b = fit(m, { seed: 42 });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(a.elbo).toBe(b.elbo);
    const it = fitSteps(m, { seed: 42 });
    let r = it.next();
    while (!r.done) r = it.next();
    expect(Array.from(r.value.params)).toEqual(Array.from(a.params));
    expect(a.trace.length).toBe(a.steps);
  });

  it('the final ELBO, log evidence and k̂ are evaluated on first read: the same numbers in any order, and in JSON', () => {
    const m = expNormalModel(seedData);
    const a = fit(m, { guide: { z: LogNormal }, seed: 7 });
    const b = fit(m, { guide: { z: LogNormal }, seed: 7 });
    // Fit more in between: the evaluation has its own stream, so nothing else moves it.
    fit(m, { seed: 8 });
    const ka = a.diagnostics.khat;
    const ea = a.elbo;
    const eb = b.elbo;
    expect(eb).toBe(ea);
    expect(b.diagnostics.khat).toBe(ka);
    expect(b.diagnostics.logEvidence).toEqual(a.diagnostics.logEvidence);
    expect(a.elboStderr).toBe(b.elboStderr);
    expect(Number.isFinite(ea) && ea < a.diagnostics.logEvidence.value).toBe(true);
    const json = JSON.parse(JSON.stringify(a.diagnostics));
    expect(json.khat).toBe(ka);
    expect(json.khatReading).toBe(a.diagnostics.khatReading);
    expect(Object.keys(JSON.parse(JSON.stringify(b)))).toEqual(expect.arrayContaining(['elbo', 'elboStderr', 'posterior', 'diagnostics']));
    // Read once, then plain values.
    expect(Object.getOwnPropertyDescriptor(a, 'elbo')?.get).toBeUndefined();
  });

  it('fitSteps checks its options when called, not at the first next()', () => {
    expect(() => fitSteps(expNormalModel(seedData), { samples: 0 })).toThrow(RangeError);
  });

  it('onStep can stop early', () => {
    const r = fit(expNormalModel(seedData), { seed: 1, onStep: (p) => p.step < 100 });
    expect(r.steps).toBe(100);
    expect(r.diagnostics.stopReason).toBe('stopped');
  });

  it('works on a hand-written DifferentiableModel; fullRank gives the same optimum in 1-D', () => {
    const r = fit(handSeedModel(seedData), { guide: fullRank(), seed: 3 });
    const q = r.posterior.z as LogNormal;
    expect(q).toBeInstanceOf(LogNormal);
    expect(Math.abs(q.mu + 0.32017581845657467)).toBeLessThan(2e-2);
    expect(r.unconstrained?.covariance.length).toBe(1);
  });
});

describe('faults', () => {
  it('a model whose log joint is NaN in a region: recovered, or FitError; never NaN parameters', () => {
    const base = handSeedModel(seedData);
    const nanModel: DifferentiableModel = {
      ...base,
      logDensity: (u) => (u[0] > 0.6 ? NaN : base.logDensity(u)),
      logDensityGradient: (u, g) => {
        const v = base.logDensityGradient(u, g);
        if (u[0] > 0.6) {
          g[0] = NaN;
          return NaN;
        }
        return v;
      },
    };
    let r;
    try {
      r = fit(nanModel, { guide: { z: LogNormal }, seed: 1, maxSteps: 2000 });
    } catch (e) {
      expect(e).toBeInstanceOf(FitError);
      const fe = e as FitError;
      expect(fe.latent).toBe('z');
      expect(['log joint', 'gradient', 'ELBO']).toContain(fe.quantity);
      expect(fe.message).toMatch(/step \d+/);
      return;
    }
    expect(r.diagnostics.rejectedSteps).toBeGreaterThan(0);
    const q = r.posterior.z as LogNormal;
    expect(Number.isFinite(q.mu) && Number.isFinite(q.sigma)).toBe(true);
    expect(r.params.every(Number.isFinite)).toBe(true);
  });

  it('a model whose log joint is always NaN throws a FitError naming step, latent and quantity', () => {
    const base = handSeedModel(seedData);
    const bad: DifferentiableModel = { ...base, logDensity: () => NaN, logDensityGradient: () => NaN };
    expect(() => fit(bad, { seed: 1, optimizer: adam({ lr: 0.1 }) })).toThrow(FitError);
    try {
      fit(bad, { seed: 1, optimizer: adam({ lr: 0.1 }) });
    } catch (e) {
      const fe = e as FitError;
      expect(fe.step).toBe(1);
      expect(fe.latent).toBe('z');
      expect(fe.quantity).toBe('log joint');
      expect(fe.message).toContain('log joint became NaN at step 1 (latent "z")');
    }
  });

  it('a far too large step size recovers (rejected steps) with finite parameters', () => {
    const r = fit(expNormalModel(seedData), { seed: 1, optimizer: adam({ lr: 1000 }), maxSteps: 3000 });
    expect(r.params.every(Number.isFinite)).toBe(true);
    const q = r.posterior.z as LogNormal;
    expect(Number.isFinite(q.mu) && Number.isFinite(q.sigma)).toBe(true);
    expect(Number.isFinite(r.elbo)).toBe(true);
  });

  it('invalid options name the option and the value', () => {
    const m = expNormalModel(seedData);
    expect(() => fit(m, { samples: 0 })).toThrow('fit: samples must be a positive integer, got 0');
    expect(() => fit(m, { maxSteps: 1.5 })).toThrow('fit: maxSteps must be a positive integer, got 1.5');
    expect(() => adam({ lr: -1 })).toThrow('adam: lr must be > 0 and finite, got -1');
    // @ts-expect-error Normal does not fit the positive latent z: a compile-time error for a typed Model.
    expect(() => fit(m, { guide: { z: Normal } })).toThrow(/Normal \(support real\) does not fit latent "z"/);
    expect(() => fit(m, { guide: { y: LogNormal } as never })).toThrow(/latent "y" is not in the model/);
  });
});
