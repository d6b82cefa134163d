/**
 * A per-datum likelihood traced once and replayed as a flat program: the
 * operations one call of the likelihood made for a datum (the same for every
 * datum, with per-datum constants such as covariates), then the family's log
 * density of the datum. It evaluates Σᵢ log p(xᵢ | z_r) and its gradient for all
 * the latent rows z_r of a step at once, with no call of user code and no object
 * per datum: each instruction runs as a tight loop over a block of (datum, row)
 * pairs, so a covariate row is read once per block for every sample, and the
 * dominant `dot(w, xᵢ)` becomes a small matrix product.
 *
 * The forward values have the bits of the traced operations (the same arithmetic
 * in the same order, see `op-codes.ts`); the data's terms are summed in data order.
 *
 * @module
 * @internal
 */
import { dotBackward, dotForward } from './dot-kernels';
import { tiedDataGroups, type CovariateRows, type TiedDataGroups } from './tied-data';
import type { LikelihoodKernel } from '../likelihood-kernel';
import {
  OP_AFFINE, OP_DIV, OP_LEAF_DOT, OP_MUL, unaryDerivative, unaryValue, OP_EXP, OP_SQUARE,
} from '../op-codes';
import type { ConstantColumn } from './constant-column';
import { unaryColumn, unaryDerivativeColumn } from './unary-columns';
import type { PointLogPdfKernel } from '../../distributions/point-kernel';

/** A reference to no operand (a one-parent instruction's second parent). */
export const NO_REF = -0x80000000;
/** A parameter that is a per-datum constant rather than a node. */
export const CONST_REF = NO_REF + 1;
/** The reference of latent leaf k: −(k + 1). */
export const leafRef = (k: number): number => -(k + 1);

/** (datum, row) pairs per block: the program's working set stays in cache. */
const BLOCK_PAIRS = 512;

/** One traced instruction: its code, parents, constants and, for `dot`, the covariate rows. */
export interface Instruction {
  readonly op: number;
  readonly a: number;
  readonly b: number;
  /** AFFINE: d1, d2, c0; unary codes: their constant in c1. */
  readonly c1: ConstantColumn | null;
  readonly c2: ConstantColumn | null;
  readonly c0: ConstantColumn | null;
  /** LEAF_DOT: first leaf, length, and the rows (n × len packed, or one row shared by every datum). */
  readonly dotBase: number;
  readonly dotLen: number;
  readonly dotRows: Float64Array | null;
  readonly dotShared: boolean;
}

/** The likelihood's term: the family's point kernel and where each parameter comes from. */
export interface Term {
  readonly kernel: PointLogPdfKernel;
  /** Per parameter: a slot, a leaf reference, or {@link CONST_REF} with its column in `consts`. */
  readonly refs: Int32Array;
  readonly consts: readonly (ConstantColumn | null)[];
}

/** The replayed likelihood; a {@link LikelihoodKernel} to the model. */
export class ReplayProgram implements LikelihoodKernel {
  private readonly L: number;
  private readonly n: number;
  // Working columns, sized for the current block (BLOCK_PAIRS pairs, or more for many rows).
  private cap = 0;
  private val = new Float64Array(0);
  private adj = new Float64Array(0);
  private colA = new Float64Array(0);
  private colB = new Float64Array(0);
  private colC = new Float64Array(0);
  private params = new Float64Array(0);
  private partials = new Float64Array(0);
  private xs = new Float64Array(0);
  /** The kernel's per-datum constants (null: none), and their column over a block. */
  private readonly aux: Float64Array | null;
  private auxCol = new Float64Array(0);
  private value = new Float64Array(0);
  private grad = new Float64Array(0);
  private bad = new Uint8Array(0);
  private readonly one = new Float64Array(1);
  /** Tied data (equal inputs): one representative per group and its count, or null. */
  private readonly tied: TiedDataGroups | null;
  /**
   * The data evaluated, by block position: a subsample's indices, else the tied
   * groups' representatives, else null (all, in order).
   */
  private index: Int32Array | null = null;
  /** Each evaluated datum's weight (the tied groups' counts), or null (1 each). */
  private weights: Float64Array | null = null;
  /** The offset of the column `operand` returned last. */
  private operandOffset = 0;
  private scale = 1;

  constructor(
    private readonly code: readonly Instruction[],
    private readonly term: Term,
    private readonly data: Float64Array,
    private readonly dim: number,
  ) {
    this.L = code.length;
    this.n = data.length;
    this.aux = term.kernel.prepare?.(data) ?? null;
    this.tied = this.groupTiedData();
    this.setSubset(null);
  }

