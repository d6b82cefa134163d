/**
 * ELBO traces of several fits on one chart, with an optional reference line
 * (e.g. the exact log evidence, which every ELBO stays below).
 *
 * @module
 */
import { checkArray, checkDistinct, frame, type Json, type PlotOptions, type VegaLiteSpec, yScale } from './spec';
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
 * Options of {@link tracePlot}.
 *
 * @example
 * ```ts
 * import type { TracePlotOptions } from 'varinf/plot';
 * const o: TracePlotOptions = { maxPoints: 1000, reference: { value: -2.087, label: 'log p(x)' } };
 * ```
 */
export interface TracePlotOptions extends PlotOptions {
  /** Most points kept per trace, by min/max thinning (see {@link thinTrace}); default 2000. */
  readonly maxPoints?: number;
  /** A horizontal reference line, e.g. the exact log evidence log p(x). */
  readonly reference?: ReferenceLine;
}

/**
 * ELBO traces of several fits as a Vega-Lite line chart: x = step (1-based),
 * y = ELBO, one colour per trace with a legend.
 *
 * Long traces are thinned to at most `maxPoints` points each by keeping each
 * bucket's minimum and maximum, so the first and last steps and every spike stay
 * visible; non-finite values (a diverged step) are skipped, so the data never
 * hold NaN or ±∞. The y axis does not include 0 (ELBOs are far from it); use
 * `yDomain` to zoom past a poor start. With `reference`, a dashed horizontal rule
 * is drawn at its value and labelled: for the exact log evidence, the distance
 * from each curve to the rule is KL(q‖p(z | x)).
 *
 * Data are inline: trace rows `{ fit, step, elbo }`. Throws a `RangeError` for an
 * empty trace list, duplicate names, or a non-finite reference.
 *
 * @param traces - the traces, drawn and listed in this order
 * @param options - thinning, reference line and layout
 * @returns a Vega-Lite specification (plain JSON)
 * @example
 * ```ts
 * import { tracePlot } from 'varinf/plot';
 * const spec = tracePlot(
 *   [
 *     { name: 'LogNormal', values: [-4, -2.6, -2.2, -2.12, -2.1] },
 *     { name: 'Gamma', values: [-5, -3, -2.4, -2.2, -2.15] },
 *   ],
 *   { title: 'ELBO per step', reference: { value: -2.087, label: 'log p(x)' } },
 * );
 * ```
 */
export function tracePlot(traces: readonly Trace[], options: TracePlotOptions = {}): VegaLiteSpec {
  checkArray('tracePlot', 'traces', traces);
  if (traces.length === 0) throw new RangeError('tracePlot: give at least one trace');
  const names = traces.map((t) => t.name);
  checkDistinct('tracePlot: trace', names);
  const top = frame(options);
  const maxPoints = options.maxPoints ?? 2000;

  const values: Json[] = [];
  for (const t of traces) {
    const { index, value } = thinTrace(t.values, maxPoints);
    for (let i = 0; i < index.length; i++) values.push({ fit: t.name, step: index[i] + 1, elbo: value[i] + 0 }); // + 0: no -0 in JSON
  }

  const y = {
    field: 'elbo',
    type: 'quantitative',
    title: options.yLabel ?? 'ELBO',
    scale: yScale(options, { zero: false }),
  };
  const lines: { [key: string]: Json } = {
    data: { values },
    mark: { type: 'line', clip: true, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: options.xLabel ?? 'step', scale: { zero: false } },
      y,
      color: {
        field: 'fit',
        type: 'nominal',
        title: options.legendTitle ?? 'fit',
        scale: { domain: names },
        legend: { labelLimit: 400 },
      },
      tooltip: [
        { field: 'fit', type: 'nominal' },
        { field: 'step', type: 'quantitative' },
        { field: 'elbo', type: 'quantitative', format: '.6~g' },
      ],
    },
  };

  const layer: Json[] = [lines];
  const ref = options.reference;
  if (ref !== undefined) {
    if (!Number.isFinite(ref.value)) throw new RangeError(`tracePlot: reference value must be finite, got ${ref.value}`);
    const label = ref.label ?? `reference = ${formatNumber(ref.value)}`;
    const data = { values: [{ reference: ref.value + 0, label }] };
    const yRef = { field: 'reference', type: 'quantitative', title: y.title };
    layer.push(
      { data, mark: { type: 'rule', strokeDash: [6, 4], color: '#444' }, encoding: { y: yRef } },
      {
        data,
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -3, color: '#444' },
        encoding: { y: yRef, x: { value: 'width' }, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  return { ...top, layer };
}

function formatNumber(v: number): string {
  return String(Number(v.toPrecision(6)));
}
