/**
 * The families' point kernels (used by replayed per-datum likelihoods) against
 * the instance methods they stand in for, across the parameter range: Normal bit for
 * bit, BernoulliLogit within a few ulps (one exponential instead of two), Poisson
 * within the documented rounding of its k·log λ − λ − log k! form, StudentT and Binomial
 * bit for bit, Exponential, Gamma and LogNormal bit for bit (property tests over the
 * whole parameter range); NaN exactly where the
 * constructor refuses the parameters, −∞ off the support.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bernoulli, BernoulliLogit, Binomial, Cauchy, Exponential, Gamma, InvalidParameterError, LogNormal, Normal, Poisson, StudentT } from '../../src/index';
import type { PointLogPdfKernel } from '../../src/distributions/point-kernel';

/** Runs a kernel at the given (params…, x) points; params column-major as the kernel reads them. */
function run(k: PointLogPdfKernel, pts: number[][], prepare = false): { value: Float64Array; partials: Float64Array } {
  const m = pts.length;
  const A = k.arity;
  const params = new Float64Array(A * m);
  const x = new Float64Array(m);
  pts.forEach((p, j) => {
    for (let a = 0; a < A; a++) params[a * m + j] = p[a];
    x[j] = p[A];
  });
  const value = new Float64Array(m);
  const partials = new Float64Array(A * m);
  k.evaluate(m, params, x, prepare && k.prepare !== undefined ? k.prepare(x) : null, value, partials);
  return { value, partials };
}

const ulps = (a: number, b: number): number => (Object.is(a, b) ? 0 : Math.abs(a - b) / (Number.EPSILON * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE)));

describe('Normal.pointKernel', () => {
  it('has the bits of logPdfPartials, and NaN where the constructor refuses', () => {
    const pts: number[][] = [];
    for (const mu of [0, -3.5, 1e-300, 1e300]) for (const s of [1, 1e-300, 2.5, 1e300]) for (const x of [0, 1.3, -1e10]) pts.push([mu, s, x]);
    const r = run(Normal.pointKernel, pts);
    const out = new Float64Array(3);
    pts.forEach(([mu, s, x], j) => {
      const v = new Normal(mu, s).logPdfPartials(x, out);
      expect(r.value[j]).toBe(v);
      expect(r.partials[j]).toBe(out[1]);
      expect(r.partials[pts.length + j]).toBe(out[2]);
    });
    const bad = run(Normal.pointKernel, [[0, 0, 1], [NaN, 1, 1], [0, -1, 1], [Infinity, 1, 0], [0, Infinity, 0]]);
    expect(Array.from(bad.value).every(Number.isNaN)).toBe(true);
    expect(() => new Normal(0, 0)).toThrow(InvalidParameterError);
  });
});

