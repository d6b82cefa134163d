/**
 * `fit`'s `batchSize` (data subsampling): the option's checks, the unbiasedness of
 * the subsampled likelihood on every evaluation path that honours it, determinism
 * by seed, and a subsampled fit landing where the full-data fit does.
 */
import { describe, expect, it } from 'vitest';
import {
  dot, exp, Exponential, InvalidParameterError, Model, mul, Normal, plate, Rng, StudentT, type Prior,
} from '../../src/index';
import { fit } from '../../src/vi/index';
import { DataSubsampler } from '../../src/vi/data-subsampler';
import type { DifferentiableModel } from '../../src/model/differentiable-model';

function regression(n: number, d: number, seed: number) {
  const rng = new Rng(seed);
  const X = Array.from({ length: n }, () => Float64Array.from({ length: d }, () => rng.normal()));
  const w = Float64Array.from({ length: d }, (_, j) => Math.sin(j + 1));
  const y = Float64Array.from(X, (x) => Math.exp(0.3 * x.reduce((s, v, j) => s + v * w[j], 0)) + rng.normal());
  const model = new Model({ prior: { w: plate(new Normal(0, 1), d) }, likelihood: ({ w }, i) => new Normal(exp(mul(dot(w, X[i]), 0.3)), 1), data: y });
  return { model, X, y };
}

describe('batchSize is checked', () => {
  const { model } = regression(50, 2, 1);
  it('outside 1…n, not an integer, not a number: a RangeError naming it and n', () => {
    for (const bad of [0, 51, 2.5, -1, NaN, '10']) {
      expect(() => fit(model, { batchSize: bad as number })).toThrow(InvalidParameterError);
      expect(() => fit(model, { batchSize: bad as number })).toThrow(/batchSize.*1…50/);
    }
    expect(() => fit(model, { batchSize: 0 })).toThrow(RangeError);
  });
  it('on a model that cannot subsample (a hand-written DifferentiableModel): refused', () => {
    const target: DifferentiableModel = { dim: 1, blocks: model.blocks.slice(0, 1).map((b) => ({ ...b, size: 1, offset: 0 })), logDensity: () => 0, logDensityGradient: () => 0 };
    expect(() => fit(target, { batchSize: 5 })).toThrow(/batchSize.*cannot subsample/);
  });
});

/** Mean and standard error of `draws` evaluations of the subsampled log-likelihood at z. */
function subsampledMean(model: Model<Prior>, B: number, z: Float64Array, draws: number): { mean: number; se: number } {
  const sub = new DataSubsampler(model, B, new Rng(9));
  let m = 0;
  let s2 = 0;
  for (let k = 1; k <= draws; k++) {
    sub.draw();
    const v = model.logDensity(z);
    const d = v - m;
    m += d / k;
    s2 += d * (v - m);
  }
  sub.clear();
  return { mean: m, se: Math.sqrt(s2 / (draws - 1) / draws) };
}

describe('the subsampled log density is unbiased for the whole-data one', () => {
  const rng = new Rng(4);
  const xs = Float64Array.from({ length: 60 }, () => rng.normal());
  const ys = Float64Array.from(xs, (x) => 0.5 + 2 * x + rng.normal());
  class Shifted extends Normal {} // not replayed: the tape path
  const cases: [string, Model<Prior>][] = [
    ['replayed per-datum', new Model({ prior: { a: new Normal(0, 1), b: new Normal(0, 1) }, likelihood: ({ a, b }, i) => new Normal(exp(mul(a, xs[i])), exp(b)), data: ys }) as unknown as Model<Prior>],
    ['per-datum on the tape', new Model({ prior: { a: new Normal(0, 1), b: new Normal(0, 1) }, likelihood: ({ a, b }, i) => new Shifted(mul(a, xs[i]), exp(b)), data: ys }) as unknown as Model<Prior>],
    ['i.i.d. without statistics', new Model({ prior: { a: new Normal(0, 1), s: new Exponential(1) }, likelihood: ({ a, s }) => new StudentT(3, a, s), data: ys }) as unknown as Model<Prior>],
  ];
  for (const [name, model] of cases) {
    it(`${name}: mean of 4000 draws within 4 standard errors, and every datum again after clear()`, () => {
      const z = Float64Array.of(0.4, 0.3);
      const g = new Float64Array(2);
      const full = model.logDensityGradient(z, g);
      const { mean, se } = subsampledMean(model, 7, z, 4000);
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(mean - full)).toBeLessThan(4 * se);
      expect(model.logDensity(z)).toBe(full);
    });
  }
  it('the gradient of one subset is n/B times the sum over it (finite differences)', () => {
    const model = cases[0][1];
    const sub = new DataSubsampler(model, 5, new Rng(2));
    sub.draw();
    const z = Float64Array.of(0.2, -0.1);
    const g = new Float64Array(2);
    model.logDensityGradient(z, g);
    const h = 1e-6;
    for (let k = 0; k < 2; k++) {
      const p = z.slice();
      const m = z.slice();
      p[k] += h;
      m[k] -= h;
      expect(g[k]).toBeCloseTo((model.logDensity(p) - model.logDensity(m)) / (2 * h), 4);
    }
    sub.clear();
  });
});

describe('subsampled fits', () => {
  const { model } = regression(1000, 3, 7);
  it('are reproducible by seed and land within 0.5 posterior sd of the full-data fit', () => {
    const full = fit(model, { seed: 3 });
    const a = fit(model, { seed: 3, batchSize: 300 });
    const b = fit(model, { seed: 3, batchSize: 300 });
    expect(a.converged).toBe(true);
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    const qf = full.posterior.w as Normal[];
    const qa = a.posterior.w as Normal[];
    for (let j = 0; j < 3; j++) expect(Math.abs(qa[j].mu - qf[j].mu) / qf[j].sigma).toBeLessThan(0.5);
    // The full-data fit is not changed by the option existing.
    expect(Array.from(fit(model, { seed: 3 }).params)).toEqual(Array.from(full.params));
  });
});
