/**
 * A likelihood over declared covariates traced ONCE, with placeholders, and
 * compiled into a {@link ReplayProgram} for every datum: no call of user code per
 * datum, at setup or later.
 *
 * The likelihood is called with the latents as leaf nodes and each covariate as a
 * placeholder: a leaf node for a number per datum, an array of leaf nodes for a row
 * (see `column-block.ts`). Every operation is then either latent-dependent (it
 * becomes an instruction) or a function of covariates and constants only (it is
 * computed here for every datum and becomes a per-datum column). An operation
 * mixing both is lowered to an instruction with per-datum constants: `a·t` and
 * `a + t` to an affine one, `a / t` and `t / a` to their constant-operand codes,
 * `dot(w, x)` to a `dot` over the covariate's rows. Anything else (a value read by
 * `detach`, an operation with no replay code, a family without a kernel of its
 * own) is not compiled: the model then calls the likelihood datum by datum.
 *
 * Folding an affine operation's covariate term into its constant
 * (d1·a + (d2·t + c0) for d1·a + d2·t + c0) may move the last bit of that value:
 * the program agrees with calling the likelihood per datum to rounding, not bit for bit.
 *
 * @module
 * @internal
 */
import type { SumLogPdfKernel } from '../../distributions/distribution';
import { ContinuousDistribution } from '../../distributions/distribution';
import { DiscreteDistribution } from '../../distributions/discrete-distribution';
import type { CovariateTable } from '../covariates';
import { COLUMN_VALUES, type ColumnBlock } from '../column-block';
import type { PriorBlock } from '../latents';
import { guardedRecord } from '../latent-guard';
import {
  OP_AFFINE, OP_CONST_DIV, OP_DIV, OP_DIV_CONST, OP_LEAF_DOT, OP_MUL, OP_VECTOR, hasOpConstant, isUnaryOp, unaryValue,
} from '../op-codes';
import { Tape, TapeNode } from '../tape';
import { checkDist } from '../values';
import { ConstantColumn } from './constant-column';
import { familyPointKernel, hasOwnSumKernel } from './point-kernel';
import { CONST_REF, NO_REF, ReplayProgram, leafRef, type Instruction } from './program';

/** Thrown inside the compiler when the trace is not replayable (caught there). */
const NOT_REPLAYABLE = Symbol('not replayable');

/**
 * What a tape entry became: an instruction's reference (a slot ≥ 0 or a latent leaf
 * < 0), or a per-datum column (a function of covariates and constants only).
 */
type Lowered = { readonly ref: number } | { readonly column: Float64Array };

/**
 * The replay program of a covariate likelihood at the constrained latents `z`, or
 * undefined when it does not apply (see the module comment). Throws what the
 * likelihood throws (e.g. an `InvalidParameterError` at this z, for the caller to
 * retry elsewhere).
 */
export function traceOnce(
  likelihood: (latents: never, datum: never) => unknown,
  layout: readonly PriorBlock[],
  covariates: CovariateTable,
  data: Float64Array,
  z: Float64Array,
  dim: number,
): ReplayProgram | undefined {
  if (data.length === 0) return undefined;
  const tape = new Tape();
  const cov = new Placeholders(covariates, dim);
  const values = new Float64Array(dim + cov.leafCount);
  values.set(z.subarray(0, dim));
  cov.fillFirstDatum(values);
  const leaves = tape.reset(values.length, values);
  const d: unknown = likelihood(latentRecord(layout, tape, leaves) as never, cov.record(leaves) as never);
  if (!(d instanceof ContinuousDistribution || d instanceof DiscreteDistribution) || tape.valueRead) return undefined;
  try {
    return compile(tape, d, cov, data, dim);
  } catch (e) {
    if (e === NOT_REPLAYABLE) return undefined;
    throw e;
  }
}

/** The latents as leaf nodes of `tape`, in the record shape the likelihood reads. */
function latentRecord(layout: readonly PriorBlock[], tape: Tape, leaves: readonly TapeNode[]): Record<string, unknown> {
  const rec = guardedRecord(layout.map((b) => b.name));
  for (const b of layout) rec[b.name] = b.scalar ? leaves[b.offset] : tape.leafBlock(b.offset, b.size);
  return rec;
}

/** The covariates' placeholders: leaves dim, dim + 1, … in declaration order (a row's elements in turn). */
class Placeholders {
  readonly leafCount: number;
  /** Each covariate's first leaf. */
  private readonly first: Int32Array;
  /** A row placeholder's plain values → its covariate's index. */
  readonly rows = new Map<ArrayLike<number>, number>();

  constructor(readonly table: CovariateTable, readonly dim: number) {
    this.first = new Int32Array(table.entries.length);
    let next = dim;
    table.entries.forEach((e, c) => {
      this.first[c] = next;
      next += e.width === 0 ? 1 : e.width;
    });
    this.leafCount = next - dim;
  }

