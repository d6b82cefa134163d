/**
 * Limited-memory BFGS minimization with a strong-Wolfe line search (Nocedal &
 * Wright, *Numerical Optimization*, 2nd ed., Algorithms 7.4 (two-loop recursion),
 * 3.5 and 3.6 (line search and zoom), extrapolating by 4× while the objective decreases). Used by `fit` to find the mode of the log
 * joint on the unconstrained space, the centre of its default start.
 *
 * Accuracy: stops when the gradient's largest entry, measured against the local
 * scale (|g_i|·√(H⁻¹)_ii from the quasi-Newton approximation, i.e. the change of f
 * per "standard deviation" of x_i), is below `gradTolerance`, or when f stops
 * decreasing relative to max(1, |f|) (`relTolerance`, default 1e-13). The scaled
 * test makes the stopping point independent of the units of x. A non-finite f
 * (e.g. −log density = +∞ outside the support) is treated as "too far" by the line
 * search, which then shrinks the step.
 *
 * @module
 */

/**
 * A smooth function to minimize: writes ∇f(x) into `grad` and returns f(x) (+∞
 * where it is undefined).
 */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Options of {@link lbfgs}. */
export interface LbfgsOptions {
  /** Pairs (s, y) kept (default 10). */
  readonly memory?: number;
  /** Iterations before giving up (default 500). */
  readonly maxIterations?: number;
  /** Objective evaluations before giving up (default 4000). */
  readonly maxEvaluations?: number;
  /** Scaled gradient tolerance (default 1e-8; see the module description). */
  readonly gradTolerance?: number;
  /** Relative decrease of f below which it stops (default 1e-13). */
  readonly relTolerance?: number;
  /** Stop (as `"unbounded"`) when some |x_i| exceeds this, or f falls below −1e300 (default 1e10). */
  readonly bound?: number;
}

/** How an L-BFGS run ended. */
export type LbfgsStatus = 'converged' | 'max-iterations' | 'line-search-failed' | 'unbounded' | 'non-finite-start';

/** The end point of {@link lbfgs}. */
export interface LbfgsResult {
  /** The best point found. */
  readonly x: Float64Array;
  /** f there. */
  readonly f: number;
  /** ∇f there. */
  readonly grad: Float64Array;
  /** Iterations taken. */
  readonly iterations: number;
  /** Objective evaluations. */
  readonly evaluations: number;
  /** Why it stopped. */
  readonly status: LbfgsStatus;
  /** Applies the final quasi-Newton inverse-Hessian approximation: out ← H̃⁻¹ v. */
  readonly applyInverseHessian: (v: Float64Array, out: Float64Array) => void;
}

/**
 * Minimizes `f` from `x0` by L-BFGS.
 *
 * @param f - objective with gradient (see {@link Objective})
 * @param x0 - the start (not modified)
 * @param options - see {@link LbfgsOptions}
 * @returns the best point, its value and gradient, the status and the inverse-Hessian approximation
 * @example
 * ```ts
 * // Rosenbrock
 * const r = lbfgs((x, g) => {
 *   g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
 *   g[1] = 200 * (x[1] - x[0] ** 2);
 *   return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
 * }, Float64Array.of(-1.2, 1));
 * r.x; // ≈ Float64Array [1.00000, 1.00000]: the minimum at (1, 1)
 * ```
 */
