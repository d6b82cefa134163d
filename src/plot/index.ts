/**
 * `varinf/plot`: Vega-Lite specifications for looking at densities and fits.
 *
 * Each function returns a plain JSON Vega-Lite spec with its data inline. There is
 * no runtime dependency: render a spec in a browser with vega-embed, or in Node
 * with `vega-lite`'s `compile` and `vega`'s `View` (e.g. to SVG).
 *
 * - {@link densityPlot}: prior, posterior, fitted q's and the rescaled joint on one axis;
 * - {@link tracePlot}: ELBO per step of several fits, optionally smoothed, with a reference line;
 * - {@link histogramPlot}: a histogram of samples against a density.
 *
 * Each takes one options object holding its data: `densityPlot({ curves })`,
 * `tracePlot({ traces })`, `histogramPlot({ samples, density })` (the older
 * positional forms of the last two still work and are deprecated).
 *
 * @example
 * ```ts typecheck-only: needs the vega-embed package and a page with #plot
 * import { Exponential } from 'varinf';
 * import { densityPlot } from 'varinf/plot';
 * import vegaEmbed from 'vega-embed';
 * await vegaEmbed('#plot', densityPlot({ curves: [{ name: 'prior', density: new Exponential(1) }] }));
 * ```
 *
 * @packageDocumentation
 * @module varinf/plot
 */
export { histogramBins, type Histogram, type HistogramBinsOptions } from './bins';
export { densityPlot, type DensityCurve, type DensityPlotOptions } from './density-plot';
export { histogramPlot, type HistogramPlotOptions } from './histogram-plot';
export {
  VEGA_LITE_SCHEMA,
  type Density,
  type DistributionLike,
  type Json,
  type PlotOptions,
  type VegaLiteSpec,
} from './spec';
export { movingAverage } from './moving-average';
export { thinTrace, type ThinnedTrace } from './thin';
export { tracePlot, type FitTrace, type ReferenceLine, type Trace, type TracePlotOptions } from './trace-plot';
export { trapezoid } from './trapezoid';
