/**
 * A fit against a posterior's reference summaries, by the acceptance of issue #13:
 * full rank: every |Δmean| ≤ 0.15 reference sd and every sd ratio in [0.8, 1.25];
 * mean-field: every |Δmean| ≤ 0.25 reference sd and every unconstrained sd within
 * [0.8, 1.25] of the ideal mean-field sd; both: `converged` true.
 */
import { normalQuantile } from '../src/math/normal-functions';
import type { UnconstrainedGaussian } from '../src/vi/guide';
import type { LatentBlock } from '../src/model/differentiable-model';
import type { PosteriorFile } from './posterior-model';

/** The criteria of one guide kind. */
export interface Criteria {
  readonly maxMeanErrorSd: number;
  readonly sdRatio: readonly [number, number];
  /** `"marginal"`: constrained sd / reference sd; `"idealMeanField"`: unconstrained sd / ideal mean-field sd. */
  readonly sdAgainst: 'marginal' | 'idealMeanField';
}

/** Full rank: 0.15 sd, marginal sd ratios in [0.8, 1.25]. */
export const FULL_RANK: Criteria = { maxMeanErrorSd: 0.15, sdRatio: [0.8, 1.25], sdAgainst: 'marginal' };
/** Mean-field: 0.25 sd, unconstrained sd / ideal mean-field sd in [0.8, 1.25]. */
export const MEAN_FIELD: Criteria = { maxMeanErrorSd: 0.25, sdRatio: [0.8, 1.25], sdAgainst: 'idealMeanField' };

/** One fit's comparison. */
export interface Comparison {
  /** Largest |VI mean − ref mean| / ref sd over the parameters (constrained scale). */
  readonly worstMeanErrorSd: number;
  /** Its parameter. */
  readonly worstMeanParam: string;
  /** Smallest and largest sd ratio. */
  readonly sdRatioRange: readonly [number, number];
  /** True when every criterion holds (converged aside). */
  readonly passed: boolean;
}

/**
 * Constrained means and sds of q's marginals: exact for identity (Normal) and exp
 * (LogNormal) coordinates, from 20 000 quasi-random draws (Φ⁻¹ of a midpoint grid)
 * for other bijections.
 */
export function constrainedMoments(q: UnconstrainedGaussian, blocks: readonly LatentBlock[]): { mean: number[]; sd: number[] } {
  const d = q.mean.length;
  const mean: number[] = [];
  const sd: number[] = [];
  for (const b of blocks) {
    for (let k = 0; k < b.size; k++) {
      const j = b.offset + k;
      const m = q.mean[j];
      const s = Math.sqrt(q.covariance[j * d + j]);
      if (b.bijection.name === 'identity') {
        mean.push(m);
        sd.push(s);
      } else if (b.bijection.name === 'exp') {
        const e = Math.exp(m + 0.5 * s * s);
        mean.push(e);
        sd.push(e * Math.sqrt(Math.expm1(s * s)));
      } else {
        const n = 20_000;
        let s1 = 0;
        let s2 = 0;
        for (let i = 0; i < n; i++) {
          const z = b.bijection.forward(m + s * normalQuantile((i + 0.5) / n));
          s1 += z;
          s2 += z * z;
        }
        const mu = s1 / n;
        mean.push(mu);
        sd.push(Math.sqrt(Math.max(0, s2 / n - mu * mu)));
      }
    }
  }
  return { mean, sd };
}

/**
 * Compares q with the reference by `criteria`.
 *
 * @param q - the fitted Gaussian on u
 * @param blocks - the model's blocks (their bijections)
 * @param ref - the posterior file
 * @param criteria - full rank or mean-field
 */
export function compare(q: UnconstrainedGaussian, blocks: readonly LatentBlock[], ref: PosteriorFile, criteria: Criteria): Comparison {
  const names = ref.parameters.map((p) => p.name);
  const { mean, sd } = constrainedMoments(q, blocks);
  const d = q.mean.length;
  let worst = 0;
  let worstParam = '';
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < names.length; j++) {
    const r = ref.reference.summary[names[j]];
    const e = Math.abs(mean[j] - r.mean) / r.sd;
    if (e > worst) {
      worst = e;
      worstParam = names[j];
    }
    const ratio = criteria.sdAgainst === 'marginal' ? sd[j] / r.sd : Math.sqrt(q.covariance[j * d + j]) / ref.reference.unconstrained.idealMeanFieldSd[j];
    lo = Math.min(lo, ratio);
    hi = Math.max(hi, ratio);
  }
  const passed = worst <= criteria.maxMeanErrorSd && lo >= criteria.sdRatio[0] && hi <= criteria.sdRatio[1];
  return { worstMeanErrorSd: worst, worstMeanParam: worstParam, sdRatioRange: [lo, hi], passed };
}

