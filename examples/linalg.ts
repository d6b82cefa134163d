/**
 * A few dense linear-algebra helpers for the examples' exact Gaussian posteriors
 * (row-major square matrices as Float64Array). Small d only; no pivoting needed
 * for the symmetric positive-definite matrices used here.
 *
 * @module
 */

/** Cholesky factor L (lower, row-major) of a symmetric positive-definite d×d matrix. */
export function cholesky(a: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      if (i === j) {
        if (!(s > 0)) throw new RangeError('cholesky: matrix is not positive definite');
        l[i * d + i] = Math.sqrt(s);
      } else l[i * d + j] = s / l[j * d + j];
    }
  }
  return l;
}

/** log det A = 2 Σ log Lᵢᵢ from the Cholesky factor L of A. */
export function logDetFromCholesky(l: Float64Array, d: number): number {
  let s = 0;
  for (let i = 0; i < d; i++) s += 2 * Math.log(l[i * d + i]);
  return s;
}

/** log det A for symmetric positive-definite A. */
export function logDet(a: Float64Array, d: number): number {
  return logDetFromCholesky(cholesky(a, d), d);
}

/** Solves L Lᵀ x = b by forward and back substitution, given the Cholesky factor L. */
export function choleskySolve(l: Float64Array, d: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * d + k] * y[k];
    y[i] = s / l[i * d + i];
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < d; k++) s -= l[k * d + i] * x[k];
    x[i] = s / l[i * d + i];
  }
  return x;
}

/** Solves A x = b for symmetric positive-definite A. */
export function solve(a: Float64Array, d: number, b: ArrayLike<number>): Float64Array {
  return choleskySolve(cholesky(a, d), d, b);
}

/** Inverse of a symmetric positive-definite matrix. */
export function inverse(a: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  const e = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    e.fill(0);
    e[j] = 1;
    const col = solve(a, d, e);
    for (let i = 0; i < d; i++) out[i * d + j] = col[i];
  }
  return out;
}

/** KL(N(m0, S0) ‖ N(m1, S1)) for d-dimensional Gaussians (covariances row-major). */
export function klGaussian(m0: ArrayLike<number>, s0: Float64Array, m1: ArrayLike<number>, s1: Float64Array, d: number): number {
  const s1inv = inverse(s1, d);
  let tr = 0;
  for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) tr += s1inv[i * d + k] * s0[k * d + i];
  let quad = 0;
  for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) quad += (m1[i] - m0[i]) * s1inv[i * d + k] * (m1[k] - m0[k]);
  return 0.5 * (tr + quad - d + logDet(s1, d) - logDet(s0, d));
}
