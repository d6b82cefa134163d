/**
 * Several densities on one x axis: the prior, the normalized posterior, each
 * fitted q, and the unnormalized joint rescaled to integrate to 1.
 *
 * @module
 */
import { evaluateCurve } from './curve';
import { checkPoints, linspace, resolveDomain } from './grid';
import { checkArray, checkDistinct, frame, type Density, type Json, type PlotOptions, type VegaLiteSpec, yScale } from './spec';

/**
 * One curve of a {@link densityPlot}.
 *
 * @example
 * ```ts
 * import { Exponential } from 'varinf';
 * import type { DensityCurve } from 'varinf/plot';
 * const x = 1.3;
 * const prior: DensityCurve = { name: 'prior p(z)', density: new Exponential(1), dash: true };
 * const joint: DensityCurve = {
 *   name: 'joint p(z, x), rescaled',
 *   density: (z) => -z - 0.5 * (x - z) ** 2, // log p(z, x) up to a constant
 *   logScale: true,
 *   rescale: true,
 * };
 * ```
 */
export interface DensityCurve {
  /** Label of the curve in the legend; names within a plot must be distinct. */
  readonly name: string;
  /** A distribution (its `logPdf` is used) or a function of x. */
  readonly density: Density;
  /**
   * True when `density` is a function returning log f(x) rather than f(x), e.g. a
   * log joint. Preferred for unnormalized densities: rescaling then works however
   * large or small the values are. Ignored for distributions (always log scale).
   */
  readonly logScale?: boolean;
  /**
   * Divide the curve by its integral over the plotted grid (trapezoid rule), so the
   * drawn curve has area 1: the way to show an unnormalized joint p(z, x) in the
   * shape of the posterior it is proportional to.
   */
  readonly rescale?: boolean;
  /** Draw the curve dashed (e.g. the prior, or a reference). */
  readonly dash?: boolean;
}

/**
 * Options of {@link densityPlot}.
 *
 * @example
 * ```ts
 * import { Normal } from 'varinf';
 * import type { DensityPlotOptions } from 'varinf/plot';
 * const o: DensityPlotOptions = {
 *   curves: [{ name: 'N(0, 1)', density: new Normal(0, 1) }],
 *   domain: [-4, 4],
 *   points: 200,
 *   xLabel: 'z',
 * };
 * ```
 */
export interface DensityPlotOptions extends PlotOptions {
  /** The curves, drawn and listed in the legend in this order (at least one). */
  readonly curves: readonly DensityCurve[];
  /**
   * The x range `[lo, hi]`. Default: from the smallest 0.1 % quantile to the
   * largest 99.9 % quantile of the curves that are distributions (required when
   * every curve is a function).
   */
  readonly domain?: readonly [number, number];
  /** Number of evenly spaced grid points, ends included (default 400). */
  readonly points?: number;
}

/**
 * Several densities on one x axis as a Vega-Lite line chart, coloured by curve
 * name with a legend.
 *
 * Every curve is evaluated on the same grid of `points` evenly spaced x values
 * over `domain`. Values that are NaN or infinite are dropped (the data never holds
 * a non-finite number). A curve with `rescale: true` is divided by its trapezoid
 * integral over the grid, so it integrates to 1 there: plot the unnormalized
 * joint p(z, x) this way to compare its shape with the posterior p(z | x) and
 * each fitted q(z).
 *
 * The data are inline (`data.values`, rows `{ curve, x, density }`), so the spec is
 * self-contained. Throws a `RangeError` for an empty curve list, duplicate names,
 * an invalid domain or grid size, or a rescaled curve with no mass on the domain.
 *
 * @param options - the curves, the domain and the layout
 * @returns a Vega-Lite specification (plain JSON)
 * @example
 * ```ts
 * import { Exponential, LogNormal } from 'varinf';
 * import { densityPlot } from 'varinf/plot';
 * const x = 1.3;
 * const spec = densityPlot({
 *   title: 'Exponential–Normal model, x = 1.3',
 *   xLabel: 'z',
 *   curves: [
 *     { name: 'prior', density: new Exponential(1), dash: true },
 *     { name: 'joint (rescaled)', density: (z) => -z - 0.5 * (x - z) ** 2, logScale: true, rescale: true },
 *     { name: 'q LogNormal', density: new LogNormal(-0.1, 0.6) },
 *   ],
 *   domain: [0, 4],
 * });
 * // vegaEmbed('#plot', spec)   in a browser
 * ```
 */
export function densityPlot(options: DensityPlotOptions): VegaLiteSpec {
  if (options === null || typeof options !== 'object') throw new TypeError(`densityPlot: options must be an object with curves, got ${String(options)}`);
  const curves = options.curves;
  checkArray('densityPlot', 'options.curves', curves);
  if (curves.length === 0) throw new RangeError('densityPlot: give at least one curve');
  const names = curves.map((c) => c.name);
  checkDistinct('densityPlot: curve', names);
  const top = frame(options);
  const [lo, hi] = resolveDomain(
    options.domain,
    curves.map((c) => c.density),
  );
  const grid = linspace(lo, hi, checkPoints(options.points ?? 400));

  const values: Json[] = [];
  for (const c of curves) {
    const { x, y } = evaluateCurve(c.name, c.density, grid, c.logScale === true, c.rescale === true);
    for (let i = 0; i < x.length; i++) values.push({ curve: c.name, x: x[i] + 0, density: y[i] + 0 }); // + 0: no -0 in JSON
  }

  const legendTitle = options.legendTitle ?? 'curve';
  const encoding: { [key: string]: Json } = {
    x: {
      field: 'x',
      type: 'quantitative',
      title: options.xLabel ?? 'x',
      scale: { domain: [lo + 0, hi + 0], nice: false, zero: false },
    },
    y: {
      field: 'density',
      type: 'quantitative',
      title: options.yLabel ?? 'density',
      scale: yScale(options, {}),
    },
    color: {
      field: 'curve',
      type: 'nominal',
      title: legendTitle,
      scale: { domain: names },
      legend: { labelLimit: 400 },
    },
    tooltip: [
      { field: 'curve', type: 'nominal' },
      { field: 'x', type: 'quantitative', format: '.4~g' },
      { field: 'density', type: 'quantitative', format: '.4~g' },
    ],
  };
  if (curves.some((c) => c.dash === true)) {
    // Same field and title as the colour: Vega-Lite merges both into one legend.
    encoding.strokeDash = {
      field: 'curve',
      type: 'nominal',
      title: legendTitle,
      scale: { domain: names, range: curves.map((c) => (c.dash === true ? [6, 4] : [1, 0])) },
      legend: { labelLimit: 400 },
    };
  }

  return {
    ...top,
    data: { values },
    mark: { type: 'line', clip: true, strokeWidth: 2 },
    encoding,
  };
}
