/**
 * A family's log density with its parameter partials at many points at once, from
 * plain parameter columns: what a replayed likelihood needs in place of building
 * one distribution per datum and sample.
 *
 * @module
 * @internal
 */
import type { SumLogPdfKernel } from '../../distributions/distribution';
import type { PointLogPdfKernel } from '../../distributions/point-kernel';

/**
 * True when `d`'s family can be replayed: it has a summed kernel of its own (a
 * subclass may change the density, so an inherited one does not count) taking as
 * many parameters as `d` has operands.
 */
export function hasOwnSumKernel(d: { readonly operands: readonly unknown[]; readonly constructor: unknown }): boolean {
  const ctor = d.constructor as { sumKernel?: SumLogPdfKernel };
  return Object.prototype.hasOwnProperty.call(ctor, 'sumKernel') && d.operands.length === (ctor.sumKernel as SumLogPdfKernel).arity;
}

/** A family's point kernel: its own where it has one (a loop written for it), else {@link pointKernelOf}. */
export function familyPointKernel(ctor: { sumKernel?: SumLogPdfKernel; pointKernel?: PointLogPdfKernel }): PointLogPdfKernel {
  return Object.prototype.hasOwnProperty.call(ctor, 'pointKernel') ? (ctor.pointKernel as PointLogPdfKernel) : pointKernelOf(ctor.sumKernel as SumLogPdfKernel);
}

/**
 * The point kernel of a family with a summed kernel: one point at a time through
 * `sumLogPdfPartials` (the family's own arithmetic, its cache keeping log σ, log Γ(α),
 * … while a parameter repeats, as it does along a column of constants).
 */
export function pointKernelOf(kernel: SumLogPdfKernel): PointLogPdfKernel {
  const A = kernel.arity;
  const p = new Float64Array(A + kernel.cacheSlots).fill(NaN);
  const xs = new Float64Array(1);
  const out = new Float64Array(A + 1);
  return {
    arity: A,
    evaluate(m, params, x, _aux, value, partials) {
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
