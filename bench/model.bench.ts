/**
 * Benchmark of the model layer: the cost of an exact gradient relative to the
 * value, and the per-datum cost of the log joint against a hand-written loop.
 *
 * Part of `npm run bench` (`runModelBench`); standalone: `npx tsx bench/model.bench.ts`. Each row times a call in a tight loop
 * (warm-up first, then the median of 15 batches of ≥ 40 ms each).
 *
 * Targets (issue 3): gradient / value ≤ 3 (seed model), ≤ 2 (1000 data),
 * ≤ 5 (d = 50 regression, n = 200, by the linear-Gaussian kernel and through the
 * tape); 1000-datum log joint ≤ 3 ns per datum.
 * Issue 5 rows: the seed model's logDensity ≤ 40 ns and logDensityGradient ≤ 60 ns
 * per call, and the 1000-datum ones per datum, each beside a plain function
 * computing the same log density (and gradient) on the unconstrained vector.
 */
import { add, detach, dot, Exponential, Model, mul, Normal, plate } from '../src/index';
import { lcg, markdownTable, type Row as TableRow } from './harness';

let sink = 0;

/** Median ns per call of `fn`. */
function time(fn: () => number): number {
  const batch = (reps: number): number => {
    const t0 = performance.now();
    let s = 0;
    for (let r = 0; r < reps; r++) s += fn();
    sink += s;
    return ((performance.now() - t0) * 1e6) / reps;
  };
  let reps = 1;
  while (batch(reps) * reps < 25e6) reps *= 2; // warm-up and calibration to ≥ 25 ms
  const samples: number[] = [];
  for (let k = 0; k < 9; k++) samples.push(batch(reps));
  samples.sort((a, b) => a - b);
  return samples[4];
}

const u = lcg(1);
const normalish = (mu: number) => mu + (u() + u() + u() + u() + u() + u() - 3) * Math.SQRT2;

