/**
 * Exact ELBOs for checking convergence in the benchmarks: by quadrature
 * (src/math/quadrature.ts) for a LogNormal q of the 1-D models, in closed form for
 * a Gaussian q of the linear regression (whose log joint is quadratic).
 */
import { integrate } from '../src/math/quadrature';
import { cholesky, choleskySolve, logDetFromCholesky } from '../examples/linalg';
import type { RegressionData } from './baselines/regression';

const LN_SQRT_2PI = 0.9189385332046728;
const LN_2PI_E = Math.log(2 * Math.PI) + 1;

/** Sufficient statistics of data for z ~ Exponential(1), xᵢ ~ Normal(z, 1). */
export interface NormalData {
  readonly n: number;
  readonly mean: number;
  /** Σ(xᵢ − x̄)². */
  readonly ss: number;
}

export function normalData(xs: ArrayLike<number>): NormalData {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m += xs[i];
  m /= xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i] - m) ** 2;
  return { n: xs.length, mean: m, ss };
}

/** Exact ELBO of q = LogNormal(μ, e^ω) for z ~ Exponential(1), xᵢ ~ Normal(z, 1). */
export function logNormalElbo(data: NormalData, mu: number, w: number): number {
  const s = Math.exp(w);
  const { n, mean, ss } = data;
  const logp = (u: number): number => {
    const z = Math.exp(u);
    const dm = mean - z;
    return -z - 0.5 * (ss + n * dm * dm) - n * LN_SQRT_2PI + u;
  };
  const f = (e: number): number => Math.exp(-0.5 * e * e - LN_SQRT_2PI) * logp(mu + s * e);
  const e = integrate(f, -12, 12, { absTol: 1e-12, relTol: 1e-13 }).value;
  return e + w + 0.5 * LN_2PI_E;
}

/** The best LogNormal ELBO and its (μ, ω), by Nelder–Mead from the Laplace point. */
export function bestLogNormal(data: NormalData): { elbo: number; mu: number; w: number } {
  const zHat = Math.max(1e-3, data.mean - 1 / data.n);
  const f = (p: readonly number[]): number => -logNormalElbo(data, p[0], p[1]);
  const start = [Math.log(zHat), Math.log(1 / (zHat * Math.sqrt(data.n)))];
  const best = nelderMead(f, start, 0.1);
  return { elbo: -f(best), mu: best[0], w: best[1] };
}

function nelderMead(f: (p: readonly number[]) => number, x0: number[], step: number): number[] {
  const n = x0.length;
  let pts = [x0, ...x0.map((_, k) => x0.map((v, j) => (j === k ? v + step : v)))];
  let vals = pts.map(f);
  for (let it = 0; it < 2000; it++) {
    const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b]);
    pts = order.map((i) => pts[i]);
    vals = order.map((i) => vals[i]);
    if (Math.abs(vals[n] - vals[0]) < 1e-13 && it > 50) break;
    const c = x0.map((_, j) => pts.slice(0, n).reduce((s, p) => s + p[j], 0) / n);
    const along = (t: number): number[] => c.map((cj, j) => cj + t * (pts[n][j] - cj));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < vals[0]) {
      const xe = along(-2);
      const fe = f(xe);
      [pts[n], vals[n]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < vals[n - 1]) {
      [pts[n], vals[n]] = [xr, fr];
    } else {
      const xc = along(0.5);
      const fc = f(xc);
      if (fc < vals[n]) [pts[n], vals[n]] = [xc, fc];
      else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i].map((v, j) => pts[0][j] + 0.5 * (v - pts[0][j]));
          vals[i] = f(pts[i]);
        }
      }
    }
  }
  return pts[vals.indexOf(Math.min(...vals))];
}

/** Posterior precision Λ = I + XᵀX/σ², mean m and the optimal ELBOs of a regression. */
export interface RegressionExact {
  readonly precision: Float64Array;
  readonly mean: Float64Array;
  readonly bestFullRank: number;
  readonly bestMeanField: number;
}

function logJoint(data: RegressionData, w: ArrayLike<number>): number {
  const { n, d, X, y, sigma } = data;
  let lp = 0;
  for (let j = 0; j < d; j++) lp += -0.5 * w[j] * w[j] - LN_SQRT_2PI;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += X[i * d + j] * w[j];
    const r = (y[i] - s) / sigma;
    lp += -0.5 * r * r - Math.log(sigma) - LN_SQRT_2PI;
  }
  return lp;
}

export function regressionExact(data: RegressionData): RegressionExact {
  const { n, d, X, y, sigma } = data;
  const P = new Float64Array(d * d);
  const b = new Float64Array(d);
  const s2 = sigma * sigma;
  for (let a = 0; a < d; a++) {
    P[a * d + a] = 1;
    for (let i = 0; i < n; i++) b[a] += (X[i * d + a] * y[i]) / s2;
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[i * d + a] * X[i * d + c];
      P[a * d + c] += s / s2;
    }
  }
  const L = cholesky(P, d);
  const mean = choleskySolve(L, d, b);
  const lpm = logJoint(data, mean);
  let sumLogDiag = 0;
  for (let j = 0; j < d; j++) sumLogDiag += Math.log(P[j * d + j]);
  return {
    precision: P,
    mean,
    bestFullRank: lpm - d / 2 + 0.5 * d * LN_2PI_E - 0.5 * logDetFromCholesky(L, d),
    bestMeanField: lpm - d / 2 + 0.5 * d * LN_2PI_E - 0.5 * sumLogDiag,
  };
}

/** Exact ELBO of q = Normal(m, Σ) on w: log p(m, y) − ½ tr(ΛΣ) + ½ log det(2πe Σ). */
export function gaussianElbo(data: RegressionData, exact: RegressionExact, mean: ArrayLike<number>, cov: Float64Array): number {
  const d = data.d;
  let tr = 0;
  for (let a = 0; a < d; a++) for (let c = 0; c < d; c++) tr += exact.precision[a * d + c] * cov[c * d + a];
  let logDetCov: number;
  try {
    logDetCov = logDetFromCholesky(cholesky(cov, d), d);
  } catch {
    return NaN; // a covariance that is not positive definite: reported as "gap NaN"
  }
  return logJoint(data, mean) - 0.5 * tr + 0.5 * d * LN_2PI_E + 0.5 * logDetCov;
}
