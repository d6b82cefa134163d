/**
 * Conjugate models, where the exact posterior is in the guide's family, so VI in
 * that family should recover it: KL(q ‖ p(z | x)) → 0 and ELBO → log p(x).
 *
 *   Normal–Normal:      mu ~ Normal(0, 2),   x_i | mu ~ Normal(mu, 1)
 *                       posterior Normal(m, s) with 1/s² = 1/4 + n,  m = s² Σx_i
 *   Gamma–Exponential:  lam ~ Gamma(2, 1),   x_i | lam ~ Exponential(lam)
 *                       posterior Gamma(2 + n, 1 + Σx_i)
 *
 * The evidence follows from the exact posterior at any z (Bayes' rule turned
 * around): log p(x) = log p(z, x) − log p(z | x).
 *
 * Run: `npx tsx examples/conjugate.ts`. Exits non-zero if a claim fails.
 */
import { Exponential, Gamma, kl, Model, Normal, Rng, type ContinuousDistribution } from '../src/index';
import { fit, type FitResult } from '../src/vi/index';
import { claim, claimsSummary, describe, f, g, table } from './util';

const rng = new Rng(11);
const rows: string[][] = [['model', 'exact posterior', 'fitted q (same family)', 'KL(q ‖ p)', 'log p(x)', 'ELBO', 'steps', 'time']];
const checks: { name: string; klValue: number; gap: number; stderr: number }[] = [];

function report(name: string, exact: ContinuousDistribution, r: FitResult, latent: string, logZ: number, ms: number): void {
  const q = r.posterior[latent] as ContinuousDistribution;
  const klValue = kl(q, exact);
  rows.push([name, describe(exact), describe(q), g(klValue), f(logZ), f(r.elbo), String(r.steps), `${ms.toFixed(0)} ms`]);
  checks.push({ name, klValue, gap: logZ - r.elbo, stderr: r.elboStderr });
}

// ---- Normal–Normal --------------------------------------------------------------
{
  const n = 10;
  const xs = Array.from(new Normal(1.5, 1).sample(rng, n));
  const model = new Model({ prior: { mu: new Normal(0, 2) }, likelihood: ({ mu }) => new Normal(mu, 1), data: xs });
  const s2 = 1 / (1 / 4 + n);
  const exact = new Normal(s2 * xs.reduce((a, b) => a + b, 0), Math.sqrt(s2));
  const logZ = model.logJoint({ mu: exact.mu }) - exact.logPdf(exact.mu);
  const t = performance.now();
  const r = fit(model, { guide: { mu: Normal }, seed: 1 });
  report(`Normal–Normal (n = ${n})`, exact, r, 'mu', logZ, performance.now() - t);
}

// ---- Gamma–Exponential ----------------------------------------------------------
{
  const n = 8;
  const xs = Array.from(new Exponential(0.7).sample(rng, n));
  const model = new Model({ prior: { lam: new Gamma(2, 1) }, likelihood: ({ lam }) => new Exponential(lam), data: xs });
  const exact = new Gamma(2 + n, 1 + xs.reduce((a, b) => a + b, 0));
  const logZ = model.logJoint({ lam: exact.mean() }) - exact.logPdf(exact.mean());
  const t = performance.now();
  const r = fit(model, { guide: { lam: Gamma }, seed: 1 });
  report(`Gamma–Exponential (n = ${n})`, exact, r, 'lam', logZ, performance.now() - t);
}

console.log('\nConjugate models: VI in the posterior\'s own family recovers the exact posterior\n');
table(rows);
console.log('\n  KL(q ‖ p) is the closed-form `kl` of varinf between the fitted q and the exact posterior;');
console.log('  log p(x) = log p(z, x) − log p(z | x) at any z (here the posterior mean).\n');
for (const c of checks) {
  claim(c.klValue <= 1e-3, `${c.name}: KL(q ‖ exact posterior) = ${g(c.klValue)} ≤ 1e-3`);
  claim(c.gap > -4 * c.stderr - 1e-9 && c.gap < 1e-3 + 4 * c.stderr, `${c.name}: ELBO = log p(x) − KL within its standard error (gap ${g(c.gap)})`);
}
claimsSummary();
