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
import type { EstimatorWorkspace } from './estimators';
import type { Guide } from './guide';

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
  weight = 0;
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
    this.a = new Float64Array(this.K * (this.K + 1));
    this.scale = new Float64Array(this.K);
  }

  /** Corrects `grad` in place (after `minWeight` steps of history), then learns from the raw gradient. */
  apply(params: Float64Array, ws: EstimatorWorkspace, grad: Float64Array): void {
    const { K, h, row, shh, shg, coef, cv } = this;
    const d = this.guide.dim;
    const P = this.guide.numParams;
    h.fill(0);
    for (let s = 0; s < ws.samples; s++) {
      cv.features(params, ws.noise[s], row);
      for (let i = 0; i < h.length; i++) h[i] += row[i];
    }
    for (let i = 0; i < h.length; i++) h[i] /= ws.samples;
    if (!allFinite(h)) return;
    const ready = this.weight >= 30;
    if (ready) {
      for (let j = 0; j < d; j++) this.solve(j);
    }
    // Learn from the raw gradient of this step (for the next steps).
    const r = this.decay;
    this.weight = this.weight * r + 1;
    for (let j = 0; j < d; j++) {
      const o = j * K * K;
      for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) shh[o + k * K + l] = r * shh[o + k * K + l] + h[j * K + k] * h[j * K + l];
    }
    for (let p = 0; p < P; p++) {
      const j = cv.paramCoord[p];
      for (let k = 0; k < K; k++) shg[p * K + k] = r * shg[p * K + k] + h[j * K + k] * grad[p];
    }
    if (ready) {
      for (let p = 0; p < P; p++) {
        const j = cv.paramCoord[p];
        let c = 0;
        for (let k = 0; k < K; k++) c += coef[p * K + k] * h[j * K + k];
        grad[p] -= c;
      }
    }
  }

  /** coef_p ← (Shh_j + ridge)⁻¹ Shg_p for the parameters p of coordinate j (Gaussian elimination). */
  private solve(j: number): void {
    const { K, shh, shg, coef, cv, a } = this;
    const P = this.guide.numParams;
    const o = j * K * K;
    for (let p = 0; p < P; p++) {
      if (cv.paramCoord[p] !== j) continue;
      const W = K + 1;
      // Solve on the correlation scale (features differ by orders of magnitude), with a small ridge.
      const D = this.scale;
      for (let k = 0; k < K; k++) D[k] = Math.sqrt(shh[o + k * K + k]) || 1;
      for (let k = 0; k < K; k++) {
        for (let l = 0; l < K; l++) a[k * W + l] = shh[o + k * K + l] / (D[k] * D[l]);
        a[k * W + k] += 1e-9;
        a[k * W + K] = shg[p * K + k] / D[k];
      }
      let ok = true;
      for (let i = 0; i < K && ok; i++) {
        let piv = i;
        for (let r2 = i + 1; r2 < K; r2++) if (Math.abs(a[r2 * W + i]) > Math.abs(a[piv * W + i])) piv = r2;
        if (piv !== i) for (let c = 0; c < W; c++) [a[i * W + c], a[piv * W + c]] = [a[piv * W + c], a[i * W + c]];
        const dv = a[i * W + i];
        if (!(Math.abs(dv) > 0)) ok = false;
        for (let r2 = 0; r2 < K && ok; r2++) {
          if (r2 === i) continue;
          const f = a[r2 * W + i] / dv;
          if (f !== 0) for (let c = i; c < W; c++) a[r2 * W + c] -= f * a[i * W + c];
        }
      }
      for (let k = 0; k < K; k++) {
        const v = ok ? a[k * W + K] / a[k * W + k] / D[k] : 0;
        coef[p * K + k] = Number.isFinite(v) ? v : 0;
      }
    }
  }
}
