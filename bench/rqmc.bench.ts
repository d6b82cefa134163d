/**
 * Randomized quasi-Monte Carlo against plain Monte Carlo at equal samples, on the
 * seed model (z ~ Exponential(1), x | z ~ Normal(z, 1), x = 1.3) with a LogNormal q
 * on u = log z = μ + e^ω ε:
 *
 * - the variance of one 16-sample ELBO-gradient estimate (trace over (μ, ω)), MC
 *   against RQMC (Owen-scrambled Sobol points through Φ⁻¹) and tilted RQMC (the same
 *   points through τΦ⁻¹, importance-weighted), at three q's: where `fit`
 *   starts, a q half-way, and the optimal q; for the pathwise and the
 *   sticking-the-landing estimators. Each variance is given twice: exactly, by
 *   quadrature (MC: Var(g)/16; RQMC: a 16-point scrambled net in 1-D is one
 *   independent uniform per interval [k/16, (k + 1)/16), so (1/256) Σₖ Var(g | k)),
 *   and as measured from 20 000 replicates of the library's own estimator, with the
 *   standard error of that measurement;
 * - steps to converge and the exact ELBO gap of `fit` with each kind of base
 *   samples, with and without control variates.
 */
import { Exponential, LogNormal, Model, Normal, Rng } from '../src/index';
import { normalQuantile } from '../src/math/normal-functions';
import { integrate } from '../src/math/quadrature';
import { createNoiseSource, createWorkspace, families, fit, pathwise, stickingTheLanding, type BaseSamples, type ElboEstimator } from '../src/vi/index';
import { tiltScale } from '../src/vi/base-samples';
import { logNormalElbo, normalData } from './exact';
import type { Row } from './harness';

const X = 1.3;
const OPT = { mu: -0.32017581845657467, sigma: 0.6635132695475704, elbo: -1.4396635386111063 };
const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [X] });
const S = 16;
const REPLICATES = 20_000;

/** The per-sample gradient (∂/∂μ, ∂/∂ω) of the seed model's ELBO at base noise ε. */
function perSampleGradient(mu: number, w: number, stl: boolean, e: number, out: Float64Array): void {
  const s = Math.exp(w);
  const z = Math.exp(mu + s * e);
  const dlp = -z + (X - z) * z + 1; // ∂/∂u of log p(e^u, x) + u
  if (stl) {
    const gu = dlp + e / s; // ∇ᵤ(log p̃ − log q), q's parameters held fixed
    out[0] = gu;
    out[1] = gu * s * e;
  } else {
    out[0] = dlp;
    out[1] = dlp * s * e + 1;
  }
}

/** ∫ over ε in [a, b) of φ(ε)·h(ε). */
function gaussIntegral(h: (e: number) => number, a: number, b: number): number {
  const f = (e: number): number => Math.exp(-0.5 * e * e - 0.9189385332046728) * h(e);
  return integrate(f, a, b, { absTol: 1e-15, relTol: 1e-12 }).value;
}

/**
 * Exact variance (trace) of a 16-sample estimate: MC, and a stratified 16-point net
 * of the points η = Φ⁻¹(v); with `tau` > 1 the net of the tilted estimator, whose
 * terms are w(ε)·g(ε) at ε = τη, w = τ e^{−ε²(1 − τ⁻²)/2}.
 */
function exactVariance(mu: number, w: number, stl: boolean, tau = 1): { mc: number; rqmc: number } {
  const g = new Float64Array(2);
  let mc = 0;
  let strat = 0;
  const k2 = 0.5 * (1 - 1 / (tau * tau));
  for (let c = 0; c < 2; c++) {
    const gc = (eta: number): number => {
      const e = tau * eta;
      perSampleGradient(mu, w, stl, e, g);
      return tau === 1 ? g[c] : g[c] * tau * Math.exp(-k2 * e * e);
    };
    let m1 = 0;
    let m2 = 0;
    for (let k = 0; k < S; k++) {
      const a = k === 0 ? -40 : normalQuantile(k / S);
      const b = k === S - 1 ? 40 : normalQuantile((k + 1) / S);
      const e1 = gaussIntegral(gc, a, b);
      const e2 = gaussIntegral((e) => gc(e) ** 2, a, b);
      m1 += e1;
      m2 += e2;
      // Within interval k the point has density 16φ: Var(g | k) = 16·E₂ − (16·E₁)².
      strat += (S * e2 - (S * e1) ** 2) / (S * S);
    }
    mc += (m2 - m1 * m1) / S;
  }
  return { mc, rqmc: strat };
}

/** Measured variance (trace) of the library's 16-sample gradient, with its standard error. */
function measuredVariance(q: LogNormal, kind: BaseSamples, estimator: ElboEstimator): { v: number; se: number } {
  const guide = families({ z: LogNormal }).build(model);
  const theta = Float64Array.of(q.mu, Math.log(q.sigma));
  const ws = createWorkspace(guide, S);
  const src = createNoiseSource(guide, kind);
  const rng = new Rng(20261201);
  const g = new Float64Array(2);
  const xs = [new Float64Array(REPLICATES), new Float64Array(REPLICATES)];
  for (let r = 0; r < REPLICATES; r++) {
    src.fill(theta, rng, ws);
    estimator.estimate(model, guide, theta, ws, g);
    xs[0][r] = g[0];
    xs[1][r] = g[1];
  }
  let v = 0;
  let se2 = 0;
  for (const x of xs) {
    let m = 0;
    for (const t of x) m += t / REPLICATES;
    let m2 = 0;
    let m4 = 0;
    for (const t of x) {
      const d = (t - m) ** 2;
      m2 += d / REPLICATES;
      m4 += (d * d) / REPLICATES;
    }
    v += m2;
    // Var of the sample variance ≈ (μ₄ − σ⁴)/R.
    se2 += (m4 - m2 * m2) / REPLICATES;
  }
  return { v, se: Math.sqrt(se2) };
}

