/**
 * The replay engine (src/model/replay/): a per-datum likelihood traced once and
 * replayed as a flat program must give the log joint and its gradient of the
 * general path (the likelihood called per datum on the tape) at every point, for
 * every operation, in single rows and in batches; where it does not apply the
 * general path stays.
 *
 * The reference is a twin model whose likelihood reads a latent's value with
 * `detach` (a likelihood that reads values may branch on them, so the model keeps
 * calling it): the same arithmetic, evaluated by the tape every time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add, Bernoulli, BernoulliLogit, Binomial, Cauchy, detach, div, dot, exp, expm1, Exponential, Gamma, HalfNormal,
  InvalidParameterError, log, log1p, LogNormal, Model, mul, neg, Normal, plate, Poisson, pow, sigmoid,
  softplus, sqrt, square, StudentT, sub, tanh, type LikelihoodDistribution, type Prior,
} from '../../src/index';
import { ReplayProgram } from '../../src/model/replay/program';
import { lcg } from './helpers';

const u = lcg(5);
const n = 37; // not a multiple of the engine's blocks of 4 data
const X = Array.from({ length: n }, () => Float64Array.from({ length: 3 }, () => 2 * u() - 1));
const xs = Float64Array.from({ length: n }, () => 2 * u() - 0.5);
const ys = Float64Array.from({ length: n }, () => 3 * u() - 1);
const counts = Float64Array.from({ length: n }, () => Math.floor(6 * u()));
const bits = Float64Array.from({ length: n }, () => (u() < 0.4 ? 1 : 0));
const shared = Float64Array.of(0.5, -1, 2);
// Tied data: few distinct (input, datum) pairs among the n data.
const levels = Float64Array.from({ length: n }, (_, i) => [-1, 0.5, 2][i % 3]);
const prototypes = [Float64Array.of(1, 0.3, -0.2), Float64Array.of(1, -0.5, 0.8), Float64Array.of(1, 0, 0)];
const protoRows = Array.from({ length: n }, (_, i) => prototypes[(i * 7) % 3]);
const smallCounts = Float64Array.from({ length: n }, (_, i) => (i * 5) % 3);

type L = Record<string, number & Float64Array>;

interface Case {
  name: string;
  prior: Prior;
  make: (l: L, i: number) => LikelihoodDistribution;
  data: Float64Array;
}

const w3 = { w: plate(new Normal(0, 1), 3) };
const ab = { a: new Normal(0, 1), b: new Normal(0, 1) };
const cases: Case[] = [
  { name: 'Normal(exp(0.1·dot(w, xᵢ)), 1)', prior: w3, make: (l, i) => new Normal(exp(mul(dot(l.w, X[i]), 0.1)), 1), data: ys },
  { name: 'logistic regression', prior: { ...w3, b: new Normal(0, 2) }, make: (l, i) => new BernoulliLogit(add(dot(l.w, X[i]), l.b)), data: bits },
  { name: 'Bernoulli(sigmoid(a + b·xᵢ))', prior: ab, make: (l, i) => new Bernoulli(sigmoid(add(l.a, mul(l.b, xs[i])))), data: bits },
  { name: 'Poisson regression', prior: ab, make: (l, i) => new Poisson(exp(add(l.a, mul(xs[i], l.b)))), data: counts },
  { name: 'a shared covariate row', prior: w3, make: (l, i) => new Normal(dot(l.w, shared), 1 + xs[i] * xs[i]), data: ys },
  {
    name: 'sub, div by a constant, a constant over a latent, neg',
    prior: { a: new Normal(0, 1), s: new HalfNormal(1) },
    make: (l, i) => new Normal(sub(div(l.a, 1 + i), neg(div(2 + xs[i], add(l.s, 1)))), 1.5),
    data: ys,
  },
  {
    name: 'products and quotients of latents, a latent scale',
    prior: { a: new Normal(0, 1), s: new Exponential(1) },
    make: (l, i) => new Normal(mul(l.a, div(l.s, add(l.s, xs[i] * xs[i]))), l.s),
    data: ys,
  },
  {
    name: 'log, log1p, expm1, sqrt, square, pow with an exponent per datum',
    prior: { s: new Gamma(2, 1) },
    make: (l, i) => new Normal(add(add(log(l.s), log1p(l.s)), mul(0.1, expm1(l.s))), add(sqrt(add(square(l.s), 1)), pow(l.s, 0.5 + (i % 3)))),
    data: ys,
  },
  { name: 'a robust (Cauchy) regression', prior: { ...ab, s: new HalfNormal(2) }, make: (l, i) => new Cauchy(add(l.a, mul(l.b, xs[i])), l.s), data: ys },
  { name: 'a robust (StudentT) regression', prior: { ...ab, s: new HalfNormal(2) }, make: (l, i) => new StudentT(4, add(l.a, mul(l.b, xs[i])), l.s), data: ys },
  { name: 'a binomial regression with trials per datum', prior: ab, make: (l, i) => new Binomial(5 + (i % 3), sigmoid(add(l.a, mul(l.b, xs[i])))), data: counts },
  { name: 'an exponential regression', prior: w3, make: (l, i) => new Exponential(exp(neg(dot(l.w, X[i])))), data: Float64Array.from(ys, (y, i) => (i === 3 ? 0 : Math.abs(y))) },
  {
    name: 'a gamma regression with one latent shape',
    prior: { ...ab, s: new HalfNormal(2) },
    make: (l, i) => new Gamma(l.s, div(l.s, exp(add(l.a, mul(l.b, xs[i]))))),
    data: Float64Array.from(ys, (y) => Math.abs(y) + 0.05),
  },
  { name: 'a log-normal regression', prior: { ...w3, s: new HalfNormal(1) }, make: (l, i) => new LogNormal(dot(l.w, X[i]), l.s), data: Float64Array.from(ys, (y) => Math.abs(y) + 0.05) },
  { name: 'tanh and softplus', prior: ab, make: (l, i) => new Gamma(softplus(l.a), add(exp(tanh(mul(l.b, xs[i]))), 0.1)), data: Float64Array.from(ys, (y) => Math.abs(y) + 0.1) },
  // Tied data (equal datum and inputs): evaluated once per group, weighted by its size.
  { name: 'tied data: a logistic regression on a 3-level covariate', prior: ab, make: (l, i) => new BernoulliLogit(add(l.a, mul(l.b, levels[i]))), data: bits },
  { name: 'tied data: covariate rows from 3 prototypes, Poisson counts in 0…2', prior: w3, make: (l, i) => new Poisson(exp(dot(l.w, protoRows[i]))), data: smallCounts },
];

/** A model of the case, and its twin that the tape evaluates every time. */
function pair(c: Case): { replayed: Model<Prior>; general: Model<Prior> } {
  const replayed = new Model({ prior: c.prior, likelihood: (l, i) => c.make(l as L, i), data: c.data });
  const general = new Model({
    prior: c.prior,
    likelihood: (l, i) => {
      const first = Object.values(l)[0] as unknown;
      detach(typeof first === 'number' || !(first as ArrayLike<number>).length ? (first as number) : (first as ArrayLike<number>)[0]);
      return c.make(l as L, i);
    },
    data: c.data,
  });
  return { replayed, general };
}

