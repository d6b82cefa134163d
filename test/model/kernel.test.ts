/**
 * The likelihood kernel: when an i.i.d. likelihood passes latents (or constants)
 * straight into a distribution's parameters, the model evaluates it without
 * calling the likelihood. It must agree with the general path (a likelihood that
 * records an operation, so it is always called) in value and gradient, fall back
 * when the likelihood reads values (`detach`) or uses ops, and keep the old
 * behaviour where parameters leave their domain.
 */
import { describe, expect, it } from 'vitest';
import {
  add,
  detach,
  exp,
  Exponential,
  Gamma,
  InvalidParameterError,
  LogNormal,
  Model,
  mul,
  Normal,
  plate,
  type ContinuousDistribution,
  type Prior,
} from '../../src/index';
import { fakeNormalData, lcg } from './helpers';

/** A model whose likelihood is counted; `wrap` lets a twin add a no-op op (forcing the general path). */
function counted<P extends Prior>(
  prior: P,
  make: (l: Record<string, number | Float64Array>, wrap: (x: number) => number) => ContinuousDistribution,
  data: ArrayLike<number>,
  general: boolean,
) {
  const calls = { n: 0 };
  const wrap = general ? (x: number) => add(x, 0) : (x: number) => x;
  const model = new Model({
    prior,
    likelihood: (l) => {
      calls.n++;
      return make(l as Record<string, number | Float64Array>, wrap);
    },
    data,
  });
  return { model, calls };
}

const positiveData = Float64Array.from(fakeNormalData(40, 2, 5), (x) => Math.abs(x) + 0.1);
const realData = fakeNormalData(40, 0.7, 6);

interface Case {
  name: string;
  prior: Prior;
  make: (l: Record<string, number | Float64Array>, w: (x: number) => number) => ContinuousDistribution;
  data: ArrayLike<number>;
}

const cases: Case[] = [
  { name: 'Normal(z, 1), z ~ Exponential', prior: { z: new Exponential(1) }, make: (l, w) => new Normal(w(l.z as number), 1), data: realData },
  {
    name: 'Normal(m, s), both latent',
    prior: { m: new Normal(0, 2), s: new Exponential(1) },
    make: (l, w) => new Normal(w(l.m as number), w(l.s as number)),
    data: realData,
  },
  { name: 'Normal(m, m) (one latent twice)', prior: { m: new Gamma(2, 1) }, make: (l, w) => new Normal(w(l.m as number), w(l.m as number)), data: realData },
  { name: 'Exponential(r)', prior: { r: new Gamma(2, 2) }, make: (l, w) => new Exponential(w(l.r as number)), data: positiveData },
  {
    name: 'Gamma(a, 3), a latent',
    prior: { a: new Exponential(0.5) },
    make: (l, w) => new Gamma(w(l.a as number), 3),
    data: positiveData,
  },
  {
    name: 'Gamma(a, b), plate elements',
    prior: { v: plate(new Exponential(1), 3) },
    make: (l, w) => new Gamma(w((l.v as Float64Array)[0]), w((l.v as Float64Array)[2])),
    data: positiveData,
  },
  {
    name: 'LogNormal(mu, sigma)',
    prior: { mu: new Normal(0, 1), sigma: new LogNormal(0, 0.5) },
    make: (l, w) => new LogNormal(w(l.mu as number), w(l.sigma as number)),
    data: positiveData,
  },
  {
    name: 'Normal(mu, 1) under a hierarchical prior',
    prior: { tau: new Exponential(1), mu: ({ tau }: { tau: number }) => new Normal(0, tau) },
    make: (l, w) => new Normal(w(l.mu as number), 1),
    data: realData,
  },
];

