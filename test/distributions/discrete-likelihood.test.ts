/**
 * The discrete families as likelihoods, through the calls the model layer makes
 * (`sumLogPdf`, `logPdfPartials`, `sumLogPdfPartials`, `operands`): the
 * families.json `conjugate` log joints (gammaPoisson, betaBernoulli) and the
 * `model` cases (logistic and Poisson regression, logJoint and gradLogJoint, with
 * |xᵢ·w| beyond 1000) at rtol 1e-12, the parameter partials routed by the chain
 * rule exactly as `Model` routes them, and a log joint's gradient against
 * Richardson finite differences.
 *
 * `Model` itself still types and checks its likelihood as a ContinuousDistribution
 * (`checkDist` in src/model/values.ts), so these run the same arithmetic by hand;
 * the lead widens the model to DiscreteDistribution.
 */
import { describe, expect, it } from 'vitest';
import { Bernoulli, BernoulliLogit, Gamma, Normal, Poisson } from '../../src/index';
import { FAMILIES_RTOL, families, familyCasesOf, matchesReference } from '../helpers/families';
import { num } from '../helpers/reference';

interface RegressionData {
  X: number[][];
  y: number[];
}

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, j) => s + v * b[j], 0);

/** log p(w) + Σᵢ log p(yᵢ | xᵢ·w) and its gradient, the likelihood's partial ∂/∂η routed through η = xᵢ·w. */
function regressionLogJoint(kind: string, { X, y }: RegressionData, w: number[]): { value: number; grad: number[] } {
  const prior = new Normal(0, 1);
  const pOut = new Float64Array(3);
  const out = new Float64Array(2);
  let value = 0;
  const grad = w.map((wj) => {
    value += prior.logPdfPartials(wj, pOut);
    return pOut[0];
  });
  for (let i = 0; i < y.length; i++) {
    const eta = dot(X[i], w);
    let dEta: number;
    if (kind === 'logisticRegression') {
      value += new BernoulliLogit(eta).logPdfPartials(y[i], out);
      dEta = out[1];
    } else {
      const rate = Math.exp(eta);
      value += new Poisson(rate).logPdfPartials(y[i], out);
      dEta = out[1] * rate; // ∂/∂η = ∂/∂λ · λ
    }
    for (let j = 0; j < w.length; j++) grad[j] += dEta * X[i][j];
  }
  return { value, grad };
}

describe('discrete likelihoods: families.json model cases', () => {
  const cases = familyCasesOf('model');
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const data = families.datasets[c.dataset as string] as unknown as RegressionData;
    const { value, grad } = regressionLogJoint(c.model as string, data, c.w as number[]);
    if (c.fn === 'logJoint') {
      const want = num(c.expected);
      expect(matchesReference(value, want, FAMILIES_RTOL, c.cond ?? 1), `got ${value}, want ${want}`).toBe(true);
    } else {
      const want = c.expected as unknown as number[];
      const cond = (c.cond as (number | null)[] | undefined) ?? [];
      want.forEach((v, j) => expect(matchesReference(grad[j], v, FAMILIES_RTOL, cond[j] ?? 1), `component ${j}: got ${grad[j]}, want ${v}`).toBe(true));
    }
  });
});

describe('discrete likelihoods: families.json conjugate log joints', () => {
  // Beta(2, 3) density 12 z (1 − z)² written out: Beta is another branch's family.
  const betaLogPdf = (z: number): number => (z > 0 && z < 1 ? Math.log(12 * z) + 2 * Math.log1p(-z) : -Infinity);
  const logJoint: Record<string, (z: number, xs: number[]) => number> = {
    gammaPoisson: (z, xs) => new Gamma(3, 2).logPdf(z) + (z > 0 ? new Poisson(z).sumLogPdf(xs) : -Infinity),
    betaBernoulli: (z, xs) => betaLogPdf(z) + new Bernoulli(z).sumLogPdf(xs),
  };
  const cases = familyCasesOf('conjugate', 'logJoint').filter((c) => (c.model as string) in logJoint);
  it('has cases', () => expect(cases.length).toBe(6));
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const xs = families.datasets[c.dataset as string].data;
    const got = logJoint[c.model as string](c.z as number, xs);
    const want = num(c.expected);
    expect(matchesReference(got, want, FAMILIES_RTOL, c.cond ?? 1), `got ${got}, want ${want}`).toBe(true);
  });
});

describe('discrete likelihoods: gradients', () => {
  it('Gamma prior, Poisson likelihood: d/dz log p(z, x) from the partials = Richardson finite differences', () => {
    const xs = families.datasets.gammaPoisson_n10.data;
    const prior = new Gamma(3, 2);
    const f = (z: number): number => prior.logPdf(z) + new Poisson(z).sumLogPdf(xs);
    const buf = new Float64Array(3);
    for (const z of [0.05, 0.4, 0.865, 2, 7.5]) {
      let g = (prior.logPdfPartials(z, buf), buf[0]);
      g += (new Poisson(z).sumLogPdfPartials(xs, buf), buf[1]);
      const h = 1e-3 * z;
      const d1 = (f(z + h) - f(z - h)) / (2 * h);
      const d2 = (f(z + 2 * h) - f(z - 2 * h)) / (4 * h);
      const fd = (4 * d1 - d2) / 3; // error O(h⁴) ≈ 1e-12 relative, rounding ε|f|/h ≈ 1e-12
      expect(Math.abs(g - fd)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(g)));
    }
  });
  it('operands keep boxed parameters so the model can route the partials to them', () => {
    const box = { value: 1.7 } as unknown as number;
    const d = new Poisson(box);
    expect(d.operands).toEqual([box]);
    expect(d.paramNames).toEqual(['rate']);
    const out = new Float64Array(2);
    d.sumLogPdfPartials([0, 3, 1], out);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(4 / 1.7 - 3, 14);
  });
  it('inSupport tells a model which data a likelihood can explain', () => {
    expect(new Poisson(2).inSupport(3)).toBe(true);
    expect(new Poisson(2).inSupport(-1)).toBe(false);
    expect(new Poisson(2).inSupport(2.5)).toBe(false);
    expect(new Poisson(2).inSupport(Infinity)).toBe(false);
    expect(new Bernoulli(0.2).inSupport(2)).toBe(false);
    expect(new BernoulliLogit(0.2).inSupport(1)).toBe(true);
    expect(new Poisson(2).sumLogPdf([1, 2, 2.5])).toBe(-Infinity);
  });
});
