/**
 * Gamma at huge shapes and the LogNormal / Gamma moments at extreme parameters
 * (issue #16, items 1 and 2): regression values computed independently with
 * mpmath, and properties over the whole double range (no NaN, finite wherever
 * the true value is representable, identities between the moments).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Gamma, LogNormal } from '../../src/index';

const EPS = 2.220446049250313e-16;
const rel = (got: number, want: number): number => (got === want ? 0 : Math.abs(got - want) / Math.abs(want));
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);
const signedLog = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.oneof(fc.constant(0), fc.tuple(fc.boolean(), logUniform(lo, hi)).map(([s, m]) => (s ? m : -m)));

describe('Gamma at huge shapes (issue #16 item 1)', () => {
  it('cdf, survival and logCdf below the mean (were 0.0343 and 0.1359) and at the mean (was NaN)', () => {
    // mpmath: tanh-sinh quadrature of the defining integral at 54–56 digits
    // (test/math/incomplete-gamma-large.data.ts describes the method).
    expect(rel(new Gamma(1e14, 1).cdf(1e14 - 5e6), 0.3085375475276201)).toBeLessThan(4 * EPS);
    expect(rel(new Gamma(1e14, 1).survival(1e14 - 5e6), 0.6914624524723799)).toBeLessThan(4 * EPS);
    expect(rel(new Gamma(1e14, 1).logCdf(1e14 - 5e6), -1.1759117330666746)).toBeLessThan(4 * EPS);
    expect(rel(new Gamma(1e12, 1).cdf(1e12 - 1e6), 0.15865525393141672)).toBeLessThan(4 * EPS);
    expect(rel(new Gamma(1e16, 1).cdf(1e16), 0.5000000013298076)).toBeLessThan(4 * EPS);
    expect(rel(new Gamma(1e16, 1).logSurvival(1e16), -0.6931471832195605)).toBeLessThan(4 * EPS);
    // Rate 2: βx is exact, so the same numbers.
    expect(rel(new Gamma(1e14, 2).cdf((1e14 - 5e6) / 2), 0.3085375475276201)).toBeLessThan(4 * EPS);
  });

  it('quantile at 1e16 and 1e20 (was wrong) and 1e200 (was Infinity)', () => {
    // mpmath.findroot on the same quadrature, 56 and 60 digits, rounded to the nearest double.
    const cases: [number, number, number][] = [
      [1e16, 1e-10, 9999999363865922.0],
      [1e16, 0.3, 9999999947559948.0],
      [1e16, 0.99, 1.0000000232634788e16],
      [1e20, 1e-10, 9.99999999363866e19],
      [1e20, 0.3, 9.999999999475599e19],
      [1e20, 0.99, 1.0000000002326348e20],
    ];
    for (const [a, p, x] of cases) expect(rel(new Gamma(a, 1).quantile(p), x)).toBeLessThan(1e-15);
    // At a = 1e200 the quantile a + w·1e100 (|w| < 7 for these p) is within 1e-83 ulp of
    // 1e200, so the nearest double is 1e200 itself; likewise a = 1e300.
    for (const p of [1e-10, 0.3, 0.5, 0.99]) {
      expect(new Gamma(1e200, 1).quantile(p)).toBe(1e200);
      expect(new Gamma(1e300, 1).quantile(p)).toBe(1e300);
      expect(new Gamma(1e200, 1e100).quantile(p)).toBe(1e100);
    }
  });

  it('cdf is monotone in x and cdf + survival = 1 at huge shapes, for any rate', () => {
    fc.assert(
      fc.property(
        logUniform(8, 300),
        logUniform(-5, 5),
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (a, b, k, dk) => {
          const d = new Gamma(a, b);
          const x = (a + k * Math.sqrt(a)) / b;
          const y = (a + (k + dk) * Math.sqrt(a)) / b;
          return d.cdf(y) >= d.cdf(x) && d.logCdf(y) >= d.logCdf(x) && Math.abs(d.cdf(x) + d.survival(x) - 1) <= 4 * EPS;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('quantile(cdf(x)) ≈ x at huge shapes', () => {
    fc.assert(
      fc.property(logUniform(8, 300), logUniform(-5, 5), fc.double({ min: -30, max: 30, noNaN: true }), (a, b, k) => {
        const d = new Gamma(a, b);
        const x = (a + k * Math.sqrt(a)) / b;
        const p = d.cdf(x);
        if (p <= 0.5) return rel(d.quantile(p), x) <= 1e-13;
        // Above the median p = 1 − survival(x) has lost the digits of a small survival, so
        // check instead that 1 − p (exact there) is bracketed by the survival at x'(1 ± 1e-13).
        const xq = d.quantile(p);
        return d.survival(xq * (1 - 1e-13)) >= 1 - p && 1 - p >= d.survival(xq * (1 + 1e-13));
      }),
      { numRuns: 300 },
    );
  });
});

describe('moments at extreme parameters (issue #16 item 2)', () => {
  // mpmath at 60 digits (700 for the Gamma entropies, whose terms cancel), rounded to doubles:
  // LogNormal: e^{μ+σ²/2}, e^{2μ+σ²}·expm1(σ²), its square root, e^{μ−σ²}, μ + ½ + log(σ√(2π)).
  const logNormal: [number, number, number[]][] = [
    [400, 1e-200, [5.221469689764144e173, 2.7263745721125664e-53, 5.221469689764144e-27, 5.221469689764144e173, -59.098080065604464]],
    [355, 0.1, [1.502147391845019e154, 2.2677667224143416e306, 1.5059105957573782e153, 1.4797833307501286e154, 354.1163534402106]],
    [0, 1e-300, [1, 0, 1e-300, 1, -689.3565893650091]],
    [-700, 26, [6.100951197622044e-158, 1.4251640827409352e-21, 3.775134544279098e-11, 0, -695.3229649287739]],
    [300, 1e-160, [1.9424263952412558e130, 3.7730203009299397e-60, 1.942426395241256e-30, 1.9424263952412558e130, -66.99467634584263]],
    [700, 0.5, [1.1492754838737592e304, Infinity, 6.124952786540368e303, 7.898847184437414e303, 700.7257913526447]],
  ];
  // The log-space forms carry an error of ε·|log result| (the condition number in μ).
  it.each(logNormal)('LogNormal(%s, %s)', (mu, sigma, [mean, variance, sd, mode, entropy]) => {
    const d = new LogNormal(mu, sigma);
    const tol = (v: number): number => 1e-15 * Math.max(1, Math.abs(Math.log(v)));
    expect(rel(d.mean(), mean)).toBeLessThanOrEqual(tol(mean));
    expect(rel(d.variance(), variance)).toBeLessThanOrEqual(variance === 0 || variance === Infinity ? 0 : tol(variance));
    expect(rel(d.stddev(), sd)).toBeLessThanOrEqual(tol(sd));
    expect(rel(d.mode(), mode)).toBeLessThanOrEqual(mode === 0 ? 0 : tol(mode));
    expect(rel(d.entropy(), entropy)).toBeLessThan(4 * EPS * Math.max(1, Math.abs(mu / entropy)));
  });

  // Gamma: α/β, α/β², √α/β, α − log β + log Γ(α) + (1 − α)ψ(α).
  const gamma: [number, number, number[]][] = [
    [1e300, 1e200, [1e100, 1.0000000000000001e-100, 1e-50, 346.80670248231155 - Math.log(1e200)]],
    [1e-300, 1e-160, [1e-140, 1e20, 1e10, -9.999999999999999e299]],
    [1e300, 1e-10, [Infinity, Infinity, 1e160, 369.83255341225197]],
    [1e-300, 1, [1e-300, 1e-300, 1e-150, -9.999999999999999e299]],
    [1e300, 1, [1e300, 1e300, 1e150, 346.80670248231155]],
    [1e16, 3, [3333333333333333.5, 1111111111111111.1, 33333333.333333332, 18.741006988488927]],
  ];
  it.each(gamma)('Gamma(%s, %s)', (a, b, [mean, variance, sd, entropy]) => {
    const d = new Gamma(a, b);
    expect(rel(d.mean(), mean)).toBeLessThanOrEqual(2 * EPS);
    expect(rel(d.variance(), variance)).toBeLessThanOrEqual(4 * EPS);
    expect(rel(d.stddev(), sd)).toBeLessThanOrEqual(4 * EPS);
    expect(rel(d.entropy(), entropy)).toBeLessThan(1e-14);
  });

  it('LogNormal: no NaN; variance and stddev finite exactly where representable; stddev² = variance', () => {
    fc.assert(
      fc.property(signedLog(-3, 308), logUniform(-300, 300), (mu, sigma) => {
        const d = new LogNormal(mu, sigma);
        const m = [d.mean(), d.variance(), d.stddev(), d.mode(), d.entropy()];
        if (m.some((v) => v !== v)) return false;
        const v = d.variance();
        const s = d.stddev();
        // log variance ≈ 2μ + σ² + log expm1(σ²) ≥ 2μ + 2 log σ, so below these bounds both are finite and positive.
        const lower = 2 * mu + 2 * Math.log(sigma);
        if (sigma < 10 && lower + 2 * sigma * sigma < 700 && lower > -700) if (!(v > 0 && v < Infinity)) return false;
        if (v > 1e-300 && v < 1e300) return rel(s * s, v) <= 1e-14 * Math.max(1, Math.abs(Math.log(v)));
        return s >= 0;
      }),
      { numRuns: 1000 },
    );
  });

  it('Gamma: no NaN over shape and rate 1e-300 … 1e300; stddev² = variance where finite', () => {
    fc.assert(
      fc.property(logUniform(-300, 300), logUniform(-300, 300), (a, b) => {
        const d = new Gamma(a, b);
        const m = [d.mean(), d.variance(), d.stddev(), d.mode(), d.entropy()];
        if (m.some((v) => v !== v)) return false;
        const v = d.variance();
        const s = d.stddev();
        return !(v > 1e-300 && v < 1e300) || rel(s * s, v) <= 8 * EPS;
      }),
      { numRuns: 1000 },
    );
  });
});
