/**
 * A covariate likelihood traced once with placeholders (src/model/replay/trace-once.ts):
 * which traces compile to a program, what the program keeps as instructions, and
 * that its values and gradients are those of the likelihood called datum by datum
 * with plain numbers (to rounding: folding a covariate into an affine constant may
 * move a last bit).
 */
import { describe, expect, it } from 'vitest';
import {
  add, Binomial, detach, div, dot, exp, Gamma, mul, Normal, plate, Poisson, sigmoid, square, sub, sum, BernoulliLogit,
  type LikelihoodDistribution, type Prior,
} from '../../src/index';
import { CovariateTable, type Covariates } from '../../src/model/covariates';
import { layoutPrior } from '../../src/model/latents';
import { traceOnce } from '../../src/model/replay/trace-once';
import { lcg } from './helpers';

const u = lcg(11);
const n = 29;
const X = Array.from({ length: n }, () => Array.from({ length: 3 }, () => 2 * u() - 1));
const t = Array.from({ length: n }, () => 0.5 + u());
const ys = Float64Array.from({ length: n }, () => 3 * u() - 1);
const counts = Float64Array.from({ length: n }, () => Math.floor(5 * u()));
const trials = Array.from({ length: n }, (_, i) => 5 + (i % 3));

type R = Record<string, number & Float64Array>;
type Lik = (l: R, c: R) => LikelihoodDistribution;

function program(prior: Prior, lik: Lik, data: Float64Array, covariates: Covariates = { x: X, t }) {
  const layout = layoutPrior(prior);
  const dim = layout.reduce((s, b) => s + b.size, 0);
  const z = Float64Array.from({ length: dim }, (_, k) => 0.3 + 0.1 * k);
  const table = new CovariateTable(covariates, data.length);
  return { p: traceOnce(lik as never, layout, table, data, z, dim), z, dim, table, layout };
}

/** Σᵢ log p(yᵢ | z) with the likelihood called per datum on plain numbers. */
function perDatum(lik: Lik, rec: R, table: CovariateTable, data: Float64Array): number {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += lik(rec, table.datum(i) as R).logPdf(data[i]);
  return s;
}

const w3 = { w: plate(new Normal(0, 1), 3), b: new Normal(0, 1) };
const compiled: [string, Prior, Lik, Float64Array][] = [
  ['exp(dot(x, w)/10) + b·t', w3, (l, c) => new Normal(add(exp(div(dot(c.x, l.w), 10)), mul(l.b, c.t)), 1), ys],
  ['dot(w, x) with a column-only scale exp(t)²', w3, (l, c) => new Normal(dot(l.w, c.x), square(exp(c.t))), ys],
  ['elements of a row, t / b and b / t', w3, (l, c) => new Normal(add(mul(l.w[0], c.x[1]), div(c.t, add(l.b, 3))), div(add(l.b, 3), c.t)), ys],
  ['an affine mix: 2·b − 3·t + 1', w3, (l, c) => new Normal(add(sub(mul(2, l.b), mul(3, c.t)), 1), 1), ys],
  ['Poisson regression', w3, (l, c) => new Poisson(exp(add(dot(c.x, l.w), mul(0.1, c.t)))), counts],
  ['logistic regression', w3, (l, c) => new BernoulliLogit(sub(dot(l.w, c.x), c.t)), Float64Array.from(counts, (k) => k % 2)],
  ['sums and dots of a row with numbers (covariates only)', w3, (l, c) => new Normal(add(mul(l.b, sum(c.x)), dot(c.x, [0.5, -1, 2])), 1), ys],
  ['a Gamma with a covariate shape', { r: new Gamma(2, 1) }, (l, c) => new Gamma(c.t, l.r), Float64Array.from(ys, (y) => Math.abs(y) + 0.1)],
];

describe('traceOnce', () => {
  for (const [name, prior, lik, data] of compiled) {
    it(`compiles and matches the per-datum likelihood: ${name}`, () => {
      const { p, z, dim, table, layout } = program(prior, lik, data);
      expect(p).toBeDefined();
      const rec: R = {};
      for (const b of layout) rec[b.name] = (b.scalar ? z[b.offset] : z.subarray(b.offset, b.offset + b.size)) as never;
      const ll = new Float64Array(1);
      const g = new Float64Array(dim);
      p!.evaluate(z, dim, 1, ll, g);
      const ref = perDatum(lik, rec, table, data);
      expect(Math.abs(ll[0] - ref)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(ref)));
      // Gradient: central differences of the per-datum sum (step h: error O(h²) ≈ 1e-8).
      for (let k = 0; k < dim; k++) {
        const h = 1e-5;
        const zp = z.slice();
        const zm = z.slice();
        zp[k] += h;
        zm[k] -= h;
        const recOf = (v: Float64Array): R => {
          const r: R = {};
          for (const b of layout) r[b.name] = (b.scalar ? v[b.offset] : v.subarray(b.offset, b.offset + b.size)) as never;
          return r;
        };
        const fd = (perDatum(lik, recOf(zp), table, data) - perDatum(lik, recOf(zm), table, data)) / (2 * h);
        expect(Math.abs(g[k] - fd)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
      }
    });
  }

  it('keeps operations of covariates only out of the program (computed per datum once)', () => {
    const { p } = program(w3, (l, c) => new Normal(add(l.b, exp(mul(c.t, c.t))), exp(c.t)), ys);
    expect(p?.length).toBe(1); // b + column: one affine instruction
  });

  it('reads the covariate rows in place (one dot instruction over the n × 3 rows)', () => {
    const { p } = program(w3, (l, c) => new Normal(dot(c.x, l.w), 1), ys);
    expect(p?.length).toBe(1);
  });

  it('does not compile a likelihood that reads a value, mixes a latent into a vector sum, or has a per-datum count support', () => {
    expect(program(w3, (l, c) => new Normal(detach(l.b) > 0 ? l.b : c.t, 1), ys).p).toBeUndefined();
    expect(program(w3, (l, c) => new Normal(sum([l.b, c.t]), 1), ys).p).toBeUndefined();
    expect(program(w3, (l, c) => new Binomial(c.n, sigmoid(l.b)), counts, { n: trials }).p).toBeUndefined();
  });

  it('compiles a count family whose parameters do not vary with the datum, and checks the counts', () => {
    expect(program(w3, (l) => new Binomial(7, sigmoid(l.b)), counts, { t }).p).toBeDefined();
    expect(() => program(w3, (l) => new Binomial(2, sigmoid(l.b)), counts, { t })).toThrow(/not in the support/);
  });
});
