/**
 * Property tests of Model: the log joint decomposes, and both gradients
 * (gradLogJoint on the latents, logDensityGradient on the unconstrained vector)
 * agree with 5-point central finite differences to 1e-6 relative
 * (|g − fd| ≤ 1e-6·max(1, |fd|)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential, Model, Normal, plate, type DifferentiableModel } from '../../src/index';
import { expNormal, expNormalPerDatum, fakeNormalData, finiteDiff, maxRelDiff, regression } from './helpers';

const TOL = 1e-6;
const positive = fc.double({ min: 0.05, max: 5, noNaN: true });
const realArb = fc.double({ min: -3, max: 3, noNaN: true });

/** Checks logDensityGradient against finite differences of logDensity at u. */
function checkUnconstrained(m: DifferentiableModel, u: Float64Array): void {
  const g = new Float64Array(m.dim);
  const v = m.logDensityGradient(u, g);
  const v0 = m.logDensity(u);
  expect(Math.abs(v - v0)).toBeLessThanOrEqual(1e-13 * Math.abs(v0));
  const fd = finiteDiff((x) => m.logDensity(x), u);
  expect(maxRelDiff(g, fd)).toBeLessThanOrEqual(TOL);
}

describe('seed model and the 1000-datum model', () => {
  const seed = expNormal([1.3]);
  const big = expNormal(fakeNormalData(1000, 1.1, 3));
  const bigPerDatum = expNormalPerDatum(big.data);

  it('logJoint = logPrior + logLikelihood', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 6, noNaN: true }), (z) => {
        for (const m of [seed, big, bigPerDatum]) {
          const lj = m.logJoint({ z });
          const sum = m.logPrior({ z }) + m.logLikelihood({ z });
          if (z < 0) expect(lj).toBe(-Infinity);
          else expect(Math.abs(lj - sum)).toBeLessThanOrEqual(1e-12 * Math.abs(lj));
        }
      }),
    );
  });

  it('gradLogJoint agrees with finite differences (both likelihood paths)', () => {
    fc.assert(
      fc.property(positive, (z) => {
        for (const m of [seed, big, bigPerDatum]) {
          const g = m.gradLogJoint({ z }).z;
          const fd = finiteDiff((x) => m.logJoint({ z: x[0] }), new Float64Array([z]));
          expect(maxRelDiff([g], fd)).toBeLessThanOrEqual(TOL);
        }
        expect(big.gradLogJoint({ z }).z).toBeCloseTo(bigPerDatum.gradLogJoint({ z }).z, 9);
      }),
    );
  });

  it('seed gradient is the closed form −1 + (1.3 − z)', () => {
    fc.assert(
      fc.property(positive, (z) => {
        expect(seed.gradLogJoint({ z }).z).toBeCloseTo(-1 + (1.3 - z), 14);
      }),
    );
  });

  it('logDensityGradient agrees with finite differences', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 1.5, noNaN: true }), (u) => {
        for (const m of [seed, big, bigPerDatum]) checkUnconstrained(m, new Float64Array([u]));
      }),
    );
  });
});

describe('d = 5 regression with covariates (per-datum path, plate + scalars)', () => {
  const { model } = regression(5, 40);
  const point = fc.record({
    w: fc.float64Array({ minLength: 5, maxLength: 5, min: -3, max: 3, noNaN: true }),
    b: realArb,
    s: fc.double({ min: 0.2, max: 4, noNaN: true }),
  });

  it('logJoint = logPrior + logLikelihood', () => {
    fc.assert(
      fc.property(point, (p) => {
        const lj = model.logJoint(p);
        expect(Math.abs(lj - (model.logPrior(p) + model.logLikelihood(p)))).toBeLessThanOrEqual(1e-12 * Math.abs(lj));
      }),
    );
  });

  it('gradLogJoint agrees with finite differences', () => {
    fc.assert(
      fc.property(point, (p) => {
        const g = model.gradLogJoint(p);
        const z0 = new Float64Array([...p.w, p.b, p.s]);
        const f = (x: Float64Array) => model.logJoint({ w: x.subarray(0, 5), b: x[5], s: x[6] });
        const fd = finiteDiff(f, z0);
        expect(maxRelDiff([...g.w, g.b, g.s], fd)).toBeLessThanOrEqual(TOL);
      }),
    );
  });

  it('logDensityGradient agrees with finite differences; constrain ∘ unconstrain = id', () => {
    fc.assert(
      fc.property(point, (p) => {
        const u = model.unconstrain(p);
        const back = model.constrain(u);
        expect(back.s).toBeCloseTo(p.s, 12);
        expect(Array.from(back.w)).toEqual(Array.from(p.w));
        checkUnconstrained(model, u);
      }),
    );
  });
});

describe('independent vector latents and ops', () => {
  it('an array of priors with positive support: gradient through exp/log/softplus/sqrt/div', () => {
    const xs = [0.3, -1.2, 2.5, 0.7];
    const m = new Model({
      prior: { r: [new Exponential(1), new Exponential(2)], m: new Normal(0, 3) },
      likelihood: (p, i) => {
        const { add, mul, exp, log, softplus, sqrt, div, sigmoid, tanh, square, pow, sub, neg, log1p, expm1 } = ops;
        const mu = add(mul(p.m, tanh(xs[i])), sub(sigmoid(p.m), neg(log1p(p.r[0]))));
        const scale = add(div(sqrt(p.r[1]), add(1, square(p.r[0]))), add(softplus(log(p.r[0])), pow(p.r[1], 1.5)));
        return new Normal(add(mu, mul(0.1, expm1(mul(0.1, exp(p.m))))), scale);
      },
      data: [0.5, 1.5, -0.5, 2],
    });
    fc.assert(
      fc.property(positive, positive, realArb, (r0, r1, mm) => {
        const p = { r: new Float64Array([r0, r1]), m: mm };
        const g = m.gradLogJoint(p);
        const fd = finiteDiff((x) => m.logJoint({ r: x.subarray(0, 2), m: x[2] }), new Float64Array([r0, r1, mm]));
        expect(maxRelDiff([...g.r, g.m], fd)).toBeLessThanOrEqual(TOL);
        checkUnconstrained(m, m.unconstrain(p));
      }),
    );
  });
});

import * as ops from '../../src/index';

describe('dot paths inside a model', () => {
  it('plate · number[] rows, plate · nodes, and sum(plate) all differentiate exactly', () => {
    const rows = [[0.5, -1, 2], [1.5, 0.25, -0.75], [-2, 1, 0.1]];
    const m = new Model({
      prior: { w: plate(new Normal(0, 1), 3), a: new Normal(0, 2) },
      likelihood: ({ w, a }, i) =>
        new Normal(ops.add(ops.dot(w, rows[i]), ops.mul(0.3, ops.dot(w, [a, ops.square(a), 1]))), ops.exp(ops.mul(0.1, ops.sum(w)))),
      data: [0.4, -0.3, 1.1],
    });
    fc.assert(
      fc.property(fc.float64Array({ minLength: 4, maxLength: 4, min: -2, max: 2, noNaN: true }), (x) => {
        const p = { w: x.slice(0, 3), a: x[3] };
        const g = m.gradLogJoint(p);
        const fd = finiteDiff((y) => m.logJoint({ w: y.subarray(0, 3), a: y[3] }), x);
        expect(maxRelDiff([...g.w, g.a], fd)).toBeLessThanOrEqual(TOL);
      }),
    );
  });
});
