/**
 * The fast paths of `Gamma`, behind its optional kernel interface (`Gamma.sumKernel`,
 * `Gamma.pointKernel`): the closed-form sum over the data, the O(1) rows from the
 * sufficient statistics, the point kernel of a replayed per-datum likelihood and the
 * log-density on (0, ∞) they share with the class (`gammaLogDensity`).
 * (The gradient rows of a prior stay in the class: see `Exponential.addLogPdfGradRows`.)
 *
 * @module
 * @internal
 */
import { LN_SQRT_2PI } from '../math/constants';
import { log1pmx } from '../math/elementary';
import { digamma, lgamma, stirlerr } from '../math/gamma-functions';
import { logPoissonRaw } from '../math/saddle-point';
import type { SumLogPdfKernel } from './distribution';
import { shapeRowsFromStatistics, shapeSumKernel } from './shape-sum-kernel';
import type { PointLogPdfKernel } from './point-kernel';

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
  return shapeSumKernel(gammaSumLogPdfPartials, pointwise, gammaStatistics, gammaRowsFromStatistics);
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
 * Σ xᵢ and Σ log xᵢ precomputed (see `shapeRowsFromStatistics`).
 */
function gammaRowsFromStatistics(p: Float64Array, rows: number, st: GammaStatistics, cache: Float64Array, value: Float64Array, partials: Float64Array): void {
  shapeRowsFromStatistics(p, rows, st[0], st[2], st[1], -1, cache, value, partials);
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

/**
 * Slots of the point kernel's shape cache: (α, log Γ(α), ψ(α)), slot j mod the period
 * of the α column (a call's first α recurring within this many points; else 1, the
 * last α), kept across calls (a step's blocks all start at row 0). Keyed by α, so a
 * miss only recomputes. On a gamma regression with a latent shape and 16 rows (n =
 * 20 000) it took the step from 138 to 97 ns per pair (under tsx; the fallback: 155).
 */
const SHAPE_SLOTS = 64;
const shapeKey = new Float64Array(SHAPE_SLOTS).fill(NaN);
const shapeLg = new Float64Array(SHAPE_SLOTS);
const shapePsi = new Float64Array(SHAPE_SLOTS);

/**
 * `Gamma.pointKernel`: log f and ∂/∂α, ∂/∂β at many points from `[shape, rate]`
 * columns, `Gamma.logPdfPartials` operation for operation (log x from `prepare`, the
 * same bits as the class's `Math.log(x)`). log Γ(α) and ψ(α) come from a small cache
 * keyed by α (see `SHAPE_SLOTS`), log β once per run of a repeated β; the
 * moderate-shape branch of `gammaLogDensity` is inline. @internal
 */
export const gammaPointKernel: PointLogPdfKernel = Object.freeze({
  arity: 2,
  prepare: (xs: Float64Array): Float64Array => Float64Array.from(xs, (x) => Math.log(x)),
  evaluate(m: number, p: Float64Array, x: Float64Array, aux: Float64Array | null, value: Float64Array, partials: Float64Array): void {
    const logX = aux as Float64Array;
    // The period of the shape column: a replayed step lays its (datum, row) pairs out
    // datum by datum, so a latent shape (one per sample row) repeats every R points.
    let period = 1;
    const a0 = p[0];
    for (let j = 1; j < m && j <= SHAPE_SLOTS; j++) {
      if (p[j] === a0) {
        period = j;
        break;
      }
    }
    let slot = 0;
    let lgA = NaN;
    let psiA = NaN;
    let lastB = NaN;
    let logB = NaN;
    for (let j = 0; j < m; j++) {
      const a = p[j];
      const b = p[m + j];
      // Inline domain checks (see normal-kernels.ts).
      const q = slot;
      if (++slot === period) slot = 0;
      if (!(a > 0 && a < Infinity && b > 0 && b < Infinity)) {
        value[j] = NaN;
        continue;
      }
      if (shapeKey[q] === a) {
        lgA = shapeLg[q];
        psiA = shapePsi[q];
      } else {
        lgA = lgamma(a);
        psiA = digamma(a);
        shapeKey[q] = a;
        shapeLg[q] = lgA;
        shapePsi[q] = psiA;
      }
      if (b !== lastB) {
        lastB = b;
        logB = Math.log(b);
      }
      const xj = x[j];
      // Gamma.logDensity, inline.
      let lp: number;
      if (xj > 0) {
        if (xj === Infinity) lp = -Infinity;
        else {
          const y = b * xj;
          lp = a < SADDLE_POINT_SHAPE && y > 0 && y < Infinity ? logB + (a === 1 ? 0 : (a - 1) * Math.log(y)) - y - lgA : gammaLogDensity(a, b, xj, lgA, logB);
        }
      } else if (xj === 0) lp = a < 1 ? Infinity : a === 1 ? logB : -Infinity;
      else lp = xj < 0 ? -Infinity : NaN;
      value[j] = lp;
      // Gamma.logPdfPartials.
      if (!(xj >= 0) || lp === -Infinity) {
        partials[j] = 0;
        partials[m + j] = 0;
        continue;
      }
      partials[j] = xj === 0 ? -Infinity : logB + logX[j] - psiA;
      partials[m + j] = a / b - xj;
    }
  },
});

/** Above this shape the terms of the naive log-density cancel enough to cost digits. */
const SADDLE_POINT_SHAPE = 10;

/**
 * log f(x) for x in (0, ∞). For moderate shapes, log β + (α − 1) log y − y − log Γ(α)
 * with y = βx. For large shapes those terms are each ~α log α and cancel, so the
 * density is written as β times the Poisson-type density y^{α−1} e^{−y} / Γ(α) and
 * evaluated by Loader's saddle-point form (stirlerr and bd0), as R's dgamma does.
 * `Gamma.logPdf` and the point kernel both call it. @internal
 */
export function gammaLogDensity(a: number, b: number, x: number, lgammaA: number, logB: number): number {
  const y = b * x;
  // βx overflows where x and β separately are fine; at large shapes the density need not
  // (Gamma(1.8e308, 3) at x = 1.8e308, three times the mean: ≈ −1.6e308, was ∞ − ∞ = NaN):
  // Loader's form with the ratio r = βx/(α − 1) formed without the product.
  if (y === Infinity && a >= SADDLE_POINT_SHAPE) return logB + logPoissonRawFromRatio(a - 1, (b / (a - 1)) * x);
  if (y === Infinity || y === 0) return (a - 1) * Math.log(x) + a * logB - b * x - lgammaA;
  if (a >= SADDLE_POINT_SHAPE) return logB + logPoissonRaw(a - 1, y);
  const am1LogY = a === 1 ? 0 : (a - 1) * Math.log(y);
  return logB + am1LogY - y - lgammaA;
}

/**
 * log(y^m e^{−y}/Γ(m + 1)) for m ≥ 10 given r = y/m (y itself may overflow): Loader's
 * −½ log(2πm) − stirlerr(m) − bd0(m, y) with bd0(m, y) = m·(r − 1 − log r) = −m·log1pmx(r − 1).
 */
function logPoissonRawFromRatio(m: number, r: number): number {
  if (r === Infinity) return -Infinity;
  return -0.5 * Math.log(m) - LN_SQRT_2PI - stirlerr(m) + m * log1pmx(r - 1);
}
