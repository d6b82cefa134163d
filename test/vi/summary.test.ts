/**
 * result.summary: one row per scalar latent or plate element from joint draws,
 * type-7 quantiles; statistical checks at 4 standard errors with fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import { add, Exponential, LogNormal, Model, Normal, plate } from '../../src/index';
import { fit } from '../../src/vi/index';
import { quantileSorted } from '../../src/vi/summary';
import { expNormalModel } from './helpers';

describe('quantileSorted (Hyndman–Fan type 7, as R and NumPy)', () => {
  it('interpolates between order statistics', () => {
    const x = Float64Array.of(1, 3, 7, 15);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 1)).toBe(15);
    expect(quantileSorted(x, 0.5)).toBe(5); // h = 1.5: 3 + 0.5·4
    expect(quantileSorted(x, 0.3)).toBeCloseTo(2.8, 15); // h = 0.9: 1 + 0.9·2
    expect(quantileSorted(Float64Array.of(4), 0.7)).toBe(4);
    expect(quantileSorted(Float64Array.of(1, Infinity, Infinity), 0.9)).toBe(Infinity);
  });
});

describe('result.summary', () => {
  const model = expNormalModel([1.3]);
  const r = fit(model, { guide: { z: LogNormal }, seed: 1 });
  const q = r.posterior.z as LogNormal;

  it('matches the fitted LogNormal: mean, sd and quantiles within 4 Monte-Carlo standard errors', () => {
    const n = 20_000;
    const [row] = r.summary({ draws: n, seed: 3 });
    expect(row.name).toBe('z');
    const sd = q.stddev();
    expect(Math.abs(row.mean - q.mean()) / (sd / Math.sqrt(n))).toBeLessThan(4);
    // sd: delta method on s², Var(s²) ≈ σ⁴(κ + 2)/n with the LogNormal's excess kurtosis κ.
    const s2 = q.sigma ** 2;
    const kurt = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6;
    expect(Math.abs(row.sd - sd) / ((sd * Math.sqrt((kurt + 2) / n)) / 2)).toBeLessThan(4);
    // Quantiles: SE ≈ √(p(1 − p)/n) / f(x_p).
    for (const [p, got] of [[0.05, row.q05], [0.5, row.q50], [0.95, row.q95]] as const) {
      const x = q.quantile(p);
      expect(Math.abs(got - x) / (Math.sqrt((p * (1 - p)) / n) / q.pdf(x))).toBeLessThan(4);
    }
  });

  it('defaults to 4000 draws with seed 0; same options, same table; rows are plain data', () => {
    expect(r.summary()).toEqual(r.summary({ draws: 4000, seed: 0 }));
    expect(r.summary({ seed: 1 })).not.toEqual(r.summary({ seed: 2 }));
    expect(Object.keys(r.summary()[0])).toEqual(['name', 'mean', 'sd', 'q05', 'q50', 'q95']);
  });

  it('probs adds the requested quantiles in order, equal to the fixed ones at the same p', () => {
    const [row] = r.summary({ probs: [0.95, 0.05, 0.5, 0, 1] });
    expect(row.quantiles!.slice(0, 3)).toEqual([row.q95, row.q05, row.q50]);
    expect(row.quantiles![3]).toBeLessThan(row.q05);
    expect(row.quantiles![4]).toBeGreaterThan(row.q95);
  });

  it('one row per plate element, named w[j], in block order', () => {
    const m = new Model({
      prior: { mu: new Normal(0, 5), w: plate(new Normal(0, 1), 3), s: new Exponential(1) },
      likelihood: ({ mu, w }, i) => new Normal(add(mu, w[i % 3]), 1),
      data: [0.5, 1, 1.5],
    });
    const rows = fit(m, { seed: 2, maxSteps: 200, convergence: false }).summary({ draws: 100 });
    expect(rows.map((x) => x.name)).toEqual(['mu', 'w[0]', 'w[1]', 'w[2]', 's']);
    for (const x of rows) expect(x.q05 <= x.q50 && x.q50 <= x.q95 && x.sd > 0).toBe(true);
  });

  it('refuses bad options', () => {
    expect(() => r.summary({ draws: 1 })).toThrow(/summary: draws must be at least 2, got 1/);
    expect(() => r.summary({ probs: [1.5] })).toThrow(/summary: probs\[0\] must be in \[0, 1\], got 1.5/);
    expect(() => r.summary({ seed: 'x' as never })).toThrow(/summary: seed must be an integer/);
  });
});
