/**
 * Issue-14 row, in a process of its own (a fresh heap, as a program that builds its
 * model at start-up has): a per-datum model on 1e7 data, built and its first log
 * joint evaluated.
 */
import { add, exp, Model, mul, Normal } from '../src/index';
import { lcg, markdownTable, type Row as TableRow } from './harness';

const u = lcg(14);

/**
 * Issue-14 row: a per-datum model on 1e7 data (mean exp(a + b·xᵢ), replayed), built
 * and its first log joint evaluated: wall time and the growth of the resident set
 * over the data arrays the user already holds (targets < 5 s and < 1.5 GB). The
 * reference column is a second log joint (the replayed program alone).
 */
export function runLargeDataBench(): TableRow[] {
  const n = 1e7;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = 2 * u() - 1; // uniform covariates
    ys[i] = Math.exp(0.3 * xs[i]) + u() - 0.5;
  }
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const m = new Model({ prior: { a: new Normal(0, 1), b: new Normal(0, 1) }, likelihood: ({ a, b }, i) => new Normal(exp(add(a, mul(b, xs[i]))), 1), data: ys });
  const first = m.logJoint({ a: 0.1, b: 0.2 });
  const ms = performance.now() - t0;
  const grownMB = (process.memoryUsage().rss - rss0) / 1e6;
  const t1 = performance.now();
  const second = m.logJoint({ a: 0.1, b: 0.25 });
  const ms2 = performance.now() - t1;
  if (!(Number.isFinite(first) && Number.isFinite(second))) throw new Error('1e7 data: non-finite log joint');
  const rows: TableRow[] = [{
    row: `1e7 data, per datum: build + first logJoint (ms; resident set grew ${grownMB.toFixed(0)} MB) / second logJoint`,
    'measured ns': ms * 1e6,
    'reference ns': ms2 * 1e6,
    ratio: ms / ms2,
    target: '< 5 s and < 1.5 GB',
    met: ms < 5000 && grownMB < 1500 ? 'yes' : 'no',
  }];
  rows.push(declaredRow(xs, ys));
  return rows;
}

/**
 * The same model with the covariate declared (`covariates: { x }`): the likelihood
 * is traced once rather than once per datum; the reference is the per-datum form's
 * build measured again in this process.
 */
function declaredRow(xs: Float64Array, ys: Float64Array): TableRow {
  const prior = { a: new Normal(0, 1), b: new Normal(0, 1) };
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const m = new Model({ prior, covariates: { x: xs }, likelihood: ({ a, b }, { x }) => new Normal(exp(add(a, mul(b, x))), 1), data: ys });
  const first = m.logJoint({ a: 0.1, b: 0.2 });
  const ms = performance.now() - t0;
  const grownMB = (process.memoryUsage().rss - rss0) / 1e6;
  const t1 = performance.now();
  const p = new Model({ prior, likelihood: ({ a, b }, i) => new Normal(exp(add(a, mul(b, xs[i]))), 1), data: ys });
  const ref = p.logJoint({ a: 0.1, b: 0.2 });
  const msRef = performance.now() - t1;
  if (Math.abs(first - ref) > 1e-9 * Math.abs(ref)) throw new Error(`1e7 data: declared ${first} ≠ per datum ${ref}`);
  return {
    row: `1e7 data, declared covariates: build + first logJoint (ms; resident set grew ${grownMB.toFixed(0)} MB) / the per-datum form's`,
    'measured ns': ms * 1e6,
    'reference ns': msRef * 1e6,
    ratio: ms / msRef,
    target: '< 5 s and < 1.5 GB',
    met: ms < 5000 && grownMB < 1500 ? 'yes' : 'no',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(markdownTable(runLargeDataBench()));
}
