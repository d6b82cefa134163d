/**
 * The full-rank Gaussian guide on the unconstrained space: u = m + L ε,
 * ε ~ N(0, I_d), L lower-triangular with a positive diagonal L_ii = e^{ω_i}.
 * Captures posterior correlations that a mean-field guide cannot.
 *
 * Parameters θ = (m_1..m_d, then L row by row: L_i1..L_i,i−1, ω_i).
 * log q(u) = −½|ε|² − Σ ω_i − d log√(2π) with ε = L⁻¹(u − m); H[q] = Σ ω_i + d(½ + log√(2π)).
 *
 * @module
 */
import type { ContinuousDistribution } from '../distributions/distribution';
import { LN_SQRT_2PI } from '../math/constants';
import { normalQuantile } from '../math/normal-functions';
import { gaussianMarginal } from './gaussian-marginal';
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import { invalidOption } from './errors';
import { GUIDE_INIT_OPTION_KEYS, initialLocation, type GuideInitOptions } from './guide-init';
import { checkOptions } from './check-options';
import type { NoiseAwareGuide } from './noise-aware-guide';
import { checkBlocks, coordName, type GaussianGuideSpec, type Posterior } from './guide';

/**
 * Full-rank Gaussian guide N(m, L Lᵀ) on the unconstrained vector u (Cholesky
 * factor L with diagonal e^ω). The posterior holds each latent's marginal
 * (Normal, or LogNormal for a positive latent), and `fit` also returns the joint
 * `unconstrained: { mean, covariance }`.
 *
 * @param options - initialization ({@link GuideInitOptions}); L starts at initScale·I
 * @example
 * ```ts
 * import { Model, Normal, add } from 'varinf';
 * import { fit, fullRank } from 'varinf/vi';
 * // Data on a + b: a posteriori a and b are correlated, covariance [3, −2; −2, 3]/5.
 * const model = new Model({ prior: { a: new Normal(0, 1), b: new Normal(0, 1) }, likelihood: ({ a, b }) => new Normal(add(a, b), 1), data: [1.2, 0.8] });
 * const r = fit(model, { guide: fullRank(), seed: 1 });
 * r.unconstrained?.covariance; // ≈ Float64Array [0.6, -0.4, -0.4, 0.6]: d×d, row-major
 * ```
 */
export function fullRank(options: GuideInitOptions = {}): GaussianGuideSpec {
  if (options === null || typeof options !== 'object') invalidOption('fullRank', 'options', 'an object', options);
  checkOptions('fullRank', options, GUIDE_INIT_OPTION_KEYS);
  const initScale = options.initScale ?? 0.1;
  if (!(initScale > 0 && initScale < Infinity)) invalidOption('fullRank', 'initScale', '> 0 and finite', initScale);
  return {
    kind: 'fullRank',
    build: (model) => buildFullRank(model, initScale, options.initLoc),
  };
}

