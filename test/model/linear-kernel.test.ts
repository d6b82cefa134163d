/**
 * The linear-Gaussian kernel: a per-datum likelihood Normal(μᵢ, σ) with μᵢ affine in
 * the latents (constant coefficients) and one σ for all data is evaluated from a QR
 * reduction of its design matrix. It must agree with the general path (a twin that
 * reads a value with `detach`, so it is always called) in value and gradient, on the
 * constrained and the unconstrained space; stop calling the likelihood once decided;
 * and keep the general path whenever the likelihood is not of that form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  detach,
  div,
  dot,
  exp,
  Exponential,
  Gamma,
  Model,
  mul,
  neg,
  Normal,
  plate,
  sub,
  sum,
  type ContinuousDistribution,
  type Prior,
} from '../../src/index';
import { lcg } from './helpers';

const u = lcg(11);
const n = 40;
const X = Array.from({ length: n }, () => Float64Array.from({ length: 4 }, () => 2 * u() - 1));
const xs = Float64Array.from({ length: n }, () => 3 * u() - 1);
const y = Float64Array.from({ length: n }, (_, i) => 0.3 + X[i][0] - 0.5 * X[i][2] + 0.4 * (u() - 0.5));

type Latents = Record<string, number & Float64Array>;

interface Case {
  name: string;
  prior: Prior;
  /** The mean and scale of datum i; `w` wraps a value that the twin reads with detach. */
  make: (l: Latents, i: number, w: (x: number) => number) => ContinuousDistribution;
  data?: Float64Array;
}

const cases: Case[] = [
  { name: 'dot(w, xᵢ), σ constant', prior: { w: plate(new Normal(0, 1), 4) }, make: (l, i, w) => new Normal(w(dot(l.w, X[i])), 0.5) },
  {
    name: 'intercept and a latent σ',
    prior: { w: plate(new Normal(0, 1), 4), b: new Normal(0, 5), s: new Exponential(1) },
    make: (l, i, w) => new Normal(w(add(dot(l.w, X[i]), l.b)), l.s),
  },
  { name: 'a + b·xᵢ (scalar latents)', prior: { a: new Normal(0, 10), b: new Normal(0, 10) }, make: (l, i, w) => new Normal(w(add(l.a, mul(l.b, xs[i]))), 1) },
  {
    name: 'sub, div, neg and constant offsets',
    prior: { a: new Normal(0, 2), b: new Normal(0, 2) },
    make: (l, i, w) => new Normal(w(sub(div(mul(l.a, 3), 2), neg(add(mul(xs[i], l.b), 0.5)))), 2),
  },
  {
    name: 'dot(xᵢ, w) reversed, and a sum of products with numbers',
    prior: { w: plate(new Normal(0, 1), 4) },
    make: (l, i, w) => new Normal(w(add(dot(X[i], l.w), sum([mul(l.w[0], 2), mul(-1, l.w[3])]))), 0.7),
  },
  {
    name: 'more latents than data (rank-deficient design) and a duplicate column',
    prior: { w: plate(new Normal(0, 1), 4), c: new Normal(0, 1) },
    make: (l, i, w) => new Normal(w(add(dot(l.w, X[i]), mul(l.c, X[i][0]))), 0.3),
    data: y.slice(0, 3),
  },
  {
    name: 'a positive latent in the mean (exp bijection) and a Gamma prior on σ',
    prior: { r: new Gamma(2, 1), s: new Gamma(3, 3) },
    make: (l, i, w) => new Normal(w(mul(l.r, xs[i])), l.s),
  },
];

function build(c: Case, general: boolean) {
  const calls = { n: 0 };
  const wrap = general ? (x: number) => add(x, mul(0, detach(x))) : (x: number) => x;
  const model = new Model({
    prior: c.prior,
    likelihood: (l, i) => {
      calls.n++;
      return c.make(l as Latents, i, wrap);
    },
    data: c.data ?? y,
  });
  return { model, calls };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-11 * Math.max(1, Math.abs(a), Math.abs(b));

describe('linear-Gaussian kernel = the general path', () => {
  for (const c of cases) {
    it(c.name, () => {
      const k = build(c, false);
      const g = build(c, true);
      const d = k.model.dim;
      fc.assert(
        fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: d, maxLength: d }), (vals) => {
          const uvec = Float64Array.from(vals);
          const gk = new Float64Array(d);
          const gg = new Float64Array(d);
          const vk = k.model.logDensityGradient(uvec, gk);
          const vg = g.model.logDensityGradient(uvec, gg);
          expect(close(vk, vg), `value ${vk} vs ${vg}`).toBe(true);
          for (let j = 0; j < d; j++) expect(close(gk[j], gg[j]), `∂/∂u${j}: ${gk[j]} vs ${gg[j]}`).toBe(true);
          expect(close(k.model.logDensity(uvec), vk)).toBe(true);
          const z = k.model.constrain(uvec);
          expect(close(k.model.logJoint(z), g.model.logJoint(z))).toBe(true);
          expect(close(k.model.logLikelihood(z), g.model.logLikelihood(z))).toBe(true);
        }),
        { numRuns: 50 },
      );
      // Decided on the first evaluation: one call per datum, then none.
      const perDatum = (c.data ?? y).length;
      expect(k.calls.n).toBe(perDatum);
      expect(g.calls.n).toBeGreaterThan(40 * perDatum);
    });
  }
});

