/**
 * Beta and StudentT beyond the reference table: samplers (KS test, moments within
 * 4 standard errors where they exist, sample quantiles within binomial bounds where
 * they do not), identities with other families and between parameters, bad input,
 * and both families inside a Model (prior and likelihood) with the model's gradient
 * against finite differences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Beta, Cauchy, Exponential, InvalidParameterError, kl, Model, mul, Normal, Rng, StudentT, sub, type ContinuousDistribution } from '../../src/index';
import { betaI } from '../../src/math';
import { ksPValue, ksStatisticWithTies } from '../helpers/ks';
import { finiteDiff, maxRelDiff } from '../model/helpers';

const N = 100_000;

/** Mean and variance of a sample (two-pass). */
function moments(xs: Float64Array): [number, number] {
  let m = 0;
  for (const x of xs) m += x;
  m /= xs.length;
  let v = 0;
  for (const x of xs) v += (x - m) ** 2;
  return [m, v / (xs.length - 1)];
}

/**
 * KS p-value of a sample against d's cdf. A draw of exactly `lower` (0) stands for the
 * mass that rounds to it, up to cdf(MIN_VALUE); for Beta a draw of exactly 1 stands for
 * the mass above 1 − 2⁻⁵⁴ (it rounds to 1), P = I_{2⁻⁵⁴}(β, α).
 */
function ksP(d: ContinuousDistribution, xs: Float64Array): number {
  const sorted = Float64Array.from(xs).sort();
  const atOne = d instanceof Beta ? 1 - betaI(d.beta, d.alpha, 2 ** -54) : 1;
  const lower = (x: number): number => (x === 1 && d instanceof Beta ? atOne : d.cdf(x));
  const upper = (x: number): number => (x === 0 ? d.cdf(Number.MIN_VALUE) : d.cdf(x));
  return ksPValue(ksStatisticWithTies(sorted, lower, upper), xs.length);
}

/** Fourth central moment of Beta(a, b), for the standard error of the sample variance. */
function betaMu4(a: number, b: number): number {
  const n = a + b;
  return (3 * a * b * (a * b * (n - 2) + 2 * n * n)) / (n ** 4 * (n + 1) * (n + 2) * (n + 3));
}

describe('Beta sampler', () => {
  const shapes: [number, number][] = [
    [2, 3],
    [0.5, 0.5],
    [1, 1],
    [0.05, 0.3],
    [50, 0.2],
    [1e4, 2e4],
    [1e-3, 1e-3],
  ];
  it.each(shapes)('Beta(%s, %s): KS p ≥ 1e-3, mean and variance within 4 SE', (a, b) => {
    const d = new Beta(a, b);
    const xs = d.sample(new Rng(2024), N);
    expect(ksP(d, xs)).toBeGreaterThan(1e-3);
    const [m, v] = moments(xs);
    expect(Math.abs(m - d.mean())).toBeLessThanOrEqual((4 * d.stddev()) / Math.sqrt(N));
    expect(Math.abs(v - d.variance())).toBeLessThanOrEqual(4 * Math.sqrt((betaMu4(a, b) - d.variance() ** 2) / N));
  });

  it('tiny shapes: no NaN (0/0 of two underflowed gammas), exact 0s and 1s only as often as the mass beyond the doubles', () => {
    // Beta(1e-3, 1e-3): G(1e-3) underflows to 0 with probability ≈ 0.47, so a plain
    // G_α/(G_α + G_β) would give 0/0 in ~22% of the draws. P(X < 5e-324) ≈ 0.24 and
    // P(X > 1 − 2⁻⁵⁴) ≈ 0.25, which exact 0s and 1s must match (4 binomial SE).
    const d = new Beta(1e-3, 1e-3);
    const xs = d.sample(new Rng(5), N);
    expect(xs.some((x) => Number.isNaN(x))).toBe(false);
    const zeros = xs.filter((x) => x === 0).length / N;
    const ones = xs.filter((x) => x === 1).length / N;
    const p0 = d.cdf(Number.MIN_VALUE);
    const p1 = betaI(1e-3, 1e-3, 2 ** -54);
    expect(Math.abs(zeros - p0)).toBeLessThanOrEqual(4 * Math.sqrt((p0 * (1 - p0)) / N) + 1e-3 * p0);
    expect(Math.abs(ones - p1)).toBeLessThanOrEqual(4 * Math.sqrt((p1 * (1 - p1)) / N) + 1e-3 * p1);
  });

  it('is reproducible and its first draws are stable (seed 42)', () => {
    const a = new Beta(2, 3).sample(new Rng(42), 5);
    expect(Array.from(a)).toEqual(Array.from(new Beta(2, 3).sample(new Rng(42), 5)));
    const rng = new Rng(42);
    expect([new Beta(2, 3).sample(rng), new Beta(0.5, 0.5).sample(rng)].every((x) => x > 0 && x < 1)).toBe(true);
  });
});

