/**
 * The estimators call a model's optional batch methods for all the samples of a
 * step when it has them: a hand-written model with `logDensityBatch` and
 * `logDensityGradientBatch` (which give what its single-row methods give) must fit
 * to the same bits as the same model without them, for every guide and estimator
 * path; and the batch methods are what gets called.
 */
import { describe, expect, it } from 'vitest';
import { Gamma, LogNormal } from '../../src/index';
import type { DifferentiableModel } from '../../src/model/differentiable-model';
import { closedFormEntropy, estimateElbo, fit, fullRank, iwae, logEvidence, pathwise, scoreFunction } from '../../src/vi/index';
import { handSeedModel } from './helpers';

/** handSeedModel with batch methods that count their calls. */
function batched(data: number[]): { model: DifferentiableModel; calls: { value: number; gradient: number; single: number } } {
  const base = handSeedModel(data);
  const calls = { value: 0, gradient: 0, single: 0 };
  const row = new Float64Array(1);
  const g = new Float64Array(1);
  const model: DifferentiableModel = {
    dim: base.dim,
    blocks: base.blocks,
    logDensity: (u) => (calls.single++, base.logDensity(u)),
    logDensityGradient: (u, gr) => (calls.single++, base.logDensityGradient(u, gr)),
    logDensityBatch(us, rows, out) {
      calls.value++;
      for (let r = 0; r < rows; r++) {
        row[0] = us[r];
        out[r] = base.logDensity(row);
      }
    },
    logDensityGradientBatch(us, rows, grads, out) {
      calls.gradient++;
      for (let r = 0; r < rows; r++) {
        row[0] = us[r];
        out[r] = base.logDensityGradient(row, g);
        grads[r] = g[0];
      }
    },
  };
  return { model, calls };
}

const data = [1.3, 0.4];

describe('models with batch methods', () => {
  const cases = [
    { name: 'LogNormal guide (fused estimator)', options: { guide: { z: LogNormal } } },
    { name: 'Gamma guide (generic estimator)', options: { guide: { z: Gamma } } },
    { name: 'full rank', options: { guide: fullRank() } },
    { name: 'pathwise', options: { estimator: pathwise } },
    { name: 'closed-form entropy', options: { estimator: closedFormEntropy } },
    { name: 'IWAE', options: { estimator: iwae, samples: 4 } },
    { name: 'score function', options: { estimator: scoreFunction, samples: 32, maxSteps: 300 } },
  ];
  for (const c of cases) {
    it(`${c.name}: the same fit, through the batch methods`, () => {
      const { model, calls } = batched(data);
      const withBatch = fit(model, { seed: 5, ...c.options });
      const without = fit(handSeedModel(data), { seed: 5, ...c.options });
      expect(Array.from(withBatch.params)).toEqual(Array.from(without.params));
      expect(Array.from(withBatch.trace)).toEqual(Array.from(without.trace));
      expect(withBatch.elbo).toBe(without.elbo);
      expect(withBatch.diagnostics.khat).toBe(without.diagnostics.khat);
      expect(calls.gradient + calls.value).toBeGreaterThan(withBatch.steps);
    });
  }

  it('estimateElbo and logEvidence give the same numbers with and without them', () => {
    const q = { z: new LogNormal(-0.3, 0.6) };
    const { model } = batched(data);
    for (const baseSamples of ['mc', 'rqmc'] as const) {
      const a = estimateElbo(model, q, { samples: 4096, seed: 2, baseSamples });
      const b = estimateElbo(handSeedModel(data), q, { samples: 4096, seed: 2, baseSamples });
      expect(a.value).toBe(b.value);
      expect(a.gradient).toEqual(b.gradient);
    }
    expect(logEvidence(model, q, { samples: 3000, seed: 3 }).value).toBe(logEvidence(handSeedModel(data), q, { samples: 3000, seed: 3 }).value);
  });
});
