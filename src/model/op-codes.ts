/**
 * What operation made each tape entry, so that a traced likelihood can be replayed
 * without calling user code (see `program/compile.ts`). Every operation of `ops.ts`
 * records its code; the replay computes each value with the same arithmetic, in the
 * same order, as the operation did when it was traced, so that a replayed forward
 * value has the bits of the traced one.
 *
 * @module
 * @internal
 */
import { log1pexp, sigmoid as logistic } from '../math/logistic';

/** An entry whose operation is not known (a leaf, or a tape written by hand): not replayable. */
export const OP_UNKNOWN = 0;
/** y = d1·a (+ d2·b) + c0 with constants d1, d2, c0 (sums, differences, products with numbers, neg). */
export const OP_AFFINE = 1;
/** y = a / k for a constant k (kept apart from OP_AFFINE: a·(1/k) has other last bits than a/k). */
export const OP_DIV_CONST = 2;
/** y = k / a for a constant k. */
export const OP_CONST_DIV = 3;
/** y = a·b. */
export const OP_MUL = 4;
/** y = a / b. */
export const OP_DIV = 5;
/** y = Σⱼ leaf[base + j]·xⱼ for a constant vector x. */
export const OP_LEAF_DOT = 6;
/** y = Σⱼ aⱼ bⱼ or Σⱼ aⱼ over arrays mixing nodes and numbers (not replayed). */
export const OP_VECTOR = 7;
// Unary functions of one node: y = f(a), ∂y/∂a from a and y.
export const OP_EXP = 8;
export const OP_LOG = 9;
export const OP_LOG1P = 10;
export const OP_EXPM1 = 11;
export const OP_SQRT = 12;
export const OP_SQUARE = 13;
/** y = a^k for a constant k. */
export const OP_POW = 14;
export const OP_SIGMOID = 15;
export const OP_SOFTPLUS = 16;
export const OP_TANH = 17;

/** True for the unary codes whose constant `opK` matters (a / k, k / a, a^k). */
export function hasOpConstant(op: number): boolean {
  return op === OP_DIV_CONST || op === OP_CONST_DIV || op === OP_POW;
}

/** True for the codes that {@link unaryValue} and {@link unaryDerivative} handle. */
export function isUnaryOp(op: number): boolean {
  return op === OP_DIV_CONST || op === OP_CONST_DIV || (op >= OP_EXP && op <= OP_TANH);
}

/** y = f(a) of a unary code (k: its constant), with the arithmetic of `ops.ts`. */
export function unaryValue(op: number, a: number, k: number): number {
  switch (op) {
    case OP_DIV_CONST: return a / k;
    case OP_CONST_DIV: return k / a;
    case OP_EXP: return Math.exp(a);
    case OP_LOG: return Math.log(a);
    case OP_LOG1P: return Math.log1p(a);
    case OP_EXPM1: return Math.expm1(a);
    case OP_SQRT: return Math.sqrt(a);
    case OP_SQUARE: return a * a;
    case OP_POW: return Math.pow(a, k);
    case OP_SIGMOID: return logistic(a);
    case OP_SOFTPLUS: return log1pexp(a);
    default: return Math.tanh(a);
  }
}

/** ∂y/∂a of a unary code at a with y = f(a), as `ops.ts` records it. */
export function unaryDerivative(op: number, a: number, y: number, k: number): number {
  switch (op) {
    case OP_DIV_CONST: return 1 / k;
    case OP_CONST_DIV: return -y / a;
    case OP_EXP: return y;
    case OP_LOG: return 1 / a;
    case OP_LOG1P: return 1 / (1 + a);
    case OP_EXPM1: return Math.exp(a);
    case OP_SQRT: return 0.5 / y;
    case OP_SQUARE: return 2 * a;
    case OP_POW: return k === 0 ? 0 : k * Math.pow(a, k - 1);
    case OP_SIGMOID: return y * (1 - y);
    case OP_SOFTPLUS: return logistic(a);
    default: return 1 - y * y;
  }
}