describe('StudentT sampler', () => {
  it.each([
    [5, 0, 1],
    [30, -3, 2],
    [1e8, 0, 1],
    [10, 1e6, 1e-3],
  ])('StudentT(%s, %s, %s): KS p ≥ 1e-3, mean and variance within 4 SE (ν > 4)', (nu, mu, sigma) => {
    const d = new StudentT(nu, mu, sigma);
    const xs = d.sample(new Rng(77), N);
    expect(ksP(d, xs)).toBeGreaterThan(1e-3);
    const [m, v] = moments(xs);
    expect(Math.abs(m - d.mean())).toBeLessThanOrEqual((4 * d.stddev()) / Math.sqrt(N));
    // μ₄ = 3σ⁴ν²/((ν − 2)(ν − 4)).
    const mu4 = (3 * sigma ** 4 * nu * nu) / ((nu - 2) * (nu - 4));
    expect(Math.abs(v - d.variance())).toBeLessThanOrEqual(4 * Math.sqrt((mu4 - d.variance() ** 2) / N));
  });

  it.each([
    [0.01, 0, 1],
    [0.5, 2, 3],
    [1, 0, 1],
    [2.5, 1.5, 0.3],
  ])('StudentT(%s, %s, %s) (heavy tails): KS p ≥ 1e-3 and sample quantiles within binomial 4-SE bounds', (nu, mu, sigma) => {
    const d = new StudentT(nu, mu, sigma);
    const xs = Float64Array.from(d.sample(new Rng(78), N)).sort();
    expect(ksP(d, xs)).toBeGreaterThan(1e-3);
    // The count below the q-quantile is Binomial(N, q): its k-th order statistic lies within
    // the quantiles of q ± 4√(q(1 − q)/N).
    for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
      const se = Math.sqrt((q * (1 - q)) / N);
      const x = xs[Math.floor(q * N)];
      expect(x).toBeGreaterThanOrEqual(d.quantile(q - 4 * se));
      expect(x).toBeLessThanOrEqual(d.quantile(q + 4 * se));
    }
  });

  it('tiny ν: draws are ±∞ only where |t| is beyond the double range', () => {
    const d = new StudentT(0.01, 0, 1);
    const xs = d.sample(new Rng(3), 10_000);
    const inf = xs.filter((x) => !Number.isFinite(x)).length;
    // P(|T| > 1.8e308) = 2·cdf(−1.8e308) ≈ 8e-4; the count is Binomial(1e4, that): 4-SE bounds.
    const pInf = 2 * d.cdf(-1.79e308);
    expect(pInf).toBeGreaterThan(1e-4);
    expect(Math.abs(inf - 1e4 * pInf)).toBeLessThanOrEqual(4 * Math.sqrt(1e4 * pInf) + 1);
    expect(xs.some((x) => Number.isNaN(x))).toBe(false);
  });
});

