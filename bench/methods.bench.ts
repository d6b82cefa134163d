/**
 * Every method of every distribution family across its parameter range (issue #16:
 * ≤ 10 µs per call everywhere). For each family, a grid of extreme parameters
 * (subnormal to 1e300 scales, shapes from 1e-300 to 1e300, n up to 2⁵³ − 1); for
 * each distribution, points at the quantiles p ∈ {1e-300, 1e-30, 1e-5, 0.1, 0.5,
 * 0.9, 1 − 1e-5, 1 − 1e-12} (x = quantile(p); `quantile` at p). Each point is
 * timed alone (median of 7 timings of 16 calls after one), in a second pass over the whole
 * grid (see `runMethodsBench`), and a cell is the
 * slowest point over the whole grid: the worst µs per call of that method and
 * family. The last column names where the family's slowest call happened; the last
 * row is the worst over the families.
 */
import {
  Bernoulli, BernoulliLogit, Beta, Binomial, Cauchy, Exponential, Gamma, HalfCauchy, HalfNormal, InverseGamma,
  LogitNormal, LogNormal, Normal, Poisson, Rng, StudentT, Uniform, type ContinuousDistribution, type DiscreteDistribution,
} from '../src/index';
import { consume, time, type Row } from './harness';

type Dist = ContinuousDistribution | DiscreteDistribution;
type Method = (d: Dist, x: number, p: number, rng: Rng, out: Float64Array) => number;

const PROBABILITIES = [1e-300, 1e-30, 1e-5, 0.1, 0.5, 0.9, 1 - 1e-5, 1 - 1e-12];

const METHODS: readonly (readonly [string, Method])[] = [
  ['logPdf', (d, x) => d.logPdf(x)],
  ['pdf', (d, x) => d.pdf(x)],
  ['cdf', (d, x) => d.cdf(x)],
  ['logCdf', (d, x) => d.logCdf(x)],
  ['survival', (d, x) => d.survival(x)],
  ['logSurvival', (d, x) => d.logSurvival(x)],
  ['quantile', (d, _x, p) => d.quantile(p)],
  ['logPdfPartials', (d, x, _p, _r, out) => d.logPdfPartials(x, out)],
  ['mean', (d) => d.mean()],
  ['variance', (d) => d.variance()],
  ['mode', (d) => d.mode()],
  ['entropy', (d) => d.entropy()],
  ['sample', (d, _x, _p, rng) => d.sample(rng)],
];

const T = 1e300;
const t = 1e-300;
/** Each family's grid of extreme (and a few ordinary) parameters. */
const GRIDS: readonly (readonly [string, readonly (() => Dist)[]])[] = [
  ['Normal', [() => new Normal(0, 1), () => new Normal(0, t), () => new Normal(T, 1), () => new Normal(-T, T), () => new Normal(t, t)]],
  ['Exponential', [() => new Exponential(t), () => new Exponential(1), () => new Exponential(T)]],
  ['Gamma', [1e-300, 1e-3, 1, 1e3, 1e8, 1e16, 1e300].map((a) => () => new Gamma(a, 1)).concat([() => new Gamma(2, t), () => new Gamma(2, T)])],
  ['LogNormal', [() => new LogNormal(0, 1), () => new LogNormal(0, t), () => new LogNormal(700, 1e-3), () => new LogNormal(-700, 10), () => new LogNormal(0, 1e3)]],
  ['Beta', [[t, t], [1e-3, 1e3], [1, 1], [0.5, 0.5], [1e3, 1e-3], [1e4, 1e4], [1e8, 1e8], [1e16, 1e16], [1e16, 2], [1e300, 1e300], [1, 1.7976931348623135e308]].map(([a, b]) => () => new Beta(a, b))],
  ['StudentT', [[1e-3, 1], [1, 1], [3, 1], [30, 1], [1e8, 1], [T, 1], [3, t], [3, T]].map(([nu, s]) => () => new StudentT(nu, 0, s))],
  ['Cauchy', [() => new Cauchy(0, 1), () => new Cauchy(0, t), () => new Cauchy(T, 1), () => new Cauchy(0, T)]],
  ['HalfNormal', [t, 1, T].map((s) => () => new HalfNormal(s))],
  ['HalfCauchy', [t, 1, T].map((s) => () => new HalfCauchy(s))],
  ['Uniform', [() => new Uniform(0, 1), () => new Uniform(-T, T), () => new Uniform(0, t), () => new Uniform(1, 1 + 2 ** -52)]],
  ['InverseGamma', [[1e-3, 1], [1, 1], [1e3, 1], [1e8, 1], [T, 1], [2, t], [2, T]].map(([a, b]) => () => new InverseGamma(a, b))],
  ['LogitNormal', [[0, 1e-3], [0, 0.7], [0, 1], [0, 30], [100, 1], [-100, 1e-3], [5, 1e5]].map(([m, s]) => () => new LogitNormal(m, s))],
  ['Bernoulli', [0, t, 0.5, 1 - 1e-16, 1].map((p) => () => new Bernoulli(p))],
  ['BernoulliLogit', [-T, -700, 0, 700, T].map((l) => () => new BernoulliLogit(l))],
  ['Binomial', [[1, 0.5], [100, 0.3], [1e6, t], [1e6, 1e-3], [1e4, 0.5], [2 ** 53 - 1, 0.5], [1e15, 1e-10]].map(([n, p]) => () => new Binomial(n, p))],
  ['Poisson', [t, 1, 29, 1e3, 1e5, 1e6, 1e15, T].map((l) => () => new Poisson(l))],
];

