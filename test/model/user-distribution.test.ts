/**
 * A user-defined distribution (issue #12, "a documented interface"), written only in
 * this file as docs/writing-models.md shows: Laplace(μ, b) extends
 * `ContinuousDistribution`, reads its parameters through `scalarValue` (a model
 * passes boxed scalars under differentiation) and keeps the raw arguments in
 * `operands`, and writes exact partials in `logPdfPartials`. It then works as a
 * prior and as a likelihood, with exact gradients, and in a fit.
 */
import { describe, expect, it } from 'vitest';
import { ContinuousDistribution, InvalidParameterError, Model, Normal, real, scalarValue, type Rng, type Support } from '../../src/index';
import { fit } from '../../src/vi/index';
import { finiteDiff, maxRelDiff } from './helpers';

class Laplace extends ContinuousDistribution {
  readonly name = 'Laplace';
  readonly paramNames: readonly string[] = ['mu', 'b'];
  readonly support: Support = real;
  readonly operands: readonly number[];
  readonly mu: number;
  readonly b: number;

  constructor(mu: number, b: number) {
    super();
    const m = scalarValue(mu);
    const s = scalarValue(b);
    if (!Number.isFinite(m)) throw new InvalidParameterError('Laplace', 'mu', 'finite', m);
    if (!(s > 0 && s < Infinity)) throw new InvalidParameterError('Laplace', 'b', '> 0 and finite', s);
    this.mu = m;
    this.b = s;
    this.operands = [mu, b];
  }

  logPdf(x: number): number {
    return -Math.LN2 - Math.log(this.b) - Math.abs(x - this.mu) / this.b;
  }
  cdf(x: number): number {
    const z = (x - this.mu) / this.b;
    return z < 0 ? 0.5 * Math.exp(z) : 1 - 0.5 * Math.exp(-z);
  }
  logCdf(x: number): number {
    const z = (x - this.mu) / this.b;
    return z < 0 ? z - Math.LN2 : Math.log1p(-0.5 * Math.exp(-z));
  }
  survival(x: number): number {
    return this.cdf(2 * this.mu - x);
  }
  logSurvival(x: number): number {
    return this.logCdf(2 * this.mu - x);
  }
  mean(): number {
    return this.mu;
  }
  variance(): number {
    return 2 * this.b * this.b;
  }
  mode(): number {
    return this.mu;
  }
  entropy(): number {
    return 1 + Math.LN2 + Math.log(this.b);
  }
  /** ∂/∂x = −sign(x − μ)/b, ∂/∂μ = sign(x − μ)/b, ∂/∂b = (|x − μ|/b − 1)/b. */
  logPdfPartials(x: number, out: Float64Array): number {
    const d = x - this.mu;
    const sgn = d > 0 ? 1 : d < 0 ? -1 : 0;
    out[0] = -sgn / this.b;
    out[1] = sgn / this.b;
    out[2] = (Math.abs(d) / this.b - 1) / this.b;
    return this.logPdf(x);
  }
  protected draw(rng: Rng): number {
    const e = rng.exponential();
    return rng.uniform() < 0.5 ? this.mu - this.b * e : this.mu + this.b * e;
  }
  protected quantileInside(p: number): number {
    return p < 0.5 ? this.mu + this.b * Math.log(2 * p) : this.mu - this.b * Math.log(2 * (1 - p));
  }
}

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