  /** The tied groups of the data (see tied-data.ts): the inputs are the datum, every per-datum constant and every covariate row. */
  private groupTiedData(): TiedDataGroups | null {
    const columns: Float64Array[] = [this.data];
    const blocks: CovariateRows[] = [];
    const add = (c: ConstantColumn | null) => {
      const v = c?.values;
      if (v !== null && v !== undefined) columns.push(v);
    };
    for (const ins of this.code) {
      add(ins.c0);
      add(ins.c1);
      add(ins.c2);
      if (ins.dotRows !== null && !ins.dotShared) blocks.push({ rows: ins.dotRows, len: ins.dotLen });
    }
    for (const c of this.term.consts) add(c);
    return tiedDataGroups(this.n, columns, blocks);
  }

  /** The number of instructions per datum. */
  get length(): number {
    return this.L;
  }

  /**
   * Evaluates only the data `indices` and multiplies their sum by `scale` (the
   * unbiased n/B of data subsampling); null restores the whole data set.
   */
  setSubset(indices: Int32Array | null, scale = 1): void {
    // A subsample draws data, not groups: it is evaluated datum by datum.
    this.index = indices ?? this.tied?.reps ?? null;
    this.weights = indices === null ? (this.tied?.counts ?? null) : null;
    this.scale = indices === null ? 1 : scale;
  }

  accepts(z: Float64Array): boolean {
    this.run(z, this.dim, 1, this.one, null);
    return this.bad[0] === 0;
  }

  evaluate(z: Float64Array, stride: number, rows: number, ll: Float64Array, dz: Float64Array | null): void {
    this.run(z, stride, rows, ll, dz);
  }

  private run(z: Float64Array, stride: number, rows: number, ll: Float64Array, dz: Float64Array | null): void {
    const R = rows;
    // A multiple of 4 data per block: the backward dot adds four data at a time from
    // the block start, so aligned blocks group the same data whatever the number of
    // rows, and a row of a batch has the bits of the same row evaluated alone.
    const B = Math.max(4, 4 * Math.floor(BLOCK_PAIRS / R / 4));
    this.reserve(B * R, rows);
    const bad = this.bad;
    const grad = this.grad;
    for (let r = 0; r < R; r++) {
      ll[r] = 0;
      bad[r] = 0;
    }
    if (dz !== null) grad.fill(0, 0, R * this.dim);
    const N = this.index === null ? this.n : this.index.length;
    for (let i0 = 0; i0 < N; i0 += B) {
      const nb = Math.min(B, N - i0);
      this.forward(z, stride, R, i0, nb);
      this.terms(z, stride, R, i0, nb, ll, dz !== null);
      if (dz !== null) this.backward(z, stride, R, i0, nb);
    }
    const s = this.scale;
    const d = this.dim;
    for (let r = 0; r < R; r++) {
      if (bad[r] !== 0) {
        ll[r] = -Infinity;
        continue;
      }
      if (s !== 1) ll[r] *= s;
      if (dz === null) continue;
      const o = r * stride;
      const go = r * d;
      for (let k = 0; k < d; k++) dz[o + k] += grad[go + k];
    }
  }

  /** The data index of block position i0 + i. */
  private datum(i: number): number {
    const s = this.index;
    return s === null ? i : s[i];
  }

  private reserve(pairs: number, rows: number): void {
    if (pairs > this.cap) {
      this.cap = pairs;
      this.val = new Float64Array(this.L * pairs);
      this.adj = new Float64Array(this.L * pairs);
      this.colA = new Float64Array(pairs);
      this.colB = new Float64Array(pairs);
      this.colC = new Float64Array(pairs);
      this.params = new Float64Array(this.term.kernel.arity * pairs);
      this.partials = new Float64Array(this.term.kernel.arity * pairs);
      this.xs = new Float64Array(pairs);
      this.auxCol = new Float64Array(this.aux === null ? 0 : pairs);
      this.value = new Float64Array(pairs);
    }
    if (this.bad.length < rows) this.bad = new Uint8Array(rows);
    if (this.grad.length < rows * this.dim) this.grad = new Float64Array(rows * this.dim);
  }

  /**
   * The values of operand `ref` over the block as a column: a slot's own column, or
   * a leaf's value broadcast over the data into `scratch`. Its offset in the returned
   * array (`val` for slots) is left in `operandOffset` (no pair allocated per call).
   */
  private operand(ref: number, z: Float64Array, stride: number, R: number, nb: number, scratch: Float64Array): Float64Array {
    if (ref >= 0) {
      this.operandOffset = ref * this.cap;
      return this.val;
    }
    const k = -ref - 1;
    for (let i = 0, j = 0; i < nb; i++) for (let r = 0; r < R; r++, j++) scratch[j] = z[r * stride + k];
    this.operandOffset = 0;
    return scratch;
  }

