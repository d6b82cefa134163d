/**
 * The linear-Gaussian likelihood kernel: a per-datum likelihood
 * `(p, i) => new Normal(μᵢ, σ)` whose mean is affine in the latents with constant
 * coefficients (`dot(w, X[i])`, `add(a, mul(b, xs[i]))`, …) and whose scale is one
 * constant or one latent for every datum — Bayesian linear regression. One traced
 * call per datum gives the design matrix A (μ = Aβ + offsets); a Householder QR of
 * it, once, gives ‖y − μ‖² = rss0 + ‖c − Rβ‖² for every β, so the log-likelihood
 * and its gradient cost O(k·p) per evaluation instead of O(n·p) plus a tape:
 *
 *   Σᵢ log N(yᵢ | μᵢ, σ) = −(rss0 + ‖c − Rβ‖²)/(2σ²) − n(log σ + log √(2π)),
 *   ∂/∂β = Rᵀ(c − Rβ)/σ²,  ∂/∂σ = (RSS/σ² − n)/σ.
 *
 * @module
 * @internal
 */
import type { ContinuousDistribution } from '../distributions/distribution';
import { Normal } from '../distributions/normal';
import { LN_SQRT_2PI } from '../math/constants';
import { leastSquaresReduction, type LeastSquaresReduction } from '../math/least-squares';
import type { LikelihoodKernel } from './likelihood-kernel';
import type { Tape, TapeNode } from './tape';
import { affineForm } from './tape-affine-form';

/** The kernel of one model (see the module description). */
export class LinearGaussianKernel implements LikelihoodKernel {
  /** Flat latent index of each column of A (the latents the means depend on). */
  private readonly cols: Int32Array;
  private readonly ls: LeastSquaresReduction;
  private readonly n: number;
  /** σ when it is a constant (NaN otherwise) and its log-normalizer. */
  private readonly sigma: number;
  private readonly sigmaLogNormalizer: number;
  /** Flat index of σ's latent, or −1 for a constant σ. */
  private readonly sigmaLeaf: number;
  /** Scratch: β of one row, and c − Rβ. */
  private readonly beta: Float64Array;
  private readonly e: Float64Array;

  constructor(A: Float64Array, cols: Int32Array, y: Float64Array, sigma: number, sigmaLeaf: number) {
    this.n = y.length;
    this.cols = cols;
    this.ls = leastSquaresReduction(A, y.length, cols.length, y);
    this.sigma = sigma;
    this.sigmaLeaf = sigmaLeaf;
    this.sigmaLogNormalizer = Math.log(sigma) + LN_SQRT_2PI;
    this.beta = new Float64Array(cols.length);
    this.e = new Float64Array(this.ls.k);
  }

  accepts(z: Float64Array): boolean {
    const s = this.sigmaLeaf < 0 ? this.sigma : z[this.sigmaLeaf];
    return s > 0 && s < Infinity;
  }

  evaluate(z: Float64Array, stride: number, rows: number, ll: Float64Array, dz: Float64Array | null): void {
    const { k, p, R, c, rss0 } = this.ls;
    const cols = this.cols;
    const beta = this.beta;
    const e = this.e;
    const n = this.n;
    for (let r = 0; r < rows; r++) {
      const o = r * stride;
      let s = this.sigma;
      let logNormalizer = this.sigmaLogNormalizer;
      if (this.sigmaLeaf >= 0) {
        s = z[o + this.sigmaLeaf];
        if (!(s > 0 && s < Infinity)) {
          // The Normal constructor refuses σ here: −∞, and no partials.
          ll[r] = -Infinity;
          continue;
        }
        logNormalizer = Math.log(s) + LN_SQRT_2PI;
      }
      for (let j = 0; j < p; j++) beta[j] = z[o + cols[j]];
      const rss = rss0 + residual(R, c, beta, e, k, p);
      const inv2 = 1 / (s * s);
      ll[r] = -0.5 * rss * inv2 - n * logNormalizer;
      if (dz === null) continue;
      addGradient(R, e, k, p, inv2, cols, dz, o);
      if (this.sigmaLeaf >= 0) dz[o + this.sigmaLeaf] += (rss * inv2 - n) / s;
    }
  }
}

// The O(k·p) loops, in small functions of their own (shared by the value and the
// gradient paths, each with stable argument types).