const kernelOf = (m: Model<Prior>): unknown => (m as unknown as { kernel?: unknown }).kernel;

/** |a − b| ≤ 1e-12·max(1, |a|, |b|), or the same non-finite value. */
function close(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b);
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('a replayed per-datum likelihood gives the general path’s values and gradients', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { replayed, general } = pair(c);
      const d = replayed.dim;
      const g0 = new Float64Array(d);
      replayed.logDensityGradient(new Float64Array(d).fill(0.2), g0);
      expect(kernelOf(replayed)).toBeInstanceOf(ReplayProgram);
      expect(kernelOf(general)).toBeUndefined();
      fc.assert(
        fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3 * d, maxLength: 3 * d }), (vals) => {
          const us = Float64Array.from(vals);
          // Single rows: value and gradient against the tape.
          for (let r = 0; r < 3; r++) {
            const row = us.subarray(r * d, (r + 1) * d);
            const gr = new Float64Array(d);
            const gg = new Float64Array(d);
            const vr = replayed.logDensityGradient(row, gr);
            const vg = general.logDensityGradient(row, gg);
            expect(close(vr, vg), `value ${vr} vs ${vg}`).toBe(true);
            for (let k = 0; k < d; k++) expect(close(gr[k], gg[k]), `∂/∂u${k}: ${gr[k]} vs ${gg[k]}`).toBe(true);
            expect(close(replayed.logDensity(row), general.logDensity(row))).toBe(true);
          }
          // Three rows at once: each row as alone.
          const out = new Float64Array(3);
          const grads = new Float64Array(3 * d);
          replayed.logDensityGradientBatch(us, 3, grads, out);
          for (let r = 0; r < 3; r++) {
            const gg = new Float64Array(d);
            const vg = general.logDensityGradient(us.subarray(r * d, (r + 1) * d), gg);
            expect(close(out[r], vg)).toBe(true);
            for (let k = 0; k < d; k++) expect(close(grads[r * d + k], gg[k])).toBe(true);
          }
          const z = replayed.constrain(us.subarray(0, d));
          expect(close(replayed.logJoint(z), general.logJoint(z))).toBe(true);
        }),
        { numRuns: 30 },
      );
    });
  }

  it('forward values have the bits of the traced operations', () => {
    const c = cases[0];
    const { replayed, general } = pair(c);
    const g = new Float64Array(3);
    for (const t of [0.3, -0.7, 1.9]) {
      const uvec = Float64Array.of(t, -t / 2, t / 3);
      replayed.logDensityGradient(uvec, g);
      expect(replayed.logDensity(uvec)).toBe(general.logDensity(uvec));
    }
  });

  it('many rows at once (a step of 40 samples) match the rows one at a time', () => {
    const { replayed } = pair(cases[1]);
    const d = replayed.dim;
    const rows = 40;
    const us = Float64Array.from({ length: rows * d }, () => 2 * u() - 1);
    const out = new Float64Array(rows);
    const grads = new Float64Array(rows * d);
    replayed.logDensityGradientBatch(us, rows, grads, out);
    for (let r = 0; r < rows; r++) {
      const gr = new Float64Array(d);
      expect(close(replayed.logDensityGradient(us.subarray(r * d, (r + 1) * d), gr), out[r])).toBe(true);
      for (let k = 0; k < d; k++) expect(close(gr[k], grads[r * d + k])).toBe(true);
    }
  });
});

