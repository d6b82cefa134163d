/**
 * Unit tests of `diagnoseNonFinite` (issue #11: the pieces that had none), against its
 * definition: it re-evaluates the rows u_s of the last estimate in order and reports
 * the first of a non-finite draw (quantity "parameters", the latent of that
 * coordinate), a non-finite log joint ("log joint", the latent when the model has one
 * coordinate), a non-finite ∂ log joint/∂u_j ("gradient", the latent of coordinate j)
 * or a non-finite log q ("ELBO"); failing all of those, the first non-finite entry of
 * ∇θ ("gradient", the latent of that parameter), else the ELBO value itself. The
 * models and guides are hand-made to fail in one known place.
 */
import { describe, expect, it } from 'vitest';
import { real } from '../../src/distributions/support';
import { identityBijection } from '../../src/distributions/transforms';
import type { DifferentiableModel } from '../../src/model/differentiable-model';
import { Rng } from '../../src/random/rng';
import { diagnoseNonFinite } from '../../src/vi/diagnose';
import { createWorkspace, meanField, type EstimatorWorkspace, type Guide } from '../../src/vi/index';

/**
 * A model on ℝ^d with latents named by `names` (one coordinate each), log joint
 * −½‖u‖² and its gradient −u, passed through `spoil(u, grad, value)`.
 */
function handModel(names: readonly string[], spoil: (u: Float64Array, g: Float64Array, value: number) => number = (_u, _g, v) => v): DifferentiableModel {
  const logDensityGradient = (u: Float64Array, g: Float64Array): number => {
    let v = 0;
    for (let j = 0; j < u.length; j++) {
      v -= 0.5 * u[j] * u[j];
      g[j] = -u[j];
    }
    return spoil(u, g, v);
  };
  return {
    dim: names.length,
    blocks: names.map((name, offset) => ({ name, offset, size: 1, scalar: true, support: real, bijection: identityBijection })),
    logDensity: (u) => logDensityGradient(u, new Float64Array(u.length)),
    logDensityGradient,
  };
}

/** The rows u_s = g(θ, ε_s) of S draws, as an estimate leaves them in the workspace. */
function rows(guide: Guide, theta: Float64Array, samples = 4, seed = 1): EstimatorWorkspace {
  const ws = createWorkspace(guide, samples);
  const rng = new Rng(seed);
  for (let s = 0; s < samples; s++) {
    guide.drawNoise(theta, rng, ws.noise[s]);
    guide.forward(theta, ws.noise[s], ws.u[s]);
  }
  return ws;
}

const NAMES = ['a', 'b', 'c'];

