/**
 * Turns one traced pass of a per-datum likelihood into a {@link ReplayProgram}.
 *
 * The trace is the model's tape after calling the likelihood with leaf nodes for
 * every datum: datum i's operations are the entries `bounds[i] … bounds[i+1] − 1`
 * and `dists[i]` is the distribution it returned. The program is the operations of
 * datum 0 as a template; it applies when every datum made the same operations on
 * the same operands (the likelihood's structure does not depend on i, only its
 * numbers do: covariates, offsets, known scales), read no latent value (`detach`),
 * referred to no other datum's nodes, and returned the same family, which has a
 * summed kernel of its own. Numbers that differ between data become per-datum
 * columns. Anything else keeps the general path: calling the likelihood.
 *
 * @module
 * @internal
 */
import type { SumLogPdfKernel } from '../../distributions/distribution';
import { TapeNode, type Tape } from '../tape';
import type { LikelihoodDistribution } from '../values';
import {
  OP_AFFINE, OP_DIV, OP_LEAF_DOT, OP_MUL, hasOpConstant, isUnaryOp,
} from '../op-codes';
import { ConstantColumn } from './constant-column';
import { familyPointKernel, hasOwnSumKernel } from './point-kernel';
import { CONST_REF, NO_REF, ReplayProgram, leafRef, type Instruction } from './program';

/** Thrown inside the compiler when the trace is not replayable (caught there). */
const NOT_REPLAYABLE = Symbol('not replayable');

interface Draft {
  op: number;
  a: number;
  b: number;
  c1: ConstantColumn | null;
  c2: ConstantColumn | null;
  c0: ConstantColumn | null;
  dotBase: number;
  dotLen: number;
  dotRefs: ArrayLike<number>[] | null;
}

// The compiler reads the tape's entries while they are there; the covariate arrays of
// `dot` are kept by reference (the user's arrays) until `finish` packs them.

/**
 * Builds a replay program datum by datum, as the likelihood is traced: `add` each
 * datum's segment of the tape right after its call (the tape may then be truncated
 * back to its leaves, so that tracing n data takes O(1) tape), `finish` at the end.
 * Once a datum does not fit the template, the compiler is `failed` and stays so.
 */
export class ReplayCompiler {
  private drafts: Draft[] = [];
  private readonly refs: Int32Array = new Int32Array(0);
  private readonly consts: (ConstantColumn | null)[] = [];
  private readonly proto: object | undefined;
  private readonly ctor: { sumKernel?: SumLogPdfKernel };
  private added = 0;
  /** True once the trace is known not to be replayable. */
  failed = false;

  /** @param first - datum 0's distribution (its family must have a summed kernel of its own) */
  constructor(private readonly tape: Tape, first: LikelihoodDistribution, private readonly data: Float64Array, private readonly dim: number) {
    this.ctor = first.constructor as { sumKernel?: SumLogPdfKernel };
    if (!hasOwnSumKernel(first)) {
      this.failed = true;
      return;
    }
    this.proto = Object.getPrototypeOf(first) as object;
    this.refs = new Int32Array(first.operands.length);
  }

  /** Datum i's trace: its operations are the tape entries s0 … s1 − 1, `d` its distribution. */
  add(i: number, d: LikelihoodDistribution, s0: number, s1: number): void {
    if (this.failed) return;
    if (i !== this.added++) throw new RangeError('ReplayCompiler.add: data must come in order');
    const n = this.data.length;
    const tape = this.tape;
    try {
      if (i === 0) {
        for (let e = s0; e < s1; e++) this.drafts.push(draftOf(tape, s0, e, n));
        operandsOf(tape, d, s0, s1, this.refs, this.consts, n);
        return;
      }
      if (s1 - s0 !== this.drafts.length || Object.getPrototypeOf(d) !== this.proto) throw NOT_REPLAYABLE;
      for (let t = 0; t < this.drafts.length; t++) matchEntry(tape, this.drafts[t], s0, s0 + t, i);
      matchOperands(tape, d, s0, s1, this.refs, this.consts, i);
    } catch (e) {
      if (e !== NOT_REPLAYABLE) throw e;
      this.fail();
    }
  }

  /** Gives up (a value was read, a datum did not fit): frees what was gathered. */
  fail(): void {
    this.failed = true;
    this.drafts = [];
  }

  /** The program, or undefined when some datum did not fit (or not every datum was added). */
  finish(): ReplayProgram | undefined {
    const n = this.data.length;
    if (this.failed || this.added !== n || n === 0) return undefined;
    const code = this.drafts.map((dr) => finish(dr, n));
    return new ReplayProgram(code, { kernel: familyPointKernel(this.ctor), refs: this.refs, consts: this.consts }, this.data, this.dim);
  }
}

/**
 * The replay program of a traced per-datum likelihood, or undefined when it does
 * not apply (see the module comment): datum i's operations are the tape entries
 * `bounds[i] … bounds[i+1] − 1` and `dists[i]` its distribution; `clean`: no latent
 * value was read.
 */
export function compileReplay(
  tape: Tape,
  bounds: ArrayLike<number>,
  dists: readonly LikelihoodDistribution[],
  clean: boolean,
  data: Float64Array,
  dim: number,
): ReplayProgram | undefined {
  const n = data.length;
  if (!clean || n === 0 || dists.length !== n || bounds.length !== n + 1) return undefined;
  const c = new ReplayCompiler(tape, dists[0], data, dim);
  for (let i = 0; i < n && !c.failed; i++) c.add(i, dists[i], bounds[i], bounds[i + 1]);
  return c.finish();
}