/** e = c − Rβ (R upper trapezoidal, k × p); returns ‖e‖². */
function residual(R: Float64Array, c: Float64Array, beta: Float64Array, e: Float64Array, k: number, p: number): number {
  let ss = 0;
  for (let i = 0; i < k; i++) {
    let t = c[i];
    for (let j = i; j < p; j++) t -= R[i * p + j] * beta[j];
    e[i] = t;
    ss += t * t;
  }
  return ss;
}

/** dz[o + cols[j]] += (Rᵀe)_j·scale: ∂/∂β of −‖c − Rβ‖²·scale/2. */
function addGradient(R: Float64Array, e: Float64Array, k: number, p: number, scale: number, cols: Int32Array, dz: Float64Array, o: number): void {
  for (let j = 0; j < p; j++) {
    let g = 0;
    const top = j < k ? j : k - 1;
    for (let i = 0; i <= top; i++) g += R[i * p + j] * e[i];
    dz[o + cols[j]] += g * scale;
  }
}

/**
 * True when datum 0's distribution `d` (its operands on `tape`) could start a
 * linear-Gaussian likelihood: exactly a `Normal`, its mean a number or affine in the
 * latents, its scale a number or a latent. The model then traces every datum whole
 * (this kernel reads all their affine forms); otherwise it traces datum by datum.
 */
export function mayBeLinearGaussian(d: unknown, tape: Tape, dim: number): boolean {
  if (d === null || typeof d !== 'object' || Object.getPrototypeOf(d) !== Normal.prototype) return false;
  const [mu, sd] = (d as Normal).operands as unknown as (number | TapeNode)[];
  if (typeof sd !== 'number' && (sd.tape !== tape || !tape.isLeaf(sd))) return false;
  return typeof mu === 'number' || (mu.tape === tape && Number.isFinite(affineForm(tape, mu.index, 1, new Float64Array(dim))));
}

/**
 * The kernel for the distributions `dists[i]` that one gradient-mode pass of a
 * per-datum likelihood returned (their operands still on `tape`), or undefined when
 * it does not apply: every distribution exactly a `Normal`, each mean a number or
 * an affine function of the latents (`affineForm`, `tape-affine-form.ts`), one scale for all data (the
 * same number, or the same latent), and no value read (`clean`).
 */
export function linearGaussianKernelFor(dists: readonly ContinuousDistribution[], clean: boolean, tape: Tape, dim: number, data: Float64Array): LinearGaussianKernel | undefined {
  const n = dists.length;
  if (!clean || n === 0 || n !== data.length) return undefined;
  let sigma = NaN;
  let sigmaLeaf = -1;
  const coef = new Float64Array(n * dim);
  const y = Float64Array.from(data);
  for (let i = 0; i < n; i++) {
    const d = dists[i];
    // Exactly a Normal: a subclass may change the density.
    if (Object.getPrototypeOf(d) !== Normal.prototype) return undefined;
    const [mu, sd] = d.operands as unknown as (number | TapeNode)[];
    // One scale for every datum.
    if (typeof sd === 'number') {
      if (i === 0) sigma = sd;
      else if (sigmaLeaf >= 0 || sd !== sigma) return undefined;
    } else {
      if (sd.tape !== tape || !tape.isLeaf(sd)) return undefined;
      if (i === 0) sigmaLeaf = sd.index;
      else if (sd.index !== sigmaLeaf) return undefined;
    }
    // μᵢ = Σₖ A_ik zₖ + offsetᵢ.
    let offset: number;
    if (typeof mu === 'number') offset = mu;
    else {
      if (mu.tape !== tape) return undefined;
      offset = affineForm(tape, mu.index, 1, coef.subarray(i * dim, (i + 1) * dim));
    }
    if (!Number.isFinite(offset)) return undefined;
    y[i] -= offset;
  }
  // The columns of A: the latents some mean depends on (not σ's).
  const used: number[] = [];
  for (let k = 0; k < dim; k++) {
    let any = false;
    for (let i = 0; i < n && !any; i++) any = coef[i * dim + k] !== 0;
    if (!any) continue;
    if (k === sigmaLeaf) return undefined; // σ inside the mean: not linear-Gaussian
    used.push(k);
  }
  const p = used.length;
  const A = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) A[i * p + j] = coef[i * dim + used[j]];
  for (let i = 0; i < A.length; i++) if (!Number.isFinite(A[i])) return undefined;
  return new LinearGaussianKernel(A, Int32Array.from(used), y, sigma, sigmaLeaf);
}
