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
 * buffers live in an {@link EstimatorWorkspace}.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import { noiseDimOf, type Guide, type GuideControlVariates } from './guide';
import { checkGuideArg, checkModelArg, checkWorkspaceArg } from './check-args';
import { invalidOption, positiveIntOption } from './errors';

/**
 * A guide that can also evaluate log q at u = g(θ, ε) from the base noise ε itself
 * (no inverse map): exact where solving ε back from u loses accuracy (e.g. a
 * full-rank Cholesky factor with a small diagonal). The estimators use these
 * when present.
 */
export interface NoiseAwareGuide extends Guide {
  /**
   * True when the base noise is i.i.d. N(0, 1) on every coordinate, whatever θ:
   * `drawNoise` is d successive `rng.normal()` calls and `noiseFromUniform` is Φ⁻¹
   * coordinate-wise, so whole blocks of rows can be filled at once.
   */
  readonly standardNormalNoise?: boolean;
  /** log q(u; θ) at u = g(θ, ε). */
  logQFromNoise?(params: Float64Array, eps: Float64Array): number;
  /** log q(u; θ) and ∇ᵤ log q into `out`, at u = g(θ, ε). */
  logQGradUFromNoise?(params: Float64Array, eps: Float64Array, out: Float64Array): number;
  /**
   * The whole reparameterized estimate in one pass over the S noise rows of `ws`
   * (u = g(θ, ε), log q from ε, the pathwise backprop; the score term when
   * `withScore`): the same value and gradient as the generic `pathwise` /
   * `stickingTheLanding` loop, without three guide calls per sample. When
   * `featureMeans` is given, also writes the mean over the rows of the guide's
   * control-variate features (layout of {@link GuideControlVariates.features}).
   */
  reparamFused?(
    model: DifferentiableModel,
    params: Float64Array,
    ws: EstimatorWorkspace,
    grad: Float64Array,
    withScore: boolean,
    featureMeans: Float64Array | undefined,
  ): number;
  /**
   * {@link sampleLogWeights} in one pass (noise draw, u, log p̃ − log q per row,
   * drawing the same noise in the same order as `drawNoise`).
   */
  sampleLogWeightsFused?(model: DifferentiableModel, params: Float64Array, rng: Rng, n: number, out: Float64Array, rows: RowScratch): number;
}

/**
 * Reusable buffers for S samples of a d-dimensional guide with P parameters.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const ws: EstimatorWorkspace = createWorkspace(meanField().build(model), 16);
 * ws.uData.length; // → 16: 16 rows of d = 1
 * ```
 */
export interface EstimatorWorkspace {
  /** Samples per estimate, S. */
  readonly samples: number;
  /** S noise rows ε_s (views into `noiseData`), of the guide's `noiseDim` (default d) values each. */
  readonly noise: readonly Float64Array[];
  /** The S×`noiseDim` noise values, row-major (the buffer behind `noise`). */
  readonly noiseData: Float64Array;
  /** S rows u_s (views into `uData`). */
  readonly u: readonly Float64Array[];
  /** The S×d values of the u rows, row-major (what a batched model call reads). */
  readonly uData: Float64Array;
  /** log p̃(u_s) of each row, as {@link modelGradientRows} / {@link modelValueRows} leave it. */
  readonly lp: Float64Array;
  /** S rows of ∇ᵤ log p̃(u_s) (views into `gLpData`). */
  readonly gLpRows: readonly Float64Array[];
  /** The S×d values of the `gLpRows`, row-major. */
  readonly gLpData: Float64Array;
  /** S rows of ∇ᵤ of the per-sample objective. */
  readonly gU: readonly Float64Array[];
  /** Scratch ∇ᵤ log p̃ of one row. */
  readonly gLp: Float64Array;
  /** Scratch ∇ᵤ log q. */
  readonly gQ: Float64Array;
  /** Per-sample f_s = log p̃ − log q (or log p̃ for the closed-form entropy estimator). */
  readonly f: Float64Array;
  /**
   * True when the rows carry importance weights (`baseSamples: "rqmc-tilted"`):
   * every mean over the rows is then (1/S) Σ w_s (…). Set by the noise source.
   */
  weighted: boolean;
  /** The rows' importance weights w_s (read when `weighted`). */
  readonly weights: Float64Array;
}

