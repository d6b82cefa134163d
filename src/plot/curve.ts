/**
 * Evaluating a density on a grid for plotting: non-finite values are dropped,
 * and a curve can be rescaled to integrate to 1 over the grid.
 *
 * @module
 */
import type { Density } from './spec';
import { trapezoid } from './trapezoid';

/** Points of a plotted curve, all finite. @internal */
export interface CurvePoints {
  /** Grid points kept (increasing). */
  readonly x: number[];
  /** Curve values at `x`. */
  readonly y: number[];
}

/**
 * Evaluates `density` at the grid points.
 *
 * - A distribution is evaluated through `logPdf`; a function returns f(x), or
 *   log f(x) when `logScale` is true.
 * - Points where the value is NaN or ±∞ (after exponentiating a log value)
 *   are dropped; log f = −∞ gives 0 and is kept.
 * - With `rescale`, values are divided by their trapezoid integral over the kept
 *   points, so the drawn curve has area 1. Log values are shifted by their maximum
 *   before exponentiating, so an unnormalized log joint of any magnitude works.
 *   Throws a `RangeError` when the integral is not positive and finite.
 * @internal
 */
export function evaluateCurve(
  name: string,
  density: Density,
  grid: readonly number[],
  logScale: boolean,
  rescale: boolean,
): CurvePoints {
  let f: (x: number) => number;
  let isLog: boolean;
  if (typeof density === 'function') {
    f = density;
    isLog = logScale;
  } else if (density !== null && typeof density === 'object' && typeof density.logPdf === 'function') {
    f = (x) => density.logPdf(x);
    isLog = true;
  } else {
    throw new TypeError(`curve "${name}": density must be a distribution (with logPdf) or a function`);
  }

  const xs: number[] = [];
  const vs: number[] = [];
  for (const x of grid) {
    const v = f(x);
    // Drop NaN, and +∞ (an infinite density); a raw −∞ is also meaningless.
    if (Number.isNaN(v) || v === Infinity || (!isLog && v === -Infinity)) continue;
    xs.push(x);
    vs.push(v);
  }
  if (xs.length === 0) {
    throw new RangeError(`curve "${name}": the density is NaN or infinite at every point of the domain [${grid[0]}, ${grid[grid.length - 1]}], nothing to plot`);
  }

  if (!rescale) {
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < xs.length; i++) {
      const v = isLog ? Math.exp(vs[i]) : vs[i];
      if (Number.isFinite(v)) {
        x.push(xs[i]);
        y.push(v);
      }
    }
    return { x, y };
  }

  // Rescale: bring values to at most 1 in magnitude first so the integral cannot overflow.
  let m = -Infinity;
  for (const v of vs) m = Math.max(m, isLog ? v : Math.abs(v));
  const w = new Array<number>(vs.length);
  for (let i = 0; i < vs.length; i++) {
    w[i] = isLog ? Math.exp(vs[i] - m) : vs[i] / m;
  }
  const z = trapezoid(xs, w);
  const fail = (): never => {
    throw new RangeError(
      `curve "${name}": cannot rescale, its integral over the plotted domain is not positive and finite (is the domain right?)`,
    );
  };
  if (!(Number.isFinite(m) && m > 0) && !isLog) fail();
  if (!(Number.isFinite(z) && z > 0)) fail();
  const y = w.map((v) => v / z);
  for (const v of y) if (!Number.isFinite(v)) fail();
  return { x: xs, y };
}
