/**
 * Identities every distribution must satisfy, checked by fast-check over random
 * valid parameters (including extreme magnitudes) and points in the bulk and tails,
 * through the properties `varinf/testing` exports (the tolerances are their defaults).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, LogNormal, Normal } from '../../src/index';
import {
  cdfDerivativeIsPdf,
  cdfIsMonotone,
  cdfPlusSurvivalIsOne,
  densityIntegratesToOne,
  isClose as close,
  logUniform,
  logCdfIsLogOfCdf,
  pdfIsExpLogPdf,
  quantileInvertsCdf,
  rejectsInvalidParameters,
} from '../../src/testing/index';
import { registry } from './registry';

const RUNS = { numRuns: 300, seed: 20261125 } as const;

for (const entry of registry) {
  describe(`${entry.name} properties`, () => {
    it('pdf = exp(logPdf)', () => {
      fc.assert(pdfIsExpLogPdf(entry), RUNS);
    });

    it('cdf + survival = 1', () => {
      fc.assert(cdfPlusSurvivalIsOne(entry), RUNS);
    });

    it('logCdf = log cdf and logSurvival = log survival, into the tails', () => {
      fc.assert(logCdfIsLogOfCdf(entry), RUNS);
    });

    it('cdf is non-decreasing and survival non-increasing', () => {
      fc.assert(cdfIsMonotone(entry), RUNS);
    });

    it('d/dx cdf = pdf (central differences)', () => {
      fc.assert(cdfDerivativeIsPdf(entry), RUNS);
    });

    it('quantile(cdf(x)) = x in the lower half, quantile(1 − survival(x)) = x in the upper half', () => {
      fc.assert(quantileInvertsCdf(entry), RUNS);
    });

    it('∫ pdf = 1 (adaptive Gauss–Kronrod; positive supports integrated in log x)', () => {
      fc.assert(densityIntegratesToOne(entry), { numRuns: 40, seed: 7 });
    });

    it('refuses invalid parameters with an InvalidParameterError naming the parameter', () => {
      fc.assert(rejectsInvalidParameters(entry), { numRuns: 300, seed: 8 });
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
      // Rates in [1e-6, 1e6]: below about 1e-154 Gamma's variance α/β² overflows, so its stddev is ∞ where Exponential's is finite.
      fc.property(logUniform(-6, 6), fc.double({ min: -12, max: 3, noNaN: true }), (rate, e) => {
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
