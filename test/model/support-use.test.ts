/**
 * A prior whose support does not fit how the likelihood uses the latent is caught by
 * `checkPriorSupports` (which `fit` calls before it starts), with what to write
 * instead (issue #12).
 */
import { describe, expect, it } from 'vitest';
import { Cauchy, exp, Exponential, HalfNormal, Model, ModelError, Normal, plate } from '../../src/index';

describe('prior support against the likelihood', () => {
  it("Stan's sigma ~ normal(0, 10) written as a Normal prior → ModelError suggesting HalfNormal(10)", () => {
    const build = (): unknown =>
      new Model({ prior: { mu: new Normal(0, 5), sigma: new Normal(0, 10) }, likelihood: ({ mu, sigma }) => new Normal(mu, sigma), data: [1, 2] }).checkPriorSupports();
    expect(build).toThrow(ModelError);
    expect(build).toThrow(/latent "sigma" has a Normal prior \(the whole real line\) but the likelihood passes it as Normal's sigma, which must be > 0; give it a positive prior, e.g\. HalfNormal\(10\)/);
  });
  it('names the plate element and suggests HalfCauchy for a Cauchy prior', () => {
    expect(() => new Model({ prior: { s: plate(new Cauchy(0, 2), 3) }, likelihood: ({ s }, i) => new Normal(0, s[i % 3]), data: [1, 2, 3] }).checkPriorSupports()).toThrow(
      /latent "s\[0\]" has a Cauchy prior .* e\.g\. HalfCauchy\(2\)/,
    );
  });
  it('a rate with a real prior is caught too', () => {
    expect(() => new Model({ prior: { r: new Normal(1, 1) }, likelihood: ({ r }) => new Exponential(r), data: [1] }).checkPriorSupports()).toThrow(/Exponential's rate, which must be > 0/);
  });
  it('correct models are untouched: positive priors, and real latents used through exp', () => {
    expect(() => new Model({ prior: { sigma: new HalfNormal(10) }, likelihood: ({ sigma }) => new Normal(0, sigma), data: [1] }).checkPriorSupports()).not.toThrow();
    expect(() => new Model({ prior: { logSigma: new Normal(0, 1) }, likelihood: ({ logSigma }) => new Normal(0, exp(logSigma)), data: [1] }).checkPriorSupports()).not.toThrow();
    const m = new Model({ prior: { mu: new Normal(0, 1) }, likelihood: ({ mu }) => new Normal(mu, 1), data: [1] });
    expect(() => m.checkPriorSupports()).not.toThrow();
    // Evaluations after the check are unchanged.
    expect(m.logJoint({ mu: 0.5 })).toBeCloseTo(new Normal(0, 1).logPdf(0.5) + new Normal(0.5, 1).logPdf(1), 14);
  });
  it('evaluations keep their semantics (the unconstrained density is −∞ at a negative scale); the check is explicit', () => {
    const m = new Model({ prior: { sigma: new Normal(0, 10) }, likelihood: ({ sigma }) => new Normal(0, sigma), data: [1] });
    expect(m.logDensity(Float64Array.of(-1))).toBe(-Infinity);
  });
});
