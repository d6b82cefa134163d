/**
 * The shape of what `varinf/plot` returns: plain JSON Vega-Lite specifications,
 * plus the options every plot shares (title, size, axis labels).
 *
 * Nothing here depends on Vega at run time: a spec is an ordinary object that can
 * be serialized with `JSON.stringify`, embedded in a page with vega-embed, or
 * compiled and rendered in Node with `vega-lite` and `vega`.
 *
 * @module
 */

/**
 * The Vega-Lite JSON schema the specs declare (`$schema`). The specs use only
 * features common to Vega-Lite 5 and 6.
 *
 * @example
 * ```ts
 * import { VEGA_LITE_SCHEMA, densityPlot } from 'varinf/plot';
 * densityPlot({ curves: [{ name: 'f', density: (x) => Math.exp(-x) }], domain: [0, 5] })
 *   .$schema === VEGA_LITE_SCHEMA; // → true
 * ```
 */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * A JSON value: what a spec is made of. Numbers in a spec are always finite.
 *
 * @example
 * ```ts
 * import type { Json } from 'varinf/plot';
 * const v: Json = { values: [{ x: 0, density: 0.4 }] };
 * ```
 */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/**
 * A Vega-Lite top-level specification as plain JSON (data inline in
 * `data.values`). Pass it to vega-embed (`vegaEmbed(el, spec as VisualizationSpec)`)
 * or compile it with `vega-lite`'s `compile`.
 *
 * @example
 * ```ts
 * import { densityPlot, type VegaLiteSpec } from 'varinf/plot';
 * import { Normal } from 'varinf';
 * const spec: VegaLiteSpec = densityPlot({ curves: [{ name: 'prior', density: new Normal(0, 1) }] });
 * JSON.stringify(spec); // self-contained: data included
 * ```
 */
export interface VegaLiteSpec {
  /** The Vega-Lite schema URL, {@link VEGA_LITE_SCHEMA}. */
  readonly $schema: string;
  /** Any other top-level Vega-Lite property (`data`, `mark`, `layer`, `encoding`, …). */
  readonly [property: string]: Json;
}

/**
 * A density to plot: a distribution (its `logPdf` is used) or a function of x.
 * A function returns f(x), or log f(x) when the curve is marked `logScale`.
 *
 * @example
 * ```ts
 * import { Gamma } from 'varinf';
 * import type { Density } from 'varinf/plot';
 * const a: Density = new Gamma(2, 1);
 * const b: Density = (z) => Math.exp(-z) * z; // an unnormalized density
 * ```
 */
export type Density = DistributionLike | ((x: number) => number);

/**
 * What `varinf/plot` needs from a distribution: its log-density, and (for the
 * automatic domain) its quantile function. Every `ContinuousDistribution` of
 * varinf, and any fitted `posterior` entry, satisfies it.
 *
 * @example
 * ```ts
 * import type { DistributionLike } from 'varinf/plot';
 * const std: DistributionLike = {
 *   logPdf: (x) => -0.5 * x * x - 0.5 * Math.log(2 * Math.PI),
 * };
 * ```
 */
export interface DistributionLike {
  /** log f(x); `-Infinity` where the density is 0. */
  logPdf(x: number): number;
  /** F⁻¹(p), used to choose the plotted domain when none is given. */
  quantile?(p: number): number;
}

/**
 * Options every plot accepts: title, size in pixels and axis titles.
 *
 * @example
 * ```ts
 * import type { PlotOptions } from 'varinf/plot';
 * const o: PlotOptions = { title: 'Posterior of z', width: 600, height: 300, xLabel: 'z' };
 * ```
 */
export interface PlotOptions {
  /** Title above the chart. */
  readonly title?: string;
  /** Width of the plotting area in pixels (default 480). */
  readonly width?: number;
  /** Height of the plotting area in pixels (default 300). */
  readonly height?: number;
  /** Title of the x axis. */
  readonly xLabel?: string;
  /** Title of the y axis. */
  readonly yLabel?: string;
  /**
   * Fixed y range `[lo, hi]`; marks outside it are clipped. Useful when a density
   * spikes (a Gamma with shape < 1 near 0) or early ELBO values are far below.
   */
  readonly yDomain?: readonly [number, number];
  /** Title of the colour legend. */
  readonly legendTitle?: string;
}

/** Builds the top-level properties shared by every plot. @internal */
export function frame(options: PlotOptions): { $schema: string; [key: string]: Json } {
  const width = options.width ?? 480;
  const height = options.height ?? 300;
  checkSize('width', width);
  checkSize('height', height);
  const out: { $schema: string; [key: string]: Json } = { $schema: VEGA_LITE_SCHEMA };
  if (options.title !== undefined) out.title = options.title;
  out.width = width;
  out.height = height;
  return out;
}

/** A y-scale honouring `yDomain`. @internal */
export function yScale(options: PlotOptions, base: { [key: string]: Json }): { [key: string]: Json } {
  if (options.yDomain === undefined) return base;
  const [lo, hi] = checkInterval('yDomain', options.yDomain);
  return { ...base, domain: [lo + 0, hi + 0], zero: false };
}

/** Validates an interval `[lo, hi]` with finite ends, lo < hi and a finite width. @internal */
export function checkInterval(what: string, interval: readonly [number, number]): [number, number] {
  const lo = interval[0];
  const hi = interval[1];
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi) || !Number.isFinite(hi - lo)) {
    throw new RangeError(`${what} must be [lo, hi] with finite lo < hi and finite hi - lo, got [${lo}, ${hi}]`);
  }
  return [lo, hi];
}

/** Throws unless all names are distinct. @internal */
export function checkDistinct(what: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string') throw new TypeError(`${what} names must be strings, got ${describeValue(name)}`);
    if (seen.has(name)) throw new RangeError(`${what} names must be distinct; "${name}" appears twice`);
    seen.add(name);
  }
}

function checkSize(what: string, v: number): void {
  if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`${what} must be a positive number, got ${v}`);
}

/**
 * Throws a `TypeError` naming the plot function unless `v` is array-like.
 * @internal
 */
export function checkArray(owner: string, what: string, v: unknown): void {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<unknown>).length !== 'number') {
    throw new TypeError(`${owner}: ${what} must be an array, got ${describeValue(v)}`);
  }
}

/**
 * A short description of a rejected value for messages (never throws, even for a
 * null-prototype object).
 * @internal
 */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}

/**
 * Throws a `TypeError` naming the plot function and the index unless every element
 * of `v` is a number (NaN and ±∞ included: they are plotted or skipped as documented).
 * @internal
 */
export function checkNumbers(owner: string, what: string, v: ArrayLike<unknown>): void {
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'number') throw new TypeError(`${owner}: ${what}[${i}] must be a number, got ${describeValue(v[i])}`);
  }
}
