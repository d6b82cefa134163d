/**
 * Declared covariates (`covariates: { x, t }`, likelihood `(latents, { x, t }) => …`):
 * the model traces the likelihood once and replays it, and must give the log joint
 * and gradient of the same likelihood written per datum with covariates by closure
 * (whose reference twin reads a value with `detach`, so the general path calls it
 * per datum every time); it falls back to per-datum calls where one trace cannot be
 * replayed; bad covariates are refused by name.
 */
import { describe, expect, it } from 'vitest';
import {
  add, detach, div, dot, exp, HalfNormal, InvalidParameterError, Model, ModelError, mul, Normal, plate, Poisson,
  type LikelihoodDistribution,
} from '../../src/index';
import { fit } from '../../src/vi/index';
import { ReplayProgram } from '../../src/model/replay/program';
import { lcg } from './helpers';

const u = lcg(23);
const n = 41;
const X = Array.from({ length: n }, () => [1, 2 * u() - 1, 2 * u() - 1]);
const t = Array.from({ length: n }, () => 0.5 + u());
const ys = Array.from({ length: n }, (_, i) => Math.exp(0.3 * X[i][1]) + 0.2 * t[i] + 0.3 * (u() - 0.5));
const prior = { w: plate(new Normal(0, 1), 3), s: new HalfNormal(1) };
type W = { readonly w: Float64Array; readonly s: number };

/** The mean exp(x·w/2) + w₀·t, the scale s·t: covariates in a nonlinear mean and in the scale. */
const body = (p: W, x: ArrayLike<number>, ti: number): LikelihoodDistribution =>
  new Normal(add(exp(div(dot(x, p.w), 2)), mul(p.w[0], ti)), mul(p.s, ti));

function declared(count?: { calls: number }) {
  return new Model({
    prior,
    covariates: { x: X, t },
    likelihood: (p, c) => {
      if (count) count.calls++;
      return body(p, c.x, c.t);
    },
    data: ys,
  });
}

/** The twin evaluated by calling the likelihood per datum on every evaluation. */
const general = new Model({ prior, likelihood: (p, i) => body({ w: p.w, s: add(p.s, 0 * detach(p.s)) }, X[i], t[i]), data: ys });

const points: W[] = [
  { w: Float64Array.of(0.1, 0.6, -0.3), s: 0.4 },
  { w: Float64Array.of(-1, 0.2, 2), s: 1.7 },
  { w: Float64Array.of(0, 0, 0), s: 0.05 },
];

function close(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
}

