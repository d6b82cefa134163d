/**
 * Cross-coordinate control variates for mean-field location–scale guides.
 *
 * Why: a mean-field guide fitted to a correlated posterior sees, in each draw's model
 * gradient g = ∇ᵤ log p̃(m + σε), a term linear in the *other* coordinates' noise,
 * g_j ≈ c_j + Σ_k A_jk ε_k with A_jk = E[g_j ε_k] (Stein: σ_k E[∂²log p̃/∂u_j∂u_k]).
 * Through the log-scale gradient σ_j ε_j g_j it becomes the products ε_j ε_k, which
 * scrambled Sobol points of 16 rows do not integrate well, and which the per-coordinate
 * features (functions of ε_j alone, `control-variates.ts`) cannot see. On the d = 50
 * nonlinear regression of issue #14 they were most of the log-scales' gradient noise
 * (per-draw sd up to 0.79 posterior units; 0.21 with this correction).
 *
 * What: every row's model gradient becomes g_j − Σ_{k≠j} Â_jk ε_k, with Â learnt from
 * *earlier* steps only (exponentially weighted moments of g εᵀ over their rows). The
 * subtracted term has mean zero for every guide parameter of a coordinate-wise guide:
 * ∂u_j/∂θ depends on ε_j alone, ε_k (k ≠ j) is independent of it with mean zero, also
 * for scrambled Sobol points (each coordinate has its own independent scramble). So
 * the gradient stays unbiased. It is not valid for full-rank guides (∂u_j/∂L_jk = ε_k),
 * which is why only the mean-field fused estimator applies it.
 *
 * @module
 * @internal
 */

/** Steps of history before the correction is applied (as the per-coordinate features). */
const MIN_STEPS = 30;

/**
 * Steps after the first correction over which its effect is measured: it is turned
 * off for the rest of the fit when it took less than {@link MIN_EXPLAINED} of the
 * residual variance of the model gradients (a posterior without correlations).
 */
const CHECK_STEPS = 50;
const MIN_EXPLAINED = 0.1;

/** Largest d for which the d² per row is worth it (cost ≈ 2d² multiply-adds per draw). */
const MAX_DIM = 128;

/** Below this d the 2d² per draw is negligible beside any model's gradient. */
const ALWAYS_DIM = 8;

/**
 * Whether the cross-coordinate correction is worth its 2d² multiply-adds per draw:
 * always for d ≤ 8; up to d = 128 when the model has at least 16 data per latent
 * (`dataSize`), so that a likelihood touching the latents for every datum costs far
 * more per draw. A d = 62 model with 60 data took twice the time per step with it,
 * for no fewer steps (its posterior has no correlations).
 *
 * @param d - the guide's dimension
 * @param dataSize - the model's number of data, if it says
 * @returns true when `fit` should apply it
 * @example
 * ```ts
 * useCrossControlVariate(50, 1000); // → true
 * useCrossControlVariate(62, 60);   // → false
 * useCrossControlVariate(1, 1000);  // → false: one coordinate has no cross terms
 * ```
 * @internal
 */
export function useCrossControlVariate(d: number, dataSize: number | undefined): boolean {
  if (d < 2 || d > MAX_DIM) return false;
  return d <= ALWAYS_DIM || (dataSize !== undefined && 16 * d <= dataSize);
}

/**
 * The learnt coefficients Â (d × d, zero diagonal) and their moments.
 *
 * @example
 * ```ts
 * const cv = new CrossControlVariate(2, 1 - 1 / 200);
 * cv.correctRows(Float64Array.of(1, 0, 0, 1), Float64Array.of(0.5, 2, 1, 0.1), 2); // learns only (fewer than 30 steps)
 * ```
 * @internal
 */
export class CrossControlVariate {
  /** Σ decay-weighted g_j ε_k over earlier rows (row-major d × d). */
  private readonly moments: Float64Array;
  /** Â_jk = moments_jk / rows, diagonal 0 (row-major d × d). */
  private readonly coef: Float64Array;
  /** b_j = E[g_j ε_j] from the moments (the own-coordinate slope). */
  private readonly diag: Float64Array;
  /** A running mean of g_j (earlier steps), taken off before learning. */
  private readonly center: Float64Array;
  /** This step's Σ_s g_sj. */
  private readonly sums: Float64Array;
  /** Decay-weighted number of rows in `moments`. */
  private rows = 0;
  /** Decay-weighted number of steps in `moments`. */
  private steps = 0;
  /** Steps corrected so far, and Σ r² and Σ (r − correction)² over them (see CHECK_STEPS). */
  private corrected = 0;
  private residSq = 0;
  private leftSq = 0;
  /** Turned off: it explained too little (see CHECK_STEPS). */
  private off = false;

  /**
   * @param d - the number of coordinates (each with one N(0, 1) noise value)
   * @param decay - per-step weight of the older moments (e.g. 1 − 1/200)
   */
  constructor(
    readonly d: number,
    readonly decay: number,
  ) {
    this.moments = new Float64Array(d * d);
    this.coef = new Float64Array(d * d);
    this.diag = new Float64Array(d);
    this.center = new Float64Array(d);
    this.sums = new Float64Array(d);
  }