/**
 * Allocates the buffers of an estimator for `samples` samples of `guide`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const ws = createWorkspace(meanField().build(model), 16);
 * ws.noise.length;    // → 16
 * ws.noise[0].length; // → 1, the model's dim
 * ```
 */
export function createWorkspace(guide: Guide, samples: number): EstimatorWorkspace {
  checkGuideArg('createWorkspace', guide);
  positiveIntOption('createWorkspace', 'samples', samples);
  const d = guide.dim;
  const nd = noiseDimOf(guide);
  const rows = (buf: Float64Array, w = d): Float64Array[] => {
    const r: Float64Array[] = [];
    for (let s = 0; s < samples; s++) r.push(buf.subarray(s * w, (s + 1) * w));
    return r;
  };
  const noiseData = new Float64Array(samples * nd);
  const uData = new Float64Array(samples * d);
  const gLpData = new Float64Array(samples * d);
  return {
    samples,
    noise: rows(noiseData, nd),
    noiseData,
    u: rows(uData),
    uData,
    lp: new Float64Array(samples),
    gLpRows: rows(gLpData),
    gLpData,
    gU: rows(new Float64Array(samples * d)),
    gLp: new Float64Array(d),
    gQ: new Float64Array(d),
    f: new Float64Array(samples),
    weighted: false,
    weights: new Float64Array(samples),
  };
}

/**
 * log p̃ and ∇ᵤ log p̃ at the first `n` rows of `ws.uData`, into `ws.lp` and
 * `ws.gLpData`: one batched call when the model has `logDensityGradientBatch`
 * (a single row goes to `logDensityGradient`, which checks less), else one
 * `logDensityGradient` call per row. For custom estimators: write the u rows, call
 * this once, read the rows back.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ) of z's LogNormal, near the optimum
 * const ws = createWorkspace(guide, 1000);
 * const rng = new Rng(1);
 * for (const eps of ws.noise) guide.drawNoise(theta, rng, eps);
 * for (let s = 0; s < ws.samples; s++) guide.forward(theta, ws.noise[s], ws.u[s]);
 * modelGradientRows(model, ws, ws.samples); // fills ws.lp[s] and ws.gLpRows[s]
 * Math.abs(ws.lp[7] - model.logDensity(ws.u[7])) < 1e-12; // → true
 * ```
 */
export function modelGradientRows(model: DifferentiableModel, ws: EstimatorWorkspace, n: number): void {
  checkModelArg('modelGradientRows', model);
  checkWorkspaceArg('modelGradientRows', ws);
  if (n === 1) {
    // One row (1 sample per step): the single-row method, which checks less.
    ws.lp[0] = model.logDensityGradient(ws.u[0], ws.gLpRows[0]);
    return;
  }
  if (model.logDensityGradientBatch !== undefined) {
    model.logDensityGradientBatch(ws.uData, n, ws.gLpData, ws.lp);
    return;
  }
  const lp = ws.lp;
  for (let s = 0; s < n; s++) lp[s] = model.logDensityGradient(ws.u[s], ws.gLpRows[s]);
}

/**
 * log p̃ at the first `n` rows of `ws.uData` into `ws.lp`, batched when the model
 * has `logDensityBatch`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ) of z's LogNormal, near the optimum
 * const ws = createWorkspace(guide, 1000);
 * const rng = new Rng(1);
 * for (const eps of ws.noise) guide.drawNoise(theta, rng, eps);
 * for (let s = 0; s < ws.samples; s++) guide.forward(theta, ws.noise[s], ws.u[s]);
 * modelValueRows(model, ws, ws.samples); // ws.lp[s] = model.logDensity(ws.u[s])
 * Math.abs(ws.lp[7] - model.logDensity(ws.u[7])) < 1e-12; // → true
 * ```
 */