export function lbfgs(f: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const n = x0.length;
  const m = options.memory ?? 10;
  const maxIt = options.maxIterations ?? 500;
  const maxEval = options.maxEvaluations ?? 4000;
  const gtol = options.gradTolerance ?? 1e-8;
  const rtol = options.relTolerance ?? 1e-13;
  const bound = options.bound ?? 1e10;
  const mem = new QuasiNewtonMemory(n, m);
  const x = x0.slice();
  const g = new Float64Array(n);
  let fx = f(x, g);
  let evals = 1;
  const result = (status: LbfgsStatus, it: number): LbfgsResult => ({
    x,
    f: fx,
    grad: g,
    iterations: it,
    evaluations: evals,
    status,
    applyInverseHessian: (v, out) => mem.apply(v, out),
  });
  if (!Number.isFinite(fx) || !allFinite(g)) return result('non-finite-start', 0);
  const dir = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const diag = new Float64Array(n);
  let restarts = 0;
  for (let it = 1; it <= maxIt; it++) {
    if (mem.scaledGradientNorm(g, diag) <= gtol) return result('converged', it - 1);
    mem.apply(g, dir);
    for (let i = 0; i < n; i++) dir[i] = -dir[i];
    let slope = dot(g, dir);
    if (!(slope < 0)) {
      // Not a descent direction (a poor curvature pair): restart from steepest descent.
      mem.clear();
      for (let i = 0; i < n; i++) dir[i] = -g[i];
      slope = -dot(g, g);
    }
    // The first step of a fresh memory is scaled so that it moves x by at most 1.
    let step = mem.size === 0 ? Math.min(1, 1 / Math.max(1e-300, maxAbs(dir))) : 1;
    const ls = wolfeSearch(f, x, fx, slope, dir, step, xNew, gNew, maxEval - evals);
    evals += ls.evaluations;
    if (!ls.ok) {
      if (mem.size > 0) {
        mem.clear();
        continue;
      }
      return result('line-search-failed', it);
    }
    step = ls.step;
    const fOld = fx;
    mem.push(x, xNew, g, gNew);
    x.set(xNew);
    g.set(gNew);
    fx = ls.f;
    if (maxAbs(x) > bound || fx < -1e300) return result('unbounded', it);
    if (fOld - fx <= rtol * Math.max(1, Math.abs(fx))) {
      if (mem.scaledGradientNorm(g, diag) <= Math.sqrt(gtol)) return result('converged', it);
      // No progress though the gradient is not small: the memory's scale γ comes from
      // the stiffest direction and starves the others (curvatures 1e8 apart, e.g. a
      // coefficient in units of 1e4 beside one in 1e-3). Restart from steepest descent,
      // whose line search then measures the soft direction's own scale.
      if (mem.size > 0 && restarts++ < 50) {
        mem.clear();
        continue;
      }
      return result('line-search-failed', it);
    }
    if (evals >= maxEval) return result('max-iterations', it);
  }
  return result('max-iterations', maxIt);
}

/** The (s, y) pairs of L-BFGS and the two-loop recursion. */
class QuasiNewtonMemory {
  private readonly s: Float64Array[] = [];
  private readonly y: Float64Array[] = [];
  private readonly rho: number[] = [];
  private readonly alpha: Float64Array;
  private gamma = 1;

  constructor(
    private readonly n: number,
    private readonly m: number,
  ) {
    this.alpha = new Float64Array(m);
  }

  get size(): number {
    return this.s.length;
  }

  clear(): void {
    this.s.length = 0;
    this.y.length = 0;
    this.rho.length = 0;
    this.gamma = 1;
  }

  /** Stores s = x1 − x0, y = g1 − g0 when the curvature condition sᵀy > 0 holds. */
  push(x0: Float64Array, x1: Float64Array, g0: Float64Array, g1: Float64Array): void {
    const s = new Float64Array(this.n);
    const y = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      s[i] = x1[i] - x0[i];
      y[i] = g1[i] - g0[i];
    }
    const sy = dot(s, y);
    const yy = dot(y, y);
    if (!(sy > 1e-300 * Math.max(1, yy)) || !Number.isFinite(sy) || !Number.isFinite(yy)) return;
    if (this.s.length === this.m) {
      this.s.shift();
      this.y.shift();
      this.rho.shift();
    }
    this.s.push(s);
    this.y.push(y);
    this.rho.push(1 / sy);
    this.gamma = sy / yy;
  }

  /** out ← H̃⁻¹ v (two-loop recursion with H₀ = γI, γ = sᵀy/yᵀy of the newest pair). */
  apply(v: Float64Array, out: Float64Array): void {
    const k = this.s.length;
    out.set(v);
    for (let j = k - 1; j >= 0; j--) {
      const a = this.rho[j] * dot(this.s[j], out);
      this.alpha[j] = a;
      axpy(-a, this.y[j], out);
    }
    for (let i = 0; i < this.n; i++) out[i] *= this.gamma;
    for (let j = 0; j < k; j++) {
      const b = this.rho[j] * dot(this.y[j], out);
      axpy(this.alpha[j] - b, this.s[j], out);
    }
  }

  /**
   * max_i |g_i|·√(H̃⁻¹)_ii, with the diagonal estimated as γ (plus the pairs' rank-two
   * updates are ignored: γ is the scale of the newest curvature pair). Before any pair,
   * |g|∞.
   */
  scaledGradientNorm(g: Float64Array, _scratch: Float64Array): number {
    const k = this.s.length;
    if (k === 0) return maxAbs(g);
    let worst = 0;
    const e = _scratch;
    const out = new Float64Array(this.n);
    // Exact diagonal of H̃⁻¹ costs n two-loop passes; affordable for the small n of a
    // model's mode search (it runs once per iteration only for n ≤ 64).
    if (this.n <= 64) {
      for (let i = 0; i < this.n; i++) {
        e.fill(0);
        e[i] = 1;
        this.apply(e, out);
        const hii = Math.max(out[i], 0);
        worst = Math.max(worst, Math.abs(g[i]) * Math.sqrt(hii));
      }
      e.fill(0);
      return worst;
    }
    return maxAbs(g) * Math.sqrt(this.gamma);
  }
}

