/**
 * The reduction of a linear least-squares problem by Householder QR, computed
 * once so that the residual sum of squares ‖y − Aβ‖² and its gradient cost
 * O(k·p) per β instead of O(n·p).
 *
 * @module
 * @internal
 */

/** ‖y − Aβ‖² = rss0 + ‖c − Rβ‖² for every β, with R (k × p, upper trapezoidal) and c. */
export interface LeastSquaresReduction {
  /** k = min(n, p): the rows of R. */
  readonly k: number;
  /** The columns p. */
  readonly p: number;
  /** R, row-major k × p; R[i][j] = 0 for j < i. */
  readonly R: Float64Array;
  /** c = the first k entries of Qᵀy. */
  readonly c: Float64Array;
  /** The part of ‖y‖² no β can explain: the squares of the last n − k entries of Qᵀy. */
  readonly rss0: number;
}

/**
 * Householder QR of A (n × p, row-major, not modified) applied to y: A = QR with Q
 * orthogonal, so ‖y − Aβ‖² = ‖Qᵀy − Rβ‖² = rss0 + ‖c − Rβ‖², a sum of squares
 * with no cancellation (unlike yᵀy − 2βᵀAᵀy + βᵀAᵀAβ), and Aᵀ(y − Aβ) = Rᵀ(c − Rβ).
 * Backward stable (Golub & Van Loan, §5.2); rank-deficient A is fine (zero
 * pivots stay zero, nothing is inverted). The reflectors are LAPACK's (v_j = 1,
 * norms scaled and by `Math.hypot`), so subnormal and huge entries neither
 * underflow to 0/0 nor overflow.
 *
 * @param A - n × p, row-major
 * @param y - length n
 */
export function leastSquaresReduction(A: Float64Array, n: number, p: number, y: ArrayLike<number>): LeastSquaresReduction {
  const a = Float64Array.from(A);
  const b = Float64Array.from(y);
  const k = Math.min(n, p);
  const v = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    // The reflector H = I − τ v vᵀ with v_j = 1 that maps a[j:n, j] onto β e₁ (LAPACK's
    // dlarfg): β = −sign(α)·‖a[j:n, j]‖, τ = (β − α)/β, v_i = a_ij/(α − β) for i > j.
    // Computed on the column divided by its largest entry, where every quantity is
    // O(1) (τ and v do not change with the scale; β does, by the factor).
    let below = 0;
    for (let i = j + 1; i < n; i++) below = Math.max(below, Math.abs(a[i * p + j]));
    if (below === 0) continue; // already zero below the diagonal: H = I
    const scale = Math.max(below, Math.abs(a[j * p + j]));
    const alpha = a[j * p + j] / scale;
    let ss = 0;
    for (let i = j + 1; i < n; i++) {
      const t = a[i * p + j] / scale;
      ss += t * t;
    }
    const beta = alpha >= 0 ? -Math.hypot(alpha, Math.sqrt(ss)) : Math.hypot(alpha, Math.sqrt(ss));
    const tau = (beta - alpha) / beta;
    const d = alpha - beta;
    v[j] = 1;
    for (let i = j + 1; i < n; i++) v[i] = a[i * p + j] / scale / d;
    for (let c = j + 1; c < p; c++) {
      let s = a[j * p + c];
      for (let i = j + 1; i < n; i++) s += v[i] * a[i * p + c];
      const f = tau * s;
      a[j * p + c] -= f;
      for (let i = j + 1; i < n; i++) a[i * p + c] -= f * v[i];
    }
    let s = b[j];
    for (let i = j + 1; i < n; i++) s += v[i] * b[i];
    const f = tau * s;
    b[j] -= f;
    for (let i = j + 1; i < n; i++) b[i] -= f * v[i];
    a[j * p + j] = beta * scale;
    for (let i = j + 1; i < n; i++) a[i * p + j] = 0;
  }
  const R = new Float64Array(k * p);
  for (let i = 0; i < k; i++) for (let c = i; c < p; c++) R[i * p + c] = a[i * p + c];
  let rss0 = 0;
  for (let i = k; i < n; i++) rss0 += b[i] * b[i];
  return { k, p, R, c: b.slice(0, k), rss0 };
}
