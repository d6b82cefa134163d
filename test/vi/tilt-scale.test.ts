/**
 * Unit tests of the tilt scale τ of `baseSamples: "rqmc-tilted"` (issue #11: the
 * pieces that had none). The rows are ε = τ·Φ⁻¹(v) with importance weights
 * w = Π φ(ε_j)/φ_τ(ε_j) = Π τ e^{−ε_j²(1 − τ⁻²)/2}, so E w = 1 and, per coordinate,
 * E w² = ∫ φ²/φ_τ = τ²/√(2τ² − 1); τ is chosen so that the whole row has E w² = 1.2:
 * f = 1.2^{1/d} per coordinate and τ² = f² + f√(f² − 1), the root > 1 of
 * τ⁴ = f²(2τ² − 1). Checked: that formula, the property it is chosen for (by
 * quadrature and on the weights the noise source writes), and the documented values.
 */
import { describe, expect, it } from 'vitest';
import { Normal, plate } from '../../src/index';
import { integrate } from '../../src/math/quadrature';
import { Model } from '../../src/model/model';
import { Rng } from '../../src/random/rng';
import { tiltScale } from '../../src/vi/base-samples';
import { createNoiseSource, createWorkspace, meanField } from '../../src/vi/index';

const DIMS = [1, 2, 3, 5, 10, 50, 161, 1000];
const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Density of N(0, s²) at x. */
const normalPdf = (x: number, s: number): number => Math.exp(-0.5 * (x / s) ** 2) / (s * SQRT_2PI);

describe('tiltScale(d): its formula', () => {
  it.each(DIMS)('d = %i: τ > 1 solves τ⁴ = f²(2τ² − 1) with f = 1.2^{1/d}', (d) => {
    const tau = tiltScale(d);
    const f = Math.pow(1.2, 1 / d);
    expect(tau).toBeGreaterThan(1);
    const t2 = tau * tau;
    expect(Math.abs(t2 * t2 - f * f * (2 * t2 - 1))).toBeLessThan(1e-14 * t2 * t2);
  });

  it.each(DIMS)('d = %i: the closed form (τ²/√(2τ² − 1))^d of E w² is 1.2', (d) => {
    const t2 = tiltScale(d) ** 2;
    expect(Math.pow(t2 / Math.sqrt(2 * t2 - 1), d)).toBeCloseTo(1.2, 12);
  });

  it('decreases towards 1 as d grows, with the values the docs quote (≈ 1.5 at d = 1, ≈ 1.05 at d = 50)', () => {
    for (let d = 1; d < 400; d++) expect(tiltScale(d + 1)).toBeLessThan(tiltScale(d));
    expect(tiltScale(1e6)).toBeLessThan(1.001);
    expect(tiltScale(1)).toBeCloseTo(1.5, 1);
    expect(tiltScale(50)).toBeCloseTo(1.05, 2);
  });
});

describe('tiltScale(d): the property it is chosen for', () => {
  it.each([1, 2, 5, 50])('d = %i: by quadrature over the proposal N(0, τ²), E w = 1 and E w² = 1.2^{1/d} per coordinate', (d) => {
    const tau = tiltScale(d);
    const w = (e: number): number => tau * Math.exp(-0.5 * e * e * (1 - 1 / (tau * tau)));
    // w is φ/φ_τ written out:
    for (const e of [-3, -0.5, 0, 1.7]) expect(w(e)).toBeCloseTo(normalPdf(e, 1) / normalPdf(e, tau), 14);
    const mean = integrate((e) => w(e) * normalPdf(e, tau), -Infinity, Infinity).value;
    const second = integrate((e) => w(e) ** 2 * normalPdf(e, tau), -Infinity, Infinity).value;
    expect(mean).toBeCloseTo(1, 10);
    expect(second).toBeCloseTo(Math.pow(1.2, 1 / d), 10);
    expect(Math.pow(second, d)).toBeCloseTo(1.2, 9);
  });

  it.each([1, 3])('d = %i: the "rqmc-tilted" rows have second moment τ² and the weights φ/φ_τ, of mean 1 and mean square 1.2', (d) => {
    const model = new Model({ prior: { w: plate(new Normal(0, 1), d) }, likelihood: ({ w }) => new Normal(w[0], 1), data: [0.3] });
    const guide = meanField().build(model);
    const source = createNoiseSource(guide, 'rqmc-tilted');
    expect(source.kind).toBe('rqmc-tilted');
    const ws = createWorkspace(guide, 16);
    const tau = tiltScale(d);
    const rng = new Rng(7);
    const fills = 2000;
    let m1 = 0;
    let m2 = 0;
    let s1 = 0;
    let s2 = 0;
    let v1 = 0;
    let v2 = 0;
    for (let i = 0; i < fills; i++) {
      source.fill(guide.initialParams(), rng, ws);
      expect(ws.weighted).toBe(true);
      let a = 0;
      let b = 0;
      for (let s = 0; s < ws.samples; s++) {
        let want = 1;
        for (const e of ws.noise[s]) want *= normalPdf(e, 1) / normalPdf(e, tau);
        if (i === 0) expect(Math.abs(ws.weights[s] - want)).toBeLessThan(1e-13 * want);
        a += ws.weights[s];
        b += ws.weights[s] ** 2;
      }
      let e2 = 0;
      for (const e of ws.noiseData) e2 += e * e;
      e2 /= ws.noiseData.length;
      v1 += e2;
      v2 += e2 * e2;
      a /= ws.samples;
      b /= ws.samples;
      m1 += a;
      m2 += b;
      s1 += a * a;
      s2 += b * b;
    }
    const se = (sum: number, sq: number): number => Math.sqrt((sq / fills - (sum / fills) ** 2) / fills);
    expect(Math.abs(m1 / fills - 1)).toBeLessThan(4 * se(m1, s1) + 1e-12);
    expect(Math.abs(m2 / fills - 1.2)).toBeLessThan(4 * se(m2, s2));
    // The proposal is N(0, τ²): the rows' second moment is τ², not 1.
    expect(Math.abs(v1 / fills - tau * tau)).toBeLessThan(4 * se(v1, v2));
    expect(tau * tau - 1).toBeGreaterThan(20 * se(v1, v2));
  });
});
