/**
 * Property tests: whatever curves, traces and samples come in, the specs hold only
 * finite numbers, rescaled curves have area 1, and thinning keeps its promises.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, LogNormal, Normal } from '../../src/index';
import { densityPlot, histogramPlot, thinTrace, tracePlot, trapezoid } from '../../src/plot/index';
import { allNumbers, curveOf } from './spec-data';

/** Any double, including NaN, ±∞, ±0, subnormals and huge values. */
const anyDouble = fc.double();
/** A "wild" value: mostly ordinary, sometimes special. */
const wild = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324) },
  { weight: 1, arbitrary: anyDouble },
);

/** A random function of x built from a few shapes, producing wild values. */
const curveFn = fc
  .tuple(fc.constantFrom('gauss', 'power', 'table', 'step'), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.array(wild, { minLength: 1, maxLength: 16 }))
  .map(([shape, a, table]) => {
    switch (shape) {
      case 'gauss':
        return (x: number) => a - 0.5 * x * x;
      case 'power':
        return (x: number) => Math.pow(x, a);
      case 'table':
        return (x: number) => table[Math.abs(Math.floor(x * 7)) % table.length];
      default:
        return (x: number) => (x > a / 1000 ? table[0] : table[table.length - 1]);
    }
  });

const distribution = fc.oneof(
  fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 1e-3, max: 100, noNaN: true })).map(([m, s]) => new Normal(m, s)),
  fc.double({ min: 1e-3, max: 1e3, noNaN: true }).map((r) => new Exponential(r)),
  fc.tuple(fc.double({ min: 0.05, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 50, noNaN: true })).map(([a, b]) => new Gamma(a, b)),
  fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true })).map(([m, s]) => new LogNormal(m, s)),
);

const domain = fc
  .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }))
  .map(([lo, w]) => [lo, lo + w] as [number, number])
  .filter(([lo, hi]) => lo < hi);

const allFinite = (spec: unknown): boolean => allNumbers(spec).every(Number.isFinite);

describe('plot properties (fast-check)', () => {
  it('densityPlot: random curves never give non-finite data; rescaled curves have area 1', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            density: fc.oneof(curveFn, distribution),
            logScale: fc.boolean(),
            rescale: fc.boolean(),
            dash: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.option(domain, { nil: undefined }),
        fc.integer({ min: 2, max: 300 }),
        (specs, dom, points) => {
          const curves = specs.map((c, i) => ({ ...c, name: `c${i}` }));
          const hasDistribution = curves.some((c) => typeof c.density !== 'function');
          let spec;
          try {
            spec = densityPlot(dom === undefined ? { curves, points } : { curves, points, domain: dom });
          } catch (e) {
            // Allowed failures: no domain derivable, a rescaled curve without mass, or a
            // curve with no finite value anywhere on the domain.
            expect(e).toBeInstanceOf(RangeError);
            const msg = (e as Error).message;
            expect(
              (dom === undefined && !hasDistribution && /domain/.test(msg)) || /rescale/.test(msg) || /NaN or infinite at every point/.test(msg),
              msg,
            ).toBe(true);
            return;
          }
          expect(allFinite(spec)).toBe(true);
          expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
          for (const c of curves) {
            if (!c.rescale) continue;
            const { x, y } = curveOf(spec, c.name);
            expect(Math.abs(trapezoid(x, y) - 1)).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tracePlot / thinTrace: random traces give finite data, ≤ maxPoints, ends and extremes kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(wild, { maxLength: 3000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 2, max: 500 }),
        fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }),
        (arrays, maxPoints, ref) => {
          const traces = arrays.map((values, i) => ({ name: `t${i}`, values }));
          const spec = tracePlot(traces, ref === undefined ? { maxPoints } : { maxPoints, reference: { value: ref } });
          expect(allFinite(spec)).toBe(true);
          for (const values of arrays) {
            const t = thinTrace(values, maxPoints);
            const finite = values.map((v, i) => [v, i] as const).filter(([v]) => Number.isFinite(v));
            expect(t.index.length).toBeLessThanOrEqual(maxPoints);
            expect(t.value.every(Number.isFinite)).toBe(true);
            if (finite.length === 0) {
              expect(t.index).toEqual([]);
              continue;
            }
            expect(t.index[0]).toBe(finite[0][1]);
            expect(t.index.at(-1)).toBe(finite.at(-1)![1]);
            for (let i = 1; i < t.index.length; i++) expect(t.index[i]).toBeGreaterThan(t.index[i - 1]);
            if (maxPoints >= 4) {
              const vs = finite.map(([v]) => v);
              expect(t.value).toContain(Math.min(...vs));
              expect(t.value).toContain(Math.max(...vs));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('histogramPlot: random samples give finite data and bars of area ≤ 1', () => {
    fc.assert(
      fc.property(
        fc.array(wild, { minLength: 1, maxLength: 500 }),
        fc.oneof(curveFn, distribution),
        fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
        fc.option(domain, { nil: undefined }),
        (samples, density, bins, dom) => {
          const options = { ...(bins === undefined ? {} : { bins }), ...(dom === undefined ? {} : { domain: dom }) };
          let spec;
          try {
            spec = histogramPlot(samples, density, options);
          } catch (e) {
            // Allowed: no finite sample, or a sample range too wide for finite arithmetic.
            expect(e).toBeInstanceOf(RangeError);
            return;
          }
          expect(allFinite(spec)).toBe(true);
          const bars = (spec.layer as { data: { values: { binStart: number; binEnd: number; density: number }[] } }[])[0].data.values;
          const area = bars.reduce((s, b) => s + b.density * (b.binEnd - b.binStart), 0);
          expect(area).toBeLessThanOrEqual(1 + 1e-9);
          if (dom === undefined) expect(area).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