/** Mean steps, worst exact ELBO gap and mean time of `fit` over seeds 1..n. */
function fitStats(baseSamples: BaseSamples, controlVariates: boolean, n: number): { steps: number; gap: number; ms: number } {
  const stats = normalData([X]);
  for (let k = 0; k < 5; k++) fit(model, { guide: { z: LogNormal }, seed: 100 + k, baseSamples, controlVariates }); // warm-up
  let steps = 0;
  let gap = 0;
  let ms = 0;
  for (let seed = 1; seed <= n; seed++) {
    const t0 = performance.now();
    const r = fit(model, { guide: { z: LogNormal }, seed, baseSamples, controlVariates });
    ms += performance.now() - t0;
    const q = r.posterior.z as LogNormal;
    steps += r.steps;
    gap = Math.max(gap, OPT.elbo - logNormalElbo(stats, q.mu, Math.log(q.sigma)));
  }
  return { steps: steps / n, gap, ms: ms / n };
}

const fmt = (x: number): string => x.toPrecision(3);

/** The RQMC rows of `npm run bench`. */
export function runRqmcBench(): Row[] {
  const rows: Row[] = [];
  const init = families({ z: LogNormal }).build(model).initialParams();
  const points = [
    { label: `fit's starting q LogNormal(${init[0].toFixed(3)}, ${Math.exp(init[1]).toFixed(2)})`, q: new LogNormal(init[0], Math.exp(init[1])) },
    { label: 'q half-way LogNormal(0, 0.3)', q: new LogNormal(0, 0.3) },
    { label: `optimal q LogNormal(${OPT.mu.toFixed(3)}, ${OPT.sigma.toFixed(3)})`, q: new LogNormal(OPT.mu, OPT.sigma) },
  ];
  const tau = tiltScale(1);
  for (const { label, q } of points) {
    for (const [name, est] of [['STL', stickingTheLanding], ['pathwise', pathwise]] as const) {
      const exact = exactVariance(q.mu, Math.log(q.sigma), name === 'STL');
      const exactTilted = exactVariance(q.mu, Math.log(q.sigma), name === 'STL', tau);
      const mc = measuredVariance(q, 'mc', est);
      const qmc = measuredVariance(q, 'rqmc', est);
      const tilted = measuredVariance(q, 'rqmc-tilted', est);
      const ratio = mc.v / qmc.v;
      const ratioT = mc.v / tilted.v;
      const verdict = (r: number): string => (r >= 10 ? 'yes' : `no (${(10 / r).toFixed(1)}× short)`);
      rows.push({
        benchmark: `${label}, ${name}`,
        'MC: exact / measured': `${fmt(exact.mc)} / ${fmt(mc.v)} ± ${fmt(mc.se)}`,
        'RQMC: exact net / measured': `${fmt(exact.rqmc)} / ${fmt(qmc.v)} ± ${fmt(qmc.se)}`,
        'ratio MC / RQMC: exact / measured': `${(exact.mc / exact.rqmc).toFixed(1)}× / ${ratio.toFixed(1)}×`,
        'tilted RQMC: exact net / measured': `${fmt(exactTilted.rqmc)} / ${fmt(tilted.v)} ± ${fmt(tilted.se)}`,
        'ratio MC / tilted: exact / measured': `${(exact.mc / exactTilted.rqmc).toFixed(1)}× / ${ratioT.toFixed(1)}×`,
        target: '≥ 10×',
        met: `RQMC ${verdict(ratio)}; tilted ${verdict(ratioT)}`,
      });
    }
  }
  for (const cv of [false, true]) {
    const mc = fitStats('mc', cv, 10);
    const qmc = fitStats('rqmc', cv, 10);
    const tq = fitStats('rqmc-tilted', cv, 10);
    const describe = (f: { steps: number; gap: number; ms: number }): string => `${f.steps.toFixed(0)} steps, worst gap ${f.gap.toExponential(1)}, ${f.ms.toFixed(2)} ms`;
    rows.push({
      benchmark: `fit, LogNormal guide, control variates ${cv ? 'on' : 'off'} (10 seeds)`,
      'MC: exact / measured': describe(mc),
      'RQMC: exact net / measured': describe(qmc),
      'ratio MC / RQMC: exact / measured': `${(mc.steps / qmc.steps).toFixed(2)}× steps`,
      'tilted RQMC: exact net / measured': describe(tq),
      'ratio MC / tilted: exact / measured': `${(mc.steps / tq.steps).toFixed(2)}× steps`,
      target: '',
      met: '',
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdownTable } = await import('./harness');
  console.log(markdownTable(runRqmcBench()));
}
