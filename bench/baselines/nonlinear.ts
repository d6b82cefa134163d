/**
 * Hand-fused baseline for the nonlinear regression of issue #14:
 * w ~ Normal(0, 1)ᵈ, yᵢ ~ Normal(exp(xᵢ·w / 10), 1), X row-major n×d, a mean-field
 * Normal guide with the sticking-the-landing gradient. Per gradient sample one
 * pass over X computes the means, the residuals and Xᵀ(∂/∂ηᵢ) in the same loop:
 * the gradient work a plain-JS programmer would write for this model by hand.
 */
import { FastRandom } from './xoshiro';

/** The data of the nonlinear regression. */
export interface NonlinearData {
  readonly n: number;
  readonly d: number;
  /** Row-major n×d covariates. */
  readonly X: Float64Array;
  readonly y: Float64Array;
}

/** n rows of d standard-normal covariates, w_j = sin(j + 1), unit noise. */
export function makeNonlinear(n: number, d: number, seed: number): NonlinearData {
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
    y[i] = Math.exp(s / 10) + rng.normal();
  }
  return { n, d, X, y };
}

const LN_SQRT_2PI = 0.9189385332046728;

/** Scratch of {@link nonlinearGradient}. */
export class NonlinearWork {
  readonly eps: Float64Array;
  readonly w: Float64Array;
  readonly gw: Float64Array;
  constructor(readonly data: NonlinearData) {
    this.eps = new Float64Array(data.d);
    this.w = new Float64Array(data.d);
    this.gw = new Float64Array(data.d);
  }
}

/** ∇w log p(w, y) into `ws.gw`; returns log p(w, y). */
function logJointGrad(ws: NonlinearWork): number {
  const { n, d, X, y } = ws.data;
  const w = ws.w;
  const gw = ws.gw;
  let lp = 0;
  for (let j = 0; j < d; j++) {
    gw[j] = -w[j];
    lp -= 0.5 * w[j] * w[j] + LN_SQRT_2PI;
  }
  for (let i = 0; i < n; i++) {
    const row = i * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += X[row + j] * w[j];
    const mu = Math.exp(0.1 * s);
    const r = y[i] - mu;
    lp -= 0.5 * r * r + LN_SQRT_2PI;
    const g = 0.1 * r * mu;
    for (let j = 0; j < d; j++) gw[j] += X[row + j] * g;
  }
  return lp;
}

/** Mean-field STL gradient at params [μ (d), ω (d)] into `g`; returns the ELBO estimate. */
export function nonlinearGradient(ws: NonlinearWork, p: Float64Array, S: number, rng: FastRandom, g: Float64Array): number {
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
      f += 0.5 * e * e + p[d + j] + LN_SQRT_2PI;
    }
  }
  for (let k = 0; k < 2 * d; k++) g[k] /= S;
  return f / S;
}
