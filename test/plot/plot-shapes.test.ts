/**
 * One argument shape across the plots (`densityPlot({ curves })`,
 * `tracePlot({ traces })`, `histogramPlot({ samples, density })`), the older
 * positional forms still working, and the trace plot's reference label drawn where
 * no trace can cross it.
 */
import { describe, expect, it } from 'vitest';
import { compileSpec, specToSvg } from '../../examples/render';
import { LogNormal, Normal, Rng } from '../../src/index';
import { histogramPlot, tracePlot } from '../../src/plot/index';
import { parseXml } from './xml';

describe('histogramPlot({ samples, density, ... })', () => {
  const q = new LogNormal(0.1, 0.5);
  const samples = q.sample(new Rng(7), 2000);

  it('is the three-argument form', () => {
    const opts = { bins: 30, name: 'q(z)', xLabel: 'z' };
    expect(histogramPlot({ samples, density: q, ...opts })).toEqual(histogramPlot(samples, q, opts));
  });

  it('names what is missing', () => {
    expect(() => histogramPlot({ density: q } as never)).toThrow(/^histogramPlot: options\.samples must be an array/);
    expect(() => histogramPlot({ samples } as never)).toThrow(/^histogramPlot: options\.density must be a distribution or a function/);
    expect(() => histogramPlot(samples, undefined as never)).toThrow(/^histogramPlot: density must be a distribution or a function/);
  });
});

describe('the trace plot reference label', () => {
  // Noisy per-step ELBOs that cross log p(x): the case where the old label, drawn
  // inside the chart above the rule, had the traces drawn through it.
  const noisy = (a: number, n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => -2.1 - a * Math.exp(-i / 300) + 0.3 * Math.sin(i * 12.9898));
  const width = 480;
  const height = 300;
  const spec = tracePlot({
    traces: [
      { name: 'LogNormal', values: noisy(3, 3000) },
      { name: 'Gamma', fit: { trace: noisy(5, 2000) } },
    ],
    smooth: 50,
    reference: { value: -2.087, label: 'log p(x) (exact)' },
    yDomain: [-6, -1.5],
    width,
    height,
  });

  it('sits right of the plotting area, the traces are clipped to it, the legend is below it', async () => {
    expect(compileSpec(spec).messages).toEqual([]);
    const layers = spec.layer as { mark: { type: string; clip?: boolean } }[];
    for (const l of layers.filter((m) => m.mark.type === 'line')) expect(l.mark.clip).toBe(true);
    const svg = await specToSvg(spec);
    parseXml(svg);
    const label = /<text[^>]*text-anchor="(\w+)"[^>]*transform="translate\(([\d.]+),([\d.]+)\)"[^>]*>log p\(x\) \(exact\)<\/text>/.exec(svg);
    expect(label).not.toBeNull();
    const [, anchor, x, y] = label!;
    expect(anchor).toBe('start');
    expect(Number(x)).toBeGreaterThan(width); // starts right of the clipped area
    // Level with the rule (y of −2.087 on [−6, −1.5] over 300 px): the SVG places a
    // middle-baseline text by its baseline, within half the 11 px font of the rule.
    expect(Math.abs(Number(y) - ((-1.5 + 2.087) / 4.5) * height)).toBeLessThanOrEqual(5.5);
    const legend = /role-legend"[^>]*><g transform="translate\(([\d.]+),([\d.]+)\)"/.exec(svg);
    expect(Number(legend![2])).toBeGreaterThan(height);
    // The SVG is wide enough to show the label (about 6 px per character at 11 px).
    const svgWidth = Number(/<svg[^>]*width="([\d.]+)"/.exec(svg)![1]);
    expect(svgWidth).toBeGreaterThan(width + 6 * 'log p(x) (exact)'.length);
  });

  it('without a reference the legend stays on the right', () => {
    const plain = tracePlot({ traces: [{ name: 'a', values: [-3, -2] }] });
    const color = (plain.layer as { encoding: { color: { legend: { orient?: string } } } }[])[0].encoding.color;
    expect(color.legend.orient).toBeUndefined();
  });
});

describe('several fits in one plot', () => {
  it('each fit gets its colour and legend entry, smoothed or not', async () => {
    const fits = [0.5, 1, 2].map((s) => ({ name: `sigma ${s}`, fit: { trace: Float64Array.from({ length: 500 }, (_, i) => new Normal(-2, s).quantile((i + 0.5) / 500)) } }));
    const spec = tracePlot({ traces: fits, smooth: 20 });
    const svg = await specToSvg(spec);
    const doc = parseXml(svg);
    for (const f of fits) expect(doc.texts).toContain(f.name);
  });
});
