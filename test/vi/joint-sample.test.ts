/**
 * result.sample: joint draws on the latents' own spaces, typed by the model,
 * draw-major for plates, full-rank correlations kept. Statistical checks use
 * fixed seeds and bounds of 4 standard errors.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { add, Exponential, Gamma, LogNormal, Model, mul, Normal, plate } from '../../src/index';
import { fit, fullRank, meanField } from '../../src/vi/index';
import { ksTest } from '../helpers/ks';

// y_i = a + b·x_i + N(0, 1) with x far from 0: the posterior of (a, b) is strongly
// (negatively) correlated, so a full-rank fit has a large off-diagonal covariance.
const xs = Array.from({ length: 12 }, (_, i) => 5 + i);
const ys = xs.map((x, i) => 1 + 0.5 * x + Math.sin(3 * i));
const line = new Model({
  prior: { a: new Normal(0, 10), b: new Normal(0, 10) },
  likelihood: ({ a, b }, i) => new Normal(add(a, mul(b, xs[i])), 1),
  data: ys,
});

const N = 20_000;

function moments(x: Float64Array, y: Float64Array): { vx: number; vy: number; r: number } {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  return { vx: sxx / (n - 1), vy: syy / (n - 1), r: sxy / Math.sqrt(sxx * syy) };
}

describe('result.sample', () => {
  const full = fit(line, { guide: fullRank(), seed: 1 });

  it('keeps a full-rank fit\'s correlation: sample correlation and variances match the fitted covariance (4 SE)', () => {
    const cov = full.unconstrained!.covariance;
    const rho = cov[1] / Math.sqrt(cov[0] * cov[3]);
    expect(rho).toBeLessThan(-0.8); // the test is about a strong correlation
    const { a, b } = full.sample(N, { seed: 2 });
    const m = moments(a, b);
    // Fisher's z: atanh(r) ~ N(atanh(ρ), 1/(n − 3)) for Gaussian draws.
    expect(Math.abs(Math.atanh(m.r) - Math.atanh(rho)) * Math.sqrt(N - 3)).toBeLessThan(4);
    // Sample variance of Gaussian draws: sd(s²/σ²) = √(2/(n − 1)).
    expect(Math.abs(m.vx / cov[0] - 1) / Math.sqrt(2 / (N - 1))).toBeLessThan(4);
    expect(Math.abs(m.vy / cov[3] - 1) / Math.sqrt(2 / (N - 1))).toBeLessThan(4);
  });

  it('a mean-field fit\'s draws are uncorrelated (4 SE), unlike the marginals of the full-rank one', () => {
    const mf = fit(line, { guide: meanField(), seed: 1 });
    const { a, b } = mf.sample(N, { seed: 2 });
    expect(Math.abs(Math.atanh(moments(a, b).r)) * Math.sqrt(N - 3)).toBeLessThan(4);
  });

  it('same seed, same draws; another seed, other draws; n = 0 gives empty arrays', () => {
    expect(full.sample(50, { seed: 3 })).toEqual(full.sample(50, { seed: 3 }));
    expect(full.sample(50, { seed: 3 }).a).not.toEqual(full.sample(50, { seed: 4 }).a);
    expect(full.sample(50).a).toEqual(full.sample(50, { seed: 0 }).a);
    expect(full.sample(0).a.length).toBe(0);
  });

  it('refuses a bad n or seed, and n over limits.maxArrayLength before allocating', () => {
    expect(() => full.sample(2 ** 40)).toThrow(/sample: n × 1 \(draws × latent size\) = 1099511627776 is over limits\.maxArrayLength/);
    expect(() => full.summary({ draws: 2 ** 40 })).toThrow(/summary: n × 1 .* over limits\.maxArrayLength/);
    expect(() => full.sample(-1)).toThrow(/sample: n must be a non-negative integer, got -1/);
    expect(() => full.sample(1.5)).toThrow(RangeError);
    expect(() => full.sample(3, { seed: 0.5 })).toThrow(/sample: seed must be an integer/);
  });

  it('plates are draw-major (element j of draw s at s·k + j): each column follows its own marginal (4 SE)', () => {
    const k = 3;
    const centres = [-5, 0, 7];
    const m = new Model({
      prior: { w: plate(new Normal(0, 10), k), s: new Exponential(1) },
      likelihood: ({ w }, i) => new Normal(w[i % k], 1),
      data: Array.from({ length: 30 }, (_, i) => centres[i % k] + 0.1 * Math.cos(i)),
    });
    const r = fit(m, { seed: 1 });
    const n = 4000;
    const draws = r.sample(n, { seed: 5 });
    expect(draws.w.length).toBe(n * k);
    expect(draws.s.length).toBe(n);
    for (let j = 0; j < k; j++) {
      const q = r.posterior.w[j];
      let mean = 0;
      for (let s = 0; s < n; s++) mean += draws.w[s * k + j] / n;
      expect(Math.abs(mean - q.mean()) / (q.stddev() / Math.sqrt(n))).toBeLessThan(4);
    }
    // The positive latent is drawn on its own space: all positive, LogNormal marginal.
    expect(draws.s.every((v) => v > 0)).toBe(true);
    expect(ksTest(draws.s, (x) => r.posterior.s.cdf(x)).p).toBeGreaterThan(1e-4);
  });

  it('per-latent families: Gamma and Exponential guides draw their fitted marginals (KS, p > 1e-4)', () => {
    const m = new Model({ prior: { z: new Exponential(1), t: new Gamma(2, 1) }, likelihood: ({ z, t }) => new Normal(z, t), data: [1.3, 0.2, 2.1] });
    const r = fit(m, { guide: { z: Gamma, t: Exponential }, seed: 1, maxSteps: 2000 });
    const d = r.sample(5000, { seed: 9 });
    expect(r.posterior.z).toBeInstanceOf(Gamma);
    expect(ksTest(d.z, (x) => r.posterior.z.cdf(x)).p).toBeGreaterThan(1e-4);
    expect(ksTest(d.t, (x) => r.posterior.t.cdf(x)).p).toBeGreaterThan(1e-4);
  });

  it('is typed by the model: exactly its latent names, Float64Array each', () => {
    const r = fit(new Model({ prior: { z: new Exponential(1), w: plate(new Normal(0, 1), 2) }, likelihood: ({ z }) => new Normal(z, 1), data: [1] }), {
      guide: { z: LogNormal, w: Normal },
      seed: 1,
      maxSteps: 20,
      convergence: false,
    });
    const d = r.sample(4);
    expectTypeOf(d.z).toEqualTypeOf<Float64Array>();
    expectTypeOf(d.w).toEqualTypeOf<Float64Array>();
    // @ts-expect-error — not a latent of the model
    void d.y;
    expect(Object.keys(d)).toEqual(['z', 'w']);
  });
});
