/**
 * Generic properties of every discrete family in discrete-registry.ts (the discrete
 * families `varinf/testing` exports), over the whole parameter range (extremes
 * included) or moderate parameters where a sum over the support is needed: first
 * the exported identity properties (their default tolerances), then the checks
 * specific to varinf's discrete classes. The tolerances come from the error analysis of the
 * computation: log-pmf relative error ≤ 1e-14 per term (Loader's form; the
 * reference tests measure ≤ 6e-14·max(1, cond)), plus n·ε for a sum of n terms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bernoulli, BernoulliLogit, Binomial, kl, Poisson, type DiscreteDistribution } from '../../src/index';
import {
  assertIdentity,
  cdfIsCumulativePmf,
  cdfIsMonotone,
  cdfPlusSurvivalIsOne,
  densityIntegratesToOne,
  logCdfIsLogOfCdf,
  pdfIsExpLogPdf,
  quantileInvertsCdf,
  rejectsInvalidParameters,
} from '../../src/testing/index';
import { bulk, discreteRegistry } from './discrete-registry';

const EPS = 2 ** -52;
const RUNS = { numRuns: 150, seed: 20261205 };

/** Σ_{k=lo}^{hi} f(k) with Neumaier compensation. */
function sumOver(lo: number, hi: number, f: (k: number) => number): number {
  let s = 0;
  let c = 0;
  for (let k = lo; k <= hi; k++) {
    const t = f(k);
    const u = s + t;
    c += Math.abs(s) >= Math.abs(t) ? s - u + t : t - u + s;
    s = u;
  }
  return s + c;
}