interface LineSearch {
  ok: boolean;
  step: number;
  f: number;
  evaluations: number;
}

/**
 * Strong-Wolfe line search along `dir` (c₁ = 1e-4, c₂ = 0.9): bracketing by
 * doubling, then zoom by safeguarded cubic interpolation. On success `xNew`, `gNew`
 * hold the accepted point.
 */
function wolfeSearch(
  f: Objective,
  x: Float64Array,
  f0: number,
  slope0: number,
  dir: Float64Array,
  step0: number,
  xNew: Float64Array,
  gNew: Float64Array,
  budget: number,
): LineSearch {
  const c1 = 1e-4;
  const c2 = 0.9;
  let evals = 0;
  const evalAt = (a: number): { f: number; slope: number } => {
    for (let i = 0; i < x.length; i++) xNew[i] = x[i] + a * dir[i];
    evals++;
    let v = f(xNew, gNew);
    if (!allFinite(gNew)) v = Infinity;
    return { f: Number.isNaN(v) ? Infinity : v, slope: Number.isFinite(v) ? dot(gNew, dir) : NaN };
  };
  let aPrev = 0;
  let fPrev = f0;
  let sPrev = slope0;
  let a = step0;
  for (let i = 0; i < 40 && evals < budget; i++) {
    const r = evalAt(a);
    if (!Number.isFinite(r.f)) {
      // Outside the domain: shrink towards the last good point.
      a = aPrev + 0.25 * (a - aPrev);
      if (a - aPrev < 1e-20 * Math.max(1, a)) break;
      continue;
    }
    if (r.f > f0 + c1 * a * slope0 || (i > 0 && r.f >= fPrev)) return zoom(aPrev, fPrev, sPrev, a, r.f, r.slope);
    if (Math.abs(r.slope) <= -c2 * slope0) return { ok: true, step: a, f: r.f, evaluations: evals };
    if (r.slope >= 0) return zoom(a, r.f, r.slope, aPrev, fPrev, sPrev);
    aPrev = a;
    fPrev = r.f;
    sPrev = r.slope;
    a *= 4;
  }
  // Still decreasing after every extrapolation (an objective without a lower bound
  // along dir, or a step scale off by more than 4⁴⁰): take the furthest point.
  if (aPrev > 0 && fPrev < f0) {
    const r = evalAt(aPrev);
    return { ok: Number.isFinite(r.f), step: aPrev, f: r.f, evaluations: evals };
  }
  return { ok: false, step: 0, f: f0, evaluations: evals };

  function zoom(lo: number, fLo: number, sLo: number, hi: number, fHi: number, sHi: number): LineSearch {
    for (let k = 0; k < 30 && evals < budget; k++) {
      let a = cubicMin(lo, fLo, sLo, hi, fHi, sHi);
      const lo2 = Math.min(lo, hi);
      const width = Math.abs(hi - lo);
      if (!(a > lo2 + 0.1 * width && a < lo2 + 0.9 * width)) a = 0.5 * (lo + hi);
      const r = evalAt(a);
      if (!Number.isFinite(r.f) || r.f > f0 + c1 * a * slope0 || r.f >= fLo) {
        hi = a;
        fHi = Number.isFinite(r.f) ? r.f : Infinity;
        sHi = r.slope;
      } else {
        if (Math.abs(r.slope) <= -c2 * slope0) return { ok: true, step: a, f: r.f, evaluations: evals };
        if (r.slope * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
          sHi = sLo;
        }
        lo = a;
        fLo = r.f;
        sLo = r.slope;
      }
      if (width < 1e-16 * Math.max(1, Math.abs(lo))) break;
    }
    // Accept the best sufficient-decrease point found, if any (the Wolfe curvature
    // condition can be unreachable in floating point near the minimum).
    if (lo > 0 && fLo < f0) {
      const r = evalAt(lo);
      return { ok: Number.isFinite(r.f) && r.f < f0, step: lo, f: r.f, evaluations: evals };
    }
    return { ok: false, step: 0, f: f0, evaluations: evals };
  }
}

/** Minimizer of the cubic through (a, fa, sa), (b, fb, sb); NaN when it has none. */
function cubicMin(a: number, fa: number, sa: number, b: number, fb: number, sb: number): number {
  if (!Number.isFinite(fb) || !Number.isFinite(sb)) return NaN;
  const d1 = sa + sb - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - sa * sb;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (sb + d2 - d1)) / (sb - sa + 2 * d2);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}
