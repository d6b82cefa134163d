/**
 * Every coordinate family of the registry (src/vi/guide-families/), checked against
 * its own definition at several parameter points, including shapes below 1:
 *
 * - the forward map's θ-gradient (`backprop`) against central differences of
 *   u(θ) with the noise held at fixed uniforms (for Gamma-based noise this is the
 *   implicit reparameterization: ε(θ) = P⁻¹(α(θ), U));
 * - log q integrates to 1 on the line; ∂u log q, the score and ∇θ H against
 *   differences; q is the density of T⁻¹(z) for z ~ `distributionFor(θ)`;
 * - the entropy against quadrature and against Monte Carlo (z-score bound);
 * - the control variates have mean 0 (z-score bound from the standard error);
 * - θ ↔ distribution round trip, `naturalParams` = the distribution's parameters,
 *   `naturalGradient` = the chain rule, and `init`/`locate` centre the coordinate.
 */
import { describe, expect, it } from 'vitest';
import { Beta, Exponential, Gamma, InverseGamma, LogitNormal, LogNormal, Model, Normal, Uniform, type ContinuousDistribution } from '../../src/index';
import { integrate } from '../../src/math/quadrature';
import type { LatentBlock } from '../../src/model/differentiable-model';
import { Rng } from '../../src/random/rng';
import { CV_PER_COORD, type CoordinateFamily } from '../../src/vi/guide-families/coordinate-family';
import { GUIDE_FAMILY_LIST } from '../../src/vi/guide-families/registry';

const model = new Model({
  prior: { pos: new Exponential(1), real: new Normal(0, 1), unit: new Beta(2, 2), wide: new Uniform(2, 5) },
  likelihood: ({ real }) => new Normal(real, 1),
  data: [0.5],
});
const block = (name: string): LatentBlock => model.blocks.find((b) => b.name === name)!;

/** Per family: the latent it is tested on and distributions giving its parameter points. */
const POINTS: Record<string, { latent: string; dists: ContinuousDistribution[] }> = {
  Normal: { latent: 'real', dists: [new Normal(-1, 2), new Normal(0.3, 0.05)] },
  LogNormal: { latent: 'pos', dists: [new LogNormal(0.3, 0.4), new LogNormal(-2, 1.5)] },
  Gamma: { latent: 'pos', dists: [new Gamma(0.7, 2), new Gamma(5, 3), new Gamma(23, 20.7)] },
  Exponential: { latent: 'pos', dists: [new Exponential(0.5), new Exponential(8)] },
  InverseGamma: { latent: 'pos', dists: [new InverseGamma(0.8, 1.5), new InverseGamma(6, 8), new InverseGamma(20.5, 21.9)] },
  LogitNormal: { latent: 'wide', dists: [new LogitNormal(0.2, 0.7, 2, 5), new LogitNormal(-1, 2, 2, 5)] },
  Beta: { latent: 'unit', dists: [new Beta(0.6, 2.5), new Beta(3, 5), new Beta(27, 58), new Beta(4, 0.8)] },
};

const cases = GUIDE_FAMILY_LIST.flatMap((f) => {
  const p = POINTS[f.name];
  if (p === undefined) throw new Error(`no test points for guide family ${f.name}: add it to POINTS`);
  const b = block(p.latent);
  const fam = f.coordinate(b);
  return p.dists.map((d) => ({ label: `${f.name}: ${String(d)}`, fam, b, dist: d, theta: Float64Array.from(fam.paramsFromDistribution(d, b, b.name)) }));
});

/** u at θ with the noise held at the uniforms `uni` (the inverse-CDF draw). */
function uAt(fam: CoordinateFamily, theta: Float64Array, uni: Float64Array): number {
  const eps = new Float64Array(fam.noiseSize);
  fam.noiseFromUniform(theta, 0, uni, eps, 0);
  return fam.forward(theta, 0, eps, 0);
}

