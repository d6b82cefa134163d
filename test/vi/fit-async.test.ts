/**
 * fitAsync (same bits as fit, yields to the event loop), AbortSignal in fit,
 * fitSteps and fitAsync, and progress of the step-size search phase.
 */
import { describe, expect, it } from 'vitest';
import { Gamma, InvalidParameterError } from '../../src/index';
import { adam, fit, fitAsync, fitSteps, fullRank, type FitProgress } from '../../src/vi/index';
import { expNormalModel } from './helpers';

const model = expNormalModel([1.3, 0.4, 2.2]);

describe('fitAsync', () => {
  for (const [label, options] of [
    ['mean-field', { seed: 1 }],
    ['Gamma guide', { seed: 3, guide: { z: Gamma } }],
    ['full rank, fixed budget', { seed: 5, guide: fullRank(), convergence: false, maxSteps: 700 }],
  ] as const) {
    it(`gives fit's result bit for bit (${label})`, async () => {
      const a = fit(model, options);
      const b = await fitAsync(model, options);
      expect(b.params).toEqual(a.params);
      expect(b.trace).toEqual(a.trace);
      expect([b.steps, b.converged, b.diagnostics.stepSize, b.diagnostics.stopReason]).toEqual([a.steps, a.converged, a.diagnostics.stepSize, a.diagnostics.stopReason]);
      expect(String(b.posterior.z)).toBe(String(a.posterior.z));
      expect(b.elbo).toBe(a.elbo);
    });
  }

  it('yields to the event loop while it works: timers run during a long fit', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const r = await fitAsync(model, { seed: 2, convergence: false, maxSteps: 30_000 });
    clearInterval(timer);
    expect(r.steps).toBe(30_000);
    expect(ticks).toBeGreaterThan(2);
  });

  it('rejects (does not throw synchronously) on bad options', async () => {
    const p = fitAsync(model, { samples: 0 });
    expect(p).toBeInstanceOf(Promise);
    await expect(p).rejects.toThrow(InvalidParameterError);
  });
});

describe('AbortSignal', () => {
  /** A signal aborted with `reason` at optimize step `at` (deterministic, from onStep). */
  function abortAt(at: number, reason?: unknown): { signal: AbortSignal; onStep: (p: FitProgress) => void; seen: () => number } {
    const c = new AbortController();
    let last = 0;
    return {
      signal: c.signal,
      onStep: (p) => {
        last = p.step;
        if (p.step === at) c.abort(reason);
      },
      seen: () => last,
    };
  }

  it('fit stops at the next step with the signal\'s reason', () => {
    const reason = new Error('user cancelled');
    const a = abortAt(40, reason);
    let err: unknown;
    try {
      fit(model, { seed: 1, signal: a.signal, onStep: a.onStep });
    } catch (e) {
      err = e;
    }
    expect(err).toBe(reason);
    expect(a.seen()).toBe(40);
  });

  it('the default reason is an AbortError', () => {
    const a = abortAt(10);
    expect(() => fit(model, { seed: 1, signal: a.signal, onStep: a.onStep })).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('fitSteps stops at the next next()', () => {
    const c = new AbortController();
    const it = fitSteps(model, { seed: 1, signal: c.signal });
    for (let i = 0; i < 5; i++) expect(it.next().done).toBe(false);
    c.abort('stop');
    expect(() => it.next()).toThrow();
    let reason: unknown;
    try {
      fitSteps(model, { seed: 1, signal: c.signal });
    } catch (e) {
      reason = e;
    }
    expect(reason).toBe('stop'); // already aborted: at the call
  });

  it('fitAsync rejects with the reason when aborted mid-fit (by a timer, while it yields)', async () => {
    const c = new AbortController();
    const reason = new Error('timeout');
    const p = fitAsync(model, { seed: 1, signal: c.signal, convergence: false, maxSteps: 10_000_000 });
    setTimeout(() => c.abort(reason), 20);
    await expect(p).rejects.toBe(reason);
  });

  it('an already-aborted signal throws at once, before any step', async () => {
    const c = new AbortController();
    c.abort();
    let steps = 0;
    expect(() => fit(model, { signal: c.signal, onStep: () => void steps++ })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(() => fitSteps(model, { signal: c.signal })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    await expect(fitAsync(model, { signal: c.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(steps).toBe(0);
  });

  it('a signal that is not an AbortSignal is refused', () => {
    expect(() => fit(model, { signal: {} as AbortSignal })).toThrow(/fit: signal must be an AbortSignal/);
  });
});

describe('progress of the step-size search', () => {
  it('onStep sees the search phase (step 0) then the optimize phase, as fitSteps yields them', () => {
    const seen: FitProgress['phase'][] = [];
    const r = fit(model, { seed: 1, stepSizeSearch: { steps: 20 }, onStep: (p) => void seen.push(p.phase) });
    const yielded: FitProgress['phase'][] = [];
    const it = fitSteps(model, { seed: 1, stepSizeSearch: { steps: 20 } });
    for (let x = it.next(); !x.done; x = it.next()) yielded.push(x.value.phase);
    expect(seen).toEqual(yielded);
    const tried = r.diagnostics.stepSizeSearch.length;
    expect(seen.filter((p) => p === 'search').length).toBe(20 * tried);
    expect(seen.indexOf('optimize')).toBe(20 * tried);
    expect(seen.filter((p) => p === 'optimize').length).toBe(r.steps);
  });

  it('onStep returning false during the search stops the fit there', () => {
    let calls = 0;
    const r = fit(model, {
      seed: 1,
      onStep: (p) => {
        calls++;
        return !(p.phase === 'search' && calls === 7);
      },
    });
    expect(calls).toBe(7);
    expect([r.steps, r.diagnostics.stopReason, r.converged]).toEqual([0, 'stopped', false]);
    expect(r.params.every(Number.isFinite)).toBe(true);
  });

  it('with a given lr there is no search phase', () => {
    const phases = new Set<string>();
    fit(model, { seed: 1, optimizer: adam({ lr: 0.05 }), maxSteps: 50, convergence: false, onStep: (p) => void phases.add(p.phase) });
    expect([...phases]).toEqual(['optimize']);
  });
});