  private forward(z: Float64Array, stride: number, R: number, i0: number, nb: number): void {
    const m = nb * R;
    const val = this.val;
    for (let t = 0; t < this.L; t++) {
      const ins = this.code[t];
      const o = t * this.cap;
      if (ins.op === OP_LEAF_DOT) {
        dotForward(ins.dotRows as Float64Array, ins.dotLen, ins.dotBase, ins.dotShared, this.index, z, stride, R, i0, nb, this.val, o);
        continue;
      }
      const A = this.operand(ins.a, z, stride, R, nb, this.colA);
      const ao = this.operandOffset;
      if (ins.op === OP_AFFINE) {
        const c1 = ins.c1 as ConstantColumn;
        const c0 = ins.c0 as ConstantColumn;
        if (ins.b === NO_REF) {
          for (let i = 0, j = 0; i < nb; i++) {
            const di = this.datum(i0 + i);
            const a1 = c1.at(di);
            const a0 = c0.at(di);
            for (let r = 0; r < R; r++, j++) val[o + j] = a1 * A[ao + j] + a0;
          }
        } else {
          const Bv = this.operand(ins.b, z, stride, R, nb, this.colB);
          const bo = this.operandOffset;
          const c2 = ins.c2 as ConstantColumn;
          for (let i = 0, j = 0; i < nb; i++) {
            const di = this.datum(i0 + i);
            const a1 = c1.at(di);
            const a2 = c2.at(di);
            const a0 = c0.at(di);
            for (let r = 0; r < R; r++, j++) val[o + j] = a1 * A[ao + j] + a2 * Bv[bo + j] + a0;
          }
        }
      } else if (ins.op === OP_MUL || ins.op === OP_DIV) {
        const Bv = this.operand(ins.b, z, stride, R, nb, this.colB);
        const bo = this.operandOffset;
        if (ins.op === OP_MUL) for (let j = 0; j < m; j++) val[o + j] = A[ao + j] * Bv[bo + j];
        else for (let j = 0; j < m; j++) val[o + j] = A[ao + j] / Bv[bo + j];
      } else if (ins.op === OP_EXP) {
        for (let j = 0; j < m; j++) val[o + j] = Math.exp(A[ao + j]);
      } else if (ins.op === OP_SQUARE) {
        for (let j = 0; j < m; j++) val[o + j] = A[ao + j] * A[ao + j];
      } else if (!unaryColumn(ins.op, A, ao, val, o, m)) {
        const c1 = ins.c1 as ConstantColumn;
        for (let i = 0, j = 0; i < nb; i++) {
          const k = c1.at(this.datum(i0 + i));
          for (let r = 0; r < R; r++, j++) val[o + j] = unaryValue(ins.op, A[ao + j], k);
        }
      }
    }
  }

  /** The family's log density at each (datum, row): row sums into `ll`, partials seeded into the adjoints. */
  private terms(z: Float64Array, stride: number, R: number, i0: number, nb: number, ll: Float64Array, grad: boolean): void {
    const m = nb * R;
    const term = this.term;
    const A = term.kernel.arity;
    const P = this.params;
    for (let k = 0; k < A; k++) {
      const ref = term.refs[k];
      const po = k * m;
      if (ref === CONST_REF) {
        const c = term.consts[k] as ConstantColumn;
        for (let i = 0, j = 0; i < nb; i++) {
          const v = c.at(this.datum(i0 + i));
          for (let r = 0; r < R; r++, j++) P[po + j] = v;
        }
      } else {
        const src = this.operand(ref, z, stride, R, nb, this.colA);
        const so = this.operandOffset;
        for (let j = 0; j < m; j++) P[po + j] = src[so + j];
      }
    }
    const xs = this.xs;
    const aux = this.aux;
    const auxCol = this.auxCol;
    for (let i = 0, j = 0; i < nb; i++) {
      const di = this.datum(i0 + i);
      const x = this.data[di];
      for (let r = 0; r < R; r++, j++) xs[j] = x;
      if (aux !== null) auxCol.fill(aux[di], j - R, j);
    }
    const value = this.value;
    const G = this.partials;
    const kernel = term.kernel;
    if (!grad && kernel.values !== undefined) kernel.values(m, P, xs, aux === null ? null : auxCol, value);
    else kernel.evaluate(m, P, xs, aux === null ? null : auxCol, value, G);
    const bad = this.bad;
    const w = this.weights;
    for (let i = 0, j = 0; i < nb; i++) {
      // A tied group's term counts once per datum it stands for (c·v is v when c = 1).
      const c = w === null ? 1 : w[i0 + i];
      for (let r = 0; r < R; r++, j++) {
        const v = value[j];
        if (v !== v) bad[r] = 1;
        else ll[r] += c * v;
      }
    }
    if (!grad) return;
    this.adj.fill(0, 0, this.L * this.cap);
    const s = this.scale;
    for (let k = 0; k < A; k++) {
      const ref = term.refs[k];
      if (ref === CONST_REF) continue;
      const po = k * m;
      if (w !== null) {
        for (let i = 0, j = po; i < nb; i++) {
          const c = w[i0 + i];
          for (let r = 0; r < R; r++, j++) G[j] *= c;
        }
      } else if (s !== 1) for (let j = 0; j < m; j++) G[po + j] *= s;
      this.scatter(ref, G, po, R, nb);
    }
  }

