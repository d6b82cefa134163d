/**
 * FitResult as data: structuredClone and postMessage-style cloning work, carry the
 * data and not the methods, and never trigger the lazy evaluation.
 */
import { describe, expect, it } from 'vitest';
import { Exponential, LogNormal, Model, Normal, plate } from '../../src/index';
import { fit, FitResult, fullRank, restoreFit } from '../../src/vi/index';
import { expNormalModel } from './helpers';

describe('FitResult and structuredClone', () => {
  const model = new Model({ prior: { z: new Exponential(1), w: plate(new Normal(0, 1), 2) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });

  for (const guide of [undefined, fullRank()]) {
    it(`clones without throwing (${guide === undefined ? 'meanField' : 'fullRank'}), the data survive, methods do not`, () => {
      const r = fit(model, { seed: 1, maxSteps: 100, convergence: false, ...(guide === undefined ? {} : { guide }) });
      const c = structuredClone(r) as unknown as Record<string, unknown>;
      expect(Object.keys(c)).toEqual(['posterior', 'trace', 'converged', 'steps', 'params', 'paramNames', 'unconstrained', 'diagnostics', 'warnings']);
      expect(c.params).toEqual(r.params);
      expect(c.trace).toEqual(r.trace);
      expect((c.posterior as Record<string, { mu: number }>).z.mu).toBe((r.posterior.z as LogNormal).mu);
      expect(c.sample).toBeUndefined();
      expect(c.guide).toBeUndefined();
      // Nothing was evaluated by cloning: the lazy fields are neither in the clone nor made.
      expect('elbo' in c).toBe(false);
      expect(Object.getOwnPropertyDescriptor(r, 'elbo')?.get).toBeDefined();
    });
  }

  it('once the evaluation is made, all five lazy values are enumerable data and travel with clones', () => {
    const r = fit(expNormalModel([1.3]), { seed: 1 });
    const khat = r.diagnostics.khat; // any one of them makes all five
    for (const [obj, key] of [[r, 'elbo'], [r, 'elboStderr'], [r.diagnostics, 'khat'], [r.diagnostics, 'khatReading'], [r.diagnostics, 'logEvidence']] as const) {
      const desc = Object.getOwnPropertyDescriptor(obj, key)!;
      expect([desc.get, desc.enumerable, desc.writable]).toEqual([undefined, true, false]);
    }
    const c = structuredClone(r);
    expect(c.elbo).toBe(r.elbo);
    expect(c.diagnostics.khat).toBe(khat);
    expect(c.diagnostics.logEvidence).toEqual(r.diagnostics.logEvidence);
  });

  it('a MessageChannel carries the result\'s JSON; restoreFit on the other side brings the methods back', async () => {
    const m = expNormalModel([1.3]);
    const r = fit(m, { seed: 2, maxSteps: 100, convergence: false });
    const { port1, port2 } = new MessageChannel();
    const got = new Promise<unknown>((resolve) => {
      port2.onmessage = (e) => resolve(e.data);
    });
    port1.postMessage(r.toJSON());
    expect(() => port1.postMessage(r)).not.toThrow();
    const back = restoreFit(m, (await got) as ReturnType<typeof r.toJSON>);
    port1.close();
    expect(back.sample(10, { seed: 1 })).toEqual(r.sample(10, { seed: 1 }));
  });

  it('is a FitResult with methods on the prototype and the guide behind a getter', () => {
    const r = fit(expNormalModel([1.3]), { seed: 1, maxSteps: 10, convergence: false });
    expect(r).toBeInstanceOf(FitResult);
    for (const k of ['sample', 'summary', 'toJSON']) expect(Object.hasOwn(r, k)).toBe(false);
    expect(Object.hasOwn(r, 'guide')).toBe(false);
    expect(r.guide.kind).toBe('meanField');
  });

  it('JSON.stringify of a fresh result is fast: it does not make the 20 000-draw evaluation', () => {
    const r = fit(expNormalModel([1.3]), { seed: 1, evalSamples: 20_000 });
    JSON.stringify(r);
    expect(Object.getOwnPropertyDescriptor(r, 'elbo')?.get).toBeDefined();
  });
});