  fillFirstDatum(values: Float64Array): void {
    this.table.entries.forEach((e, c) => {
      values.set(e.values.subarray(0, e.width === 0 ? 1 : e.width), this.first[c]);
    });
  }

  record(leaves: readonly TapeNode[]): Record<string, unknown> {
    const rec = guardedRecord(this.table.entries.map((e) => e.name), 'covariate', 'covariates');
    this.table.entries.forEach((e, c) => {
      const f = this.first[c];
      if (e.width === 0) {
        rec[e.name] = leaves[f];
        return;
      }
      const block = leaves.slice(f, f + e.width) as ColumnBlock;
      const plain = e.values.slice(0, e.width);
      block[COLUMN_VALUES] = plain;
      this.rows.set(plain, c);
      rec[e.name] = block;
    });
    return rec;
  }

  /** Leaf p's values over the data (p is a covariate leaf: p ≥ dim). */
  column(p: number): Float64Array {
    let c = this.first.length - 1;
    while (this.first[c] > p) c--;
    const e = this.table.entries[c];
    if (e.width === 0) return e.values;
    const j = p - this.first[c];
    const out = new Float64Array(this.table.n);
    for (let i = 0; i < out.length; i++) out[i] = e.values[i * e.width + j];
    return out;
  }
}

function compile(tape: Tape, d: ContinuousDistribution | DiscreteDistribution, cov: Placeholders, data: Float64Array, dim: number): ReplayProgram | undefined {
  if (!hasOwnSumKernel(d)) return undefined;
  const ctor = d.constructor as { sumKernel?: SumLogPdfKernel };
  const lower = new Lowering(tape, cov, dim, data.length);
  for (let e = tape.leaves; e < tape.size; e++) lower.entry(e);
  const ops = d.operands as readonly unknown[];
  const refs = new Int32Array(ops.length);
  const consts: (ConstantColumn | null)[] = [];
  ops.forEach((o, k) => {
    if (typeof o === 'number') {
      refs[k] = CONST_REF;
      consts.push(ConstantColumn.uniform(o, data.length));
      return;
    }
    const l = lower.operand(o);
    refs[k] = 'ref' in l ? l.ref : CONST_REF;
    consts.push('ref' in l ? null : ConstantColumn.of(l.column));
  });
  // A count family's support may depend on its parameters (Binomial's n): with a
  // per-datum parameter, the counts are checked datum by datum on the general path.
  if (d instanceof DiscreteDistribution) {
    if (consts.some((c) => c !== null && !c.isUniform)) return undefined;
    checkDist(d, 0, data, true);
  }
  return new ReplayProgram(lower.code, { kernel: familyPointKernel(ctor), refs, consts }, data, dim);
}

/** Walks the trace once, entry by entry, into instructions and per-datum columns. */
class Lowering {
  readonly code: Instruction[] = [];
  private readonly lowered = new Map<number, Lowered>();

  constructor(private readonly tape: Tape, private readonly cov: Placeholders, private readonly dim: number, private readonly n: number) {}

  /** What node `o` (a distribution's parameter) became. */
  operand(o: unknown): Lowered {
    if (!(o instanceof TapeNode) || o.tape !== this.tape) throw NOT_REPLAYABLE;
    return this.parent(o.index);
  }

  private parent(p: number): Lowered {
    if (p < this.dim) return { ref: leafRef(p) };
    if (p < this.tape.leaves) return { column: this.cov.column(p) };
    const l = this.lowered.get(p);
    if (l === undefined) throw NOT_REPLAYABLE;
    return l;
  }

  entry(e: number): void {
    const t = this.tape;
    const op = t.op[e];
    let l: Lowered;
    if (op === OP_LEAF_DOT) l = this.dot(e);
    else if (op === OP_AFFINE) l = this.affine(e);
    else if (op === OP_MUL || op === OP_DIV) l = this.binary(e, op);
    else if (isUnaryOp(op)) l = this.unary(e, op);
    else if (op === OP_VECTOR) l = this.vector(e);
    else throw NOT_REPLAYABLE;
    this.lowered.set(e, l);
  }

  private emit(ins: Partial<Instruction> & { op: number; a: number }): Lowered {
    this.code.push({
      b: NO_REF, c1: null, c2: null, c0: null, dotBase: 0, dotLen: 0, dotRows: null, dotShared: false, ...ins,
    });
    return { ref: this.code.length - 1 };
  }

