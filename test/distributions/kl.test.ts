/**
 * KL identities: KL(p, p) = 0, KL ≥ 0, and the closed form equals the Monte-Carlo
 * estimate of E_p[log p − log q] within 4 standard errors; likewise the entropy
 * equals −E_p[log p].
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, kl, LogNormal, Normal, Rng, UnsupportedKLError, type ContinuousDistribution } from '../../src/index';
import { registry } from './registry';

const pairs: [string, string][] = [
  ['Normal', 'Normal'],
  ['LogNormal', 'LogNormal'],
  ['Exponential', 'Exponential'],
  ['Gamma', 'Gamma'],
  ['Exponential', 'Gamma'],
  ['Gamma', 'Exponential'],
  ['Cauchy', 'Cauchy'],
  ['HalfNormal', 'HalfNormal'],
  ['InverseGamma', 'InverseGamma'],
];
const byName = new Map(registry.map((e) => [e.name, e]));

/** Mean and standard error of f over n draws of d. */
function monteCarlo(d: ContinuousDistribution, f: (x: number) => number, n: number, seed: number): { mean: number; se: number } {
  const xs = d.sample(new Rng(seed), n);
  let m = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const v = f(xs[i]);
    const delta = v - m;
    m += delta / (i + 1);
    m2 += delta * (v - m);
  }
  return { mean: m, se: Math.sqrt(m2 / (n - 1) / n) };
}

describe('kl', () => {
  for (const [pn, qn] of pairs) {
    const pe = byName.get(pn)!;
    const qe = byName.get(qn)!;
    it(`${pn}‖${qn}: KL(p, p) = 0 and KL ≥ 0`, () => {
      fc.assert(
        fc.property(pe.params, qe.params, (pp, qp) => {
          const p = pe.make(...pp);
          if (pn === qn) expect(kl(p, pe.make(...pp))).toBe(0);
          const v = kl(p, qe.make(...qp));
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).not.toBeNaN();
        }),
        { numRuns: 300, seed: 3 },
      );
    });

    it(`${pn}‖${qn}: equals Monte-Carlo E_p[log p − log q] within 4 standard errors`, () => {
      fc.assert(
        fc.property(pe.moderateParams, qe.moderateParams, fc.integer({ min: 1, max: 1e6 }), (pp, qp, seed) => {
          const p = pe.make(...pp);
          const q = qe.make(...qp);
          const { mean, se } = monteCarlo(p, (x) => p.logPdf(x) - q.logPdf(x), 20_000, seed);
          expect(Math.abs(mean - kl(p, q))).toBeLessThanOrEqual(4 * se + 1e-12);
        }),
        { numRuns: 12, seed: 4 },
      );
    });
  }

  it('entropy equals −E[logPdf] within 4 standard errors', () => {
    for (const e of registry) {
      fc.assert(
        fc.property(e.moderateParams, fc.integer({ min: 1, max: 1e6 }), (ps, seed) => {
          const d = e.make(...ps);
          const { mean, se } = monteCarlo(d, (x) => -d.logPdf(x), 20_000, seed);
          expect(Math.abs(mean - d.entropy())).toBeLessThanOrEqual(4 * se + 1e-12);
        }),
        { numRuns: 10, seed: 5 },
      );
    }
  });

  it('throws UnsupportedKLError for other pairs', () => {
    expect(() => kl(new Normal(0, 1), new Gamma(2, 1))).toThrow(UnsupportedKLError);
    expect(() => kl(new LogNormal(0, 1), new Exponential(1))).toThrow(/no closed form for KL\(LogNormal ‖ Exponential\)/);
  });
});