describe('kernel path = general path', () => {
  for (const c of cases) {
    it(c.name, () => {
      const k = counted(c.prior, c.make, c.data, false);
      const g = counted(c.prior, c.make, c.data, true);
      const rnd = lcg(17);
      const dim = k.model.dim;
      const gk = new Float64Array(dim);
      const gg = new Float64Array(dim);
      for (let t = 0; t < 60; t++) {
        const u = Float64Array.from({ length: dim }, () => 3 * rnd() - 1.5);
        const vk = t % 2 === 0 ? k.model.logDensity(u) : k.model.logDensityGradient(u, gk);
        const vg = t % 2 === 0 ? g.model.logDensity(u) : g.model.logDensityGradient(u, gg);
        expect(vk).toBeCloseTo(vg, 10);
        if (t % 2 === 1) for (let j = 0; j < dim; j++) expect(Math.abs(gk[j] - gg[j])).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(gg[j])));
        const z = k.model.constrain(u);
        expect(k.model.logJoint(z)).toBeCloseTo(g.model.logJoint(z), 10);
        expect(k.model.logLikelihood(z)).toBeCloseTo(g.model.logLikelihood(z), 10);
        const gradK = k.model.gradLogJoint(z) as Record<string, number | Float64Array>;
        const gradG = g.model.gradLogJoint(z) as Record<string, number | Float64Array>;
        for (const name of Object.keys(gradG)) {
          const a = gradK[name];
          const b = gradG[name];
          if (typeof b === 'number') expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(b)));
          else for (let j = 0; j < b.length; j++) expect(Math.abs((a as Float64Array)[j] - b[j])).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(b[j])));
        }
      }
      // The kernel stops calling the likelihood after the first evaluation; the general path calls it every time.
      expect(k.calls.n).toBe(1);
      expect(g.calls.n).toBeGreaterThanOrEqual(60 * 4);
    });
  }

  it('decides from the value path too (logDensity before any gradient)', () => {
    const k = counted({ z: new Exponential(1) }, (l, w) => new Normal(w(l.z as number), 1), [1.3], false);
    const u = new Float64Array([0.4]);
    const z = Math.exp(0.4);
    const expected = -z + new Normal(z, 1).logPdf(1.3) + 0.4;
    for (let t = 0; t < 5; t++) expect(k.model.logDensity(u)).toBe(expected);
    expect(k.calls.n).toBe(1);
  });
});

describe('fallback to calling the likelihood', () => {
  it('a likelihood that reads a value with detach is called every time (and branches correctly)', () => {
    let calls = 0;
    const m = new Model({
      prior: { z: new Exponential(1) },
      likelihood: ({ z }) => {
        calls++;
        return new Normal(z, detach(z) > 1 ? 1 : 2);
      },
      data: [1.3],
    });
    const g = new Float64Array(1);
    for (const zv of [0.5, 2, 0.5, 2, 0.7, 3]) {
      const u = new Float64Array([Math.log(zv)]);
      const sigma = zv > 1 ? 1 : 2;
      const expected = -zv + new Normal(zv, sigma).logPdf(1.3) + Math.log(zv);
      expect(m.logDensityGradient(u, g)).toBeCloseTo(expected, 12);
      expect(g[0]).toBeCloseTo((-1 + (1.3 - zv) / (sigma * sigma)) * zv + 1, 12);
      expect(m.logDensity(u)).toBeCloseTo(expected, 12);
    }
    expect(calls).toBe(12);
  });

  it('a likelihood that records an operation is called every time', () => {
    let calls = 0;
    const m = new Model({
      prior: { z: new Exponential(1) },
      likelihood: ({ z }) => {
        calls++;
        return new Normal(mul(2, z), 1);
      },
      data: [1.3],
    });
    const g = new Float64Array(1);
    for (let t = 0; t < 4; t++) {
      m.logDensityGradient(new Float64Array([0.1 * t]), g);
      m.logDensity(new Float64Array([0.1 * t]));
    }
    expect(calls).toBe(8);
  });

  /** Calls of `likelihood` over two gradient and two value evaluations. */
  function callsOver(likelihood: (l: { z: number }, i: number) => ContinuousDistribution, data = [1.3, 0.2]): number {
    let calls = 0;
    const m = new Model({
      prior: { z: new Exponential(1) },
      likelihood: likelihood.length >= 2 ? (l, i) => (calls++, likelihood(l, i)) : (l) => (calls++, likelihood(l, 0)),
      data,
    });
    const g = new Float64Array(1);
    m.logDensityGradient(new Float64Array([0.2]), g);
    m.logDensityGradient(new Float64Array([0.3]), g);
    m.logDensity(new Float64Array([0.2]));
    m.logDensity(new Float64Array([0.3]));
    return calls;
  }

  it('per-datum likelihoods: traced once (one call per datum) when replayable, else called per datum every time', () => {
    expect(callsOver(({ z }, i) => new Normal(z, 1 + 0 * i))).toBe(2);
    expect(callsOver(({ z }, i) => new Normal(exp(z), 1 + 0 * i))).toBe(2);
    expect(callsOver(({ z }, i) => new Exponential(add(z, 0 * i)))).toBe(2);
    // A likelihood that reads a latent's value may branch on it: called every time.
    expect(callsOver(({ z }, i) => new Normal(detach(z) > 0 ? exp(z) : z, 1 + 0 * i))).toBe(8);
  });

  it('a subclass of a distribution with a kernel does not inherit the kernel', () => {
    class Shifted extends Normal {
      override sumLogPdfPartials(xs: ArrayLike<number>, out: Float64Array): number {
        return super.sumLogPdfPartials(xs, out) + 1;
      }
      override sumLogPdf(xs: ArrayLike<number>): number {
        return super.sumLogPdf(xs) + 1;
      }
    }
    expect(callsOver(({ z }) => new Shifted(z, 1))).toBe(4);
  });

  it('a node of another model is not taken for a latent', () => {
    let foreign = 0;
    new Model({
      prior: { a: new Exponential(1) },
      likelihood: ({ a }) => {
        foreign = a;
        return new Normal(0, 1);
      },
      data: [1],
    }).gradLogJoint({ a: 1 });
    // The foreign node's value is read as a plain parameter by the general path.
    expect(callsOver(() => new Normal(foreign, 1))).toBe(4);
  });

  it('a likelihood that only works on plain numbers keeps working in value mode', () => {
    const m = new Model({
      prior: { z: new Exponential(1) },
      likelihood: ({ z }) => new Normal(2 * z, 1),
      data: [1.3],
    });
    expect(m.logJoint({ z: 0.5 })).toBe(new Exponential(1).logPdf(0.5) + new Normal(1, 1).logPdf(1.3));
    expect(m.logDensity(new Float64Array([0]))).toBe(-1 + new Normal(2, 1).logPdf(1.3));
    expect(() => m.gradLogJoint({ z: 0.5 })).toThrow(TypeError);
  });
});