describe('identities', () => {
  const RUNS = { numRuns: 200 };
  it('StudentT(1, μ, σ) is Cauchy(μ, σ): logPdf, cdf, quantile', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), (mu, sigma, z) => {
        const t = new StudentT(1, mu, sigma);
        const c = new Cauchy(mu, sigma);
        const x = mu + sigma * z;
        expect(Math.abs(t.logPdf(x) - c.logPdf(x))).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(c.logPdf(x))));
        expect(Math.abs(t.cdf(x) - c.cdf(x))).toBeLessThanOrEqual(1e-13 * c.cdf(x));
        const p = c.cdf(x);
        if (p > 1e-6 && p < 1 - 1e-6) expect(Math.abs(t.quantile(p) - x)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)) * sigma);
      }),
      RUNS,
    );
  });

  it('StudentT(ν → ∞) approaches Normal(μ, σ) at the rate O(1/ν) (ν = 1e8, 1e12)', () => {
    const n = new Normal(0.5, 2);
    for (const nu of [1e8, 1e12]) {
      const t = new StudentT(nu, 0.5, 2);
      for (const x of [-8, -1, 0.5, 3, 10]) {
        // log f_t − log f_N = O((1 + z⁴)/ν).
        const z = (x - 0.5) / 2;
        expect(Math.abs(t.logPdf(x) - n.logPdf(x))).toBeLessThanOrEqual((2 + z ** 4) / nu);
        expect(Math.abs(t.logCdf(x) - n.logCdf(x))).toBeLessThanOrEqual((2 + z ** 4) / nu);
      }
      expect(Math.abs(t.entropy() - n.entropy())).toBeLessThanOrEqual(2 / nu);
    }
  });

  it('StudentT is symmetric about μ: log F(μ − d) = log(1 − F(μ + d)) exactly, quantiles mirror', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 8, noNaN: true }).map((e) => 10 ** e), fc.double({ min: -3, max: 30, noNaN: true }).map((e) => 10 ** e), (nu, dist) => {
        const t = new StudentT(nu, 0, 1);
        expect(t.logCdf(-dist)).toBe(t.logSurvival(dist));
        expect(t.cdf(-dist)).toBe(t.survival(dist));
        // Where 1 − p is exact the two quantiles solve the same problem and mirror bit for bit.
        const p = t.cdf(-dist);
        if (p > 0 && p < 0.5 && 1 - (1 - p) === p) expect(t.quantile(p)).toBe(-t.quantile(1 - p));
      }),
      RUNS,
    );
  });

  it('Beta(1, 1) is Uniform(0, 1); Beta(α, 1) has cdf x^α; Beta(a, b) mirrors Beta(b, a)', () => {
    const u = new Beta(1, 1);
    for (const x of [1e-300, 0.1, 0.5, 0.9]) {
      expect(u.logPdf(x)).toBe(0);
      // The cdf is exp(log I): relative error ≲ (|log x| + 4)·ε.
      expect(Math.abs(u.cdf(x) - x)).toBeLessThanOrEqual(2.3e-16 * (4 + Math.abs(Math.log(x))) * x);
    }
    fc.assert(
      // x = k/2²⁰ so that 1 − x is exact.
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }).map((e) => 10 ** e), fc.integer({ min: 1, max: 2 ** 20 - 1 }).map((k) => k / 2 ** 20), (a, x) => {
        const d = new Beta(a, 1);
        expect(Math.abs(d.logCdf(x) - a * Math.log(x))).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(a * Math.log(x))));
        const m = new Beta(1, a);
        expect(Math.abs(m.logSurvival(1 - x) - d.logCdf(x))).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(d.logCdf(x))));
      }),
      RUNS,
    );
  });

  it('KL(Beta‖Beta) ≥ 0, 0 on equal arguments, and matches quadrature of p log(p/q)', () => {
    const pairs: [number, number, number, number][] = [
      [2, 3, 3, 2],
      [0.7, 1.4, 2, 2],
      [20, 30, 21, 29],
      [5, 5, 5.0001, 5],
    ];
    for (const [a, b, c, e] of pairs) {
      const p = new Beta(a, b);
      const q = new Beta(c, e);
      const want = quadKl(p, q);
      // The quadrature's log q carries the absolute rounding of log B(αq, βq) (~ε|log B|).
      expect(Math.abs(kl(p, q) - want)).toBeLessThanOrEqual(1e-9 * want + 1e-14);
    }
    expect(kl(new Beta(2, 3), new Beta(2, 3))).toBe(0);
  });
});

