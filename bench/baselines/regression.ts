/**
 * Hand-fused baselines for Bayesian linear regression w ~ Normal(0, 1)ᵈ,
 * yᵢ ~ Normal(xᵢ·w, σ) with σ known, X row-major n×d. Per gradient sample one pass
 * over X for the residuals and one for Xᵀr.
 *
 * - mean-field: w = μ + e^ω ∘ ε, sticking-the-landing gradient;
 * - full-rank: w = μ + Lε, L lower triangular with diagonal e^λ, pathwise
 *   gradient with the closed-form entropy Σλ.
 * Adam with η/√t and iterate averaging around both.
 */
import { AdamAscent, FastRandom } from './xoshiro';

/** The data of a regression problem. */
export interface RegressionData {
  readonly n: number;
  readonly d: number;
  /** Row-major n×d covariates. */
  readonly X: Float64Array;
  readonly y: Float64Array;
  readonly sigma: number;
}

/** Generates n rows of d standard-normal covariates, w_j = sin(j + 1), noise σ. */
export function makeRegression(n: number, d: number, sigma: number, seed: number): RegressionData {
  const rng = new FastRandom(seed);
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const x = rng.normal();
      X[i * d + j] = x;
      s += x * Math.sin(j + 1);
    }
    y[i] = s + sigma * rng.normal();
  }
  return { n, d, X, y, sigma };
}

/** Workspace of the fused gradient. */
export class RegressionWork {
  readonly eps: Float64Array;
  readonly w: Float64Array;
  readonly gw: Float64Array;
  readonly r: Float64Array;
  constructor(readonly data: RegressionData) {
    this.eps = new Float64Array(data.d);
    this.w = new Float64Array(data.d);
    this.gw = new Float64Array(data.d);
    this.r = new Float64Array(data.n);
  }
}

/** ∇w log p(w, y) into `ws.gw`; returns log p(w, y) without constants. */
function logJointGrad(ws: RegressionWork): number {
  const { n, d, X, y, sigma } = ws.data;
  const w = ws.w;
  const gw = ws.gw;
  const prec = 1 / (sigma * sigma);
  let lp = 0;
  for (let j = 0; j < d; j++) {
    gw[j] = -w[j];
    lp -= 0.5 * w[j] * w[j];
  }
  for (let i = 0; i < n; i++) {
    const row = i * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += X[row + j] * w[j];
    const r = (y[i] - s) * prec;
    lp -= 0.5 * r * (y[i] - s);
    for (let j = 0; j < d; j++) gw[j] += X[row + j] * r;
  }
  return lp;
}

/** Mean-field STL gradient; params = [μ (d), ω (d)], g the same layout. */
export function meanFieldGradient(ws: RegressionWork, p: Float64Array, S: number, rng: FastRandom, g: Float64Array): number {
  const d = ws.data.d;
  g.fill(0);
  let f = 0;
  for (let s = 0; s < S; s++) {
    for (let j = 0; j < d; j++) {
      const e = rng.normal();
      ws.eps[j] = e;
      ws.w[j] = p[j] + Math.exp(p[d + j]) * e;
    }
    f += logJointGrad(ws);
    for (let j = 0; j < d; j++) {
      const sd = Math.exp(p[d + j]);
      const e = ws.eps[j];
      const gu = ws.gw[j] + e / sd;
      g[j] += gu;
      g[d + j] += gu * sd * e;
      f += 0.5 * e * e + p[d + j];
    }
  }
  for (let k = 0; k < 2 * d; k++) g[k] /= S;
  return f / S;
}

/** Full-rank pathwise gradient; params = [μ (d), L row-major d×d (diagonal as log)]. */
export function fullRankGradient(ws: RegressionWork, p: Float64Array, S: number, rng: FastRandom, g: Float64Array): number {
  const d = ws.data.d;
  g.fill(0);
  let f = 0;
  const eps = ws.eps;
  for (let s = 0; s < S; s++) {
    for (let j = 0; j < d; j++) eps[j] = rng.normal();
    for (let j = 0; j < d; j++) {
      const row = d + j * d;
      let v = p[j] + Math.exp(p[row + j]) * eps[j];
      for (let k = 0; k < j; k++) v += p[row + k] * eps[k];
      ws.w[j] = v;
    }
    f += logJointGrad(ws);
    for (let j = 0; j < d; j++) {
      const row = d + j * d;
      const gj = ws.gw[j];
      g[j] += gj;
      for (let k = 0; k < j; k++) g[row + k] += gj * eps[k];
      g[row + j] += gj * eps[j] * Math.exp(p[row + j]);
    }
  }
  let ent = 0;
  for (let j = 0; j < d; j++) ent += p[d + j * d + j];
  for (let k = 0; k < p.length; k++) g[k] /= S;
  for (let j = 0; j < d; j++) g[d + j * d + j] += 1;
  return f / S + ent;
}

/** Initial parameters: μ = 0, scales 0.1. */
export function initialParams(d: number, fullRank: boolean): Float64Array {
  const p = new Float64Array(fullRank ? d + d * d : 2 * d);
  if (fullRank) for (let j = 0; j < d; j++) p[d + j * d + j] = Math.log(0.1);
  else for (let j = 0; j < d; j++) p[d + j] = Math.log(0.1);
  return p;
}

/** A fit; returns the averaged parameters. */
export function regressionFit(data: RegressionData, fullRank: boolean, steps: number, S: number, lr: number, seed: number): Float64Array {
  const ws = new RegressionWork(data);
  const rng = new FastRandom(seed);
  const p = initialParams(data.d, fullRank);
  const g = new Float64Array(p.length);
  const adam = new AdamAscent(p.length, lr, steps);
  for (let t = 0; t < steps; t++) {
    if (fullRank) fullRankGradient(ws, p, S, rng, g);
    else meanFieldGradient(ws, p, S, rng, g);
    adam.step(p, g);
  }
  return adam.avg;
}

/** Mean and covariance (row-major) of the Gaussian given by baseline parameters. */
export function gaussianOf(p: Float64Array, d: number, fullRank: boolean): { mean: Float64Array; covariance: Float64Array } {
  const mean = p.slice(0, d);
  const L = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    if (fullRank) {
      for (let k = 0; k < j; k++) L[j * d + k] = p[d + j * d + k];
      L[j * d + j] = Math.exp(p[d + j * d + j]);
    } else L[j * d + j] = Math.exp(p[d + j]);
  }
  const covariance = new Float64Array(d * d);
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += L[a * d + k] * L[b * d + k];
      covariance[a * d + b] = s;
    }
  return { mean, covariance };
}
