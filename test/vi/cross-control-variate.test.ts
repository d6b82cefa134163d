import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng';
import { ScrambledSobol } from '../../src/random/sobol';
import { CrossControlVariate, useCrossControlVariate } from '../../src/vi/cross-control-variate';
import { createWorkspace } from '../../src/vi/estimator-workspace';
import { meanField } from '../../src/vi/index';
import type { NoiseAwareGuide } from '../../src/vi/noise-aware-guide';
import type { DifferentiableModel } from '../../src/model/differentiable-model';
import { identityBijection } from '../../src/distributions/transforms';
import { real } from '../../src/distributions/support';

// A Gaussian target N(m, P⁻¹) with strong correlations (AR(1), ρ = 0.8). At the
// mean-field optimum (μ = m, σ_j = 1/√P_jj) the sticking-the-landing gradient of a
// draw is −Σ_{k≠j} P_jk σ_k ε_k for μ_j (and σ_j ε_j times it for ω_j): all of its
// noise is cross-coordinate, so the exact correction removes all of it. Away from the
// optimum its expectation is the analytic ELBO gradient
//   ∂/∂μ = −P(μ − m),   ∂/∂ω_j = 1 − P_jj σ_j²,
// which the corrected estimate must keep (the correction has mean zero).

const d = 6;
const rho = 0.8;
/** Precision of the AR(1) covariance Σ_jk = ρ^|j−k|: tridiagonal. */
const P = new Float64Array(d * d);
for (let j = 0; j < d; j++) {
  const edge = j === 0 || j === d - 1;
  P[j * d + j] = (edge ? 1 : 1 + rho * rho) / (1 - rho * rho);
  if (j > 0) P[j * d + j - 1] = P[(j - 1) * d + j] = -rho / (1 - rho * rho);
}
const m = Float64Array.from({ length: d }, (_, j) => 0.5 * j - 1);

const gaussian: DifferentiableModel = {
  dim: d,
  blocks: Array.from({ length: d }, (_, j) => ({ name: `x${j}`, offset: j, size: 1, scalar: true, support: real, bijection: identityBijection })),
  logDensity(u) {
    let s = 0;
    for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) s += (u[j] - m[j]) * P[j * d + k] * (u[k] - m[k]);
    return -0.5 * s;
  },
  logDensityGradient(u, g) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      let r = 0;
      for (let k = 0; k < d; k++) r += P[j * d + k] * (u[k] - m[k]);
      g[j] = -r;
      s += (u[j] - m[j]) * r;
    }
    return -0.5 * s;
  },
};

const guide = meanField().build(gaussian) as NoiseAwareGuide;
const S = 16;

/** θ = (μ_j, ω_j) interleaved. */
function params(mu: ArrayLike<number>, sigma: ArrayLike<number>): Float64Array {
  const t = new Float64Array(2 * d);
  for (let j = 0; j < d; j++) {
    t[2 * j] = mu[j];
    t[2 * j + 1] = Math.log(sigma[j]);
  }
  return t;
}

/** N steps of the fused STL gradient, raw and corrected on the same noise rows. */
function run(theta: Float64Array, steps: number, fill: (out: Float64Array) => void): { raw: Float64Array[]; cor: Float64Array[] } {
  const ws = createWorkspace(guide, S);
  const cv = new CrossControlVariate(d, 1 - 1 / 200);
  const raw: Float64Array[] = [];
  const cor: Float64Array[] = [];
  for (let t = 0; t < steps; t++) {
    fill(ws.noiseData);
    const a = new Float64Array(2 * d);
    const b = new Float64Array(2 * d);
    guide.reparamFused!(gaussian, theta, ws, a, false, undefined);
    guide.reparamFused!(gaussian, theta, ws, b, false, undefined, cv);
    raw.push(a);
    cor.push(b);
  }
  return { raw, cor };
}

function meanAndVar(xs: readonly Float64Array[], from: number, i: number): { mean: number; variance: number; n: number } {
  const n = xs.length - from;
  let s = 0;
  for (let t = from; t < xs.length; t++) s += xs[t][i];
  const mean = s / n;
  let v = 0;
  for (let t = from; t < xs.length; t++) v += (xs[t][i] - mean) ** 2;
  return { mean, variance: v / (n - 1), n };
}

/** Whether it turned itself off (a private flag). */
const isOff = (cv: CrossControlVariate): boolean => (cv as unknown as { off: boolean }).off;

const sigmaOpt = Array.from({ length: d }, (_, j) => 1 / Math.sqrt(P[j * d + j]));
const rng = new Rng(11);
const mcFill = (out: Float64Array) => rng.fillNormal(out);
const sobol = new ScrambledSobol(d);
const qmcRng = new Rng(12);
const qmcFill = (out: Float64Array) => sobol.fillNormal(qmcRng, out, S);