for (const entry of discreteRegistry) {
  describe(`${entry.name} (discrete) identities of varinf/testing`, () => {
    it('pmf = exp(logPmf), cdf + survival = 1, logCdf = log cdf, cdf monotone, quantile is the step inverse', () => {
      // The classes compute the pmf directly (1 − p, not exp(log1p(−p))): each of pmf and
      // exp(logPmf) within the per-term 1e-14 relative (45 ulps) of the header, plus one ulp.
      assertIdentity(pdfIsExpLogPdf(entry, { ulps: 46 }), RUNS);
      assertIdentity(cdfPlusSurvivalIsOne(entry), RUNS);
      assertIdentity(logCdfIsLogOfCdf(entry), RUNS);
      assertIdentity(cdfIsMonotone(entry), RUNS);
      assertIdentity(quantileInvertsCdf(entry), RUNS);
    });
    it('Σ pmf = 1 over valid parameters; cdf = cumulative pmf, constant between support points', () => {
      assertIdentity(densityIntegratesToOne(entry, { params: entry.valid }), { numRuns: 60, seed: 1 });
      assertIdentity(cdfIsCumulativePmf(entry), { numRuns: 60, seed: 2 });
    });
    it('refuses invalid parameters with an InvalidParameterError naming the parameter', () => {
      assertIdentity(rejectsInvalidParameters(entry), { numRuns: 300, seed: 8 });
    });
  });

  describe(`${entry.name} (discrete) properties`, () => {
    it('pmf sums to 1 over the support, for every valid parameter', () => {
      fc.assert(
        fc.property(entry.params, (ps) => {
          const d = entry.make(...ps);
          const [lo, hi] = bulk(d);
          const s = sumOver(lo, hi, (k) => d.pdf(k));
          expect(Math.abs(s - 1)).toBeLessThanOrEqual(1e-14 + 4 * EPS);
        }),
        { numRuns: 60, seed: 1 },
      );
    });

    it('cdf is the cumulative pmf, a step function; survival, logCdf, logSurvival agree with it', () => {
      const withPoint = entry.params.chain((ps) =>
        fc.tuple(fc.constant(ps), fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true })),
      );
      fc.assert(
        fc.property(withPoint, ([ps, u, frac]) => {
          const d = entry.make(...ps);
          const k = d.quantile(u);
          const [lo] = bulk(d);
          const F = d.cdf(k);
          // Σ_{j ≤ k} P(j), the mass below lo (< 1e-30) left out: relative 1e-13 (per-term error and the sum's rounding).
          const S = sumOver(lo, k, (j) => d.pdf(j));
          expect(Math.abs(F - S)).toBeLessThanOrEqual(1e-13 * F + (k - lo + 1) * EPS * F + 1e-30);
          // Steps: constant on [k, k + 1).
          expect(d.cdf(k + frac)).toBe(F);
          expect(d.survival(k + frac)).toBe(d.survival(k));
          expect(d.logPdf(k + 0.5)).toBe(-Infinity);
          // survival + cdf = 1; the logs are the logs.
          const Sv = d.survival(k);
          expect(Math.abs(F + Sv - 1)).toBeLessThanOrEqual(1e-13);
          if (F > 1e-300) expect(Math.abs(d.logCdf(k) - Math.log(F))).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(Math.log(F))));
          if (Sv > 1e-300) expect(Math.abs(d.logSurvival(k) - Math.log(Sv))).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(Math.log(Sv))));
          // Outside the support.
          expect(d.cdf(-0.5)).toBe(0);
          expect(d.logCdf(-1)).toBe(-Infinity);
          expect(d.survival(-1)).toBe(1);
          expect(d.logPdf(-1)).toBe(-Infinity);
          expect(d.pdf(-1)).toBe(0);
          expect(d.cdf(Infinity)).toBe(1);
          expect(d.logSurvival(Infinity)).toBe(-Infinity);
        }),
        RUNS,
      );
    });

    it('quantile is the smallest k with cdf(k) ≥ p, and quantile(cdf(k)) = k', () => {
      const withP = entry.params.chain((ps) => fc.tuple(fc.constant(ps), fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-300, max: 1e-10, noNaN: true }))));
      fc.assert(
        fc.property(withP, ([ps, u]) => {
          const d = entry.make(...ps);
          const k = d.quantile(u);
          expect(d.inSupport(k) || k === Infinity).toBe(true);
          if (k === Infinity) return;
          // The floating cdf may err by 1e-13 relative; the decision is made exactly.
          expect(d.cdf(k)).toBeGreaterThanOrEqual(u * (1 - 1e-13));
          if (k > d.support.lower) expect(d.cdf(k - 1)).toBeLessThan(u * (1 + 1e-13) + 1e-300);
          // Where P(k) is not negligible against F(k), any p in (F(k − 1), F(k)] gives k;
          // F(k)(1 − 1e-13) is in there whatever the rounding of the computed F(k).
          const F = d.cdf(k);
          if (d.pdf(k) > 1e-10 * F && F > 1e-290) expect(d.quantile(F * (1 - 1e-13))).toBe(k);
        }),
        RUNS,
      );
    });

    it('mean and variance are the sums Σ k P(k) and Σ (k − μ)² P(k); mode maximizes the pmf; entropy is −Σ P log P', () => {
      fc.assert(
        fc.property(entry.moderateParams, (ps) => {
          const d = entry.make(...ps);
          const [lo, hi] = bulk(d);
          const mu = d.mean();
          const m = sumOver(lo, hi, (k) => k * d.pdf(k));
          expect(Math.abs(m - mu)).toBeLessThanOrEqual(1e-13 * Math.max(mu, 1));
          const v = sumOver(lo, hi, (k) => (k - mu) ** 2 * d.pdf(k));
          expect(Math.abs(v - d.variance())).toBeLessThanOrEqual(1e-12 * Math.max(d.variance(), mu * 1e-3, 1e-3));
          const h = sumOver(lo, hi, (k) => {
            const lp = d.logPdf(k);
            return lp === -Infinity ? 0 : -Math.exp(lp) * lp;
          });
          expect(Math.abs(h - d.entropy())).toBeLessThanOrEqual(1e-13 * Math.max(h, 1e-3));
          const mode = d.mode();
          if (Number.isNaN(mode)) {
            // Two modes: some k with P(k) = P(k + 1) (to rounding) and both maximal.
            let best = lo;
            for (let k = lo; k <= hi; k++) if (d.pdf(k) > d.pdf(best)) best = k;
            const other = d.pdf(best - 1) > d.pdf(best + 1) ? best - 1 : best + 1;
            expect(Math.abs(d.logPdf(other) - d.logPdf(best))).toBeLessThanOrEqual(1e-12);
          } else {
            expect(d.logPdf(mode)).toBeGreaterThanOrEqual(d.logPdf(mode - 1));
            expect(d.logPdf(mode)).toBeGreaterThanOrEqual(d.logPdf(mode + 1));
          }
        }),
        { numRuns: 60, seed: 2 },
      );
    });

    it('logPdf: −∞ for non-integers and off the support, NaN only for NaN, never +∞', () => {
      fc.assert(
        fc.property(entry.params, fc.double(), (ps, x) => {
          const d = entry.make(...ps);
          const lp = d.logPdf(x);
          if (Number.isNaN(x)) return expect(lp).toBeNaN();
          expect(Number.isNaN(lp)).toBe(false);
          expect(lp).toBeLessThanOrEqual(0);
          if (!d.inSupport(x)) expect(lp).toBe(-Infinity);
          for (const f of ['cdf', 'logCdf', 'survival', 'logSurvival'] as const) expect(Number.isNaN(d[f](x))).toBe(false);
        }),
        RUNS,
      );
    });

    it('logPdfPartials = central differences (Richardson) in each continuous parameter; sums equal per-point sums', () => {
      const m = entry.paramNames.length;
      const out = new Float64Array(m + 1);
      const withK = entry.moderateParams.chain((ps) =>
        fc.tuple(fc.constant(ps), fc.double({ min: 0.01, max: 0.99, noNaN: true }).map((u) => entry.make(...ps).quantile(u))),
      );
      fc.assert(
        fc.property(withK, ([ps, k]) => {
          const d = entry.make(...ps);
          const lp = d.logPdfPartials(k, out);
          expect(lp).toBe(d.logPdf(k));
          expect(out[0]).toBe(0);
          ps.forEach((p, j) => {
            if (!entry.continuous[j]) return expect(out[1 + j]).toBe(0);
            const f = (v: number): number => entry.make(...ps.map((q, i) => (i === j ? v : q))).logPdf(k);
            // Richardson extrapolation of central differences: error O(h⁴) + rounding ε|f|/h.
            // Steps inside the domain: relative for a rate, towards the nearer end for a probability.
            const name = entry.paramNames[j];
            const h = 1e-3 * (name === 'logit' ? Math.max(1, Math.abs(p)) : name === 'p' ? Math.min(p, 1 - p) : p);
            const dh = (f(p + h) - f(p - h)) / (2 * h);
            const d2h = (f(p + 2 * h) - f(p - 2 * h)) / (4 * h);
            const fd = (4 * dh - d2h) / 3;
            const scale = (1 + Math.abs(lp)) / h;
            expect(Math.abs(out[1 + j] - fd)).toBeLessThanOrEqual(1e-7 * Math.abs(fd) + 1e3 * EPS * scale);
          });
          const xs = Float64Array.of(k, k, d.quantile(0.5), 0);
          const sum = new Float64Array(m + 1);
          const total = d.sumLogPdfPartials(xs, sum);
          let s = 0;
          const acc = new Float64Array(m + 1);
          for (const x of xs) {
            s += d.logPdfPartials(x, out);
            for (let j = 1; j <= m; j++) acc[j] += out[j];
          }
          expect(total).toBe(s);
          expect(d.sumLogPdf(xs)).toBe(s);
          for (let j = 1; j <= m; j++) expect(sum[j]).toBe(acc[j]);
        }),
        RUNS,
      );
    });
  });
}

