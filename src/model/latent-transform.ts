/**
 * The model's latents as one flat buffer `z` and its unconstrained coordinates u
 * (z = T(u) per latent, identity on ℝ, exp on (0, ∞), see `Bijection`): T with its
 * log-Jacobian, the chain rule back to u, T⁻¹, and the records that hand `z` to
 * user code (plain numbers in value mode, tape leaves in gradient mode).
 *
 * @module
 * @internal
 */
import type { Latents, Prior, PriorBlock } from './latents';
import { guardedRecord } from './latent-guard';
import type { Tape } from './tape';

/** The flat latent buffer of a model and the bijection between it and the unconstrained vector. */
export class LatentTransform<P extends Prior> {
  /** Constrained latent values, flat (the buffer every evaluator of the model reads). */
  readonly z: Float64Array;
  /** Per plate block, a view of `z` (null for scalars and arrays). */
  readonly views: readonly (Float64Array | null)[];
  /** True when every block uses the exp bijection (one loop over u for z and the Jacobian). */
  private readonly allExp: boolean;
  /** Reused value record over `z` (see {@link LatentTransform.record}). */
  private readonly rec: Record<string, number | Float64Array>;
  /** Names and flat offsets of the scalar latents (the entries of `rec` that change per call). */
  private readonly scalarNames: readonly string[];
  private readonly scalarOffsets: Int32Array;
  /** Per block (hot-path copies of the layout): first flat index, one past the last, exp bijection (1) or not. */
  private readonly bStart: Int32Array;
  private readonly bEnd: Int32Array;
  private readonly bExp: Uint8Array;

  constructor(
    readonly layout: readonly PriorBlock[],
    readonly dim: number,
  ) {
    this.z = new Float64Array(dim);
    this.views = layout.map((b) => (b.kind === 'plate' ? this.z.subarray(b.offset, b.offset + b.size) : null));
    this.rec = guardedRecord(layout.map((b) => b.name)) as Record<string, number | Float64Array>;
    for (const b of layout) this.rec[b.name] = b.scalar ? 0 : this.z.subarray(b.offset, b.offset + b.size);
    const scalars = layout.filter((b) => b.scalar);
    this.scalarNames = scalars.map((b) => b.name);
    this.scalarOffsets = Int32Array.from(scalars, (b) => b.offset);
    this.bStart = Int32Array.from(layout, (b) => b.offset);
    this.bEnd = Int32Array.from(layout, (b) => b.offset + b.size);
    this.bExp = Uint8Array.from(layout, (b) => (b.expTransform ? 1 : 0));
    this.allExp = layout.every((b) => b.expTransform);
  }

  /**
   * The reused value record, refreshed from `z` (scalar entries; vector entries are
   * views). User code must not keep it: the next call overwrites it.
   */
  record(): Latents<P> {
    const rec = this.rec;
    const names = this.scalarNames;
    const offsets = this.scalarOffsets;
    const z = this.z;
    for (let j = 0; j < names.length; j++) rec[names[j]] = z[offsets[j]];
    return rec as Latents<P>;
  }

  /** Throws a RangeError unless the unconstrained vector `u` has length `dim`. */
  checkLength(u: Float64Array): void {
    if (u.length !== this.dim) {
      throw new RangeError(`Model: the unconstrained vector must have length ${this.dim}, got ${u.length}`);
    }
  }

  /** z = T(u) into the flat buffer `z`; returns log|det J_T(u)|. */
  constrainInto(u: Float64Array): number {
    this.checkLength(u);
    return this.allExp ? expInto(u, this.z) : this.constrainBlocks(u);
  }

  /**
   * ∂/∂u of the log density from its gradient `gz` in z (at z = T(u), as left by
   * {@link LatentTransform.constrainInto}), the log-Jacobian's own gradient included.
   */
  chainRule(u: Float64Array, gz: Float64Array, grad: Float64Array): void {
    const z = this.z;
    const dim = this.dim;
    if (this.allExp) {
      for (let k = 0; k < dim; k++) grad[k] = gz[k] * z[k] + 1;
      return;
    }
    const layout = this.layout;
    const bExp = this.bExp;
    for (let b = 0; b < layout.length; b++) {
      const start = this.bStart[b];
      const end = this.bEnd[b];
      if (bExp[b] === 1) {
        for (let k = start; k < end; k++) grad[k] = gz[k] * z[k] + 1;
      } else {
        const t = layout[b].bijection;
        for (let k = start; k < end; k++) grad[k] = gz[k] * t.derivative(u[k]) + t.dLogAbsDetJacobian(u[k]);
      }
    }
  }

  /** u = T⁻¹(z) of the current `z`, as a new vector. */
  unconstrained(): Float64Array {
    const u = new Float64Array(this.dim);
    for (const b of this.layout) {
      for (let k = b.offset; k < b.offset + b.size; k++) u[k] = b.bijection.inverse(this.z[k]);
    }
    return u;
  }

  /** {@link LatentTransform.constrainInto} block by block, each with its bijection. */
  private constrainBlocks(u: Float64Array): number {
    const z = this.z;
    let logJac = 0;
    const blocks = this.layout;
    for (let b = 0; b < blocks.length; b++) {
      const blk = blocks[b];
      const end = blk.offset + blk.size;
      if (blk.expTransform) {
        for (let k = blk.offset; k < end; k++) {
          const uk = u[k];
          z[k] = Math.exp(uk);
          logJac += uk;
        }
      } else {
        const t = blk.bijection;
        for (let k = blk.offset; k < end; k++) {
          z[k] = t.forward(u[k]);
          logJac += t.logAbsDetJacobian(u[k]);
        }
      }
    }
    return logJac;
  }
}

/**
 * The record passed to the likelihood in gradient mode: a leaf node per scalar
 * latent, a leaf block per vector latent. Its leaves persist across `tape.reset`
 * (which only revalues them), so it is built once per model.
 */
export function nodeRecord<P extends Prior>(layout: readonly PriorBlock[], tape: Tape, z: Float64Array): Latents<P> {
  const leaves = tape.reset(z.length, z);
  const rec = guardedRecord(layout.map((b) => b.name));
  for (const b of layout) rec[b.name] = b.scalar ? leaves[b.offset] : tape.leafBlock(b.offset, b.size);
  return rec as Latents<P>;
}

/** z = eᵘ elementwise; returns log|det J| = Σ u. */
function expInto(u: Float64Array, z: Float64Array): number {
  let logJac = 0;
  for (let k = 0; k < z.length; k++) {
    const uk = u[k];
    z[k] = Math.exp(uk);
    logJac += uk;
  }
  return logJac;
}
