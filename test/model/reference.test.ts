/**
 * Model log joints and evidences against test/fixtures/reference.json (mpmath, 50 digits).
 */
import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, Model, Normal } from '../../src/index';
import { casesOf, num, reference, type RefCase } from '../helpers/reference';
import { density1d, expNormal, expNormalPerDatum, logIntegral } from './helpers';

const dataOf = (c: RefCase): number[] =>
  typeof c.dataset === 'string' ? reference.datasets[c.dataset].data : (c.data as number[]);

function close(got: number, want: number, rtol: number): void {
  if (!Number.isFinite(want)) {
    expect(got).toBe(want);
    return;
  }
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rtol * Math.abs(want));
}

describe('Model against the reference', () => {
  it('seed model: Math.exp(logJoint({ z: 1.5 })) ≈ 0.0872 (1e-12 relative)', () => {
    const model = expNormal([1.3]);
    // p(z = 1.5) p(x = 1.3 | z) = e^{-1.5} · φ(-0.2)
    const want = Math.exp(-1.5) * Math.exp(-0.02) / Math.sqrt(2 * Math.PI);
    close(Math.exp(model.logJoint({ z: 1.5 })), want, 1e-12);
    const p = Math.exp(model.logJoint({ z: 1.5 }));
    expect(p).toBeGreaterThanOrEqual(0.0872); // 0.087253…
    expect(p).toBeLessThan(0.0873);
  });

  const joint = casesOf('expNormalModel', 'logJoint');
  it.each(joint.map((c) => [c.id, c] as const))('%s expNormal logJoint (both likelihood paths)', (_, c) => {
    const data = dataOf(c);
    const z = c.z as number;
    close(expNormal(data).logJoint({ z }), num(c.expected), 1e-12);
    close(expNormalPerDatum(data).logJoint({ z }), num(c.expected), 1e-12);
  });

  const evidence = casesOf('expNormalModel', 'logEvidence');
  it.each(evidence.map((c) => [c.id, c] as const))('%s expNormal logEvidence by quadrature (constrained and unconstrained)', (_, c) => {
    const model = expNormal(dataOf(c));
    const want = num(c.expected);
    const constrained = logIntegral((z) => model.logJoint({ z }), 0, Infinity, 0, 20);
    expect(Math.abs(constrained - want)).toBeLessThanOrEqual(1e-8);
    const unconstrained = logIntegral(density1d(model), -Infinity, Infinity, -15, 4);
    expect(Math.abs(unconstrained - want)).toBeLessThanOrEqual(1e-8);
  });

  const conj = casesOf('conjugate').filter((c) => c.fn === 'logJoint' || c.fn === 'logEvidence');
  const conjugateModel = (name: unknown, data: number[]) =>
    name === 'normalNormal'
      ? new Model({ prior: { z: new Normal(0, 2) }, likelihood: ({ z }) => new Normal(z, 0.5), data })
      : new Model({ prior: { z: new Gamma(2, 1) }, likelihood: ({ z }) => new Exponential(z), data });
  it.each(conj.map((c) => [c.id, `${String(c.model)} ${c.fn}`, c] as const))('%s conjugate %s', (_, __, c) => {
    const model = conjugateModel(c.model, dataOf(c));
    const want = num(c.expected);
    if (c.fn === 'logJoint') {
      close(model.logJoint({ z: c.z as number }), want, 1e-12);
    } else {
      const [a, lo, hi] = c.model === 'normalNormal' ? [-Infinity, -10, 10] : [0, 0, 30];
      const got = logIntegral((z) => model.logJoint({ z }), a, Infinity, lo, hi);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-8);
      const u = logIntegral(density1d(model), -Infinity, Infinity, c.model === 'normalNormal' ? -10 : -8, c.model === 'normalNormal' ? 10 : 4);
      expect(Math.abs(u - want)).toBeLessThanOrEqual(1e-8);
    }
  });
});
