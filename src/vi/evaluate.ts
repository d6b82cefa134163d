/**
 * Monte-Carlo evaluation of a given q (a record of distribution objects per
 * latent): the ELBO with its gradient, and the importance-sampled log evidence.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { Rng } from '../random/rng';
import { invalidOption, sizeOption } from './errors';
import { checkModelArg } from './check-args';
import { checkOptions, optionKeys } from './check-options';
import { createNoiseSource, isBaseSamples, type BaseSamples } from './base-samples';
import { createWorkspace } from './estimator-workspace';
import { pathwise } from './estimators';
import { sampleLogWeights } from './log-weights';
import { createRowScratch } from './row-scratch';
import { families } from './family-guide';
import type { CoordinateFamily } from './guide-families/coordinate-family';
import { coordinateFamilyFor, familiesOf, paramsFromDistributions } from './guide-families/registry';
import type { Posterior } from './guide';
import { psisKhat, type ParetoDiagnostic } from './psis';

/**
 * Options of {@link estimateElbo} and {@link logEvidence}.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const q = { z: new LogNormal(0, 0.5) };
 * estimateElbo(model, q, { samples: 10_000, seed: 1 }).stderr;                       // ≈ 0.0042: i.i.d. draws
 * estimateElbo(model, q, { samples: 10_000, seed: 1, baseSamples: 'rqmc' }).stderr; // ≈ 0.0012: scrambled Sobol points
 * ```
 */
export interface EvaluateOptions {
  /** Number of Monte-Carlo draws from q (default 10 000). */
  readonly samples?: number;
  /** Seed of the generator (default 0). */
  readonly seed?: number | bigint;
  /**
   * `"mc"` (default): i.i.d. draws, stderr = sd/√n. `"rqmc"` (and `"rqmc-tilted"`,
   * see {@link BaseSamples}): 16 independent
   * randomizations of ⌈n/16⌉ scrambled Sobol points each (d ≤ 161; else MC), so each
   * randomization's mean is unbiased and the stderr is the spread of the 16 means / 4
   * (`estimateElbo` only; `logEvidence` always uses MC).
   */
  readonly baseSamples?: BaseSamples;
}

/**
 * The names of {@link EvaluateOptions}; any other key is refused with an `UnknownOptionError`.
 *
 * @example
 * ```ts
 * import { checkOptions } from './check-options';
 * checkOptions('estimateElbo', { samples: 10 }, EVALUATE_OPTION_KEYS); // → undefined (passes)
 * checkOptions('estimateElbo', { sample: 10 }, EVALUATE_OPTION_KEYS);  // throws UnknownOptionError: estimateElbo: unknown option "sample" (did you mean "samples"?); the options are samples, seed, baseSamples
 * ```
 */
export const EVALUATE_OPTION_KEYS = optionKeys<EvaluateOptions>()(['samples', 'seed', 'baseSamples']);

/**
 * An estimate with its Monte-Carlo standard error.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const q = { z: new Exponential(1.27) };
 * const { value, stderr }: Estimate = logEvidence(model, q, { samples: 10_000, seed: 1 });
 * console.log(`${value} ± ${2 * stderr}`);
 * stderr; // ≈ 0.004
 * ```
 */
export interface Estimate {
  /** The estimate. */
  readonly value: number;
  /** Its standard error (sample sd / √n, or the delta-method value for log evidence). */
  readonly stderr: number;
}

/**
 * {@link estimateElbo}'s result: value, standard error and the gradient in q's own parameters.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const e: ElboEstimate = estimateElbo(model, { z: new LogNormal(0, 0.5) }, { samples: 100_000, seed: 1 });
 * e.gradient.z;       // ≈ { mu: -0.30, sigma: 0.53 }: ∂ELBO/∂μ, ∂ELBO/∂σ (exact −0.3088, 0.5213)
 * e.gradientStderr.z; // ≈ { mu: 0.006, sigma: 0.02 }
 * ```
 */
