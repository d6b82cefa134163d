/**
 * Sufficient statistics for i.i.d. discrete likelihoods (issue #12): Poisson,
 * Bernoulli and BernoulliLogit data reduce to O(1) statistics. The kernel's sums equal the
 * per-point sums within the rounding scale of the statistics formula, the model
 * takes the kernel (no likelihood call per evaluation once decided), and the
 * gradients stay exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bernoulli, BernoulliLogit, Beta, Binomial, exp, Gamma, Model, Normal, Poisson } from '../../src/index';
import type { SumLogPdfKernel } from '../../src/distributions/distribution';
import { lgamma } from '../../src/math/gamma-functions';
import { finiteDiff, maxRelDiff } from './helpers';

const EPS = 2.220446049250313e-16;
const kernelOf = (c: unknown): SumLogPdfKernel => (c as { sumKernel: SumLogPdfKernel }).sumKernel;

describe('discrete sufficient statistics', () => {
  it('Poisson: fromStatistics = per-point sum within ulps of Σk|log λ| + nλ + Σ log k!', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 60 }), fc.double({ min: -6, max: 8, noNaN: true }), (ks, e) => {
        const rate = 10 ** e;
        const xs = Float64Array.from(ks);
        const k = kernelOf(Poisson);
        const st = k.statistics(xs)!;
        const value = new Float64Array(1);
        const partials = new Float64Array(1);
        k.fromStatistics(Float64Array.of(rate), 1, st, new Float64Array(2).fill(NaN), value, partials);
        const out = new Float64Array(2);
        const want = new Poisson(rate).sumLogPdfPartials(xs, out);
        let scale = xs.length * rate + xs.length + 1;
        for (const x of ks) scale += x * Math.abs(Math.log(rate)) + lgamma(x + 1);
        expect(Math.abs(value[0] - want)).toBeLessThanOrEqual(64 * EPS * scale);
        let pscale = xs.length + 1;
        for (const x of ks) pscale += x / rate;
        expect(Math.abs(partials[0] - out[1])).toBeLessThanOrEqual(64 * EPS * pscale);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('BernoulliLogit: fromStatistics = per-point sum within 64 ulps of Σ|term|', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 80 }), fc.double({ min: -800, max: 800, noNaN: true }), (ks, l) => {
        const xs = Float64Array.from(ks);
        const k = kernelOf(BernoulliLogit);
        const value = new Float64Array(1);
        const partials = new Float64Array(1);
        k.fromStatistics(Float64Array.of(l), 1, k.statistics(xs)!, new Float64Array(0), value, partials);
        const out = new Float64Array(2);
        const want = new BernoulliLogit(l).sumLogPdfPartials(xs, out);
        const d = new BernoulliLogit(l);
        let scale = xs.length + 1;
        for (const x of ks) scale += Math.abs(d.logPdf(x));
        expect(Math.abs(value[0] - want)).toBeLessThanOrEqual(64 * EPS * scale);
        expect(Math.abs(partials[0] - out[1])).toBeLessThanOrEqual(64 * EPS * (xs.length + 1));
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('Bernoulli: fromStatistics = per-point sum within 64 ulps of Σ|term|, the ends p = 0 and 1 included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 80 }), fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-300, max: 1, noNaN: true })), (ks, p) => {
        const xs = Float64Array.from(ks);
        const k = kernelOf(Bernoulli);
        const value = new Float64Array(1);
        const partials = new Float64Array(1);
        k.fromStatistics(Float64Array.of(p), 1, k.statistics(xs)!, new Float64Array(0), value, partials);
        const out = new Float64Array(2);
        const want = new Bernoulli(p).sumLogPdfPartials(xs, out);
        if (want === -Infinity) {
          expect(value[0]).toBe(-Infinity);
          return;
        }
        const d = new Bernoulli(p);
        let scale = xs.length + 1;
        let pscale = xs.length + 1;
        for (const x of ks) {
          scale += Math.abs(d.logPdf(x));
          pscale += x === 1 ? 1 / p : 1 / (1 - p);
        }
        expect(Math.abs(value[0] - want)).toBeLessThanOrEqual(64 * EPS * scale);
        expect(Math.abs(partials[0] - out[1])).toBeLessThanOrEqual(64 * EPS * pscale);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('Binomial: fromStatistics = per-point sum within 64 ulps of the terms’ scale, for every n (counts above n: −∞), the ends p = 0 and 1 included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.integer({ min: 0, max: n }), { maxLength: 60 }), fc.integer({ min: 0, max: 400 }))),
        fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-300, max: 1, noNaN: true })),
        ([nData, ks, n], p) => {
          const xs = Float64Array.from(ks);
          const k = kernelOf(Binomial);
          const st = k.statistics(xs)!;
          const value = new Float64Array(1);
          const partials = new Float64Array(2);
          const cache = new Float64Array(2).fill(NaN);
          // n as the data's own and as another n (the cache keyed on it).
          for (const nn of [nData, n]) {
            k.fromStatistics(Float64Array.of(nn, p), 1, st, cache, value, partials);
            const out = new Float64Array(3);
            const want = new Binomial(nn, p).sumLogPdfPartials(xs, out);
            if (want === -Infinity) {
              expect(value[0]).toBe(-Infinity);
              continue;
            }
            let scale = xs.length + 1;
            let pscale = xs.length + 1;
            for (const x of ks) {
              // Zero counts contribute exactly 0 (no 0·∞).
              scale += (x === 0 ? 0 : x * Math.abs(Math.log(p))) + (nn === x ? 0 : (nn - x) * Math.abs(Math.log1p(-p))) + 3 * lgamma(nn + 1);
              pscale += (x === 0 ? 0 : x / p) + (nn === x ? 0 : (nn - x) / (1 - p));
            }
            expect(Math.abs(value[0] - want)).toBeLessThanOrEqual(64 * EPS * scale);
            expect(Math.abs(partials[1] - out[2])).toBeLessThanOrEqual(64 * EPS * pscale);
            expect(partials[0]).toBe(0);
          }
        },
      ),
      { numRuns: 300, seed: 15 },
    );
    // Counts far above the data size keep the per-point form.
    expect(kernelOf(Binomial).statistics(Float64Array.of(5000, 3))).toBeUndefined();
    expect(kernelOf(Binomial).statistics(Float64Array.of(1.5))).toBeUndefined();
  });

  it('an i.i.d. Binomial likelihood is reduced to its statistics: no call after the decision, exact gradient', () => {
    const data = Array.from({ length: 400 }, (_, i) => (i * 7) % 13);
    let calls = 0;
    const m = new Model({ prior: { p: new Beta(2, 3) }, likelihood: ({ p }) => (calls++, new Binomial(12, p)), data });
    const g = new Float64Array(1);
    m.logDensityGradient(Float64Array.of(0.2), g);
    const decided = calls;
    for (let i = 0; i < 10; i++) m.logDensityGradient(Float64Array.of(0.2 + i / 10), g);
    expect(calls).toBe(decided);
    const u = Float64Array.of(-0.4);
    m.logDensityGradient(u, g);
    expect(maxRelDiff(g, finiteDiff((x) => m.logDensity(x), u))).toBeLessThan(1e-6);
    const twin = new Model({ prior: { p: new Beta(2, 3) }, likelihood: ({ p }) => new Binomial(12, p), data });
    expect(Math.abs(m.logLikelihood({ p: 0.4 }) - data.reduce((s, k) => s + new Binomial(12, 0.4).logPdf(k), 0))).toBeLessThan(1e-9);
    expect(twin.logJoint({ p: 0.4 })).toBeCloseTo(m.logJoint({ p: 0.4 }), 12);
  });

  it('statistics refuse data off the support (the model reports them as a ModelError)', () => {
    expect(kernelOf(Poisson).statistics(Float64Array.of(1, 2.5))).toBeUndefined();
    expect(kernelOf(BernoulliLogit).statistics(Float64Array.of(0, 2))).toBeUndefined();
    const m = new Model({ prior: { r: new Gamma(2, 1) }, likelihood: ({ r }) => new Poisson(r), data: [1, -2] });
    expect(() => m.logDensity(Float64Array.of(0))).toThrow(/data\[1\] = -2/);
  });

  it('the model decides the kernel once and then makes no likelihood call; gradients exact', () => {
    const data = Array.from({ length: 500 }, (_, i) => (i * 7) % 11);
    let calls = 0;
    const m = new Model({ prior: { u: new Normal(0, 3) }, likelihood: ({ u }) => (calls++, new Poisson(exp(u))), data });
    const g = new Float64Array(1);
    m.logDensityGradient(Float64Array.of(1.2), g); // decides
    const before = calls;
    for (let i = 0; i < 10; i++) m.logDensityGradient(Float64Array.of(1.2 + i / 10), g);
    // exp(u) is an operation on the tape, so this likelihood is not a pure pass-through: it stays general.
    expect(calls).toBeGreaterThan(before);
    calls = 0;
    const direct = new Model({ prior: { r: new Gamma(2, 1) }, likelihood: ({ r }) => (calls++, new Poisson(r)), data });
    direct.logDensityGradient(Float64Array.of(0.5), g);
    const decided = calls;
    for (let i = 0; i < 10; i++) direct.logDensityGradient(Float64Array.of(0.5 + i / 10), g);
    expect(calls).toBe(decided);
    const u = Float64Array.of(0.9);
    direct.logDensityGradient(u, g);
    expect(maxRelDiff(g, finiteDiff((x) => direct.logDensity(x), u))).toBeLessThan(1e-6);
    const bern = new Model({ prior: { p: new Beta(2, 3) }, likelihood: ({ p }) => new Bernoulli(p), data: data.map((k) => k % 2) });
    bern.logDensityGradient(u, g);
    expect(maxRelDiff(g, finiteDiff((x) => bern.logDensity(x), u))).toBeLessThan(1e-6);
    const logit = new Model({ prior: { l: new Normal(0, 2) }, likelihood: ({ l }) => new BernoulliLogit(l), data: data.map((k) => k % 2) });
    logit.logDensityGradient(u, g);
    expect(maxRelDiff(g, finiteDiff((x) => logit.logDensity(x), u))).toBeLessThan(1e-6);
  });
});
