/**
 * Data subsampling for `fit`'s `batchSize` (doubly stochastic VI, Titsias and
 * Lázaro-Gredilla 2014; Hoffman et al. 2013): each step's gradient sees B data drawn
 * uniformly without replacement and the likelihood's sum over them times n/B, an
 * unbiased estimate of the whole sum, so the step stays an unbiased ELBO gradient
 * at B/n of the likelihood's cost. Everything else (the step-size search's scores,
 * the convergence checks, the result) sees every datum: scoring the search's
 * candidates on one fixed draw instead was measured to pick too large a step on the
 * 20 000-datum regression (its subset optimum is not the ELBO's), after which the
 * noisy iterates never met the convergence rule.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import { invalidOption } from './errors';

/** A model that can evaluate its likelihood on a subset of its data. */
type SubsamplableModel = DifferentiableModel & {
  readonly dataSize: number;
  setDataSubset(indices: Int32Array | null, scale: number): void;
};

/**
 * `batchSize` checked against the model: an integer in 1…n for a model that can
 * subsample its data.
 *
 * @throws RangeError (an `InvalidParameterError`) naming `batchSize` outside 1…n, or
 *   given for a model without data subsets
 */
export function checkBatchSize(model: DifferentiableModel, batchSize: unknown): number {
  const m = model as Partial<SubsamplableModel>;
  if (typeof m.setDataSubset !== 'function' || typeof m.dataSize !== 'number') {
    invalidOption('fit', 'batchSize', 'used with a model that has data (a Model); this model cannot subsample', batchSize);
  }
  const n = m.dataSize;
  if (typeof batchSize !== 'number' || !Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > n) {
    invalidOption('fit', 'batchSize', `an integer in 1…${n} (the number of data)`, batchSize);
  }
  return batchSize;
}

/** Draws the data of each step and sets them on the model; `clear` restores every datum. */
export class DataSubsampler {
  private readonly perm: Int32Array;
  private readonly picked: Int32Array;
  private readonly scale: number;

  /**
   * @param model - the model (must support subsets, see {@link checkBatchSize})
   * @param batchSize - B, checked by {@link checkBatchSize}
   * @param rng - the stream of the draws (its own, so a fit's other draws do not move)
   */
  constructor(private readonly model: DifferentiableModel, batchSize: number, private readonly rng: Rng) {
    const n = checkBatchSize(model, batchSize) && (model as SubsamplableModel).dataSize;
    this.perm = new Int32Array(n);
    for (let i = 0; i < n; i++) this.perm[i] = i;
    this.picked = new Int32Array(batchSize);
    this.scale = n / batchSize;
  }

  /** Draws B of the n data (a partial Fisher–Yates shuffle) and sets them, in index order, on the model. */
  draw(): void {
    const p = this.perm;
    const n = p.length;
    const B = this.picked.length;
    for (let k = 0; k < B; k++) {
      const j = k + this.rng.uniformInt(n - k);
      const t = p[k];
      p[k] = p[j];
      p[j] = t;
    }
    this.picked.set(p.subarray(0, B));
    // In index order: the covariate rows are then read front to back.
    this.picked.sort();
    (this.model as SubsamplableModel).setDataSubset(this.picked, this.scale);
  }

  /** Every datum again (for the search's scores, the convergence checks and the result). */
  clear(): void {
    (this.model as SubsamplableModel).setDataSubset(null, 1);
  }
}