describe('discrete quantiles decided exactly at ties', () => {
  it('Binomial(n, ½) for odd n: cdf((n − 1)/2) = ½ exactly, so quantile(½) = (n − 1)/2', () => {
    for (let n = 1; n <= 61; n += 2) expect(new Binomial(n, 0.5).quantile(0.5)).toBe((n - 1) / 2);
    expect(new Binomial(2, 0.5).quantile(0.25)).toBe(0);
    expect(new Binomial(2, 0.5).quantile(0.75)).toBe(1);
    expect(new Binomial(3, 0.5).quantile(0.125)).toBe(0);
    expect(new Binomial(3, 0.5).quantile(0.875)).toBe(2);
    // Just above a tie moves to the next integer.
    expect(new Binomial(11, 0.5).quantile(0.5 + 2 ** -53)).toBe(6);
    expect(new Binomial(11, 0.5).quantile(0.5 - 2 ** -54)).toBe(5);
  });
  it('Bernoulli: cdf(0) = 1 − p compared exactly', () => {
    expect(new Bernoulli(0.5).quantile(0.5)).toBe(0);
    expect(new Bernoulli(0.3).quantile(0.7)).toBe(0); // 1 − 0.3 = 0.70000000000000001 ≥ 0.7 (the double)
    expect(new Bernoulli(0.3).quantile(0.7000000000000001)).toBe(1);
    expect(new Bernoulli(0.75).quantile(0.25)).toBe(0);
    expect(new Bernoulli(0.75).quantile(0.25 + 2 ** -54)).toBe(1);
    expect(new Bernoulli(0).quantile(1)).toBe(0);
    expect(new Bernoulli(1).quantile(2 ** -1074)).toBe(1);
    expect(new BernoulliLogit(0).quantile(0.5)).toBe(0);
  });
  it('quantile(0) and quantile(1) are the ends; p outside [0, 1] throws; NaN gives NaN', () => {
    expect(new Poisson(3).quantile(1)).toBe(Infinity);
    expect(new Poisson(3).quantile(0)).toBe(0);
    expect(new Binomial(7, 0.2).quantile(1)).toBe(7);
    expect(new Binomial(7, 0).quantile(1)).toBe(0);
    expect(new Binomial(7, 1).quantile(1e-300)).toBe(7);
    expect(new Poisson(3).quantile(NaN)).toBeNaN();
    expect(() => new Poisson(3).quantile(1.5)).toThrow(RangeError);
    expect(() => new Bernoulli(0.5).quantile(-0.1)).toThrow(/Bernoulli\.quantile: p must be in \[0, 1\], got -0\.1/);
  });
});