/** Central difference of f at θ in coordinate k, step h·max(1, |θ_k|). */
function diff(f: (t: Float64Array) => number, theta: Float64Array, k: number, h = 1e-5): number {
  const s = h * Math.max(1, Math.abs(theta[k]));
  const tp = theta.slice();
  const tm = theta.slice();
  tp[k] += s;
  tm[k] -= s;
  return (f(tp) - f(tm)) / (2 * s);
}

/** ∫ f(u) q(u) du over the line, split where q has its mass (z quantiles mapped to u). */
function expectQ(fam: CoordinateFamily, b: LatentBlock, theta: Float64Array, f: (u: number) => number): number {
  const d = fam.distributionFor(b, theta, 0);
  const cuts = [1e-9, 0.01, 0.5, 0.99, 1 - 1e-9].map((p) => b.bijection.inverse(d.quantile(p))).filter(Number.isFinite);
  const pts = [-Infinity, ...cuts, Infinity];
  let s = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    if (!(pts[i] < pts[i + 1])) continue;
    s += integrate((u) => {
      const q = Math.exp(fam.logQ(theta, 0, u));
      return q === 0 ? 0 : q * f(u);
    }, pts[i], pts[i + 1], { absTol: 1e-13, relTol: 1e-12 }).value;
  }
  return s;
}

