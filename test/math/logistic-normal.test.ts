/**
 * Moments of σ(U), U ~ N(μ, s²) (issue #16: LogitNormal's mean, variance and entropy took
 * 30–300 µs by adaptive quadrature): against a fine trapezoid reference (steps 7–12× finer,
 * a wider range, compensated sums), against the adaptive quadrature the library used
 * before, the tilting and symmetry identities, the delta method at tiny s, and continuity
 * across the switches between the rule and the series.
 */
import { describe, expect, it } from 'vitest';
import { LogitNormal } from '../../src/index';
import { logisticNormalLogJacobian, logisticNormalMean, logisticNormalVariance } from '../../src/math/logistic-normal';
import { integrate } from '../../src/math/quadrature';

const rel = (got: number, want: number): number => (got === want ? 0 : Math.abs(got - want) / Math.abs(want));
const sig = (u: number): number => (u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u)));
const phi = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** Kahan-compensated trapezoid reference over |z| ≤ 14 + 2 min(s, 5), step min(0.05, 0.05/s), on the deviations from σ(ν), ν = −|μ|. */
function reference(mu: number, s: number): { low: number; variance: number; logJacobian: number } {
  const nu = -Math.abs(mu);
  const h = Math.min(0.05, 0.05 / s);
  const n = Math.ceil((14 + 2 * Math.min(s, 5)) / h);
  const sn = sig(-nu);
  const d = (z: number): number => sig(nu + s * z) * sn * -Math.expm1(-s * z);
  let m = 0;
  let cm = 0;
  let g = 0;
  let cg = 0;
  for (let j = -n; j <= n; j++) {
    const z = j * h;
    let y = phi(z) * d(z) - cm;
    let t = m + y;
    cm = t - m - y;
    m = t;
    const a = Math.abs(mu + s * z);
    y = phi(z) * (-a - 2 * Math.log1p(Math.exp(-a))) - cg;
    t = g + y;
    cg = t - g - y;
    g = t;
  }
  m *= h;
  let v = 0;
  let cv = 0;
  for (let j = -n; j <= n; j++) {
    const e = d(j * h) - m;
    const y = phi(j * h) * e * e - cv;
    const t = v + y;
    cv = t - v - y;
    v = t;
  }
  return { low: sig(nu) + m, variance: v * h, logJacobian: g * h };
}

const MUS = [0, 0.3, -1, 2, -4, 8, -15, 30, -100];
const SCALES = [1e-8, 1e-3, 0.1, 0.3, 0.499, 0.5, 0.7, 0.99, 1, 1.5, 2, 5, 10];

describe('against a fine trapezoid reference', () => {
  it.each(SCALES)('s = %s: mean ≤ 2e-15, variance ≤ 4e-14, log-Jacobian ≤ 4e-14 relative', (s) => {
    for (const mu of MUS) {
      if (s >= 5 && Math.abs(mu) > 30) continue; // the reference's range would not reach the tilted peak
      const r = reference(mu, s);
      expect(rel(logisticNormalMean(-Math.abs(mu), s), r.low), `mean μ=${mu}`).toBeLessThanOrEqual(2e-15);
      expect(rel(logisticNormalVariance(mu, s), r.variance), `variance μ=${mu}`).toBeLessThanOrEqual(4e-14);
      expect(rel(logisticNormalLogJacobian(mu, s), r.logJacobian), `logJ μ=${mu}`).toBeLessThanOrEqual(4e-14);
    }
  });
});

describe('identities', () => {
  it('tilting: E σ(V) = e^{ν + s²/2}(1 − E σ(W)), W ~ N(ν + s², s²), and symmetry E σ(U) + E σ(−U) = 1', () => {
    for (const [nu, s] of [[-700, 5], [-100, 5], [-30, 1], [-3, 0.2], [-300, 10], [-0.5, 2]]) {
      const tilted = Math.exp(nu + 0.5 * s * s) * (1 - logisticNormalMean(nu + s * s, s));
      expect(rel(logisticNormalMean(nu, s), tilted), `${nu} ${s}`).toBeLessThan(1e-14);
      expect(Math.abs(logisticNormalMean(nu, s) + logisticNormalMean(-nu, s) - 1)).toBeLessThan(4e-16);
    }
  });
  it('the delta method at tiny s: Var σ(U) = s²σ′(μ)²(1 + O(s²))', () => {
    for (const mu of [0, 1, -8, 30, -700]) {
      const s = 1e-8;
      const d = sig(mu) * sig(-mu);
      expect(rel(logisticNormalVariance(mu, s), s * s * d * d), `μ=${mu}`).toBeLessThan(1e-14);
    }
  });
  it('continuity across the switches (s = ½ for the mean and log-Jacobian, s = 1 for the variance)', () => {
    for (const mu of [0, 0.3, -1, 3, -10, 30]) {
      for (const s of [0.5, 1]) {
        const below = s * (1 - 2 ** -52);
        expect(rel(logisticNormalMean(mu, below), logisticNormalMean(mu, s))).toBeLessThan(1e-15);
        expect(rel(logisticNormalVariance(mu, below), logisticNormalVariance(mu, s))).toBeLessThan(4e-14);
        expect(rel(logisticNormalLogJacobian(mu, below), logisticNormalLogJacobian(mu, s))).toBeLessThan(1e-14);
      }
    }
  });
});

describe('LogitNormal against the adaptive quadrature it used before (where that was accurate)', () => {
  it('mean, variance and entropy on intervals', () => {
    for (const [mu, sigma, lo, hi] of [[0, 1, 0, 1], [1.5, 0.3, -2, 4], [-0.7, 2.5, 0, 1], [0.4, 1.8, 10, 11], [0, 30, 0, 1], [3, 0.7, -5, 5]]) {
      const d = new LogitNormal(mu, sigma, lo, hi);
      const t = (z: number): number => {
        const u = mu + sigma * z;
        return u <= 0 ? lo + (hi - lo) * sig(u) : hi - (hi - lo) * sig(-u);
      };
      const m = integrate((z) => phi(z) * t(z), -Infinity, Infinity, { relTol: 1e-14 }).value;
      const v = integrate((z) => phi(z) * (t(z) - m) ** 2, -Infinity, Infinity, { relTol: 1e-14 }).value;
      expect(rel(d.mean(), m), `mean ${mu} ${sigma}`).toBeLessThan(1e-13);
      expect(rel(d.variance(), v), `variance ${mu} ${sigma}`).toBeLessThan(1e-12);
    }
  });
  it('keeps its digits where the quadrature did not: LogitNormal(8, 1e-3).variance (3.8% off before)', () => {
    const d = new LogitNormal(8, 1e-3);
    const s = sig(8) * sig(-8);
    // Delta method with its first correction: Var ≈ s²σ′²(1 + s²(σ″²/σ′² + σ‴/σ′)/… ) — to 1e-6 here.
    expect(rel(d.variance(), 1e-6 * s * s)).toBeLessThan(1e-5);
    // E σ(μ + sZ) = σ(μ) + ½s²σ″(μ) + O(s⁴), σ″ = σ′(1 − 2σ).
    expect(rel(d.mean(), sig(8) + 0.5e-6 * s * (1 - 2 * sig(8)))).toBeLessThan(1e-15);
  });
});