export interface ElboEstimate extends Estimate {
  /**
   * ∂ELBO/∂(parameter) per latent in the distribution's own parameters
   * (`{ z: { mu, sigma } }`; arrays of records for plates), by the pathwise estimator.
   */
  readonly gradient: Record<string, Record<string, number> | Record<string, number>[]>;
  /** Standard errors of the gradient entries, same shape. */
  readonly gradientStderr: Record<string, Record<string, number> | Record<string, number>[]>;
}

/**
 * {@link logEvidence}'s result: the IS estimate of log p(D), its delta-method stderr and PSIS k̂.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const result = fit(model, { seed: 1 });
 * const ev: EvidenceEstimate = logEvidence(model, result.posterior, { samples: 10_000, seed: 1 });
 * if (ev.pareto.reading === 'poor') console.warn('do not trust this estimate');
 * ev.pareto.reading; // → "poor": the LogNormal q has no density at z = 0, where the posterior has
 * ```
 */
export interface EvidenceEstimate extends Estimate {
  /** The PSIS diagnostic of the importance ratios. */
  readonly pareto: ParetoDiagnostic;
}

function readOptions(owner: string, o: EvaluateOptions): { samples: number; seed: number | bigint; baseSamples: BaseSamples } {
  if (o === null || typeof o !== 'object') invalidOption(owner, 'options', 'an object', o);
  checkOptions(owner, o, EVALUATE_OPTION_KEYS);
  const samples = sizeOption(owner, 'samples', o.samples ?? 10_000);
  const seed = o.seed ?? 0;
  if (!(typeof seed === 'bigint' || Number.isSafeInteger(seed))) invalidOption(owner, 'seed', 'an integer', seed);
  if (o.baseSamples !== undefined && !isBaseSamples(o.baseSamples)) invalidOption(owner, 'baseSamples', '"mc", "rqmc" or "rqmc-tilted"', o.baseSamples);
  return { samples, seed, baseSamples: o.baseSamples ?? 'mc' };
}

/** RQMC randomizations used by estimateElbo for its standard error. */
const RQMC_REPLICATES = 16;

/**
 * ELBO and pathwise gradient as the mean of `replicates` independent estimates of
 * `per` samples each, with standard errors from the spread of the replicates. MC:
 * `per` = 1, one replicate per draw. RQMC: each replicate is a freshly scrambled
 * point set, so the replicates are i.i.d. and unbiased while their points are not.
 */
function replicatedElbo(
  model: DifferentiableModel,
  q: Readonly<Posterior>,
  replicates: number,
  per: number,
  kind: BaseSamples,
  seed: number | bigint,
): ElboEstimate {
  const record = familiesOf(model, q);
  const guide = families(record).build(model);
  const fams = model.blocks.map((block) => coordinateFamilyFor(block, record[block.name]));
  const theta = paramsFromDistributions(model, q);
  const P = guide.numParams;
  const ws = createWorkspace(guide, per);
  const src = createNoiseSource(guide, kind);
  const g = new Float64Array(P);
  // Welford's running mean and sum of squared deviations: no sum of squares, so a
  // gradient near 1e300 (a Gamma q with shape 1e-300) keeps a finite standard error.
  const gMean = new Float64Array(P);
  const gM2 = new Float64Array(P);
  const rng = new Rng(seed);
  let fMean = 0;
  let fM2 = 0;
  for (let r = 0; r < replicates; r++) {
    src.fill(theta, rng, ws);
    const f = pathwise.estimate(model, guide, theta, ws, g);
    toNaturalGradient(model, fams, theta, g);
    const df = f - fMean;
    fMean += df / (r + 1);
    fM2 += df * (f - fMean);
    for (let k = 0; k < P; k++) {
      const d = g[k] - gMean[k];
      gMean[k] += d / (r + 1);
      gM2[k] += d * (g[k] - gMean[k]);
    }
  }
  const R = replicates;
  // Standard error of the mean of R i.i.d. replicates: sample sd / √R. One replicate
  // says nothing about its spread: NaN, not a claimed 0.
  const se = (m2: number): number => (R < 2 ? NaN : Math.sqrt(Math.max(0, m2) / (R - 1) / R));
  return {
    value: fMean,
    stderr: se(fM2),
    gradient: naturalGradient(model, fams, gMean),
    gradientStderr: naturalGradient(model, fams, gM2.map(se)),
  };
}

