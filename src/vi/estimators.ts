/**
 * ELBO estimators. Each is a small pure function of (model, guide, θ, base noise)
 * to (value, gradient): it reads the S noise rows ε_s, writes ∇θ into `grad`
 * (overwritten) and returns the value. With u_s = g(θ, ε_s),
 * f_s = log p̃(u_s) − log q(u_s; θ) (log p̃ = the model's `logDensity`, which
 * carries the log-Jacobian, and q is the density of u):
 *
 * | estimator | value | gradient |
 * | --- | --- | --- |
 * | `pathwise` | (1/S) Σ f_s | (1/S) Σ [(∂u/∂θ)ᵀ ∇ᵤ(log p̃ − log q) − ∂θ log q] |
 * | `stickingTheLanding` | (1/S) Σ f_s | (1/S) Σ (∂u/∂θ)ᵀ ∇ᵤ(log p̃ − log q) (Roeder et al. 2017) |
 * | `closedFormEntropy` | (1/S) Σ log p̃(u_s) + H[q] | (1/S) Σ (∂u/∂θ)ᵀ ∇ᵤ log p̃ + ∇θ H |
 * | `iwae(K)` | log (1/K) Σ e^{f_k} | Σ w̃_k² (∂u/∂θ)ᵀ ∇ᵤ f_k (doubly reparameterized, Tucker et al. 2018) |
 * | `scoreFunction` | (1/S) Σ f_s | (1/S) Σ (f_s − b_s) ∂θ log q(u_s), b_s the leave-one-out mean |
 *
 * All but `iwae` are unbiased for the ELBO and its gradient; `iwae` is unbiased
 * for the IWAE-K bound (ELBO ≤ IWAE-K ≤ log p(D)). Nothing is allocated per call:
 * buffers live in an {@link EstimatorWorkspace} (estimator-workspace.ts). The model is
 * evaluated through model-rows.ts; the ELBO value without a gradient is in
 * log-weights.ts; a guide's fused shortcuts are in noise-aware-guide.ts.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Guide } from './guide';
import { forwardRows, type EstimatorWorkspace } from './estimator-workspace';
import { modelGradientRows, modelValueRows } from './model-rows';
import type { NoiseAwareGuide } from './noise-aware-guide';

/**
 * An ELBO estimator: `estimate` returns the value and writes ∇θ into `grad`
 * (overwritten), from the noise rows already in `ws.noise`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ) of z's LogNormal, near the optimum
 * const ws = createWorkspace(guide, 1000);
 * const rng = new Rng(1);
 * for (const eps of ws.noise) guide.drawNoise(theta, rng, eps);
 * const grad = new Float64Array(guide.numParams);
 * const estimator: ElboEstimator = stickingTheLanding;
 * estimator.estimate(model, guide, theta, ws, grad); // ≈ -1.44, the ELBO near its optimum
 * grad; // ≈ Float64Array [0.0, 0.0]: near zero there
 * ```
 */
export interface ElboEstimator {
  /** `"pathwise"`, `"stl"`, `"closedFormEntropy"`, `"iwae"` or `"scoreFunction"`. */
  readonly name: string;
  /** True when the value is a bound other than the ELBO (IWAE-K). */
  readonly bound: 'elbo' | 'iwae';
  /** Estimate from the S noise rows of `ws`; writes the gradient into `grad`. */
  estimate(model: DifferentiableModel, guide: Guide, params: Float64Array, ws: EstimatorWorkspace, grad: Float64Array): number;
}

