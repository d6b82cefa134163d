/**
 * The point kernel of a family: log f(xⱼ | θⱼ) with its parameter partials at many
 * points at once, from plain parameter columns. A likelihood replayed by the model
 * (`model/replay/`) evaluates every (datum, sample) pair of a step through it, so it
 * is written as one tight loop per family, without a distribution object per point.
 *
 * @module
 * @internal
 */

/**
 * log f(xⱼ | θⱼ) and ∂/∂θ_k at m points.
 *
 * @example
 * ```ts
 * const k = Normal.pointKernel; // internal
 * const value = new Float64Array(2), partials = new Float64Array(4);
 * k.evaluate(2, Float64Array.of(0, 1, 1, 2), Float64Array.of(0.5, 0.5), null, value, partials);
 * // value[1] = new Normal(1, 2).logPdf(0.5)
 * ```
 * @internal
 */
export interface PointLogPdfKernel {
  /** The number of parameters (the family's `paramNames.length`). */
  readonly arity: number;
  /**
   * Per-datum constants the kernel reads in `aux` (e.g. log k! of a count), computed
   * once per data set; absent when it needs none.
   */
  readonly prepare?: (xs: Float64Array) => Float64Array;
  /**
   * For j < m: `value[j]` = log f(x[j] | θ) with θ_k = `params[k·m + j]` and
   * `partials[k·m + j]` = ∂/∂θ_k; `value[j]` is NaN where the family's constructor
   * would refuse θ (the caller then treats the whole row as out of the domain).
   * `aux[j]` holds `prepare`'s constant of x[j]'s datum.
   */
  evaluate(m: number, params: Float64Array, x: Float64Array, aux: Float64Array | null, value: Float64Array, partials: Float64Array): void;
  /**
   * `evaluate` without the partials (the value passes: ELBO estimates, the
   * convergence checks, the step-size search), with the same `value` bits; absent
   * when the partials cost nothing extra.
   */
  values?(m: number, params: Float64Array, x: Float64Array, aux: Float64Array | null, value: Float64Array): void;
}
