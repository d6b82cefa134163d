/**
 * A family's log density with its parameter partials at many points at once, from
 * plain parameter columns: what a replayed likelihood needs in place of building
 * one distribution per datum and sample.
 *
 * @module
 * @internal
 */
import type { SumLogPdfKernel } from '../../distributions/distribution';

/** log f(xⱼ | θⱼ) and ∂/∂θ_k at m points. */
export interface PointKernel {
  /** The number of parameters. */
  readonly arity: number;
  /**
   * For j < m: `value[j]` = log f(x[j] | θ) with θ_k = `params[k·m + j]`, and
   * `partials[k·m + j]` = ∂/∂θ_k; `value[j]` is NaN where the constructor would
   * refuse θ (the caller then treats the whole row as out of the domain).
   */
  evaluate(m: number, params: Float64Array, x: Float64Array, value: Float64Array, partials: Float64Array): void;
}

/**
 * The point kernel of a family with a summed kernel: one point at a time through
 * `sumLogPdfPartials` (the family's own arithmetic, its cache keeping log σ, log Γ(α),
 * … while a parameter repeats, as it does along a column of constants).
 */
export function pointKernelOf(kernel: SumLogPdfKernel): PointKernel {
  const A = kernel.arity;
  const p = new Float64Array(A + kernel.cacheSlots).fill(NaN);
  const xs = new Float64Array(1);
  const out = new Float64Array(A + 1);
  return {
    arity: A,
    evaluate(m, params, x, value, partials) {
      for (let j = 0; j < m; j++) {
        for (let k = 0; k < A; k++) p[k] = params[k * m + j];
        if (!kernel.accepts(p)) {
          value[j] = NaN;
          continue;
        }
        xs[0] = x[j];
        value[j] = kernel.sumLogPdfPartials(p, xs, out);
        for (let k = 0; k < A; k++) partials[k * m + j] = out[k + 1];
      }
    },
  };
}
