/**
 * `logDensityBatch` / `logDensityGradientBatch`: the rows of a batch give, bit for
 * bit, what one `logDensity` / `logDensityGradient` call per row gives, whatever the
 * model (kernel likelihoods with and without sufficient statistics, plates, arrays,
 * hierarchical priors, per-datum likelihoods) and wherever the rows are (the bulk,
 * far tails where exp under- or overflows, parameters out of their domain); across
 * block boundaries; and bad batch shapes are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detach, dot, exp, Exponential, Gamma, LogNormal, Model, mul, Normal, plate, type DifferentiableModel } from '../../src/index';
import { expNormal, expNormalPerDatum, fakeNormalData, regression } from './helpers';

const X301 = Array.from({ length: 301 }, (_, i) => [Math.sin(i), Math.cos(1.3 * i), 1]);
const positiveData = Float64Array.from(fakeNormalData(30, 2, 5), (x) => Math.abs(x) + 0.1);

/** Models covering every path of the batch methods. */
function models(): { name: string; model: Model<never> }[] {
  const list = [
    { name: 'seed (kernel, statistics of one datum)', model: expNormal([1.3]) },
    { name: '1000 data (kernel, statistics)', model: expNormal(fakeNormalData(1000, 1.1, 3)) },
    { name: 'per-datum likelihood (tape)', model: expNormalPerDatum(fakeNormalData(20, 1.1, 4)) },
    {
      name: 'Normal(m, s), both latent',
      model: new Model({ prior: { m: new Normal(0, 2), s: new Exponential(1) }, likelihood: ({ m, s }) => new Normal(m, s), data: fakeNormalData(50, 0.7, 6) }),
    },
    {
      name: 'Gamma(a, b) on plate elements',
      model: new Model({ prior: { v: plate(new Exponential(1), 3) }, likelihood: ({ v }) => new Gamma(v[0], v[2]), data: positiveData }),
    },
    {
      name: 'array prior, LogNormal likelihood',
      model: new Model({ prior: { m: new Normal(0, 1), p: [new LogNormal(0, 0.5), new Gamma(2, 3)] }, likelihood: ({ m, p }) => new LogNormal(m, p[1]), data: positiveData }),
    },
    {
      name: 'Exponential likelihood with a datum at 0 and one below (per-point kernel, −∞)',
      model: new Model({ prior: { r: new Gamma(2, 2) }, likelihood: ({ r }) => new Exponential(r), data: [0, 1, -0.5] }),
    },
    {
      name: 'Gamma likelihood with a datum at 0 (per-point kernel)',
      model: new Model({ prior: { a: new Exponential(0.5) }, likelihood: ({ a }) => new Gamma(a, 3), data: [0, 1, 2] }),
    },
    {
      name: 'Normal(m, s) with s ~ Normal: a negative scale is out of the domain',
      model: new Model({ prior: { m: new Normal(0, 1), s: new Normal(1, 1) }, likelihood: ({ m, s }) => new Normal(m, s), data: [0.2, -0.4] }),
    },
    {
      name: 'hierarchical prior (tape, kernel likelihood)',
      model: new Model({
        prior: { tau: new Exponential(1), theta: ({ tau }: { tau: number }) => plate(new Normal(0, tau), 3) },
        likelihood: ({ theta }) => new Normal(theta[1], 1),
        data: [0.3, -0.2],
      }),
    },
    {
      name: 'likelihood reading a value (general path)',
      model: new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, detach(z) > 1 ? 1 : 2), data: [1.3] }),
    },
    { name: 'regression d = 3 (tape)', model: regression(3, 15).model },
    {
      // More data than one block for any row count: the blocks' data groups must not
      // depend on the rows (the backward dot adds four data at a time).
      name: 'replayed dot regression, 301 data (several blocks)',
      model: new Model({
        prior: { w: plate(new Normal(0, 1), 3) },
        likelihood: ({ w }, i) => new Normal(exp(mul(dot(w, X301[i]), 0.1)), 1),
        data: Array.from({ length: 301 }, (_, i) => Math.cos(i)),
      }),
    },
  ];
  return list as unknown as { name: string; model: Model<never> }[];
}

/** Rows of unconstrained values: the bulk and the extremes where z = eᵘ under- or overflows. */
const coordinate = fc.oneof(
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.constantFrom(0, -800, 800, -40, 40, 1e-300),
  fc.double({ min: -1000, max: 1000, noNaN: true }),
);