/**
 * The standard reparameterized (pathwise) estimator: value (1/S) Σ f_s and the
 * total derivative of f_s through u_s = g(θ, ε_s), including the score term
 * −∂θ log q(u; θ) (which has mean zero).
 *
 * @example
 * ```ts
 * import { Exponential, LogNormal, Model, Normal } from 'varinf';
 * import { fit, pathwise } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: { z: LogNormal }, estimator: pathwise, seed: 1 });
 * r.posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export const pathwise: ElboEstimator = {
  name: 'pathwise',
  bound: 'elbo',
  estimate: (model, guide, params, ws, grad) => reparam(model, guide, params, ws, grad, true),
};

/**
 * "Sticking the landing" (Roeder, Wu & Duvenaud 2017): the pathwise estimator
 * without the score term −∂θ log q, still unbiased, and with zero variance when q
 * equals the posterior. The default of `fit`.
 *
 * @example
 * ```ts
 * import { Exponential, LogNormal, Model, Normal } from 'varinf';
 * import { fit, stickingTheLanding } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: { z: LogNormal }, estimator: stickingTheLanding, seed: 1 });
 * r.posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export const stickingTheLanding: ElboEstimator = {
  name: 'stl',
  bound: 'elbo',
  estimate: (model, guide, params, ws, grad) => reparam(model, guide, params, ws, grad, false),
};

function reparam(
  model: DifferentiableModel,
  guide: NoiseAwareGuide,
  params: Float64Array,
  ws: EstimatorWorkspace,
  grad: Float64Array,
  withScore: boolean,
): number {
  if (guide.reparamFused !== undefined) return guide.reparamFused(model, params, ws, grad, withScore, undefined);
  refuseWeighted(withScore ? 'pathwise' : 'stickingTheLanding', ws);
  grad.fill(0);
  const S = ws.samples;
  const inv = 1 / S;
  forwardRows(guide, params, ws);
  modelGradientRows(model, ws, S);
  let sum = 0;
  for (let s = 0; s < S; s++) {
    sum += rowObjective(guide, params, ws, s);
    const u = ws.u[s];
    guide.backprop(params, ws.noise[s], u, ws.gU[s], inv, grad);
    if (withScore) guide.addScore(params, u, -inv, grad);
  }
  return sum * inv;
}

/**
 * Row s of a reparameterized estimate, after {@link modelGradientRows}: f_s =
 * log p̃(u_s) − log q(u_s) into `ws.f[s]` (returned) and ∇ᵤ f_s = ∇ᵤ log p̃ − ∇ᵤ log q
 * into `ws.gU[s]`, with log q from the noise when the guide can (exact where solving ε
 * back from u loses accuracy).
 */
function rowObjective(guide: NoiseAwareGuide, params: Float64Array, ws: EstimatorWorkspace, s: number): number {
  const gQ = ws.gQ;
  const lq = guide.logQGradUFromNoise !== undefined ? guide.logQGradUFromNoise(params, ws.noise[s], gQ) : guide.logQGradU(params, ws.u[s], gQ);
  const f = ws.lp[s] - lq;
  ws.f[s] = f;
  const gU = ws.gU[s];
  const gLp = ws.gLpRows[s];
  const d = guide.dim;
  for (let j = 0; j < d; j++) gU[j] = gLp[j] - gQ[j];
  return f;
}

/**
 * The closed-form-entropy estimator: (1/S) Σ log p̃(u_s) + H[q], with the analytic
 * entropy of the guide on ℝᵈ and its exact gradient (as ADVI's "ELBO = E[log p] + H").
 *
 * @example
 * ```ts
 * import { Exponential, LogNormal, Model, Normal } from 'varinf';
 * import { closedFormEntropy, fit } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: { z: LogNormal }, estimator: closedFormEntropy, seed: 1 });
 * r.posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export const closedFormEntropy: ElboEstimator = {
  name: 'closedFormEntropy',
  bound: 'elbo',
  estimate(model, guide, params, ws, grad) {
    refuseWeighted('closedFormEntropy', ws);
    grad.fill(0);
    const S = ws.samples;
    const inv = 1 / S;
    forwardRows(guide, params, ws);
    modelGradientRows(model, ws, S);
    let sum = 0;
    for (let s = 0; s < S; s++) {
      const lp = ws.lp[s];
      ws.f[s] = lp;
      sum += lp;
      guide.backprop(params, ws.noise[s], ws.u[s], ws.gLpRows[s], inv, grad);
    }
    guide.addEntropyGrad(params, 1, grad);
    return sum * inv + guide.entropy(params);
  },
};

/**
 * The importance-weighted bound IWAE-K (Burda et al. 2016) with K = the samples
 * per step, log (1/K) Σ_k e^{f_k}, and its doubly reparameterized gradient
 * (Tucker, Lawson, Gu & Maddison 2018): Σ_k w̃_k² (∂u_k/∂θ)ᵀ ∇ᵤ f_k with
 * w̃_k = e^{f_k} / Σ_j e^{f_j}. ELBO ≤ IWAE-K ≤ log p(D); K = 1 is STL.
 * Maximizing it fits q as an importance-sampling proposal (wider than the ELBO's).
 *
 * @example
 * ```ts
 * import { Exponential, LogNormal, Model, Normal } from 'varinf';
 * import { fit, iwae } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: { z: LogNormal }, estimator: iwae, samples: 8, seed: 1 }); // IWAE-8
 * r.posterior.z; // → LogNormal(mu = -0.3…, sigma = 1.1…): wider than the ELBO's optimum (σ = 0.66)
 * ```
 */
