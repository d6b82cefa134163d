/**
 * The sufficient-statistics form of each family's i.i.d. log-likelihood (the
 * `sumKernel.statistics` / `fromStatistics` pair the model layer uses): the same
 * value and partials as summing the per-point forms, to a tolerance derived from
 * the rounding of that sum (64 ulps of Σ|term|), row by row, with refused rows at
 * −∞; and the centred moments keep their accuracy where a naive formula cancels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContinuousDistribution, SumLogPdfKernel } from '../../src/distributions/distribution';
import { centredMoments } from '../../src/math/moments';
import { noStatistics } from '../../src/distributions/shared';
import { Rng } from '../../src/random/rng';
import { pointIn, registry, unitParams } from './registry';

const EPS = 2.220446049250313e-16;

function kernelOf(d: ContinuousDistribution): SumLogPdfKernel {
  return (d.constructor as unknown as { sumKernel: SumLogPdfKernel }).sumKernel;
}

/**
 * Families with their own sufficient-statistics kernel (the model layer's test, see
 * likelihood-kernel.ts); a summed kernel without statistics (Cauchy, StudentT:
 * `fromStatistics` is `noStatistics`) is summed point by point and tested below.
 */
const withKernel = registry.filter((e) => {
  const ctor = e.make(...unitParams(e)).constructor;
  return Object.prototype.hasOwnProperty.call(ctor, 'sumKernel') && kernelOf(e.make(...unitParams(e))).fromStatistics !== noStatistics;
});

/** Families whose summed kernel has no statistics: it must say so for any data, and sum as the instance does. */
const pointByPoint = registry.filter((e) => {
  const d = e.make(...unitParams(e));
  return Object.prototype.hasOwnProperty.call(d.constructor, 'sumKernel') && kernelOf(d).fromStatistics === noStatistics;
});

describe('summed kernels without statistics', () => {
  it('are the families expected, report no statistics, and sum as sumLogPdfPartials does', () => {
    expect(pointByPoint.map((e) => e.name).sort()).toEqual(['Cauchy', 'StudentT']);
    for (const entry of pointByPoint) {
      fc.assert(
        fc.property(entry.moderateParams.chain((p) => fc.tuple(fc.constant(p), fc.array(pointIn(entry.make(...p)), { maxLength: 30 }))), ([params, data]) => {
          const d = entry.make(...params);
          const k = kernelOf(d);
          const xs = Float64Array.from(data);
          expect(k.statistics(xs)).toBeUndefined();
          const a = new Float64Array(params.length + 1);
          const b = new Float64Array(params.length + 1);
          const va = k.sumLogPdfPartials(Float64Array.from([...params, ...new Array<number>(k.cacheSlots).fill(NaN)]), xs, a);
          const vb = d.sumLogPdfPartials(xs, b);
          const m = magnitudes(d, xs);
          expect(Math.abs(va - vb)).toBeLessThanOrEqual(64 * EPS * m.value);
          for (let j = 0; j < params.length; j++) expect(Math.abs(a[j + 1] - b[j + 1])).toBeLessThanOrEqual(64 * EPS * m.partials[j]);
        }),
        { numRuns: 40 },
      );
    }
  });
});

/** A fresh cache for `fromStatistics`. */
const nanCache = (k: SumLogPdfKernel): Float64Array => new Float64Array(k.cacheSlots).fill(NaN);

/** Σ|log f(xᵢ)| and Σ|∂/∂θ_k log f(xᵢ)|: the scale of the rounding error of the per-point sums. */
function magnitudes(d: ContinuousDistribution, xs: ArrayLike<number>): { value: number; partials: number[] } {
  const k = d.paramNames.length;
  const out = new Float64Array(k + 1);
  let value = 0;
  const partials = new Array<number>(k).fill(0);
  for (let i = 0; i < xs.length; i++) {
    value += Math.abs(d.logPdfPartials(xs[i], out));
    for (let j = 0; j < k; j++) partials[j] += Math.abs(out[j + 1]);
  }
  return { value, partials };
}