describe('discrete KL divergences', () => {
  const pairs: [string, fc.Arbitrary<[DiscreteDistribution, DiscreteDistribution]>][] = [
    ['Bernoulli', fc.tuple(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true })).map(([a, b]) => [new Bernoulli(a), new Bernoulli(b)])],
    ['Poisson', fc.tuple(fc.double({ min: 0.1, max: 200, noNaN: true }), fc.double({ min: 0.1, max: 200, noNaN: true })).map(([a, b]) => [new Poisson(a), new Poisson(b)])],
    ['Binomial', fc.tuple(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true })).map(([n, a, b]) => [new Binomial(n, a), new Binomial(n, b)])],
  ];
  for (const [name, arb] of pairs) {
    it(`${name}‖${name}: equals Σ P(k) log(P(k)/Q(k)) and is 0 for p = q`, () => {
      fc.assert(
        fc.property(arb, ([p, q]) => {
          const [lo, hi] = bulk(p);
          const direct = sumOver(lo, hi, (k) => p.pdf(k) * (p.logPdf(k) - q.logPdf(k)));
          const got = kl(p, q);
          expect(got).toBeGreaterThanOrEqual(0);
          // The direct sum has absolute error ≈ (terms)·ε·max|log P − log Q|.
          expect(Math.abs(got - direct)).toBeLessThanOrEqual(1e-12 * got + (hi - lo + 10) * EPS * (1 + Math.abs(direct)) * 10);
          expect(kl(p, p)).toBe(0);
        }),
        { numRuns: 100, seed: 3 },
      );
    });
  }
  it('near-equal pairs keep full relative precision (KL ≈ ½δ²/(p(1 − p)) and ½λε²)', () => {
    for (const p of [0.01, 0.3, 0.5, 0.9]) {
      const q = p + 1e-9 * p;
      const d = q - p; // the δ between the doubles, exact (Sterbenz)
      // Series: δ²/(2p(1 − p)) · (1 + O(δ/p)); the O(δ) term is below 1e-8 of it here.
      const want = (0.5 * d * d) / (p * (1 - p));
      expect(Math.abs(kl(new Bernoulli(p), new Bernoulli(q)) - want)).toBeLessThanOrEqual(1e-8 * want);
      const l = 100 * p;
      const m = l * (1 + 1e-9);
      const e = (m - l) / l; // the relative difference of the doubles, to 1 ulp
      const wantP = 0.5 * l * e * e; // λ(ε − log(1 + ε)) = ½λε²(1 + O(ε))
      expect(Math.abs(kl(new Poisson(l), new Poisson(m)) - wantP)).toBeLessThanOrEqual(1e-8 * wantP);
    }
  });
  it('Binomial with different n throws an InvalidParameterError; other pairs an UnsupportedKLError', () => {
    expect(() => kl(new Binomial(10, 0.3), new Binomial(12, 0.3))).toThrow(/kl\(Binomial ‖ Binomial\): n must be the same for p and q \(p has n = 10\), got 12/);
    expect(() => kl(new Bernoulli(0.3), new Poisson(1))).toThrow(/no closed form for KL\(Bernoulli ‖ Poisson\)/);
    expect(kl(new Binomial(0, 0.3), new Binomial(0, 1))).toBe(0);
    expect(kl(new Bernoulli(0.5), new Bernoulli(0))).toBe(Infinity);
    expect(kl(new Bernoulli(0), new Bernoulli(0.5))).toBe(Math.LN2);
  });
});