  private dot(e: number): Lowered {
    const t = this.tape;
    const x = t.vecB[t.p1[e]] as ArrayLike<number>;
    const base = t.p2[e];
    if (base + x.length > this.dim) throw NOT_REPLAYABLE;
    const c = this.cov.rows.get(x);
    const rows = c === undefined ? Float64Array.from(x) : this.cov.table.entries[c].values;
    return this.emit({ op: OP_LEAF_DOT, a: NO_REF, dotBase: base, dotLen: x.length, dotRows: rows, dotShared: c === undefined });
  }

  /**
   * `dot` or `sum` over covariates and numbers only (`sum(x)`, `dot(x, c)`): a column,
   * summed in the operation's order. With a latent among the elements (not a latent
   * vector, which `dot` records as one entry), it is not replayable.
   */
  private vector(e: number): Lowered {
    const t = this.tape;
    const a = t.vecA[t.p1[e]] as ArrayLike<unknown>;
    const b = t.vecB[t.p1[e]] as ArrayLike<unknown> | null;
    const ca = Array.from(a, (x) => this.element(x));
    const cb = b === null ? null : Array.from(b, (x) => this.element(x));
    const out = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      let s = 0;
      for (let j = 0; j < ca.length; j++) {
        const x = ca[j];
        const xv = typeof x === 'number' ? x : x[i];
        if (cb === null) s += xv;
        else {
          const y = cb[j];
          s += xv * (typeof y === 'number' ? y : y[i]);
        }
      }
      out[i] = s;
    }
    return { column: out };
  }

  /** An element of a vector operation: a number, or a covariate node's column. */
  private element(x: unknown): number | Float64Array {
    if (typeof x === 'number') return x;
    if (!(x instanceof TapeNode) || x.tape !== this.tape) throw NOT_REPLAYABLE;
    const l = this.parent(x.index);
    if (!('column' in l)) throw NOT_REPLAYABLE;
    return l.column;
  }

  private unary(e: number, op: number): Lowered {
    const t = this.tape;
    const a = this.parent(t.p1[e]);
    const k = hasOpConstant(op) ? t.opK[e] : 0;
    if ('column' in a) return { column: a.column.map((v) => unaryValue(op, v, k)) };
    return this.emit({ op, a: a.ref, c1: ConstantColumn.uniform(k, this.n) });
  }

  private affine(e: number): Lowered {
    const t = this.tape;
    const d1 = t.d1[e];
    const c0 = t.c0[e];
    const a = this.parent(t.p1[e]);
    if (t.p2[e] < 0) {
      if ('column' in a) return { column: a.column.map((v) => d1 * v + c0) };
      return this.emit({ op: OP_AFFINE, a: a.ref, c1: ConstantColumn.uniform(d1, this.n), c0: ConstantColumn.uniform(c0, this.n) });
    }
    const d2 = t.d2[e];
    const b = this.parent(t.p2[e]);
    if ('column' in a && 'column' in b) return { column: a.column.map((v, i) => d1 * v + d2 * b.column[i] + c0) };
    const n = this.n;
    if ('column' in b) return this.emit({ op: OP_AFFINE, a: (a as { ref: number }).ref, c1: ConstantColumn.uniform(d1, n), c0: ConstantColumn.of(b.column.map((v) => d2 * v + c0)) });
    if ('column' in a) return this.emit({ op: OP_AFFINE, a: b.ref, c1: ConstantColumn.uniform(d2, n), c0: ConstantColumn.of(a.column.map((v) => d1 * v + c0)) });
    return this.emit({
      op: OP_AFFINE, a: a.ref, b: b.ref, c1: ConstantColumn.uniform(d1, n), c2: ConstantColumn.uniform(d2, n), c0: ConstantColumn.uniform(c0, n),
    });
  }

  private binary(e: number, op: number): Lowered {
    const t = this.tape;
    const a = this.parent(t.p1[e]);
    const b = this.parent(t.p2[e]);
    const mul = op === OP_MUL;
    if ('column' in a && 'column' in b) return { column: a.column.map((v, i) => (mul ? v * b.column[i] : v / b.column[i])) };
    const zero = ConstantColumn.uniform(0, this.n);
    if ('column' in b) {
      const ar = (a as { ref: number }).ref;
      // a·t is affine in a; a / t keeps its division (a·(1/t) has other last bits).
      return mul
        ? this.emit({ op: OP_AFFINE, a: ar, c1: ConstantColumn.of(b.column), c0: zero })
        : this.emit({ op: OP_DIV_CONST, a: ar, c1: ConstantColumn.of(b.column) });
    }
    if ('column' in a) {
      return mul
        ? this.emit({ op: OP_AFFINE, a: b.ref, c1: ConstantColumn.of(a.column), c0: zero })
        : this.emit({ op: OP_CONST_DIV, a: b.ref, c1: ConstantColumn.of(a.column) });
    }
    return this.emit({ op, a: a.ref, b: b.ref });
  }
}