describe('parameters out of their domain', () => {
  const make = (l: L, i: number): LikelihoodDistribution => new Normal(l.a, sub(l.s, xs[i]));
  const prior: Prior = { a: new Normal(0, 1), s: new Normal(2, 1) };
  it('give −∞ with a zero gradient for that row only, and logJoint throws the family’s error', () => {
    const m = new Model({ prior, likelihood: (l, i) => make(l as L, i), data: ys });
    const g = new Float64Array(2);
    expect(Number.isFinite(m.logDensityGradient(Float64Array.of(0.1, 3), g))).toBe(true);
    expect(kernelOf(m)).toBeInstanceOf(ReplayProgram);
    g.fill(7);
    expect(m.logDensityGradient(Float64Array.of(0.1, 0.5), g)).toBe(-Infinity);
    expect(Array.from(g)).toEqual([0, 0]);
    const out = new Float64Array(2);
    const grads = new Float64Array(4);
    m.logDensityGradientBatch(Float64Array.of(0.1, 0.5, 0.1, 3), 2, grads, out);
    expect(out[0]).toBe(-Infinity);
    expect(Number.isFinite(out[1])).toBe(true);
    expect([grads[0], grads[1]]).toEqual([0, 0]);
    const at = { a: 0.1, s: 0.5 } as unknown as Parameters<typeof m.logJoint>[0];
    expect(() => m.logJoint(at)).toThrow(InvalidParameterError);
    expect(() => m.logJoint(at)).toThrow(/sigma/);
  });
});

describe('where the replay does not apply, the likelihood keeps being called', () => {
  function kernelAfter(make: (l: L, i: number) => LikelihoodDistribution, prior: Prior = ab): unknown {
    const m = new Model({ prior, likelihood: (l, i) => make(l as L, i), data: ys });
    m.logDensityGradient(Float64Array.of(0.1, 0.2), new Float64Array(2));
    return kernelOf(m);
  }
  it('a structure that changes with i, a family that changes with i, a node of another datum, a subclass', () => {
    expect(kernelAfter((l, i) => new Normal(i < 5 ? exp(l.a) : l.a, 1))).toBeUndefined();
    expect(kernelAfter((l, i) => (i < 5 ? new Normal(l.a, 1) : new Gamma(2, exp(l.a))))).toBeUndefined();
    let last: number | null = null;
    expect(kernelAfter((l) => {
      const m = last === null ? exp(l.a) : add(last, l.b);
      last = m;
      return new Normal(m, 1);
    })).toBeUndefined();
    class Wide extends Normal {}
    expect(kernelAfter((l) => new Wide(l.a, exp(l.b)))).toBeUndefined();
  });
});

/** The data a program evaluates for the whole data set (tied data once each). */
const distinctData = (p: ReplayProgram): number => {
  const tied = (p as unknown as { tied: { reps: Int32Array } | null }).tied;
  return tied === null ? n : tied.reps.length;
};