describe('entropy: the asymptotic series continue the outward sums where they take over', () => {
  it('Poisson at λ = 1e5 (sum below, series above)', () => {
    const a = new Poisson(1e5).entropy();
    const l = 1e5 * (1 + 2 ** -50);
    const b = new Poisson(l).entropy();
    // H(λ) ≈ ½ log(2πeλ): the step across the switch is ½ log(l/1e5) ≈ 4.4e-16.
    expect(Math.abs(b - a - 0.5 * Math.log(l / 1e5))).toBeLessThanOrEqual(4 * EPS * a);
  });
  it('Binomial at np(1 − p) = 1e8 (sum below, Edgeworth series above)', () => {
    const n1 = 4e8 - 4; // σ² = 1e8 − 1: summed (≈ 1.7e5 terms)
    const n2 = 4e8 + 4; // σ² = 1e8 + 1: series
    const a = new Binomial(n1, 0.5).entropy();
    const b = new Binomial(n2, 0.5).entropy();
    expect(Math.abs(b - a - 0.5 * Math.log(n2 / n1))).toBeLessThanOrEqual(4 * EPS * a);
    // p = 0.1: the skewness term γ₁²/12 = 5.3e-10 is 5e4 times the tolerance.
    const m1 = Math.round(1e8 / 0.09) - 20;
    const m2 = m1 + 40;
    const c = new Binomial(m1, 0.1).entropy();
    const d = new Binomial(m2, 0.1).entropy();
    expect(new Binomial(m1, 0.1).variance()).toBeLessThan(1e8);
    expect(new Binomial(m2, 0.1).variance()).toBeGreaterThan(1e8);
    expect(Math.abs(d - c - 0.5 * Math.log(m2 / m1))).toBeLessThanOrEqual(4 * EPS * c);
  });
});

describe('Poisson at huge rates (Temme’s expansion of the incomplete gamma from k = 1e8)', () => {
  it('cdf continues across the switch: F(k) − F(k − 1) = P(k) at k + 1 = 1e8', () => {
    for (const l of [1e8 - 3.5, 1e8 + 5e3, 1e8 - 4e4]) {
      const d = new Poisson(l);
      const k = 1e8 - 1; // k + 1 = 1e8: Temme; k − 1: the series / continued fraction
      const step = d.cdf(k) - d.cdf(k - 1);
      // Temme's side is good to ≈ 1e-15; the series / continued fraction below needs
      // O(√k) terms and carries ≈ 3.5√k·ε of rounding (the bound incomplete-beta.ts
      // states for its continued fraction): ≈ 8e-12 here.
      const tol = 3.5 * Math.sqrt(k) * EPS;
      expect(Math.abs(step - d.pdf(k))).toBeLessThanOrEqual(tol);
      const s = d.survival(k - 1) - d.survival(k);
      expect(Math.abs(s - d.pdf(k))).toBeLessThanOrEqual(tol);
    }
  });
  it('no NaN, cdf + survival = 1, F(λ) ≈ ½ + 2/(3√(2πλ)), quantiles in milliseconds, up to 1.7e308', () => {
    for (const l of [1e8, 1e12, 1e15, 1e20, 1e300, 1.7e308]) {
      const d = new Poisson(l);
      const k = Math.floor(l);
      const F = d.cdf(k);
      expect(Math.abs(F + d.survival(k) - 1)).toBeLessThanOrEqual(4 * EPS);
      // P(X ≤ λ) = ½ + 2/(3√(2πλ)) + O(1/λ) for integer λ; above 2⁵³, k + 1 rounds to k
      // and F(k) is off by at most P(k) ≈ 1/√(2πλ).
      const want = 0.5 + 2 / (3 * Math.sqrt(2 * Math.PI * l));
      expect(Math.abs(F - want)).toBeLessThanOrEqual(l < 2 ** 53 ? 2 / l + 1e-15 : 1.1 / Math.sqrt(2 * Math.PI * l) + 1e-15);
      for (const x of [0, 0.5 * l, 0.999 * l, 1.001 * l, 2 * l]) {
        for (const f of ['cdf', 'logCdf', 'survival', 'logSurvival', 'logPdf'] as const) expect(Number.isNaN(d[f](x))).toBe(false);
      }
      expect(d.logCdf(0.5 * l)).toBeLessThan(-0.1 * l); // log P(X ≤ λ/2) ≈ −λ(1 − log 2)/2 … −0.153λ
      expect(Number.isNaN(d.entropy())).toBe(false);
      const t0 = performance.now();
      const q = d.quantile(0.3);
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(q).toBeLessThanOrEqual(l);
      expect(q).toBeGreaterThanOrEqual(l - 2 * Math.sqrt(l));
    }
  });
});

