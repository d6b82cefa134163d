import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POSTERIORS, readPosterior, validateOne } from '../../validate/run';
import { posteriorModels } from '../../validate/models/index';
import { missingFamilies } from '../../validate/posterior-model';

// The fast subset of `npm run validate`: mesquite (d = 7 regression, n = 46), default
// mean-field guide, seed 1, against posteriordb's reference draws. Skipped where the
// shared posteriors are absent (a clone outside this setup).
const present = existsSync(POSTERIORS);

describe.skipIf(!present)('validation subset (../shared/posteriors)', () => {
  it('mesquite, mean-field, seed 1: |Δmean| ≤ 0.25 sd, sd / ideal mean-field sd in [0.8, 1.25], converged', () => {
    const m = posteriorModels.find((p) => p.file === 'mesquite-logmesquite_logvash')!;
    const r = validateOne(m, readPosterior(m.file), 'mean-field', 1);
    expect(r.converged).toBe(true);
    expect(r.comparison.worstMeanErrorSd).toBeLessThanOrEqual(0.25);
    expect(r.comparison.sdRatioRange[0]).toBeGreaterThanOrEqual(0.8);
    expect(r.comparison.sdRatioRange[1]).toBeLessThanOrEqual(1.25);
    expect(r.comparison.passed).toBe(true);
  }, 30_000);

  it('every posterior file has a model file, and a model with missing families says which', () => {
    const files = ['eight_schools-eight_schools_noncentered', 'earnings-logearn_interaction_z', 'kidiq-kidscore_momiq', 'mesquite-logmesquite_logvash', 'sblri-blr', 'nes_logit_data-nes_logit_model', 'GLM_Binomial_data-GLM_Binomial_model', 'Rate_1_data-Rate_1_model'];
    for (const f of files) expect(posteriorModels.map((m) => m.file)).toContain(f);
    const rate = posteriorModels.find((p) => p.file === 'Rate_1_data-Rate_1_model')!;
    expect(missingFamilies(rate, { Beta: undefined, Binomial: undefined } as never)).toEqual(['Beta', 'Binomial']);
  });
});
