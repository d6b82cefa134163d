/**
 * Base samples for the ELBO estimators: plain Monte Carlo (i.i.d. draws from the
 * guide's base law) or randomized quasi-Monte Carlo (Buchholz, Wenzel & Mandt
 * 2018, "Quasi-Monte Carlo variational inference"): the S rows of a step are the
 * first S points of a freshly Owen-scrambled Sobol sequence in [0, 1)ᵈ, pushed
 * through each coordinate's inverse CDF (`Guide.noiseFromUniform`: Φ⁻¹ for
 * Gaussian noise, −log(1 − U) for Exponential guides, the Gamma(α, 1) quantile
 * for Gamma guides). Every row is still an exact draw of the base law, so every
 * estimator stays unbiased, but the rows are stratified, which cuts the variance
 * of smooth integrands far below the i.i.d. 1/S.
 *
 * @module
 */
import type { Rng } from '../random/rng';
import { ScrambledSobol, SOBOL_MAX_DIMENSION } from '../random/sobol';
import { normalQuantile } from '../math/normal-functions';
import type { EstimatorWorkspace, NoiseAwareGuide } from './estimators';
import type { Guide } from './guide';

/**
 * How base samples are drawn: `"mc"` (i.i.d.) or `"rqmc"` (scrambled Sobol points;
 * needs the guide's dimension d ≤ 161, the Sobol directions shipped).
 *
 * @example
 * ```ts
 * fit(model, { baseSamples: 'mc' });
 * estimateElbo(model, { z: new LogNormal(0, 0.5) }, { baseSamples: 'rqmc' });
 * ```
 */
export type BaseSamples = 'mc' | 'rqmc';

/**
 * Fills a workspace's noise rows for a guide at parameters θ, by MC or RQMC.
 * Allocates nothing per call.
 *
 * @example
 * ```ts
 * const src = createNoiseSource(guide, 'rqmc');
 * src.fill(theta, rng, ws); // ws.noise[s], s < ws.samples
 * ```
 */
export interface NoiseSource {
  /** The method actually used (`"rqmc"` falls back to `"mc"` when d > 161). */
  readonly kind: BaseSamples;
  /** Writes ws.samples rows of base noise for θ into ws.noise. */
  fill(params: Float64Array, rng: Rng, ws: EstimatorWorkspace): void;
}

/**
 * A {@link NoiseSource} for `guide`: RQMC when asked and d ≤ 161, else MC.
 *
 * @param guide - the bound guide
 * @param kind - `"mc"` or `"rqmc"`
 * @example
 * ```ts
 * const src = createNoiseSource(guide, 'rqmc');
 * ```
 */
export function createNoiseSource(guide: Guide, kind: BaseSamples): NoiseSource {
  const d = guide.dim;
  // Standard normal noise on every coordinate: fill the S·d block in one loop
  // (the same numbers as row-by-row `drawNoise` / `noiseFromUniform` calls).
  const normal = (guide as NoiseAwareGuide).standardNormalNoise === true;
  if (kind === 'rqmc' && d >= 1 && d <= SOBOL_MAX_DIMENSION) {
    const sobol = new ScrambledSobol(d);
    return {
      kind: 'rqmc',
      fill(params, rng, ws) {
        const S = ws.samples;
        const data = ws.noiseData;
        sobol.fillUniform(rng, data, S);
        if (normal) {
          for (let i = 0; i < S * d; i++) data[i] = normalQuantile(data[i]);
          return;
        }
        const rows = ws.noise;
        for (let s = 0; s < S; s++) guide.noiseFromUniform(params, rows[s], rows[s]);
      },
    };
  }
  return {
    kind: 'mc',
    fill(params, rng, ws) {
      if (normal) {
        const data = ws.noiseData;
        const m = ws.samples * d;
        // A single draw skips the bulk fill's set-up (the same number either way).
        if (m === 1) data[0] = rng.normal();
        else rng.fillNormal(data.length === m ? data : data.subarray(0, m));
        return;
      }
      const rows = ws.noise;
      for (let s = 0; s < ws.samples; s++) guide.drawNoise(params, rng, rows[s]);
    },
  };
}

/** Checks a `baseSamples` option. */
export function isBaseSamples(v: unknown): v is BaseSamples {
  return v === 'mc' || v === 'rqmc';
}