describe('the linear-Gaussian kernel stays off where the likelihood is not linear-Gaussian', () => {
  function callsAfter(prior: Prior, make: (l: Latents, i: number) => ContinuousDistribution): number {
    let calls = 0;
    const m = new Model({ prior, likelihood: (l, i) => (calls++, make(l as Latents, i)), data: y.slice(0, 5) });
    const g = new Float64Array(m.dim);
    for (let t = 0; t < 3; t++) m.logDensityGradient(new Float64Array(m.dim).fill(0.1 * t), g);
    return calls;
  }
  const wPrior = { w: plate(new Normal(0, 1), 4) };
  function kernelAfter(prior: Prior, make: (l: Latents, i: number) => ContinuousDistribution): string {
    const m = new Model({ prior, likelihood: (l, i) => make(l as Latents, i), data: y.slice(0, 5) });
    m.logDensityGradient(new Float64Array(m.dim).fill(0.1), new Float64Array(m.dim));
    return String((m as unknown as { kernel?: object }).kernel?.constructor.name);
  }
  it('a non-affine mean, a product of latents, a scale per datum, a scale inside the mean, another family: replayed, not linear-Gaussian', () => {
    // Traced once (5 calls) and replayed by the general engine (replay.test.ts checks its values)…
    expect(callsAfter(wPrior, (l, i) => new Normal(exp(dot(l.w, X[i])), 1))).toBe(5);
    expect(kernelAfter(wPrior, (l, i) => new Normal(exp(dot(l.w, X[i])), 1))).toBe('ReplayProgram');
    expect(kernelAfter(wPrior, (l, i) => new Normal(mul(l.w[0], l.w[1]), 1 + 0 * i))).toBe('ReplayProgram');
    expect(kernelAfter(wPrior, (l, i) => new Normal(dot(l.w, X[i]), 1 + i))).toBe('ReplayProgram');
    expect(kernelAfter({ s: new Exponential(1) }, (l, i) => new Normal(mul(l.s, xs[i]), l.s))).toBe('ReplayProgram');
    expect(kernelAfter({ s: new Exponential(1) }, (l, i) => new Exponential(add(l.s, 0 * i)))).toBe('ReplayProgram');
    // …a subclass (which may change the density) is called per datum every time: 15 calls.
    class Shifted extends Normal {}
    expect(callsAfter(wPrior, (l, i) => new Shifted(dot(l.w, X[i]), 1))).toBe(15);
    expect(kernelAfter(wPrior, (l, i) => new Shifted(dot(l.w, X[i]), 1))).toBe('undefined');
    // …while the linear-Gaussian form is traced once into its own kernel: 5 calls.
    expect(callsAfter(wPrior, (l, i) => new Normal(dot(l.w, X[i]), 1))).toBe(5);
    expect(kernelAfter(wPrior, (l, i) => new Normal(dot(l.w, X[i]), 1))).toBe('LinearGaussianKernel');
  });

  it('a scale out of its domain gives −∞ (and zero gradient) as the general path does', () => {
    const m = new Model({ prior: { m: new Normal(0, 1), s: new Normal(1, 1) }, likelihood: ({ m: mu, s }, i) => new Normal(add(mu, xs[i]), s), data: y.slice(0, 4) });
    const g = new Float64Array(2);
    expect(Number.isFinite(m.logDensityGradient(Float64Array.of(0.1, 0.5), g))).toBe(true);
    expect(m.logDensityGradient(Float64Array.of(0.1, -0.5), g)).toBe(-Infinity);
    expect(Array.from(g)).toEqual([0, 0]);
    expect(m.logDensity(Float64Array.of(0.1, -0.5))).toBe(-Infinity);
  });
});
