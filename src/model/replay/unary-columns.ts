/**
 * The replay program's loops for the unary codes without a constant (log, log1p,
 * expm1, sqrt, tanh, sigmoid, softplus): one loop per code over a block's pairs.
 *
 * @module
 * @internal
 */
import { OP_EXPM1, OP_LOG, OP_LOG1P, OP_SIGMOID, OP_SOFTPLUS, OP_SQRT, OP_TANH } from '../op-codes';

// The unary codes without a constant, one loop each: a call of `unaryValue` (a switch
// and, for the logistic ones, an imported function) per (datum, sample) pair cost
// more than the function itself. The expressions are `op-codes.ts`'s (and, inlined,
// `math/logistic.ts`'s sigmoid and log1pexp), so the values keep their bits.

/** y = f(a) over m pairs for a unary code without a constant; false for any other code. */
export function unaryColumn(op: number, A: Float64Array, ao: number, val: Float64Array, o: number, m: number): boolean {
  switch (op) {
    case OP_LOG: for (let j = 0; j < m; j++) val[o + j] = Math.log(A[ao + j]); return true;
    case OP_LOG1P: for (let j = 0; j < m; j++) val[o + j] = Math.log1p(A[ao + j]); return true;
    case OP_EXPM1: for (let j = 0; j < m; j++) val[o + j] = Math.expm1(A[ao + j]); return true;
    case OP_SQRT: for (let j = 0; j < m; j++) val[o + j] = Math.sqrt(A[ao + j]); return true;
    case OP_TANH: for (let j = 0; j < m; j++) val[o + j] = Math.tanh(A[ao + j]); return true;
    case OP_SIGMOID:
      for (let j = 0; j < m; j++) {
        const x = A[ao + j];
        if (x >= 0) val[o + j] = 1 / (1 + Math.exp(-x));
        else {
          const e = Math.exp(x);
          val[o + j] = e / (1 + e);
        }
      }
      return true;
    case OP_SOFTPLUS:
      for (let j = 0; j < m; j++) {
        const x = A[ao + j];
        val[o + j] = x <= -37 ? Math.exp(x) : x <= 18 ? Math.log1p(Math.exp(x)) : x <= 33.3 ? x + Math.exp(-x) : x;
      }
      return true;
    default:
      return false;
  }
}

/** D = adjoint · ∂y/∂a over m pairs for a unary code without a constant; false for any other code. */
export function unaryDerivativeColumn(op: number, A: Float64Array, ao: number, val: Float64Array, o: number, adj: Float64Array, D: Float64Array, m: number): boolean {
  switch (op) {
    case OP_LOG: for (let j = 0; j < m; j++) D[j] = adj[o + j] * (1 / A[ao + j]); return true;
    case OP_LOG1P: for (let j = 0; j < m; j++) D[j] = adj[o + j] * (1 / (1 + A[ao + j])); return true;
    case OP_EXPM1: for (let j = 0; j < m; j++) D[j] = adj[o + j] * Math.exp(A[ao + j]); return true;
    case OP_SQRT: for (let j = 0; j < m; j++) D[j] = adj[o + j] * (0.5 / val[o + j]); return true;
    case OP_TANH: for (let j = 0; j < m; j++) D[j] = adj[o + j] * (1 - val[o + j] * val[o + j]); return true;
    case OP_SIGMOID: for (let j = 0; j < m; j++) D[j] = adj[o + j] * (val[o + j] * (1 - val[o + j])); return true;
    case OP_SOFTPLUS:
      for (let j = 0; j < m; j++) {
        const x = A[ao + j];
        let s: number;
        if (x >= 0) s = 1 / (1 + Math.exp(-x));
        else {
          const e = Math.exp(x);
          s = e / (1 + e);
        }
        D[j] = adj[o + j] * s;
      }
      return true;
    default:
      return false;
  }
}