describe('cross-coordinate control variates', () => {
  it('remove the cross-coordinate noise at a Gaussian mean-field optimum (MC and RQMC rows)', () => {
    for (const fill of [mcFill, qmcFill]) {
      const { raw, cor } = run(params(m, sigmaOpt), 1500, fill);
      for (let i = 0; i < 2 * d; i++) {
        // All of the raw noise is cross terms; what is left is the coefficients' own
        // estimation error, about d / (200 steps · 16 rows) of it: far below 2 %.
        expect(meanAndVar(cor, 500, i).variance).toBeLessThan(0.02 * meanAndVar(raw, 500, i).variance);
      }
    }
  });

  it('keep the gradient unbiased away from the optimum (analytic ELBO gradient within 4.5 standard errors)', () => {
    const mu = m.map((v, j) => v + (j % 2 === 0 ? 0.7 : -0.4));
    const sigma = sigmaOpt.map((s, j) => s * (j % 3 === 0 ? 1.6 : 0.7));
    const theta = params(mu, sigma);
    const exact = new Float64Array(2 * d);
    for (let j = 0; j < d; j++) {
      let r = 0;
      for (let k = 0; k < d; k++) r += P[j * d + k] * (mu[k] - m[k]);
      exact[2 * j] = -r;
      exact[2 * j + 1] = 1 - P[j * d + j] * sigma[j] * sigma[j];
    }
    for (const fill of [mcFill, qmcFill]) {
      const { cor } = run(theta, 3000, fill);
      // The coefficients learn for 30 steps first; every later step is an unbiased
      // estimate. 12 parameters at 4.5 standard errors: a false alarm below 1e-4.
      for (let i = 0; i < 2 * d; i++) {
        const { mean, variance, n } = meanAndVar(cor, 30, i);
        expect(Math.abs(mean - exact[i])).toBeLessThan(4.5 * Math.sqrt(variance / n) + 1e-12);
      }
    }
  });

  it('stays on where the cross terms are the noise, and turns itself off where there are none', () => {
    const on = new CrossControlVariate(d, 1 - 1 / 200);
    const ws = createWorkspace(guide, S);
    const g = new Float64Array(2 * d);
    const theta = params(m, sigmaOpt);
    for (let t = 0; t < 200; t++) {
      mcFill(ws.noiseData);
      guide.reparamFused!(gaussian, theta, ws, g, false, undefined, on);
    }
    expect(isOff(on)).toBe(false);
    // Independent coordinates: g_j depends on ε_j alone, nothing for Â to explain.
    const off = new CrossControlVariate(4, 1 - 1 / 200);
    const eps = new Float64Array(4 * S);
    const rows = new Float64Array(4 * S);
    for (let t = 0; t < 200; t++) {
      rng.fillNormal(eps);
      for (let i = 0; i < rows.length; i++) rows[i] = -2 * eps[i] + 0.3 * eps[i] ** 2;
      off.correctRows(eps, rows, S);
    }
    expect(isOff(off)).toBe(true);
  });

  it('a step with a non-finite gradient row teaches nothing and is left alone', () => {
    const cv = new CrossControlVariate(2, 0.99);
    const eps = Float64Array.of(1, 2, -1, 0.5);
    const g = Float64Array.of(NaN, 1, 2, 3);
    cv.correctRows(eps, g, 2);
    expect(Array.from(g)).toEqual([NaN, 1, 2, 3]);
    const h = Float64Array.of(0.5, 1, 2, 3);
    cv.correctRows(eps, h, 2); // fewer than 30 steps of history: learns only
    expect(Array.from(h)).toEqual([0.5, 1, 2, 3]);
  });
});

describe('useCrossControlVariate: applied where its 2d² per draw is small beside the model', () => {
  it('always for 2 ≤ d ≤ 8, for d ≤ 128 with at least 16 data per latent, never for one coordinate', () => {
    expect(useCrossControlVariate(1, 10_000)).toBe(false);
    expect(useCrossControlVariate(2, undefined)).toBe(true);
    expect(useCrossControlVariate(8, 1)).toBe(true);
    expect(useCrossControlVariate(9, undefined)).toBe(false);
    expect(useCrossControlVariate(50, 1000)).toBe(true);
    expect(useCrossControlVariate(62, 60)).toBe(false);
    expect(useCrossControlVariate(128, 1e6)).toBe(true);
    expect(useCrossControlVariate(129, 1e6)).toBe(false);
  });
});