describe('tied data', () => {
  it('are grouped (one term per distinct input and datum), and a subset is evaluated datum by datum', () => {
    const c = cases.find((k) => k.name.startsWith('tied data: a logistic'))!;
    const { replayed, general } = pair(c);
    const z = Float64Array.of(0.3, -0.4);
    replayed.logDensityGradient(z, new Float64Array(2));
    const program = kernelOf(replayed) as ReplayProgram;
    expect(distinctData(program)).toBe(new Set(Array.from(levels, (x, i) => `${x},${bits[i]}`)).size);
    const idx = Int32Array.of(3, 0, 17, 36, 8, 9);
    program.setSubset(idx, 2);
    const ll = new Float64Array(1);
    program.evaluate(z, 2, 1, ll, null);
    let want = 0;
    for (const i of idx) want += new BernoulliLogit(z[0] + z[1] * levels[i]).logPdf(bits[i]);
    expect(close(ll[0], 2 * want)).toBe(true);
    program.setSubset(null);
    program.evaluate(z, 2, 1, ll, null);
    expect(close(ll[0], general.logLikelihood({ a: z[0], b: z[1] }))).toBe(true);
  });

  it('continuous inputs are not grouped', () => {
    const { replayed } = pair(cases[3]);
    replayed.logDensityGradient(Float64Array.of(0.1, 0.2), new Float64Array(2));
    expect(distinctData(kernelOf(replayed) as ReplayProgram)).toBe(n);
  });
});

describe('data subsets (the engine of batchSize)', () => {
  it('evaluate n/B times the sum over the chosen data', () => {
    const c = cases[3];
    const { replayed, general } = pair(c);
    const g = new Float64Array(2);
    const z = Float64Array.of(0.3, -0.4);
    replayed.logDensityGradient(z, g);
    const program = kernelOf(replayed) as ReplayProgram;
    const idx = Int32Array.of(3, 0, 17, 36, 8);
    const scale = n / idx.length;
    program.setSubset(idx, scale);
    const ll = new Float64Array(1);
    const dz = new Float64Array(2);
    program.evaluate(z, 2, 1, ll, dz);
    let want = 0;
    const lik = (a: number, b: number, i: number): number => new Poisson(Math.exp(a + xs[i] * b)).logPdf(counts[i]);
    for (const i of idx) want += lik(z[0], z[1], i);
    expect(ll[0]).toBeCloseTo(scale * want, 10);
    // ∂/∂a by central differences of the same subset sum.
    const h = 1e-6;
    let plus = 0;
    let minus = 0;
    for (const i of idx) {
      plus += lik(z[0] + h, z[1], i);
      minus += lik(z[0] - h, z[1], i);
    }
    expect(dz[0]).toBeCloseTo((scale * (plus - minus)) / (2 * h), 4);
    program.setSubset(null);
    program.evaluate(z, 2, 1, ll, null);
    expect(close(ll[0], general.logLikelihood({ a: z[0], b: z[1] }))).toBe(true);
  });
});

describe('large data sets are traced datum by datum (the streaming probe)', () => {
  const N = 5000; // above the gradient path's threshold too
  const r = lcg(8);
  const cx = Float64Array.from({ length: N }, () => 2 * r() - 1);
  const cy = Float64Array.from(cx, (x) => Math.exp(0.3 * x) + r() - 0.5);
  const make = (l: L, i: number): LikelihoodDistribution => new Normal(exp(add(l.a, mul(l.b, cx[i]))), 1);
  for (const first of ['value', 'gradient'] as const) {
    it(`first evaluation by ${first}: one call per datum, then the replayed values of the tape`, () => {
      let calls = 0;
      const m = new Model({ prior: ab as Prior, likelihood: (l, i) => (calls++, make(l as L, i)), data: cy });
      const twin = pair({ name: 'twin', prior: ab, make, data: cy }).general;
      const z = Float64Array.of(0.2, -0.3);
      const g = new Float64Array(2);
      if (first === 'value') m.logDensity(z);
      else m.logDensityGradient(z, g);
      expect(calls).toBe(N);
      expect(kernelOf(m)).toBeInstanceOf(ReplayProgram);
      const gt = new Float64Array(2);
      expect(close(m.logDensityGradient(z, g), twin.logDensityGradient(z, gt))).toBe(true);
      for (let k = 0; k < 2; k++) expect(close(g[k], gt[k])).toBe(true);
      expect(calls).toBe(N);
    });
  }
  it('a likelihood that reads a value stops the trace at that datum and stays general', () => {
    let calls = 0;
    const m = new Model({ prior: ab as Prior, likelihood: (l, i) => (calls++, detach((l as L).a), new Normal(exp((l as L).a), 1 + cx[i] * cx[i])), data: cy });
    m.logDensity(Float64Array.of(0.1, 0.1));
    expect(kernelOf(m)).toBeUndefined();
    expect(calls).toBe(1 + N); // the probe's one call, then the general path's n
  });
});
