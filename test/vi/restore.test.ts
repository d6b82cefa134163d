/**
 * result.toJSON → JSON text → restoreFit: plain JSON, no evaluation triggered,
 * the restored result samples, summarizes and evaluates as the original.
 */
import { describe, expect, it } from 'vitest';
import { add, Exponential, Gamma, Model, Normal, plate } from '../../src/index';
import { fit, FitResult, fullRank, meanField, restoreFit, type FitResultJSON } from '../../src/vi/index';
import { expNormalModel } from './helpers';

const model = new Model({
  prior: { mu: new Normal(0, 5), w: plate(new Normal(0, 1), 2), s: new Exponential(1) },
  likelihood: ({ mu, w, s }, i) => new Normal(add(mu, w[i % 2]), s),
  data: [0.5, 1.5, 0.9, 1.8, 0.3],
});

/** True when `x` is made of JSON values only (no typed arrays, no class instances, finite numbers). */
function isPlainJson(x: unknown): boolean {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return true;
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(isPlainJson);
  if (typeof x === 'object') return Object.getPrototypeOf(x) === Object.prototype && Object.values(x).every(isPlainJson);
  return false;
}

const guides = { meanField: () => meanField(), fullRank: () => fullRank() } as const;

describe('result.toJSON', () => {
  it('is plain JSON (arrays, no typed arrays or instances) and survives a text round trip unchanged', () => {
    const r = fit(model, { seed: 1, maxSteps: 300, convergence: false });
    const json = r.toJSON();
    expect(isPlainJson(json)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(json);
    const q = r.posterior.mu as Normal;
    expect(json.posterior.mu).toEqual({ family: 'Normal', params: { mu: q.mu, sigma: q.sigma } });
    expect(json.params).toEqual(Array.from(r.params));
    expect(json.trace).toEqual(Array.from(r.trace));
    expect(json.latents).toEqual([
      { name: 'mu', size: 1, scalar: true, support: 'real' },
      { name: 'w', size: 2, scalar: false, support: 'real' },
      { name: 's', size: 1, scalar: true, support: 'nonNegative' },
    ]);
  });

  it('does not make the lazy 20 000-draw evaluation; includes its values once made', () => {
    const r = fit(expNormalModel([1.3]), { seed: 1 });
    const before = r.toJSON();
    expect(Object.getOwnPropertyDescriptor(r, 'elbo')?.get).toBeDefined(); // still lazy
    expect(before.elbo).toBeUndefined();
    expect(before.evaluation.result).toBeUndefined();
    expect(before.diagnostics.khat).toBeUndefined();
    const elbo = r.elbo;
    const after = r.toJSON();
    expect(after.elbo).toBe(elbo);
    expect(after.elboStderr).toBe(r.elboStderr);
    expect(after.diagnostics.khat).toBe(r.diagnostics.khat);
    expect(after.diagnostics.khatReading).toBe(r.diagnostics.khatReading);
    expect(after.diagnostics.logEvidence).toEqual(r.diagnostics.logEvidence);
  });

  it('writes non-finite numbers as strings (NaN paramStderr of a fit without a convergence check)', () => {
    const r = fit(expNormalModel([1.3]), { seed: 1, maxSteps: 10, convergence: false });
    expect(r.diagnostics.paramStderr).toBeNaN();
    expect(r.toJSON().diagnostics.paramStderr).toBe('NaN');
    expect(restoreFit(expNormalModel([1.3]), r.toJSON()).diagnostics.paramStderr).toBeNaN();
  });
});

describe('restoreFit', () => {
  for (const [label, guide] of Object.entries(guides)) {
    it(`${label}: posterior, sample, summary, diagnostics and warnings equal the original's`, () => {
      const r = fit(model, { guide: guide(), seed: 2, maxSteps: 400, convergence: false });
      const back = restoreFit(model, JSON.stringify(r));
      expect(back).toBeInstanceOf(FitResult);
      expect(back.guide.kind).toBe(r.guide.kind);
      expect(back.params).toEqual(r.params);
      expect(String(back.posterior.w[1])).toBe(String(r.posterior.w[1]));
      expect(back.unconstrained).toEqual(r.unconstrained);
      expect(back.sample(200, { seed: 5 })).toEqual(r.sample(200, { seed: 5 }));
      expect(back.summary({ seed: 6 })).toEqual(r.summary({ seed: 6 }));
      expect(back.trace).toEqual(r.trace);
      expect([back.converged, back.steps, back.warnings]).toEqual([r.converged, r.steps, r.warnings]);
      expect(back.warnings.length).toBeGreaterThan(0); // not converged: a warning, carried through
      const { khat: _k, khatReading: _r, logEvidence: _l, ...eager } = r.diagnostics;
      void [_k, _r, _l];
      expect(back.diagnostics).toMatchObject(eager);
    });
  }

  it('per-latent families: a Gamma guide comes back as a Gamma guide', () => {
    const m = expNormalModel([1.3]);
    const r = fit(m, { guide: { z: Gamma }, seed: 1, maxSteps: 300, convergence: false });
    const back = restoreFit(m, r.toJSON());
    expect(back.posterior.z).toBeInstanceOf(Gamma);
    expect(String(back.posterior.z)).toBe(String(r.posterior.z));
    expect(back.sample(100, { seed: 1 })).toEqual(r.sample(100, { seed: 1 }));
  });

  it('the lazy evaluation gives the original numbers: restored before evaluating (same stream), or after (copied)', () => {
    const m = expNormalModel([1.3]);
    const a = fit(m, { seed: 4 });
    const early = restoreFit(m, a.toJSON()); // before a's evaluation: evaluates itself
    const [elbo, khat, ev] = [a.elbo, a.diagnostics.khat, a.diagnostics.logEvidence];
    expect(early.elbo).toBe(elbo);
    expect(early.diagnostics.khat).toBe(khat);
    expect(early.diagnostics.logEvidence).toEqual(ev);
    const late = restoreFit(m, a.toJSON()); // after: copied
    expect(Object.getOwnPropertyDescriptor(late, 'elbo')?.get).toBeDefined();
    expect([late.elbo, late.elboStderr, late.diagnostics.khatReading]).toEqual([elbo, a.elboStderr, a.diagnostics.khatReading]);
  });

  it('refuses a model with other latents, naming the difference', () => {
    const r = fit(expNormalModel([1.3]), { seed: 1, maxSteps: 20, convergence: false });
    const other = new Model({ prior: { y: new Exponential(1) }, likelihood: ({ y }) => new Normal(y, 1), data: [1.3] });
    expect(() => restoreFit(other, r.toJSON())).toThrow(/restoreFit: the result was fitted to a model with latents z \(nonNegative\); this model has y \(nonNegative\)/);
    const wider = new Model({ prior: { z: plate(new Exponential(1), 2) }, likelihood: ({ z }) => new Normal(z[0], 1), data: [1.3] });
    expect(() => restoreFit(wider, r.toJSON())).toThrow(/this model has z\[2\] \(nonNegative\)/);
  });

  it('refuses what is not a saved fit, with a message saying what is wrong', () => {
    const m = expNormalModel([1.3]);
    const json = fit(m, { seed: 1, maxSteps: 20, convergence: false }).toJSON();
    const bad = (patch: Partial<Record<keyof FitResultJSON, unknown>>): FitResultJSON => ({ ...json, ...patch }) as FitResultJSON;
    expect(() => restoreFit(m, { hello: 1 } as never)).toThrow(/restoreFit: not a saved fit/);
    expect(() => restoreFit(m, bad({ version: 2 }))).toThrow(/unsupported version 2/);
    expect(() => restoreFit(m, bad({ params: [1] }))).toThrow(/params must have 2 entries, got 1/);
    expect(() => restoreFit(m, bad({ params: [1, 'x'] }))).toThrow(/params\[1\] must be a number, got "x"/);
    expect(() => restoreFit(m, bad({ paramNames: ['a', 'b'] }))).toThrow(/are not those of the rebuilt guide/);
    expect(() => restoreFit(m, bad({ guide: { kind: 'mine', families: {} } }))).toThrow(/guide kind "mine" is not built in; pass its spec/);
    expect(() => restoreFit(m, bad({ guide: { kind: 'family', families: { z: 'Cauchy' } } }))).toThrow(/guide family "Cauchy" of latent "z"/);
    expect(() => restoreFit(m, bad({ converged: 'yes' }))).toThrow(/converged must be a boolean/);
    expect(() => restoreFit(m, bad({ warnings: [{ code: 1 }] }))).toThrow(/warnings\[0\] must be \{ code, message \}/);
    expect(() => restoreFit(m, bad({ evaluation: { samples: 10, rngState: [0, 0, 0, 0] } }))).toThrow(/state/);
  });

  it('a custom guide kind restores with its spec', () => {
    const m = expNormalModel([1.3]);
    const spec = meanField();
    const custom = { kind: 'myGuide', build: (x: typeof m) => ({ ...spec.build(x), kind: 'myGuide' }) };
    const r = fit(m, { guide: custom, seed: 1, maxSteps: 20, convergence: false });
    expect(r.toJSON().guide.kind).toBe('myGuide');
    expect(restoreFit(m, r.toJSON(), { guide: custom }).params).toEqual(r.params);
  });
});
