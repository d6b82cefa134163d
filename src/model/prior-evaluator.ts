/**
 * The terms of a model's log joint other than the likelihood: the prior
 * Σ log p(z_k), its entries possibly functions of earlier latents (hierarchical),
 * and the spec's `factor`; their values at the flat latents `z` and their partials.
 *
 * @module
 * @internal
 */
import { ContinuousDistribution } from '../distributions/distribution';
import { scalarValue } from '../distributions/scalar';
import type { LatentTransform } from './latent-transform';
import { resolveEntry, type Latents, type Prior, type PriorBlock } from './latents';
import { Plate } from './plate';
import { route } from './tape-partials';
import { TapeNode, type Tape } from './tape';
import type { LikelihoodDistribution } from './values';

/** The prior and the `factor` of a model, evaluated at its flat latents. */
export class PriorEvaluator<P extends Prior> {
  /** The `factor` term of the spec, if any. */
  readonly factor: ((latents: Latents<P>) => number) | undefined;
  private readonly z: Float64Array;
  private readonly views: readonly (Float64Array | null)[];
  /**
   * The prior distribution of each element z_k when every block is a scalar or an
   * array (no plate, nothing hierarchical): the kernel gradient loops over it directly.
   */
  private readonly elementPriors: readonly ContinuousDistribution[] | null;
  /** One term's partials (1 + its parameter count). */
  private scratch: Float64Array;

  constructor(
    private readonly layout: readonly PriorBlock[],
    private readonly latents: LatentTransform<P>,
    private readonly tape: Tape,
    private readonly nodeRec: Latents<P>,
    factor: ((latents: Latents<P>) => number) | undefined,
  ) {
    this.z = latents.z;
    this.views = latents.views;
    this.factor = factor;
    this.elementPriors = layout.every((b) => b.fn === null && b.kind !== 'plate') ? layout.flatMap((b) => b.dists) : null;
    // The prior partials write into `scratch` without a size check per call: size it
    // once for every prior distribution (1 + its parameter count).
    let need = 8;
    for (const b of layout) for (const d of b.dists) need = Math.max(need, d.paramNames.length + 1);
    this.scratch = new Float64Array(need);
  }

  /** Σ of the prior log densities at `z` (`values` feeds hierarchical entries; null without them). */
  value(values: Latents<P> | null): number {
    const z = this.z;
    let s = 0;
    const blocks = this.layout;
    for (let b = 0; b < blocks.length; b++) {
      const blk = blocks[b];
      if (blk.fn !== null) {
        // Earlier latents outside their support may make this entry unbuildable.
        if (s === -Infinity) return s;
        s += this.hierarchicalValue(blk, b, values as Latents<P>);
        continue;
      }
      const dists = blk.dists;
      if (blk.kind === 'scalar') s += dists[0].logPdf(z[blk.offset]);
      else if (blk.kind === 'plate') s += dists[0].sumLogPdf(this.views[b] as Float64Array);
      else for (let j = 0; j < blk.size; j++) s += dists[j].logPdf(z[blk.offset + j]);
    }
    return s;
  }

  /**
   * The prior at `z` with its partials: ∂/∂z_k written into `adj[k]` (the tape's
   * adjoints, leaf k = flat index k, or `gz` when no tape is needed). A block's
   * entries are assigned, not added: only later (hierarchical) blocks add into
   * earlier ones.
   */
  gradient(adj: Float64Array): number {
    const z = this.z;
    let s = 0;
    const blocks = this.layout;
    for (let b = 0; b < blocks.length; b++) {
      const blk = blocks[b];
      if (blk.fn !== null) {
        if (s === -Infinity) return s;
        s += this.hierarchicalGradient(blk);
        continue;
      }
      const dists = blk.dists;
      // The scratch holds every block's partials (sized at construction).
      const out = this.scratch;
      if (blk.scalar) {
        s += dists[0].logPdfPartials(z[blk.offset], out);
        adj[blk.offset] = out[0];
        continue;
      }
      const one = blk.kind !== 'array';
      for (let j = 0; j < blk.size; j++) {
        const k = blk.offset + j;
        const d = one ? dists[0] : dists[j];
        s += d.logPdfPartials(z[k], out);
        adj[k] = out[0];
      }
    }
    return s;
  }

  /**
   * {@link PriorEvaluator.gradient} into `gz` for the kernel path (no tape): one
   * loop over the element priors when every block is a scalar or an array.
   */
  kernelGradient(gz: Float64Array): number {
    const ep = this.elementPriors;
    if (ep === null) return this.gradient(gz);
    const z = this.z;
    const out = this.scratch;
    let lp = 0;
    for (let k = 0; k < ep.length; k++) {
      lp += ep[k].logPdfPartials(z[k], out);
      gz[k] = out[0];
    }
    return lp;
  }

  /**
   * The `factor` term at `z` (0 without one); `values`: the same latents as a record,
   * null when the reused record is stale and must be refreshed before user code sees it.
   */
  factorValue(values: Latents<P> | null): number {
    const f = this.factor;
    if (f === undefined) return 0;
    return scalarValue(f(values === null ? this.latents.record() : values));
  }

  /**
   * The `factor` term on the tape (call only with a factor): its value, its node's
   * adjoint set to 1 (a plain number is a constant term).
   */
  factorGradient(): number {
    const term: unknown = (this.factor as (latents: Latents<P>) => number)(this.nodeRec);
    if (term instanceof TapeNode) {
      this.tape.adjoints[term.index] += 1;
      return term.value;
    }
    return scalarValue(term as number);
  }

  /** Log prior of a hierarchical block, its entry built from the (plain) latents. */
  private hierarchicalValue(blk: PriorBlock, b: number, values: Latents<P>): number {
    const entry = resolveEntry(blk, values);
    const z = this.z;
    if (entry instanceof ContinuousDistribution) return entry.logPdf(z[blk.offset]);
    if (entry instanceof Plate) return entry.distribution.sumLogPdf(this.views[b] as Float64Array);
    let s = 0;
    for (let j = 0; j < blk.size; j++) s += entry[j].logPdf(z[blk.offset + j]);
    return s;
  }

  /** Log prior of a hierarchical block with its partials: x into the leaves, parameters routed. */
  private hierarchicalGradient(blk: PriorBlock): number {
    const entry = resolveEntry(blk, this.nodeRec);
    const tape = this.tape;
    const z = this.z;
    let s = 0;
    for (let j = 0; j < blk.size; j++) {
      const d =
        entry instanceof ContinuousDistribution ? entry : entry instanceof Plate ? entry.distribution : entry[j];
      const out = this.scratchFor(d);
      const k = blk.offset + j;
      s += d.logPdfPartials(z[k], out);
      tape.adjoints[k] += out[0];
      route(tape, d, out);
    }
    return s;
  }

  /** The scratch, grown for `d` (a hierarchical entry's distributions are built per call). */
  private scratchFor(d: LikelihoodDistribution): Float64Array {
    const need = d.paramNames.length + 1;
    if (need > this.scratch.length) this.scratch = new Float64Array(need);
    return this.scratch;
  }
}
