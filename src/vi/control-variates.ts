/**
 * Control variates for the reparameterized ELBO gradient: features of the base
 * noise with known zero mean, subtracted with regression coefficients learnt from
 * earlier steps only, so the corrected gradient stays unbiased (see the guides'
 * `controlVariates` for the features of each family).
 *
 * @module
 * @internal
 */
import { allFinite } from './finite';
import type { EstimatorWorkspace } from './estimator-workspace';
import type { Guide } from './guide';

/** Steps between refreshes of the regression coefficients. */
const SOLVE_EVERY = 8;

/**
 * Control variates on the gradient (optimize phase): for every parameter p of
 * coordinate j, g_p ← g_p − c_pᵀ h̄_j, where h̄_j is the mean over the step's S
 * noise rows of the guide's zero-mean features of ε_j and c_p the regression
 * coefficient of g_p on h̄_j, from exponentially weighted moments of *earlier*
 * steps only, so the corrected gradient stays unbiased.
 */
export class ControlVariateState {
  readonly K: number;
  readonly h: Float64Array;
  readonly row: Float64Array;
  readonly shh: Float64Array;
  readonly shg: Float64Array;
  readonly coef: Float64Array;
  readonly a: Float64Array;
  readonly scale: Float64Array;
  readonly y: Float64Array;
  readonly diagInv: Float64Array;
  readonly coordStart: Int32Array;
  readonly coordParams: Int32Array;
  weight = 0;
  /** Steps since the coefficients were last solved for. */
  private sinceSolve = 0;
  constructor(
    readonly guide: Guide,
    readonly cv: NonNullable<Guide['controlVariates']>,
    readonly decay: number,
  ) {
    const d = guide.dim;
    this.K = cv.perCoord;
    this.h = new Float64Array(d * this.K);
    this.row = new Float64Array(d * this.K);
    this.shh = new Float64Array(d * this.K * this.K);
    this.shg = new Float64Array(guide.numParams * this.K);
    this.coef = new Float64Array(guide.numParams * this.K);
    this.a = new Float64Array(this.K * this.K);
    this.y = new Float64Array(this.K);
    this.diagInv = new Float64Array(this.K);
    this.scale = new Float64Array(this.K);
    // The parameters of each coordinate, grouped: coordParams[coordStart[j] .. coordStart[j + 1]).
    const P = guide.numParams;
    this.coordStart = new Int32Array(d + 1);
    for (let p = 0; p < P; p++) this.coordStart[cv.paramCoord[p] + 1]++;
    for (let j = 0; j < d; j++) this.coordStart[j + 1] += this.coordStart[j];
    this.coordParams = new Int32Array(P);
    const fillAt = this.coordStart.slice(0, d);
    for (let p = 0; p < P; p++) this.coordParams[fillAt[cv.paramCoord[p]]++] = p;
  }

  /** Corrects `grad` in place (after `minWeight` steps of history), then learns from the raw gradient. */
  apply(params: Float64Array, ws: EstimatorWorkspace, grad: Float64Array): void {
    const { h, row, cv } = this;
    h.fill(0);
    for (let s = 0; s < ws.samples; s++) {
      cv.features(params, ws.noise[s], row);
      for (let i = 0; i < h.length; i++) h[i] += row[i];
    }
    for (let i = 0; i < h.length; i++) h[i] /= ws.samples;
    this.applyMeans(grad);
  }

  /**
   * As {@link apply}, with the step's feature means already in `h` (written by a
   * fused estimator, see `NoiseAwareGuide.reparamFused`).
   */
  applyMeans(grad: Float64Array): void {
    const { K, h, shh, shg, coef, cv } = this;
    const d = this.guide.dim;
    const P = this.guide.numParams;
    if (!allFinite(h)) return;
    const ready = this.weight >= 30;
    // The coefficients move on the 1/(1 − decay) time scale of the moments (≈ 200
    // steps): refreshing them every few steps costs nothing in variance and keeps the
    // K×K solves off the per-step cost. They still come from earlier steps only.
    if (ready && this.sinceSolve++ % SOLVE_EVERY === 0) {
      for (let j = 0; j < d; j++) this.solve(j);
    }
    // Learn from the raw gradient of this step (for the next steps); Shh_j is
    // symmetric, only its lower triangle is kept.
    const r = this.decay;
    this.weight = this.weight * r + 1;
    for (let j = 0; j < d; j++) {
      const o = j * K * K;
      const hj = j * K;
      for (let k = 0; k < K; k++) {
        const hk = h[hj + k];
        for (let l = 0; l <= k; l++) shh[o + k * K + l] = r * shh[o + k * K + l] + hk * h[hj + l];
      }
    }
    for (let p = 0; p < P; p++) {
      const hj = cv.paramCoord[p] * K;
      const gp = grad[p];
      let c = 0;
      for (let k = 0; k < K; k++) {
        const hk = h[hj + k];
        shg[p * K + k] = r * shg[p * K + k] + hk * gp;
        c += coef[p * K + k] * hk;
      }
      if (ready) grad[p] = gp - c;
    }
  }

  /**
   * coef_p ← (Shh_j + ridge)⁻¹ Shg_p for every parameter p of coordinate j: one
   * Cholesky factorization of Shh_j (on the correlation scale, where the features'
   * magnitudes no longer matter, with a ridge of 1e-9 that keeps it positive
   * definite), then a pair of triangular solves per parameter. A failed
   * factorization (non-finite moments) zeroes the coefficients.
   */
  private solve(j: number): void {
    const { K, shh, shg, coef, a, y } = this;
    const o = j * K * K;
    // D holds 1/√Shh_kk (1 for a feature that was always 0); dInv below 1/L_kk.
    const D = this.scale;
    const dInv = this.diagInv;
    for (let k = 0; k < K; k++) {
      const v = shh[o + k * K + k];
      D[k] = v > 0 ? 1 / Math.sqrt(v) : 1;
    }
    // a ← L with L Lᵀ = Shh_j / (D Dᵀ) + 1e-9 I (lower triangle, row-major K×K).
    let ok = true;
    for (let i = 0; i < K && ok; i++) {
      for (let l = 0; l <= i; l++) {
        let v = shh[o + i * K + l] * D[i] * D[l];
        for (let m = 0; m < l; m++) v -= a[i * K + m] * a[l * K + m];
        if (l === i) {
          v += 1e-9;
          if (!(v > 0 && v < Infinity)) {
            ok = false;
            break;
          }
          const lii = Math.sqrt(v);
          a[i * K + i] = lii;
          dInv[i] = 1 / lii;
        } else {
          a[i * K + l] = v * dInv[l];
        }
      }
    }
    const ps = this.coordParams;
    for (let n = this.coordStart[j]; n < this.coordStart[j + 1]; n++) {
      const p = ps[n];
      if (!ok) {
        for (let k = 0; k < K; k++) coef[p * K + k] = 0;
        continue;
      }
      for (let k = 0; k < K; k++) {
        let v = shg[p * K + k] * D[k];
        for (let m = 0; m < k; m++) v -= a[k * K + m] * y[m];
        y[k] = v * dInv[k];
      }
      for (let k = K - 1; k >= 0; k--) {
        let v = y[k];
        for (let m = k + 1; m < K; m++) v -= a[m * K + k] * y[m];
        y[k] = v * dInv[k];
      }
      for (let k = 0; k < K; k++) {
        const v = y[k] * D[k];
        coef[p * K + k] = Number.isFinite(v) ? v : 0;
      }
    }
  }
}
