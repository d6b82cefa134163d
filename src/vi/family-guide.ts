/**
 * Per-latent (mean-field) guides: every coordinate of u has its own family and
 * parameters, q(u; θ) = Π_j q_j(u_j; θ_j). `meanField()` (Normal on each u, as
 * ADVI) and the per-latent families `{ z: LogNormal }`, `{ z: Gamma }`,
 * `{ z: Exponential }`, `{ z: InverseGamma }`, `{ w: Normal }`, `{ p: LogitNormal }`,
 * `{ p: Beta }` are one builder, {@link buildFamilyGuide},
 * a loop over the coordinates that asks each coordinate's
 * {@link CoordinateFamily} (one file per family under `guide-families/`) for its
 * part of every guide operation:
 *
 * | family | parameters θ | u = g(θ, ε) | log q_u(u) |
 * | --- | --- | --- | --- |
 * | location–scale (Normal on u; LogNormal on z = e^u; LogitNormal) | m, ω = log σ | m + e^ω ε, ε ~ N(0, 1) | −½ε² − ω − log√(2π) |
 * | Exponential(λ) on z = e^u | ℓ = log λ | log ε − ℓ, ε ~ Exp(1) | ℓ + u − λe^u |
 * | Gamma(α, β) on z = e^u | a = log α, m = log(α/β) | log ε − a + m, ε ~ Gamma(α, 1), implicit dε/dα | α log β − log Γ(α) + αu − βe^u |
 * | InverseGamma(α, β) on z = e^u | a = log α, h = log(β/α) | a + h − log ε, ε ~ Gamma(α, 1), implicit dε/dα | αt − e^t − log Γ(α), t = log β − u |
 * | Beta(α, β) on z = σ(u) | k = log(α + β), r = log(α/β) | log ε₁ − log ε₂, ε₁ ~ Gamma(α, 1), ε₂ ~ Gamma(β, 1), implicit | α log σ(u) + β log σ(−u) − log B(α, β) |
 *
 * A guide whose coordinates are all location–scale also gets the fused estimators
 * (`location-scale-fused.ts`).
 *
 * @module
 */
import type { DifferentiableModel, LatentBlock } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import type { ContinuousDistribution } from '../distributions/distribution';
import { checkBlocks, coordName, type FamiliesSpec, type GaussianGuideSpec, type GuideControlVariates, type Posterior, type UnconstrainedGaussian } from './guide';
import type { FamilyClass } from './guide-types';
import { invalidOption } from './errors';
import type { NoiseAwareGuide } from './noise-aware-guide';
import { checkInit, initialLocation, type GuideInitOptions, type InitOpts } from './guide-init';
import { CV_PER_COORD, type CoordinateFamily, type ParamUnit } from './guide-families/coordinate-family';
import { defaultCoordinate } from './guide-families/location-scale';
import { locationScaleFused } from './guide-families/location-scale-fused';
import { coordinateFamilyFor } from './guide-families/registry';

/**
 * The default guide, as ADVI: a Normal on every coordinate of the unconstrained
 * vector u, independent across coordinates. Parameters per coordinate: m and
 * ω = log σ (σ = e^ω keeps the scale positive). The fitted posterior is
 * Normal(m, σ) for a real latent and the LogNormal(m, σ) it implies for a
 * positive latent z = e^u.
 *
 * @param options - initialization ({@link GuideInitOptions})
 * @example
 * ```ts
 * import { Exponential, Model, Normal } from 'varinf';
 * import { fit, meanField } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: meanField(), seed: 1 });
 * r.posterior.z; // → LogNormal(mu = -0.32…, sigma = 0.66…): a Normal on u = log z
 * ```
 */
export function meanField(options: GuideInitOptions = {}): GaussianGuideSpec {
  const opts = checkInit('meanField', options);
  return {
    kind: 'meanField',
    build: (model) => buildFamilyGuide(model, 'meanField', defaultCoordinate, opts),
  };
}

