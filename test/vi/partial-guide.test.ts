/**
 * Per-latent guide records may be partial: the latents a record leaves out get the
 * default Gaussian coordinate (Normal, LogNormal or LogitNormal on their own space).
 */
import { describe, expect, it } from 'vitest';
import { Beta, Bernoulli, Gamma, HalfNormal, LogitNormal, LogNormal, Model, Normal, type DifferentiableModel } from '../../src/index';
import { families, fit, restoreFit } from '../../src/vi/index';

// y_i ~ Normal(mu, tau) for the first four data and Bernoulli(p) for the rest: one
// latent of each kind of support (real, positive, interval).
const y = [1.1, 0.4, 2.3, 1.7];
const flips = [1, 0, 1, 1, 1, 0];
const model = new Model({
  prior: { mu: new Normal(0, 5), tau: new HalfNormal(2), p: new Beta(2, 2) },
  likelihood: ({ mu, tau, p }, i) => (i < y.length ? new Normal(mu, tau) : new Bernoulli(p)),
  data: [...y, ...flips],
});
const opts = { seed: 3, maxSteps: 1500 } as const;

describe('a partial guide record', () => {
  it('fits the named latent with its family and the others with the default', () => {
    const r = fit(model, { guide: { tau: Gamma }, ...opts });
    expect(r.posterior.tau).toBeInstanceOf(Gamma);
    expect(r.posterior.mu).toBeInstanceOf(Normal);
    expect(r.posterior.p).toBeInstanceOf(LogitNormal);
    expect(r.paramNames).toEqual(['mu.mu', 'mu.logSigma', 'tau.logShape', 'tau.logMean', 'p.mu', 'p.logSigma']);
  });

  it('is exactly the full record with the default families written out', () => {
    const partial = fit(model, { guide: { tau: Gamma }, ...opts });
    const full = fit(model, { guide: { mu: Normal, tau: Gamma, p: LogitNormal }, ...opts });
    expect(Array.from(partial.params)).toEqual(Array.from(full.params));
    expect(partial.steps).toBe(full.steps);
  });

  it('families(record) takes a partial record too; an empty one is all defaults', () => {
    const r = fit(model, { guide: families({ p: LogitNormal }), ...opts });
    expect(r.posterior.tau).toBeInstanceOf(LogNormal);
    const all = fit(model, { guide: families({}), ...opts });
    expect(all.paramNames).toEqual(['mu.mu', 'mu.logSigma', 'tau.mu', 'tau.logSigma', 'p.mu', 'p.logSigma']);
  });

  it('survives toJSON / restoreFit with the families of every latent', () => {
    const r = fit(model, { guide: { tau: Gamma }, ...opts });
    const again = restoreFit(model, JSON.parse(JSON.stringify(r)));
    expect(again.posterior.tau).toBeInstanceOf(Gamma);
    expect(again.posterior.mu).toBeInstanceOf(Normal);
    expect(String(again.posterior.tau)).toBe(String(r.posterior.tau));
  });

  it('still refuses a name that is not a latent, and a family that does not fit (hand-written model: run time)', () => {
    const untyped: DifferentiableModel = model;
    expect(() => fit(untyped, { guide: { sigma: Gamma } })).toThrow(/latent "sigma" is not in the model/);
    expect(() => fit(untyped, { guide: { mu: Gamma } })).toThrow(/Gamma \(support positive\) does not fit latent "mu"/);
    expect(() => fit(untyped, { guide: { p: LogNormal } })).toThrow(/does not fit latent "p"/);
  });
});
