/**
 * A user-defined distribution (issue #12, "a documented interface"), written only in
 * the tests (test/testing/laplace.ts) as docs/writing-models.md shows: Laplace(μ, b) extends
 * `ContinuousDistribution`, reads its parameters through `scalarValue` (a model
 * passes boxed scalars under differentiation) and keeps the raw arguments in
 * `operands`, and writes exact partials in `logPdfPartials`. It then works as a
 * prior and as a likelihood, with exact gradients, and in a fit.
 */
import { describe, expect, it } from 'vitest';
import { Model, Normal } from '../../src/index';
import { Laplace } from '../testing/laplace';
import { fit } from '../../src/vi/index';
import { finiteDiff, maxRelDiff } from './helpers';

const data = [0.3, -1.2, 2.5, 0.9, 0.1, 1.7];

describe('a user-defined distribution in a model', () => {
  it('as a likelihood with latent parameters: log joint and exact gradient', () => {
    const m = new Model({ prior: { mu: new Normal(0, 3), b: new Normal(1, 0.1) }, likelihood: ({ mu, b }) => new Laplace(mu, b), data });
    const z = { mu: 0.4, b: 1.1 };
    let want = new Normal(0, 3).logPdf(0.4) + new Normal(1, 0.1).logPdf(1.1);
    for (const x of data) want += new Laplace(0.4, 1.1).logPdf(x);
    expect(m.logJoint(z)).toBeCloseTo(want, 12);
    const g = m.gradLogJoint(z);
    const fd = finiteDiff((v) => m.logJoint({ mu: v[0], b: v[1] }), Float64Array.of(0.4, 1.1));
    expect(maxRelDiff(Float64Array.of(g.mu, g.b), fd)).toBeLessThan(1e-6);
  });

  it('as a prior (per-datum likelihood through the tape): exact gradient on the unconstrained space', () => {
    const m = new Model({ prior: { theta: new Laplace(0, 2) }, likelihood: ({ theta }, i) => new Normal(theta, 1 + 0 * i), data });
    const u = Float64Array.of(0.7);
    const g = new Float64Array(1);
    m.logDensityGradient(u, g);
    expect(maxRelDiff(g, finiteDiff((x) => m.logDensity(x), u))).toBeLessThan(1e-6);
  });

  it('fits like a built-in family', () => {
    const m = new Model({ prior: { mu: new Laplace(0, 1) }, likelihood: ({ mu }) => new Laplace(mu, 1), data });
    const r = fit(m, { seed: 1 });
    const q = r.posterior.mu as Normal;
    // The posterior median of a Laplace location sits between the data's middle values.
    expect(q.mu).toBeGreaterThan(0.1);
    expect(q.mu).toBeLessThan(0.9);
    expect(r.converged).toBe(true);
  });
});
