import { describe, expect, it } from 'vitest';
import { Exponential, HalfCauchy, Model, Normal, plate, Rng } from '../../src/index';
import { adam, fit, FitError, fullRank, meanField } from '../../src/vi/index';
import { add, mul, sqrt, square } from '../../src/model/ops';
import { integrate } from '../../src/math/quadrature';
import type { DifferentiableModel } from '../../src/model/differentiable-model';

// Issue #13's red-team cases and the scale-free acceptance, as tests.

const seedModel = () => new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
const codes = (r: { warnings: readonly { code: string }[] }) => r.warnings.map((w) => w.code);

/** Exact mean and sd of u for a one-dimensional model, by quadrature around `centre ± 12·scale`. */
function exactMoments(model: DifferentiableModel, centre: number, scale: number): { mean: number; sd: number } {
  const u = new Float64Array(1);
  const lp = (x: number) => ((u[0] = x), model.logDensity(u));
  const ref = lp(centre);
  const w = (x: number) => Math.exp(lp(x) - ref);
  const a = centre - 12 * scale;
  const b = centre + 12 * scale;
  const z = integrate(w, a, b).value;
  const m = integrate((x) => x * w(x), a, b).value / z;
  const v = integrate((x) => (x - m) ** 2 * w(x), a, b).value / z;
  return { mean: m, sd: Math.sqrt(v) };
}

describe('red team: explicit step sizes on the seed model', () => {
  for (const lr of [1e10, 100, 1e-5]) {
    it(`adam({ lr: ${lr} }) ends not converged, with unstable-step-size and not-converged warnings`, () => {
      const r = fit(seedModel(), { optimizer: adam({ lr }), seed: 1 });
      expect(r.converged).toBe(false);
      expect(codes(r)).toContain('not-converged');
      expect(codes(r)).toContain('unstable-step-size');
    });
  }
});

describe('red team: scales far from 1', () => {
  it('1e6 data, Normal(mu, s): converges with the exact posterior sds (s/√n and 1/√(2n)) within 2 %', () => {
    const rng = new Rng(7);
    const n = 1_000_000;
    const data = Array.from({ length: n }, () => 3 + 2 * rng.normal());
    const model = new Model({ prior: { mu: new Normal(0, 10), s: new Exponential(1) }, likelihood: ({ mu, s }) => new Normal(mu, s), data });
    const r = fit(model, { seed: 1 });
    expect(r.converged).toBe(true);
    const cov = r.unconstrained!.covariance;
    let mean = 0;
    for (const x of data) mean += x / n;
    let ss = 0;
    for (const x of data) ss += (x - mean) ** 2;
    const sHat = Math.sqrt(ss / n);
    // Posterior of (mu, log s) is Gaussian to O(1/√n): sd(mu) = ŝ/√n, sd(log s) = 1/√(2n)
    expect(Math.abs(Math.sqrt(cov[0]) / (sHat / Math.sqrt(n)) - 1)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(cov[3]) / (1 / Math.sqrt(2 * n)) - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.params[0] - mean) / (sHat / Math.sqrt(n))).toBeLessThan(0.1);
  }, 30_000);

  for (const [label, scale] of [
    ['1e-8', 1e-8],
    ['1e8', 1e8],
  ] as const) {
    it(`a positive scale whose posterior sits near ${label}: mean of log s within 0.1 sd, sd within 10 %, converged`, () => {
      const rng = new Rng(5);
      const data = Array.from({ length: 20 }, () => scale * rng.normal());
      // The prior is scaled with the data (Exponential(1/scale)), so the posterior is at `scale`.
      const model = new Model({ prior: { s: new Exponential(1 / scale) }, likelihood: ({ s }) => new Normal(0, s), data });
      const r = fit(model, { seed: 1 });
      expect(r.converged).toBe(true);
      const ex = exactMoments(model, Math.log(scale), 0.2);
      const q = r.unconstrained!;
      expect(Math.abs(q.mean[0] - ex.mean) / ex.sd).toBeLessThan(0.1);
      expect(Math.abs(Math.sqrt(q.covariance[0]) / ex.sd - 1)).toBeLessThan(0.1);
    });
  }
});