/** ∫₀¹ p log(p/q) by the midpoint rule in logit space (for the KL check above). */
function quadKl(p: Beta, q: Beta): number {
  let s = 0;
  const n = 200_000;
  const lo = -40;
  const hi = 40;
  const h = (hi - lo) / n;
  for (let i = 0; i < n; i++) {
    const u = lo + (i + 0.5) * h;
    const x = 1 / (1 + Math.exp(-u));
    const jac = x * (1 - x);
    const lp = p.logPdf(x);
    if (lp > -Infinity) s += Math.exp(lp) * jac * (lp - q.logPdf(x));
  }
  return s * h;
}

describe('no NaN for valid input anywhere in the double range', () => {
  const shapes = [1e-300, 1e-10, 1e-3, 0.5, 1, 2, 10, 1e3, 1e8, 1e100, 1e300, 1.7e308];
  const xs = [-1, 0, 5e-324, 1e-300, 1e-10, 0.3, 0.5, 0.9, 1 - 1e-10, 1 - 2 ** -53, 1, 2, Infinity, -Infinity];
  const ps = [0, 1e-300, 1e-10, 0.3, 0.5, 0.9, 1 - 1e-10, 1 - 2 ** -53, 1];
  const fns = ['logPdf', 'cdf', 'logCdf', 'survival', 'logSurvival'] as const;
  it('Beta: every method over shapes 1e-300 … 1.7e308 and x at and beyond the ends', () => {
    const out = new Float64Array(3);
    const rng = new Rng(1);
    for (const a of shapes) {
      for (const b of shapes) {
        const d = new Beta(a, b);
        const label = `Beta(${a}, ${b})`;
        for (const v of [d.mean(), d.variance(), d.entropy()]) expect(v, label).not.toBeNaN();
        for (const x of xs) {
          for (const f of fns) expect(d[f](x), `${label}.${f}(${x})`).not.toBeNaN();
          d.logPdfPartials(x, out);
          expect(out.some((v) => Number.isNaN(v)), `${label} partials at ${x}`).toBe(false);
        }
        for (const p of ps) {
          const q = d.quantile(p);
          expect(q >= 0 && q <= 1, `${label}.quantile(${p}) = ${q}`).toBe(true);
        }
        const z = d.sample(rng);
        expect(z >= 0 && z <= 1, `${label} draw ${z}`).toBe(true);
      }
    }
  });
  it('StudentT: every method over ν 1e-300 … 1.7e308, extreme μ, σ and x', () => {
    const out = new Float64Array(4);
    const rng = new Rng(2);
    const txs = [-Infinity, -1.7e308, -1e300, -1e10, -1, 0, 1e-300, 1, 1e10, 1e300, 1.7e308, Infinity];
    for (const nu of [1e-300, 1e-10, 0.01, 1, 2, 2.5, 30, 1e8, 1e15, 1e300, 1.7e308]) {
      for (const sigma of [1e-300, 1, 1e300]) {
        for (const mu of [-1.7e308, 0, 1e300]) {
          const d = new StudentT(nu, mu, sigma);
          const label = `StudentT(${nu}, ${mu}, ${sigma})`;
          expect(d.entropy(), label).not.toBeNaN();
          if (nu > 1) expect(d.mean(), label).not.toBeNaN();
          if (nu > 1) expect(d.variance(), label).not.toBeNaN();
          for (const x of txs) {
            for (const f of fns) expect(d[f](x), `${label}.${f}(${x})`).not.toBeNaN();
            d.logPdfPartials(x, out);
            expect(out.some((v) => Number.isNaN(v)), `${label} partials at ${x}`).toBe(false);
          }
          for (const p of ps) expect(d.quantile(p), `${label}.quantile(${p})`).not.toBeNaN();
          expect(d.sample(rng), label).not.toBeNaN();
        }
      }
    }
  });
});

