/**
 * Acceptance check of issue 6: the specs compile with vega-lite without warnings,
 * render to SVG with vega, the SVG is well-formed XML and shows each named curve.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSpec, renderSvg, specToSvg } from '../../examples/render';
import { Exponential, Gamma, LogNormal, Normal, Rng } from '../../src/index';
import { densityPlot, histogramPlot, tracePlot, type VegaLiteSpec } from '../../src/plot/index';
import { parseXml } from './xml';

const x = 1.3;
const logJoint = (z: number): number => new Exponential(1).logPdf(z) + new Normal(z, 1).logPdf(x);
const elbo = (a: number, n: number): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => -2.1 - a * Math.exp(-i / 300) + 0.02 * Math.sin(i * 12.9898));

const cases: { label: string; spec: VegaLiteSpec; names: string[] }[] = [
  {
    label: 'densityPlot',
    names: ['prior p(z)', 'joint p(z, x), rescaled', 'q <LogNormal> & "Gamma"', 'q Gamma'],
    spec: densityPlot({
      title: 'Exponential–Normal model, x = 1.3',
      xLabel: 'z',
      curves: [
        { name: 'prior p(z)', density: new Exponential(1), dash: true },
        { name: 'joint p(z, x), rescaled', density: logJoint, logScale: true, rescale: true },
        { name: 'q <LogNormal> & "Gamma"', density: new LogNormal(-0.2, 0.7) },
        { name: 'q Gamma', density: new Gamma(2, 2.5) },
      ],
    }),
  },
  {
    label: 'densityPlot without dashes, fixed y range',
    names: ['only'],
    spec: densityPlot({ curves: [{ name: 'only', density: new Normal(0, 1) }], yDomain: [0, 0.3] }),
  },
  {
    label: 'tracePlot',
    names: ['LogNormal guide', 'Gamma guide', 'mean-field', 'log p(x) (exact)'],
    spec: tracePlot(
      [
        { name: 'LogNormal guide', values: elbo(3, 5000) },
        { name: 'Gamma guide', values: elbo(5, 3000) },
        { name: 'mean-field', values: [NaN, -9, -4, -3] },
      ],
      { title: 'ELBO per step', reference: { value: -2.087, label: 'log p(x) (exact)' }, yDomain: [-6, -1.9] },
    ),
  },
  {
    label: 'histogramPlot',
    names: ['samples (n = 10000)', 'q(z)'],
    spec: (() => {
      const q = new LogNormal(0.1, 0.5);
      return histogramPlot(q.sample(new Rng(7), 10_000), q, { title: 'Draws from q', name: 'q(z)', xLabel: 'z' });
    })(),
  },
];

describe('rendering the specs (issue 6 acceptance)', () => {
  for (const c of cases) {
    it(`${c.label}: compiles cleanly, renders valid SVG naming every curve`, async () => {
      const { messages } = compileSpec(c.spec);
      expect(messages).toEqual([]);
      const svg = await specToSvg(c.spec);
      const doc = parseXml(svg);
      expect(doc.root).toBe('svg');
      expect(doc.elements).toBeGreaterThan(20);
      for (const name of c.names) expect(doc.texts).toContain(name);
      if (c.spec.title !== undefined) expect(doc.texts).toContain(c.spec.title);
    });
  }

  it('renderSvg writes the file, creating folders', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'varinf-plot-'));
    try {
      const path = join(dir, 'a', 'b', 'density.svg');
      const svg = await renderSvg(cases[0].spec, path);
      expect(await readFile(path, 'utf8')).toBe(svg);
      parseXml(svg);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('specToSvg fails loudly on a spec Vega-Lite warns about', async () => {
    const bad = { $schema: cases[0].spec.$schema, data: { values: [{ a: 1 }] }, mark: 'line', encoding: { x: { field: 'a', type: 'nonsense' } } };
    await expect(specToSvg(bad as unknown as VegaLiteSpec)).rejects.toThrow();
  });
});

describe('parseXml (the checker itself)', () => {
  it('accepts well-formed XML and rejects malformed XML', () => {
    expect(parseXml('<?xml version="1.0"?><svg a="1"><g><text>a &amp; b</text></g><rect/></svg>').texts).toEqual(['a & b']);
    for (const bad of ['<svg><g></svg>', '<svg>', '<svg></svg><svg></svg>', '<svg a="1" a="2"/>', '<svg>a & b</svg>', '<svg a=1/>', 'text<svg/>', '<svg><g></h></svg>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});
