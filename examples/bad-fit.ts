/**
 * A bad fit that k̂ flags. The ELBO alone cannot say how good a q is (log p(x) is
 * unknown), but the Pareto k̂ of the importance ratios p(z, x)/q(z), z ~ q, can:
 * when q is much narrower than the posterior, the ratios have a heavy right tail
 * (rare draws in the posterior's tails get huge weights) and k̂ > 0.7.
 *
 *   model: mu ~ Normal(0, 2),  x_i | mu ~ Normal(mu, 1),  n = 10
 *   (conjugate, so the exact posterior is known and every number can be checked)
 *
 * Four q's: the fitted one (good), one 4× too narrow (poor: flagged), one 3× too
 * wide (a worse ELBO, but k̂ is fine: importance sampling with it still recovers
 * log p(x)), and one shifted by 3 posterior sds (flagged).
 *
 * Run: `npx tsx examples/bad-fit.ts`. Exits non-zero if a claim fails.
 * Writes docs/images/bad-fit-densities.svg.
 */
import { kl, Model, Normal, Rng } from '../src/index';
import { estimateElbo, fit, logEvidence } from '../src/vi/index';
import { densityPlot } from '../src/plot/index';
import { renderSvg } from './render';
import { claim, claimsSummary, describe, f, g, table } from './util';

const n = 10;
const xs = Array.from(new Normal(1.5, 1).sample(new Rng(11), n));
const model = new Model({ prior: { mu: new Normal(0, 2) }, likelihood: ({ mu }) => new Normal(mu, 1), data: xs });
const s2 = 1 / (1 / 4 + n);
const exact = new Normal(s2 * xs.reduce((a, b) => a + b, 0), Math.sqrt(s2));
const logZ = model.logJoint({ mu: exact.mu }) - exact.logPdf(exact.mu);

const fitted = fit(model, { guide: { mu: Normal }, seed: 1 }).posterior.mu as Normal;
const candidates = [
  { name: 'fitted q (VI)', q: fitted },
  { name: 'too narrow (sd / 4)', q: new Normal(exact.mu, exact.sigma / 4) },
  { name: 'too wide (sd × 3)', q: new Normal(exact.mu, exact.sigma * 3) },
  { name: 'shifted (+3 sd)', q: new Normal(exact.mu + 3 * exact.sigma, exact.sigma) },
];

console.log(`\nBad fits and k̂: Normal–Normal model, exact posterior ${describe(exact)}, log p(x) = ${f(logZ)}\n`);
const rows = [['q', 'distribution', 'KL(q ‖ p)', 'ELBO', 'IS log p(x) ± se', 'k̂', 'reading']];
const results = candidates.map(({ name, q }) => {
  const elbo = estimateElbo(model, { mu: q }, { samples: 10_000, seed: 3 });
  const ev = logEvidence(model, { mu: q }, { samples: 10_000, seed: 3 });
  rows.push([name, describe(q), g(kl(q, exact)), f(elbo.value), `${f(ev.value)} ± ${g(ev.stderr, 2)}`, f(ev.pareto.khat, 2), ev.pareto.reading]);
  return { name, q, elbo, ev };
});
table(rows);
console.log('\n  k̂ is the fitted generalized-Pareto shape of the largest importance ratios (PSIS, from');
console.log('  logEvidence, 10 000 draws): < 0.5 good, 0.5–0.7 ok, > 0.7 poor — the importance-sampled');
console.log('  evidence (and any expectation reweighted with q) is then unreliable, and so is q.');
console.log('  A q too wide costs ELBO but keeps k̂ low: k̂ detects the posterior mass that q misses.\n');

const [good, narrow, wide, shifted] = results;
claim(good.ev.pareto.khat < 0.5, `the fitted q reads good (k̂ = ${f(good.ev.pareto.khat, 2)} < 0.5)`);
claim(narrow.ev.pareto.khat > 0.7, `the too-narrow q is flagged (k̂ = ${f(narrow.ev.pareto.khat, 2)} > 0.7)`);
claim(shifted.ev.pareto.khat > 0.7, `the shifted q is flagged (k̂ = ${f(shifted.ev.pareto.khat, 2)} > 0.7)`);
claim(wide.ev.pareto.khat < 0.7, `the too-wide q is not flagged (k̂ = ${f(wide.ev.pareto.khat, 2)} < 0.7)`);
claim(
  Math.abs(wide.ev.value - logZ) < 0.05,
  `importance sampling with the too-wide q still recovers log p(x) within 0.05 (error ${g(Math.abs(wide.ev.value - logZ))})`,
);
claim(
  results.every((r) => r.elbo.value < logZ + 4 * r.elbo.stderr) && good.elbo.value > Math.max(narrow.elbo.value, wide.elbo.value, shifted.elbo.value),
  'every ELBO is below log p(x), and the fitted q has the highest',
);

await renderSvg(
  densityPlot({
    title: 'A good q and three bad ones (k̂ flags the narrow and shifted q)',
    xLabel: 'mu',
    curves: [
      { name: 'posterior p(mu | x) (exact)', density: exact },
      ...results.map((r) => ({ name: `${r.name}, k̂ = ${f(r.ev.pareto.khat, 2)}`, density: r.q, dash: r === good })),
    ],
    domain: [exact.mu - 4 * exact.sigma, exact.mu + 5 * exact.sigma],
    yDomain: [0, 5.5],
    width: 560,
  }),
  new URL('../docs/images/bad-fit-densities.svg', import.meta.url).pathname,
);
console.log('\n  wrote docs/images/bad-fit-densities.svg');
claimsSummary();
