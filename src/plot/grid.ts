/**
 * Grids for curves: evenly spaced points, and the automatic domain taken from
 * the distributions' quantiles.
 *
 * @module
 */
import { checkInterval, type Density } from './spec';

/**
 * `n` evenly spaced points from `lo` to `hi`, both included, computed as
 * lo·(1 − t) + hi·t so the ends are exact. @internal
 */
export function linspace(lo: number, hi: number, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    out[i] = lo * (1 - t) + hi * t;
  }
  out[0] = lo;
  out[n - 1] = hi;
  return out;
}

/** Checks a grid size: an integer from 2 to 1e6. @internal */
export function checkPoints(points: number): number {
  if (!Number.isInteger(points) || points < 2 || points > 1_000_000) {
    throw new RangeError(`points must be an integer in [2, 1e6], got ${points}`);
  }
  return points;
}

/** Lower and upper probabilities of the automatic domain. */
const AUTO_DOMAIN_PROBABILITIES: readonly [number, number] = [0.001, 0.999];

/**
 * The domain to plot: `domain` when given (validated), else the smallest
 * 0.1 % quantile and the largest 99.9 % quantile over the densities that are
 * distributions with a `quantile`. Throws a `RangeError` when there is none
 * (only functions): pass a domain then. @internal
 */
export function resolveDomain(domain: readonly [number, number] | undefined, densities: readonly Density[]): [number, number] {
  if (domain !== undefined) return checkInterval('domain', domain);
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of densities) {
    if (typeof d === 'function' || typeof d.quantile !== 'function') continue;
    const a = d.quantile(AUTO_DOMAIN_PROBABILITIES[0]);
    const b = d.quantile(AUTO_DOMAIN_PROBABILITIES[1]);
    if (Number.isFinite(a)) lo = Math.min(lo, a);
    if (Number.isFinite(b)) hi = Math.max(hi, b);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new RangeError('no domain given and none of the densities is a distribution with finite quantiles: pass options.domain');
  }
  if (!(lo < hi)) {
    // A (near-)point mass: centre a unit-wide window on it.
    const c = (lo + hi) / 2;
    const half = Math.max(0.5, Math.abs(c) * 1e-3);
    lo = c - half;
    hi = c + half;
  }
  return checkInterval('domain', [lo, hi]);
}