/** The reference of parent `p` of entry `e` in the segment starting at `s0`. */
function refOf(tape: Tape, p: number, s0: number, e: number): number {
  if (p < 0) return NO_REF;
  if (p < tape.leaves) return leafRef(p);
  if (p >= s0 && p < e) return p - s0;
  throw NOT_REPLAYABLE;
}

function draftOf(tape: Tape, s0: number, e: number, n: number): Draft {
  const op = tape.op[e];
  const dr: Draft = { op, a: NO_REF, b: NO_REF, c1: null, c2: null, c0: null, dotBase: 0, dotLen: 0, dotRefs: null };
  if (op === OP_LEAF_DOT) {
    const x = tape.vecB[tape.p1[e]] as ArrayLike<number>;
    dr.dotBase = tape.p2[e];
    dr.dotLen = x.length;
    dr.dotRefs = [x];
    return dr;
  }
  if (op !== OP_AFFINE && op !== OP_MUL && op !== OP_DIV && !isUnaryOp(op)) throw NOT_REPLAYABLE;
  dr.a = refOf(tape, tape.p1[e], s0, e);
  if (op === OP_AFFINE || op === OP_MUL || op === OP_DIV) dr.b = refOf(tape, tape.p2[e], s0, e);
  if (op === OP_AFFINE) {
    dr.c1 = new ConstantColumn(tape.d1[e], n);
    dr.c0 = new ConstantColumn(tape.c0[e], n);
    if (dr.b !== NO_REF) dr.c2 = new ConstantColumn(tape.d2[e], n);
  } else if (op !== OP_MUL && op !== OP_DIV) {
    dr.c1 = new ConstantColumn(hasOpConstant(op) ? tape.opK[e] : 0, n);
  }
  return dr;
}

/** Checks that entry `e` of datum i's segment (from `s0`) is the template's instruction; records its constants. */
function matchEntry(tape: Tape, dr: Draft, s0: number, e: number, i: number): void {
  const op = tape.op[e];
  if (op !== dr.op) throw NOT_REPLAYABLE;
  if (op === OP_LEAF_DOT) {
    const x = tape.vecB[tape.p1[e]] as ArrayLike<number>;
    if (tape.p2[e] !== dr.dotBase || x.length !== dr.dotLen) throw NOT_REPLAYABLE;
    (dr.dotRefs as ArrayLike<number>[]).push(x);
    return;
  }
  if (refOf(tape, tape.p1[e], s0, e) !== dr.a) throw NOT_REPLAYABLE;
  if (op === OP_AFFINE || op === OP_MUL || op === OP_DIV) {
    if (refOf(tape, tape.p2[e], s0, e) !== dr.b) throw NOT_REPLAYABLE;
  }
  if (op === OP_AFFINE) {
    (dr.c1 as ConstantColumn).set(i, tape.d1[e]);
    (dr.c0 as ConstantColumn).set(i, tape.c0[e]);
    if (dr.b !== NO_REF) (dr.c2 as ConstantColumn).set(i, tape.d2[e]);
  } else if (hasOpConstant(op)) (dr.c1 as ConstantColumn).set(i, tape.opK[e]);
}

/** The parameters of datum 0's distribution: node references or per-datum constants. */
function operandsOf(tape: Tape, d: LikelihoodDistribution, s0: number, s1: number, refs: Int32Array, consts: (ConstantColumn | null)[], n: number): void {
  const ops = d.operands as readonly unknown[];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k];
    if (typeof o === 'number') {
      refs[k] = CONST_REF;
      consts.push(new ConstantColumn(o, n));
    } else {
      refs[k] = nodeRef(tape, o, s0, s1);
      consts.push(null);
    }
  }
}

function matchOperands(tape: Tape, d: LikelihoodDistribution, s0: number, s1: number, refs: Int32Array, consts: (ConstantColumn | null)[], i: number): void {
  const ops = d.operands as readonly unknown[];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k];
    if (typeof o === 'number') {
      if (refs[k] !== CONST_REF) throw NOT_REPLAYABLE;
      (consts[k] as ConstantColumn).set(i, o);
    } else if (nodeRef(tape, o, s0, s1) !== refs[k]) throw NOT_REPLAYABLE;
  }
}

/** A distribution operand's reference: a leaf, or a node of its own datum's segment. */
function nodeRef(tape: Tape, o: unknown, s0: number, s1: number): number {
  if (!(o instanceof TapeNode) || o.tape !== tape) throw NOT_REPLAYABLE;
  const p = o.index;
  if (p < tape.leaves) return tape.isLeaf(o) ? leafRef(p) : thrown();
  if (p >= s0 && p < s1) return p - s0;
  throw NOT_REPLAYABLE;
}

function thrown(): never {
  throw NOT_REPLAYABLE;
}

/** The instruction of a draft: `dot` rows packed (one shared row when every datum used the same array). */
function finish(dr: Draft, n: number): Instruction {
  let dotRows: Float64Array | null = null;
  let dotShared = false;
  const xs = dr.dotRefs;
  if (xs !== null) {
    const len = dr.dotLen;
    dotShared = xs.every((x) => x === xs[0]);
    dotRows = new Float64Array(dotShared ? len : n * len);
    for (let i = 0; i < (dotShared ? 1 : n); i++) {
      const x = xs[i];
      for (let q = 0; q < len; q++) dotRows[i * len + q] = x[q];
    }
  }
  return { op: dr.op, a: dr.a, b: dr.b, c1: dr.c1, c2: dr.c2, c0: dr.c0, dotBase: dr.dotBase, dotLen: dr.dotLen, dotRows, dotShared };
}
