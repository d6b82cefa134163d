/**
 * `npm run bench:peers`: the seed, 1000-datum and d = 5 regression fits in WebPPL
 * 0.9.15's `Optimize` (installed into bench/peers/ by the script; not a dependency
 * of varinf), compiled once and timed in-process after warm-up, beside varinf in
 * the same process. Writes bench/peers/result.md, which `npm run bench` appends to
 * docs/benchmarks.md.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dot, Exponential, LogNormal, Model, Normal, plate } from '../../src/index';
import { families, fit, meanField } from '../../src/vi/index';
import { makeRegression } from '../baselines/regression';
import { FastRandom } from '../baselines/xoshiro';
import { gaussianElbo, logNormalElbo, normalData, bestLogNormal, regressionExact } from '../exact';
import { varinfStepMs } from '../fit.bench';
import { markdownTable, type Row } from '../harness';

const out = new URL('./result.md', import.meta.url);
const STEPS = 1000;

interface WebPPL {
  compile(code: string): unknown;
  prepare(compiled: unknown, k: (s: unknown, x: unknown) => void): { run(): void };
}
type Params = Record<string, { data: Float64Array }[] | { data: Float64Array }>;

function loadWebppl(): WebPPL {
  const require = createRequire(new URL('./package.json', import.meta.url));
  return require('webppl') as WebPPL;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Times a varinf fit like the WebPPL programs: 2 warm-ups, then the median of `runs`. */
function timeFit<T>(run: () => T, runs = 5): { ms: number; result: T } {
  let result = run();
  run();
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = run();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), result };
}

/** Runs a compiled program `runs` times after 2 warm-ups; the times (ms) and the returned params. */
function timeProgram(w: WebPPL, code: string, runs = 5): { ms: number[]; params: Params[] } {
  const compiled = w.compile(code);
  const ms: number[] = [];
  const params: Params[] = [];
  for (let r = 0; r < runs + 2; r++) {
    let result: Params | undefined;
    const t0 = performance.now();
    w.prepare(compiled, (_s, x) => (result = x as Params)).run();
    const t = performance.now() - t0;
    if (result === undefined) throw new Error('WebPPL returned asynchronously; cannot time in-process');
    if (r >= 2) {
      ms.push(t);
      params.push(result);
    }
  }
  return { ms, params };
}

const scalar = (p: Params, name: string): number => {
  const v = p[name];
  return (Array.isArray(v) ? v[0] : v).data[0];
};

const logNormalGuide = `{guide: function() {
    return LogNormal({mu: param({name: 'mu', mu: 0, sigma: 1e-12}), sigma: Math.exp(param({name: 'w', mu: Math.log(0.1), sigma: 1e-12}))});
  }}`;
const optimize = `Optimize({model: model, steps: ${STEPS}, optMethod: {adam: {stepSize: 0.1}}, estimator: {ELBO: {samples: 1}}, verbose: false});
getParams();`;