/**
 * A guide with one family per latent, given by its class: `LogNormal`, `Gamma`,
 * `Exponential` or `InverseGamma` for a positive latent, `Normal` for a real one,
 * `LogitNormal` for an interval one (Beta, Uniform priors), `Beta` for one in (0, 1)
 * (a Beta prior), applied to every element of a plate. The
 * record may be partial: a latent it leaves out gets the default of
 * {@link meanField} (a Normal on its unconstrained coordinate: Normal, LogNormal or
 * LogitNormal on its own space). A family whose support does not fit the latent's,
 * or a name that is not a latent, throws a `TypeError` that says so (and, for a
 * typed `Model`, does not compile).
 *
 * `fit(model, { guide: { z: Gamma } })` is shorthand for `families({ z: Gamma })`.
 *
 * @param record - latent name → family class, for some or all latents
 * @param options - initialization ({@link GuideInitOptions})
 * @example
 * ```ts
 * import { Exponential, Gamma, Model, Normal } from 'varinf';
 * import { families } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1), m: new Normal(0, 1) }, likelihood: ({ z, m }) => new Normal(m, z), data: [1.3, 0.2] });
 * const guide = families({ z: Gamma }).build(model); // what fit(model, { guide: families({ z: Gamma }) }) fits
 * guide.paramNames; // → ["z.logShape", "z.logMean", "m.mu", "m.logSigma"]: m, left out, gets the default
 * guide.posterior(guide.initialParams()); // → { z: Gamma(…), m: Normal(…) }
 * ```
 */
export function families<const R extends Readonly<Record<string, FamilyClass>>>(record: R, options: GuideInitOptions = {}): FamiliesSpec<R> {
  if (record === null || typeof record !== 'object') invalidOption('families', 'record', 'a record of latent name → family', record);
  const opts = checkInit('families', options);
  return {
    kind: 'family',
    families: record,
    build(model) {
      const names = new Set(model.blocks.map((b) => b.name));
      for (const k of Object.keys(record)) {
        if (!names.has(k)) {
          throw new TypeError(`guide: latent "${k}" is not in the model (its latents are ${[...names].map((n) => `"${n}"`).join(', ')})`);
        }
      }
      return buildFamilyGuide(model, 'family', (block) => coordinateFamilyFor(block, record[block.name]), opts);
    },
  };
}


/**
 * Builds the per-latent guide of `model` whose coordinates (the elements of each
 * latent) follow the coordinate family `familyOf(block)`. θ is the concatenation of
 * the coordinates' parameters (in coordinate order), a noise row the concatenation
 * of their noise values, and every guide operation the sum or concatenation of the
 * coordinates' parts: log q = Σ_j log q_j, H = Σ_j H_j, and so on.
 *
 * @param model - the model
 * @param kind - the guide's kind (`"meanField"` or `"family"`)
 * @param familyOf - the coordinate family of a latent's elements (checked by the caller)
 * @param init - the checked start options
 * @returns the guide
 * @example
 * ```ts
 * import { checkInit } from './guide-init';
 * import { coordinateFamilyFor } from './guide-families/registry';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = buildFamilyGuide(model, 'family', (b) => coordinateFamilyFor(b, Gamma), checkInit('families', {}));
 * guide.paramNames;      // → ["z.logShape", "z.logMean"]
 * guide.initialParams(); // → Float64Array [4.605, -0.3665]: shape 1/0.1² = 100, log mean at the prior's median
 * ```
 * @internal
 */