describe('value-only passes (kernel.values)', () => {
  it('give the bits of evaluate\'s values, NaN included, wherever a kernel has them', () => {
    const kernels = [Normal, LogNormal, Poisson, BernoulliLogit, Bernoulli, Exponential, Gamma, StudentT, Binomial, Cauchy]
      .map((c) => (c as unknown as { pointKernel?: PointLogPdfKernel }).pointKernel)
      .filter((k): k is PointLogPdfKernel => k !== undefined && k.values !== undefined);
    expect(kernels.length).toBeGreaterThan(0);
    const level = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, 1, -1, 2.5, 1e-300, 1e300, Infinity, -Infinity, NaN));
    for (const k of kernels) {
      fc.assert(
        fc.property(fc.array(fc.array(level, { minLength: k.arity + 1, maxLength: k.arity + 1 }), { minLength: 1, maxLength: 9 }), (pts) => {
          const m = pts.length;
          const params = new Float64Array(k.arity * m);
          const x = new Float64Array(m);
          pts.forEach((p, j) => {
            for (let a = 0; a < k.arity; a++) params[a * m + j] = p[a];
            x[j] = p[k.arity];
          });
          const aux = k.prepare !== undefined ? k.prepare(x) : null;
          const full = new Float64Array(m);
          k.evaluate(m, params, x, aux, full, new Float64Array(k.arity * m));
          const only = new Float64Array(m);
          k.values!(m, params, x, aux, only);
          for (let j = 0; j < m; j++) expect(Object.is(only[j], full[j]) || (Number.isNaN(only[j]) && Number.isNaN(full[j]))).toBe(true);
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('Bernoulli.pointKernel', () => {
  it('has the bits of logPdfPartials for p over [0, 1], both outcomes and off the support; NaN where the constructor refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 5e-324, 1 - 2 ** -53, 0.5)), fc.constantFrom(0, 1, 2, -1, 0.5), (p, k) => {
        const r = run(Bernoulli.pointKernel, [[p, k]]);
        const out = new Float64Array(2);
        const v = new Bernoulli(p).logPdfPartials(k, out);
        // The instance sums from 0, so its −0 is +0: compare values with ==.
        expect(r.value[0] === v || (Number.isNaN(r.value[0]) && Number.isNaN(v))).toBe(true);
        expect(r.partials[0] === out[1]).toBe(true);
      }),
    );
    const bad = run(Bernoulli.pointKernel, [[-0.1, 1], [1.1, 0], [NaN, 1]]);
    expect(Array.from(bad.value).every(Number.isNaN)).toBe(true);
  });
});

describe('BernoulliLogit.pointKernel', () => {
  it('within 4 ulps of logPdfPartials from ℓ = ±1e-300 to ±1e300, both outcomes', () => {
    const pts: number[][] = [];
    for (const l of [0, 1e-300, 1e-8, 0.5, 3, 18, 18.5, 33.3, 36.9, 37.1, 100, 700, 745, 800, 1e300]) for (const sign of [1, -1]) for (const k of [0, 1]) pts.push([sign * l, k]);
    const r = run(BernoulliLogit.pointKernel, pts);
    const out = new Float64Array(2);
    pts.forEach(([l, k], j) => {
      const v = new BernoulliLogit(l).logPdfPartials(k, out);
      expect(ulps(r.value[j], v), `value at ℓ = ${l}, k = ${k}`).toBeLessThanOrEqual(4);
      expect(ulps(r.partials[j], out[1]), `∂/∂ℓ at ℓ = ${l}, k = ${k}`).toBeLessThanOrEqual(4);
    });
    expect(Array.from(run(BernoulliLogit.pointKernel, [[NaN, 1], [Infinity, 0], [-Infinity, 1]]).value).every(Number.isNaN)).toBe(true);
  });
});

describe('Poisson.pointKernel', () => {
  it('within a few ulps of k·|log λ| + λ + log k! of the exact log P(k | λ), λ from 1e-300 to 1e6', () => {
    const pts: number[][] = [];
    for (const rate of [1e-300, 1e-10, 0.3, 1, 7.5, 250, 1e6]) for (const k of [0, 1, 3, 20, 1000, 1e6]) pts.push([rate, k]);
    const r = run(Poisson.pointKernel, pts, true);
    const out = new Float64Array(2);
    pts.forEach(([rate, k], j) => {
      const v = new Poisson(rate).logPdfPartials(k, out);
      const lgk = Math.abs(k * Math.log(rate)) + rate + (k > 1 ? k * Math.log(k) : 1);
      expect(Math.abs(r.value[j] - v), `λ = ${rate}, k = ${k}`).toBeLessThanOrEqual(8 * Number.EPSILON * lgk);
      expect(r.partials[j]).toBe(out[1]);
    });
    expect(Array.from(run(Poisson.pointKernel, [[0, 1], [-1, 0], [NaN, 2], [Infinity, 1]], true).value).every(Number.isNaN)).toBe(true);
  });
});

describe('Cauchy.pointKernel and sumKernel', () => {
  it('have the bits of logPdfPartials (tails where t² overflows included), NaN where the constructor refuses', () => {
    const pts: number[][] = [];
    for (const mu of [0, -3.5, 1e300]) for (const s of [1, 1e-300, 2.5, 1e300]) for (const x of [0, 1.3, -1e10, 1e308]) pts.push([mu, s, x]);
    const r = run(Cauchy.pointKernel, pts);
    const out = new Float64Array(3);
    pts.forEach(([mu, s, x], j) => {
      const v = new Cauchy(mu, s).logPdfPartials(x, out);
      expect(r.value[j]).toBe(v);
      expect(r.partials[j]).toBe(out[1]);
      expect(r.partials[pts.length + j]).toBe(out[2]);
    });
    expect(Array.from(run(Cauchy.pointKernel, [[0, 0, 1], [NaN, 1, 1], [0, -1, 1]]).value).every(Number.isNaN)).toBe(true);
    const xs = Float64Array.of(0.3, -2, 7, 1e200);
    const k = new Float64Array(3);
    const d = new Float64Array(3);
    expect(Cauchy.sumKernel.sumLogPdfPartials(Float64Array.of(0.5, 2), xs, k)).toBeCloseTo(new Cauchy(0.5, 2).sumLogPdfPartials(xs, d), 12);
    expect(k[1]).toBeCloseTo(d[1], 12);
    expect(k[2]).toBeCloseTo(d[2], 12);
    expect(Cauchy.sumKernel.statistics(xs)).toBeUndefined();
  });
});

/** The same double, or both zeros (a sum from 0 turns −0 into +0). */
const sameOrZeros = (a: number, b: number): boolean => Object.is(a, b) || (a === 0 && b === 0);

/** A double over every magnitude in (0, max], or one of the given values. */
const positive = (...special: number[]): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(...special), fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }).map((e) => 10 ** e));