function buildFullRank(model: DifferentiableModel, initScale: number, initLoc: GuideInitOptions['initLoc']): NoiseAwareGuide {
  const blocks = checkBlocks(model);
  const d = model.dim;
  // Index of L_ij (j ≤ i) in θ: d + i(i+1)/2 + j; the diagonal entry holds ω_i.
  const rowStart = new Int32Array(d);
  for (let i = 0; i < d; i++) rowStart[i] = d + (i * (i + 1)) / 2;
  const numParams = d + (d * (d + 1)) / 2;
  const paramNames: string[] = [];
  const paramLatent: string[] = [];
  const coordLatent: string[] = [];
  const names: string[] = [];
  const init = new Float64Array(numParams);
  for (const b of blocks) {
    for (let k = 0; k < b.size; k++) {
      const j = b.offset + k;
      names.push(coordName(b, k));
      coordLatent.push(b.name);
      init[j] = initialLocation(model, b, k, initLoc);
    }
  }
  for (let i = 0; i < d; i++) {
    paramNames.push(`${names[i]}.mu`);
    paramLatent.push(coordLatent[i]);
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      paramNames.push(j === i ? `${names[i]}.logScale` : `L[${names[i]}, ${names[j]}]`);
      paramLatent.push(coordLatent[i]);
    }
    init[rowStart[i] + i] = Math.log(initScale);
  }
  const eps = new Float64Array(d);
  const a = new Float64Array(d);

  /** L_ij with the diagonal exponentiated. */
  const lij = (p: Float64Array, i: number, j: number): number =>
    i === j ? Math.exp(p[rowStart[i] + i]) : p[rowStart[i] + j];

  /** eps ← L⁻¹(u − m); returns −½|ε|² − Σω − d log√(2π). */
  function solve(p: Float64Array, u: Float64Array): number {
    let q = -d * LN_SQRT_2PI;
    for (let i = 0; i < d; i++) {
      let r = u[i] - p[i];
      const ri = rowStart[i];
      for (let j = 0; j < i; j++) r -= p[ri + j] * eps[j];
      const w = p[ri + i];
      eps[i] = r * Math.exp(-w);
      q += -0.5 * eps[i] * eps[i] - w;
    }
    return q;
  }

  /** a ← L⁻ᵀ eps (back substitution). */
  function backSolve(p: Float64Array): void {
    for (let i = d - 1; i >= 0; i--) {
      let r = eps[i];
      for (let k = i + 1; k < d; k++) r -= p[rowStart[k] + i] * a[k];
      a[i] = r * Math.exp(-p[rowStart[i] + i]);
    }
  }

  return {
    kind: 'fullRank',
    dim: d,
    numParams,
    paramNames,
    paramLatent,
    coordLatent,
    hasAnalyticEntropy: true,
    noiseDependsOnParams: false,
    standardNormalNoise: true,
    initialParams: () => init.slice(),
    drawNoise(_p, rng: Rng, e) {
      for (let i = 0; i < d; i++) e[i] = rng.normal();
    },
    noiseFromUniform(_p, uni, e) {
      for (let i = 0; i < d; i++) e[i] = normalQuantile(uni[i]);
    },
    forward(p, e, u) {
      for (let i = 0; i < d; i++) {
        const ri = rowStart[i];
        let s = p[i] + Math.exp(p[ri + i]) * e[i];
        for (let j = 0; j < i; j++) s += p[ri + j] * e[j];
        u[i] = s;
      }
    },
    logQ: (p, u) => solve(p, u),
    logQFromNoise(p, e) {
      let q = -d * LN_SQRT_2PI;
      for (let i = 0; i < d; i++) q += -0.5 * e[i] * e[i] - p[rowStart[i] + i];
      return q;
    },
    logQGradUFromNoise(p, e, out) {
      let q = -d * LN_SQRT_2PI;
      for (let i = 0; i < d; i++) {
        eps[i] = e[i];
        q += -0.5 * e[i] * e[i] - p[rowStart[i] + i];
      }
      backSolve(p);
      for (let i = 0; i < d; i++) out[i] = -a[i];
      return q;
    },
    logQGradU(p, u, out) {
      const q = solve(p, u);
      backSolve(p);
      for (let i = 0; i < d; i++) out[i] = -a[i];
      return q;
    },
    addScore(p, u, scale, g) {
      solve(p, u);
      backSolve(p);
      for (let i = 0; i < d; i++) {
        g[i] += scale * a[i];
        const ri = rowStart[i];
        for (let j = 0; j < i; j++) g[ri + j] += scale * a[i] * eps[j];
        g[ri + i] += scale * (a[i] * eps[i] * Math.exp(p[ri + i]) - 1);
      }
    },
    backprop(p, e, _u, gU, scale, g) {
      for (let i = 0; i < d; i++) {
        const gi = scale * gU[i];
        g[i] += gi;
        const ri = rowStart[i];
        for (let j = 0; j < i; j++) g[ri + j] += gi * e[j];
        g[ri + i] += gi * e[i] * Math.exp(p[ri + i]);
      }
    },
    entropy(p) {
      let h = d * (0.5 + LN_SQRT_2PI);
      for (let i = 0; i < d; i++) h += p[rowStart[i] + i];
      return h;
    },
    addEntropyGrad(_p, scale, g) {
      for (let i = 0; i < d; i++) g[rowStart[i] + i] += scale;
    },
    posterior(p) {
      const out: Posterior = {};
      for (const b of blocks) {
        const ds: ContinuousDistribution[] = [];
        for (let k = 0; k < b.size; k++) {
          const i = b.offset + k;
          let v = 0;
          for (let j = 0; j <= i; j++) v += lij(p, i, j) ** 2;
          const s = Math.sqrt(v);
          ds.push(gaussianMarginal(b, p[i], s));
        }
        out[b.name] = b.scalar ? ds[0] : ds;
      }
      return out;
    },
    gaussian(p) {
      const mean = p.slice(0, d);
      const cov = new Float64Array(d * d);
      for (let i = 0; i < d; i++) {
        for (let k = 0; k <= i; k++) {
          let s = 0;
          for (let j = 0; j <= k; j++) s += lij(p, i, j) * lij(p, k, j);
          cov[i * d + k] = s;
          cov[k * d + i] = s;
        }
      }
      return { mean, covariance: cov, names };
    },
  };
}
