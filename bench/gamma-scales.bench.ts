/**
 * Gamma and LogNormal methods across scales (issue #16): µs per call of every
 * method of Gamma(shape, 1) at shapes 1e-3 … 1e300, and of the LogNormal with
 * the same mean and variance (μ = log a − ½ log(1 + 1/a), σ² = log(1 + 1/a)).
 * Each cell is the median over repeats of one pass over 64 points: the
 * quantiles at p = (i + ½)/56, i < 56 (every region of the algorithms in
 * proportion to its probability), and at the tail probabilities 1e-300, 1e-100,
 * 1e-30, 1e-10 and their complements 1 − 1e-16, 1 − 1e-10, 1 − 1e-6, 1 − 1e-3;
 * `quantile` at those p. The last column is the slowest single point over all
 * shapes (median of 5 timings of 20 calls).
 */
import { Gamma, LogNormal, Rng, type ContinuousDistribution } from '../src/index';
import { time, type Row } from './harness';

const SHAPES = [1e-3, 1, 1e3, 1e8, 1e16, 1e100, 1e300];
const TAILS = [1e-300, 1e-100, 1e-30, 1e-10, 1 - 1e-16, 1 - 1e-10, 1 - 1e-6, 1 - 1e-3];
const BULK = 56;
const POINTS = BULK + TAILS.length;
const PASSES = 4;

type Method = (d: ContinuousDistribution, x: number, p: number, rng: Rng) => number;

const METHODS: readonly (readonly [string, Method])[] = [
  ['logPdf', (d, x) => d.logPdf(x)],
  ['pdf', (d, x) => d.pdf(x)],
  ['cdf', (d, x) => d.cdf(x)],
  ['logCdf', (d, x) => d.logCdf(x)],
  ['survival', (d, x) => d.survival(x)],
  ['logSurvival', (d, x) => d.logSurvival(x)],
  ['quantile', (d, _x, p) => d.quantile(p)],
  ['mean', (d) => d.mean()],
  ['variance', (d) => d.variance()],
  ['stddev', (d) => d.stddev()],
  ['mode', (d) => d.mode()],
  ['entropy', (d) => d.entropy()],
  ['sample', (d, _x, _p, rng) => d.sample(rng)],
];

function logNormalLike(a: number): LogNormal {
  const s2 = Math.log1p(1 / a);
  return new LogNormal(Math.log(a) - 0.5 * s2, Math.sqrt(s2));
}

/** µs per call of `m` over the points of `d`: the mean over the points, and the slowest point. */
function cell(d: ContinuousDistribution, m: Method): { mean: number; slowest: number } {
  const ps = Float64Array.from({ length: POINTS }, (_, i) => (i < BULK ? (i + 0.5) / BULK : TAILS[i - BULK]));
  const xs = ps.map((p) => d.quantile(p));
  const rng = new Rng(11);
  const body = (): number => {
    let s = 0;
    for (let r = 0; r < PASSES; r++) for (let i = 0; i < POINTS; i++) s += m(d, xs[i], ps[i], rng);
    return s;
  };
  const mean = time(body, POINTS * PASSES, 7, 2).nsPerOp / 1000;
  let slowest = 0;
  for (let i = 0; i < POINTS; i++) {
    const one = (): number => {
      let s = 0;
      for (let r = 0; r < 20; r++) s += m(d, xs[i], ps[i], rng);
      return s;
    };
    slowest = Math.max(slowest, time(one, 20, 5, 1).nsPerOp / 1000);
  }
  return { mean, slowest };
}

/** Runs the rows: one per family and method, one column per shape. */
export function runGammaScalesBench(): Row[] {
  const rows: Row[] = [];
  const families: readonly (readonly [string, (a: number) => ContinuousDistribution])[] = [
    ['Gamma', (a) => new Gamma(a, 1)],
    ['LogNormal', logNormalLike],
  ];
  for (const [family, make] of families) {
    const dists = SHAPES.map((a) => make(a));
    for (const [name, m] of METHODS) {
      const row: Row = { method: `${family} ${name}` };
      let slowest = 0;
      dists.forEach((d, i) => {
        const c = cell(d, m);
        slowest = Math.max(slowest, c.slowest);
        row[`a = ${SHAPES[i]}`] = c.mean;
      });
      row['slowest point µs'] = slowest;
      rows.push(row);
    }
  }
  return rows;
}
