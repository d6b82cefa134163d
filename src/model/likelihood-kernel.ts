/**
 * Likelihood kernels (see also `linear-gaussian-kernel.ts` for per-datum
 * linear-Gaussian likelihoods): an i.i.d. likelihood whose distribution takes each
 * parameter straight from a latent or a constant (`({ z }) => new Normal(z, 1)`)
 * is evaluated from the latents' values, without calling the user's function or
 * building a distribution. When the family has sufficient statistics for the data
 * (all four built-in families do, for data inside their open support), the data
 * are reduced to them once, and Σᵢ log p(xᵢ | z) with its partials costs O(1) per
 * evaluation whatever the number of data; otherwise the family's one-pass summed
 * kernel runs over the data.
 *
 * @module
 * @internal
 */
import type { DiscreteDistribution } from '../distributions/discrete-distribution';
import type { ContinuousDistribution, SumLogPdfKernel } from '../distributions/distribution';

/**
 * What the model needs of a likelihood kernel: Σᵢ log p(xᵢ | z) and its partials at
 * rows of constrained latent values, without calling the user's likelihood.
 */
export interface LikelihoodKernel {
  /** True when the distribution's constructor accepts its parameters at latent row `z` (flat, constrained). */
  accepts(z: Float64Array): boolean;
  /**
   * For the `rows` rows of the constrained latents `z` (row r at r·`stride`):
   * `ll[r]` = Σᵢ log p(xᵢ | z_r), −∞ where a parameter leaves its domain; when `dz`
   * is given, the partials are added into `dz` at the latents' indices in each row
   * (nothing where the value is −∞ for that reason).
   */
  evaluate(z: Float64Array, stride: number, rows: number, ll: Float64Array, dz: Float64Array | null): void;
  /**
   * Optional: from now on, evaluate over the data `indices` only, their sum times
   * `scale` (data subsampling); null restores every datum. Kernels whose cost does
   * not grow with n leave it out.
   */
  setSubset?(indices: Int32Array | null, scale: number): void;
}

/**
 * The kernel of an i.i.d. likelihood: the family's kernel, its parameter values
 * (constants fixed, latent slots loaded from the latent rows), and the data's statistics.
 */
export class IidKernel implements LikelihoodKernel {
  /** Parameters per row (the family's arity). */
  readonly arity: number;
  /** For each latent parameter: its slot among the parameters and the flat index of its latent. */
  private readonly slot: Int32Array;
  private readonly leaf: Int32Array;
  /** The data's sufficient statistics, or undefined for the per-point form. */
  private readonly stats: Float64Array | undefined;
  /** The kernel's cache of quantities derived from repeated parameters. */
  private readonly cache: Float64Array;
  /** Parameter rows (row-major, `arity` each), constants written once. */
  private params: Float64Array;
  private partials: Float64Array;
  /** One parameter row with the kernel's cache slots, for the per-point form. */
  private readonly row: Float64Array;
  private readonly rowOut: Float64Array;
  /** A data subset's values (per-point form only), and the factor on their sum. */
  private subsetData: Float64Array | null = null;
  private subsetBuffer = new Float64Array(0);
  private scale = 1;

  constructor(
    private readonly kernel: SumLogPdfKernel,
    private readonly constants: Float64Array,
    slots: readonly number[],
    leaves: readonly number[],
    private readonly data: Float64Array,
  ) {
    this.arity = kernel.arity;
    this.slot = Int32Array.from(slots);
    this.leaf = Int32Array.from(leaves);
    this.stats = kernel.statistics(data);
    this.cache = new Float64Array(kernel.cacheSlots).fill(NaN);
    this.params = new Float64Array(0);
    this.partials = new Float64Array(0);
    this.row = new Float64Array(this.arity + kernel.cacheSlots).fill(NaN);
    this.rowOut = new Float64Array(this.arity + 1);
    this.reserve(1);
  }

  accepts(z: Float64Array): boolean {
    const p = this.row;
    const c = this.constants;
    for (let k = 0; k < c.length; k++) p[k] = c[k];
    for (let j = 0; j < this.slot.length; j++) p[this.slot[j]] = z[this.leaf[j]];
    return this.kernel.accepts(p);
  }

