import { describe, expect, it } from 'vitest';
import { Exponential, LogNormal, Normal, Rng } from '../../src/index';
import { histogramBins, histogramPlot, trapezoid } from '../../src/plot/index';
import { datasets, expectPlainFiniteJson } from './spec-data';

describe('histogramBins', () => {
  it('counts into half-open equal-width bins, the last one closed', () => {
    const h = histogramBins([0, 0.25, 0.5, 0.75, 1, 2, NaN], { bins: 4, domain: [0, 1] });
    expect(h.edges).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(h.counts).toEqual([1, 1, 1, 2]);
    expect(h.total).toBe(6); // the 2 counts in the normalizer, NaN does not
    expect(h.density).toEqual(h.counts.map((c) => c / 6 / 0.25));
  });

  it('has bars with total area 1 when the domain holds every sample (default)', () => {
    const xs = new LogNormal(0, 1).sample(new Rng(3), 5000);
    const h = histogramBins(xs);
    expect(h.edges[0]).toBe(Math.min(...xs));
    expect(h.edges.at(-1)).toBe(Math.max(...xs));
    expect(h.counts.reduce((a, b) => a + b)).toBe(5000);
    const area = h.density.reduce((s, d, k) => s + d * (h.edges[k + 1] - h.edges[k]), 0);
    expect(area).toBeCloseTo(1, 12);
    expect(h.counts.length).toBeGreaterThanOrEqual(1);
    expect(h.counts.length).toBeLessThanOrEqual(200);
  });

  it('handles a constant sample and rejects empty or invalid input', () => {
    const h = histogramBins([3, 3, 3]);
    expect(h.counts.reduce((a, b) => a + b)).toBe(3);
    expect(h.edges[0]).toBeLessThan(3);
    expect(h.edges.at(-1)).toBeGreaterThan(3);
    expect(() => histogramBins([])).toThrow(RangeError);
    expect(() => histogramBins([NaN, Infinity])).toThrow(RangeError);
    expect(() => histogramBins([1], { bins: 0 })).toThrow(RangeError);
    expect(() => histogramBins([1], { domain: [2, 1] })).toThrow(RangeError);
  });
});

describe('histogramPlot', () => {
  it('layers density-normalized bars with the curve, both in the legend', () => {
    const q = new Exponential(2);
    const xs = q.sample(new Rng(11), 20_000);
    const spec = histogramPlot(xs, q, { bins: 40, domain: [0, 3], title: 'draws' });
    expectPlainFiniteJson(spec);
    const [bars, curve] = datasets(spec);
    expect(bars).toHaveLength(40);
    expect(curve).toHaveLength(400);
    // Bars approximate the density: compare with the bin-averaged density (within ~5 stderr).
    for (const b of bars.slice(0, 20)) {
      const a = b.binStart as number;
      const c = b.binEnd as number;
      const p = q.cdf(c) - q.cdf(a);
      const expected = p / (c - a);
      const se = Math.sqrt(p * (1 - p) / 20_000) / (c - a);
      expect(Math.abs((b.density as number) - expected)).toBeLessThan(5 * se + 1e-12);
    }
    const layer = spec.layer as { encoding: { color: { datum: string; scale: { domain: string[] } } } }[];
    expect(layer[0].encoding.color.scale.domain).toEqual(['samples (n = 20000)', 'Exponential']);
    expect(layer.map((l) => l.encoding.color.datum)).toEqual(['samples (n = 20000)', 'Exponential']);
  });

  it('overlays a function, rescaled if asked, and takes labels', () => {
    const xs = new Normal(0, 1).sample(new Rng(5), 1000);
    const spec = histogramPlot(xs, (z) => -0.5 * z * z, { logScale: true, rescale: true, name: 'exp(-z²/2), rescaled', samplesLabel: 'draws' });
    const [, curve] = datasets(spec);
    expect(trapezoid(curve.map((r) => r.x as number), curve.map((r) => r.density as number))).toBeCloseTo(1, 12);
    expect(() => histogramPlot(xs, new Normal(0, 1), { name: 'x', samplesLabel: 'x' })).toThrow(RangeError);
  });
});