describe('diagnoseNonFinite', () => {
  it('a NaN log joint from the model: quantity "log joint", the value, the row u; the latent only when d = 1', () => {
    // NaN wherever b > 0: the first such row is the one reported.
    const model = handModel(NAMES, (u, _g, v) => (u[1] > 0 ? NaN : v));
    const guide = meanField().build(model);
    const theta = guide.initialParams();
    const ws = rows(guide, theta, 8);
    const first = ws.u.findIndex((u) => u[1] > 0);
    expect(first).toBeGreaterThanOrEqual(0);
    const cause = diagnoseNonFinite(model, guide, theta, ws, new Float64Array(guide.numParams), NaN);
    expect(cause.quantity).toBe('log joint');
    expect(cause.value).toBeNaN();
    expect(cause.latent).toBeUndefined(); // three coordinates: the log joint is not one latent's
    const u = ws.u[first];
    expect(cause.detail).toBe(`at unconstrained u = [a: ${u[0].toPrecision(6)}, b: ${u[1].toPrecision(6)}, c: ${u[2].toPrecision(6)}]`);

    const one = handModel(['z'], () => -Infinity);
    const g1 = meanField().build(one);
    const c1 = diagnoseNonFinite(one, g1, g1.initialParams(), rows(g1, g1.initialParams()), new Float64Array(g1.numParams), -Infinity);
    expect([c1.quantity, c1.latent, c1.value]).toEqual(['log joint', 'z', -Infinity]);
  });

  it('a non-finite gradient entry of the model: quantity "gradient", the latent of that coordinate, the value', () => {
    const model = handModel(NAMES, (_u, g, v) => ((g[2] = Infinity), v));
    const guide = meanField().build(model);
    const theta = guide.initialParams();
    const cause = diagnoseNonFinite(model, guide, theta, rows(guide, theta), new Float64Array(guide.numParams), 0);
    expect([cause.quantity, cause.latent, cause.value]).toEqual(['gradient', 'c', Infinity]);
    expect(cause.detail).toMatch(/^∂ log joint\/∂u is Infinity at unconstrained u = \[a: /);
  });

  it('a non-finite parameter: the draws are non-finite, quantity "parameters", the latent of the coordinate', () => {
    const model = handModel(NAMES);
    const guide = meanField().build(model);
    const theta = guide.initialParams();
    const k = guide.paramNames.indexOf('b.mu');
    expect(guide.paramLatent[k]).toBe('b');
    theta[k] = Infinity;
    const cause = diagnoseNonFinite(model, guide, theta, rows(guide, theta), new Float64Array(guide.numParams), NaN);
    expect([cause.quantity, cause.latent, cause.value]).toEqual(['parameters', 'b', Infinity]);
    expect(cause.detail).toMatch(/^a draw of the guide is Infinity at unconstrained u = \[a: [^,]+, b: Infinity, c: /);

    theta[k] = 0;
    theta[guide.paramNames.indexOf('c.logSigma')] = NaN;
    const nan = diagnoseNonFinite(model, guide, theta, rows(guide, theta), new Float64Array(guide.numParams), NaN);
    expect([nan.quantity, nan.latent]).toEqual(['parameters', 'c']);
    expect(nan.value).toBeNaN();
  });

  it('a guide whose log q is not finite: quantity "ELBO", no latent', () => {
    const model = handModel(NAMES);
    const base = meanField().build(model);
    const guide: Guide = { ...base, logQ: () => -Infinity };
    const theta = guide.initialParams();
    const cause = diagnoseNonFinite(model, guide, theta, rows(guide, theta), new Float64Array(guide.numParams), Infinity);
    expect([cause.quantity, cause.latent, cause.value]).toEqual(['ELBO', undefined, -Infinity]);
    expect(cause.detail).toMatch(/^log q is -Infinity at unconstrained u = /);
  });

  it('every row finite: the first non-finite entry of ∇θ, named by its parameter; else the ELBO value', () => {
    const model = handModel(NAMES);
    const guide = meanField().build(model);
    const theta = guide.initialParams();
    const ws = rows(guide, theta);
    const grad = new Float64Array(guide.numParams);
    grad[guide.paramNames.indexOf('b.logSigma')] = NaN;
    grad[guide.paramNames.indexOf('c.mu')] = Infinity; // later: not the first
    const cause = diagnoseNonFinite(model, guide, theta, ws, grad, 0);
    expect(cause).toEqual({ quantity: 'gradient', latent: 'b', value: NaN, detail: '∂ELBO/∂b.logSigma is NaN' });

    const none = diagnoseNonFinite(model, guide, theta, ws, new Float64Array(guide.numParams), NaN);
    expect(none).toEqual({ quantity: 'ELBO', latent: undefined, value: NaN, detail: 'the ELBO estimate is not finite' });
  });

  it('rows are searched in order: a failing later row is reported only when the earlier ones are finite', () => {
    // The gradient is spoiled at b for rows with a > 0, the log joint for rows with a < 0.
    const model = handModel(NAMES, (u, g, v) => {
      if (u[0] > 0) g[1] = NaN;
      return u[0] < 0 ? NaN : v;
    });
    const guide = meanField().build(model);
    const theta = guide.initialParams();
    const ws = rows(guide, theta, 16, 3);
    const cause = diagnoseNonFinite(model, guide, theta, ws, new Float64Array(guide.numParams), NaN);
    const want = ws.u[0][0] > 0 ? ['gradient', 'b'] : ['log joint', undefined];
    expect([cause.quantity, cause.latent]).toEqual(want);
    expect(cause.detail).toContain(`a: ${ws.u[0][0].toPrecision(6)}`);
  });
});
