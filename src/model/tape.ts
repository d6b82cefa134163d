/**
 * The reverse-mode tape behind `Model` gradients.
 *
 * A {@link Tape} records every differentiable operation of one gradient
 * evaluation as an entry in growable typed arrays: the indices of (at most two)
 * parents and the local partial derivatives, or, for the vector operations `dot`
 * and `sum`, references to the operand arrays (never copied). No closure is
 * created per operation. A {@link TapeNode} is the boxed scalar that the model
 * passes to the user's likelihood in place of a latent's number; it carries its
 * value, its index on the tape and the tape itself.
 *
 * Gradient of a log joint (Stan Math's operands-and-partials): the log joint is a
 * sum of log densities, so the model adds each term's parameter partials
 * (`logPdfPartials` / `sumLogPdfPartials`) straight into the adjoints of the
 * nodes it finds in `dist.operands`, then {@link Tape.backward} sweeps once from
 * the last entry to the leaves (the latents), which sit at indices 0 … leaves−1.
 *
 * Reading an entry back as an affine form of the leaves (for the linear-Gaussian
 * kernel) is not part of the tape: see `tape-affine-form.ts`.
 *
 * @module
 */
import type { BoxedScalar } from '../distributions/scalar';
import { OP_AFFINE, OP_LEAF_DOT, OP_UNKNOWN, OP_VECTOR } from './op-codes';

/**
 * The message of the `TypeError` thrown when a node is used in plain arithmetic.
 *
 * @example
 * ```ts
 * const [node] = new Tape().reset(1, [2]);
 * try {
 *   (node as unknown as number) + 1;
 * } catch (e) {
 *   (e as Error).message === NON_DIFFERENTIABLE_MESSAGE; // → true
 * }
 * ```
 */
export const NON_DIFFERENTIABLE_MESSAGE =
  'latent arithmetic with + - * / or Math.* inside a model is not differentiable; ' +
  "use varinf's add/mul/exp/… (they also accept plain numbers)";

// Entry kinds (the `kind` array). VECTOR, LEAF_DOT and AFFINE are exported for the
// reading of affine forms (`tape-affine-form.ts`); the sweep uses the same bindings.
const LEAF = 0;
const SCALAR = 1;
/** Entry kind: y = Σⱼ aⱼ bⱼ or Σⱼ aⱼ over operand arrays mixing nodes and numbers. @internal */
export const VECTOR = 2;
/** Entry kind: y = Σⱼ leaf[base + j]·xⱼ for a constant vector x. @internal */
export const LEAF_DOT = 3;
/** Entry kind: a SCALAR entry whose partials are constants, y = d1·x1 + d2·x2 + offset. @internal */
export const AFFINE = 4;

/**
 * Marks an array of consecutive leaf nodes (a plate latent in gradient mode); the
 * value is the index of its first leaf. `dot` uses it to read values from and
 * write adjoints to contiguous memory.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.reset(7, new Float64Array(7));
 * const w = tape.leafBlock(2, 5);
 * w[LEAF_BLOCK]; // → 2: w[j] is leaf 2 + j
 * ```
 */
export const LEAF_BLOCK: unique symbol = Symbol('varinf.leafBlock');

/**
 * An array of consecutive leaves, as made by {@link Tape.leafBlock}.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.reset(3, new Float64Array(3));
 * const w: LeafBlock = tape.leafBlock(0, 3); // typed Float64Array when handed to user code
 * w.length; // → 3
 * ```
 */
export type LeafBlock = TapeNode[] & { [LEAF_BLOCK]: number };

/**
 * A reverse-mode node: a latent, or the result of a differentiable operation on
 * latents, during a gradient evaluation. It is typed as `number` where user code
 * sees it. Plain arithmetic on it (`+`, `*`, `Math.exp`, comparisons) throws a
 * `TypeError`, because it would silently lose the derivative; use the operations
 * exported by varinf (`add`, `mul`, `exp`, …) or `detach(x)` for the plain value.
 *
 * @example
 * ```ts
 * import { Model, Normal, mul } from 'varinf';
 * // Inside a likelihood under gradLogJoint, `z` is a TapeNode:
 * const ok = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(mul(2, z), 1), data: [1] });
 * ok.gradLogJoint({ z: 0.5 }); // → { z: -0.5 } (= −z + 2(1 − 2z))
 * const bad = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(2 * z, 1), data: [1] });
 * bad.gradLogJoint({ z: 0.5 }); // throws TypeError: latent arithmetic with + - * / or Math.* inside a model is not differentiable…
 * ```
 */
