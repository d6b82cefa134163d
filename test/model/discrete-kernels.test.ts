/**
 * Sufficient statistics for i.i.d. discrete likelihoods (issue #12): Poisson,
 * Bernoulli and BernoulliLogit data reduce to O(1) statistics. The kernel's sums equal the
 * per-point sums within the rounding scale of the statistics formula, the model
 * takes the kernel (no likelihood call per evaluation once decided), and the
 * gradients stay exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bernoulli, BernoulliLogit, Beta, exp, Gamma, Model, Normal, Poisson } from '../../src/index';
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