describe('red team: several optima', () => {
  it('y = 4 ~ Normal(z², 0.1), z ~ Normal(0, 1): a multimodal warning on seeds 1–5', () => {
    const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(square(z), 0.1), data: [4] });
    for (let seed = 1; seed <= 5; seed++) {
      const r = fit(model, { seed });
      expect(codes(r)).toContain('multimodal');
      // It fits one of the two modes z = ±√(4 − …) ≈ ±2.
      expect(Math.abs(Math.abs(r.params[0]) - 2)).toBeLessThan(0.05);
    }
  });

  it('multimodality: false skips the check', () => {
    const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(square(z), 0.1), data: [4] });
    expect(codes(fit(model, { seed: 1, multimodality: false }))).not.toContain('multimodal');
  });
});

describe('red team: NaN inside the support', () => {
  // sqrt(z + 1) is NaN for z < −1, inside the support of z ~ Normal(0, 1).
  const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(sqrt(add(z, 1)), 1), data: [0.5] });

  it('is a FitError naming the latent and its value', () => {
    let err: unknown;
    try {
      fit(model, { seed: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FitError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/NaN inside the support at z = -\d/);
    expect((err as FitError).latent).toBe('z');
  });

  it('with nonFinite: "warn", the count is reported (here in the error: q cannot stay clear of the region)', () => {
    expect(() => fit(model, { seed: 1, nonFinite: 'warn' })).toThrow(/produced NaN parameters inside the support in \d+ rejected step/);
  });
});

/** y = a + b1·x1 + b2·x2 + noise, n = 200: standardized, unscaled (x1 ≈ 1e4, answer −61 285) or collinear. */
function regression(kind: 'standard' | 'unscaled' | 'collinear', rho = 0.9999) {
  const rng = new Rng(3);
  const x1: number[] = [];
  const x2: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < 200; i++) {
    const e = rng.normal();
    const f = rng.normal();
    if (kind === 'standard') {
      x1.push(e);
      x2.push(f);
      y.push(1 + 2 * e - f + rng.normal());
    } else if (kind === 'unscaled') {
      const a = 1e4 * (1 + 0.1 * e);
      x1.push(a);
      x2.push(f);
      y.push(-61285 + 7 * a + 300 * f + 1000 * rng.normal());
    } else {
      const g = rho * e + Math.sqrt(1 - rho * rho) * f;
      x1.push(e);
      x2.push(g);
      y.push(1 + 2 * e - g + rng.normal());
    }
  }
  const S = kind === 'unscaled' ? 1e7 : 1e3;
  return new Model({
    prior: { a: new Normal(0, S), b1: new Normal(0, S), b2: new Normal(0, S), sigma: new Exponential(kind === 'unscaled' ? 1e-5 : 0.01) },
    likelihood: (p, i: number) => new Normal(add(p.a, add(mul(p.b1, x1[i]), mul(p.b2, x2[i]))), p.sigma),
    data: y,
  });
}

describe('scale-free optimization', () => {
  for (const [name, spec] of [
    ['mean-field', meanField],
    ['full rank', fullRank],
  ] as const) {
    it(`${name}: unscaled and collinear (ρ = 0.99 … 0.99999) regressions converge in about as many steps as the standardized one`, () => {
      const base = fit(regression('standard'), { guide: spec(), seed: 1 });
      expect(base.converged).toBe(true);
      const runs = [fit(regression('unscaled'), { guide: spec(), seed: 1 }), ...[0.99, 0.9999, 0.99999].map((rho) => fit(regression('collinear', rho), { guide: spec(), seed: 1 }))];
      for (const r of runs) {
        expect(r.converged).toBe(true);
        expect(r.steps).toBeLessThanOrEqual(1.5 * base.steps);
      }
    });
  }

  it('unscaled full rank: the intercept lands within 0.15 posterior sd of the OLS answer (the Laplace mean, exact for this Gaussian-in-β model up to σ)', () => {
    const model = regression('unscaled');
    const r = fit(model, { guide: fullRank(), seed: 1 });
    const q = r.unconstrained!;
    const sdA = Math.sqrt(q.covariance[0]);
    // The mode search's intercept is the OLS intercept; the posterior mean of β equals it (flat-ish prior, Gaussian in β).
    const mode = fit(model, { guide: fullRank(), seed: 1, maxSteps: 1, convergence: false });
    expect(Math.abs(q.mean[0] - mode.params[0]) / sdA).toBeLessThan(0.15);
    expect(sdA).toBeGreaterThan(100); // an sd of hundreds: the coefficient is of order 1e4
  });

  it('the old start (init: "prior") on the unscaled regression does not claim convergence: not-converged warning', () => {
    const r = fit(regression('unscaled'), { guide: fullRank(), seed: 1, init: 'prior', maxSteps: 3000 });
    expect(r.converged).toBe(false);
    expect(codes(r)).toContain('not-converged');
  });
});

