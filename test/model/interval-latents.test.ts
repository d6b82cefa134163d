/**
 * Latents with a bounded support (a Uniform prior here; Beta priors use the same
 * transform): the scaled logistic bijection on every evaluation path (single rows,
 * batches, the i.i.d. kernel and the tape), exact gradients, and a mean-field fit
 * that returns a LogitNormal matching the exact posterior.
 */
import { describe, expect, it } from 'vitest';
import { add, LogitNormal, Model, ModelError, Normal, plate, Uniform } from '../../src/index';
import { integrate } from '../../src/math/quadrature';
import { fit } from '../../src/vi/index';
import { finiteDiff, maxRelDiff } from './helpers';

const data = [0.9, 1.4, 2.2, 1.7];

/** z ~ Uniform(−1, 3), xᵢ ~ Normal(z, 0.8): i.i.d. (kernel path) and per datum (tape path). */
const iid = (): Model<{ z: Uniform }> => new Model({ prior: { z: new Uniform(-1, 3) }, likelihood: ({ z }) => new Normal(z, 0.8), data });
const perDatum = (): Model<{ z: Uniform }> =>
  new Model({ prior: { z: new Uniform(-1, 3) }, likelihood: ({ z }, i) => new Normal(z, 0.8 + 0 * i), data });

describe('interval latents', () => {
  it('the unconstrained density is log p(T(u)) + log|T′(u)| on every path, with exact gradients', () => {
    for (const m of [iid(), perDatum()]) {
      for (const u of [-4, -0.3, 0, 0.7, 5]) {
        const z = -1 + 4 / (1 + Math.exp(-u));
        const jac = Math.log(4) - Math.abs(u) - 2 * Math.log1p(Math.exp(-Math.abs(u)));
        const want = m.logJoint({ z }) + jac;
        const uu = Float64Array.of(u);
        expect(m.logDensity(uu)).toBeCloseTo(want, 12);
        const g = new Float64Array(1);
        expect(m.logDensityGradient(uu, g)).toBeCloseTo(want, 12);
        const fd = finiteDiff((x) => m.logDensity(x), uu);
        expect(maxRelDiff(g, fd)).toBeLessThan(1e-6);
        // Batches give the single rows' bits.
        const us = Float64Array.of(u, u + 0.25);
        const out = new Float64Array(2);
        const grads = new Float64Array(2);
        m.logDensityGradientBatch(us, 2, grads, out);
        expect(out[0]).toBe(m.logDensityGradient(uu, g));
        expect(grads[0]).toBe(g[0]);
      }
    }
  });

  it('a plate of interval latents mixed with real ones', () => {
    const m = new Model({
      prior: { a: new Normal(0, 1), p: plate(new Uniform(0, 1), 3) },
      likelihood: ({ a, p }, i) => new Normal(add(a, p[i % 3]), 1),
      data: [0.2, 0.9, 0.4, 1.1],
    });
    const u = Float64Array.of(0.3, -1.2, 0.4, 2.5);
    const g = new Float64Array(4);
    m.logDensityGradient(u, g);
    expect(maxRelDiff(g, finiteDiff((x) => m.logDensity(x), u))).toBeLessThan(1e-6);
    expect(Array.from(m.constrain(u).p).every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('a support that moves with another latent is refused with a ModelError naming the latent', () => {
    const m = new Model({
      prior: { tau: new Uniform(1, 2), z: ({ tau }) => new Uniform(0, tau) },
      likelihood: ({ z }) => new Normal(z, 1),
      data: [0.5],
    });
    expect(() => m.logJoint({ tau: 1.2, z: 0.5 })).toThrow(ModelError);
    expect(() => m.logJoint({ tau: 1.2, z: 0.5 })).toThrow(/support of latent "z" changed/);
  });

  it('the default fit returns a LogitNormal on the interval close to the exact posterior', () => {
    const m = iid();
    const r = fit(m, { seed: 1 });
    const q = r.posterior.z as unknown as LogitNormal;
    expect(q).toBeInstanceOf(LogitNormal);
    expect([q.low, q.high]).toEqual([-1, 3]);
    // Exact posterior moments by quadrature on z.
    const lj = (z: number): number => m.logJoint({ z });
    const c = lj(1.5);
    const Z = integrate((z) => Math.exp(lj(z) - c), -1, 3, { relTol: 1e-12 }).value;
    const mean = integrate((z) => z * Math.exp(lj(z) - c), -1, 3, { relTol: 1e-12 }).value / Z;
    const sd = Math.sqrt(integrate((z) => (z - mean) ** 2 * Math.exp(lj(z) - c), -1, 3, { relTol: 1e-12 }).value / Z);
    // The posterior is nearly Gaussian well inside the interval: the logit-normal fit is close.
    expect(Math.abs(q.mean() - mean) / sd).toBeLessThan(0.05);
    expect(Math.abs(q.stddev() / sd - 1)).toBeLessThan(0.05);
    expect(r.converged).toBe(true);
  });
});