describe('parameters outside their domain behave as before', () => {
  // s ~ Normal: negative values reach the likelihood's sigma.
  const make = (general: boolean) =>
    new Model({
      prior: { m: new Normal(0, 1), s: new Normal(1, 1) },
      likelihood: ({ m, s }) => new Normal(m, general ? add(s, 0) : s),
      data: [0.3, -0.2],
    });

  it('logDensity −∞, logDensityGradient −∞ with zero gradient, logJoint and gradLogJoint throw', () => {
    for (const general of [false, true]) {
      const model = make(general);
      const g = new Float64Array(2).fill(7);
      // First a valid point (decides the kernel), then invalid ones, then valid again.
      expect(Number.isFinite(model.logDensityGradient(new Float64Array([0.1, 1]), g))).toBe(true);
      for (const s of [-1, 0]) {
        const u = new Float64Array([0.1, s]);
        expect(model.logDensity(u)).toBe(-Infinity);
        g.fill(7);
        expect(model.logDensityGradient(u, g)).toBe(-Infinity);
        expect(Array.from(g)).toEqual([0, 0]);
        expect(() => model.logJoint({ m: 0.1, s })).toThrow(InvalidParameterError);
        expect(() => model.logJoint({ m: 0.1, s })).toThrow(/Normal.*sigma/);
        expect(() => model.gradLogJoint({ m: 0.1, s })).toThrow(InvalidParameterError);
        expect(() => model.logLikelihood({ m: 0.1, s })).toThrow(InvalidParameterError);
      }
      expect(model.logDensity(new Float64Array([0.1, 1]))).toBeCloseTo(make(true).logDensity(new Float64Array([0.1, 1])), 12);
    }
  });

  it('invalid parameters at the first (deciding) evaluation', () => {
    const model = make(false);
    expect(model.logDensity(new Float64Array([0.1, -1]))).toBe(-Infinity);
    const u = new Float64Array([0.1, 0.8]);
    expect(model.logDensity(u)).toBeCloseTo(make(true).logDensity(u), 12);
  });

  it('a rate that underflows to 0 gives −∞, out of the prior support −∞ without a throw', () => {
    const model = new Model({ prior: { r: new Exponential(1) }, likelihood: ({ r }) => new Exponential(r), data: [0.5] });
    const g = new Float64Array(1);
    expect(Number.isFinite(model.logDensityGradient(new Float64Array([0]), g))).toBe(true);
    expect(model.logDensity(new Float64Array([-800]))).toBe(-Infinity);
    expect(model.logDensityGradient(new Float64Array([-800]), g)).toBe(-Infinity);
    expect(g[0]).toBe(0);
    expect(model.logJoint({ r: -1 })).toBe(-Infinity);
    expect(model.logLikelihood({ r: -1 })).toBe(-Infinity);
    expect(model.gradLogJoint({ r: -1 }).r).toBe(0);
  });

  it('data outside the likelihood support: −∞ and zero gradient', () => {
    const model = new Model({ prior: { r: new Exponential(1) }, likelihood: ({ r }) => new Exponential(r), data: [0.5, -1] });
    const g = new Float64Array(1).fill(7);
    expect(model.logDensityGradient(new Float64Array([0]), g)).toBe(-Infinity);
    expect(g[0]).toBe(0);
    expect(model.logDensity(new Float64Array([0.3]))).toBe(-Infinity);
  });
});
