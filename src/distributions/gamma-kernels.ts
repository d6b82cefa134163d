/**
 * The fast paths of `Gamma`, behind its optional kernel interface (`Gamma.sumKernel`):
 * the closed-form sum over the data and the O(1) rows from the sufficient statistics.
 * (The gradient rows of a prior stay in the class: see `Exponential.addLogPdfGradRows`.)
 *
 * @module
 * @internal
 */
import { digamma, lgamma } from '../math/gamma-functions';
import type { SumLogPdfKernel } from './distribution';
import { isPositiveValue } from './validate';

/** The sufficient statistics of an i.i.d. gamma sample, [n, Σ xᵢ, Σ log xᵢ]. @internal */
export type GammaStatistics = Float64Array;

/** Σ log f(xᵢ | α, β) and its partials point by point: a `Gamma`'s own `sumLogPdfPartials`. @internal */
export type GammaPointwiseSum = (shape: number, rate: number, xs: ArrayLike<number>, out: Float64Array) => number;

/**
 * `Gamma.sumKernel`, the i.i.d. log-likelihood from raw `[shape, rate]`; `pointwise`
 * is the class's own sum, for data at 0 or sums that overflow (a function, so that this
 * file need not import the class). @internal
 */
export function gammaSumKernel(pointwise: GammaPointwiseSum): SumLogPdfKernel {
  return Object.freeze({
    arity: 2,
    cacheSlots: 5,
    accepts: (p: Float64Array): boolean => isPositiveValue(p[0]) && isPositiveValue(p[1]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => {
      const a = p[0];
      const b = p[1];
      // p[2], p[3]: the α of the last call and log Γ(α); p[4], p[5]: β and log β.
      if (p[2] !== a) {
        p[2] = a;
        p[3] = lgamma(a);
      }
      if (p[4] !== b) {
        p[4] = b;
        p[5] = Math.log(b);
      }
      const v = gammaSumLogPdfPartials(a, b, p[3], p[5], xs, out);
      // Data at 0 or overflowing sums: the per-point form, as the instance method does.
      return v !== undefined ? v : pointwise(a, b, xs, out);
    },
    statistics: gammaStatistics,
    fromStatistics: gammaRowsFromStatistics,
  });
}

/** [n, Σ xᵢ, Σ log xᵢ]; undefined (the per-point form) for data at 0 or a sum that overflows. */
function gammaStatistics(xs: ArrayLike<number>): GammaStatistics | undefined {
  let s = 0;
  let sLog = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x > 0)) return undefined;
    s += x;
    sLog += Math.log(x);
  }
  return s < Infinity ? Float64Array.of(xs.length, s, sLog) : undefined;
}

/**
 * `fromStatistics` over [α, β] rows: the formula of `gammaSumLogPdfPartials` with
 * Σ xᵢ and Σ log xᵢ precomputed; `cache` holds the α of the last row, log Γ(α), ψ(α),
 * the β of the last row and log β.
 */
function gammaRowsFromStatistics(p: Float64Array, rows: number, st: GammaStatistics, cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  const n = st[0];
  const s = st[1];
  const sLog = st[2];
  let lastA = cache[0];
  let lgA = cache[1];
  let psiA = cache[2];
  let lastB = cache[3];
  let logB = cache[4];
  for (let r = 0, o = 0; r < rows; r++, o += 2) {
    const a = p[o];
    const b = p[o + 1];
    if (!(isPositiveValue(a) && isPositiveValue(b))) {
      value[r] = -Infinity;
      partials[o] = 0;
      partials[o + 1] = 0;
      continue;
    }
    if (a !== lastA) {
      lastA = a;
      lgA = lgamma(a);
      psiA = digamma(a);
    }
    if (b !== lastB) {
      lastB = b;
      logB = Math.log(b);
    }
    partials[o] = n * (logB - psiA) + sLog;
    partials[o + 1] = (n * a) / b - s;
    value[r] = n * (a * logB - lgA) + (a - 1) * sLog - b * s;
  }
  cache[0] = lastA;
  cache[1] = lgA;
  cache[2] = psiA;
  cache[3] = lastB;
  cache[4] = logB;
}

/**
 * Σ log f(xᵢ) for Gamma(α, β) in one pass over Σ log xᵢ and Σ xᵢ, with
 * Σ ∂/∂α in `out[1]` and Σ ∂/∂β in `out[2]` (0 in `out[0]`); `undefined` (and
 * `out` untouched) when a datum is ≤ 0 or Σ xᵢ overflows, where the caller sums
 * the per-point forms instead. `Gamma.sumLogPdfPartials` and the summed kernel both
 * call it. @internal
 */
export function gammaSumLogPdfPartials(
  a: number,
  b: number,
  lgammaA: number,
  logB: number,
  xs: ArrayLike<number>,
  out: Float64Array,
): number | undefined {
  let sLog = 0;
  let s = 0;
  let min = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    sLog += Math.log(x);
    s += x;
    if (x < min) min = x;
  }
  if (min <= 0 || s === Infinity) return undefined;
  const n = xs.length;
  out[0] = 0;
  out[1] = n * (logB - digamma(a)) + sLog;
  out[2] = (n * a) / b - s;
  return n * (a * logB - lgammaA) + (a - 1) * sLog - b * s;
}
