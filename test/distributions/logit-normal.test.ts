/**
 * LogitNormal and the interval bijection: closed forms against their definitions,
 * moments against independent quadrature on x, the mode against a grid search, the
 * sampler against the cdf (KS), partials against finite differences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalBijection, LogitNormal, Normal, Rng } from '../../src/index';
import { integrate } from '../../src/math/quadrature';
import { ksTest } from '../helpers/ks';

const RUNS = { numRuns: 200, seed: 20261205 } as const;

describe('intervalBijection', () => {
  it('round-trips, and its Jacobian terms match finite differences', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (u, lo, w) => {
        const t = intervalBijection(lo, lo + w);
        const z = t.forward(u);
        expect(z).toBeGreaterThanOrEqual(lo);
        expect(z).toBeLessThanOrEqual(lo + w);
        if (z > lo && z < lo + w && Math.abs(u) < 20) expect(Math.abs(t.inverse(z) - u)).toBeLessThan(1e-9 * Math.max(1, Math.abs(u)) * Math.max(1, Math.abs(lo) / w));
        const h = 1e-5;
        const fd = (t.forward(u + h) - t.forward(u - h)) / (2 * h);
        expect(Math.abs(fd - t.derivative(u))).toBeLessThanOrEqual(1e-6 * Math.max(t.derivative(u), 1e-300) + 1e-9 * (Math.abs(lo) + w));
        expect(Math.abs(Math.log(t.derivative(u)) - t.logAbsDetJacobian(u))).toBeLessThan(1e-12 * Math.max(1, Math.abs(t.logAbsDetJacobian(u))));
        const fdl = (t.logAbsDetJacobian(u + h) - t.logAbsDetJacobian(u - h)) / (2 * h);
        expect(Math.abs(fdl - t.dLogAbsDetJacobian(u))).toBeLessThan(1e-7);
      }),
      RUNS,
    );
  });
  it('keeps full relative precision near both ends and never overflows for huge bounds', () => {
    const t = intervalBijection(0, 1);
    expect(t.forward(-700)).toBeCloseTo(Math.exp(-700), 300);
    expect(t.forward(-700) / Math.exp(-700)).toBeCloseTo(1, 14);
    expect(Math.abs(t.forward(30) - (1 - Math.exp(-30)))).toBeLessThanOrEqual(2 ** -53);
    expect(t.inverse(1 - 2 ** -40)).toBeCloseTo(Math.log((1 - 2 ** -40) / 2 ** -40), 12);
    const big = intervalBijection(-1.7e308, 1.7e308);
    expect(big.forward(0)).toBe(0);
    expect(Number.isFinite(big.logAbsDetJacobian(3))).toBe(true);
    expect(big.inverse(0)).toBe(0);
    expect(() => intervalBijection(1, 1)).toThrow(RangeError);
  });
  it('inverse at one subnormal from an end: log(5e-324) − log(1 − 5e-324), not −∞ (its half underflows)', () => {
    // log(5e-324) = −744.44: within 2 ulps (one rounding in each log and one in the difference).
    const ulps2 = 2 * 2 ** -52 * 744.5;
    const t = intervalBijection(0, 1);
    expect(Math.abs(t.inverse(Number.MIN_VALUE) - Math.log(Number.MIN_VALUE))).toBeLessThanOrEqual(ulps2);
    expect(Number.isFinite(new LogitNormal(0, 1).logPdf(Number.MIN_VALUE))).toBe(true);
    // Ends and points within subnormals of each other: every half would round.
    const s = intervalBijection(-1, -Number.MIN_VALUE);
    expect(Math.abs(s.inverse(-2 * Number.MIN_VALUE) - -Math.log(Number.MIN_VALUE))).toBeLessThanOrEqual(ulps2);
  });
});

describe('LogitNormal', () => {
  const params = fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.05, max: 3, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }));

  it('logPdf is the normal density of the logit times |du/dx|; cdf and quantile invert each other', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.001, max: 0.999, noNaN: true }), ([mu, sigma, lo, w], p) => {
        const d = new LogitNormal(mu, sigma, lo, lo + w);
        const x = d.quantile(p);
        const a = x - lo;
        const b = lo + w - x;
        const u = Math.log(a / b);
        const want = new Normal(mu, sigma).logPdf(u) + Math.log(w / (a * b));
        expect(Math.abs(d.logPdf(x) - want)).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
        expect(Math.abs(d.cdf(x) - p)).toBeLessThan(1e-9);
        expect(Math.abs(d.cdf(x) + d.survival(x) - 1)).toBeLessThan(1e-15);
      }),
      RUNS,
    );
  });

  it('mean, variance and entropy agree with quadrature over x; the mode maximizes the density', () => {
    for (const [mu, sigma, lo, hi] of [[0, 1, 0, 1], [1.5, 0.3, -2, 4], [-0.7, 2.5, 0, 1], [0.4, 1.8, 10, 11]]) {
      const d = new LogitNormal(mu, sigma, lo, hi);
      const f = (x: number): number => d.pdf(x);
      const m = integrate((x) => x * f(x), lo, hi, { relTol: 1e-12 }).value;
      const v = integrate((x) => (x - m) ** 2 * f(x), lo, hi, { relTol: 1e-12 }).value;
      const h = integrate((x) => (f(x) > 0 ? -f(x) * d.logPdf(x) : 0), lo, hi, { relTol: 1e-12 }).value;
      expect(d.mean()).toBeCloseTo(m, 9);
      expect(d.variance()).toBeCloseTo(v, 9);
      expect(d.entropy()).toBeCloseTo(h, 8);
      let best = lo;
      for (let i = 1; i < 20000; i++) {
        const x = lo + ((hi - lo) * i) / 20000;
        if (d.logPdf(x) > d.logPdf(best)) best = x;
      }
      expect(Math.abs(d.mode() - best)).toBeLessThan(2 * ((hi - lo) / 20000));
    }
    expect(new LogitNormal(0, 2).mode()).toBeNaN(); // symmetric and bimodal: the two maxima tie
  });

  it('samples follow the cdf (KS, fixed seed) and stay inside the interval', () => {
    const d = new LogitNormal(0.8, 1.3, -1, 3);
    const xs = d.sample(new Rng(11), 20000);
    for (const x of xs) expect(x > -1 && x < 3).toBe(true);
    expect(ksTest(xs, (x) => d.cdf(x)).p).toBeGreaterThan(1e-3);
  });

  it('partials match central differences', () => {
    const d = (m: number, s: number, lo: number, hi: number): LogitNormal => new LogitNormal(m, s, lo, hi);
    const base = [0.3, 0.7, -1, 2];
    const x = 0.4;
    const out = new Float64Array(5);
    d(...(base as [number, number, number, number])).logPdfPartials(x, out);
    const h = 1e-6;
    const fx = (d(...(base as [number, number, number, number])).logPdf(x + h) - d(...(base as [number, number, number, number])).logPdf(x - h)) / (2 * h);
    expect(out[0]).toBeCloseTo(fx, 6);
    for (let k = 0; k < 4; k++) {
      const up = base.slice() as [number, number, number, number];
      const dn = base.slice() as [number, number, number, number];
      up[k] += h;
      dn[k] -= h;
      expect(out[k + 1]).toBeCloseTo((d(...up).logPdf(x) - d(...dn).logPdf(x)) / (2 * h), 6);
    }
  });

  it('refuses bad parameters with InvalidParameterError naming them', () => {
    expect(() => new LogitNormal(0, 0)).toThrow(/LogitNormal: sigma must be > 0/);
    expect(() => new LogitNormal(0, 1, 2, 1)).toThrow(/LogitNormal: high must be finite and > low/);
    expect(new LogitNormal(0, 1).logPdf(1)).toBe(-Infinity);
    expect(new LogitNormal(0, 1).logPdf(NaN)).toBeNaN();
  });
});
