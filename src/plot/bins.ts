/**
 * Histogram binning done in TypeScript, so histogram specs carry their bars as
 * data and do not depend on Vega's binning.
 *
 * @module
 */
import { checkArray, checkInterval, describeValue } from './spec';

/**
 * A density-normalized histogram: `edges.length === counts.length + 1`, and bar k
 * spans [edges[k], edges[k + 1]) (the last bar includes its right edge).
 *
 * @example
 * ```ts
 * import { histogramBins, type Histogram } from 'varinf/plot';
 * const h: Histogram = histogramBins([0.1, 0.2, 0.7], { bins: 2, domain: [0, 1] });
 * h.counts;  // → [2, 1]
 * h.density; // ≈ [1.333, 0.667]: count / (total · width)
 * ```
 */
export interface Histogram {
  /** Bin edges, increasing, from the domain's lower to its upper end. */
  readonly edges: number[];
  /** Number of samples in each bin. */
  readonly counts: number[];
  /** Height of each bar, count / (total · bin width), so the bars integrate to the fraction of samples inside the domain. */
  readonly density: number[];
  /** Number of finite samples (inside the domain or not), the normalizer. */
  readonly total: number;
}

/**
 * Options of {@link histogramBins}.
 *
 * @example
 * ```ts
 * import type { HistogramBinsOptions } from 'varinf/plot';
 * const o: HistogramBinsOptions = { bins: 40, domain: [0, 5] };
 * ```
 */
export interface HistogramBinsOptions {
  /**
   * Number of equal-width bins, an integer from 1 to 10 000. Default: the
   * Freedman–Diaconis rule, width 2·IQR·n^(−1/3), clamped to 1–200 bins (Sturges'
   * rule ⌈log₂ n⌉ + 1 when the IQR is 0).
   */
  readonly bins?: number;
  /** The binned range `[lo, hi]`. Default: the range of the finite samples. */
  readonly domain?: readonly [number, number];
}

/**
 * Bins samples into equal-width bins with density normalization: bar height =
 * count / (n · width), n the number of finite samples, so the histogram of a
 * sample from f approximates f, and samples outside the domain still count in n
 * (the bars then integrate to the fraction inside). Non-finite samples are ignored.
 * Throws a `RangeError` when no sample is finite, or for invalid options.
 *
 * @param samples - the sample, e.g. draws from a fitted q
 * @param options - number of bins and range
 * @returns edges, counts and densities
 * @example
 * ```ts
 * import { Normal, Rng } from 'varinf';
 * import { histogramBins } from 'varinf/plot';
 * const h = histogramBins(new Normal(0, 1).sample(new Rng(1), 10_000), { bins: 30 });
 * h.counts.reduce((a, b) => a + b); // → 10000
 * ```
 */
export function histogramBins(samples: ArrayLike<number>, options: HistogramBinsOptions = {}): Histogram {
  checkArray('histogramBins', 'samples', samples);
  if (options === null || typeof options !== 'object') throw new TypeError(`histogramBins: options must be an object, got ${describeValue(options)}`);
  const finite: number[] = [];
  for (let i = 0; i < samples.length; i++) if (typeof samples[i] === 'number' && Number.isFinite(samples[i])) finite.push(samples[i]);
  const total = finite.length;
  if (total === 0) throw new RangeError('histogramBins: no finite sample');

  let lo: number;
  let hi: number;
  if (options.domain !== undefined) {
    [lo, hi] = checkInterval('histogramBins: domain', options.domain);
  } else {
    lo = Infinity;
    hi = -Infinity;
    for (const v of finite) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (!(lo < hi)) {
      const half = Math.max(0.5, Math.abs(lo) * 1e-3);
      const c = lo;
      lo = c - half;
      hi = c + half;
    }
    [lo, hi] = checkInterval('histogramBins: sample range', [lo, hi]);
  }

  let bins: number;
  if (options.bins !== undefined) {
    bins = options.bins;
    if (!Number.isInteger(bins) || bins < 1 || bins > 10_000) {
      throw new RangeError(`histogramBins: bins must be an integer in [1, 10000], got ${bins}`);
    }
  } else {
    bins = defaultBins(finite, lo, hi);
  }

  const span = hi - lo;
  const edges = new Array<number>(bins + 1);
  for (let k = 0; k <= bins; k++) {
    const t = k / bins;
    edges[k] = lo * (1 - t) + hi * t;
  }
  edges[0] = lo;
  edges[bins] = hi;
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) {
    if (v < lo || v > hi) continue;
    let k = Math.floor(((v - lo) / span) * bins);
    if (k >= bins) k = bins - 1;
    // Settle rounding at the edges so bin k is exactly [edges[k], edges[k + 1]).
    while (k > 0 && v < edges[k]) k--;
    while (k < bins - 1 && v >= edges[k + 1]) k++;
    counts[k]++;
  }
  const density = counts.map((c, k) => c / total / (edges[k + 1] - edges[k]));
  for (const d of density) {
    if (!Number.isFinite(d)) throw new RangeError('histogramBins: the bins are too narrow to represent densities');
  }
  return { edges, counts, density, total };
}

/** Freedman–Diaconis bin count over [lo, hi], clamped to 1–200; Sturges when the IQR is 0. */
function defaultBins(finite: readonly number[], lo: number, hi: number): number {
  const n = finite.length;
  const sorted = Float64Array.from(finite).sort();
  const q = (p: number): number => {
    const h = (n - 1) * p;
    const i = Math.floor(h);
    return i + 1 < n ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
  };
  const iqr = q(0.75) - q(0.25);
  let bins: number;
  if (iqr > 0 && Number.isFinite(iqr)) {
    const width = 2 * iqr * Math.cbrt(1 / n);
    bins = Math.ceil((hi - lo) / width);
  } else {
    bins = Math.ceil(Math.log2(n)) + 1;
  }
  if (!Number.isFinite(bins)) bins = 200;
  return Math.min(200, Math.max(1, bins));
}