describe.each(cases)('$label', ({ fam, b, dist, theta }) => {
  const P = fam.numParams;

  it('the forward map’s θ-gradient (backprop) matches central differences at fixed noise uniforms', () => {
    const rng = new Rng(1);
    for (let rep = 0; rep < 6; rep++) {
      const uni = new Float64Array(fam.noiseSize);
      for (let i = 0; i < uni.length; i++) uni[i] = rep === 0 ? 0.5 : rng.uniform();
      const eps = new Float64Array(fam.noiseSize);
      fam.noiseFromUniform(theta, 0, uni, eps, 0);
      const g = new Float64Array(P);
      fam.backprop(theta, 0, eps, 0, 1, g);
      for (let k = 0; k < P; k++) {
        const fd = diff((t) => uAt(fam, t, uni), theta, k);
        expect(Math.abs(g[k] - fd), `∂u/∂θ${k} at U = ${Array.from(uni)}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  it('log q integrates to 1 and is the density of T⁻¹(z), z ~ distributionFor(θ)', () => {
    expect(Math.abs(expectQ(fam, b, theta, () => 1) - 1)).toBeLessThan(1e-10);
    const d = fam.distributionFor(b, theta, 0);
    for (const p of [0.01, 0.3, 0.5, 0.8, 0.99]) {
      const u = b.bijection.inverse(d.quantile(p));
      const viaZ = d.logPdf(b.bijection.forward(u)) + b.bijection.logAbsDetJacobian(u);
      expect(Math.abs(fam.logQ(theta, 0, u) - viaZ)).toBeLessThan(1e-11 * Math.max(1, Math.abs(viaZ)));
    }
  });

  it('∂u log q, the score ∂θ log q and ∇θ H match central differences', () => {
    const d = fam.distributionFor(b, theta, 0);
    const gu = new Float64Array(1);
    for (const p of [0.05, 0.5, 0.9]) {
      const u = b.bijection.inverse(d.quantile(p));
      const lq = fam.logQGradU(theta, 0, u, gu, 0);
      expect(lq).toBe(fam.logQ(theta, 0, u));
      const h = 1e-6 * Math.max(1, Math.abs(u));
      const fdU = (fam.logQ(theta, 0, u + h) - fam.logQ(theta, 0, u - h)) / (2 * h);
      expect(Math.abs(gu[0] - fdU)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fdU)));
      const score = new Float64Array(P);
      fam.addScore(theta, 0, u, 1, score);
      for (let k = 0; k < P; k++) {
        const fd = diff((t) => fam.logQ(t, 0, u), theta, k);
        expect(Math.abs(score[k] - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      }
    }
    const gh = new Float64Array(P);
    fam.addEntropyGrad(theta, 0, 1, gh);
    for (let k = 0; k < P; k++) {
      const fd = diff((t) => fam.entropy(t, 0), theta, k);
      expect(Math.abs(gh[k] - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
    }
  });

  it('the entropy equals −E log q by quadrature, and by Monte Carlo within 4 standard errors', () => {
    const h = fam.entropy(theta, 0);
    expect(Math.abs(h + expectQ(fam, b, theta, (u) => fam.logQ(theta, 0, u)))).toBeLessThan(1e-9 * Math.max(1, Math.abs(h)));
    const rng = new Rng(2);
    const eps = new Float64Array(fam.noiseSize);
    const N = 20_000;
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < N; i++) {
      fam.drawNoise(theta, 0, rng, eps, 0);
      const v = -fam.logQ(theta, 0, fam.forward(theta, 0, eps, 0));
      m += v;
      m2 += v * v;
    }
    m /= N;
    const se = Math.sqrt((m2 / N - m * m) / (N - 1));
    expect(Math.abs(m - h)).toBeLessThan(4 * se);
  });

  it(`the ${CV_PER_COORD} control variates have mean 0 (each within 4 standard errors over 20 000 draws)`, () => {
    const rng = new Rng(3);
    const eps = new Float64Array(fam.noiseSize);
    const h = new Float64Array(CV_PER_COORD);
    const s1 = new Float64Array(CV_PER_COORD);
    const s2 = new Float64Array(CV_PER_COORD);
    const N = 20_000;
    for (let i = 0; i < N; i++) {
      fam.drawNoise(theta, 0, rng, eps, 0);
      fam.features(theta, 0, eps, 0, h, 0);
      for (let k = 0; k < CV_PER_COORD; k++) {
        s1[k] += h[k];
        s2[k] += h[k] * h[k];
      }
    }
    for (let k = 0; k < CV_PER_COORD; k++) {
      const mean = s1[k] / N;
      const se = Math.sqrt((s2[k] / N - mean * mean) / (N - 1));
      expect(se, `feature ${k} varies`).toBeGreaterThan(0);
      expect(Math.abs(mean), `feature ${k}`).toBeLessThan(4 * se);
    }
  });

  it('θ ↔ distribution round trip, natural parameters and their gradient (chain rule)', () => {
    const back = fam.paramsFromDistribution(fam.distributionFor(b, theta, 0), b, b.name);
    for (let k = 0; k < P; k++) expect(Math.abs(back[k] - theta[k])).toBeLessThan(1e-12 * Math.max(1, Math.abs(theta[k])));
    const nat = new Float64Array(P);
    fam.naturalParams(theta, 0, nat);
    fam.naturalNames.forEach((name, k) => {
      const want = (dist as unknown as Record<string, number>)[name];
      expect(Math.abs(nat[k] - want)).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)));
    });
    expect(fam.paramUnits.length).toBe(P);
    // f(θ) = Σ c_k · natural_k(θ): naturalGradient turns ∂f/∂θ into ∂f/∂natural = c.
    const c = Array.from({ length: P }, (_, k) => 0.7 + k);
    const f = (t: Float64Array): number => {
      const v = new Float64Array(P);
      fam.naturalParams(t, 0, v);
      return v.reduce((s, x, k) => s + c[k] * x, 0);
    };
    const g = Float64Array.from({ length: P }, (_, k) => diff(f, theta, k, 1e-6));
    fam.naturalGradient(theta, 0, g);
    for (let k = 0; k < P; k++) expect(Math.abs(g[k] - c[k])).toBeLessThan(1e-6 * c[k]);
  });

  it('init(m, s) and locate(u) centre the coordinate at the location', () => {
    for (const m of [-0.7, 0.4]) {
      const t = Float64Array.from(fam.init(m, 0.1));
      expect(Math.abs(expectQ(fam, b, t, (u) => u) - m)).toBeLessThan(0.05);
      fam.locate(t, 0, m + 0.3);
      expect(Math.abs(expectQ(fam, b, t, (u) => u) - (m + 0.3))).toBeLessThan(0.05);
    }
  });
});
