/**
 * predictive: posterior-predictive replicates of the data, draw-major, from the
 * likelihood at joint draws of the fitted q. z-score checks (4 SE, fixed seeds).
 */
import { describe, expect, it } from 'vitest';
import { add, Exponential, InvalidParameterError, LogNormal, Model, ModelError, mul, Normal, Rng } from '../../src/index';
import { fit, fullRank, predictive } from '../../src/vi/index';
import { expNormalModel, handSeedModel } from './helpers';

describe('predictive', () => {
  it('i.i.d. likelihood: shape S·N, the replicates\' mean is E_q[z] and their within-replicate spread is the likelihood\'s (4 SE)', () => {
    const data = [1.3, 0.2, 2.5, 1.1, 0.7];
    const model = expNormalModel(data);
    const r = fit(model, { guide: { z: LogNormal }, seed: 1 });
    const S = 8000;
    const N = data.length;
    const reps = predictive(model, r, { samples: S, seed: 2 });
    expect(reps).toBeInstanceOf(Float64Array);
    expect(reps.length).toBe(S * N);
    const q = r.posterior.z;
    // x_si = z_s + ε_si: the grand mean has variance (Var z + 1/N)/S.
    let grand = 0;
    let d2 = 0;
    for (let s = 0; s < S; s++) {
      for (let i = 0; i < N; i++) grand += reps[s * N + i] / (S * N);
      d2 += (reps[s * N] - reps[s * N + 1]) ** 2 / S;
    }
    expect(Math.abs(grand - q.mean()) / Math.sqrt((q.variance() + 1 / N) / S)).toBeLessThan(4);
    // x_s0 − x_s1 ~ N(0, 2) (the same z): E = 2, Var((x0 − x1)²) = 2·2² = 8.
    expect(Math.abs(d2 - 2) / Math.sqrt(8 / S)).toBeLessThan(4);
  });

  it('per-datum likelihood with covariates: datum i\'s replicates have mean m_a + m_b·x_i and variance var(a + b·x_i) + σ² (4 SE)', () => {
    const xs = [-2, 0, 3, 8];
    const ys = [0.1, 1.2, 2.4, 5.3];
    const model = new Model({
      prior: { a: new Normal(0, 10), b: new Normal(0, 10) },
      likelihood: ({ a, b }, i) => new Normal(add(a, mul(b, xs[i])), 0.5),
      data: ys,
    });
    const r = fit(model, { guide: fullRank(), seed: 1 });
    const { mean: m, covariance: c } = r.unconstrained!;
    const S = 8000;
    const N = xs.length;
    const reps = predictive(model, r, { samples: S, seed: 3 });
    for (let i = 0; i < N; i++) {
      let mean = 0;
      let ss = 0;
      for (let s = 0; s < S; s++) mean += reps[s * N + i] / S;
      for (let s = 0; s < S; s++) ss += (reps[s * N + i] - mean) ** 2;
      const v = c[0] + 2 * xs[i] * c[1] + xs[i] ** 2 * c[3] + 0.25;
      expect(Math.abs(mean - (m[0] + m[1] * xs[i])) / Math.sqrt(v / S)).toBeLessThan(4);
      // Gaussian replicates: sd(s²/v) = √(2/(S − 1)).
      expect(Math.abs(ss / (S - 1) / v - 1) / Math.sqrt(2 / (S - 1))).toBeLessThan(4);
    }
  });

  it('same seed, same replicates; samples: 0 gives an empty array; defaults to 1000 replicates', () => {
    const model = expNormalModel([1.3, 0.4]);
    const r = fit(model, { seed: 1, maxSteps: 100, convergence: false });
    expect(predictive(model, r, { samples: 20, seed: 4 })).toEqual(predictive(model, r, { samples: 20, seed: 4 }));
    expect(predictive(model, r, { samples: 0 }).length).toBe(0);
    expect(predictive(model, r).length).toBe(2000);
    expect(() => predictive(model, r, { samples: 2 ** 40 })).toThrow(/predictive: samples × 2 \(replicates × data\) = 2199023255552 is over limits\.maxArrayLength/);
  });

  it('refuses a result of another model, and a model that cannot draw data', () => {
    const model = expNormalModel([1.3]);
    const other = new Model({ prior: { y: new Normal(0, 1) }, likelihood: ({ y }) => new Normal(y, 1), data: [1] });
    const r = fit(model, { seed: 1, maxSteps: 50, convergence: false });
    expect(() => predictive(other, r as never)).toThrow(/predictive: the result was fitted to a model with other latents/);
    expect(() => predictive(handSeedModel([1.3]) as never, r as never)).toThrow(InvalidParameterError);
  });
});

describe('Model.sampleData', () => {
  const model = expNormalModel([1.3, 0.4, 2]);
  it('draws one replicate from the likelihood at given latents', () => {
    const a = model.sampleData({ z: 1.5 }, new Rng(1));
    expect(a.length).toBe(3);
    expect(model.sampleData({ z: 1.5 }, new Rng(1))).toEqual(a);
    const out = new Float64Array(3);
    expect(model.sampleData({ z: 1.5 }, new Rng(1), out)).toBe(out);
    expect(out).toEqual(a);
  });

  it('checks the latents and the output length; a misspelt latent read in the likelihood is a ModelError', () => {
    expect(() => model.sampleData({} as never, new Rng(1))).toThrow(ModelError);
    const typo = new Model({ prior: { z: new Exponential(1) }, likelihood: (p) => new Normal((p as unknown as { zz: number }).zz, 1), data: [1] });
    expect(() => typo.sampleData({ z: 1 }, new Rng(1))).toThrow(/reads latent "zz", which the prior does not declare/);
    expect(() => model.sampleData({ z: 1 }, new Rng(1), new Float64Array(2))).toThrow(/sampleData: out must have length 3/);
  });
});
