import { describe, expect, it } from 'vitest';
import { add, Exponential, LogNormal, Model, Normal, plate } from '../../src/index';
import { Rng } from '../../src/random/rng';
import { ScrambledSobol } from '../../src/random/sobol';
import { createNoiseSource } from '../../src/vi/base-samples';
import { ControlVariateState } from '../../src/vi/control-variates';
import { createWorkspace } from '../../src/vi/estimator-workspace';
import { elboValue, sampleLogWeights } from '../../src/vi/log-weights';
import type { NoiseAwareGuide } from '../../src/vi/noise-aware-guide';
import { createRowScratch } from '../../src/vi/row-scratch';
import { families, meanField } from '../../src/vi/index';
import { psisKhat } from '../../src/vi/psis';
import type { DifferentiableModel } from '../../src/model/differentiable-model';
import type { Guide } from '../../src/vi/guide';

// The fused per-sample paths of the location–scale guides must give what the generic
// three-calls-per-sample loop gives (up to rounding), and the block noise fills and
// streamed log weights the same numbers as row-by-row draws.

/** The generic reparameterized loop (forward, logQGradU, backprop, addScore per sample). */
function genericReparam(model: DifferentiableModel, guide: Guide, theta: Float64Array, noise: readonly Float64Array[], withScore: boolean, grad: Float64Array): number {
  const d = guide.dim;
  const S = noise.length;
  const u = new Float64Array(d);
  const gLp = new Float64Array(d);
  const gQ = new Float64Array(d);
  const gU = new Float64Array(d);
  grad.fill(0);
  let sum = 0;
  for (const eps of noise) {
    guide.forward(theta, eps, u);
    const lp = model.logDensityGradient(u, gLp);
    const lq = guide.logQGradU(theta, u, gQ);
    sum += lp - lq;
    for (let j = 0; j < d; j++) gU[j] = gLp[j] - gQ[j];
    guide.backprop(theta, eps, u, gU, 1 / S, grad);
    if (withScore) guide.addScore(theta, u, -1 / S, grad);
  }
  return sum / S;
}

const seedModel = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
const xs = [0.4, -1.2, 2.0];
const plateModel = new Model({
  prior: { w: plate(new Normal(0, 1), 3), s: new Exponential(1) },
  likelihood: ({ w, s }, i) => new Normal(w[i], add(s, 0.5)),
  data: xs,
});

const cases: [string, DifferentiableModel, Guide][] = [
  ['seed model, LogNormal', seedModel, families({ z: LogNormal }).build(seedModel)],
  ['plate + positive scalar, meanField (d = 4)', plateModel, meanField().build(plateModel)],
];