  /**
   * Corrects the S rows of model gradients `g` (row-major S × d) in place for the
   * noise rows `eps` (S × d), with the coefficients of earlier steps, then learns
   * from this step's raw rows. A step with a non-finite gradient teaches nothing.
   */
  correctRows(eps: Float64Array, g: Float64Array, S: number): void {
    const d = this.d;
    const n = S * d;
    if (this.off) return;
    for (let i = 0; i < n; i++) if (!Number.isFinite(g[i])) return;
    const ready = this.steps >= MIN_STEPS;
    if (!ready) {
      this.residSq = 0;
      this.leftSq = 0;
    } else if (++this.corrected === CHECK_STEPS && this.leftSq > (1 - MIN_EXPLAINED) * this.residSq) {
      // Measured over the steps before this one; this step is left as it is.
      this.off = true;
      return;
    }
    // Refreshed every step (d² work, as one row), from earlier steps only; Â stays
    // zero until `ready`.
    this.refresh(ready);
    const moments = this.moments;
    const r = this.decay;
    for (let i = 0; i < moments.length; i++) moments[i] *= r;
    this.rows = this.rows * r + S;
    this.steps = this.steps * r + 1;
    // One pass over Â per four rows: learn from the raw g_j (read before it is
    // corrected) and subtract Σ_k Â_jk ε_k (Â_jj = 0, and Â is all zero until
    // `ready`). The off-diagonal moments learn from r_j = g_j − ḡ_j − b_j ε_j (ḡ_j a
    // running mean, b_j the diagonal moment's slope): the same expected coefficients
    // (E[ε_j ε_k] = 0), but without the own-coordinate term that dominates g_j (e.g.
    // −ε_j/σ_j at a Gaussian optimum, which sticking-the-landing cancels), whose
    // noise would otherwise leak into Â. Four rows per pass load each Â_jk and
    // moment once for four rows (the d = 50 regression: 0.13 → 0.07 ms per step).
    this.sums.fill(0);
    let o = 0;
    for (; o + 4 * d <= n; o += 4 * d) this.fourRows(eps, g, o);
    for (; o < n; o += d) this.oneRow(eps, g, o);
    // The centre for the next steps: an exponentially weighted mean of g_j.
    const { center, sums } = this;
    const w = 1 - r;
    for (let j = 0; j < d; j++) center[j] = r * center[j] + (w * sums[j]) / S;
  }

  /** Rows o, o + d, o + 2d, o + 3d: corrected, learnt from, summed into `sums`. */
  private fourRows(eps: Float64Array, g: Float64Array, o: number): void {
    const { d, moments, coef, diag, center, sums } = this;
    const o1 = o + d;
    const o2 = o1 + d;
    const o3 = o2 + d;
    let rs = 0;
    let ls = 0;
    for (let j = 0; j < d; j++) {
      const g0 = g[o + j];
      const g1 = g[o1 + j];
      const g2 = g[o2 + j];
      const g3 = g[o3 + j];
      const cj = center[j];
      const bj = diag[j];
      const r0 = g0 - cj - bj * eps[o + j];
      const r1 = g1 - cj - bj * eps[o1 + j];
      const r2 = g2 - cj - bj * eps[o2 + j];
      const r3 = g3 - cj - bj * eps[o3 + j];
      const m = j * d;
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      let c3 = 0;
      for (let k = 0; k < d; k++) {
        const e0 = eps[o + k];
        const e1 = eps[o1 + k];
        const e2 = eps[o2 + k];
        const e3 = eps[o3 + k];
        const a = coef[m + k];
        c0 += a * e0;
        c1 += a * e1;
        c2 += a * e2;
        c3 += a * e3;
        moments[m + k] += r0 * e0 + r1 * e1 + r2 * e2 + r3 * e3;
      }
      // The diagonal moment keeps the raw g_j ε_j.
      moments[m + j] += (g0 - r0) * eps[o + j] + (g1 - r1) * eps[o1 + j] + (g2 - r2) * eps[o2 + j] + (g3 - r3) * eps[o3 + j];
      sums[j] += g0 + g1 + g2 + g3;
      rs += r0 * r0 + r1 * r1 + r2 * r2 + r3 * r3;
      ls += (r0 - c0) ** 2 + (r1 - c1) ** 2 + (r2 - c2) ** 2 + (r3 - c3) ** 2;
      g[o + j] = g0 - c0;
      g[o1 + j] = g1 - c1;
      g[o2 + j] = g2 - c2;
      g[o3 + j] = g3 - c3;
    }
    this.residSq += rs;
    this.leftSq += ls;
  }

  /** Row o alone (the rows left over by {@link fourRows}). */
  private oneRow(eps: Float64Array, g: Float64Array, o: number): void {
    const { d, moments, coef, diag, center, sums } = this;
    let rs = 0;
    let ls = 0;
    for (let j = 0; j < d; j++) {
      const gj = g[o + j];
      const ej = eps[o + j];
      const rj = gj - center[j] - diag[j] * ej;
      const m = j * d;
      let c = 0;
      for (let k = 0; k < d; k++) {
        const e = eps[o + k];
        c += coef[m + k] * e;
        moments[m + k] += rj * e;
      }
      moments[m + j] += (gj - rj) * ej;
      sums[j] += gj;
      rs += rj * rj;
      ls += (rj - c) ** 2;
      g[o + j] = gj - c;
    }
    this.residSq += rs;
    this.leftSq += ls;
  }

  /**
   * b ← the diagonal moments / rows, and Â ← the off-diagonal ones when `withCoef`
   * (Â's diagonal stays 0: it is the per-coordinate features' job).
   */
  private refresh(withCoef: boolean): void {
    const { d, moments, coef, diag } = this;
    const inv = this.rows > 0 ? 1 / this.rows : 0;
    for (let j = 0; j < d; j++) {
      const o = j * d;
      diag[j] = moments[o + j] * inv;
      if (withCoef) for (let k = 0; k < d; k++) if (k !== j) coef[o + k] = moments[o + k] * inv;
    }
  }
}
