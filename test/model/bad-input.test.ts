/**
 * Bad input to Model: clear errors at construction or query time, and -Infinity
 * (never NaN, never a throw) for latents outside the support.
 */
import { describe, expect, it } from 'vitest';
import {
  Exponential,
  Gamma,
  InvalidParameterError,
  Model,
  ModelError,
  mul,
  Normal,
  plate,
  dot,
  type ContinuousDistribution,
} from '../../src/index';
import { expNormal } from './helpers';

describe('data validation', () => {
  it.each([
    [[1, 2, 3, NaN], 'Model: data[3] must be finite, got NaN'],
    [[Infinity], 'Model: data[0] must be finite, got Infinity'],
    [new Float64Array([0, -Infinity]), 'Model: data[1] must be finite, got -Infinity'],
  ])('%o → InvalidParameterError naming the index', (data, message) => {
    expect(() => expNormal(data)).toThrow(InvalidParameterError);
    expect(() => expNormal(data)).toThrow(message);
  });

  it('non-numeric data', () => {
    expect(() => expNormal(['1'] as unknown as number[])).toThrow('Model: data[0] must be finite, got "1"');
    expect(() => expNormal(null as unknown as number[])).toThrow(TypeError);
  });

  it('accepts number[] and Float64Array and copies them', () => {
    const xs = [1.3];
    const m = expNormal(xs);
    xs[0] = 100;
    expect(m.logJoint({ z: 1.5 })).toBe(expNormal(new Float64Array([1.3])).logJoint({ z: 1.5 }));
  });
});

describe('latent names and lengths', () => {
  const m = expNormal([1.3]);
  const reg = new Model({
    prior: { w: plate(new Normal(0, 1), 3), s: new Exponential(1) },
    likelihood: ({ w, s }, i) => new Normal(dot(w, [1, i, 2]), s),
    data: [0.1, 0.2],
  });

  it('missing latent', () => {
    expect(() => m.logJoint({} as { z: number })).toThrow(ModelError);
    expect(() => m.logJoint({} as { z: number })).toThrow('Model: latent "z" is missing from the values (expected a number)');
    expect(() => reg.gradLogJoint({ s: 1 } as never)).toThrow('latent "w" is missing');
  });

  it('extra latent', () => {
    expect(() => m.logJoint({ z: 1, y: 2 } as { z: number })).toThrow('Model: unknown latent "y"; the prior declares "z"');
    try {
      m.logPrior({ z: 1, zz: 2 } as { z: number });
    } catch (e) {
      expect((e as ModelError).latent).toBe('zz');
    }
  });

  it('wrong type or length', () => {
    expect(() => m.logJoint({ z: '1' } as unknown as { z: number })).toThrow('latent "z" must be a number, got "1"');
    expect(() => reg.logJoint({ w: new Float64Array(2), s: 1 })).toThrow('Model: latent "w" must have length 3, got 2');
    expect(() => reg.unconstrain({ w: new Float64Array(4), s: 1 })).toThrow(ModelError);
    expect(() => reg.logDensity(new Float64Array(3))).toThrow('Model: the unconstrained vector must have length 4, got 3');
  });

  it('bad prior entries', () => {
    const like = () => new Normal(0, 1);
    expect(() => new Model({ prior: { z: 3 } as never, likelihood: like, data: [] })).toThrow(
      'Model: prior entry "z" must be a distribution, a non-empty array of distributions or plate(dist, n), got 3',
    );
    expect(() => new Model({ prior: { z: [] }, likelihood: like, data: [] })).toThrow(ModelError);
    expect(() => new Model({ prior: { z: [new Normal(0, 1), new Exponential(1)] }, likelihood: like, data: [] })).toThrow(
      'Model: the elements of latent "z" must share one kind of support, got real and nonNegative',
    );
    expect(() => plate(new Normal(0, 1), 0)).toThrow('plate: size must be a positive integer, got 0');
    expect(() => plate({} as ContinuousDistribution, 2)).toThrow('plate: expected a distribution, got an object');
    expect(() => new Model({ prior: { z: new Normal(0, 1) }, likelihood: 1 as never, data: [] })).toThrow(TypeError);
  });
});

describe('outside the support', () => {
  const m = expNormal([1.3]);
  const gammaExp = new Model({ prior: { z: new Gamma(2, 1) }, likelihood: ({ z }) => new Exponential(z), data: [0.2, 0.5] });

  it('logJoint is -Infinity, gradient zero, no throw', () => {
    for (const z of [-0.5, -1e-300, -Infinity, Infinity]) {
      expect(m.logJoint({ z })).toBe(-Infinity);
      expect(m.gradLogJoint({ z }).z).toBe(0);
    }
    // the likelihood could not even be built there (negative rate): still -Infinity
    for (const z of [-1, 0, Infinity]) {
      expect(gammaExp.logJoint({ z })).toBe(-Infinity);
      expect(gammaExp.logLikelihood({ z })).toBe(-Infinity);
      expect(gammaExp.gradLogJoint({ z }).z).toBe(0);
    }
  });

  it('unconstrained density: -Infinity where e^u under/overflows, never a throw', () => {
    const g = new Float64Array([7]);
    for (const u of [-800, 800]) {
      expect(gammaExp.logDensity(new Float64Array([u]))).toBe(-Infinity);
      expect(gammaExp.logDensityGradient(new Float64Array([u]), g)).toBe(-Infinity);
      expect(g[0]).toBe(0);
    }
  });

  it('logPrior is -Infinity, logLikelihood stays defined when it can be', () => {
    expect(m.logPrior({ z: -1 })).toBe(-Infinity);
    expect(Number.isFinite(m.logLikelihood({ z: -1 }))).toBe(true);
  });
});

describe('likelihood mistakes', () => {
  it('a likelihood that does not return a distribution → TypeError', () => {
    const bad = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => z as unknown as Normal, data: [1] });
    expect(() => bad.logJoint({ z: 1 })).toThrow(TypeError);
    expect(() => bad.logJoint({ z: 1 })).toThrow('Model: the likelihood must return a distribution (e.g. new Normal(mu, sigma)) for datum 0, got 1');
    expect(() => bad.gradLogJoint({ z: 1 })).toThrow(TypeError);
    const perDatum = new Model({ prior: { z: new Normal(0, 1) }, likelihood: (_, i) => (i === 1 ? null : new Normal(0, 1)) as Normal, data: [1, 2] });
    expect(() => perDatum.logJoint({ z: 0 })).toThrow('for datum 1, got null');
  });

  it('plain arithmetic on a latent in gradient mode → TypeError with a hint', () => {
    const m = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(2 * z, 1), data: [1] });
    expect(m.logJoint({ z: 1 })).toBeCloseTo(new Normal(0, 1).logPdf(1) + new Normal(2, 1).logPdf(1), 14); // value mode is fine
    expect(() => m.gradLogJoint({ z: 1 })).toThrow(TypeError);
    expect(() => m.gradLogJoint({ z: 1 })).toThrow(/not differentiable; use varinf's add\/mul\/exp/);
    expect(() => m.logDensityGradient(new Float64Array(1), new Float64Array(1))).toThrow(TypeError);
    const ok = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(mul(2, z), 1), data: [1] });
    expect(ok.gradLogJoint({ z: 1 }).z).toBeCloseTo(-1 + 2 * (1 - 2), 14);
  });
});
