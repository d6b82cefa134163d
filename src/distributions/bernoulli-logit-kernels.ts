/**
 * The fast paths of `BernoulliLogit`, behind its optional kernel interface
 * (`BernoulliLogit.sumKernel`, `BernoulliLogit.pointKernel`): the O(1) rows from the
 * statistics [n, Σk], and the point kernel of a replayed logistic regression, which
 * takes one exponential and one log1p per point where `logPdfPartials` takes two
 * exponentials (within an ulp or two of it; test/distributions/point-kernels.test.ts).
 *
 * @module
 * @internal
 */
import { logSigmoid, sigmoid } from '../math/logistic';
import { binaryStatistics } from './discrete-distribution';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';

/** The sufficient statistics of an i.i.d. Bernoulli sample, [n, Σ kᵢ] (`binaryStatistics`). @internal */
export type BernoulliStatistics = Float64Array;

/** Σ log P(kᵢ | ℓ) and its partials point by point: a `BernoulliLogit`'s own `sumLogPdfPartials`. @internal */
export type BernoulliLogitPointwiseSum = (logit: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `BernoulliLogit.sumKernel`, the i.i.d. log-likelihood from a raw `[logit]`:
 * `pointwise` (the class's own sum; a function, so that this file need not import the
 * class), and O(1) rows from the statistics. @internal
 */
export function bernoulliLogitSumKernel(pointwise: BernoulliLogitPointwiseSum): SumLogPdfKernel {
  return Object.freeze({
    arity: 1,
    cacheSlots: 0,
    accepts: (p: Float64Array): boolean => Number.isFinite(p[0]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => pointwise(p[0], xs, out),
    statistics: binaryStatistics,
    fromStatistics: bernoulliLogitRowsFromStatistics,
  });
}

/** `fromStatistics` over logit rows: s·log σ(ℓ) + (n − s)·log σ(−ℓ) and ∂/∂ℓ = s·σ(−ℓ) − (n − s)·σ(ℓ). */
function bernoulliLogitRowsFromStatistics(p: Float64Array, rows: number, st: BernoulliStatistics, _cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  const n = st[0];
  const s = st[1];
  const f = n - s;
  for (let r = 0; r < rows; r++) {
    const l = p[r];
    if (!Number.isFinite(l)) {
      value[r] = -Infinity;
      partials[r] = 0;
      continue;
    }
    // 0·(−∞) never arises (ℓ finite), but a zero count contributes exactly 0.
    value[r] = (s === 0 ? 0 : s * logSigmoid(l)) + (f === 0 ? 0 : f * logSigmoid(-l));
    partials[r] = (s === 0 ? 0 : s * sigmoid(-l)) - (f === 0 ? 0 : f * sigmoid(l));
  }
}

/**
 * `BernoulliLogit.pointKernel`: with e = e^{−|ℓ|} ∈ (0, 1], log σ(±ℓ) = −max(∓ℓ, 0) −
 * log1p(e) and σ(ℓ) = 1/(1 + e) or e/(1 + e) by the sign of ℓ (no overflow, no
 * cancellation). @internal
 */
export const bernoulliLogitPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 1,
  evaluate(m: number, p: Float64Array, x: Float64Array, _aux: Float64Array | null, value: Float64Array, partials: Float64Array): void {
    for (let j = 0; j < m; j++) {
      const l = p[j];
      if (!Number.isFinite(l)) {
        value[j] = NaN;
        continue;
      }
      const e = Math.exp(-Math.abs(l));
      const lse = Math.log1p(e);
      const inv = 1 / (1 + e);
      // σ(ℓ) and σ(−ℓ), each without cancellation.
      const sPos = l >= 0 ? inv : e * inv;
      const sNeg = l >= 0 ? e * inv : inv;
      // The data are 0 or 1 (the model checked them against the support).
      if (x[j] === 1) {
        partials[j] = sNeg;
        value[j] = -(l < 0 ? -l : 0) - lse;
      } else {
        partials[j] = -sPos;
        value[j] = -(l > 0 ? l : 0) - lse;
      }
    }
  },
});
