import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { movingAverage, thinTrace, tracePlot } from '../../src/plot/index';
import { datasets, expectPlainFiniteJson } from './spec-data';

function argmin(v: ArrayLike<number>): number {
  let k = -1;
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i]) && (k < 0 || v[i] < v[k])) k = i;
  return k;
}
function argmax(v: ArrayLike<number>): number {
  let k = -1;
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i]) && (k < 0 || v[i] > v[k])) k = i;
  return k;
}

describe('thinTrace', () => {
  it('returns short traces whole, minus non-finite values', () => {
    expect(thinTrace([1, NaN, 3, -Infinity, 5])).toEqual({ index: [0, 2, 4], value: [1, 3, 5] });
    expect(thinTrace([])).toEqual({ index: [], value: [] });
    expect(thinTrace([NaN, NaN])).toEqual({ index: [], value: [] });
  });

  it('keeps ≤ maxPoints points, the first and last, the extremes and every spike', () => {
    const n = 100_000;
    const v = Float64Array.from({ length: n }, (_, i) => -2 - 3 * Math.exp(-i / 5000) + 0.01 * Math.sin(i));
    v[12_345] = -50; // a downward spike
    v[77_777] = 10; // an upward spike
    v[0] = NaN; // a diverged first step: the first finite point is kept instead
    for (const maxPoints of [2, 3, 4, 5, 10, 2000]) {
      const t = thinTrace(v, maxPoints);
      expect(t.index.length).toBeLessThanOrEqual(maxPoints);
      expect(t.index[0]).toBe(1);
      expect(t.index.at(-1)).toBe(n - 1);
      if (maxPoints < 4) continue; // room for the ends only
      expect(t.index).toContain(12_345);
      expect(t.index).toContain(77_777);
      for (let i = 1; i < t.index.length; i++) expect(t.index[i]).toBeGreaterThan(t.index[i - 1]);
      t.index.forEach((k, i) => expect(t.value[i]).toBe(v[k]));
    }
    const t = thinTrace(v);
    expect(t.index.length).toBeGreaterThan(1900);
    expect(t.index).toContain(argmin(v));
    expect(t.index).toContain(argmax(v));
  });

  it('rejects a maxPoints below 2', () => {
    expect(() => thinTrace([1, 2, 3], 1)).toThrow(RangeError);
    expect(() => thinTrace([1, 2, 3], 2.5)).toThrow(RangeError);
  });
});

describe('tracePlot', () => {
  it('plots every trace at steps 1…n, thinned to ≤ maxPoints each, finite only', () => {
    const long = Float64Array.from({ length: 50_000 }, (_, i) => -1 - 1 / (i + 1));
    long[100] = -Infinity;
    const spec = tracePlot(
      [
        { name: 'long', values: long },
        { name: 'short', values: [-3, -2, NaN, -1.5] },
        { name: 'empty', values: [] },
      ],
      { maxPoints: 500 },
    );
    expectPlainFiniteJson(spec);
    const rows = datasets(spec)[0];
    const longRows = rows.filter((r) => r.fit === 'long');
    expect(longRows.length).toBeLessThanOrEqual(500);
    expect(longRows[0]).toEqual({ fit: 'long', step: 1, elbo: -2 });
    expect(longRows.at(-1)).toEqual({ fit: 'long', step: 50_000, elbo: long[49_999] });
    expect(rows.filter((r) => r.fit === 'short').map((r) => r.step)).toEqual([1, 2, 4]);
    const layer = spec.layer as { encoding: { color: { scale: { domain: string[] } } } }[];
    expect(layer).toHaveLength(1);
    expect(layer[0].encoding.color.scale.domain).toEqual(['long', 'short', 'empty']);
  });

  it('adds a labelled reference rule', () => {
    const spec = tracePlot([{ name: 'fit', values: [-3, -2.5] }], { reference: { value: -2.087, label: 'log p(x)' } });
    expectPlainFiniteJson(spec);
    const layer = spec.layer as { mark: { type: string } }[];
    expect(layer.map((l) => l.mark.type)).toEqual(['line', 'rule', 'text']);
    expect(datasets(spec)[1]).toEqual([{ reference: -2.087, label: 'log p(x)' }]);
    const unlabelled = tracePlot([{ name: 'fit', values: [1] }], { reference: { value: -2.0871234567 } });
    expect(datasets(unlabelled)[1][0].label).toBe('reference = -2.08712');
  });

  it('rejects bad input with RangeError', () => {
    expect(() => tracePlot([])).toThrow(RangeError);
    expect(() => tracePlot([{ name: 'a', values: [1] }, { name: 'a', values: [2] }])).toThrow(/distinct/);
    expect(() => tracePlot([{ name: 'a', values: [1] }], { reference: { value: NaN } })).toThrow(RangeError);
    expect(() => tracePlot([{ name: 'a', values: [1] }], { yDomain: [0, -1] })).toThrow(RangeError);
    expect(() => tracePlot([{ name: 'a', values: [1] }], { maxPoints: 1 })).toThrow(RangeError);
  });
});