export class TapeNode implements BoxedScalar {
  /** The node's numeric value. */
  value: number;
  /** Position of the node's entry on its tape. */
  readonly index: number;
  /**
   * The tape the node belongs to.
   * @internal
   */
  readonly tape: Tape;

  /**
   * Made by the model's tape during a gradient evaluation; user code never constructs nodes.
   *
   * @param tape - owning tape
   * @param index - entry index on the tape
   * @param value - numeric value
   * @internal
   */
  constructor(tape: Tape, index: number, value: number) {
    this.value = value;
    this.index = index;
    this.tape = tape;
  }

  /** Always throws: plain arithmetic on a node would drop its derivative. */
  valueOf(): never {
    throw new TypeError(NON_DIFFERENTIABLE_MESSAGE);
  }

  /** A readable description, e.g. `TapeNode(1.5)`. */
  toString(): string {
    return `TapeNode(${this.value})`;
  }
}

/**
 * True when `x` is a reverse-mode node rather than a plain number.
 *
 * @example
 * ```ts
 * isNode(1.5); // → false
 * ```
 */
export function isNode(x: unknown): x is TapeNode {
  return x instanceof TapeNode;
}

/**
 * A growable reverse-mode tape. Entries 0 … leaves−1 are leaves (latents);
 * later entries are operations. Reset per evaluation by {@link Tape.reset}.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const [x] = tape.reset(1, new Float64Array([2]));
 * const y = tape.unary(x.value * x.value, x.index, 2 * x.value); // y = x²
 * tape.adjoints[y.index] = 1;
 * tape.backward();
 * tape.adjoints[0]; // → 4
 * ```
 */
export class Tape {
  /** Number of entries in use. */
  size = 0;
  /** Number of leaves at the start of the tape. */
  leaves = 0;
  /** Adjoint ∂(output)/∂(entry) for each entry, filled by seeding and {@link backward}. */
  adjoints: Float64Array;
  /** Values of the leaves of the current evaluation. */
  leafValues: Float64Array = new Float64Array(0);
  /**
   * Set by `detach` when it reads a node's value (cleared by the model before it
   * calls the likelihood): a likelihood that reads values may branch on them, so
   * the model must keep calling it rather than use a likelihood kernel.
   */
  valueRead = false;
  /** Per entry, its kind (LEAF, SCALAR, {@link VECTOR}, {@link LEAF_DOT}, {@link AFFINE}). @internal */
  kind: Uint8Array;
  /**
   * Per entry, the operation that made it (an `op-codes.ts` code) and its constant
   * (the exponent of `pow`, the constant of a division), read by the compiler of
   * replayable likelihoods.
   * @internal
   */
  op: Uint8Array;
  /** @internal */
  opK: Float64Array;
  /** Per entry, its parents (−1: none). @internal */
  p1: Int32Array;
  /** @internal */
  p2: Int32Array;
  /** Per entry, ∂y/∂(parent), constants on AFFINE entries. @internal */
  d1: Float64Array;
  /** @internal */
  d2: Float64Array;
  /** The additive constant of AFFINE entries. @internal */
  c0: Float64Array;
  /** VECTOR entries: p1 holds a slot in vecA/vecB (operands a, b; b null for sum). @internal */
  vecA: ArrayLike<number>[] = [];
  /** @internal */
  vecB: (ArrayLike<number> | null)[] = [];
  private vecCount = 0;
  private leafNodes: TapeNode[] = [];

  /** @param capacity - initial number of entries (grows by doubling) */
  constructor(capacity = 256) {
    this.adjoints = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.op = new Uint8Array(capacity);
    this.opK = new Float64Array(capacity);
    this.p1 = new Int32Array(capacity);
    this.p2 = new Int32Array(capacity);
    this.d1 = new Float64Array(capacity);
    this.d2 = new Float64Array(capacity);
    this.c0 = new Float64Array(capacity);
  }