export function modelValueRows(model: DifferentiableModel, ws: EstimatorWorkspace, n: number): void {
  checkModelArg('modelValueRows', model);
  checkWorkspaceArg('modelValueRows', ws);
  modelValues(model, ws.uData, n, ws.lp, ws.u);
}

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
 * r.posterior.z; // → LogNormal(mu = -0.38…, sigma = 1.16…): wider than the ELBO's optimum (σ = 0.66)
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

/**
 * The ELBO value only, (1/S) Σ f_s (no gradient), from the noise rows of `ws`;
 * fills `ws.f` with the per-sample log weights f_s = log p̃(u_s) − log q(u_s).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ) of z's LogNormal, near the optimum
 * const ws = createWorkspace(guide, 1000);
 * const rng = new Rng(1);
 * for (const eps of ws.noise) guide.drawNoise(theta, rng, eps);
 * elboValue(model, guide, theta, ws); // ≈ -1.44, the ELBO near its optimum
 * ```
 */
export function elboValue(model: DifferentiableModel, guide: Guide, params: Float64Array, ws: EstimatorWorkspace): number {
  checkModelArg('elboValue', model);
  checkGuideArg('elboValue', guide);
  checkWorkspaceArg('elboValue', ws);
  if (!(params instanceof Float64Array)) invalidOption('elboValue', 'params', 'a Float64Array', params);
  const ng = guide as NoiseAwareGuide;
  const fromNoise = ng.logQFromNoise !== undefined;
  forwardRows(guide, params, ws);
  modelValueRows(model, ws, ws.samples);
  let sum = 0;
  for (let s = 0; s < ws.samples; s++) {
    const u = ws.u[s];
    const eps = ws.noise[s];
    const f = ws.lp[s] - (fromNoise ? ng.logQFromNoise!(params, eps) : guide.logQ(params, u));
    ws.f[s] = f;
    sum += ws.weighted ? ws.weights[s] * f : f;
  }
  return sum / ws.samples;
}

/** Throws for importance-weighted rows, which `name` would average as if unweighted. */
function refuseWeighted(name: string, ws: EstimatorWorkspace): void {
  if (ws.weighted) {
    throw new TypeError(`${name}: importance-weighted base samples ("rqmc-tilted") need the pathwise or sticking-the-landing estimator of a Gaussian guide`);
  }
}

/** u_s = g(θ, ε_s) for every row of the workspace. */
function forwardRows(guide: Guide, params: Float64Array, ws: EstimatorWorkspace): void {
  for (let s = 0; s < ws.samples; s++) guide.forward(params, ws.noise[s], ws.u[s]);
}

/**
 * Scratch of {@link sampleLogWeights}: one noise row ε (length `noiseDim`) and one
 * u (length d), and a block of rows for batched model calls.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const rows: RowScratch = createRowScratch(meanField().build(model));
 * rows.u.length; // → 1, the model's dim
 * ```
 */
export interface RowScratch {
  /** One noise row ε. */
  readonly eps: Float64Array;
  /** One row u = g(θ, ε). */
  readonly u: Float64Array;
  /** Rows per block. */
  readonly blockRows: number;
  /** A block of noise rows (blockRows × `noiseDim`, row-major). */
  readonly blockNoise: Float64Array;
  /** A block of u rows (blockRows × d, row-major). */
  readonly blockU: Float64Array;
  /** log p̃ of the block's rows. */
  readonly blockLp: Float64Array;
  /** log q of the block's rows. */
  readonly blockLq: Float64Array;
}

/** Values per block of {@link sampleLogWeights} (rows = this / d). */
const LOG_WEIGHT_BLOCK = 1024;

