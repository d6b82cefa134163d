import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, LogNormal, Normal } from '../../src/index';
import { densityPlot, trapezoid, VEGA_LITE_SCHEMA } from '../../src/plot/index';
import { curveOf, datasets, expectPlainFiniteJson } from './spec-data';

const x = 1.3;
const logJoint = (z: number): number => new Exponential(1).logPdf(z) + new Normal(z, 1).logPdf(x);

describe('densityPlot', () => {
  const curves = [
    { name: 'prior', density: new Exponential(1), dash: true },
    { name: 'joint (rescaled)', density: logJoint, logScale: true, rescale: true },
    { name: 'q LogNormal', density: new LogNormal(-0.2, 0.7) },
    { name: 'q Gamma', density: new Gamma(0.5, 1) }, // +∞ at 0: dropped
  ];

  it('returns a self-contained Vega-Lite spec with a row per curve and grid point', () => {
    const spec = densityPlot({ curves, domain: [0, 4], points: 101, title: 't', xLabel: 'z' });
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(spec.title).toBe('t');
    expectPlainFiniteJson(spec);
    const rows = datasets(spec)[0];
    expect(curveOf(spec, 'prior').x).toHaveLength(101);
    expect(curveOf(spec, 'q Gamma').x).toHaveLength(100); // x = 0 dropped
    expect(rows).toHaveLength(101 * 3 + 100);
    expect(curveOf(spec, 'prior').x[0]).toBe(0);
    expect(curveOf(spec, 'prior').x.at(-1)).toBe(4);
    expect(curveOf(spec, 'prior').y[0]).toBeCloseTo(1, 14);
  });

  it('rescaled curves integrate to 1 on the grid (trapezoid) within 1e-9', () => {
    for (const points of [2, 3, 50, 400, 4001]) {
      const spec = densityPlot({ curves, domain: [0, 6], points });
      const c = curveOf(spec, 'joint (rescaled)');
      expect(Math.abs(trapezoid(c.x, c.y) - 1)).toBeLessThan(1e-9);
    }
  });

  it('rescales huge or tiny unnormalized densities (log scale and linear)', () => {
    const spec = densityPlot({
      domain: [-5, 5],
      curves: [
        { name: 'log, +1000', density: (z) => 1000 - 0.5 * z * z, logScale: true, rescale: true },
        { name: 'log, -1000', density: (z) => -1000 - 0.5 * z * z, logScale: true, rescale: true },
        { name: 'linear, 1e300', density: (z) => 1e300 * Math.exp(-0.5 * z * z), rescale: true },
        { name: 'linear, NaN holes', density: (z) => (z > 1 && z < 1.2 ? NaN : Math.exp(-0.5 * z * z)), rescale: true },
      ],
    });
    expectPlainFiniteJson(spec);
    for (const name of ['log, +1000', 'log, -1000', 'linear, 1e300', 'linear, NaN holes']) {
      const c = curveOf(spec, name);
      expect(Math.abs(trapezoid(c.x, c.y) - 1)).toBeLessThan(1e-9);
    }
    // The same shape, whatever the constant: the rescaled curve is ≈ N(0, 1) on [-5, 5].
    const a = curveOf(spec, 'log, +1000');
    const b = curveOf(spec, 'log, -1000');
    for (let i = 0; i < a.y.length; i++) expect(a.y[i]).toBeCloseTo(b.y[i], 12);
    expect(a.y[200]).toBeCloseTo(new Normal(0, 1).pdf(a.x[200]), 4);
  });

  it('takes the domain from the distributions’ 0.001 and 0.999 quantiles', () => {
    const n = new Normal(2, 0.5);
    const e = new Exponential(1);
    const spec = densityPlot({ curves: [{ name: 'n', density: n }, { name: 'e', density: e }, { name: 'f', density: () => 1 }] });
    const c = curveOf(spec, 'f');
    expect(c.x[0]).toBe(Math.min(n.quantile(0.001), e.quantile(0.001)));
    expect(c.x.at(-1)).toBe(Math.max(n.quantile(0.999), e.quantile(0.999)));
    expect(c.x).toHaveLength(400);
  });

  it('drops non-finite values and never emits NaN', () => {
    // A curve with no finite value at all is an error (issue #16), not an empty line.
    expect(() => densityPlot({ domain: [-1, 1], points: 21, curves: [{ name: 'nan', density: () => NaN }] })).toThrow(
      /curve "nan": the density is NaN or infinite at every point/,
    );
    const spec = densityPlot({
      domain: [-1, 1],
      points: 21,
      curves: [
        { name: 'inf', density: (z) => (z === 0 ? Infinity : 1) },
        { name: 'log overflow', density: (z) => (z > 0 ? 800 : 0), logScale: true },
        { name: 'log -inf is 0', density: () => -Infinity, logScale: true },
      ],
    });
    expectPlainFiniteJson(spec);
    expect(curveOf(spec, 'inf').x).toHaveLength(20);
    expect(curveOf(spec, 'log overflow').x).toHaveLength(11);
    expect(curveOf(spec, 'log -inf is 0').y).toEqual(new Array(21).fill(0));
  });

  it('colours by curve name in the given order, dashes the dashed ones, one legend', () => {
    const spec = densityPlot({ curves, domain: [0, 4] });
    const enc = spec.encoding as Record<string, { scale: { domain: string[]; range?: number[][] }; title: string }>;
    expect(enc.color.scale.domain).toEqual(curves.map((c) => c.name));
    expect(enc.strokeDash.scale.range).toEqual([[6, 4], [1, 0], [1, 0], [1, 0]]);
    expect(enc.strokeDash.title).toBe(enc.color.title);
    const plain = densityPlot({ curves: [{ name: 'a', density: new Normal(0, 1) }] });
    expect((plain.encoding as Record<string, unknown>).strokeDash).toBeUndefined();
  });

  it('rejects bad input with RangeError', () => {
    const one = [{ name: 'a', density: new Normal(0, 1) }];
    expect(() => densityPlot({ curves: [] })).toThrow(RangeError);
    expect(() => densityPlot({ curves: [...one, ...one] })).toThrow(/distinct/);
    expect(() => densityPlot({ curves: one, domain: [1, 1] })).toThrow(RangeError);
    expect(() => densityPlot({ curves: one, domain: [0, Infinity] })).toThrow(RangeError);
    expect(() => densityPlot({ curves: one, domain: [-1e308, 1e308] })).toThrow(RangeError);
    expect(() => densityPlot({ curves: one, points: 1 })).toThrow(RangeError);
    expect(() => densityPlot({ curves: one, points: 10.5 })).toThrow(RangeError);
    expect(() => densityPlot({ curves: one, width: 0 })).toThrow(RangeError);
    expect(() => densityPlot({ curves: [{ name: 'f', density: (z) => z }] })).toThrow(/domain/);
    expect(() => densityPlot({ curves: [{ name: 'z', density: () => 0, rescale: true }], domain: [0, 1] })).toThrow(/rescale/);
    expect(() => densityPlot({ curves: [{ name: 'z', density: () => -Infinity, logScale: true, rescale: true }], domain: [0, 1] })).toThrow(
      /rescale/,
    );
  });
});
