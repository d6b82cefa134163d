/**
 * Hierarchical priors: a prior entry that is a function of earlier latents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential, Model, ModelError, Normal, plate } from '../../src/index';
import { finiteDiff, maxRelDiff } from './helpers';

// A small "eight schools": tau ~ Exp(1), mu ~ N(0, 5), theta_j ~ N(mu, tau), y_j ~ N(theta_j, s_j).
const y = [2.8, 0.8, -0.3];
const s = [1.5, 1.0, 1.6];
const model = new Model({
  prior: {
    tau: new Exponential(1),
    mu: new Normal(0, 5),
    theta: ({ mu, tau }: { mu: number; tau: number }) => plate(new Normal(mu, tau), 3),
  },
  likelihood: ({ theta }, i) => new Normal(theta[i], s[i]),
  data: y,
});

const point = fc.record({
  tau: fc.double({ min: 0.1, max: 4, noNaN: true }),
  mu: fc.double({ min: -3, max: 3, noNaN: true }),
  theta: fc.float64Array({ minLength: 3, maxLength: 3, min: -3, max: 3, noNaN: true }),
});

describe('hierarchical priors', () => {
  it('the value is the sum of the conditional densities', () => {
    fc.assert(
      fc.property(point, (p) => {
        let want = new Exponential(1).logPdf(p.tau) + new Normal(0, 5).logPdf(p.mu);
        for (let j = 0; j < 3; j++) want += new Normal(p.mu, p.tau).logPdf(p.theta[j]) + new Normal(p.theta[j], s[j]).logPdf(y[j]);
        const got = model.logJoint(p);
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want));
        expect(Math.abs(got - model.logPrior(p) - model.logLikelihood(p))).toBeLessThanOrEqual(1e-12 * Math.abs(want));
      }),
    );
  });

  it('gradients agree with finite differences (latents and unconstrained)', () => {
    fc.assert(
      fc.property(point, (p) => {
        const g = model.gradLogJoint(p);
        const x = new Float64Array([p.tau, p.mu, ...p.theta]);
        const fd = finiteDiff((v) => model.logJoint({ tau: v[0], mu: v[1], theta: v.subarray(2) }), x);
        expect(maxRelDiff([g.tau, g.mu, ...g.theta], fd)).toBeLessThanOrEqual(1e-6);
        const u = model.unconstrain(p);
        const gu = new Float64Array(model.dim);
        model.logDensityGradient(u, gu);
        expect(maxRelDiff(gu, finiteDiff((v) => model.logDensity(v), u))).toBeLessThanOrEqual(1e-6);
      }),
    );
  });

  it('outside the support: -Infinity, no throw, even though Normal(mu, tau < 0) cannot be built', () => {
    const p = { tau: -1, mu: 0, theta: new Float64Array(3) };
    expect(model.logJoint(p)).toBe(-Infinity);
    expect(model.logPrior(p)).toBe(-Infinity);
    expect(model.gradLogJoint(p).tau).toBe(0);
    expect(model.logDensity(new Float64Array([-800, 0, 0, 0, 0]))).toBe(-Infinity);
  });

  it('layout and errors', () => {
    expect(model.blocks.map((b) => [b.name, b.offset, b.size, b.bijection.name])).toEqual([
      ['tau', 0, 1, 'exp'],
      ['mu', 1, 1, 'identity'],
      ['theta', 2, 3, 'identity'],
    ]);
    expect(
      () => new Model({ prior: { a: ({ b }: { b: number }) => new Normal(b, 1), b: new Normal(0, 1) }, likelihood: () => new Normal(0, 1), data: [] }),
    ).toThrow(ModelError);
    const shifty = new Model({
      prior: { m: new Normal(0, 1), v: ({ m }: { m: number }) => plate(new Normal(0, 1), m > 0 ? 2 : 3) },
      likelihood: () => new Normal(0, 1),
      data: [],
    });
    expect(() => shifty.logJoint({ m: 1, v: new Float64Array(2) })).toThrow(ModelError);
  });
});