export function buildFamilyGuide(
  model: DifferentiableModel,
  kind: string,
  familyOf: (block: LatentBlock) => CoordinateFamily,
  init: InitOpts,
): NoiseAwareGuide {
  const blocks = checkBlocks(model);
  const d = model.dim;
  const fams: CoordinateFamily[] = [];
  const pOff = new Int32Array(d);
  const nOff = new Int32Array(d);
  const paramCoord: number[] = [];
  const isExpCoord = new Uint8Array(d);
  const coordBlock: LatentBlock[] = [];
  const paramNames: string[] = [];
  const paramLatent: string[] = [];
  const paramUnits: ParamUnit[] = [];
  const coordLatent: string[] = [];
  const init0: number[] = [];
  let noiseDim = 0;
  for (const block of blocks) {
    const fam = familyOf(block);
    for (let k = 0; k < block.size; k++) {
      const j = block.offset + k;
      const name = coordName(block, k);
      fams.push(fam);
      pOff[j] = paramNames.length;
      nOff[j] = noiseDim;
      noiseDim += fam.noiseSize;
      isExpCoord[j] = block.bijection.name === 'exp' ? 1 : 0;
      coordBlock.push(block);
      coordLatent.push(block.name);
      for (const p of fam.paramNames) paramNames.push(`${name}.${p}`);
      init0.push(...fam.init(initialLocation(model, block, k, init.initLoc), init.initScale));
      paramUnits.push(...fam.paramUnits);
      while (paramLatent.length < paramNames.length) paramLatent.push(block.name);
      while (paramCoord.length < paramNames.length) paramCoord.push(j);
    }
  }
  const numParams = paramNames.length;
  const allLocScale = fams.every((f) => f.locationScale);
  const anyImplicit = fams.some((f) => f.noiseDependsOnParams);

  // Control variates of the base noise, K = 4 per coordinate, each with mean exactly 0
  // under the base law at θ (polynomial and log moments; for a LogNormal, moments of z).
  const controlVariates: GuideControlVariates = {
    perCoord: CV_PER_COORD,
    paramCoord: Int32Array.from(paramCoord),
    features(params, eps, out) {
      for (let j = 0; j < d; j++) fams[j].features(params, pOff[j], eps, nOff[j], out, j * CV_PER_COORD);
    },
  };

  const guide: NoiseAwareGuide = {
    kind,
    dim: d,
    noiseDim,
    numParams,
    paramNames,
    paramLatent,
    paramUnits,
    coordLatent,
    hasAnalyticEntropy: true,
    noiseDependsOnParams: anyImplicit,
    standardNormalNoise: allLocScale,
    initialParams: () => Float64Array.from(init0),

    drawNoise(params, rng: Rng, eps) {
      if (allLocScale) {
        for (let j = 0; j < d; j++) eps[j] = rng.normal();
        return;
      }
      for (let j = 0; j < d; j++) fams[j].drawNoise(params, pOff[j], rng, eps, nOff[j]);
    },

    noiseFromUniform(params, uni, eps) {
      for (let j = 0; j < d; j++) fams[j].noiseFromUniform(params, pOff[j], uni, eps, nOff[j]);
    },

    forward(params, eps, u) {
      for (let j = 0; j < d; j++) u[j] = fams[j].forward(params, pOff[j], eps, nOff[j]);
    },

    logQ(params, u) {
      let s = 0;
      for (let j = 0; j < d; j++) s += fams[j].logQ(params, pOff[j], u[j]);
      return s;
    },

    logQGradU(params, u, out) {
      let s = 0;
      for (let j = 0; j < d; j++) s += fams[j].logQGradU(params, pOff[j], u[j], out, j);
      return s;
    },

    addScore(params, u, scale, g) {
      for (let j = 0; j < d; j++) fams[j].addScore(params, pOff[j], u[j], scale, g);
    },

    backprop(params, eps, _u, gU, scale, g) {
      for (let j = 0; j < d; j++) fams[j].backprop(params, pOff[j], eps, nOff[j], scale * gU[j], g);
    },

    entropy(params) {
      let h = 0;
      for (let j = 0; j < d; j++) h += fams[j].entropy(params, pOff[j]);
      return h;
    },

    addEntropyGrad(params, scale, g) {
      for (let j = 0; j < d; j++) fams[j].addEntropyGrad(params, pOff[j], scale, g);
    },

    controlVariates,

    naturalParams(params, out) {
      for (let j = 0; j < d; j++) fams[j].naturalParams(params, pOff[j], out);
    },

    locateAt(params, u) {
      for (let j = 0; j < d; j++) fams[j].locate(params, pOff[j], u[j]);
    },

    posterior(params) {
      const out: Posterior = {};
      for (const block of blocks) {
        const ds: ContinuousDistribution[] = [];
        for (let k = 0; k < block.size; k++) {
          const j = block.offset + k;
          ds.push(fams[j].distributionFor(coordBlock[j], params, pOff[j]));
        }
        out[block.name] = block.scalar ? ds[0] : ds;
      }
      return out;
    },

    gaussian(params): UnconstrainedGaussian | undefined {
      if (!allLocScale) return undefined;
      const mean = new Float64Array(d);
      const cov = new Float64Array(d * d);
      const names: string[] = [];
      for (const block of blocks) for (let k = 0; k < block.size; k++) names.push(coordName(block, k));
      for (let j = 0; j < d; j++) {
        mean[j] = params[pOff[j]];
        const s = Math.exp(params[pOff[j] + 1]);
        cov[j * d + j] = s * s;
      }
      return { mean, covariance: cov, names };
    },
  };

  if (allLocScale) Object.assign(guide, locationScaleFused(d, isExpCoord));
  return guide;
}
