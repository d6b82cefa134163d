/**
 * VI benchmark (standalone: `npx tsx bench/vi.bench.ts`). Seed model z ~ Exponential(1),
 * x | z ~ Normal(z, 1), x = 1.3, LogNormal guide. Rows, each beside a hand-written fused
 * plain-JS loop in the same run (xoshiro128** + Box–Muller + Adam), with the ratio:
 *   1. ELBO-gradient samples per second at 1, 16, 256 samples per step;
 *   2. time to a converged fit (exact ELBO within 1e-3 of the optimum).
 */
import { Exponential, LogNormal, Normal } from '../src/index';
import { Model } from '../src/model/model';
import { Rng } from '../src/random/rng';
import { createWorkspace, families, fit, stickingTheLanding } from '../src/vi/index';

const X = 1.3;
const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [X] });

// ---- Fused baseline: xoshiro128** + Box–Muller, STL gradient of the LogNormal ELBO, Adam.
function xoshiro(seed: number) {
  let a = seed | 0 || 1, b = 0x9e3779b9, c = 0x243f6a88, d = 0xb7e15162;
  const next = () => {
    const r = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = (d << 11) | (d >>> 21);
    return r;
  };
  for (let i = 0; i < 16; i++) next();
  return () => (next() + 0.5) / 4294967296;
}
/** Writes the S-sample STL gradient into g, returns the ELBO estimate. */
function fusedGrad(mu: number, w: number, S: number, unif: () => number, g: Float64Array): number {
  const s = Math.exp(w);
  let gm = 0, gw = 0, f = 0;
  for (let i = 0; i < S; i++) {
    const e = Math.sqrt(-2 * Math.log(unif())) * Math.cos(2 * Math.PI * unif());
    const u = mu + s * e;
    const z = Math.exp(u);
    const lp = -z - 0.5 * (X - z) ** 2 - 0.9189385332046728 + u;
    const dlp = (-1 + (X - z)) * z + 1;
    const lq = -0.5 * e * e - w - 0.9189385332046728;
    const gu = dlp + e / s; // ∇u(log p − log q), STL
    gm += gu;
    gw += gu * s * e;
    f += lp - lq;
  }
  g[0] = gm / S;
  g[1] = gw / S;
  return f / S;
}
function fusedFit(seed: number, steps = 2000, S = 16, lr = 0.1): [number, number] {
  const unif = xoshiro(seed);
  const p = [0, Math.log(0.1)], m = [0, 0], v = [0, 0], avg = [0, 0];
  const g = new Float64Array(2);
  let n = 0;
  for (let t = 1; t <= steps; t++) {
    fusedGrad(p[0], p[1], S, unif, g);
    const a = lr / Math.sqrt(t);
    for (let k = 0; k < 2; k++) {
      m[k] = 0.9 * m[k] + 0.1 * g[k];
      v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
      p[k] += (a * m[k] / (1 - 0.9 ** t)) / (Math.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8);
    }
    if (t > steps / 2) { n++; avg[0] += (p[0] - avg[0]) / n; avg[1] += (p[1] - avg[1]) / n; }
  }
  return [avg[0], avg[1]];
}

function time(fn: () => void, minMs = 300): number {
  fn();
  let reps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) { fn(); reps++; }
  return (performance.now() - t0) / reps;
}

const rows: string[][] = [['row', 'varinf', 'fused plain JS', 'ratio (fused/varinf speed)']];
const guide = families({ z: LogNormal }).build(model);
const theta = Float64Array.of(-0.3, Math.log(0.66));
const grad = new Float64Array(2);
for (const S of [1, 16, 256]) {
  const ws = createWorkspace(guide, S);
  const rng = new Rng(1);
  const steps = Math.ceil(20000 / S);
  const tv = time(() => {
    for (let k = 0; k < steps; k++) {
      for (let s = 0; s < S; s++) guide.drawNoise(theta, rng, ws.noise[s]);
      stickingTheLanding.estimate(model, guide, theta, ws, grad);
    }
  });
  const unif = xoshiro(1);
  const g = new Float64Array(2);
  const tf = time(() => { for (let k = 0; k < steps; k++) fusedGrad(-0.3, Math.log(0.66), S, unif, g); });
  const rv = (steps * S) / tv * 1000, rf = (steps * S) / tf * 1000;
  rows.push([`ELBO-gradient samples/s, S = ${S}`, rv.toExponential(3), rf.toExponential(3), (rf / rv).toFixed(1) + '×']);
}
const tFit = time(() => { fit(model, { guide: { z: LogNormal }, seed: 1 }); }, 1000);
const tFused = time(() => { fusedFit(1); }, 1000);
rows.push(['time to converged fit (ms)', tFit.toFixed(2), tFused.toFixed(2), (tFit / tFused).toFixed(1) + '×']);
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(36) : c.padStart(16))).join(' '));
