/**
 * ELBO traces of several fits on one chart, optionally smoothed by a moving
 * average, with an optional reference line (e.g. the exact log evidence, which
 * every ELBO stays below).
 *
 * @module
 */
import { checkArray, checkDistinct, describeValue, frame, type Json, type PlotOptions, type VegaLiteSpec, yScale } from './spec';
import { movingAverage } from './moving-average';
import { thinTrace } from './thin';

/**
 * One trace of a {@link tracePlot}: a name for the legend and a value per step.
 *
 * @example
 * ```ts
 * import type { Trace } from 'varinf/plot';
 * const t: Trace = { name: 'LogNormal guide', values: [-3.1, -2.4, -2.2, -2.15] };
 * ```
 */
export interface Trace {
  /** Label in the legend; names within a plot must be distinct. */
  readonly name: string;
  /** The value per step; `values[i]` is plotted at step i + 1. Non-finite values are skipped. */
  readonly values: ArrayLike<number>;
}

/**
 * A labelled horizontal line on a {@link tracePlot}.
 *
 * @example
 * ```ts
 * import type { ReferenceLine } from 'varinf/plot';
 * const r: ReferenceLine = { value: -2.087, label: 'log p(x) (exact)' };
 * ```
 */
export interface ReferenceLine {
  /** Height of the line, in the units of the traces; must be finite. */
  readonly value: number;
  /** Text drawn at the right end of the line (default `"reference = <value>"`). */
  readonly label?: string;
}

/**
 * A fit's trace on a {@link tracePlot}: a name for the legend and anything with a
 * `trace` (a `FitResult`, or its saved JSON), so several fits go on one plot as
 * `traces: [{ name: 'LogNormal', fit: r1 }, { name: 'Gamma', fit: r2 }]`.
 *
 * @example
 * ```ts
 * import type { FitTrace } from 'varinf/plot';
 * const t: FitTrace = { name: 'mean-field', fit: { trace: [-3.1, -2.4, -2.2] } };
 * ```
 */
export interface FitTrace {
  /** Label in the legend; names within a plot must be distinct. */
  readonly name: string;
  /** The fit whose per-step ELBO `trace` is plotted. */
  readonly fit: {
    /** The ELBO per step. */
    readonly trace: ArrayLike<number>;
  };
}

/**
 * Options of {@link tracePlot}; `traces` is required in the one-argument form
 * `tracePlot({ traces, ... })`.
 *
 * @example
 * ```ts
 * import type { TracePlotOptions } from 'varinf/plot';
 * const o: TracePlotOptions = {
 *   traces: [{ name: 'fit', values: [-3, -2.5, -2.2] }],
 *   smooth: 2,
 *   maxPoints: 1000,
 *   reference: { value: -2.087, label: 'log p(x)' },
 * };
 * ```
 */
export interface TracePlotOptions extends PlotOptions {
  /** The traces (values, or fits), drawn and listed in this order (at least one). */
  readonly traces?: readonly (Trace | FitTrace)[];
  /** Most points kept per trace, by min/max thinning (see {@link thinTrace}); default 2000. */
  readonly maxPoints?: number;
  /**
   * Draw each trace's trailing moving average over this many steps (an integer ≥ 1;
   * see {@link movingAverage}) as a solid line, with the raw trace faded behind it
   * (unless `showRaw` is false). Default: no smoothing.
   */
  readonly smooth?: number;
  /** With `smooth`, also draw the raw per-step values, faded (default true). */
  readonly showRaw?: boolean;
  /**
   * A horizontal reference line, e.g. the exact log evidence log p(x). Its label is
   * drawn to the right of the plotting area (the legend moves below the chart), where
   * no trace can cross it.
   */
  readonly reference?: ReferenceLine;
}

/**
 * ELBO traces of several fits as a Vega-Lite line chart: x = step (1-based),
 * y = ELBO, one colour per trace with a legend. The argument has the shape of the
 * other plots' (`densityPlot({ curves, ... })`, `histogramPlot({ samples, density, ... })`):
 * one options object with the data in it.
 *
 * Long traces are thinned to at most `maxPoints` points each by keeping each
 * bucket's minimum and maximum, so the first and last steps and every spike stay
 * visible; non-finite values (a diverged step) are skipped, so the data never
 * hold NaN or ±∞. A per-step ELBO is a noisy few-draw estimate: `smooth: k` draws
 * its trailing k-step moving average over the faded raw trace. The y axis does not
 * include 0 (ELBOs are far from it); use `yDomain` to zoom past a poor start. With
 * `reference`, a dashed horizontal rule is drawn at its value and labelled outside
 * the plotting area, on the right: for the exact log evidence, the distance from
 * each curve to the rule is KL(q‖p(z | x)).
 *
 * Data are inline: trace rows `{ fit, step, elbo }` (smoothed rows in a layer of
 * their own). Throws a `RangeError` for an empty trace list, duplicate names, a
 * non-finite reference or an invalid `smooth`.
 *
 * @param options - the traces, smoothing, thinning, reference line and layout
 * @returns a Vega-Lite specification (plain JSON)
 * @example
 * ```ts
 * import { tracePlot } from 'varinf/plot';
 * const spec = tracePlot({
 *   traces: [
 *     { name: 'LogNormal', values: [-4, -2.6, -2.2, -2.12, -2.1] },
 *     { name: 'Gamma', values: [-5, -3, -2.4, -2.2, -2.15] },
 *   ],
 *   smooth: 2,
 *   title: 'ELBO per step',
 *   reference: { value: -2.087, label: 'log p(x)' },
 * });
 * ```
 */