/**
 * An unbiased Monte-Carlo estimate of ELBO(q) = E_q[log p(z, D) − log q(z)] for a
 * given q (one distribution per latent, of a guide family: `Normal` for real
 * latents; `LogNormal`, `Gamma`, `Exponential` or `InverseGamma` for positive ones;
 * `LogitNormal` for interval ones, `Beta` on (0, 1); an array for a plate), with its
 * standard error and the pathwise gradient with respect to q's own parameters
 * (`{ mu, sigma }`, `{ rate }`, `{ shape, rate }`, `{ shape, scale }`,
 * `{ alpha, beta }`). Draws are reparameterized (location–scale, inverse CDF,
 * implicit for the Gamma-based families).
 *
 * @param model - the model
 * @param q - latent name → distribution
 * @param options - samples (default 10 000), seed (default 0), baseSamples (`"mc"` default, `"rqmc"` or `"rqmc-tilted"`)
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = estimateElbo(model, { z: new LogNormal(0, 0.5) }, { samples: 100_000, seed: 1 });
 * r.value;  // ≈ -1.523 (exact −1.5226)
 * r.stderr; // ≈ 0.0016
 * const g = r.gradient.z as Record<string, number>; // a scalar latent: one record (a plate: one per element)
 * g.sigma;  // ≈ 0.53 (exact 0.5213; stderr ≈ 0.018, in r.gradientStderr)
 * ```
 */
export function estimateElbo(model: DifferentiableModel, q: Readonly<Posterior>, options: EvaluateOptions = {}): ElboEstimate {
  checkModelArg('estimateElbo', model);
  checkPosterior('estimateElbo', q);
  const { samples, seed, baseSamples } = readOptions('estimateElbo', options);
  if (baseSamples !== 'mc') return replicatedElbo(model, q, RQMC_REPLICATES, Math.ceil(samples / RQMC_REPLICATES), baseSamples, seed);
  return replicatedElbo(model, q, samples, 1, 'mc', seed);
}

/**
 * Converts, in place, a gradient in the guide's unconstrained parameters (μ, log σ;
 * log λ; log α, log(α/β); …) to the distributions' own parameters by the chain rule,
 * each coordinate by its family's `naturalGradient` (∂/∂σ = ∂/∂log σ / σ,
 * ∂/∂λ = ∂/∂log λ / λ, for a Gamma with a = log α, m = log(α/β):
 * ∂/∂α = (∂/∂a + ∂/∂m)/α, ∂/∂β = −∂/∂m / β). Applied per sample, so standard errors
 * are those of the natural-parameter gradient.
 */
function toNaturalGradient(model: DifferentiableModel, fams: readonly CoordinateFamily[], theta: Float64Array, g: Float64Array): void {
  let o = 0;
  model.blocks.forEach((block, b) => {
    const fam = fams[b];
    for (let k = 0; k < block.size; k++) {
      fam.naturalGradient(theta, o, g);
      o += fam.numParams;
    }
  });
}

/**
 * Packs a flat natural-parameter gradient (or its standard errors) per latent, under
 * each family's parameter names: { mu, sigma }, { rate }, { shape, rate }, ….
 */
