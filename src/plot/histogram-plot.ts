/**
 * A histogram of samples against a density: e.g. draws from a fitted q against
 * q's own density (a sampler check) or against the exact posterior.
 *
 * @module
 */
import { histogramBins } from './bins';
import { evaluateCurve } from './curve';
import { checkPoints, linspace } from './grid';
import { checkArray, frame, type Density, type Json, type PlotOptions, type VegaLiteSpec, yScale } from './spec';

/**
 * Options of {@link histogramPlot}.
 *
 * @example
 * ```ts
 * import type { HistogramPlotOptions } from 'varinf/plot';
 * import { LogNormal, Rng } from 'varinf';
 * const q = new LogNormal(0.1, 0.5);
 * const o: HistogramPlotOptions = { samples: q.sample(new Rng(1), 1000), density: q, bins: 40, name: 'q(z) = LogNormal(0.1, 0.5)', xLabel: 'z' };
 * ```
 */
export interface HistogramPlotOptions extends PlotOptions {
  /** The draws, e.g. `q.sample(rng, 10_000)` (required in the one-argument form). */
  readonly samples?: ArrayLike<number>;
  /** The density to overlay: a distribution or a function of x (required in the one-argument form). */
  readonly density?: Density;
  /** Number of bins (default: Freedman–Diaconis, 1–200; see {@link histogramBins}). */
  readonly bins?: number;
  /** The x range `[lo, hi]` of bars and curve. Default: the range of the finite samples. */
  readonly domain?: readonly [number, number];
  /** Legend label of the density curve (default: the distribution's `name`, else `"density"`). */
  readonly name?: string;
  /** Legend label of the bars (default `"samples (n = <count>)"`). */
  readonly samplesLabel?: string;
  /** True when `density` is a function returning log f(x) (ignored for distributions). */
  readonly logScale?: boolean;
  /** Rescale the curve to integrate to 1 over the domain (for an unnormalized density). */
  readonly rescale?: boolean;
  /** Number of grid points of the curve (default 400). */
  readonly points?: number;
}

/**
 * A density-normalized histogram of `samples` layered with the curve of
 * `density`, as a Vega-Lite spec. The bins are computed here (see
 * {@link histogramBins}: bar height = count / (n · width)), so the spec carries
 * its bars as data and needs no Vega binning; where the sample comes from the
 * density, the bars follow the curve. Bars and curve share the legend.
 *
 * Data are inline: bar rows `{ binStart, binEnd, density, count }` and curve rows
 * `{ x, density }`, all finite (non-finite samples and curve values are dropped).
 * Throws a `RangeError` when no sample is finite, when the samples' range is too
 * wide for finite arithmetic (beyond ±1e308; pass `domain`), or for invalid options.
 *
 * The argument has the shape of the other plots': one options object with the data
 * in it (`samples` and `density`).
 *
 * @param options - the samples, the density, binning, curve and layout
 * @returns a Vega-Lite specification (plain JSON)
 * @example
 * ```ts
 * import { LogNormal, Rng } from 'varinf';
 * import { histogramPlot } from 'varinf/plot';
 * const q = new LogNormal(0.1, 0.5);
 * const spec = histogramPlot({
 *   samples: q.sample(new Rng(7), 10_000),
 *   density: q,
 *   title: 'Draws from q against its density',
 *   name: 'q(z)',
 *   xLabel: 'z',
 * });
 * ```
 */
export function histogramPlot(options: HistogramPlotOptions & { readonly samples: ArrayLike<number>; readonly density: Density }): VegaLiteSpec;
/**
 * The three-argument form of {@link histogramPlot}, kept working.
 *
 * @deprecated Use `histogramPlot({ samples, density, ...options })`, the shape of every plot.
 * @param samples - the draws
 * @param density - the density to overlay
 * @param options - as in the one-argument form (its `samples` and `density` are ignored)
 * @returns a Vega-Lite specification (plain JSON)
 * @example
 * ```ts
 * import { LogNormal, Rng } from 'varinf';
 * import { histogramPlot } from 'varinf/plot';
 * const q = new LogNormal(0.1, 0.5);
 * const samples = q.sample(new Rng(7), 10_000);
 * const spec = histogramPlot(samples, q, { name: 'q(z)' });
 * JSON.stringify(spec) === JSON.stringify(histogramPlot({ samples, density: q, name: 'q(z)' })); // → true
 * ```
 */
