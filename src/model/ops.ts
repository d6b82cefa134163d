/**
 * Differentiable operations for arithmetic on latents inside a model.
 *
 * Each operation accepts plain numbers or the reverse-mode nodes a `Model`
 * passes to the likelihood when it computes gradients (typed `number` in both
 * cases). With plain numbers only, it returns a plain number (fast path, nothing
 * recorded); otherwise it records one entry on the node's tape and returns a new
 * node. Use them instead of `+ - * /` and `Math.*` on latents: plain arithmetic
 * on a node throws a `TypeError` rather than silently dropping the derivative.
 *
 * @example
 * ```ts
 * import { Model, Normal, plate, add, mul, dot } from 'varinf';
 * const xs = [0.1, 0.5, 0.9], ys = [1.2, 2.1, 2.8];
 * const line = new Model({
 *   prior: { a: new Normal(0, 10), b: new Normal(0, 10) },
 *   likelihood: ({ a, b }, i) => new Normal(add(a, mul(b, xs[i])), 0.5),
 *   data: ys,
 * });
 * line.gradLogJoint({ a: 1, b: 2 }); // exact { a, b }
 * ```
 *
 * @module
 */
// The scalar logistic functions are shared with the distributions (same bits).
import { log1pexp, sigmoid as logistic } from '../math/logistic';
import { formatValue } from '../errors';
import { LEAF_BLOCK, TapeNode, type LeafBlock } from './tape';
import { plainRow } from './column-block';
import {
  OP_CONST_DIV, OP_DIV, OP_DIV_CONST, OP_EXP, OP_EXPM1, OP_LOG, OP_LOG1P, OP_MUL, OP_POW,
  OP_SIGMOID, OP_SOFTPLUS, OP_SQRT, OP_SQUARE, OP_TANH,
} from './op-codes';

type N = TapeNode;
const out = (n: N): number => n as unknown as number;

/**
 * `x` as a tape node, once the caller has seen it is not a number; anything else
 * (a string, null, an array, undefined from a misspelt name) is a `TypeError`
 * naming the operation and the argument instead of a raw read of `.tape` or
 * `.value`. Only the node path pays for the `instanceof`.
 */
function nodeOf(op: string, arg: string, x: unknown, index = -1): N {
  if (x instanceof TapeNode) return x;
  // The element's index joins the name only here, on the failure path.
  const name = index < 0 ? arg : `${arg}[${index}]`;
  throw new TypeError(`${op}: ${name} must be a number or a latent, got ${formatValue(x)}`);
}

/** Throws a `TypeError` naming `op` unless `v` is array-like (an array or typed array). */
function checkArray(op: string, arg: string, v: unknown): void {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`${op}: ${arg} must be an array of numbers or latents, got ${formatValue(v)}`);
  }
}

/**
 * The plain numeric value of `x` (a number or a node), with no derivative: the
 * result is a constant for differentiation ("stop gradient"). Use it for
 * comparisons and branching on latents.
 *
 * @example
 * ```ts
 * detach(1.5); // → 1.5
 * // inside a likelihood: detach(z) > 0 ? … : …
 * ```
 */
export function detach(x: number): number {
  if (typeof x === 'number') return x;
  const X = nodeOf('detach', 'x', x);
  // The likelihood may branch on the value: the model must keep calling it.
  X.tape.valueRead = true;
  return X.value;
}

/**
 * a + b.
 *
 * @example
 * ```ts
 * add(1, 2); // → 3
 * ```
 */
export function add(a: number, b: number): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a + b;
    const B = nodeOf('add', 'b', b);
    return out(B.tape.affine(a + B.value, B.index, 1, a));
  }
  const A = nodeOf('add', 'a', a);
  if (typeof b === 'number') return out(A.tape.affine(A.value + b, A.index, 1, b));
  const B = nodeOf('add', 'b', b);
  return out(A.tape.affine2(A.value + B.value, A.index, 1, B.index, 1));
}

/**
 * a − b.
 *
 * @example
 * ```ts
 * sub(1, 2); // → -1
 * ```
 */
export function sub(a: number, b: number): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    const B = nodeOf('sub', 'b', b);
    return out(B.tape.affine(a - B.value, B.index, -1, a));
  }
  const A = nodeOf('sub', 'a', a);
  if (typeof b === 'number') return out(A.tape.affine(A.value - b, A.index, 1, -b));
  const B = nodeOf('sub', 'b', b);
  return out(A.tape.affine2(A.value - B.value, A.index, 1, B.index, -1));
}

/**
 * a · b.
 *
 * @example
 * ```ts
 * mul(3, 2); // → 6
 * ```
 */
