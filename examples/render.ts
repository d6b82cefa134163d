/**
 * Renders a `varinf/plot` spec to SVG in Node, for the examples and tests:
 * Vega-Lite → Vega (`vega-lite`'s `compile`) → SVG (`vega`'s headless `View`).
 * Node-only (it writes files); `vega` and `vega-lite` are dev dependencies.
 *
 * Any warning or error from Vega-Lite's compiler or Vega's runtime is an error
 * here, so a broken spec fails loudly instead of rendering something wrong.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parse, View, type LoggerInterface, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from '../src/plot/index';

/** A logger that records every warning and error instead of printing it. */
function recordingLogger(messages: string[]): LoggerInterface {
  let level = 2; // vega.Warn
  const logger: LoggerInterface = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]) {
      messages.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: readonly unknown[]) {
      messages.push(`warning: ${args.map(String).join(' ')}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/**
 * Compiles a Vega-Lite spec to a Vega spec, returning the compiler's warnings and
 * errors alongside (an empty list for a clean spec).
 *
 * @example
 * ```ts
 * const { messages } = compileSpec(densityPlot({ curves, domain: [0, 4] }));
 * messages; // []
 * ```
 */
export function compileSpec(spec: VegaLiteSpec): { vega: VegaSpec; messages: string[] } {
  const messages: string[] = [];
  const out = compile(spec as unknown as TopLevelSpec, { logger: recordingLogger(messages) });
  return { vega: out.spec, messages };
}

/**
 * Renders a Vega-Lite spec to an SVG string. Throws if compiling or rendering
 * reports any warning or error.
 *
 * @example
 * ```ts
 * const svg = await specToSvg(tracePlot([{ name: 'fit', values: trace }]));
 * ```
 */
export async function specToSvg(spec: VegaLiteSpec): Promise<string> {
  const { vega, messages } = compileSpec(spec);
  const view = new View(parse(vega), { renderer: 'none', logger: recordingLogger(messages) });
  try {
    const svg = await view.toSVG();
    if (messages.length > 0) throw new Error(`rendering the spec reported:\n${messages.join('\n')}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/**
 * Renders a Vega-Lite spec to SVG and writes it to `path`, creating the folder
 * if needed. Returns the SVG text.
 *
 * @example
 * ```ts
 * await renderSvg(densityPlot({ curves, domain: [0, 4] }), 'docs/images/densities.svg');
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec, path: string): Promise<string> {
  const svg = await specToSvg(spec);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, svg, 'utf8');
  return svg;
}
