/**
 * Per-latent (mean-field) guides: every coordinate of u has its own family and
 * parameters. `meanField()` (Normal on each u, as ADVI) and per-latent families
 * `{ z: LogNormal }`, `{ z: Gamma }`, `{ z: Exponential }`, `{ w: Normal }` are the
 * same machinery with different element kinds:
 *
 * | kind | parameters θ | u = g(θ, ε) | log q_u(u) |
 * | --- | --- | --- | --- |
 * | location–scale (Normal on u; LogNormal on z = e^u) | m, ω = log σ | m + e^ω ε, ε ~ N(0, 1) | −½ε² − ω − log√(2π) |
 * | Exponential(λ) on z = e^u | ℓ = log λ | log ε − ℓ, ε ~ Exp(1) (inverse CDF: ε = −log U) | ℓ + u − λe^u |
 * | Gamma(α, β) on z = e^u | a = log α, m = log(α/β) (log mean) | log ε − a + m, ε ~ Gamma(α, 1), implicit dε/dα | α log β − log Γ(α) + αu − βe^u, log β = a − m |
 *
 * The Gamma guide is parameterized by its log shape and log *mean* rather than
 * (log α, log β): the ELBO pins the mean down far better than the shape, and in
 * (log α, log β) that ridge runs along the diagonal, where Adam's per-coordinate
 * step sizes make slow, noisy progress; in (log α, log mean) it is axis-aligned.
 * The fitted posterior is still a `Gamma(α, β)`.
 *
 * @module
 */
import type { ContinuousDistribution } from '../distributions/distribution';
import { Exponential } from '../distributions/exponential';
import { Gamma } from '../distributions/gamma';
import { LogitNormal } from '../distributions/logit-normal';
import { LogNormal } from '../distributions/lognormal';
import { Normal } from '../distributions/normal';
import { LN_SQRT_2PI, EULER_GAMMA } from '../math/constants';
import { digamma, lgamma, trigamma } from '../math/gamma-functions';
import type { DifferentiableModel, LatentBlock } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import { gammaPInv, gammaSampleDerivA } from '../math/incomplete-gamma';
import { normalQuantile } from '../math/normal-functions';
import { gaussianMarginal } from './gaussian-marginal';
import {
  checkBlocks,
  coordName,
  type FamiliesSpec,
  type FamilyClass,
  type GaussianGuideSpec,
  type Guide,
  type GuideControlVariates,
  type Posterior,
  type UnconstrainedGaussian,
} from './guide';
import { invalidOption } from './errors';
import { checkInit, initialLocation, type GuideInitOptions, type InitOpts } from './guide-init';
import { modelGradientRows, modelValues, type EstimatorWorkspace, type NoiseAwareGuide, type RowScratch } from './estimators';

const LOCSCALE = 0;
const EXPO = 1;
const GAMMA = 2;
/** Control-variate features per coordinate. */
const CV_PER_COORD = 4;

/**
 * The default guide, as ADVI: a Normal on every coordinate of the unconstrained
 * vector u, independent across coordinates. Parameters per coordinate: m and
 * ω = log σ (σ = e^ω keeps the scale positive). The fitted posterior is
 * Normal(m, σ) for a real latent and the LogNormal(m, σ) it implies for a
 * positive latent z = e^u.
 *
 * @param options - initialization ({@link GuideInitOptions})
 * @example
 * ```ts
 * import { fit, meanField } from 'varinf/vi';
 * const r = fit(model, { guide: meanField(), seed: 1 });
 * r.posterior.z; // LogNormal(-0.320, 0.664) on the seed model
 * ```
 */
export function meanField(options: GuideInitOptions = {}): GaussianGuideSpec {
  const opts = checkInit('meanField', options);
  return {
    kind: 'meanField',
    build: (model) => buildFamilyGuide(model, 'meanField', () => LOCSCALE, opts),
  };
}