export function mul(a: number, b: number): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a * b;
    const B = nodeOf('mul', 'b', b);
    return out(B.tape.affine(a * B.value, B.index, a, 0));
  }
  const A = nodeOf('mul', 'a', a);
  if (typeof b === 'number') return out(A.tape.affine(A.value * b, A.index, b, 0));
  const B = nodeOf('mul', 'b', b);
  return out(A.tape.binary(A.value * B.value, A.index, B.value, B.index, A.value, OP_MUL));
}

/**
 * a / b; ∂/∂a = 1/b, ∂/∂b = −a/b².
 *
 * @example
 * ```ts
 * div(3, 2); // → 1.5
 * ```
 */
export function div(a: number, b: number): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a / b;
    const B = nodeOf('div', 'b', b);
    const y = a / B.value;
    return out(B.tape.unary(y, B.index, -y / B.value, OP_CONST_DIV, a));
  }
  const A = nodeOf('div', 'a', a);
  if (typeof b === 'number') return out(A.tape.affine(A.value / b, A.index, 1 / b, 0, OP_DIV_CONST, b));
  const B = nodeOf('div', 'b', b);
  const y = A.value / B.value;
  return out(A.tape.binary(y, A.index, 1 / B.value, B.index, -y / B.value, OP_DIV));
}

/**
 * −a.
 *
 * @example
 * ```ts
 * neg(2); // → -2
 * ```
 */
export function neg(a: number): number {
  if (typeof a === 'number') return -a;
  const A = nodeOf('neg', 'a', a);
  return out(A.tape.affine(-A.value, A.index, -1, 0));
}

/** Applies a unary function given its value y = f(x) and derivative f′(x). */
function unary(A: N, y: number, dy: number, op: number, k = 0): number {
  return out(A.tape.unary(y, A.index, dy, op, k));
}

/**
 * eˣ.
 *
 * @example
 * ```ts
 * exp(0); // → 1
 * ```
 */
export function exp(x: number): number {
  if (typeof x === 'number') return Math.exp(x);
  const X = nodeOf('exp', 'x', x);
  const y = Math.exp(X.value);
  return unary(X, y, y, OP_EXP);
}

/**
 * Natural logarithm log x; derivative 1/x.
 *
 * @example
 * ```ts
 * log(Math.E); // → 1
 * ```
 */
export function log(x: number): number {
  if (typeof x === 'number') return Math.log(x);
  const X = nodeOf('log', 'x', x);
  return unary(X, Math.log(X.value), 1 / X.value, OP_LOG);
}

/**
 * log(1 + x), accurate for small |x| (`Math.log1p`, fdlibm); derivative 1/(1 + x).
 *
 * @example
 * ```ts
 * log1p(1e-10); // → 9.999999999500001e-11
 * ```
 */
export function log1p(x: number): number {
  if (typeof x === 'number') return Math.log1p(x);
  const X = nodeOf('log1p', 'x', x);
  return unary(X, Math.log1p(X.value), 1 / (1 + X.value), OP_LOG1P);
}

/**
 * eˣ − 1, accurate for small |x| (`Math.expm1`, fdlibm); derivative eˣ.
 *
 * @example
 * ```ts
 * expm1(1e-10); // → 1.00000000005e-10
 * ```
 */
export function expm1(x: number): number {
  if (typeof x === 'number') return Math.expm1(x);
  const X = nodeOf('expm1', 'x', x);
  return unary(X, Math.expm1(X.value), Math.exp(X.value), OP_EXPM1);
}

/**
 * √x; derivative 1/(2√x).
 *
 * @example
 * ```ts
 * sqrt(4); // → 2
 * ```
 */
export function sqrt(x: number): number {
  if (typeof x === 'number') return Math.sqrt(x);
  const X = nodeOf('sqrt', 'x', x);
  const y = Math.sqrt(X.value);
  return unary(X, y, 0.5 / y, OP_SQRT);
}

/**
 * x²; derivative 2x.
 *
 * @example
 * ```ts
 * square(3); // → 9
 * ```
 */
export function square(x: number): number {
  if (typeof x === 'number') return x * x;
  const X = nodeOf('square', 'x', x);
  return unary(X, X.value * X.value, 2 * X.value, OP_SQUARE);
}

/**
 * xᶜ for a constant exponent c (a plain number); derivative c·xᶜ⁻¹.
 *
 * @example
 * ```ts
 * pow(2, 3); // → 8
 * ```
 */
export function pow(x: number, c: number): number {
  if (typeof c !== 'number') {
    throw new TypeError('pow: the exponent must be a plain number; use exp(mul(c, log(x))) for a latent exponent');
  }
  if (typeof x === 'number') return Math.pow(x, c);
  const X = nodeOf('pow', 'x', x);
  const v = X.value;
  return unary(X, Math.pow(v, c), c === 0 ? 0 : c * Math.pow(v, c - 1), OP_POW, c);
}

