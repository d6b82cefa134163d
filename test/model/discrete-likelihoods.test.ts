/**
 * Discrete likelihoods inside a Model (issue #12): logistic and Poisson regressions
 * against the mpmath reference (log joint and exact gradient, including |x·w| > 1000),
 * the Gamma–Poisson conjugate log joint, and data off a discrete support refused with
 * a ModelError naming the datum.
 */
import { describe, expect, it } from 'vitest';
import { Bernoulli, BernoulliLogit, Binomial, dot, exp, Gamma, Model, ModelError, Normal, plate, Poisson } from '../../src/index';
import { familyCasesOf, FAMILIES_RTOL, matchesReference } from '../helpers/families';
import { num } from '../helpers/reference';

type RegressionCase = { id: string; fn: string; model: string; X: number[][]; y: number[]; w: number[]; expected: unknown; cond?: number };

function regression(c: RegressionCase): Model<{ w: ReturnType<typeof plate<Normal>> }> {
  const X = c.X.map((r) => Float64Array.from(r));
  return new Model({
    prior: { w: plate(new Normal(0, 1), 3) },
    likelihood: ({ w }, i) => (c.model === 'logisticRegression' ? new BernoulliLogit(dot(w, X[i])) : new Poisson(exp(dot(w, X[i])))),
    data: c.y,
  });
}

describe('regressions with discrete likelihoods (families.json model cases)', () => {
  const cases = familyCasesOf('model') as unknown as RegressionCase[];
  it('has cases', () => expect(cases.length).toBe(20));
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const m = regression(c);
    const w = Float64Array.from(c.w);
    if (c.fn === 'logJoint') {
      const got = m.logJoint({ w });
      expect(matchesReference(got, num(c.expected), FAMILIES_RTOL, c.cond ?? 1), `${got} vs ${String(c.expected)}`).toBe(true);
    } else {
      const got = m.gradLogJoint({ w }).w;
      const want = (c.expected as unknown[]).map(num);
      // Componentwise, each at the rule with the case's cond scaled by the gradient's size.
      const scale = Math.max(...want.map(Math.abs));
      for (let k = 0; k < 3; k++) expect(Math.abs(got[k] - want[k]), `w[${k}]: ${got[k]} vs ${want[k]}`).toBeLessThanOrEqual(1e-11 * Math.max(1, scale));
    }
  });
});

describe('conjugate Gamma–Poisson log joint through the Model', () => {
  const cases = familyCasesOf('conjugate', 'logJoint').filter((c) => c.model === 'gammaPoisson');
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const m = new Model({ prior: { z: new Gamma(3, 2) }, likelihood: ({ z }) => new Poisson(z), data: c.data as number[] });
    const z = c.z as number;
    const got = z === 0 ? m.logPrior({ z }) : m.logJoint({ z });
    expect(matchesReference(got, num(c.expected), FAMILIES_RTOL, c.cond ?? 1), `${got} vs ${String(c.expected)}`).toBe(true);
  });
});

describe('data off a discrete support', () => {
  it('a 2 under Bernoulli → ModelError naming data[4] (per-datum and i.i.d. forms)', () => {
    const iid = new Model({ prior: { p: new Normal(0, 1) }, likelihood: ({ p }) => new BernoulliLogit(p), data: [0, 1, 1, 0, 2] });
    expect(() => iid.logJoint({ p: 0 })).toThrow(ModelError);
    expect(() => iid.logJoint({ p: 0 })).toThrow(/data\[4\] = 2 is not in the support of BernoulliLogit \(\{0, 1\}\)/);
    const per = new Model({ prior: { p: new Normal(0, 1) }, likelihood: ({ p }, i) => new BernoulliLogit(i >= 0 ? p : 0), data: [0, 1, 1, 0, 2] });
    expect(() => per.gradLogJoint({ p: 0 })).toThrow(/data\[4\] = 2/);
  });
  it('negative or fractional counts under Poisson and Binomial', () => {
    expect(() => new Model({ prior: { r: new Gamma(2, 1) }, likelihood: ({ r }) => new Poisson(r), data: [3, -1] }).logJoint({ r: 1 })).toThrow(/data\[1\] = -1 is not in the support of Poisson \(\{0, 1, 2, …\}\)/);
    expect(() => new Model({ prior: { r: new Gamma(2, 1) }, likelihood: ({ r }) => new Poisson(r), data: [3, 1.5] }).logJoint({ r: 1 })).toThrow(/data\[1\] = 1\.5/);
    expect(() => new Model({ prior: { p: new Normal(0, 1) }, likelihood: () => new Binomial(10, 0.5), data: [11] }).logJoint({ p: 0 })).toThrow(/\{0, …, 10\}/);
  });
  it('valid count data are scored as before', () => {
    const m = new Model({ prior: { p: new Normal(0, 1) }, likelihood: () => new Bernoulli(0.25), data: [0, 1, 0] });
    expect(m.logLikelihood({ p: 0 })).toBeCloseTo(2 * Math.log(0.75) + Math.log(0.25), 14);
  });
});