  /** Adds the column `src[so …]` into the adjoint of operand `ref` (a slot's column, or a leaf's gradient per row). */
  private scatter(ref: number, src: Float64Array, so: number, R: number, nb: number): void {
    if (ref >= 0) {
      const adj = this.adj;
      const o = ref * this.cap;
      const m = nb * R;
      for (let j = 0; j < m; j++) adj[o + j] += src[so + j];
      return;
    }
    const k = -ref - 1;
    const g = this.grad;
    const d = this.dim;
    for (let i = 0, j = 0; i < nb; i++) for (let r = 0; r < R; r++, j++) g[r * d + k] += src[so + j];
  }

  /**
   * Adds cᵢ·adj[o + j] into the adjoint of operand `ref` (the affine instructions'
   * backward): the products go straight to the slot's column or the leaf's gradient
   * rows, in the order `scatter` would add them, without a contribution column.
   */
  private scatterScaled(ref: number, c: ConstantColumn, o: number, R: number, i0: number, nb: number): void {
    const adj = this.adj;
    if (ref >= 0) {
      const t = ref * this.cap;
      for (let i = 0, j = 0; i < nb; i++) {
        const ci = c.at(this.datum(i0 + i));
        for (let r = 0; r < R; r++, j++) adj[t + j] += ci * adj[o + j];
      }
      return;
    }
    const k = -ref - 1;
    const g = this.grad;
    const d = this.dim;
    for (let i = 0, j = 0; i < nb; i++) {
      const ci = c.at(this.datum(i0 + i));
      for (let r = 0; r < R; r++, j++) g[r * d + k] += ci * adj[o + j];
    }
  }

  private backward(z: Float64Array, stride: number, R: number, i0: number, nb: number): void {
    const m = nb * R;
    const val = this.val;
    const adj = this.adj;
    const D = this.colB;
    for (let t = this.L - 1; t >= 0; t--) {
      const ins = this.code[t];
      const o = t * this.cap;
      if (ins.op === OP_LEAF_DOT) {
        dotBackward(ins.dotRows as Float64Array, ins.dotLen, ins.dotBase, ins.dotShared, this.index, this.adj, this.grad, this.dim, R, i0, nb, o);
        continue;
      }
      if (ins.op === OP_AFFINE) {
        this.scatterScaled(ins.a, ins.c1 as ConstantColumn, o, R, i0, nb);
        if (ins.b !== NO_REF) this.scatterScaled(ins.b, ins.c2 as ConstantColumn, o, R, i0, nb);
        continue;
      }
      const A = this.operand(ins.a, z, stride, R, nb, this.colA);
      const ao = this.operandOffset;
      if (ins.op === OP_MUL || ins.op === OP_DIV) {
        // colB is the contribution buffer: a leaf b is broadcast into colC.
        const Bv = this.operand(ins.b, z, stride, R, nb, this.colC);
        const bo = this.operandOffset;
        if (ins.op === OP_MUL) {
          for (let j = 0; j < m; j++) D[j] = adj[o + j] * Bv[bo + j];
          this.scatter(ins.a, D, 0, R, nb);
          for (let j = 0; j < m; j++) D[j] = adj[o + j] * A[ao + j];
        } else {
          for (let j = 0; j < m; j++) D[j] = adj[o + j] * (1 / Bv[bo + j]);
          this.scatter(ins.a, D, 0, R, nb);
          for (let j = 0; j < m; j++) D[j] = adj[o + j] * (-val[o + j] / Bv[bo + j]);
        }
        this.scatter(ins.b, D, 0, R, nb);
        continue;
      }
      if (ins.op === OP_EXP) {
        for (let j = 0; j < m; j++) D[j] = adj[o + j] * val[o + j];
      } else if (!unaryDerivativeColumn(ins.op, A, ao, val, o, adj, D, m)) {
        const c1 = ins.c1 as ConstantColumn;
        for (let i = 0, j = 0; i < nb; i++) {
          const k = c1.at(this.datum(i0 + i));
          for (let r = 0; r < R; r++, j++) D[j] = adj[o + j] * unaryDerivative(ins.op, A[ao + j], val[o + j], k);
        }
      }
      this.scatter(ins.a, D, 0, R, nb);
    }
  }

}
