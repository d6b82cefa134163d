/**
 * Shared test helpers of the model layer: the seed model and friends, a
 * deterministic data generator, finite differences and log-evidence quadrature.
 */
import { integrate } from '../../src/math/quadrature';
import { add, dot, Exponential, Model, Normal, plate, type DifferentiableModel } from '../../src/index';

/** z ~ Exponential(1), xᵢ | z ~ Normal(z, 1) i.i.d. */
export function expNormal(data: ArrayLike<number>) {
  return new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data });
}

/** The same model through the per-datum (non-i.i.d.) path. */
export function expNormalPerDatum(data: ArrayLike<number>) {
  return new Model({
    prior: { z: new Exponential(1) },
    likelihood: (p, i) => new Normal(add(p.z, 0 * i), 1),
    data,
  });
}

/** Deterministic pseudo-random numbers in [0, 1) (an LCG; tests only). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** n draws of roughly Normal(mu, 1) (sum of uniforms), deterministic. */
export function fakeNormalData(n: number, mu: number, seed: number): Float64Array {
  const u = lcg(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mu + (u() + u() + u() + u() + u() + u() - 3) * Math.SQRT2;
  return out;
}

/** A d-dimensional Bayesian linear regression with intercept and noise scale: w, b, s. */
export function regression(d: number, n: number, seed = 7) {
  const u = lcg(seed);
  const X: Float64Array[] = [];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(d);
    let m = 0.3;
    for (let j = 0; j < d; j++) {
      row[j] = 2 * u() - 1;
      m += row[j] * (j % 3 - 1);
    }
    X.push(row);
    y[i] = m + 0.5 * (u() - 0.5);
  }
  const model = new Model({
    prior: { w: plate(new Normal(0, 1), d), b: new Normal(0, 5), s: new Exponential(1) },
    likelihood: ({ w, b, s }, i) => new Normal(add(dot(w, X[i]), b), s),
    data: y,
  });
  return { model, X, y };
}

/**
 * ∂f/∂xₖ by the 5-point central difference D(h) = (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h))/(12h)
 * with one Richardson step, (16·D(h/2) − D(h))/15: truncation error O(h⁶) with
 * h = 1e-3·max(1, |xₖ|), so that a 1e-6 agreement test is limited by the gradient
 * under test, not by the reference (the plain stencil's O(h⁴) error reached 1e-6 at
 * small hierarchical scales).
 */
export function finiteDiff(f: (x: Float64Array) => number, x: Float64Array): Float64Array {
  const g = new Float64Array(x.length);
  const y = x.slice();
  for (let k = 0; k < x.length; k++) {
    const h = 1e-3 * Math.max(1, Math.abs(x[k]));
    const at = (t: number): number => {
      y[k] = x[k] + t;
      const v = f(y);
      y[k] = x[k];
      return v;
    };
    const d = (s: number): number => (-at(2 * s) + 8 * at(s) - 8 * at(-s) + at(-2 * s)) / (12 * s);
    g[k] = (16 * d(h / 2) - d(h)) / 15;
  }
  return g;
}

/** max over k of |a − b| / max(1, |b|): relative error with a floor of 1 for near-zero gradients. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]) / Math.max(1, Math.abs(b[k])));
  return m;
}

/**
 * log ∫ exp(f(t)) dt over (a, b) for a log-density f, shifted by its maximum on a
 * grid so that the integrand is O(1) (no underflow for log joints near −450).
 */
export function logIntegral(f: (t: number) => number, a: number, b: number, lo: number, hi: number): number {
  let c = -Infinity;
  for (let k = 0; k <= 2000; k++) c = Math.max(c, f(lo + ((hi - lo) * k) / 2000));
  const r = integrate((t) => Math.exp(f(t) - c), a, b, { absTol: 0, relTol: 1e-13 });
  return c + Math.log(r.value);
}

/** The unconstrained density of a 1-D DifferentiableModel as a function of u. */
export function density1d(m: DifferentiableModel): (u: number) => number {
  const buf = new Float64Array(1);
  return (u) => {
    buf[0] = u;
    return m.logDensity(buf);
  };
}