export function tracePlot(options: TracePlotOptions & { readonly traces: readonly (Trace | FitTrace)[] }): VegaLiteSpec;
/**
 * The two-argument form of {@link tracePlot}, kept working.
 *
 * @deprecated Use `tracePlot({ traces, ...options })`, the shape of every plot.
 * @param traces - the traces
 * @param options - as in the one-argument form (its `traces` is ignored)
 * @returns a Vega-Lite specification (plain JSON)
 * @example
 * ```ts
 * tracePlot([{ name: 'fit', values: [-3, -2.5] }], { title: 'ELBO' }); // = tracePlot({ traces: [...], title: 'ELBO' })
 * ```
 */
export function tracePlot(traces: readonly (Trace | FitTrace)[], options?: TracePlotOptions): VegaLiteSpec;
export function tracePlot(first: TracePlotOptions | readonly (Trace | FitTrace)[], second: TracePlotOptions = {}): VegaLiteSpec {
  const oneArg = first !== null && typeof first === 'object' && !isArrayLike(first);
  const options: TracePlotOptions = oneArg ? (first as TracePlotOptions) : second;
  const traces = oneArg ? (first as TracePlotOptions).traces : (first as readonly (Trace | FitTrace)[]);
  checkArray('tracePlot', oneArg ? 'options.traces' : 'traces', traces);
  return buildTracePlot(traces as readonly (Trace | FitTrace)[], options);
}

function isArrayLike(v: object): boolean {
  return typeof (v as { length?: unknown }).length === 'number';
}

/** The values of a trace entry: its `values`, or its fit's `trace`. */
function valuesOf(t: Trace | FitTrace): ArrayLike<number> {
  const v = 'fit' in t && t.fit !== null && typeof t.fit === 'object' ? t.fit.trace : (t as Trace).values;
  checkArray('tracePlot', `the values of trace "${String(t.name)}"`, v);
  return v;
}

/** Rows `{ fit, step, elbo }` of every trace, each thinned to `maxPoints`. */
function traceRows(names: readonly string[], series: readonly ArrayLike<number>[], maxPoints: number): Json[] {
  const values: Json[] = [];
  series.forEach((s, k) => {
    const { index, value } = thinTrace(s, maxPoints);
    for (let i = 0; i < index.length; i++) values.push({ fit: names[k], step: index[i] + 1, elbo: value[i] + 0 }); // + 0: no -0 in JSON
  });
  return values;
}

function buildTracePlot(traces: readonly (Trace | FitTrace)[], options: TracePlotOptions): VegaLiteSpec {
  if (traces.length === 0) throw new RangeError('tracePlot: give at least one trace');
  for (let i = 0; i < traces.length; i++) {
    const t: unknown = traces[i];
    if (t === null || typeof t !== 'object') throw new TypeError(`tracePlot: traces[${i}] must be { name, values } or { name, fit }, got ${describeValue(t)}`);
  }
  if (options === null || typeof options !== 'object') throw new TypeError(`tracePlot: options must be an object, got ${describeValue(options)}`);
  const names = traces.map((t) => t.name);
  checkDistinct('tracePlot: trace', names);
  const top = frame(options);
  const maxPoints = options.maxPoints ?? 2000;
  const smooth = options.smooth;
  if (smooth !== undefined && !(Number.isInteger(smooth) && smooth >= 1)) {
    throw new RangeError(`tracePlot: smooth must be an integer >= 1 (a window in steps), got ${smooth}`);
  }
  const raw = traces.map(valuesOf);
  const ref = options.reference;
  if (ref !== undefined && !Number.isFinite(ref.value)) throw new RangeError(`tracePlot: reference value must be finite, got ${ref.value}`);

  const y = {
    field: 'elbo',
    type: 'quantitative',
    title: options.yLabel ?? 'ELBO',
    scale: yScale(options, { zero: false }),
  };
  const lineLayer = (values: Json[], mark: { [key: string]: Json }): { [key: string]: Json } => ({
    data: { values },
    mark: { type: 'line', clip: true, ...mark },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: options.xLabel ?? 'step', scale: { zero: false } },
      y,
      color: {
        field: 'fit',
        type: 'nominal',
        title: options.legendTitle ?? 'fit',
        scale: { domain: names },
        // The reference label sits right of the chart: the legend goes below it.
        legend: ref === undefined ? { labelLimit: 400 } : { labelLimit: 400, orient: 'bottom' },
      },
      tooltip: [
        { field: 'fit', type: 'nominal' },
        { field: 'step', type: 'quantitative' },
        { field: 'elbo', type: 'quantitative', format: '.6~g' },
      ],
    },
  });

  const layer: Json[] = [];
  if (smooth === undefined) {
    layer.push(lineLayer(traceRows(names, raw, maxPoints), { strokeWidth: 1.5 }));
  } else {
    if (options.showRaw !== false) layer.push(lineLayer(traceRows(names, raw, maxPoints), { strokeWidth: 1, opacity: 0.3 }));
    const smoothed = raw.map((v) => movingAverage(v, smooth));
    layer.push(lineLayer(traceRows(names, smoothed, maxPoints), { strokeWidth: 2 }));
  }

  if (ref !== undefined) {
    const label = ref.label ?? `reference = ${formatNumber(ref.value)}`;
    const data = { values: [{ reference: ref.value + 0, label }] };
    const yRef = { field: 'reference', type: 'quantitative', title: y.title };
    layer.push(
      { data, mark: { type: 'rule', strokeDash: [6, 4], color: '#444' }, encoding: { y: yRef } },
      {
        // Right of the plotting area, level with the rule: the traces are clipped to
        // the area, so none can be drawn over the label.
        data,
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, color: '#444' },
        encoding: { y: yRef, x: { value: 'width' }, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  return { ...top, layer };
}

function formatNumber(v: number): string {
  return String(Number(v.toPrecision(6)));
}
