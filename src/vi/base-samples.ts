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
import type { EstimatorWorkspace } from './estimators';
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
  if (kind === 'rqmc' && d >= 1 && d <= SOBOL_MAX_DIMENSION) {
    const sobol = new ScrambledSobol(d);
    return {
      kind: 'rqmc',
      fill(params, rng, ws) {
        const S = ws.samples;
        sobol.fillUniform(rng, ws.noiseData, S);
        const rows = ws.noise;
        for (let s = 0; s < S; s++) guide.noiseFromUniform(params, rows[s], rows[s]);
      },
    };
  }
  return {
    kind: 'mc',
    fill(params, rng, ws) {
      const rows = ws.noise;
      for (let s = 0; s < ws.samples; s++) guide.drawNoise(params, rng, rows[s]);
    },
  };
}

/** Checks a `baseSamples` option. */
export function isBaseSamples(v: unknown): v is BaseSamples {
  return v === 'mc' || v === 'rqmc';
}

/**
 * Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988):
 * rational approximations with relative error about 1e-16 over (0, 1), no
 * iteration, so a few times cheaper than a refined quantile. Used to map RQMC
 * uniforms to Gaussian base noise.
 */
export function fastNormalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  if (!(r > 0)) return r === 0 ? (q < 0 ? -Infinity : Infinity) : NaN;
  r = Math.sqrt(-Math.log(r));
  let v: number;
  if (r <= 5) {
    r -= 1.6;
    v =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    v =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -v : v;
}