/**
 * A guide with one family per latent, given by its class: `LogNormal`, `Gamma` or
 * `Exponential` for a positive latent, `Normal` for a real one, `LogitNormal` for
 * an interval one (Beta, Uniform priors), applied to every element of a plate. The
 * record may be partial: a latent it leaves out gets the default of
 * {@link meanField} (a Normal on its unconstrained coordinate: Normal, LogNormal or
 * LogitNormal on its own space). A family whose support does not fit the latent's,
 * or a name that is not a latent, throws a `TypeError` that says so (and, for a
 * typed `Model`, does not compile).
 *
 * `fit(model, { guide: { z: Gamma } })` is shorthand for `families({ z: Gamma })`.
 *
 * @param record - latent name → family class, for some or all latents
 * @param options - initialization ({@link GuideInitOptions})
 * @example
 * ```ts
 * import { Exponential, Gamma, Model, Normal } from 'varinf';
 * import { fit, families } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1), m: new Normal(0, 1) }, likelihood: ({ z, m }) => new Normal(m, z), data: [1.3, 0.2] });
 * const r = fit(model, { guide: families({ z: Gamma }), seed: 1 });
 * r.posterior.z; // a Gamma; r.posterior.m: the default Normal
 * ```
 */
export function families<const R extends Readonly<Record<string, FamilyClass>>>(record: R, options: GuideInitOptions = {}): FamiliesSpec<R> {
  if (record === null || typeof record !== 'object') invalidOption('families', 'record', 'a record of latent name → family', record);
  const opts = checkInit('families', options);
  return {
    kind: 'family',
    families: record,
    build(model) {
      const names = new Set(model.blocks.map((b) => b.name));
      for (const k of Object.keys(record)) {
        if (!names.has(k)) {
          throw new TypeError(`guide: latent "${k}" is not in the model (its latents are ${[...names].map((n) => `"${n}"`).join(', ')})`);
        }
      }
      return buildFamilyGuide(model, 'family', (block) => familyKind(block, record[block.name]), opts);
    },
  };
}

function familyName(f: unknown): string {
  if (f === Normal) return 'Normal';
  if (f === LogNormal) return 'LogNormal';
  if (f === Gamma) return 'Gamma';
  if (f === Exponential) return 'Exponential';
  if (f === LogitNormal) return 'LogitNormal';
  return typeof f === 'function' && typeof f.name === 'string' ? f.name : String(f);
}

function familyKind(block: LatentBlock, f: FamilyClass | undefined): number {
  // A latent the record leaves out gets the default: a Normal on its unconstrained
  // coordinate, as meanField() (Normal, LogNormal or LogitNormal on its own space).
  if (f === undefined) return LOCSCALE;
  const positive = block.support.kind === 'positive' || block.support.kind === 'nonNegative';
  const fits = block.support.kind === 'real' ? 'use Normal' : positive ? 'use LogNormal, Gamma or Exponential' : 'use LogitNormal';
  if (f === Normal) {
    if (block.support.kind !== 'real') {
      throw new TypeError(`guide: family Normal (support real) does not fit latent "${block.name}" (support ${block.support.kind}); ${fits}`);
    }
    return LOCSCALE;
  }
  if (f === LogitNormal) {
    if (block.support.kind !== 'interval') {
      throw new TypeError(`guide: family LogitNormal (support an interval) does not fit latent "${block.name}" (support ${block.support.kind}); ${fits}`);
    }
    return LOCSCALE;
  }
  if (f === LogNormal || f === Gamma || f === Exponential) {
    if (!positive) {
      throw new TypeError(`guide: family ${familyName(f)} (support positive) does not fit latent "${block.name}" (support ${block.support.kind}); ${fits}`);
    }
    if (block.bijection.name !== 'exp') {
      throw new TypeError(`guide: family ${familyName(f)} needs latent "${block.name}" to use the exp bijection, got ${block.bijection.name}`);
    }
    return f === LogNormal ? LOCSCALE : f === Gamma ? GAMMA : EXPO;
  }
  throw new TypeError(`guide: ${familyName(f)} for latent "${block.name}" is not a guide family; use Normal, LogNormal, Gamma, Exponential or LogitNormal`);
}