  evaluate(z: Float64Array, stride: number, rows: number, ll: Float64Array, dz: Float64Array | null): void {
    const A = this.arity;
    if (this.params.length < rows * A) this.reserve(rows);
    const p = this.params;
    const g = this.partials;
    const slot = this.slot;
    const leaf = this.leaf;
    if (rows === 1 && slot.length === 1 && this.stats !== undefined) {
      // One row, one latent parameter (a scalar model's step): no loops.
      const sj = slot[0];
      const lj = leaf[0];
      p[sj] = z[lj];
      this.kernel.fromStatistics(p, 1, this.stats, this.cache, ll, g);
      if (dz !== null) dz[lj] += g[sj];
      return;
    }
    // Gather the latent parameters column by column (constants stay where `reserve` put them).
    for (let j = 0; j < slot.length; j++) {
      const lj = leaf[j];
      for (let r = 0, i = slot[j]; r < rows; r++, i += A) p[i] = z[r * stride + lj];
    }
    if (this.stats !== undefined) this.kernel.fromStatistics(p, rows, this.stats, this.cache, ll, g);
    else this.perPoint(rows, ll);
    if (dz === null) return;
    for (let j = 0; j < slot.length; j++) {
      const lj = leaf[j];
      for (let r = 0, i = slot[j]; r < rows; r++, i += A) dz[r * stride + lj] += g[i];
    }
  }

  /**
   * Subsampling for the per-point form (with statistics every evaluation is O(1) in n,
   * and the whole data set is kept).
   */
  setSubset(indices: Int32Array | null, scale: number): void {
    if (this.stats !== undefined) return;
    if (indices === null) {
      this.subsetData = null;
      this.scale = 1;
      return;
    }
    // One buffer for every step's subset (a new one per step would be garbage per step).
    if (this.subsetBuffer.length < indices.length) this.subsetBuffer = new Float64Array(indices.length);
    const sub = this.subsetBuffer.subarray(0, indices.length);
    for (let k = 0; k < indices.length; k++) sub[k] = this.data[indices[k]];
    this.subsetData = sub;
    this.scale = scale;
  }

  /** The family's summed kernel over the data (or the subset, scaled), row by row (no statistics for these data). */
  private perPoint(rows: number, ll: Float64Array): void {
    const A = this.arity;
    const row = this.row;
    const out = this.rowOut;
    const p = this.params;
    const g = this.partials;
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < A; k++) row[k] = p[r * A + k];
      if (!this.kernel.accepts(row)) {
        ll[r] = -Infinity;
        for (let k = 0; k < A; k++) g[r * A + k] = 0;
        continue;
      }
      const c = this.scale;
      ll[r] = c * this.kernel.sumLogPdfPartials(row, this.subsetData ?? this.data, out);
      for (let k = 0; k < A; k++) g[r * A + k] = c * out[k + 1];
    }
  }

  /** Room for `rows` parameter rows, the constants written into every row. */
  private reserve(rows: number): void {
    const A = this.arity;
    const p = new Float64Array(rows * A);
    for (let r = 0; r < rows; r++) p.set(this.constants, r * A);
    this.params = p;
    this.partials = new Float64Array(rows * A);
  }
}

/**
 * The kernel for the distribution `d` that one gradient-mode call of an i.i.d.
 * likelihood returned, or undefined when none applies: the call must be `clean`
 * (no operation recorded, no `detach`), `d`'s class must define a kernel of its
 * own (a subclass that may change the density does not inherit one), and every
 * operand must be a number or a latent's leaf (`leafIndex` ≥ 0).
 */
export function kernelFor(
  d: ContinuousDistribution | DiscreteDistribution,
  clean: boolean,
  leafIndex: (operand: unknown) => number,
  data: Float64Array,
): IidKernel | undefined {
  const ctor = d.constructor as { sumKernel?: SumLogPdfKernel };
  if (!clean || !Object.prototype.hasOwnProperty.call(ctor, 'sumKernel')) return undefined;
  const kernel = ctor.sumKernel as SumLogPdfKernel;
  const ops = d.operands;
  if (ops.length !== kernel.arity) return undefined;
  const constants = new Float64Array(ops.length).fill(NaN);
  const slots: number[] = [];
  const leaves: number[] = [];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k] as unknown;
    if (typeof o === 'number') {
      constants[k] = o;
      continue;
    }
    const leaf = leafIndex(o);
    if (leaf < 0) return undefined;
    slots.push(k);
    leaves.push(leaf);
  }
  return new IidKernel(kernel, constants, slots, leaves, data);
}