/**
 * Allocates the scratch of {@link sampleLogWeights} for `guide`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const rows = createRowScratch(guide);
 * sampleLogWeights(model, guide, guide.initialParams(), new Rng(1), 100, new Float64Array(100), rows); // the ELBO at the start, from 100 draws
 * ```
 */
export function createRowScratch(guide: Guide): RowScratch {
  const d = guide.dim;
  const nd = noiseDimOf(guide);
  const blockRows = Math.max(1, Math.floor(LOG_WEIGHT_BLOCK / Math.max(1, d)));
  return {
    eps: new Float64Array(nd),
    u: new Float64Array(d),
    blockRows,
    blockNoise: new Float64Array(blockRows * nd),
    blockU: new Float64Array(blockRows * d),
    blockLp: new Float64Array(blockRows),
    blockLq: new Float64Array(blockRows),
  };
}

/**
 * log p̃ at the `n` rows of `us` (row-major) into `out`: one batched call when the
 * model has `logDensityBatch`, else one `logDensity` call per row, on `rows[i]` when
 * `rows` holds views of the rows (a workspace's `u`, as {@link modelValueRows} passes),
 * else on a copy of the row in `rows` (one scratch row of length d).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const rows = createRowScratch(meanField().build(model));
 * rows.blockU.set([-1, 0, 1]); // three u rows of d = 1
 * modelValues(model, rows.blockU, 3, rows.blockLp, rows.u);
 * rows.blockLp[1] === model.logDensity(Float64Array.of(0)); // → true
 * ```
 */
export function modelValues(model: DifferentiableModel, us: Float64Array, n: number, out: Float64Array, rows: Float64Array | readonly Float64Array[]): void {
  if (model.logDensityBatch !== undefined) {
    model.logDensityBatch(us, n, out);
    return;
  }
  if (!(rows instanceof Float64Array)) {
    for (let i = 0; i < n; i++) out[i] = model.logDensity(rows[i]);
    return;
  }
  const row = rows;
  const d = row.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = us[i * d + j];
    out[i] = model.logDensity(row);
  }
}

/**
 * Draws n samples u_i = g(θ, ε_i), ε_i from `guide.drawNoise` (the same rows, in
 * the same order, as filling an n-row workspace), writes the log weights
 * f_i = log p̃(u_i) − log q(u_i) into `out[0..n)` and returns their mean, the ELBO
 * estimate: what `elboValue` gives on such a workspace, in blocks of rows (one
 * batched model call per block) and without an n-row workspace.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ), near the optimum
 * const lw = new Float64Array(20_000);
 * const elbo = sampleLogWeights(model, guide, theta, new Rng(1), lw.length, lw, createRowScratch(guide)); // ≈ -1.44
 * ```
 */
export function sampleLogWeights(
  model: DifferentiableModel,
  guide: Guide,
  params: Float64Array,
  rng: Rng,
  n: number,
  out: Float64Array,
  rows: RowScratch,
): number {
  const ng = guide as NoiseAwareGuide;
  if (ng.sampleLogWeightsFused !== undefined) return ng.sampleLogWeightsFused(model, params, rng, n, out, rows);
  const fromNoise = ng.logQFromNoise !== undefined;
  const { eps, u, blockRows, blockU, blockLp, blockLq } = rows;
  const d = guide.dim;
  let sum = 0;
  for (let i0 = 0; i0 < n; i0 += blockRows) {
    const m = Math.min(blockRows, n - i0);
    for (let i = 0; i < m; i++) {
      guide.drawNoise(params, rng, eps);
      guide.forward(params, eps, u);
      blockLq[i] = fromNoise ? ng.logQFromNoise!(params, eps) : guide.logQ(params, u);
      blockU.set(u, i * d);
    }
    modelValues(model, blockU, m, blockLp, u);
    for (let i = 0; i < m; i++) {
      const f = blockLp[i] - blockLq[i];
      out[i0 + i] = f;
      sum += f;
    }
  }
  return sum / n;
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