function buildFamilyGuide(
  model: DifferentiableModel,
  kind: string,
  kindOf: (block: LatentBlock) => number,
  init: InitOpts,
): Guide {
  const blocks = checkBlocks(model);
  const d = model.dim;
  const kinds = new Int8Array(d);
  const pOff = new Int32Array(d);
  const paramCoord: number[] = [];
  const isExpCoord = new Uint8Array(d);
  const coordBlock: LatentBlock[] = [];
  const paramNames: string[] = [];
  const paramLatent: string[] = [];
  const coordLatent: string[] = [];
  const init0: number[] = [];
  for (const block of blocks) {
    const kd = kindOf(block);
    for (let k = 0; k < block.size; k++) {
      const j = block.offset + k;
      const name = coordName(block, k);
      kinds[j] = kd;
      pOff[j] = paramNames.length;
      isExpCoord[j] = block.bijection.name === 'exp' ? 1 : 0;
      coordBlock.push(block);
      coordLatent.push(block.name);
      const m = initialLocation(model, block, k, init.initLoc);
      const s = init.initScale;
      if (kd === LOCSCALE) {
        paramNames.push(`${name}.mu`, `${name}.logSigma`);
        init0.push(m, Math.log(s));
      } else if (kd === EXPO) {
        paramNames.push(`${name}.logRate`);
        init0.push(-m - EULER_GAMMA);
      } else {
        const a = 1 / (s * s);
        paramNames.push(`${name}.logShape`, `${name}.logMean`);
        init0.push(Math.log(a), m);
      }
      while (paramLatent.length < paramNames.length) paramLatent.push(block.name);
      while (paramCoord.length < paramNames.length) paramCoord.push(j);
    }
  }
  const numParams = paramNames.length;
  let allLocScale = true;
  let anyGamma = false;
  for (let j = 0; j < d; j++) {
    if (kinds[j] !== LOCSCALE) allLocScale = false;
    if (kinds[j] === GAMMA) anyGamma = true;
  }

  // Control variates of the base noise, K = 4 per coordinate, each with mean exactly 0
  // under the base law at θ (polynomial and log moments; for a LogNormal, moments of z).
  const controlVariates: GuideControlVariates = {
    perCoord: CV_PER_COORD,
    paramCoord: Int32Array.from(paramCoord),
    features(params, eps, out) {
      for (let j = 0; j < d; j++) {
        const e = eps[j];
        const k = j * CV_PER_COORD;
        const kd = kinds[j];
        if (kd === LOCSCALE) {
          const e2 = e * e;
          out[k] = e;
          out[k + 1] = e2 - 1;
          if (isExpCoord[j]) {
            // z/e^m = e^{σε}: E = e^{σ²/2}, E[e^{2σε}] = e^{2σ²}
            const sg = Math.exp(params[pOff[j] + 1]);
            const v = sg * sg;
            const x = Math.exp(sg * e);
            out[k + 2] = x - Math.exp(0.5 * v);
            out[k + 3] = x * x - Math.exp(2 * v);
          } else {
            out[k + 2] = e2 * e;
            out[k + 3] = e2 * e2 - 3;
          }
        } else if (kd === EXPO) {
          out[k] = e - 1;
          out[k + 1] = e * e - 2;
          out[k + 2] = e * e * e - 6;
          out[k + 3] = Math.log(e) + EULER_GAMMA;
        } else {
          const a = Math.exp(params[pOff[j]]);
          out[k] = e - a;
          out[k + 1] = e * e - a * (a + 1);
          out[k + 2] = e * e * e - a * (a + 1) * (a + 2);
          out[k + 3] = Math.log(e) - digamma(a);
        }
      }
    },
  };

  // Scratch of the fused estimator (location–scale guides): σ_j, 1/σ_j and the
  // per-row feature sums, so one pass over the rows does u, log q, the backprop and
  // the control-variate features without a call per sample.
  const sig = new Float64Array(d);
  const isig = new Float64Array(d);

  /**
   * Means over the S rows of `noise` of the control-variate features of
   * location–scale coordinates (the `features` below), coordinate by coordinate.
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
    if (ws.weighted) return reparamLocScale(model, params, ws, grad, withScore, featureMeans);
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

  const guide: NoiseAwareGuide = {
    kind,
    dim: d,
    numParams,
    paramNames,
    paramLatent,
    coordLatent,
    hasAnalyticEntropy: true,
    noiseDependsOnParams: anyGamma,
    standardNormalNoise: allLocScale,
    initialParams: () => Float64Array.from(init0),

    drawNoise(params, rng: Rng, eps) {
      if (allLocScale) {
        for (let j = 0; j < d; j++) eps[j] = rng.normal();
        return;
      }
      for (let j = 0; j < d; j++) {
        const kd = kinds[j];
        if (kd === LOCSCALE) eps[j] = rng.normal();
        else if (kd === EXPO) eps[j] = rng.exponential();
        else eps[j] = Math.max(rng.gamma(Math.exp(params[pOff[j]])), Number.MIN_VALUE);
      }
    },

    noiseFromUniform(params, uni, eps) {
      for (let j = 0; j < d; j++) {
        const kd = kinds[j];
        const p = uni[j];
        if (kd === LOCSCALE) eps[j] = normalQuantile(p);
        else if (kd === EXPO) eps[j] = -Math.log1p(-p);
        else eps[j] = Math.max(gammaPInv(Math.exp(params[pOff[j]]), p), Number.MIN_VALUE);
      }
    },

    forward(params, eps, u) {
      for (let j = 0; j < d; j++) {
        const o = pOff[j];
        const kd = kinds[j];
        if (kd === LOCSCALE) u[j] = params[o] + Math.exp(params[o + 1]) * eps[j];
        else if (kd === EXPO) u[j] = Math.log(eps[j]) - params[o];
        else u[j] = Math.log(eps[j]) - params[o] + params[o + 1];
      }
    },

    logQ(params, u) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const o = pOff[j];
        const kd = kinds[j];
        if (kd === LOCSCALE) {
          const w = params[o + 1];
          const e = (u[j] - params[o]) * Math.exp(-w);
          s += -0.5 * e * e - w - LN_SQRT_2PI;
        } else if (kd === EXPO) {
          const l = params[o];
          s += l + u[j] - Math.exp(l + u[j]);
        } else {
          const a = Math.exp(params[o]);
          const b = params[o] - params[o + 1];
          s += a * b - lgamma(a) + a * u[j] - Math.exp(b + u[j]);
        }
      }
      return s;
    },

    logQGradU(params, u, out) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const o = pOff[j];
        const kd = kinds[j];
        if (kd === LOCSCALE) {
          const w = params[o + 1];
          const is = Math.exp(-w);
          const e = (u[j] - params[o]) * is;
          out[j] = -e * is;
          s += -0.5 * e * e - w - LN_SQRT_2PI;
        } else if (kd === EXPO) {
          const l = params[o];
          const lz = Math.exp(l + u[j]);
          out[j] = 1 - lz;
          s += l + u[j] - lz;
        } else {
          const a = Math.exp(params[o]);
          const b = params[o] - params[o + 1];
          const bz = Math.exp(b + u[j]);
          out[j] = a - bz;
          s += a * b - lgamma(a) + a * u[j] - bz;
        }
      }
      return s;
    },

    addScore(params, u, scale, g) {
      for (let j = 0; j < d; j++) {
        const o = pOff[j];
        const kd = kinds[j];
        if (kd === LOCSCALE) {
          const is = Math.exp(-params[o + 1]);
          const e = (u[j] - params[o]) * is;
          g[o] += scale * e * is;
          g[o + 1] += scale * (e * e - 1);
        } else if (kd === EXPO) {
          g[o] += scale * (1 - Math.exp(params[o] + u[j]));
        } else {
          // log q = α b − log Γ(α) + α u − e^{b+u} with α = e^a, b = a − m.
          const a = Math.exp(params[o]);
          const b = params[o] - params[o + 1];
          const bz = Math.exp(b + u[j]);
          g[o] += scale * (a * (b + u[j] - digamma(a) + 1) - bz);
          g[o + 1] += scale * (bz - a);
        }
      }
    },

    backprop(params, eps, _u, gU, scale, g) {
      for (let j = 0; j < d; j++) {
        const o = pOff[j];
        const kd = kinds[j];
        const gj = scale * gU[j];
        if (kd === LOCSCALE) {
          g[o] += gj;
          g[o + 1] += gj * Math.exp(params[o + 1]) * eps[j];
        } else if (kd === EXPO) {
          g[o] -= gj;
        } else {
          // u = log ε − a + m; du/da = α (dε/dα)/ε − 1 with dε/dα by implicit
          // reparameterization; du/dm = 1.
          const a = Math.exp(params[o]);
          const e = eps[j];
          g[o] += gj * ((a * gammaSampleDerivA(a, e)) / e - 1);
          g[o + 1] += gj;
        }
      }
    },

    entropy(params) {
      let h = 0;
      for (let j = 0; j < d; j++) {
        const o = pOff[j];
        const kd = kinds[j];
        if (kd === LOCSCALE) h += 0.5 + LN_SQRT_2PI + params[o + 1];
        else if (kd === EXPO) h += 1 + EULER_GAMMA;
        else {
          const a = Math.exp(params[o]);
          h += a + lgamma(a) - a * digamma(a);
        }
      }
      return h;
    },

    addEntropyGrad(params, scale, g) {
      for (let j = 0; j < d; j++) {
        const o = pOff[j];
        const kd = kinds[j];
        if (kd === LOCSCALE) g[o + 1] += scale;
        else if (kd === GAMMA) {
          const a = Math.exp(params[o]);
          g[o] += scale * a * (1 - a * trigamma(a));
        }
      }
    },

    controlVariates,

    naturalParams(params, out) {
      for (let j = 0; j < d; j++) {
        const o = pOff[j];
        const kd = kinds[j];
        if (kd === LOCSCALE) {
          out[o] = params[o];
          out[o + 1] = Math.exp(params[o + 1]);
        } else if (kd === EXPO) out[o] = Math.exp(params[o]);
        else {
          out[o] = Math.exp(params[o]);
          out[o + 1] = Math.exp(params[o] - params[o + 1]);
        }
      }
    },

    posterior(params) {
      const out: Posterior = {};
      for (const block of blocks) {
        const ds: ContinuousDistribution[] = [];
        for (let k = 0; k < block.size; k++) ds.push(elementDistribution(params, block.offset + k));
        out[block.name] = block.scalar ? ds[0] : ds;
      }
      return out;
    },

    gaussian(params): UnconstrainedGaussian | undefined {
      if (!allLocScale) return undefined;
      const mean = new Float64Array(d);
      const cov = new Float64Array(d * d);
      const names: string[] = [];
      for (const block of blocks) for (let k = 0; k < block.size; k++) names.push(coordName(block, k));
      for (let j = 0; j < d; j++) {
        mean[j] = params[pOff[j]];
        const s = Math.exp(params[pOff[j] + 1]);
        cov[j * d + j] = s * s;
      }
      return { mean, covariance: cov, names };
    },
  };

  function elementDistribution(params: Float64Array, j: number): ContinuousDistribution {
    const o = pOff[j];
    const kd = kinds[j];
    if (kd === LOCSCALE) {
      const s = Math.exp(params[o + 1]);
      return gaussianMarginal(coordBlock[j], params[o], s);
    }
    if (kd === EXPO) return new Exponential(Math.exp(params[o]));
    return new Gamma(Math.exp(params[o]), Math.exp(params[o] - params[o + 1]));
  }

  if (allLocScale) {
    guide.reparamFused = d === 1 ? reparamScalar : reparamLocScale;
    guide.sampleLogWeightsFused = sampleLogWeightsLocScale;
  }
  return guide;
}

/**
 * Writes the unconstrained parameters of a per-latent guide that reproduce the
 * given distributions (the inverse of `posterior`): LogNormal/Normal(μ, σ) → (μ, log σ),
 * Exponential(λ) → log λ, Gamma(α, β) → (log α, log(α/β)).
 *
 * @example
 * ```ts
 * paramsFromDistributions(guide, { z: new LogNormal(0, 0.5) }); // Float64Array [0, log 0.5]
 * ```
 */
export function paramsFromDistributions(model: DifferentiableModel, q: Readonly<Record<string, unknown>>): Float64Array {
  const out: number[] = [];
  for (const block of model.blocks) {
    const v = q[block.name];
    for (let k = 0; k < block.size; k++) {
      const dist = Array.isArray(v) ? v[k] : v;
      if (dist instanceof Normal || dist instanceof LogNormal) out.push(dist.mu, Math.log(dist.sigma));
      else if (dist instanceof LogitNormal) {
        if (block.support.kind !== 'interval' || dist.low !== block.support.lower || dist.high !== block.support.upper) {
          throw new TypeError(`q: latent "${coordName(block, k)}" has support ${block.support.kind === 'interval' ? `(${block.support.lower}, ${block.support.upper})` : block.support.kind}, got ${String(dist)}`);
        }
        out.push(dist.mu, Math.log(dist.sigma));
      }
      else if (dist instanceof Exponential) out.push(Math.log(dist.rate));
      else if (dist instanceof Gamma) out.push(Math.log(dist.shape), Math.log(dist.shape) - Math.log(dist.rate));
      else throw new TypeError(`q: latent "${coordName(block, k)}" needs a Normal, LogNormal, Gamma, Exponential or LogitNormal, got ${describe(dist)}`);
    }
  }
  return Float64Array.from(out);
}

/** The family class of each latent of q (first element for a plate). */
export function familiesOf(model: DifferentiableModel, q: Readonly<Record<string, unknown>>): Record<string, FamilyClass> {
  const rec: Record<string, FamilyClass> = {};
  for (const name of Object.keys(q)) {
    if (!model.blocks.some((b) => b.name === name)) {
      throw new TypeError(`q: latent "${name}" is not in the model (its latents are ${model.blocks.map((b) => `"${b.name}"`).join(', ')})`);
    }
  }
  for (const block of model.blocks) {
    const v = q[block.name];
    if (v === undefined) throw new TypeError(`q: no distribution for latent "${block.name}"`);
    if (Array.isArray(v) && v.length !== block.size) {
      throw new TypeError(`q: latent "${block.name}" is a plate of ${block.size}, got ${v.length} distributions`);
    }
    const first = Array.isArray(v) ? v[0] : v;
    const cls = first instanceof Normal ? Normal : first instanceof LogNormal ? LogNormal : first instanceof Gamma ? Gamma : first instanceof Exponential ? Exponential : first instanceof LogitNormal ? LogitNormal : undefined;
    if (cls === undefined) throw new TypeError(`q: latent "${block.name}" needs a Normal, LogNormal, Gamma, Exponential or LogitNormal, got ${describe(first)}`);
    if (Array.isArray(v)) {
      for (const e of v) if (!(e instanceof cls)) throw new TypeError(`q: the elements of plate "${block.name}" must share one family`);
    }
    rec[block.name] = cls;
  }
  return rec;
}

function describe(x: unknown): string {
  if (x !== null && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') return (x as { name: string }).name;
  return String(x);
}