describe('StudentT.pointKernel', () => {
  const nu = positive(5e-324, 1e-300, 1e-10, 1e-8, 0.01, 1, 4, 20, 1e8, 1e15, 1e300, Number.MAX_VALUE);
  const mu = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -10, max: 10, noNaN: true }));
  const sigma = positive(1e-300, 1e-10, 1, 1e300, Number.MAX_VALUE);
  // fast-check's doubles lean to 0 and the extremes; the uniform grid adds the bulk.
  const x = fc.oneof(fc.double({ noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.noBias(fc.integer({ min: -(2 ** 20), max: 2 ** 20 })).map((i) => i / 2 ** 16), fc.constantFrom(0, 1e308, -1e308, 5e-324));
  // Runs of a repeated ν and σ, as a replayed column of constants gives, between changes.
  const points = fc.array(fc.tuple(nu, mu, sigma, x, fc.nat(3)), { minLength: 1, maxLength: 12 }).map((ts) => ts.flatMap(([n, m, s, y, reps]) => Array.from({ length: reps + 1 }, (_, r) => [n, m, s, r === 0 ? y : y + r])));

  it('has the bits of logPdfPartials and of the summed kernel at one point, ν from 5e-324 to 1.8e308', () => {
    const out = new Float64Array(4);
    const sum = new Float64Array(4);
    fc.assert(
      fc.property(points, (pts) => {
        const r = run(StudentT.pointKernel, pts);
        const m = pts.length;
        pts.forEach(([n, mu_, s, y], j) => {
          const v = new StudentT(n, mu_, s).logPdfPartials(y, out);
          const at = `ν = ${n}, μ = ${mu_}, σ = ${s}, x = ${y}`;
          expect(Object.is(r.value[j], v), `value at ${at}: ${r.value[j]} vs ${v}`).toBe(true);
          for (let k = 0; k < 3; k++) expect(Object.is(r.partials[k * m + j], out[k + 1]), `∂${k} at ${at}`).toBe(true);
          const vs = StudentT.sumKernel.sumLogPdfPartials(Float64Array.of(n, mu_, s), [y], sum);
          expect(sameOrZeros(vs, v), `summed kernel at ${at}`).toBe(true);
          for (let k = 1; k <= 3; k++) expect(sameOrZeros(sum[k], out[k]), `summed ∂${k - 1} at ${at}`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is NaN exactly where the constructor refuses, beside accepted points', () => {
    const refused = [[0, 0, 1], [-1, 0, 1], [NaN, 0, 1], [Infinity, 0, 1], [4, NaN, 1], [4, Infinity, 1], [4, -Infinity, 1], [4, 0, 0], [4, 0, -2], [4, 0, NaN], [4, 0, Infinity]];
    const pts = refused.flatMap((p) => [[...p, 0.5], [4, 0, 1, 0.5]]);
    const r = run(StudentT.pointKernel, pts);
    pts.forEach(([n, m, s], j) => {
      if (j % 2 === 0) {
        expect(r.value[j]).toBeNaN();
        expect(() => new StudentT(n, m, s)).toThrow(InvalidParameterError);
      } else expect(r.value[j]).toBe(new StudentT(4, 0, 1).logPdf(0.5));
    });
  });
});

describe('Binomial.pointKernel', () => {
  const n = fc.oneof(fc.constantFrom(0, 1, 2, 15, 16, 17, 1e6, 2 ** 53 - 1), fc.nat(40), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.double({ min: 0, max: 15, noNaN: true }).map((e) => Math.floor(10 ** e)));
  // Uniform fractions besides fast-check's doubles (biased to 0 and to tiny magnitudes).
  const fraction = fc.noBias(fc.integer({ min: 1, max: 2 ** 30 - 1 })).map((i) => i / 2 ** 30);
  const p = fc.oneof(fc.constantFrom(0, 1, 0.5, 5e-324, 1e-300, 1e-10, 1 - 2 ** -53), fc.double({ min: 0, max: 1, noNaN: true }), fraction, fraction);
  /** A k of n's support (its ends often), or one just off it. */
  const count = fc.tuple(fc.oneof(fraction, fc.double({ min: 0, max: 1, noNaN: true })), fc.constantFrom('inside', 'inside', 'inside', 'zero', 'n', 'above', 'fraction', 'negative'));
  const countOf = (nn: number, [u, where]: [number, string]): number =>
    ({ inside: Math.floor(u * nn), zero: 0, n: nn, above: nn + 1, fraction: Math.floor(u * nn) + 0.5, negative: -1 })[where] as number;
  // As a replayed step lays them out: runs of one n (a column of constants) over data
  // k, each datum's rows a run of the same (n, k) with different p.
  const datum = fc.tuple(count, fc.array(p, { minLength: 1, maxLength: 3 }));
  const points = fc
    .array(fc.tuple(n, fc.array(datum, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 6 })
    .map((runs) => runs.flatMap(([nn, data]) => data.flatMap(([c, ps]) => ps.map((pp) => [nn, pp, countOf(nn, c)]))));

  it('has the bits of logPdfPartials and of the summed kernel at one point, n up to 2⁵³ − 1, p = 0 and 1, k = 0 and n', () => {
    const out = new Float64Array(3);
    const sum = new Float64Array(3);
    fc.assert(
      fc.property(points, (pts) => {
        const r = run(Binomial.pointKernel, pts, true);
        const m = pts.length;
        pts.forEach(([nn, pp, k], j) => {
          const v = new Binomial(nn, pp).logPdfPartials(k, out);
          const at = `n = ${nn}, p = ${pp}, k = ${k}`;
          expect(Object.is(r.value[j], v), `value at ${at}: ${r.value[j]} vs ${v}`).toBe(true);
          expect(Object.is(r.partials[j], out[1]), `∂/∂n at ${at}`).toBe(true);
          expect(Object.is(r.partials[m + j], out[2]), `∂/∂p at ${at}: ${r.partials[m + j]} vs ${out[2]}`).toBe(true);
          const vs = Binomial.sumKernel.sumLogPdfPartials(Float64Array.of(nn, pp), [k], sum);
          expect(sameOrZeros(vs, v), `summed kernel at ${at}`).toBe(true);
          expect(sameOrZeros(sum[2], out[2]), `summed ∂/∂p at ${at}`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is −∞ with zero partials off the support, NaN exactly where the constructor refuses', () => {
    const off = run(Binomial.pointKernel, [[5, 0.3, 6], [5, 0.3, 2.5], [5, 0.3, -1], [0, 0.5, 1], [5, 0, 1], [5, 1, 4], [3, 0.5, Infinity]], true);
    expect(Array.from(off.value)).toEqual(Array(7).fill(-Infinity));
    expect(Array.from(off.partials).every((g) => g === 0)).toBe(true);
    const refused = [[-1, 0.5], [2.5, 0.5], [NaN, 0.5], [Infinity, 0.5], [2 ** 53, 0.5], [5, -0.1], [5, 1.1], [5, NaN]];
    const pts = refused.flatMap((q) => [[...q, 1], [5, 0.5, 1]]);
    const r = run(Binomial.pointKernel, pts, true);
    pts.forEach(([nn, pp], j) => {
      if (j % 2 === 0) {
        expect(r.value[j]).toBeNaN();
        expect(() => new Binomial(nn, pp)).toThrow(InvalidParameterError);
      } else expect(r.value[j]).toBe(new Binomial(5, 0.5).logPdf(1));
    });
  });
});

/** The bits of `logPdfPartials` at every point of `pts` (params…, x), or NaN where the constructor refuses. */
function expectPartialsBits(k: PointLogPdfKernel, pts: number[][], make: (...p: number[]) => { logPdfPartials(x: number, out: Float64Array): number }): void {
  const r = run(k, pts, true);
  const m = pts.length;
  const A = k.arity;
  const out = new Float64Array(A + 1);
  pts.forEach((pt, j) => {
    const at = `(${pt.join(', ')})`;
    let d: { logPdfPartials(x: number, out: Float64Array): number };
    try {
      d = make(...pt.slice(0, A));
    } catch (e) {
      expect(e, `refused at ${at}`).toBeInstanceOf(InvalidParameterError);
      expect(r.value[j], `NaN where refused at ${at}`).toBeNaN();
      return;
    }
    const v = d.logPdfPartials(pt[A], out);
    expect(Object.is(r.value[j], v), `value at ${at}: ${r.value[j]} vs ${v}`).toBe(true);
    for (let a = 0; a < A; a++) expect(Object.is(r.partials[a * m + j], out[a + 1]), `∂${a} at ${at}: ${r.partials[a * m + j]} vs ${out[a + 1]}`).toBe(true);
  });
}

/** Any double (NaN, ±∞ and 0 included), besides the given values. */
const anyParam = (...special: number[]): fc.Arbitrary<number> => fc.oneof(fc.constantFrom(...special), fc.double(), fc.double({ min: -3, max: 3, noNaN: true }).map((e) => 10 ** e));
/** A datum: any double, a uniform grid over [0, 16), or the ends of the supports. */
const datum = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 20, noNaN: true }),
  fc.noBias(fc.integer({ min: 0, max: 2 ** 20 })).map((i) => i / 2 ** 16),
  fc.constantFrom(0, -0, 5e-324, 1e-300, 1, 1e308, Number.MAX_VALUE, Infinity, -1, -Infinity),
);
/** Runs of repeated parameter tuples (a replayed column of constants), each at a few data. */
const runsOf = (params: fc.Arbitrary<number[]>): fc.Arbitrary<number[][]> =>
  fc.array(fc.tuple(params, fc.array(datum, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 10 }).map((rs) => rs.flatMap(([p, ys]) => ys.map((y) => [...p, y])));

describe('Exponential.pointKernel', () => {
  const rate = anyParam(5e-324, 1e-300, 1e-10, 1, 3.5, 1e10, 1e300, Number.MAX_VALUE, 0, -1, NaN, Infinity);
  it('has the bits of logPdfPartials, λ from 5e-324 to 1.8e308; NaN where the constructor refuses', () => {
    fc.assert(fc.property(runsOf(rate.map((r) => [r])), (pts) => expectPartialsBits(Exponential.pointKernel, pts, (r) => new Exponential(r))), { numRuns: 300 });
  });
  it('is −∞ with a zero partial off the support', () => {
    const r = run(Exponential.pointKernel, [[2, -1], [2, Infinity], [5e-324, Infinity]]);
    expect(Array.from(r.value)).toEqual([-Infinity, -Infinity, -Infinity]);
    expect(Array.from(r.partials)).toEqual([0, 0, 0]);
  });
});

describe('Gamma.pointKernel', () => {
  // Shapes across the moderate and saddle-point (α ≥ 10) forms, and at α = 1 and below 1.
  const shape = anyParam(5e-324, 1e-300, 1e-8, 0.3, 1, 2, 9.999999999999998, 10, 37.5, 1e6, 1e300, Number.MAX_VALUE, 0, -2, NaN, Infinity);
  const rate = anyParam(5e-324, 1e-300, 1e-10, 1, 3, 1e10, 1e300, Number.MAX_VALUE, 0, -1, NaN, Infinity);
  it('has the bits of logPdfPartials, α and β from 5e-324 to 1.8e308, x = 0 included; NaN where the constructor refuses', () => {
    fc.assert(fc.property(runsOf(fc.tuple(shape, rate)), (pts) => expectPartialsBits(Gamma.pointKernel, pts, (a, b) => new Gamma(a, b))), { numRuns: 400 });
  });
  it('in a GLM column (one α, β per point) too', () => {
    fc.assert(
      fc.property(shape, fc.array(fc.tuple(rate, datum), { minLength: 1, maxLength: 20 }), (a, rs) => expectPartialsBits(Gamma.pointKernel, rs.map(([b, y]) => [a, b, y]), (aa, b) => new Gamma(aa, b))),
      { numRuns: 200 },
    );
  });
  it('is −∞ with zero partials off the support, +∞ at the pole x = 0 for α < 1', () => {
    const r = run(Gamma.pointKernel, [[2, 1, -1], [2, 1, Infinity], [2, 1, 0], [0.5, 1, 0]], true);
    expect(Array.from(r.value)).toEqual([-Infinity, -Infinity, -Infinity, Infinity]);
    expect(Array.from(r.partials)).toEqual([0, 0, 0, -Infinity, 0, 0, 0, 0.5]);
  });
});

describe('LogNormal.pointKernel', () => {
  const mu = fc.oneof(fc.double(), fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(0, 1e-300, -1e300, 1e300, NaN, Infinity, -Infinity));
  const sigma = anyParam(5e-324, 1e-300, 1e-10, 1, 2.5, 1e10, 1e300, Number.MAX_VALUE, 0, -1, NaN, Infinity);
  it('has the bits of logPdfPartials, σ from 5e-324 to 1.8e308; NaN where the constructor refuses', () => {
    fc.assert(fc.property(runsOf(fc.tuple(mu, sigma)), (pts) => expectPartialsBits(LogNormal.pointKernel, pts, (m, s) => new LogNormal(m, s))), { numRuns: 400 });
  });
  it('is −∞ with zero partials off the support', () => {
    const r = run(LogNormal.pointKernel, [[0, 1, 0], [0, 1, -2], [0, 1, Infinity]], true);
    expect(Array.from(r.value)).toEqual([-Infinity, -Infinity, -Infinity]);
    expect(Array.from(r.partials).every((g) => g === 0)).toBe(true);
  });
});