function main(): void {
  // varinf is measured first, before WebPPL is loaded: after WebPPL has run (it also
  // patches globals, e.g. Math.seedrandom), varinf's steps and fits measured ≈ 1.5×
  // slower in the same process. Each system is timed in its own state, in one process.
  const seedModel = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
  const vStep = varinfStepMs(seedModel, families({ z: LogNormal }), 1, Float64Array.of(-0.32, -0.41));
  const { ms: vFitMs, result: vr } = timeFit(() => fit(seedModel, { guide: { z: LogNormal }, seed: 1 }));

  const gen = new FastRandom(7);
  const xs = Float64Array.from({ length: 1000 }, () => 1.1 + gen.normal());
  const bigModel = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: xs });
  const { ms: bFit, result: br } = timeFit(() => fit(bigModel, { guide: { z: LogNormal }, seed: 1 }));
  const bStep = varinfStepMs(bigModel, families({ z: LogNormal }), 16, Float64Array.of(0.1, -3.4));

  const r = makeRegression(200, 5, 0.5, 42);
  const Xm = Array.from({ length: r.n }, (_, i) => r.X.subarray(i * r.d, (i + 1) * r.d));
  const regModel = new Model({ prior: { w: plate(new Normal(0, 1), r.d) }, likelihood: ({ w: wv }, i) => new Normal(dot(wv, Xm[i]), r.sigma), data: r.y });
  const { ms: rFit, result: rr } = timeFit(() => fit(regModel, { guide: meanField(), seed: 1 }), 3);
  const rStep = varinfStepMs(regModel, meanField(), 1);

  let w: WebPPL;
  try {
    w = loadWebppl();
  } catch (e) {
    const why = `WebPPL 0.9.15 could not be loaded on Node ${process.version}: ${(e as Error).message}`;
    console.log(why);
    writeFileSync(out, `## Peers (WebPPL 0.9.15)\n\n${why}\n`);
    return;
  }
  const rows: Row[] = [];

  // Seed model.
  const seedCode = `var model = function() {
  var z = sample(Exponential({a: 1}), ${logNormalGuide});
  observe(Gaussian({mu: z, sigma: 1}), 1.3);
};
${optimize}`;
  const seed = timeProgram(w, seedCode);
  const wMs = median(seed.ms);
  const speedUp = 1000 / vStep / ((STEPS * 1000) / wMs);
  rows.push({ row: `seed: ELBO-gradient samples/s, 1 sample per step (WebPPL: ${STEPS} Optimize steps)`, WebPPL: (STEPS * 1000) / wMs, varinf: 1000 / vStep, 'varinf speed-up': speedUp, target: '≥ 100×', note: speedUp >= 100 ? 'target met' : `target missed: ${(100 / speedUp).toFixed(1)}× short` });
  const sd = normalData([1.3]);
  const best = bestLogNormal(sd).elbo;
  const gaps = seed.params.map((p) => best - logNormalElbo(sd, scalar(p, 'mu'), scalar(p, 'w')));
  const vq = vr.posterior.z as LogNormal;
  rows.push({ row: 'seed: fit', WebPPL: wMs, varinf: vFitMs, 'varinf speed-up': wMs / vFitMs, target: '', note: `ms. WebPPL ${STEPS} steps: exact ELBO gap median ${median(gaps).toExponential(1)}, worst ${Math.max(...gaps).toExponential(1)} nats; varinf converged fit: gap ${(best - logNormalElbo(sd, vq.mu, Math.log(vq.sigma))).toExponential(1)}` });

  // 1000-datum model.
  (globalThis as Record<string, unknown>).VARINF_XS = Array.from(xs);
  const bigCode = `var xs = VARINF_XS;
var model = function() {
  var z = sample(Exponential({a: 1}), ${logNormalGuide});
  mapData({data: xs}, function(x) { observe(Gaussian({mu: z, sigma: 1}), x); });
};
${optimize}`;
  const big = timeProgram(w, bigCode, 3);
  const bd = normalData(xs);
  const bBest = bestLogNormal(bd).elbo;
  const bGaps = big.params.map((p) => bBest - logNormalElbo(bd, scalar(p, 'mu'), scalar(p, 'w')));
  const bq = br.posterior.z as LogNormal;
  const bW = median(big.ms);
  const bPerDatum = (bStep * 1e6) / (16 * 1000);
  const wPerDatum = (bW * 1e6) / (STEPS * 1000);
  rows.push({ row: '1000 data: ns per datum per gradient sample', WebPPL: wPerDatum, varinf: bPerDatum, 'varinf speed-up': wPerDatum / bPerDatum, target: '', note: 'varinf: sufficient statistics, O(1) per sample' });
  rows.push({ row: '1000 data: fit', WebPPL: bW, varinf: bFit, 'varinf speed-up': bW / bFit, target: '', note: `ms. gaps: WebPPL median ${median(bGaps).toExponential(1)}; varinf ${(bBest - logNormalElbo(bd, bq.mu, Math.log(bq.sigma))).toExponential(1)}` });

  // d = 5 regression, mean-field.
  const Xr = Array.from({ length: r.n }, (_, i) => Array.from(r.X.subarray(i * r.d, (i + 1) * r.d)));
  Object.assign(globalThis, { VARINF_X: Xr, VARINF_Y: Array.from(r.y) });
  // Data reach the program as JS globals (a literal of 1000 numbers overflows WebPPL's CPS transform).
  const regCode = `var X = VARINF_X;
var y = VARINF_Y;
var model = function() {
  var w = map(function(j) {
    return sample(Gaussian({mu: 0, sigma: 1}), {guide: function() {
      return Gaussian({mu: param({name: 'm' + j, mu: 0, sigma: 1e-12}), sigma: Math.exp(param({name: 's' + j, mu: Math.log(0.1), sigma: 1e-12}))});
    }});
  }, _.range(${r.d}));
  mapData({data: _.range(${r.n})}, function(i) {
    var xi = X[i];
    var mu = sum(map2(function(a, b) { return a * b; }, w, xi));
    observe(Gaussian({mu: mu, sigma: ${r.sigma}}), y[i]);
  });
};
${optimize}`;
  const reg = timeProgram(w, regCode, 3);
  const ex = regressionExact(r);
  const rGaps = reg.params.map((p) => {
    const mean = Float64Array.from({ length: r.d }, (_, j) => scalar(p, `m${j}`));
    const cov = new Float64Array(r.d * r.d);
    for (let j = 0; j < r.d; j++) cov[j * r.d + j] = Math.exp(2 * scalar(p, `s${j}`));
    return ex.bestMeanField - gaussianElbo(r, ex, mean, cov);
  });
  const rq = rr.unconstrained;
  const rGapV = rq === undefined ? NaN : ex.bestMeanField - gaussianElbo(r, ex, rq.mean, rq.covariance);
  const rW = median(reg.ms);
  rows.push({ row: 'regression d = 5, mean-field: time per step', WebPPL: rW / STEPS, varinf: rStep, 'varinf speed-up': rW / STEPS / rStep, target: '', note: 'ms, 1 sample per step' });
  rows.push({ row: 'regression d = 5, mean-field: fit', WebPPL: rW, varinf: rFit, 'varinf speed-up': rW / rFit, target: '', note: `ms. gaps: WebPPL ${STEPS} steps median ${median(rGaps).toExponential(1)}; varinf ${rGapV.toExponential(1)} (${rr.steps} steps × 16 samples)` });

  const table = markdownTable(rows);
  console.log(table);
  const doc = [
    '## Peers (WebPPL 0.9.15)',
    '',
    `Measured by \`npm run bench:peers\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}. WebPPL programs compiled once, then run in-process: median of the timed runs after 2 warm-ups; varinf measured first in the same process (after WebPPL has run, other code in the process measured ≈ 1.5× slower). WebPPL: \`Optimize\` with Adam (step 0.1), ${STEPS} steps, 1 ELBO sample per step (its default); its LogNormal guide is not reparameterizable in WebPPL, so its seed and 1000-datum gradients are score-function (LR) estimates. Fit rows compare WebPPL's fixed ${STEPS}-step run with varinf's converged \`fit\` (defaults; its final ELBO, log evidence and k̂ are computed when first read and are not read here, as WebPPL computes none); the note gives both exact ELBO gaps.`,
    '',
    table,
    '',
  ].join('\n');
  writeFileSync(out, doc);
}

main();
