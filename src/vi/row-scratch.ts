/**
 * The scratch of {@link sampleLogWeights}: the log weights of n fresh draws are
 * computed in blocks of rows (one batched model call per block), so a 20 000-draw
 * evaluation needs no 20 000-row workspace.
 *
 * @module
 */
import { noiseDimOf, type Guide } from './guide';

/**
 * Scratch of {@link sampleLogWeights}: one noise row ε (length `noiseDim`) and one
 * u (length d), and a block of rows for batched model calls.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const rows: RowScratch = createRowScratch(meanField().build(model));
 * rows.u.length; // → 1, the model's dim
 * ```
 */
export interface RowScratch {
  /** One noise row ε. */
  readonly eps: Float64Array;
  /** One row u = g(θ, ε). */
  readonly u: Float64Array;
  /** Rows per block. */
  readonly blockRows: number;
  /** A block of noise rows (blockRows × `noiseDim`, row-major). */
  readonly blockNoise: Float64Array;
  /** A block of u rows (blockRows × d, row-major). */
  readonly blockU: Float64Array;
  /** log p̃ of the block's rows. */
  readonly blockLp: Float64Array;
  /** log q of the block's rows. */
  readonly blockLq: Float64Array;
}

/** Values per block of {@link sampleLogWeights} (rows = this / d). */
const LOG_WEIGHT_BLOCK = 1024;

/**
 * Allocates the scratch of {@link sampleLogWeights} for `guide`.
 *
 * @example
 * ```ts
 * import { sampleLogWeights } from './log-weights';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const rows = createRowScratch(guide);
 * sampleLogWeights(model, guide, guide.initialParams(), new Rng(1), 100, new Float64Array(100), rows); // the ELBO at the start, from 100 draws
 * ```
 */
export function createRowScratch(guide: Guide): RowScratch {
  const d = guide.dim;
  const nd = noiseDimOf(guide);
  const blockRows = Math.max(1, Math.floor(LOG_WEIGHT_BLOCK / Math.max(1, d)));
  return {
    eps: new Float64Array(nd),
    u: new Float64Array(d),
    blockRows,
    blockNoise: new Float64Array(blockRows * nd),
    blockU: new Float64Array(blockRows * d),
    blockLp: new Float64Array(blockRows),
    blockLq: new Float64Array(blockRows),
  };
}
