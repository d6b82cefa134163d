/**
 * `factor`: an extra differentiable term of the log joint (Stan's `target +=`), on
 * every evaluation path, with exact gradients, and in a fit.
 */
import { describe, expect, it } from 'vitest';
import { add, Exponential, Model, ModelError, mul, Normal, plate, square, sub } from '../../src/index';
import { fit } from '../../src/vi/index';
import { finiteDiff, maxRelDiff } from './helpers';

const data = [0.4, 1.1, 0.7];
const soft = (a: number, b: number): number => mul(-50, square(sub(add(a, b), 1)));

describe('factor', () => {
  const withFactor = (): Model<{ a: Normal; b: Normal }> =>
    new Model({ prior: { a: new Normal(0, 1), b: new Normal(0, 1) }, likelihood: ({ a }) => new Normal(a, 1), data, factor: ({ a, b }) => soft(a, b) });
  const without = (): Model<{ a: Normal; b: Normal }> => new Model({ prior: { a: new Normal(0, 1), b: new Normal(0, 1) }, likelihood: ({ a }) => new Normal(a, 1), data });

  it('adds its term to logJoint and the unconstrained density, not to logLikelihood', () => {
    const m = withFactor();
    const base = without();
    const z = { a: 0.3, b: 0.5 };
    const term = -50 * (0.3 + 0.5 - 1) ** 2;
    expect(m.logJoint(z)).toBeCloseTo(base.logJoint(z) + term, 12);
    expect(m.logLikelihood(z)).toBe(base.logLikelihood(z));
    const u = Float64Array.of(0.3, 0.5);
    expect(m.logDensity(u)).toBeCloseTo(base.logDensity(u) + term, 12);
  });

  it('has exact gradients on the single-row and batch paths (the kernel fast path is off)', () => {
    const m = withFactor();
    for (const u of [Float64Array.of(0.3, 0.5), Float64Array.of(-1.2, 2.2)]) {
      const g = new Float64Array(2);
      const v = m.logDensityGradient(u, g);
      expect(v).toBe(m.logDensity(u));
      expect(maxRelDiff(g, finiteDiff((x) => m.logDensity(x), u))).toBeLessThan(1e-6);
      const out = new Float64Array(2);
      const grads = new Float64Array(4);
      m.logDensityGradientBatch(Float64Array.of(u[0], u[1], u[0], u[1]), 2, grads, out);
      expect(out[0]).toBe(v);
      expect(Array.from(grads.subarray(0, 2))).toEqual(Array.from(g));
    }
    const gz = m.gradLogJoint({ a: 0.3, b: 0.5 });
    const fd = finiteDiff((x) => m.logJoint({ a: x[0], b: x[1] }), Float64Array.of(0.3, 0.5));
    expect(maxRelDiff(Float64Array.of(gz.a, gz.b), fd)).toBeLessThan(1e-6);
  });

  it('a plain-number term and a term on a plate', () => {
    const c = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3], factor: () => -2 });
    const plain = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
    expect(c.logJoint({ z: 1.5 })).toBeCloseTo(plain.logJoint({ z: 1.5 }) - 2, 14);
    expect(c.gradLogJoint({ z: 1.5 }).z).toBeCloseTo(plain.gradLogJoint({ z: 1.5 }).z, 14);
    const p = new Model({ prior: { w: plate(new Normal(0, 1), 3) }, likelihood: ({ w }) => new Normal(w[0], 1), data: [0.5], factor: ({ w }) => mul(-1, square(w[2])) });
    const u = Float64Array.of(0.1, -0.4, 0.8);
    const g = new Float64Array(3);
    p.logDensityGradient(u, g);
    expect(maxRelDiff(g, finiteDiff((x) => p.logDensity(x), u))).toBeLessThan(1e-6);
  });

  it('a fit with a factor concentrates where the factor says (a + b ≈ 1)', () => {
    const r = fit(withFactor(), { seed: 1 });
    const { a, b } = r.posterior as unknown as { a: Normal; b: Normal };
    expect(Math.abs(a.mu + b.mu - 1)).toBeLessThan(0.05);
  });

  it('refuses a factor that is not a function', () => {
    expect(() => new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1], factor: 3 as never })).toThrow(ModelError);
  });
});
