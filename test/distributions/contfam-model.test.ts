/**
 * Cauchy, HalfNormal, HalfCauchy, InverseGamma and Uniform inside a Model: as
 * priors (real or positive supports) and as likelihoods (i.i.d. and per-datum
 * paths), with gradLogJoint and the unconstrained logDensityGradient checked
 * against Richardson-extrapolated central differences at 1e-6 relative
 * (|g − fd| ≤ 1e-6·max(1, |fd|)), and the log joint against the sum of logPdfs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, Cauchy, HalfCauchy, HalfNormal, InverseGamma, Model, Normal, Uniform, type DifferentiableModel } from '../../src/index';
import { fakeNormalData, finiteDiff, maxRelDiff } from '../model/helpers';

const TOL = 1e-6;
const RUNS = { numRuns: 60, seed: 31 } as const;
const positive = fc.double({ min: 0.1, max: 5, noNaN: true });
const realArb = fc.double({ min: -3, max: 3, noNaN: true });

const data = fakeNormalData(25, 0.7, 11);
const positiveData = Float64Array.from(data, (x) => Math.abs(x) + 0.05);

/** The part of a Model with two scalar latents a and b that the checks use. */
interface TwoLatents {
  logJoint(v: { a: number; b: number }): number;
  gradLogJoint(v: { a: number; b: number }): { a: number; b: number };
}

/** gradLogJoint of a model with latents (a, b) against finite differences of logJoint. */
function checkJoint(m: TwoLatents, a: number, b: number): void {
  const g = m.gradLogJoint({ a, b });
  const fd = finiteDiff((x) => m.logJoint({ a: x[0], b: x[1] }), Float64Array.of(a, b));
  expect(maxRelDiff([g.a, g.b], fd)).toBeLessThanOrEqual(TOL);
}

/** logDensityGradient on the unconstrained space against finite differences of logDensity. */
function checkUnconstrained(m: DifferentiableModel, u: Float64Array): void {
  const g = new Float64Array(m.dim);
  const v = m.logDensityGradient(u, g);
  expect(Math.abs(v - m.logDensity(u))).toBeLessThanOrEqual(1e-13 * Math.abs(v));
  expect(maxRelDiff(g, finiteDiff((x) => m.logDensity(x), u))).toBeLessThanOrEqual(TOL);
}

describe('as priors and likelihoods', () => {
  // a real (Cauchy prior), b positive (HalfCauchy prior); Cauchy likelihood with both as parameters.
  const cauchyModel = new Model({
    prior: { a: new Cauchy(0, 2), b: new HalfCauchy(1) },
    likelihood: ({ a, b }) => new Cauchy(a, b),
    data,
  });
  // HalfNormal and InverseGamma priors on positive latents; HalfNormal likelihood (i.i.d.).
  const halfNormalModel = new Model({
    prior: { a: new HalfNormal(3), b: new InverseGamma(3, 2) },
    likelihood: ({ a }) => new HalfNormal(a),
    data: positiveData,
  });
  // InverseGamma likelihood with both parameters latent (HalfNormal priors), per-datum path.
  const inverseGammaModel = new Model({
    prior: { a: new HalfNormal(5), b: new HalfCauchy(2) },
    likelihood: ({ a, b }, i) => new InverseGamma(add(a, 0 * i), b),
    data: positiveData,
  });
  // The same through the i.i.d. path (the family's sufficient-statistics kernel: n, Σ log x, Σ 1/x).
  const inverseGammaIid = new Model({
    prior: { a: new HalfNormal(5), b: new HalfCauchy(2) },
    likelihood: ({ a, b }) => new InverseGamma(a, b),
    data: positiveData,
  });
  // HalfCauchy likelihood, Normal location prior unused by it but in the joint.
  const halfCauchyModel = new Model({
    prior: { a: new Normal(0, 1), b: new InverseGamma(2, 1) },
    likelihood: ({ b }) => new HalfCauchy(b),
    data: positiveData,
  });
  // Uniform likelihood with a latent upper end above every datum (the model cannot take a Uniform prior yet).
  const top = Math.max(...positiveData);
  const uniformModel = new Model({
    prior: { a: new Normal(0, 1), b: new HalfNormal(10) },
    likelihood: ({ a, b }) => new Uniform(a, b),
    data: positiveData,
  });

  it('logJoint = Σ prior logPdf + Σ likelihood logPdf', () => {
    fc.assert(
      fc.property(realArb, positive, (a, b) => {
        const want = new Cauchy(0, 2).logPdf(a) + new HalfCauchy(1).logPdf(b) + new Cauchy(a, b).sumLogPdf(data);
        const got = cauchyModel.logJoint({ a, b });
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want));
      }),
      RUNS,
    );
  });

  it('Cauchy prior and likelihood, HalfCauchy prior: gradients exact', () => {
    fc.assert(
      fc.property(realArb, positive, (a, b) => {
        checkJoint(cauchyModel, a, b);
        checkUnconstrained(cauchyModel, Float64Array.of(a, Math.log(b)));
      }),
      RUNS,
    );
  });

  it('HalfNormal prior and likelihood, InverseGamma prior: gradients exact', () => {
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        checkJoint(halfNormalModel, a, b);
        checkUnconstrained(halfNormalModel, Float64Array.of(Math.log(a), Math.log(b)));
      }),
      RUNS,
    );
  });

  it('InverseGamma likelihood (per-datum and i.i.d. paths): the same joint, gradients exact', () => {
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        for (const m of [inverseGammaModel, inverseGammaIid]) {
          checkJoint(m, a, b);
          checkUnconstrained(m, Float64Array.of(Math.log(a), Math.log(b)));
        }
        const perDatum = inverseGammaModel.logJoint({ a, b });
        expect(Math.abs(inverseGammaIid.logJoint({ a, b }) - perDatum)).toBeLessThanOrEqual(1e-12 * Math.abs(perDatum));
      }),
      RUNS,
    );
  });

  it('HalfCauchy likelihood: gradients exact', () => {
    fc.assert(
      fc.property(realArb, positive, (a, b) => {
        checkJoint(halfCauchyModel, a, b);
      }),
      RUNS,
    );
  });

  it('Uniform likelihood: −n log(b − a) inside, −∞ once a datum falls outside; gradients exact inside', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 0, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), (a, extra) => {
        const b = top + extra;
        const n = positiveData.length;
        const want = new Normal(0, 1).logPdf(a) + new HalfNormal(10).logPdf(b) - n * Math.log(b - a);
        expect(Math.abs(uniformModel.logJoint({ a, b }) - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want));
        checkJoint(uniformModel, a, b);
      }),
      RUNS,
    );
    expect(uniformModel.logJoint({ a: 0, b: top / 2 })).toBe(-Infinity);
  });

  it('a Uniform prior is a latent on its interval (scaled logistic transform; see test/model/interval-latents.test.ts)', () => {
    const m = new Model({ prior: { z: new Uniform(0, 1) }, likelihood: ({ z }) => new Normal(z, 1), data: [0.5] });
    expect(m.blocks[0].bijection.name).toBe('logit');
    expect(m.logJoint({ z: 0.25 })).toBeCloseTo(new Normal(0.25, 1).logPdf(0.5), 14);
  });
});