/** The 16-call bodies of method `m` on `d` at the grid's points. */
function bodiesOf(d: Dist, m: Method, xs: Float64Array, rng: Rng, out: Float64Array): (() => number)[] {
  return Array.from(PROBABILITIES, (p, i) => {
    const x = xs[i];
    return (): number => {
      let s = 0;
      for (let r = 0; r < 16; r++) s += m(d, x, p, rng, out);
      return s;
    };
  });
}

/** The slowest point of method `m` on `d`, in µs per call (each point timed alone). */
function slowestPoint(d: Dist, m: Method, xs: Float64Array, rng: Rng, out: Float64Array): number {
  let worst = 0;
  for (const body of bodiesOf(d, m, xs, rng, out)) worst = Math.max(worst, time(body, 16, 7, 1).nsPerOp / 1000);
  return worst;
}

/** Every distribution of the grid with its points x = quantile(p). */
function gridPoints(): [string, [Dist, Float64Array][]][] {
  return GRIDS.map(([family, grid]) => [
    family,
    grid.map((make) => {
      const d = make();
      return [d, Float64Array.from(PROBABILITIES, (p) => d.quantile(p))] as [Dist, Float64Array];
    }),
  ]);
}

/**
 * One row per family: the worst µs per call of each method over its grid; then the worst
 * row. A first pass runs every method at every point of every family (8 rounds of 16
 * calls) untimed, so that the timed pass measures the code V8 settles on once it has seen
 * every family: timed in one pass, the first points of a code path reached after other
 * families ran 3–5× slower than in steady state (Binomial(1e6, 1e-3).cdf at its mean:
 * 15 µs against 1 µs alone; LogitNormal's unchanged mode: 3 or 16 µs between runs).
 */
export function runMethodsBench(): Row[] {
  const rows: Row[] = [];
  const overall: Row = { family: 'worst' };
  const rng = new Rng(16);
  const out = new Float64Array(8);
  const points = gridPoints();
  for (const [, dists] of points) {
    for (const [d, xs] of dists) {
      for (const [, m] of METHODS) {
        const bodies = bodiesOf(d, m, xs, rng, out);
        for (let round = 0; round < 8; round++) for (const body of bodies) consume(body());
      }
    }
  }
  for (const [family, dists] of points) {
    const row: Row = { family };
    let worst = 0;
    let where = '';
    for (const [d, xs] of dists) {
      for (const [name, m] of METHODS) {
        const us = slowestPoint(d, m, xs, rng, out);
        row[name] = Math.max(Number(row[name] ?? 0), us);
        overall[name] = Math.max(Number(overall[name] ?? 0), us);
        if (us > worst) {
          worst = us;
          where = `${name} of ${String(d)}`;
        }
      }
    }
    row['slowest call'] = where;
    rows.push(row);
  }
  rows.push(overall);
  return rows;
}