describe('Binomial at huge n (Temme’s expansion of the incomplete beta from np(1 − p) = 3e7)', () => {
  it('cdf steps are the pmf across the switch and up to n = 2⁵³ − 1', () => {
    const cases: [number, number][] = [
      [1.2e8 - 8, 0.5], // σ² just below 3e7: continued fraction at k − 1 … both sides
      [1.2e8 + 8, 0.5], // just above: Temme
      [1e10, 0.1],
      [1e12, 0.5],
      [1e14, 0.3],
      [2 ** 53 - 1, 0.1],
    ];
    for (const [n, p] of cases) {
      const d = new Binomial(n, p);
      const sd = d.stddev();
      // The continued fraction carries ≈ 3.5√n·ε of rounding (incomplete-beta.ts);
      // Temme's side ≈ 1e-16 absolute near the mean (both cdfs are ≈ ½ there).
      const tol = d.variance() < 3e7 ? 3.5 * Math.sqrt(n) * EPS : 8 * EPS;
      for (const z of [-3, -0.5, 0, 0.7, 2]) {
        const k = Math.floor(n * p + z * sd);
        const step = d.cdf(k) - d.cdf(k - 1);
        expect(Math.abs(step - d.pdf(k)), `n=${n} p=${p} z=${z}`).toBeLessThanOrEqual(tol);
        expect(Math.abs(d.cdf(k) + d.survival(k) - 1)).toBeLessThanOrEqual(4 * EPS);
      }
    }
  });
  it('symmetry: Binomial(n, ½) with odd n has cdf((n − 1)/2) = ½, also at n = 2⁵³ − 1', () => {
    for (const n of [1.2e8 + 1, 1e10 + 1, 2 ** 53 - 1]) {
      expect(Math.abs(new Binomial(n, 0.5).cdf((n - 1) / 2) - 0.5)).toBeLessThanOrEqual(2 * EPS);
    }
  });
  it('tails: F(μ − 3σ) ≈ Φ(−3) + skew correction, no NaN, quantiles in milliseconds', () => {
    for (const n of [1e10, 1e14, 2 ** 53 - 1]) {
      const d = new Binomial(n, 0.1);
      const sd = d.stddev();
      // Normal approximation with continuity correction; the Edgeworth terms are O(1/σ) ≤ 1e-5 here.
      const F = d.cdf(Math.floor(n * 0.1 - 3 * sd));
      expect(Math.abs(F - 0.0013498980316301)).toBeLessThanOrEqual(1e-3 * 0.00135 + 4 / sd);
      expect(Number.isNaN(d.logCdf(0.05 * n))).toBe(false);
      expect(d.logCdf(0.05 * n)).toBeLessThan(-0.005 * n);
      const t0 = performance.now();
      const q = d.quantile(0.3);
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(Math.abs(q - (n * 0.1 - 0.5244 * sd))).toBeLessThanOrEqual(0.01 * sd + 2);
    }
  });
});
