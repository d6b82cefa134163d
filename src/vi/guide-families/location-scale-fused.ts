/**
 * The fused estimators of a guide whose coordinates are all location–scale
 * (θ = (m_j, ω_j) at offsets 2j, 2j + 1, one N(0, 1) noise value per coordinate,
 * u = m + σε): one pass over the S noise rows does u, log q, the backprop and the
 * control-variate feature means, without a guide call per sample. They give the same
 * numbers, bit for bit, as the generic loops over `location-scale.ts`'s methods
 * would, and are what makes the default guide cheap (docs/performance.md).
 *
 * @module
 */
import { LN_SQRT_2PI } from '../../math/constants';
import type { DifferentiableModel } from '../../model/differentiable-model';
import type { Rng } from '../../random/rng';
import type { EstimatorWorkspace } from '../estimator-workspace';
import { modelGradientRows, modelValues } from '../model-rows';
import type { NoiseAwareGuide } from '../noise-aware-guide';
import type { RowScratch } from '../row-scratch';
import type { CrossControlVariate } from '../cross-control-variate';
import { CV_PER_COORD } from './coordinate-family';

/**
 * The fused members of an all-location–scale guide: `reparamFused` (the pathwise and
 * sticking-the-landing estimates, with the control-variate feature means) and
 * `sampleLogWeightsFused` (the log weights of n fresh draws).
 *
 * @example
 * ```ts
 * const fused: LocationScaleFused = locationScaleFused(2, Uint8Array.of(1, 0));
 * ```
 * @internal
 */
export type LocationScaleFused = Required<Pick<NoiseAwareGuide, 'reparamFused' | 'sampleLogWeightsFused'>>;

/**
 * The fused estimators for d location–scale coordinates; `isExpCoord[j]` = 1 where
 * coordinate j's latent uses the exp bijection (its control variates are the
 * moments of e^{σε}, see `logLocationScale`).
 *
 * @param d - the number of coordinates
 * @param isExpCoord - per coordinate, 1 for the exp bijection
 * @returns the fused members, sharing one scratch of σ_j and 1/σ_j
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1), m: new Normal(0, 1) }, likelihood: ({ z, m }) => new Normal(m, z), data: [1.3, 0.2] });
 * const isExpCoord = Uint8Array.from(model.blocks, (b) => (b.bijection.name === 'exp' ? 1 : 0)); // → Uint8Array [1, 0]: scalar latents, one coordinate each
 * const fused = locationScaleFused(model.dim, isExpCoord);
 * Object.keys(fused); // → ["reparamFused", "sampleLogWeightsFused"]: the members buildFamilyGuide assigns to an all-location–scale guide
 * ```
 * @internal
 */