export function histogramPlot(samples: ArrayLike<number>, density: Density, options?: HistogramPlotOptions): VegaLiteSpec;
export function histogramPlot(first: HistogramPlotOptions | ArrayLike<number>, second?: Density, third: HistogramPlotOptions = {}): VegaLiteSpec {
  const oneArg = first !== null && typeof first === 'object' && typeof (first as { length?: unknown }).length !== 'number';
  if (oneArg) {
    const o = first as HistogramPlotOptions;
    checkArray('histogramPlot', 'options.samples', o.samples);
    checkDensity(o.density, 'options.density');
    return buildHistogramPlot(o.samples as ArrayLike<number>, o.density as Density, o);
  }
  checkArray('histogramPlot', 'samples', first);
  checkDensity(second, 'density');
  return buildHistogramPlot(first as ArrayLike<number>, second as Density, third);
}

function checkDensity(d: unknown, what: string): void {
  const ok = typeof d === 'function' || (d !== null && typeof d === 'object' && typeof (d as { logPdf?: unknown }).logPdf === 'function');
  if (!ok) throw new TypeError(`histogramPlot: ${what} must be a distribution or a function of x, got ${d === null || typeof d !== 'object' ? String(d) : 'an object without logPdf'}`);
}

function buildHistogramPlot(samples: ArrayLike<number>, density: Density, options: HistogramPlotOptions): VegaLiteSpec {
  const top = frame(options);
  const h = histogramBins(
    samples,
    options.bins === undefined
      ? options.domain === undefined
        ? {}
        : { domain: options.domain }
      : options.domain === undefined
        ? { bins: options.bins }
        : { bins: options.bins, domain: options.domain },
  );
  const lo = h.edges[0];
  const hi = h.edges[h.edges.length - 1];
  const name = options.name ?? (typeof density === 'function' ? 'density' : distributionName(density));
  const samplesLabel = options.samplesLabel ?? `samples (n = ${h.total})`;
  if (name === samplesLabel) throw new RangeError('histogramPlot: name and samplesLabel must differ');

  const bars: Json[] = h.counts.map((count, k) => ({
    binStart: h.edges[k] + 0, // + 0: no -0 in JSON
    binEnd: h.edges[k + 1] + 0,
    density: h.density[k],
    count,
  }));
  const grid = linspace(lo, hi, checkPoints(options.points ?? 400));
  const curve = evaluateCurve(name, density, grid, options.logScale === true, options.rescale === true);
  const line: Json[] = curve.x.map((x, i) => ({ x: x + 0, density: curve.y[i] + 0 }));

  const xTitle = options.xLabel ?? 'x';
  const yTitle = options.yLabel ?? 'density';
  const xScale = { domain: [lo + 0, hi + 0], nice: false, zero: false };
  const y = { field: 'density', type: 'quantitative', title: yTitle, scale: yScale(options, {}) };
  const color = (label: string): Json => ({
    datum: label,
    type: 'nominal',
    title: options.legendTitle ?? null,
    scale: { domain: [samplesLabel, name], range: ['#9ecae1', '#d62728'] },
    legend: { labelLimit: 400 },
  });

  return {
    ...top,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'rect', clip: true, opacity: 0.8, stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'binStart', type: 'quantitative', title: xTitle, scale: xScale },
          x2: { field: 'binEnd' },
          y,
          y2: { datum: 0 },
          color: color(samplesLabel),
          tooltip: [
            { field: 'binStart', type: 'quantitative', title: 'from', format: '.4~g' },
            { field: 'binEnd', type: 'quantitative', title: 'to', format: '.4~g' },
            { field: 'count', type: 'quantitative' },
            { field: 'density', type: 'quantitative', format: '.4~g' },
          ],
        },
      },
      {
        data: { values: line },
        mark: { type: 'line', clip: true, strokeWidth: 2 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: xTitle, scale: xScale },
          y,
          color: color(name),
        },
      },
    ],
  };
}

function distributionName(d: object): string {
  const n = (d as { name?: unknown }).name;
  return typeof n === 'string' && n !== '' ? n : 'density';
}