describe('bad input', () => {
  const bad: unknown[] = [NaN, Infinity, -Infinity, -1, 0, -0, '1', null, undefined];
  it.each(bad.map((v) => [String(v), v] as const))('Beta and StudentT refuse %s naming family, parameter and value', (_s, v) => {
    const checks: [() => unknown, string, string][] = [
      [() => new Beta(v as number, 1), 'Beta', 'alpha'],
      [() => new Beta(1, v as number), 'Beta', 'beta'],
      [() => new StudentT(v as number, 0, 1), 'StudentT', 'nu'],
      [() => new StudentT(1, 0, v as number), 'StudentT', 'sigma'],
    ];
    for (const [make, family, param] of checks) {
      let err: unknown;
      try {
        make();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidParameterError);
      const e = err as InvalidParameterError;
      expect(e.message.startsWith(`${family}: ${param}`)).toBe(true);
      expect(Object.is(e.value, v)).toBe(true);
    }
  });
  it('StudentT refuses a non-finite or non-number location', () => {
    for (const v of [NaN, Infinity, -Infinity, '0', null, undefined]) {
      expect(() => new StudentT(1, v as number, 1)).toThrow(InvalidParameterError);
      expect(() => new StudentT(1, v as number, 1)).toThrow('StudentT: mu');
    }
  });
  it('the messages', () => {
    expect(() => new Beta(-1, 2)).toThrow('Beta: alpha must be > 0 and finite, got -1');
    expect(() => new StudentT(0, 0, 1)).toThrow('StudentT: nu must be > 0 and finite, got 0');
  });
});

describe('in a Model', () => {
  const data = Float64Array.from([0.3, -1.2, 2.5, 0.8, 14.0, -0.4]);

  it('StudentT as prior and likelihood: gradLogJoint = finite differences of logJoint', () => {
    const model = new Model({
      prior: { mu: new StudentT(3, 0, 2), s: new Exponential(1) },
      likelihood: ({ mu, s }) => new StudentT(4, mu, s),
      data,
    });
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), (mu, s) => {
        const g = model.gradLogJoint({ mu, s });
        const fd = finiteDiff((v) => model.logJoint({ mu: v[0], s: v[1] }), Float64Array.of(mu, s));
        expect(maxRelDiff(Float64Array.of(g.mu, g.s), fd)).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 50 },
    );
  });

  it('the degrees of freedom as a latent (positive support) get exact gradients too', () => {
    const model = new Model({
      prior: { nu: new Exponential(0.1) },
      likelihood: ({ nu }) => new StudentT(nu, 0, 1),
      data,
    });
    for (const nu of [0.5, 3, 40]) {
      const g = model.gradLogJoint({ nu });
      const fd = finiteDiff((v) => model.logJoint({ nu: v[0] }), Float64Array.of(nu));
      expect(maxRelDiff(Float64Array.of(g.nu), fd)).toBeLessThanOrEqual(1e-6);
    }
  });

  it('Beta as a likelihood over (0, 1) data with positive latent shapes', () => {
    const ys = Float64Array.from([0.12, 0.5, 0.33, 0.91, 0.07]);
    const model = new Model({
      prior: { a: new Exponential(0.5), b: new Exponential(0.5) },
      likelihood: ({ a, b }) => new Beta(a, b),
      data: ys,
    });
    for (const [a, b] of [[0.5, 2], [3, 3], [40, 7]] as const) {
      const g = model.gradLogJoint({ a, b });
      const fd = finiteDiff((v) => model.logJoint({ a: v[0], b: v[1] }), Float64Array.of(a, b));
      expect(maxRelDiff(Float64Array.of(g.a, g.b), fd)).toBeLessThanOrEqual(1e-6);
    }
  });

  it('Beta as a prior on (0, 1) (the model’s interval transform) with a Beta likelihood', () => {
    const ys = Float64Array.from([0.12, 0.5, 0.33, 0.91, 0.07]);
    const model = new Model({
      prior: { m: new Beta(2, 3), k: new Exponential(0.2) },
      likelihood: ({ m, k }) => new Beta(mul(m, k), mul(sub(1, m), k)),
      data: ys,
    });
    for (const [m, k] of [[0.3, 4], [0.7, 20], [0.05, 1.5]] as const) {
      const g = model.gradLogJoint({ m, k });
      const fd = finiteDiff((v) => model.logJoint({ m: v[0], k: v[1] }), Float64Array.of(m, k));
      expect(maxRelDiff(Float64Array.of(g.m, g.k), fd)).toBeLessThanOrEqual(1e-6);
    }
  });
});