describe('fused location–scale estimator = generic loop', () => {
  for (const [label, model, guide] of cases) {
    const ng = guide as NoiseAwareGuide;
    it(`${label}: value, gradient (STL and pathwise) and control-variate feature means`, () => {
      expect(ng.reparamFused).toBeTypeOf('function');
      expect(ng.standardNormalNoise).toBe(true);
      const d = guide.dim;
      const theta = guide.initialParams().map((v, i) => v + 0.1 * Math.sin(i + 1));
      const S = 16;
      const ws = createWorkspace(guide, S);
      new Rng(5).fillNormal(ws.noiseData);
      for (const withScore of [false, true]) {
        const gFused = new Float64Array(guide.numParams);
        const gRef = new Float64Array(guide.numParams);
        const h = new Float64Array(d * guide.controlVariates!.perCoord);
        const v = ng.reparamFused!(model, theta, ws, gFused, withScore, h);
        const vRef = genericReparam(model, guide, theta, ws.noise, withScore, gRef);
        expect(Math.abs(v - vRef)).toBeLessThan(1e-12 * Math.max(1, Math.abs(vRef)));
        for (let i = 0; i < gRef.length; i++) expect(Math.abs(gFused[i] - gRef[i])).toBeLessThan(1e-11 * Math.max(1, Math.abs(gRef[i])));
        // Feature means: as the guide's per-row `features`, averaged.
        const row = new Float64Array(h.length);
        const mean = new Float64Array(h.length);
        for (const eps of ws.noise) {
          guide.controlVariates!.features(theta, eps, row);
          for (let k = 0; k < row.length; k++) mean[k] += row[k] / S;
        }
        for (let k = 0; k < h.length; k++) expect(Math.abs(h[k] - mean[k])).toBeLessThan(1e-12 * Math.max(1, Math.abs(mean[k])));
      }
    });

    it(`${label}: block noise fills match row-by-row draws (MC and RQMC)`, () => {
      const theta = guide.initialParams();
      const ws = createWorkspace(guide, 8);
      const ref = createWorkspace(guide, 8);
      createNoiseSource(guide, 'mc').fill(theta, new Rng(9), ws);
      const r = new Rng(9);
      for (const row of ref.noise) guide.drawNoise(theta, r, row);
      expect(Array.from(ws.noiseData)).toEqual(Array.from(ref.noiseData));
      createNoiseSource(guide, 'rqmc').fill(theta, new Rng(4), ws);
      // Reference: the same scrambled Sobol uniforms through the per-row inverse CDF.
      new ScrambledSobol(guide.dim).fillUniform(new Rng(4), ref.noiseData, 8);
      for (const row of ref.noise) guide.noiseFromUniform(theta, row, row);
      expect(Array.from(ws.noiseData)).toEqual(Array.from(ref.noiseData));
      for (const v of ws.noiseData) expect(Number.isFinite(v)).toBe(true);
    });

    it(`${label}: streamed log weights = elboValue on a filled workspace`, () => {
      const theta = guide.initialParams().map((v, i) => v + 0.05 * i);
      const n = 1500;
      const lw = new Float64Array(n);
      const v = sampleLogWeights(model, guide, theta, new Rng(11), n, lw, createRowScratch(guide));
      const ws = createWorkspace(guide, n);
      const r = new Rng(11);
      for (const row of ws.noise) guide.drawNoise(theta, r, row);
      const vRef = elboValue(model, guide, theta, ws);
      expect(Math.abs(v - vRef)).toBeLessThan(1e-12 * Math.abs(vRef));
      for (let i = 0; i < n; i++) expect(Math.abs(lw[i] - ws.f[i])).toBeLessThan(1e-11 * Math.max(1, Math.abs(ws.f[i])));
    });
  }
});

describe('control variates: refreshed coefficients still reduce variance', () => {
  it('seed model, LogNormal at the optimum: corrected gradient variance far below the raw one', () => {
    const guide = families({ z: LogNormal }).build(seedModel) as NoiseAwareGuide;
    const theta = Float64Array.of(-0.3203, -0.4101);
    const ws = createWorkspace(guide, 16);
    const cv = new ControlVariateState(guide, guide.controlVariates!, 1 - 1 / 200);
    const rng = new Rng(2);
    const raw: number[] = [];
    const cor: number[] = [];
    const g = new Float64Array(2);
    for (let t = 0; t < 2000; t++) {
      rng.fillNormal(ws.noiseData);
      guide.reparamFused!(seedModel, theta, ws, g, false, cv.h);
      raw.push(g[1]);
      cv.applyMeans(g);
      if (t >= 500) cor.push(g[1]);
    }
    const variance = (a: number[]) => {
      const m = a.reduce((x, y) => x + y, 0) / a.length;
      return a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1);
    };
    expect(variance(cor)).toBeLessThan(0.2 * variance(raw.slice(500)));
  });
});

describe('psisKhat selects the tail instead of sorting everything', () => {
  it('k̂ does not depend on the order of the log weights (ties, −∞ entries, heavy tails)', () => {
    const rng = new Rng(8);
    for (const n of [20, 100, 5000]) {
      for (let kind = 0; kind < 3; kind++) {
        const lw = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const x = rng.normal();
          lw[i] = kind === 0 ? Math.round(2 * x) : kind === 1 ? (rng.uniform() < 0.2 ? -Infinity : x) : 2 * x + Math.exp(x);
        }
        const sorted = Float64Array.from(lw).sort();
        const reversed = Float64Array.from(sorted).reverse();
        const k = psisKhat(sorted).khat;
        expect(psisKhat(lw).khat).toBe(k);
        expect(psisKhat(reversed).khat).toBe(k);
      }
    }
  });
});