  /**
   * Starts a new evaluation with `n` leaves holding `values[0 … n−1]`; returns the
   * leaf nodes (the same objects from one evaluation to the next, values updated).
   */
  reset(n: number, values: ArrayLike<number>): readonly TapeNode[] {
    if (n > this.adjoints.length) this.grow(n);
    const leaves = this.leafNodes;
    for (let i = leaves.length; i < n; i++) leaves.push(new TapeNode(this, i, 0));
    if (this.leafValues.length < n) this.leafValues = new Float64Array(n);
    const lv = this.leafValues;
    for (let i = 0; i < n; i++) {
      leaves[i].value = lv[i] = values[i];
      this.kind[i] = LEAF;
      this.op[i] = OP_UNKNOWN;
    }
    // Clear the references of the previous evaluation's vector entries.
    for (let s = 0; s < this.vecCount; s++) {
      this.vecA[s] = EMPTY;
      this.vecB[s] = null;
    }
    this.vecCount = 0;
    const adj = this.adjoints;
    const end = this.size > n ? this.size : n;
    for (let i = 0; i < end; i++) adj[i] = 0;
    this.size = n;
    this.leaves = n;
    return leaves;
  }

  /**
   * Drops every entry after the leaves (values only: adjoints are not touched), so
   * that a trace datum by datum reuses the same few entries. Valid only when no
   * adjoint was written beyond the leaves since the last {@link reset}.
   */
  truncateToLeaves(): void {
    for (let s = 0; s < this.vecCount; s++) {
      this.vecA[s] = EMPTY;
      this.vecB[s] = null;
    }
    this.vecCount = 0;
    this.size = this.leaves;
  }

  /** True when `node` is one of this tape's current leaves (a latent passed through unchanged). */
  isLeaf(node: TapeNode): boolean {
    return node.tape === this && node.index < this.leaves && this.leafNodes[node.index] === node;
  }

  /**
   * The leaves `offset … offset+size−1` as an array marked with {@link LEAF_BLOCK}
   * (call after {@link reset}; the nodes persist across resets of the same size).
   */
  leafBlock(offset: number, size: number): LeafBlock {
    const block = this.leafNodes.slice(offset, offset + size) as LeafBlock;
    block[LEAF_BLOCK] = offset;
    return block;
  }

  /**
   * Records y = Σⱼ leaf[base + j]·xⱼ for plain numbers x (a reference, not a copy).
   */
  leafDot(value: number, base: number, x: ArrayLike<number>): TapeNode {
    const i = this.size;
    if (i === this.kind.length) this.grow(i + 1);
    const s = this.vecCount++;
    this.vecA[s] = EMPTY;
    this.vecB[s] = x;
    this.kind[i] = LEAF_DOT;
    this.op[i] = OP_LEAF_DOT;
    this.p1[i] = s;
    this.p2[i] = base;
    this.size = i + 1;
    return new TapeNode(this, i, value);
  }

  /**
   * Records y = f(x) with ∂y/∂x = `d`; returns the node of y. `op` and `k` say which
   * function it was (an `op-codes.ts` code and its constant), for replays.
   */
  unary(value: number, parent: number, d: number, op: number = OP_UNKNOWN, k = 0): TapeNode {
    const i = this.size;
    if (i === this.kind.length) this.grow(i + 1);
    this.kind[i] = SCALAR;
    this.op[i] = op;
    this.opK[i] = k;
    this.p1[i] = parent;
    this.d1[i] = d;
    this.p2[i] = -1;
    this.size = i + 1;
    return new TapeNode(this, i, value);
  }

  /**
   * Records y = c·x + offset for a constant c (an operation that is affine in its
   * operand: a sum with a number, a product with a number, …); the same derivative
   * as `unary`, and recognizable by `affineForm` (`tape-affine-form.ts`).
   */
  affine(value: number, parent: number, c: number, offset: number, op: number = OP_AFFINE, k = 0): TapeNode {
    const node = this.unary(value, parent, c, op, k);
    this.kind[node.index] = AFFINE;
    this.c0[node.index] = offset;
    return node;
  }

  /** Records y = ca·a + cb·b for constants ca, cb (a sum or difference of two nodes). */
  affine2(value: number, a: number, ca: number, b: number, cb: number): TapeNode {
    const node = this.binary(value, a, ca, b, cb, OP_AFFINE);
    this.kind[node.index] = AFFINE;
    this.c0[node.index] = 0;
    return node;
  }

