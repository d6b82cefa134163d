import { describe, expect, it } from 'vitest';
import { dot, Model, Normal, plate, Rng } from '../../src/index';
import { createWorkspace, elboValue, fit, fullRank } from '../../src/vi/index';
import { cholesky, choleskySolve, logDetFromCholesky } from '../../examples/linalg';

// Bayesian linear regression w ~ N(0, I_d), y_i ~ N(x_i·w, σ) with σ known: the
// posterior is exactly N(μ, Λ⁻¹), Λ = I + XᵀX/σ², μ = Λ⁻¹Xᵀy/σ², so the best
// full-rank Gaussian is the posterior itself and KL(q ‖ p) is computable in closed form.
const n = 200;
const d = 50;
const sigma = 0.5;
const rng = new Rng(42);
const X = Array.from({ length: n }, () => Float64Array.from({ length: d }, () => rng.normal()));
const y = Float64Array.from(X, (x) => x.reduce((s, v, j) => s + v * Math.sin(j + 1), 0) + sigma * rng.normal());

const precision = new Float64Array(d * d);
const b = new Float64Array(d);
for (let a = 0; a < d; a++) {
  precision[a * d + a] = 1;
  for (let i = 0; i < n; i++) b[a] += (X[i][a] * y[i]) / sigma ** 2;
  for (let c = 0; c < d; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += X[i][a] * X[i][c];
    precision[a * d + c] += s / sigma ** 2;
  }
}
const Lp = cholesky(precision, d);
const postMean = choleskySolve(Lp, d, b);

/** KL(N(m, Σ) ‖ N(μ, Λ⁻¹)) = ½[tr(ΛΣ) + (m − μ)ᵀΛ(m − μ) − d − log det Σ − log det Λ]. */
function klToPosterior(m: ArrayLike<number>, cov: Float64Array): number {
  let tr = 0;
  for (let a = 0; a < d; a++) for (let c = 0; c < d; c++) tr += precision[a * d + c] * cov[c * d + a];
  let quad = 0;
  for (let a = 0; a < d; a++) for (let c = 0; c < d; c++) quad += (m[a] - postMean[a]) * precision[a * d + c] * (m[c] - postMean[c]);
  const logDet = logDetFromCholesky(cholesky(cov, d), d) + logDetFromCholesky(Lp, d);
  return 0.5 * (tr + quad - d - logDet);
}

const model = new Model({ prior: { w: plate(new Normal(0, 1), d) }, likelihood: ({ w }, i) => new Normal(dot(w, X[i]), sigma), data: y });

describe('full-rank guide on the d = 50 regression (1275 parameters)', () => {
  it('log q from the noise stays exact where solving ε back from u through an ill-conditioned L does not', () => {
    const guide = fullRank().build(model);
    const theta = guide.initialParams();
    // A Cholesky factor with a tiny diagonal and O(1) off-diagonals (what a few Adam
    // steps of size 0.3 produce): forward substitution amplifies rounding by ~(1/e^ω)^d.
    const r = new Rng(3);
    for (let i = 0; i < d; i++) {
      const row = d + (i * (i + 1)) / 2;
      for (let j = 0; j < i; j++) theta[row + j] = r.normal();
      theta[row + i] = -6;
    }
    const ws = createWorkspace(guide, 200);
    for (let s = 0; s < 200; s++) guide.drawNoise(theta, r, ws.noise[s]);
    const elbo = elboValue(model, guide, theta, ws);
    // The ELBO is a lower bound on log p(D) (about −230 here): never +1e31.
    expect(elbo).toBeLessThan(0);
    let expected = 0;
    for (let s = 0; s < 200; s++) {
      let lq = -d * 0.5 * Math.log(2 * Math.PI) + 6 * d;
      for (let i = 0; i < d; i++) lq -= 0.5 * ws.noise[s][i] ** 2;
      guide.forward(theta, ws.noise[s], ws.u[s]);
      expected += (model.logDensity(ws.u[s]) - lq) / 200;
    }
    expect(Math.abs(elbo - expected)).toBeLessThan(1e-6 * Math.abs(expected));
  });

  it('fit recovers the exact posterior: KL(q ‖ p) ≤ 0.05 and a positive-definite covariance', () => {
    // The scales of a full-rank q converge slowly here: 3000 steps reach KL ≤ 0.05 on some
    // seeds only (0.27 on seed 1); 8000 steps give KL ≤ 0.0025 and every sd within 4 % on seeds 1–5.
    const r = fit(model, { guide: fullRank(), seed: 1, maxSteps: 8000 });
    // The step-size search must not be fooled by a spuriously high ELBO (it was: +1.9e31 at η = 0.3).
    for (const c of r.diagnostics.stepSizeSearch) expect(c.elbo).toBeLessThan(0);
    const g = r.unconstrained!;
    const kl = klToPosterior(g.mean, g.covariance);
    expect(kl).toBeGreaterThanOrEqual(0);
    expect(kl).toBeLessThan(0.05);
    for (let i = 0; i < d; i++) {
      const sd = Math.sqrt(g.covariance[i * d + i]);
      const exactSd = Math.sqrt(choleskySolve(Lp, d, Float64Array.from({ length: d }, (_, k) => (k === i ? 1 : 0)))[i]);
      expect(Math.abs(g.mean[i] - postMean[i])).toBeLessThan(0.2 * exactSd);
      expect(Math.abs(sd / exactSd - 1)).toBeLessThan(0.1);
    }
    expect(r.elbo).toBeLessThan(r.diagnostics.logEvidence.value + 4 * r.diagnostics.logEvidence.stderr + 1e-9);
  }, 30_000);
});