export const iwae: ElboEstimator = {
  name: 'iwae',
  bound: 'iwae',
  estimate(model, guide, params, ws, grad) {
    refuseWeighted('iwae', ws);
    grad.fill(0);
    const S = ws.samples;
    forwardRows(guide, params, ws);
    modelGradientRows(model, ws, S);
    let m = -Infinity;
    for (let s = 0; s < S; s++) {
      const f = rowObjective(guide, params, ws, s);
      if (f > m) m = f;
    }
    if (!Number.isFinite(m)) return m === -Infinity ? -Infinity : NaN;
    let z = 0;
    for (let s = 0; s < S; s++) z += Math.exp(ws.f[s] - m);
    const lse = m + Math.log(z);
    for (let s = 0; s < S; s++) {
      const w = Math.exp(ws.f[s] - lse);
      guide.backprop(params, ws.noise[s], ws.u[s], ws.gU[s], w * w, grad);
    }
    return lse - Math.log(S);
  },
};

/**
 * The score-function (REINFORCE, likelihood-ratio) estimator, for comparison:
 * (1/S) Σ (f_s − b_s) ∂θ log q(u_s; θ) with the leave-one-out baseline
 * b_s = mean of the other f's (unbiased; no baseline when S = 1). Needs no model
 * gradient, but its variance is typically orders of magnitude above the pathwise one.
 *
 * @example
 * ```ts
 * import { Exponential, LogNormal, Model, Normal } from 'varinf';
 * import { fit, scoreFunction } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: { z: LogNormal }, estimator: scoreFunction, samples: 64, seed: 1 });
 * r.posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export const scoreFunction: ElboEstimator = {
  name: 'scoreFunction',
  bound: 'elbo',
  estimate(model, guide, params, ws, grad) {
    refuseWeighted('scoreFunction', ws);
    grad.fill(0);
    const S = ws.samples;
    forwardRows(guide, params, ws);
    modelValueRows(model, ws, S);
    let sum = 0;
    for (let s = 0; s < S; s++) {
      const f = ws.lp[s] - guide.logQ(params, ws.u[s]);
      ws.f[s] = f;
      sum += f;
    }
    const mean = sum / S;
    if (!Number.isFinite(mean)) return mean;
    for (let s = 0; s < S; s++) {
      const b = S > 1 ? (sum - ws.f[s]) / (S - 1) : 0;
      guide.addScore(params, ws.u[s], (ws.f[s] - b) / S, grad);
    }
    return mean;
  },
};

/** Throws for importance-weighted rows, which `name` would average as if unweighted. */
function refuseWeighted(name: string, ws: EstimatorWorkspace): void {
  if (ws.weighted) {
    throw new TypeError(`${name}: importance-weighted base samples ("rqmc-tilted") need the pathwise or sticking-the-landing estimator of a Gaussian guide`);
  }
}

/**
 * Every built-in estimator by name.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * Object.keys(estimators); // → ["pathwise", "stl", "closedFormEntropy", "iwae", "scoreFunction"]
 * fit(model, { estimator: estimators.pathwise, seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export const estimators: Readonly<Record<string, ElboEstimator>> = Object.freeze({
  pathwise,
  stl: stickingTheLanding,
  closedFormEntropy,
  iwae,
  scoreFunction,
});