export function locationScaleFused(d: number, isExpCoord: Uint8Array): LocationScaleFused {
  // Scratch of the fused estimators: σ_j, 1/σ_j and the
  // per-row feature sums, so one pass over the rows does u, log q, the backprop and
  // the control-variate features without a call per sample.
  const sig = new Float64Array(d);
  const isig = new Float64Array(d);

  /**
   * Means over the S rows of `noise` of the control-variate features of
   * location–scale coordinates (`locationScale.features`, `logLocationScale.features`), coordinate by coordinate.
   */
  function locScaleFeatureMeans(noise: Float64Array, w: Float64Array | null, S: number, out: Float64Array): void {
    const inv = 1 / S;
    // Importance-weighted rows: the weighted means (1/S) Σ w_s (h(ε_s) − E h).
    let W = S;
    if (w !== null) {
      W = 0;
      for (let s = 0; s < S; s++) W += w[s];
    }
    const Wm = W / S;
    for (let j = 0; j < d; j++) {
      let h0 = 0;
      let h1 = 0;
      let h2 = 0;
      let h3 = 0;
      const k = j * CV_PER_COORD;
      if (isExpCoord[j]) {
        const sj = sig[j];
        for (let s = 0, i = j; s < S; s++, i += d) {
          const wt = w === null ? 1 : w[s];
          const e = noise[i];
          const x = Math.exp(sj * e);
          h0 += wt * e;
          h1 += wt * (e * e);
          h2 += wt * x;
          h3 += wt * (x * x);
        }
        const v = sj * sj;
        out[k + 2] = h2 * inv - Math.exp(0.5 * v) * Wm;
        out[k + 3] = h3 * inv - Math.exp(2 * v) * Wm;
      } else {
        for (let s = 0, i = j; s < S; s++, i += d) {
          const wt = w === null ? 1 : w[s];
          const e = noise[i];
          const ee = e * e;
          h0 += wt * e;
          h1 += wt * ee;
          h2 += wt * (ee * e);
          h3 += wt * (ee * ee);
        }
        out[k + 2] = h2 * inv;
        out[k + 3] = h3 * inv - 3 * Wm;
      }
      out[k] = h0 * inv;
      out[k + 1] = h1 * inv - Wm;
    }
  }

  /**
   * {@link reparamLocScale} for one coordinate (the common tiny model), everything
   * in locals: the same arithmetic, operation for operation.
   */
  function reparamScalar(
    model: DifferentiableModel,
    params: Float64Array,
    ws: EstimatorWorkspace,
    grad: Float64Array,
    withScore: boolean,
    featureMeans: Float64Array | undefined,
  ): number {
    if (ws.weighted) return reparamLocScale(model, params, ws, grad, withScore, featureMeans, undefined);
    const S = ws.samples;
    const noise = ws.noiseData;
    const us = ws.uData;
    const fs = ws.f;
    const m = params[0];
    const w = params[1];
    const sg = Math.exp(w);
    const is = 1 / sg;
    const lqConst = -LN_SQRT_2PI - w;
    for (let s = 0; s < S; s++) us[s] = m + sg * noise[s];
    modelGradientRows(model, ws, S);
    const lps = ws.lp;
    const gLp = ws.gLpData;
    let sum = 0;
    let g0 = 0;
    let g1 = 0;
    for (let s = 0; s < S; s++) {
      const e = noise[s];
      const f = lps[s] - (lqConst - 0.5 * e * e);
      fs[s] = f;
      sum += f;
      const gl = gLp[s];
      if (withScore) {
        g0 += gl;
        g1 += gl * sg * e + 1;
      } else {
        const gu = gl + e * is;
        g0 += gu;
        g1 += gu * sg * e;
      }
    }
    const inv = 1 / S;
    grad[0] = g0 * inv;
    grad[1] = g1 * inv;
    if (featureMeans !== undefined) {
      sig[0] = sg;
      locScaleFeatureMeans(noise, null, S, featureMeans);
    }
    return sum * inv;
  }

  /**
   * The reparameterized estimate for guides whose coordinates are all location–scale
   * (θ = (m_j, ω_j) at offsets 2j, 2j + 1): u = m + σ ε, log q = −½|ε|² − Σω −
   * d log√(2π), ∇ᵤ log q = −ε/σ, backprop (∂u/∂m, ∂u/∂ω) = (1, σε); with the score
   * term −∂θ log q = (−ε/σ, 1 − ε²) at fixed u.
   */
  function reparamLocScale(
    model: DifferentiableModel,
    params: Float64Array,
    ws: EstimatorWorkspace,
    grad: Float64Array,
    withScore: boolean,
    featureMeans: Float64Array | undefined,
    crossCv: CrossControlVariate | undefined,
  ): number {
    const S = ws.samples;
    const noise = ws.noiseData;
    const us = ws.uData;
    const fs = ws.f;
    // Importance-weighted rows ("rqmc-tilted"): every per-row term times w_s.
    const wts = ws.weighted ? ws.weights : null;
    let lqConst = -d * LN_SQRT_2PI;
    for (let j = 0; j < d; j++) {
      const w = params[2 * j + 1];
      const sj = Math.exp(w);
      sig[j] = sj;
      isig[j] = 1 / sj;
      lqConst -= w;
      grad[2 * j] = 0;
      grad[2 * j + 1] = 0;
    }
    // u = m + σε for every row, then the model on all rows at once.
    for (let r = 0; r < S * d; r += d) for (let j = 0; j < d; j++) us[r + j] = params[2 * j] + sig[j] * noise[r + j];
    modelGradientRows(model, ws, S);
    const lps = ws.lp;
    const gLp = ws.gLpData;
    // Importance-weighted rows are left alone: the moments assume unweighted N(0, 1) rows.
    if (crossCv !== undefined && wts === null) crossCv.correctRows(noise, gLp, S);
    let sum = 0;
    for (let s = 0, r = 0; s < S; s++, r += d) {
      const wt = wts === null ? 1 : wts[s];
      let e2 = 0;
      for (let j = 0; j < d; j++) {
        const e = noise[r + j];
        e2 += e * e;
      }
      const f = lps[s] - (lqConst - 0.5 * e2);
      fs[s] = f;
      sum += wt * f;
      if (withScore) {
        // The backprop of ∇ᵤ(log p − log q) minus ∂θ log q: the ε/σ terms cancel.
        for (let j = 0; j < d; j++) {
          const gl = gLp[r + j];
          grad[2 * j] += wt * gl;
          grad[2 * j + 1] += wt * (gl * sig[j] * noise[r + j] + 1);
        }
      } else {
        for (let j = 0; j < d; j++) {
          const e = noise[r + j];
          const gu = gLp[r + j] + e * isig[j];
          grad[2 * j] += wt * gu;
          grad[2 * j + 1] += wt * (gu * sig[j] * e);
        }
      }
    }
    const inv = 1 / S;
    for (let i = 0; i < 2 * d; i++) grad[i] *= inv;
    if (featureMeans !== undefined) locScaleFeatureMeans(noise, wts, S, featureMeans);
    return sum * inv;
  }

  /**
   * Log weights f_i = log p̃(u_i) − log q(u_i) of n draws for location–scale
   * guides: ε_ij = rng.normal() in the order of `drawNoise`, u = m + σε,
   * log q = −½|ε|² − Σω − d log√(2π).
   */
  function sampleLogWeightsLocScale(
    model: DifferentiableModel,
    params: Float64Array,
    rng: Rng,
    n: number,
    out: Float64Array,
    rows: RowScratch,
  ): number {
    let lqConst = -d * LN_SQRT_2PI;
    for (let j = 0; j < d; j++) {
      const w = params[2 * j + 1];
      sig[j] = Math.exp(w);
      lqConst -= w;
    }
    // Noise in blocks of rows (fillNormal gives the numbers of successive normal() calls),
    // u = m + σε, then the model on the whole block.
    const { blockRows, blockNoise, blockU, blockLp } = rows;
    let sum = 0;
    for (let i0 = 0; i0 < n; i0 += blockRows) {
      const m = Math.min(blockRows, n - i0);
      const eps = m === blockRows ? blockNoise : blockNoise.subarray(0, m * d);
      rng.fillNormal(eps);
      for (let r = 0; r < m * d; r += d) for (let j = 0; j < d; j++) blockU[r + j] = params[2 * j] + sig[j] * eps[r + j];
      modelValues(model, blockU, m, blockLp, rows.u);
      for (let i = 0, r = 0; i < m; i++, r += d) {
        let e2 = 0;
        for (let j = 0; j < d; j++) e2 += eps[r + j] * eps[r + j];
        const f = blockLp[i] - (lqConst - 0.5 * e2);
        out[i0 + i] = f;
        sum += f;
      }
    }
    return sum / n;
  }

  return {
    reparamFused: d === 1 ? reparamScalar : reparamLocScale,
    sampleLogWeightsFused: sampleLogWeightsLocScale,
  };
}