describe('warnings are never empty when converged is false', () => {
  it('budget too small, convergence off, onStep stop', () => {
    const m = seedModel();
    for (const r of [fit(m, { seed: 1, maxSteps: 50 }), fit(m, { seed: 1, convergence: false, maxSteps: 100 }), fit(m, { seed: 1, onStep: () => false })]) {
      expect(r.converged).toBe(false);
      expect(r.warnings.length).toBeGreaterThan(0);
      expect(codes(r)).toContain('not-converged');
    }
  });
});

describe('init option', () => {
  it('"prior" reproduces the prior-median start; values start there; bad values are refused', () => {
    const m = seedModel();
    const a = fit(m, { seed: 1, init: 'prior', maxSteps: 1, convergence: false, optimizer: adam({ lr: 1e-12 }) });
    expect(a.params[0]).toBeCloseTo(Math.log(Math.log(2)), 9);
    const b = fit(m, { seed: 1, init: { z: 2 }, maxSteps: 1, convergence: false, optimizer: adam({ lr: 1e-12 }) });
    expect(b.params[0]).toBeCloseTo(Math.log(2), 9);
    expect(() => fit(m, { init: { z: -1 } })).toThrow(/init.z/);
    expect(() => fit(m, { init: { y: 1 } as never })).toThrow(/init.y/);
    expect(() => fit(m, { init: 'mode' as never })).toThrow(/init/);
  });

  it('"map" (default) starts the mean-field guide at the mode with σ = 1/√H', () => {
    const m = seedModel();
    const r = fit(m, { seed: 1, maxSteps: 1, convergence: false, optimizer: adam({ lr: 1e-12 }) });
    const zHat = (0.3 + Math.sqrt(4.09)) / 2;
    expect(r.params[0]).toBeCloseTo(Math.log(zHat), 6);
    expect(Math.exp(r.params[1])).toBeCloseTo(1 / Math.sqrt(zHat * (2 * zHat - 0.3)), 5);
  });
});

describe('non-gaussian warning', () => {
  it('non-centred eight schools (mean-field): the fit moves log τ far from the Laplace start, and says so; a standardized regression does not', () => {
    const y = [28, 8, -3, 7, -1, 1, 18, 12];
    const sigma = [15, 10, 16, 11, 9, 11, 10, 18];
    const schools = new Model({
      prior: { theta_trans: plate(new Normal(0, 1), 8), mu: new Normal(0, 5), tau: new HalfCauchy(5) },
      likelihood: (p, j: number) => new Normal(add(p.mu, mul(p.tau, p.theta_trans[j])), sigma[j]),
      data: y,
    });
    expect(codes(fit(schools, { seed: 2 }))).toContain('non-gaussian');
    expect(codes(fit(regression('standard'), { seed: 2 }))).not.toContain('non-gaussian');
  });
});

describe('no mode: a centred funnel', () => {
  it('the mode search runs down log τ; the fit starts from the prior and warns no-mode', () => {
    const y = [0.3, -0.2, 0.1, 0.4, -0.5, 0.2, 0.0, -0.1];
    const funnel = new Model({
      prior: { tau: new Exponential(1), theta: ({ tau }) => plate(new Normal(0, tau), 8) },
      likelihood: (p, j: number) => new Normal(p.theta[j], 1),
      data: y,
    });
    const r = fit(funnel, { seed: 1, maxSteps: 2000 });
    expect(codes(r)).toContain('no-mode');
  });
});

describe('step-size-at-edge', () => {
  it('a one-rung ladder and too few steps: not converged, and the pick is at the edge', () => {
    const r = fit(seedModel(), { seed: 1, stepSizeSearch: { ladder: [0.001] }, maxSteps: 400 });
    expect(r.converged).toBe(false);
    expect(codes(r)).toContain('step-size-at-edge');
  });
});