  /** Records y = f(a, b) with partials `da`, `db` (`op`: which f, for replays); returns the node of y. */
  binary(value: number, a: number, da: number, b: number, db: number, op: number = OP_UNKNOWN): TapeNode {
    const i = this.size;
    if (i === this.kind.length) this.grow(i + 1);
    this.kind[i] = SCALAR;
    this.op[i] = op;
    this.p1[i] = a;
    this.d1[i] = da;
    this.p2[i] = b;
    this.d2[i] = db;
    this.size = i + 1;
    return new TapeNode(this, i, value);
  }

  /**
   * Records y = Σⱼ aⱼ bⱼ (or Σⱼ aⱼ when `b` is null), keeping references to the
   * operand arrays; their node elements receive the adjoint in {@link backward}.
   * The arrays must not be mutated before the sweep.
   */
  vector(value: number, a: ArrayLike<number>, b: ArrayLike<number> | null): TapeNode {
    const i = this.size;
    if (i === this.kind.length) this.grow(i + 1);
    const s = this.vecCount++;
    this.vecA[s] = a;
    this.vecB[s] = b;
    this.kind[i] = VECTOR;
    this.op[i] = OP_VECTOR;
    this.p1[i] = s;
    this.size = i + 1;
    return new TapeNode(this, i, value);
  }

  /** Propagates the adjoints from the last entry down to the leaves. */
  backward(): void {
    const adj = this.adjoints;
    const kind = this.kind;
    const p1 = this.p1;
    const p2 = this.p2;
    const d1 = this.d1;
    const d2 = this.d2;
    for (let i = this.size - 1; i >= this.leaves; i--) {
      const g = adj[i];
      if (g === 0) continue;
      if (kind[i] === SCALAR || kind[i] === AFFINE) {
        adj[p1[i]] += g * d1[i];
        const q = p2[i];
        if (q >= 0) adj[q] += g * d2[i];
      } else if (kind[i] === LEAF_DOT) {
        const x = this.vecB[p1[i]] as ArrayLike<number>;
        if (x instanceof Float64Array) leafDotBackwardF64(adj, g, p2[i], x);
        else leafDotBackward(adj, g, p2[i], x);
      } else {
        const s = p1[i];
        backwardVector(adj, g, this.vecA[s], this.vecB[s]);
      }
    }
  }

  private grow(min: number): void {
    let cap = this.kind.length * 2;
    while (cap < min) cap *= 2;
    this.adjoints = growF(this.adjoints, cap);
    this.d1 = growF(this.d1, cap);
    this.d2 = growF(this.d2, cap);
    this.c0 = growF(this.c0, cap);
    this.opK = growF(this.opK, cap);
    const op = new Uint8Array(cap);
    op.set(this.op);
    this.op = op;
    this.p1 = growI(this.p1, cap);
    this.p2 = growI(this.p2, cap);
    const k = new Uint8Array(cap);
    k.set(this.kind);
    this.kind = k;
  }
}

const EMPTY: ArrayLike<number> = [];

function leafDotBackwardF64(adj: Float64Array, g: number, base: number, x: Float64Array): void {
  for (let j = 0; j < x.length; j++) adj[base + j] += g * x[j];
}

function leafDotBackward(adj: Float64Array, g: number, base: number, x: ArrayLike<number>): void {
  for (let j = 0; j < x.length; j++) adj[base + j] += g * x[j];
}

/** adj[aⱼ] += g·bⱼ and adj[bⱼ] += g·aⱼ for the node elements (bⱼ = 1 for a sum). */
function backwardVector(
  adj: Float64Array,
  g: number,
  a: ArrayLike<number>,
  b: ArrayLike<number> | null,
): void {
  const n = a.length;
  if (b === null) {
    for (let j = 0; j < n; j++) {
      const x = a[j] as unknown as TapeNode | number;
      if (typeof x !== 'number') adj[x.index] += g;
    }
    return;
  }
  for (let j = 0; j < n; j++) {
    const x = a[j] as unknown as TapeNode | number;
    const y = b[j] as unknown as TapeNode | number;
    if (typeof x !== 'number') adj[x.index] += g * (typeof y === 'number' ? y : y.value);
    if (typeof y !== 'number') adj[y.index] += g * (typeof x === 'number' ? x : x.value);
  }
}

function growF(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}

function growI(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