describe('declared covariates', () => {
  it('evaluate the log joint and its gradient of the per-datum likelihood, traced once', () => {
    const count = { calls: 0 };
    const m = declared(count);
    for (const p of points) {
      close(m.logJoint(p), general.logJoint(p));
      const g = m.gradLogJoint(p);
      const h = general.gradLogJoint(p);
      for (let k = 0; k < 3; k++) close(g.w[k], h.w[k]);
      close(g.s, h.s);
    }
    expect((m as unknown as { kernel: unknown }).kernel).toBeInstanceOf(ReplayProgram);
    // One traced call: none per datum, at setup or per evaluation.
    expect(count.calls).toBe(1);
  });

  it('batch rows agree with single rows', () => {
    const m = declared();
    const us = new Float64Array(3 * 4);
    for (let r = 0; r < 3; r++) us.set(m.unconstrain(points[r]), r * 4);
    const out = new Float64Array(3);
    const grads = new Float64Array(12);
    m.logDensityGradientBatch(us, 3, grads, out);
    const g = new Float64Array(4);
    for (let r = 0; r < 3; r++) {
      close(out[r], general.logDensityGradient(us.subarray(r * 4, r * 4 + 4), g));
      for (let k = 0; k < 4; k++) close(grads[r * 4 + k], g[k]);
    }
  });

  it('evaluate a data subset by index, scaled (what fit’s batchSize uses)', () => {
    const m = declared();
    const sub = Int32Array.of(3, 7, 8, 30);
    m.setDataSubset(sub, n / 4);
    general.setDataSubset(sub, n / 4);
    const u0 = m.unconstrain(points[0]);
    const g = new Float64Array(4);
    const h = new Float64Array(4);
    close(m.logDensityGradient(u0, g), general.logDensityGradient(u0, h));
    for (let k = 0; k < 4; k++) close(g[k], h[k]);
    m.setDataSubset(null, 1);
    general.setDataSubset(null, 1);
  });

  it('fall back to calling the likelihood per datum when one trace cannot be replayed', () => {
    const count = { calls: 0 };
    const m = new Model({
      prior,
      covariates: { x: X, t },
      likelihood: (p, c) => {
        count.calls++;
        return detach(p.s) > 0 ? body(p, c.x, c.t) : new Normal(0, 1);
      },
      data: ys,
    });
    for (const p of points) close(m.logJoint(p), general.logJoint(p));
    expect(count.calls).toBeGreaterThan(n);
  });

  it('serve a likelihood with plain arithmetic on a covariate (the single trace fails; the datum-by-datum paths, with numbers, do not)', () => {
    const m = new Model({ prior, covariates: { x: X, t }, likelihood: (p, c) => body(p, c.x, c.t * 1), data: ys });
    for (const p of points) close(m.logJoint(p), general.logJoint(p));
    const g = m.gradLogJoint(points[1]);
    close(g.s, general.gradLogJoint(points[1]).s);
  });

  it('keep the family’s own error for a per-datum parameter out of its domain', () => {
    const bad = t.map((v, i) => (i === 5 ? -v : v));
    const m = new Model({ prior, covariates: { x: X, t: bad }, likelihood: (p, c) => new Normal(dot(c.x, p.w), mul(p.s, c.t)), data: ys });
    expect(() => m.logJoint(points[0])).toThrow(InvalidParameterError);
    expect(m.logDensity(m.unconstrain(points[0]))).toBe(-Infinity);
  });

  it('fit like the same model written per datum', () => {
    const counts = Array.from({ length: n }, (_, i) => Math.round(Math.exp(0.5 + 0.4 * X[i][1])));
    const a = new Model({ prior: { w: plate(new Normal(0, 1), 3) }, covariates: { x: X }, likelihood: ({ w }, { x }) => new Poisson(exp(dot(w, x))), data: counts });
    const b = new Model({ prior: { w: plate(new Normal(0, 1), 3) }, likelihood: ({ w }, i) => new Poisson(exp(dot(w, X[i]))), data: counts });
    const ra = fit(a, { seed: 3 });
    const rb = fit(b, { seed: 3 });
    expect(ra.converged).toBe(true);
    const sa = ra.summary();
    const sb = rb.summary();
    // The two programs agree to rounding, so the fits agree far below the posterior sd.
    for (let k = 0; k < sa.length; k++) expect(Math.abs(sa[k].mean - sb[k].mean)).toBeLessThan(1e-3 * sb[k].sd);
  });
});

describe('declared covariates: bad input', () => {
  const base = { prior, data: ys };
  const lik = (p: W, c: { x: ArrayLike<number>; t: number }) => body(p, c.x, c.t);
  it('names a covariate whose length is not the number of data, with both lengths', () => {
    expect(() => new Model({ ...base, covariates: { x: X, t: t.slice(1) }, likelihood: lik })).toThrow(ModelError);
    expect(() => new Model({ ...base, covariates: { x: X, t: t.slice(1) }, likelihood: lik })).toThrow(/covariates\.t has 40 entries but data has 41/);
  });
  it('names a row of another length', () => {
    const ragged = X.map((r, i) => (i === 9 ? r.slice(0, 2) : r));
    expect(() => new Model({ ...base, covariates: { x: ragged, t }, likelihood: lik })).toThrow(/covariates\.x\[9\] has length 2 but covariates\.x\[0\] has length 3/);
  });
  it('refuses empty rows', () => {
    expect(() => new Model({ ...base, covariates: { x: X.map(() => []), t }, likelihood: lik })).toThrow(/covariates\.x\[0\] is an empty row/);
  });
  it('names a non-finite covariate', () => {
    const nan = t.map((v, i) => (i === 4 ? NaN : v));
    expect(() => new Model({ ...base, covariates: { x: X, t: nan }, likelihood: lik })).toThrow(InvalidParameterError);
    expect(() => new Model({ ...base, covariates: { x: X, t: nan }, likelihood: lik })).toThrow(/covariates\.t\[4\]/);
  });
  it('names an undeclared covariate that the likelihood reads (JavaScript callers have no types)', () => {
    const m = new Model({ ...base, covariates: { x: X, t }, likelihood: ((p: W, c: Record<string, number>) => new Normal(p.w[0], c.tt)) as never });
    expect(() => m.logJoint(points[0])).toThrow(ModelError);
    expect(() => m.logJoint(points[0])).toThrow(/reads covariate "tt", which covariates does not declare \(it declares "x", "t"\)/);
  });
  it('refuses covariates with a likelihood of the latents alone, and covariates that are not named columns', () => {
    expect(() => new Model({ ...base, covariates: { t }, likelihood: (p) => new Normal(p.s, 1) })).toThrow(/likelihood takes only the latents/);
    expect(() => new Model({ ...base, covariates: [t] as never, likelihood: lik as never })).toThrow(TypeError);
  });
});