describe('sufficient statistics: the same sums as the per-point forms', () => {
  for (const entry of withKernel) {
    it(`${entry.name}: fromStatistics = sumLogPdfPartials within 64 ulps of Σ|term|`, () => {
      fc.assert(
        fc.property(
          entry.moderateParams.chain((p) => {
            const d = entry.make(...p);
            return fc.tuple(fc.constant(p), fc.array(pointIn(d), { minLength: 0, maxLength: 60 }), entry.moderateParams);
          }),
          ([dataParams, data, params]) => {
            const xs = Float64Array.from(data);
            const d = entry.make(...params);
            const kernel = kernelOf(d);
            const st = kernel.statistics(xs);
            // pointIn stays strictly inside the support, where every family has statistics.
            expect(st, `statistics of ${entry.name}(${dataParams}) data`).toBeDefined();
            const k = params.length;
            const value = new Float64Array(1);
            const partials = new Float64Array(k);
            kernel.fromStatistics(Float64Array.from(params), 1, st!, nanCache(kernel), value, partials);
            const out = new Float64Array(k + 1);
            const want = d.sumLogPdfPartials(xs, out);
            const mag = magnitudes(d, xs);
            expect(Math.abs(value[0] - want)).toBeLessThanOrEqual(64 * EPS * (mag.value + xs.length + 1));
            for (let j = 0; j < k; j++) {
              expect(Math.abs(partials[j] - out[j + 1])).toBeLessThanOrEqual(64 * EPS * (mag.partials[j] + xs.length + 1));
            }
          },
        ),
      );
    });

    it(`${entry.name}: rows are independent, and refused rows give −∞ with zero partials`, () => {
      fc.assert(
        fc.property(fc.array(entry.moderateParams, { minLength: 1, maxLength: 8 }), (rows) => {
          const first = entry.make(...rows[0]);
          const xs = first.sample(new Rng(rows.length), 25);
          const kernel = kernelOf(first);
          const st = kernel.statistics(xs)!;
          const k = rows[0].length;
          // Every other row gets a parameter the constructor refuses (the last one is positive in every family).
          const flat = Float64Array.from(rows.flatMap((p, r) => (r % 2 === 1 ? [...p.slice(0, -1), -1] : p)));
          const value = new Float64Array(rows.length);
          const partials = new Float64Array(rows.length * k).fill(NaN);
          kernel.fromStatistics(flat, rows.length, st, nanCache(kernel), value, partials);
          rows.forEach((p, r) => {
            if (r % 2 === 1) {
              expect(value[r]).toBe(-Infinity);
              for (let j = 0; j < k; j++) expect(partials[r * k + j] === 0).toBe(true);
              return;
            }
            const one = new Float64Array(1);
            const g = new Float64Array(k);
            kernel.fromStatistics(Float64Array.from(p), 1, st, nanCache(kernel), one, g);
            expect(value[r]).toBe(one[0]);
            for (let j = 0; j < k; j++) expect(partials[r * k + j]).toBe(g[j]);
          });
        }),
      );
    });
  }

  it('a datum outside the open support leaves the per-point form (no statistics)', () => {
    const byName = Object.fromEntries(registry.map((e) => [e.name, e]));
    expect(kernelOf(byName.Exponential.make(1)).statistics([1, -0.5])).toBeUndefined();
    expect(kernelOf(byName.Gamma.make(2, 1)).statistics([1, 0])).toBeUndefined();
    expect(kernelOf(byName.LogNormal.make(0, 1)).statistics([1, 0])).toBeUndefined();
    expect(kernelOf(byName.Normal.make(0, 1)).statistics([1e308, 1e308])).toBeUndefined();
    expect(kernelOf(byName.Exponential.make(1)).statistics([0, 2])).toEqual(Float64Array.of(2, 2));
  });

  it('no data: the statistics of the empty sum (value 0, partials 0)', () => {
    for (const entry of withKernel) {
      const d = entry.make(...(entry.name === 'Exponential' ? [2] : [0.5, 2]));
      const kernel = kernelOf(d);
      const value = new Float64Array(1);
      const partials = new Float64Array(kernel.arity);
      kernel.fromStatistics(Float64Array.from(d.operands), 1, kernel.statistics([])!, nanCache(kernel), value, partials);
      expect(value[0] === 0).toBe(true); // ±0
      for (const g of partials) expect(g === 0).toBe(true);
    }
  });
});

describe('centredMoments', () => {
  it('keeps Σ(x − x̄)² exact where Σx² − n·x̄² cancels completely (x = 2³⁰ + k·2⁻¹⁰)', () => {
    const n = 1001;
    const c = 2 ** 30;
    const h = 2 ** -10;
    const xs = Float64Array.from({ length: n }, (_, k) => c + k * h);
    const m = centredMoments(xs)!;
    expect(m[0]).toBe(n);
    expect(m[1]).toBe(c + ((n - 1) / 2) * h);
    const exact = (h * h * n * (n * n - 1)) / 12;
    expect(Math.abs(m[2] - exact)).toBeLessThanOrEqual(1e-12 * exact);
    let naive = 0;
    for (const x of xs) naive += x * x;
    naive -= n * m[1] * m[1];
    expect(Math.abs(naive - exact)).toBeGreaterThan(1e-3 * exact); // what the statistics avoid
  });

  it('one datum: mean x, sum of squares 0; a mapped datum set uses the map', () => {
    expect(centredMoments([1.3])).toEqual(Float64Array.of(1, 1.3, 0));
    expect(centredMoments([Math.E, Math.E], Math.log)).toEqual(Float64Array.of(2, 1, 0));
    expect(centredMoments([1, Infinity])).toBeUndefined();
  });
});