function singleRows(m: DifferentiableModel, us: Float64Array, rows: number): { values: Float64Array; grads: Float64Array; plain: Float64Array } {
  const d = m.dim;
  const values = new Float64Array(rows);
  const plain = new Float64Array(rows);
  const grads = new Float64Array(rows * d);
  const g = new Float64Array(d);
  for (let r = 0; r < rows; r++) {
    const u = us.slice(r * d, (r + 1) * d);
    values[r] = m.logDensityGradient(u, g);
    grads.set(g, r * d);
    plain[r] = m.logDensity(u);
  }
  return { values, grads, plain };
}

function expectSameBits(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i]), `${what}[${i}]: ${a[i]} vs ${b[i]}`).toBe(true);
}

describe('batch rows = single rows, bit for bit', () => {
  for (const { name, model } of models()) {
    it(name, () => {
      const d = model.dim;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 9 }), fc.array(coordinate, { minLength: 9 * d, maxLength: 9 * d }), (rows, flat) => {
          const us = Float64Array.from(flat.slice(0, rows * d));
          const want = singleRows(model, us, rows);
          const out = new Float64Array(rows);
          const grads = new Float64Array(rows * d).fill(NaN);
          model.logDensityGradientBatch(us, rows, grads, out);
          expectSameBits(out, want.values, 'gradient-batch value');
          expectSameBits(grads, want.grads, 'gradient');
          const vals = new Float64Array(rows);
          model.logDensityBatch(us, rows, vals);
          expectSameBits(vals, want.plain, 'value');
        }),
        { numRuns: 60 },
      );
    });
  }

  it('a batch larger than one block (rows split into blocks) and a fresh model (kernel undecided)', () => {
    const fresh = () => expNormal(fakeNormalData(40, 1.1, 8));
    const n = 10_000;
    const us = Float64Array.from({ length: n }, (_, i) => -4 + (8 * i) / n);
    const want = singleRows(fresh(), us, n);
    const m = fresh();
    const out = new Float64Array(n);
    const grads = new Float64Array(n);
    m.logDensityGradientBatch(us, n, grads, out);
    expectSameBits(out, want.values, 'value');
    expectSameBits(grads, want.grads, 'gradient');
    const vals = new Float64Array(n);
    fresh().logDensityBatch(us, n, vals);
    expectSameBits(vals, want.plain, 'value-only');
  });
});

describe('the 1000-datum likelihood from sufficient statistics', () => {
  it('matches the per-point sum to 1e-12 relative, value and gradient', () => {
    const data = fakeNormalData(1000, 1.1, 3);
    const m = expNormal(data);
    for (const z of [1e-6, 0.3, 1.1, 7, 250]) {
      let want = -z;
      let g = -1;
      for (const x of data) {
        want += new Normal(z, 1).logPdf(x);
        g += x - z;
      }
      expect(Math.abs(m.logJoint({ z }) - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want));
      expect(Math.abs(m.gradLogJoint({ z }).z - g)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g), 1000 * Math.abs(z)));
    }
  });
});

describe('bad batch shapes', () => {
  const m = regression(3, 10).model;
  const d = m.dim;
  it('throw a RangeError naming the method and the sizes', () => {
    expect(() => m.logDensityBatch(new Float64Array(d), 2, new Float64Array(2))).toThrow(/logDensityBatch: us must hold 2 rows/);
    expect(() => m.logDensityBatch(new Float64Array(2 * d), 2, new Float64Array(1))).toThrow(/out must hold 2 values/);
    expect(() => m.logDensityGradientBatch(new Float64Array(2 * d), 2, new Float64Array(d), new Float64Array(2))).toThrow(/grads must hold 2 rows/);
    expect(() => m.logDensityBatch(new Float64Array(d), -1, new Float64Array(1))).toThrow(RangeError);
    expect(() => m.logDensityBatch(new Float64Array(d), 0.5, new Float64Array(1))).toThrow(/non-negative integer, got 0.5/);
  });
});

describe('single rows of the wrong length', () => {
  it('throw a RangeError on every path (undecided, kernel, one coordinate, general)', () => {
    for (const { model } of models()) {
      const g = new Float64Array(model.dim + 1);
      for (let t = 0; t < 2; t++) {
        // t = 0: before any evaluation; t = 1: after the kernel is decided.
        expect(() => model.logDensity(new Float64Array(model.dim + 1))).toThrow(/must have length/);
        expect(() => model.logDensityGradient(new Float64Array(model.dim + 1), g)).toThrow(/must have length/);
        model.logDensityGradient(new Float64Array(model.dim), new Float64Array(model.dim));
      }
    }
  });
});
