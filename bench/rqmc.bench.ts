/**
 * Randomized quasi-Monte Carlo against plain Monte Carlo at equal samples, on the
 * seed model (z ~ Exponential(1), x | z ~ Normal(z, 1), x = 1.3) with a LogNormal q:
 *
 * - gradient variance of one 16-sample ELBO-gradient estimate, MC vs RQMC
 *   (Owen-scrambled Sobol), at the optimal q and at a starting q;
 * - steps to converge and the exact ELBO gap of `fit` with each, with and without
 *   control variates (RQMC and control variates are both on by default).
 *
 * The variance of a 16-point estimate is measured from `estimateElbo` with 256
 * samples: for RQMC those are 16 independent scrambles of 16 points, and
 * `gradientStderr` is the spread of their means / 4; for MC, `gradientStderr`·√256
 * is the per-draw sd. Averaged over several seeds.
 */
import { Exponential, LogNormal, Model, Normal } from '../src/index';
import { estimateElbo, fit, type BaseSamples } from '../src/vi/index';
import { logNormalElbo, normalData } from './exact';
import type { Row } from './harness';

const DATA = [1.3];
const OPT = { mu: -0.32017581845657467, sigma: 0.6635132695475704, elbo: -1.4396635386111063 };
const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: DATA });

/** Variance of a 16-draw gradient estimate of (∂/∂μ, ∂/∂σ) at q. */
function gradientVariance(q: LogNormal, baseSamples: BaseSamples, seeds: number): [number, number] {
  let vMu = 0;
  let vSigma = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const e = estimateElbo(model, { z: q }, { samples: 256, seed, baseSamples });
    const se = e.gradientStderr.z as Record<string, number>;
    // RQMC: sd of one 16-point scramble = 4·stderr. MC: per-draw sd = 16·stderr, so a
    // 16-draw mean has sd 16·stderr/√16 = 4·stderr as well.
    vMu += (4 * se.mu) ** 2;
    vSigma += (4 * se.sigma) ** 2;
  }
  return [vMu / seeds, vSigma / seeds];
}

/** Mean steps, worst exact ELBO gap and mean time of `fit` over seeds 1..n. */
function fitStats(baseSamples: BaseSamples, controlVariates: boolean, n: number): { steps: number; gap: number; ms: number } {
  const stats = normalData(DATA);
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

/** The RQMC rows of `npm run bench`. */
export function runRqmcBench(): Row[] {
  const rows: Row[] = [];
  for (const [label, q] of [
    ['optimal q', new LogNormal(OPT.mu, OPT.sigma)],
    ['starting q LogNormal(0, 0.3)', new LogNormal(0, 0.3)],
  ] as const) {
    const [mcMu, mcSigma] = gradientVariance(q, 'mc', 40);
    const [qmcMu, qmcSigma] = gradientVariance(q, 'rqmc', 40);
    rows.push({
      benchmark: `seed model, 16-sample gradient variance at ${label}`,
      MC: `μ ${mcMu.toPrecision(3)}, σ ${mcSigma.toPrecision(3)}`,
      RQMC: `μ ${qmcMu.toPrecision(3)}, σ ${qmcSigma.toPrecision(3)}`,
      'ratio MC / RQMC': `μ ${(mcMu / qmcMu).toFixed(1)}×, σ ${(mcSigma / qmcSigma).toFixed(1)}×`,
      target: '≥ 10×',
      met: mcMu / qmcMu >= 10 && mcSigma / qmcSigma >= 10 ? 'yes' : 'no',
    });
  }
  for (const cv of [false, true]) {
    const mc = fitStats('mc', cv, 10);
    const qmc = fitStats('rqmc', cv, 10);
    rows.push({
      benchmark: `seed model fit, LogNormal guide, control variates ${cv ? 'on' : 'off'} (10 seeds)`,
      MC: `${mc.steps.toFixed(0)} steps, worst gap ${mc.gap.toExponential(1)}, ${mc.ms.toFixed(1)} ms`,
      RQMC: `${qmc.steps.toFixed(0)} steps, worst gap ${qmc.gap.toExponential(1)}, ${qmc.ms.toFixed(1)} ms`,
      'ratio MC / RQMC': `${(mc.steps / qmc.steps).toFixed(2)}× steps`,
      target: '',
      met: '',
    });
  }
  return rows;
}
