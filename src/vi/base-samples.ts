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
import type { EstimatorWorkspace } from './estimator-workspace';
import type { NoiseAwareGuide } from './noise-aware-guide';
import { noiseDimOf, type Guide } from './guide';
import { checkGuideArg } from './check-args';

/**
 * How base samples are drawn: `"mc"` (i.i.d.), `"rqmc"` (scrambled Sobol points;
 * needs the guide's dimension d ≤ 161, the Sobol directions shipped) or
 * `"rqmc-tilted"`: the same points mapped to N(0, τ²) instead of N(0, 1) and
 * importance-weighted back, w = Π τ·e^{−ε²(1 − τ⁻²)/2}. The heavier-tailed proposal
 * makes integrands that grow like e^{cε} (the gradient of a LogNormal guide holds
 * z² = e^{2μ + 2σε}) bounded in the uniform, so the stratification works in the
 * tails too; τ is chosen per dimension so that E w² = 1.2 (τ ≈ 1.5 for d = 1,
 * 1.05 for d = 50). Gaussian base noise only (Normal/LogNormal families and
 * `meanField()`), with the pathwise and sticking-the-landing estimators.
 *
 * @example
 * ```ts
 * import { Exponential, LogNormal, Model, Normal } from 'varinf';
 * import { estimateElbo, fit, type BaseSamples } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const mc: BaseSamples = 'mc';
 * fit(model, { baseSamples: mc, seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * estimateElbo(model, { z: new LogNormal(0, 0.5) }, { baseSamples: 'rqmc', seed: 1 }).value; // ≈ -1.52
 * fit(model, { guide: { z: LogNormal }, baseSamples: 'rqmc-tilted', seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export type BaseSamples = 'mc' | 'rqmc' | 'rqmc-tilted';

/**
 * Fills a workspace's noise rows for a guide at parameters θ, by MC or RQMC.
 * Allocates nothing per call.
 *
 * @example
 * ```ts
 * import { createWorkspace } from './estimator-workspace';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const ws = createWorkspace(guide, 16);
 * const src: NoiseSource = createNoiseSource(guide, 'rqmc');
 * src.fill(guide.initialParams(), new Rng(1), ws); // ws.noise[s], s < ws.samples
 * ws.noise.filter((eps) => eps[0] < 0).length; // → 8: stratified, half of the 16 points below the median
 * ```
 */
export interface NoiseSource {
  /** The method actually used (`"rqmc"` falls back to `"mc"` when d > 161). */
  readonly kind: BaseSamples;
  /** Writes ws.samples rows of base noise for θ into ws.noise. */
  fill(params: Float64Array, rng: Rng, ws: EstimatorWorkspace): void;
}

/**
 * A {@link NoiseSource} for `guide`: RQMC when asked and the noise row (d values, or
 * the guide's `noiseDim`) has at most 161, else MC.
 *
 * @param guide - the bound guide
 * @param kind - `"mc"` or `"rqmc"`
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * createNoiseSource(meanField().build(model), 'rqmc').kind; // → "rqmc"
 * ```
 */
export function createNoiseSource(guide: Guide, kind: BaseSamples): NoiseSource {
  checkGuideArg('createNoiseSource', guide);
  // The length of a noise row: d, or more for a guide with several noise values per coordinate (Beta).
  const d = noiseDimOf(guide);
  if (kind === 'rqmc-tilted') return tiltedSource(guide);
  // Standard normal noise on every coordinate: fill the S·d block in one loop
  // (the same numbers as row-by-row `drawNoise` / `noiseFromUniform` calls).
  const normal = (guide as NoiseAwareGuide).standardNormalNoise === true;
  if (kind === 'rqmc' && d >= 1 && d <= SOBOL_MAX_DIMENSION) {
    const sobol = new ScrambledSobol(d);
    return {
      kind: 'rqmc',
      fill(params, rng, ws) {
        ws.weighted = false;
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
      ws.weighted = false;
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
  return v === 'mc' || v === 'rqmc' || v === 'rqmc-tilted';
}

/**
 * The proposal scale τ > 1 for d coordinates with E w² = (τ²/√(2τ² − 1))ᵈ = 1.2:
 * per coordinate f = 1.2^{1/d}, and τ² = f² + f√(f² − 1) solves τ⁴ = f²(2τ² − 1).
 */
export function tiltScale(d: number): number {
  const f = Math.pow(1.2, 1 / d);
  return Math.sqrt(f * f + f * Math.sqrt(f * f - 1));
}

/** The `"rqmc-tilted"` source: ε = τ Φ⁻¹(v) from scrambled Sobol points, and the weights. */
function tiltedSource(guide: Guide): NoiseSource {
  const d = guide.dim;
  const ng = guide as NoiseAwareGuide;
  if (ng.standardNormalNoise !== true || ng.reparamFused === undefined || d < 1 || d > SOBOL_MAX_DIMENSION) {
    throw new TypeError(
      `baseSamples "rqmc-tilted" needs Gaussian base noise on at most ${SOBOL_MAX_DIMENSION} coordinates with the fused estimator (Normal or LogNormal families, meanField()); this ${guide.kind} guide has not`,
    );
  }
  const sobol = new ScrambledSobol(d);
  const tau = tiltScale(d);
  // log w = d log τ − (τ² − 1)/2 · Σ η², with ε = τ η.
  const logTau = d * Math.log(tau);
  const c = 0.5 * (tau * tau - 1);
  return {
    kind: 'rqmc-tilted',
    fill(_params, rng, ws) {
      const S = ws.samples;
      const data = ws.noiseData;
      const w = ws.weights;
      sobol.fillUniform(rng, data, S);
      for (let s = 0, r = 0; s < S; s++, r += d) {
        let e2 = 0;
        for (let j = 0; j < d; j++) {
          const eta = normalQuantile(data[r + j]);
          e2 += eta * eta;
          data[r + j] = tau * eta;
        }
        w[s] = Math.exp(logTau - c * e2);
      }
      ws.weighted = true;
    },
  };
}