function naturalGradient(
  model: DifferentiableModel,
  fams: readonly CoordinateFamily[],
  g: ArrayLike<number>,
): Record<string, Record<string, number> | Record<string, number>[]> {
  const out: Record<string, Record<string, number> | Record<string, number>[]> = {};
  let o = 0;
  model.blocks.forEach((block, b) => {
    const names = fams[b].naturalNames;
    const recs: Record<string, number>[] = [];
    for (let k = 0; k < block.size; k++) {
      const rec: Record<string, number> = {};
      for (let i = 0; i < names.length; i++) rec[names[i]] = g[o + i];
      o += names.length;
      recs.push(rec);
    }
    out[block.name] = block.scalar ? recs[0] : recs;
  });
  return out;
}

/**
 * Importance-sampled log evidence log p(D) ≈ log (1/n) Σ p(z_i, D)/q(z_i), z_i ~ q
 * (the IWAE-n bound, consistent as n → ∞), with the delta-method standard error
 * sd(w)/(√n · mean(w)) of the log of the mean weight and the PSIS k̂ of the weights
 * (if k̂ > 0.7 the estimate and its stderr are unreliable).
 *
 * @param model - the model
 * @param q - the proposal, latent name → distribution (e.g. a fit's `posterior`)
 * @param options - samples (default 10 000), seed (default 0)
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * // An Exponential q has density at z = 0, as the posterior: the weights are bounded.
 * const fitted = fit(model, { guide: { z: Exponential }, seed: 1 });
 * const r = logEvidence(model, fitted.posterior, { samples: 10_000, seed: 1 });
 * r.value;          // ≈ -1.28, ± r.stderr ≈ 0.004 (exact: 1/2 − x + log Φ(x − 1) = −1.28141 at x = 1.3)
 * r.pareto.reading; // → "good"
 * ```
 */
export function logEvidence(model: DifferentiableModel, q: Readonly<Posterior>, options: EvaluateOptions = {}): EvidenceEstimate {
  checkModelArg('logEvidence', model);
  checkPosterior('logEvidence', q);
  const { samples, seed } = readOptions('logEvidence', options);
  const guide = families(familiesOf(model, q)).build(model);
  const theta = paramsFromDistributions(model, q);
  const lw = new Float64Array(samples);
  sampleLogWeights(model, guide, theta, new Rng(seed), samples, lw, createRowScratch(guide));
  const r = logMeanExpWithStderr(lw);
  return { value: r.value, stderr: r.stderr, pareto: psisKhat(lw) };
}

/**
 * log mean exp of log weights and the delta-method standard error of it:
 * SE = sd(w)/(√n · mean(w)), computed with weights scaled by e^{−max}.
 *
 * @example
 * ```ts
 * logMeanExpWithStderr(Float64Array.of(0, 0));           // → { value: 0, stderr: 0 }
 * logMeanExpWithStderr(Float64Array.of(0, Math.log(3))); // → { value: 0.6931, stderr: 0.5 }: log mean(1, 3) = log 2
 * ```
 */
export function logMeanExpWithStderr(lw: ArrayLike<number>): Estimate {
  if (lw === null || typeof lw !== 'object' || typeof lw.length !== 'number') invalidOption('logMeanExpWithStderr', 'lw', 'an array of numbers', lw);
  const n = lw.length;
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (lw[i] > m || Number.isNaN(lw[i])) m = lw[i];
  if (!Number.isFinite(m)) return { value: m, stderr: NaN };
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const w = Math.exp(lw[i] - m);
    s1 += w;
    s2 += w * w;
  }
  const mean = s1 / n;
  const variance = Math.max(0, s2 / n - mean * mean) * (n / Math.max(1, n - 1));
  return { value: m + Math.log(mean), stderr: Math.sqrt(variance / n) / mean };
}

/** Throws a `TypeError` naming the caller unless `q` is a record (latent name → distribution). */
function checkPosterior(owner: string, q: unknown): void {
  if (q === null || typeof q !== 'object' || Array.isArray(q)) invalidOption(owner, 'q', 'a record of latent name → distribution, e.g. { z: new LogNormal(0, 1) }', q);
}