describe('movingAverage', () => {
  /** The mean of the finite values of v[max(0, i − k + 1) … i], summed afresh. */
  function naive(v: ArrayLike<number>, k: number, i: number): number {
    let s = 0;
    let c = 0;
    for (let j = Math.max(0, i - k + 1); j <= i; j++) {
      if (Number.isFinite(v[j])) {
        s += v[j];
        c++;
      }
    }
    return c > 0 ? s / c : NaN;
  }

  it('is the trailing mean of the finite values in each window (start cut at step 0)', () => {
    expect(Array.from(movingAverage([1, 2, NaN, 4, 5], 2))).toEqual([1, 1.5, 2, 4, 4.5]);
    expect(Array.from(movingAverage([NaN, NaN, 3], 2))).toEqual([NaN, NaN, 3]);
    expect(Array.from(movingAverage([1, 2, 3], 1))).toEqual([1, 2, 3]);
    expect(Array.from(movingAverage([1, 2, 3], 10))).toEqual([1, 1.5, 2]);
    expect(() => movingAverage([1], 0)).toThrow(RangeError);
    expect(() => movingAverage([1], 2.5)).toThrow(RangeError);
  });

  it('matches the window sums computed afresh, to its stated rounding bound, on random traces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN), fc.constant(-Infinity)), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (v, k) => {
          const m = movingAverage(v, k);
          const big = v.reduce((a, x) => (Number.isFinite(x) ? Math.max(a, Math.abs(x)) : a), 0);
          for (let i = 0; i < v.length; i++) {
            const want = naive(v, k, i);
            if (Number.isNaN(want)) {
              expect(m[i]).toBeNaN();
              continue;
            }
            // Stated bound k²·ε·max|v| / c for the running sum, plus k·ε·max|v| / c for the fresh one.
            let c = 0;
            for (let j = Math.max(0, i - k + 1); j <= i; j++) if (Number.isFinite(v[j])) c++;
            expect(Math.abs(m[i] - want)).toBeLessThanOrEqual(((k * k + k) * Number.EPSILON * big) / c);
          }
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });
});

describe('tracePlot({ traces, ... }): one options object, smoothing, fits', () => {
  const a = Float64Array.from({ length: 400 }, (_, i) => -2 - Math.exp(-i / 50) + 0.1 * Math.sin(i));
  const b = [-5, -4, NaN, -3, -2.5];

  it('the one-argument form is the two-argument form', () => {
    const opts = { maxPoints: 100, title: 'ELBO', reference: { value: -1.9, label: 'log p(x)' } };
    expect(tracePlot({ traces: [{ name: 'a', values: a }], ...opts })).toEqual(tracePlot([{ name: 'a', values: a }], opts));
  });

  it('takes fits: { name, fit } plots fit.trace', () => {
    const fromFit = tracePlot({ traces: [{ name: 'a', fit: { trace: a } }, { name: 'b', values: b }] });
    expect(fromFit).toEqual(tracePlot({ traces: [{ name: 'a', values: a }, { name: 'b', values: b }] }));
  });

  it('smooth: k draws the moving average over the faded raw trace', () => {
    const spec = tracePlot({ traces: [{ name: 'a', values: a }, { name: 'b', values: b }], smooth: 5 });
    expectPlainFiniteJson(spec);
    const layer = spec.layer as { mark: { type: string; opacity?: number } }[];
    expect(layer.map((l) => l.mark.type)).toEqual(['line', 'line']);
    expect(layer[0].mark.opacity).toBe(0.3);
    expect(layer[1].mark.opacity).toBeUndefined();
    const [raw, smoothed] = datasets(spec);
    expect(raw.filter((r) => r.fit === 'a').map((r) => r.elbo)).toEqual(Array.from(a));
    const ma = movingAverage(b, 5);
    expect(smoothed.filter((r) => r.fit === 'b')).toEqual([0, 1, 2, 3, 4].map((i) => ({ fit: 'b', step: i + 1, elbo: ma[i] })));
    const only = tracePlot({ traces: [{ name: 'a', values: a }], smooth: 5, showRaw: false });
    expect((only.layer as unknown[]).length).toBe(1);
    expect(datasets(only)[0].map((r) => r.elbo)).toEqual(Array.from(movingAverage(a, 5)));
  });

  it('rejects a bad window, a missing trace list, a fit without a trace', () => {
    expect(() => tracePlot({ traces: [{ name: 'a', values: a }], smooth: 0 })).toThrow(/smooth must be an integer >= 1/);
    expect(() => tracePlot({ traces: [{ name: 'a', values: a }], smooth: 2.5 })).toThrow(RangeError);
    expect(() => tracePlot({} as never)).toThrow(/^tracePlot: options\.traces must be an array/);
    expect(() => tracePlot({ traces: [{ name: 'a', fit: {} as never }] })).toThrow(/values of trace "a" must be an array/);
  });
});
