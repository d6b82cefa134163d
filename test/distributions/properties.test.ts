/**
 * Identities every distribution must satisfy, checked by fast-check over random
 * valid parameters (including extreme magnitudes) and points in the bulk and tails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, LogNormal, Normal } from '../../src/index';
import { integrate } from '../../src/math/quadrature';
import { pointIn, registry, spread } from './registry';

const RUNS = { numRuns: 300, seed: 20261125 } as const;

function close(a: number, b: number, rtol: number, atol = 0): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
}

for (const entry of registry) {
  describe(`${entry.name} properties`, () => {
    const withPoint = entry.params.chain((ps) => {
      const d = entry.make(...ps);
      return fc.tuple(fc.constant(ps), pointIn(d));
    });

    it('pdf = exp(logPdf)', () => {
      fc.assert(
        fc.property(withPoint, ([ps, x]) => {
          const d = entry.make(...ps);
          expect(d.pdf(x)).toBe(Math.exp(d.logPdf(x)));
        }),
        RUNS,
      );
    });

    it('cdf + survival = 1, and log versions agree where they do not underflow', () => {
      fc.assert(
        fc.property(withPoint, ([ps, x]) => {
          const d = entry.make(...ps);
          const F = d.cdf(x);
          const S = d.survival(x);
          expect(Math.abs(F + S - 1)).toBeLessThanOrEqual(4e-16);
          // log of a rounded F near 1 carries an absolute error of about one ulp of 1.
          if (F > 1e-300) expect(close(d.logCdf(x), Math.log(F), 1e-13, 4e-16)).toBe(true);
          if (S > 1e-300) expect(close(d.logSurvival(x), Math.log(S), 1e-13, 4e-16)).toBe(true);
        }),
        RUNS,
      );
    });

    it('cdf is non-decreasing and survival non-increasing', () => {
      fc.assert(
        fc.property(withPoint, fc.double({ min: 1e-9, max: 1, noNaN: true }), ([ps, x], frac) => {
          const d = entry.make(...ps);
          if (!Number.isFinite(x)) return; // a tail quantile that overflows (StudentT with tiny ν)
          const y = x + Math.abs(x) * frac + frac * spread(d);
          expect(d.cdf(y)).toBeGreaterThanOrEqual(d.cdf(x));
          expect(d.survival(y)).toBeLessThanOrEqual(d.survival(x));
          expect(d.logCdf(y)).toBeGreaterThanOrEqual(d.logCdf(x));
          expect(d.logSurvival(y)).toBeLessThanOrEqual(d.logSurvival(x));
        }),
        RUNS,
      );
    });

    it('d/dx cdf = pdf (central differences)', () => {
      fc.assert(
        fc.property(entry.params, fc.double({ min: 0.02, max: 0.98, noNaN: true }), (ps, p) => {
          const d = entry.make(...ps);
          const x = d.quantile(p);
          // On ℝ a step of 1e-4 of the spread, or of the local scale where that is shorter
          // (heavy tails): the distance min(p, 1 − p)/f(x) over which the cdf changes by its
          // own size and the distance f/|f′| over which the density does. On bounded or
          // half-bounded supports a step relative to the distance to the nearest end.
          // Only taken when the step is resolvable at all at this magnitude.
          const g = new Float64Array(d.paramNames.length + 1);
          d.logPdfPartials(x, g);
          const local = Math.min(Math.min(p, 1 - p) / d.pdf(x), 1 / Math.abs(g[0]));
          const h =
            d.support.kind === 'real'
              ? 1e-4 * Math.min(spread(d), local)
              : 1e-5 * Math.min(x - d.support.lower, d.support.upper - x, spread(d));
          if (!(h > 1e-7 * Math.abs(x))) return;
          // Use the smaller of cdf and survival so that differences keep their digits.
          const fd =
            p < 0.5 ? (d.cdf(x + h) - d.cdf(x - h)) / (2 * h) : (d.survival(x - h) - d.survival(x + h)) / (2 * h);
          expect(close(fd, d.pdf(x), 1e-5)).toBe(true);
        }),
        RUNS,
      );
    });

    it('quantile(cdf(x)) = x in the lower half, quantile(1 − survival(x)) = x in the upper half', () => {
      fc.assert(
        fc.property(entry.params, fc.double({ min: -300, max: Math.log10(0.5), noNaN: true }), fc.boolean(), (ps, e, upper) => {
          const d = entry.make(...ps);
          const p = 10 ** e;
          const x = upper ? d.quantile(1 - Math.max(p, 2 ** -53)) : d.quantile(p);
          if (!(x > d.support.lower) || !Number.isFinite(x)) return;
          const F = upper ? d.survival(x) : d.cdf(x);
          const back = upper ? d.quantile(1 - F) : d.quantile(F);
          if (upper && F < 2 ** -53) return; // 1 − F rounds to 1: not representable
          // Condition number of x ↦ F(x): a relative change ε in F moves x by ε·F/(f·x).
          const cond = Math.max(1, F / (d.pdf(x) * Math.abs(x)));
          expect(close(back, x, 1e-11 * cond, 1e-300)).toBe(true);
        }),
        RUNS,
      );
    });

    it('∫ pdf = 1 (adaptive Gauss–Kronrod; positive supports integrated in log x, bounded ones over their interval)', () => {
      fc.assert(
        fc.property(entry.moderateParams, (ps) => {
          const d = entry.make(...ps);
          const { lower, upper } = d.support;
          const total =
            d.support.kind === 'real'
              ? integrate((x) => d.pdf(x), -Infinity, Infinity, { relTol: 1e-11 }).value
              : Number.isFinite(lower) && Number.isFinite(upper)
                ? integrate((x) => d.pdf(x), lower, upper, { relTol: 1e-11 }).value
                : integrate((y) => Math.exp(d.logPdf(Math.exp(y)) + y), -Infinity, Infinity, { relTol: 1e-11 }).value;
          expect(total).toBeCloseTo(1, 9);
        }),
        { numRuns: 40, seed: 7 },
      );
    });
  });
}

describe('identities between distributions', () => {
  const normalParams = registry[0].params;

  it('Normal location-scale: logPdf, cdf, quantile of N(μ, σ) from N(0, 1)', () => {
    const std = new Normal(0, 1);
    fc.assert(
      fc.property(normalParams, fc.double({ min: -30, max: 30, noNaN: true }), ([mu, sigma], z) => {
        const d = new Normal(mu, sigma);
        const x = mu + sigma * z;
        const zz = (x - mu) / sigma;
        expect(close(d.logPdf(x), std.logPdf(zz) - Math.log(sigma), 1e-12, 1e-12)).toBe(true);
        expect(close(d.cdf(x), std.cdf(zz), 1e-13, 1e-300)).toBe(true);
        const p = std.cdf(z);
        if (p > 0 && p < 1) expect(close(d.quantile(p), mu + sigma * std.quantile(p), 1e-13, 1e-300)).toBe(true);
      }),
      RUNS,
    );
  });

  it('LogNormal(μ, σ).logPdf(x) = Normal(μ, σ).logPdf(log x) − log x', () => {
    fc.assert(
      fc.property(registry[1].params, fc.double({ min: -700, max: 700, noNaN: true }), ([mu, sigma], y) => {
        const x = Math.exp(y);
        const lhs = new LogNormal(mu, sigma).logPdf(x);
        const rhs = new Normal(mu, sigma).logPdf(Math.log(x)) - Math.log(x);
        expect(close(lhs, rhs, 1e-13, 1e-13)).toBe(true);
      }),
      RUNS,
    );
  });

  it('Exponential(λ) ≡ Gamma(1, λ) for every method', () => {
    fc.assert(
      fc.property(registry[2].params, fc.double({ min: -12, max: 3, noNaN: true }), ([rate], e) => {
        const a = new Exponential(rate);
        const g = new Gamma(1, rate);
        const x = 10 ** e / rate;
        const p = Math.min(10 ** e, 0.999);
        for (const m of ['logPdf', 'pdf', 'cdf', 'logCdf', 'survival', 'logSurvival'] as const) {
          expect(close(a[m](x), g[m](x), 1e-13, 1e-300), m).toBe(true);
        }
        expect(close(a.quantile(p), g.quantile(p), 1e-12, 1e-300)).toBe(true);
        for (const m of ['mean', 'variance', 'stddev', 'mode', 'entropy'] as const) {
          expect(close(a[m](), g[m](), 1e-14, 1e-300), m).toBe(true);
        }
        expect(a.logPdf(-x)).toBe(g.logPdf(-x));
        expect(a.logPdf(0)).toBe(g.logPdf(0));
      }),
      RUNS,
    );
  });
});
