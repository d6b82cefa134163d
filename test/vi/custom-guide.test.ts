/**
 * The custom-guide how-to of docs/guides-and-estimators.md runs as written: its
 * block (between the `custom-guide` markers) is extracted with its `varinf`
 * imports pointed at src/, and the guide it writes is checked here: every
 * derivative against finite differences, a fit of a conjugate model against the
 * closed-form optimum of the Student-t family, and a save-and-restore.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { HalfNormal, Model, Normal, Rng, StudentT, plate } from '../../src/index';
import { fit, restoreFit, type Guide, type GuideSpec } from '../../src/vi/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let studentTGuide: (nu: number) => GuideSpec;

beforeAll(async () => {
  const md = readFileSync(join(root, 'docs/guides-and-estimators.md'), 'utf8');
  const block = /<!-- custom-guide -->\s*```ts\n([\s\S]*?)```\s*<!-- \/custom-guide -->/.exec(md);
  if (block === null) throw new Error('docs/guides-and-estimators.md: no custom-guide block');
  const code = block[1]
    .replace(/from 'varinf\/vi'/g, `from '${join(root, 'src/vi/index.ts')}'`)
    .replace(/from 'varinf'/g, `from '${join(root, 'src/index.ts')}'`);
  const file = join(root, 'scratch', 'custom-guide.ts');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  ({ studentTGuide } = (await import(pathToFileURL(file).href)) as { studentTGuide: (nu: number) => GuideSpec });
});

// y_i ~ Normal(mu, 1), mu ~ Normal(0, 10): the posterior is Normal(m*, s*²) exactly.
const y = [4.1, 5.3, 3.8, 6.0, 4.9, 5.6, 4.4, 5.1, 3.9, 5.8, 4.7, 5.2];
const prec = 1 / 100 + y.length;
const mStar = y.reduce((a, b) => a + b, 0) / prec;
const sStar = 1 / Math.sqrt(prec);
const model = new Model({ prior: { mu: new Normal(0, 10) }, likelihood: ({ mu }) => new Normal(mu, 1), data: y });
const NU = 5;

describe('the custom guide of the how-to', () => {
  it('has derivatives that match finite differences of logQ and forward', () => {
    // A two-latent model, a plate included, to exercise the coordinate bookkeeping.
    const m2 = new Model({ prior: { a: new Normal(0, 1), w: plate(new Normal(0, 1), 2) }, likelihood: ({ a }) => new Normal(a, 1), data: [0.3] });
    const g: Guide = studentTGuide(NU).build(m2);
    expect(g.paramNames).toEqual(['a.mu', 'a.logSigma', 'w[0].mu', 'w[0].logSigma', 'w[1].mu', 'w[1].logSigma']);
    const theta = Float64Array.of(0.3, -0.5, -1.2, 0.4, 2, -1);
    const eps = new Float64Array(3);
    g.drawNoise(theta, new Rng(5), eps);
    const u = new Float64Array(3);
    g.forward(theta, eps, u);
    // Central differences with h = 1e-5: truncation h²·|f‴|/6 ≈ 1e-10 (|f‴| ≲ 10 here),
    // rounding ε·|f|/h ≈ 1e-10 (|f| ≲ 10): 1e-7 leaves three orders of margin.
    const h = 1e-5;
    const tol = 1e-7;
    const gu = new Float64Array(3);
    g.logQGradU(theta, u, gu);
    for (let j = 0; j < 3; j++) {
      const up = Float64Array.from(u);
      const dn = Float64Array.from(u);
      up[j] += h;
      dn[j] -= h;
      expect(gu[j]).toBeCloseTo((g.logQ(theta, up) - g.logQ(theta, dn)) / (2 * h), 7);
    }
    const score = new Float64Array(6);
    g.addScore(theta, u, 1, score);
    const back = new Float64Array(6);
    const ones = Float64Array.of(1, 1, 1);
    g.backprop(theta, eps, u, ones, 1, back);
    const entGrad = new Float64Array(6);
    g.addEntropyGrad(theta, 1, entGrad);
    for (let k = 0; k < 6; k++) {
      const tp = Float64Array.from(theta);
      const tm = Float64Array.from(theta);
      tp[k] += h;
      tm[k] -= h;
      expect(Math.abs(score[k] - (g.logQ(tp, u) - g.logQ(tm, u)) / (2 * h))).toBeLessThanOrEqual(tol);
      const up = new Float64Array(3);
      const um = new Float64Array(3);
      g.forward(tp, eps, up);
      g.forward(tm, eps, um);
      const fd = (up[0] + up[1] + up[2] - um[0] - um[1] - um[2]) / (2 * h); // (∂u/∂θ)ᵀ·1
      expect(Math.abs(back[k] - fd)).toBeLessThanOrEqual(tol);
      expect(Math.abs(entGrad[k] - (g.entropy(tp) - g.entropy(tm)) / (2 * h))).toBeLessThanOrEqual(tol);
    }
    // The entropy is that of the product of the fitted Student-t's.
    const post = g.posterior(theta);
    const h0 = (post.a as StudentT).entropy() + (post.w as StudentT[]).reduce((a, q) => a + q.entropy(), 0);
    expect(Math.abs(g.entropy(theta) - h0)).toBeLessThanOrEqual(1e-13 * Math.abs(h0) + 1e-15);
  });

  it('fits the conjugate model to the closed-form optimum of its family', () => {
    const r = fit(model, { guide: studentTGuide(NU), seed: 1 });
    expect(r.converged).toBe(true);
    const q = r.posterior.mu as StudentT;
    expect(q).toBeInstanceOf(StudentT);
    // KL(t_ν(m, s) ‖ N(m*, s*²)) is minimized at m = m* (symmetry) and
    // s = s*·√((ν − 2)/ν) (d/ds of −log s + s²ν/(2(ν − 2)s*²) = 0).
    const sOpt = sStar * Math.sqrt((NU - 2) / NU);
    // Within 4 batch-means standard errors of the averaged parameters (θ units: m and log s).
    const se = r.diagnostics.paramStderr;
    expect(Number.isFinite(se)).toBe(true);
    expect(Math.abs(q.mu - mStar)).toBeLessThanOrEqual(4 * se);
    expect(Math.abs(Math.log(q.sigma / sOpt))).toBeLessThanOrEqual(4 * se);
    // The ELBO there: log p(y) − KL, KL = −H[t_ν(0, s)] + ½ log(2π s*²) + ν s²/(2(ν − 2) s*²) = ½ − H[t_ν(0, sOpt)] + ½ log(2π s*²).
    const logEvidence = y.reduce((a, yi) => a - 0.5 * Math.log(2 * Math.PI) - 0.5 * yi * yi, 0) - 0.5 * Math.log(100) - 0.5 * Math.log(prec) + (0.5 * (mStar * mStar)) * prec;
    const kl = 0.5 - new StudentT(NU, 0, sOpt).entropy() + 0.5 * Math.log(2 * Math.PI * sStar * sStar);
    // Parameter errors cost KL to second order: ½(δm/s*)² in m (the Gaussian's curvature)
    // and δω² in ω = log s (d²/dω² of −ω + ν e^{2ω}/(2(ν − 2)s*²) is 2 at the optimum),
    // with |δ| ≤ 4 se as checked above; the 20 000-draw ELBO adds 4 of its stderrs.
    const paramCost = 0.5 * ((4 * se) / sStar) ** 2 + (4 * se) ** 2;
    expect(Math.abs(r.elbo - (logEvidence - kl))).toBeLessThanOrEqual(4 * r.elboStderr + paramCost);
  });

  it('saves and restores with its spec', () => {
    const r = fit(model, { guide: studentTGuide(NU), seed: 2, maxSteps: 300, convergence: false });
    const again = restoreFit(model, JSON.parse(JSON.stringify(r)), { guide: studentTGuide(NU) });
    expect(String(again.posterior.mu)).toBe(String(r.posterior.mu));
    expect(again.summary()[0].mean).toBe(r.summary()[0].mean);
  });

  it('refuses a latent that is not real-valued, naming it', () => {
    const real = new Model({ prior: { s: new StudentT(3, 0, 1) }, likelihood: ({ s }) => new Normal(s, 1), data: [1] });
    expect(() => studentTGuide(NU).build(real)).not.toThrow();
    const positive = new Model({ prior: { s: new StudentT(3, 0, 1), tau: new HalfNormal(1) }, likelihood: ({ s, tau }) => new Normal(s, tau), data: [1] });
    expect(() => fit(positive, { guide: studentTGuide(NU) })).toThrow(/studentTGuide: latent "tau" is not real-valued \(support nonNegative\)/);
  });
});