/**
 * The logistic function σ(x) = 1/(1 + e⁻ˣ), without overflow; derivative σ(1 − σ).
 *
 * @example
 * ```ts
 * sigmoid(0); // → 0.5
 * ```
 */
export function sigmoid(x: number): number {
  if (typeof x === 'number') return logistic(x);
  const X = nodeOf('sigmoid', 'x', x);
  const s = logistic(X.value);
  return unary(X, s, s * (1 - s), OP_SIGMOID);
}

/**
 * softplus(x) = log(1 + eˣ), without overflow (Mächler 2012 branches, < 2 ulp);
 * derivative σ(x).
 *
 * @example
 * ```ts
 * softplus(0);   // → 0.6931471805599453
 * softplus(800); // → 800
 * ```
 */
export function softplus(x: number): number {
  if (typeof x === 'number') return log1pexp(x);
  const X = nodeOf('softplus', 'x', x);
  return unary(X, log1pexp(X.value), logistic(X.value), OP_SOFTPLUS);
}

/**
 * Hyperbolic tangent; derivative 1 − tanh².
 *
 * @example
 * ```ts
 * tanh(0); // → 0
 * ```
 */
export function tanh(x: number): number {
  if (typeof x === 'number') return Math.tanh(x);
  const X = nodeOf('tanh', 'x', x);
  const t = Math.tanh(X.value);
  return unary(X, t, 1 - t * t, OP_TANH);
}

/**
 * Inner product Σⱼ aⱼ bⱼ of two arrays of the same length (else a `RangeError`). With
 * nodes among the elements it records ONE tape entry that references both arrays
 * (no copy), so a d-dimensional regression term costs O(d) once per datum.
 * Do not mutate the arrays before the gradient is computed.
 *
 * @example
 * ```ts
 * dot([1, 2, 3], new Float64Array([4, 5, 6])); // → 32
 * // in a likelihood: ({ w }, i) => new Normal(dot(w, X[i]), 1)
 * ```
 */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkArray('dot', 'a', a);
  checkArray('dot', 'b', b);
  const n = a.length;
  if (b.length !== n) throw new RangeError(`dot: the arrays have different lengths (${n} and ${b.length})`);
  if (a instanceof Float64Array && b instanceof Float64Array) return dotPlain(a, b);
  // A latent vector against numbers (or a covariate row's placeholder) is one
  // replayable entry, whichever side the latents are on (the products commute).
  const base = (a as unknown as Partial<LeafBlock>)[LEAF_BLOCK];
  if (base !== undefined) {
    const r = dotLeaves(a as unknown as LeafBlock, base, plainRow(b));
    if (r !== undefined) return r;
  }
  const baseB = (b as unknown as Partial<LeafBlock>)[LEAF_BLOCK];
  if (baseB !== undefined) {
    const r = dotLeaves(b as unknown as LeafBlock, baseB, plainRow(a));
    if (r !== undefined) return r;
  }
  let s = 0;
  let tape: TapeNode['tape'] | null = null;
  for (let j = 0; j < n; j++) {
    const x = a[j] as unknown as number | N;
    const y = b[j] as unknown as number | N;
    let xv: number;
    let yv: number;
    if (typeof x === 'number') xv = x;
    else {
      const X = nodeOf('dot', 'a', x, j);
      xv = X.value;
      tape = X.tape;
    }
    if (typeof y === 'number') yv = y;
    else {
      const Y = nodeOf('dot', 'b', y, j);
      yv = Y.value;
      tape = Y.tape;
    }
    s += xv * yv;
  }
  if (tape === null) return s;
  return out(tape.vector(s, a, b));
}

function dotPlain(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

/** dot of a plate's leaves with plain numbers; undefined when `x` holds nodes. */
function dotLeaves(w: LeafBlock, base: number, x: ArrayLike<number>): number | undefined {
  const tape = w[0].tape;
  const v = tape.leafValues;
  let s = 0;
  for (let j = 0; j < x.length; j++) {
    const xj = x[j];
    if (typeof xj !== 'number') return undefined;
    s += v[base + j] * xj;
  }
  return out(tape.leafDot(s, base, x));
}

/**
 * Σⱼ vⱼ. With nodes among the elements it records one tape entry referencing `v`.
 *
 * @example
 * ```ts
 * sum(new Float64Array([1, 2, 3])); // → 6
 * ```
 */
export function sum(v: ArrayLike<number>): number {
  checkArray('sum', 'v', v);
  let s = 0;
  let tape: TapeNode['tape'] | null = null;
  for (let j = 0; j < v.length; j++) {
    const x = v[j] as unknown as number | N;
    if (typeof x === 'number') s += x;
    else {
      const X = nodeOf('sum', 'v', x, j);
      s += X.value;
      tape = X.tape;
    }
  }
  return tape === null ? s : out(tape.vector(s, v, null));
}