/** The model-layer rows: gradient/value ratios and ns per datum vs a plain loop. */
export function runModelBench(): TableRow[] {
  // Seed model and the 1000-datum model.
  const seed = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
  const data1000 = Float64Array.from({ length: 1000 }, () => normalish(1.1));
  const big = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: data1000 });

  // d = 50 regression, n = 200.
  const D = 50;
  const N = 200;
  const X = Array.from({ length: N }, () => Float64Array.from({ length: D }, () => 2 * u() - 1));
  const y = Float64Array.from(X, (row) => row.reduce((s, x, j) => s + x * Math.sin(j), 0.3) + 0.5 * (u() - 0.5));
  const reg = new Model({
    prior: { w: plate(new Normal(0, 1), D), b: new Normal(0, 5), s: new Exponential(1) },
    likelihood: ({ w, b, s }, i) => new Normal(add(dot(w, X[i]), b), s),
    data: y,
  });
  // The same model through the reverse-mode tape: a likelihood that reads a value
  // (detach) is called every time, so the linear-Gaussian kernel does not apply.
  const regTape = new Model({
    prior: { w: plate(new Normal(0, 1), D), b: new Normal(0, 5), s: new Exponential(1) },
    likelihood: ({ w, b, s }, i) => new Normal(add(dot(w, X[i]), add(b, mul(0, detach(b)))), s),
    data: y,
  });
  const wPoint = Float64Array.from({ length: D }, (_, j) => 0.8 * Math.sin(j));

  interface Row {
    name: string;
    value: number;
    grad: number;
    target: number;
  }
  const rows: Row[] = [];
  function pair(name: string, target: number, value: () => number, grad: () => number): void {
    rows.push({ name, value: time(value), grad: time(grad), target });
  }

  const z15 = { z: 1.5 };
  const z11 = { z: 1.1 };
  const regPoint = { w: wPoint, b: 0.3, s: 0.6 };
  const u1 = new Float64Array([0.4]);
  const g1 = new Float64Array(1);
  const uReg = reg.unconstrain(regPoint);
  const gReg = new Float64Array(reg.dim);

  pair('seed: gradLogJoint / logJoint', 3, () => seed.logJoint(z15), () => seed.gradLogJoint(z15).z);
  pair('seed: logDensityGradient / logDensity', 3, () => seed.logDensity(u1), () => seed.logDensityGradient(u1, g1));
  pair('1000 data: gradLogJoint / logJoint', 2, () => big.logJoint(z11), () => big.gradLogJoint(z11).z);
  pair('1000 data: logDensityGradient / logDensity', 2, () => big.logDensity(u1), () => big.logDensityGradient(u1, g1));
  pair('d=50, n=200: gradLogJoint / logJoint', 5, () => reg.logJoint(regPoint), () => reg.gradLogJoint(regPoint).s);
  pair('d=50, n=200: logDensityGradient / logDensity', 5, () => reg.logDensity(uReg), () => reg.logDensityGradient(uReg, gReg));
  pair('d=50, n=200 through the tape (no kernel): gradLogJoint / logJoint', 5, () => regTape.logJoint(regPoint), () => regTape.gradLogJoint(regPoint).s);
  pair('d=50, n=200 through the tape (no kernel): logDensityGradient / logDensity', 5, () => regTape.logDensity(uReg), () => regTape.logDensityGradient(uReg, gReg));

  // ns per datum: the model's log joint vs a plain loop computing the same sum.
  const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  const plain = (z: number): number => {
    let s = 0;
    for (let i = 0; i < data1000.length; i++) {
      const d = data1000[i] - z;
      s += -0.5 * d * d - LN_SQRT_2PI;
    }
    return s - z;
  };
  if (Math.abs(plain(1.1) - big.logJoint(z11)) > 1e-9 * Math.abs(plain(1.1))) throw new Error('plain loop disagrees');
  const nsModel = time(() => big.logJoint(z11)) / data1000.length;
  const nsPlain = time(() => plain(1.1)) / data1000.length;

  // Per call on the unconstrained vector (what VI calls), beside a plain function
  // computing the same log density and gradient (z = eᵘ, Jacobian included).
  const plainDensity = (uu: number, xs: Float64Array): number => {
    const z = Math.exp(uu);
    let s = 0;
    for (let i = 0; i < xs.length; i++) {
      const d = xs[i] - z;
      s += -0.5 * d * d;
    }
    return s - xs.length * LN_SQRT_2PI - z + uu;
  };
  const plainGradient = (uu: number, g: Float64Array, xs: Float64Array): number => {
    const z = Math.exp(uu);
    let s = 0;
    let s1 = 0;
    for (let i = 0; i < xs.length; i++) {
      const d = xs[i] - z;
      s1 += d;
      s += -0.5 * d * d;
    }
    g[0] = (s1 - 1) * z + 1;
    return s - xs.length * LN_SQRT_2PI - z + uu;
  };
  const seedData = new Float64Array([1.3]);
  const gPlain = new Float64Array(1);
  if (Math.abs(plainGradient(0.4, gPlain, data1000) - big.logDensityGradient(u1, g1)) > 1e-9 * 1e3 || Math.abs(gPlain[0] - g1[0]) > 1e-9 * Math.abs(g1[0])) {
    throw new Error('plain gradient disagrees');
  }
  const perCall: TableRow[] = [];
  const vsPlain = (row: string, per: number, target: string, ok: (ns: number, ratio: number) => boolean, model: () => number, plainFn: () => number): void => {
    const m = time(model) / per;
    const p = time(plainFn) / per;
    perCall.push({ row, 'measured ns': m, 'reference ns': p, ratio: m / p, target, met: ok(m, m / p) ? 'yes' : 'no' });
  };
  vsPlain('seed: logDensity / plain function', 1, '≤ 40 ns', (ns) => ns <= 40, () => seed.logDensity(u1), () => plainDensity(u1[0], seedData));
  vsPlain('seed: logDensityGradient / plain function', 1, '≤ 60 ns', (ns) => ns <= 60, () => seed.logDensityGradient(u1, g1), () => plainGradient(u1[0], gPlain, seedData));
  vsPlain('1000 data: logDensity ns per datum / plain loop', 1000, 'ratio ≤ 1.5', (_, r) => r <= 1.5, () => big.logDensity(u1), () => plainDensity(u1[0], data1000));
  vsPlain('1000 data: logDensityGradient ns per datum / plain loop', 1000, 'ratio ≤ 1.5', (_, r) => r <= 1.5, () => big.logDensityGradient(u1, g1), () => plainGradient(u1[0], gPlain, data1000));

  const met = (ratio: number, target: number): string => (ratio <= target ? 'yes' : `no (${(ratio / target).toFixed(1)}× over)`);
  // "measured" is the gradient, "reference" the value of the same model (or the plain loop).
  const table: TableRow[] = rows.map((r) => ({
    row: r.name,
    'measured ns': r.grad,
    'reference ns': r.value,
    ratio: r.grad / r.value,
    target: `ratio ≤ ${r.target}`,
    met: met(r.grad / r.value, r.target),
  }));
  table.push({
    row: '1000 data: logJoint ns per datum / plain hand-written loop',
    'measured ns': nsModel,
    'reference ns': nsPlain,
    ratio: nsModel / nsPlain,
    target: '≤ 3 ns per datum',
    met: nsModel <= 3 ? 'yes' : `no (${(nsModel / 3).toFixed(1)}× over)`,
  });
  table.push(...perCall);
  return table;
}


if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(markdownTable(runModelBench()));
  if (sink === 42) console.log('');
}
