/**
 * The guide families by class: the one list a new family is added to. Everything
 * that names, checks or looks up a per-latent family (guide records, `families()`,
 * `estimateElbo`'s q, saved fits, the messages listing the families) reads it.
 *
 * @module
 */
import type { ContinuousDistribution } from '../../distributions/distribution';
import type { LatentBlock } from '../../model/differentiable-model';
import { coordName } from '../guide';
import type { FamilyClass } from '../guide-types';
import type { CoordinateFamily, GuideFamily } from './coordinate-family';
import { betaGuide } from './beta';
import { exponentialGuide } from './exponential';
import { gammaGuide } from './gamma';
import { inverseGammaGuide } from './inverse-gamma';
import { defaultCoordinate, logitNormalGuide, logNormalGuide, normalGuide } from './location-scale';

/**
 * Every guide family, in the order messages list them (and `instanceof` matches a
 * q), grouped by the latents they fit: real, positive, interval.
 *
 * @example
 * ```ts
 * GUIDE_FAMILY_LIST.map((f) => f.name); // → ["Normal", "LogNormal", "Gamma", "Exponential", "InverseGamma", "LogitNormal", "Beta"]
 * ```
 */
export const GUIDE_FAMILY_LIST: readonly GuideFamily[] = [normalGuide, logNormalGuide, gammaGuide, exponentialGuide, inverseGammaGuide, logitNormalGuide, betaGuide];

/**
 * The guide family of a class, or undefined when the class is not one.
 *
 * @param cls - a class (anything)
 * @returns its entry
 * @example
 * ```ts
 * guideFamilyOf(Gamma)?.name;    // → "Gamma"
 * guideFamilyOf(StudentT)?.name; // → undefined: not a guide family
 * ```
 */
export function guideFamilyOf(cls: unknown): GuideFamily | undefined {
  for (const f of GUIDE_FAMILY_LIST) if (f.cls === cls) return f;
  return undefined;
}

/**
 * "A, B or C" from a list of names.
 *
 * @example
 * ```ts
 * orList(['Normal', 'Gamma', 'Beta']); // → "Normal, Gamma or Beta"
 * ```
 */
export function orList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Every family's name, in list order, as "A, B or C". */
const allFamilies = (): string => orList(GUIDE_FAMILY_LIST.map((f) => f.name));

/**
 * A family's name for messages: the registry's, else the class name, else the value.
 *
 * @example
 * ```ts
 * familyName(Gamma);    // → "Gamma": the registry's name
 * familyName(StudentT); // → "StudentT": not a guide family, its class name
 * ```
 */
export function familyName(f: unknown): string {
  const g = guideFamilyOf(f);
  if (g !== undefined) return g.name;
  return typeof f === 'function' && typeof f.name === 'string' ? f.name : String(f);
}

/**
 * "use A, B or C": the families that fit a latent of this support kind and, where
 * a family needs one, its bijection (Beta only on (0, 1)); all of the kind's families
 * when none has the latent's bijection (a hand-written model's own transform).
 */
function fitting(block: LatentBlock): string {
  const of = (kind: string): GuideFamily[] => GUIDE_FAMILY_LIST.filter((f) => (f.fits.supports as readonly string[]).includes(kind));
  let fams = of(block.support.kind);
  // A hand-made support of another kind: the interval families, as for any non-real, non-positive kind.
  if (fams.length === 0) fams = of('interval');
  const withBijection = fams.filter((f) => f.fits.bijection === undefined || f.fits.bijection === block.bijection.name);
  return `use ${orList((withBijection.length > 0 ? withBijection : fams).map((f) => f.name))}`;
}

/**
 * The coordinate family of latent `block`'s elements under guide family `f`
 * (`undefined`: the default location–scale coordinate of `meanField()`).
 *
 * @param block - the latent
 * @param f - the family class from the guide record, or undefined
 * @returns the coordinate family
 * @throws TypeError when `f` is not a guide family, its support does not fit the
 *   latent's, or the latent does not use the bijection the family needs (the message
 *   lists the families that fit)
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * coordinateFamilyFor(model.blocks[0], Gamma).paramNames;     // → ["logShape", "logMean"]
 * coordinateFamilyFor(model.blocks[0], undefined).paramNames; // → ["mu", "logSigma"]: the default
 * coordinateFamilyFor(model.blocks[0], Normal); // throws TypeError: guide: family Normal (support real) does not fit latent "z" (support nonNegative); use LogNormal, Gamma, Exponential or InverseGamma
 * ```
 */
export function coordinateFamilyFor(block: LatentBlock, f: FamilyClass | undefined): CoordinateFamily {
  // A latent the record leaves out gets the default: a Normal on its unconstrained
  // coordinate, as meanField() (Normal, LogNormal or LogitNormal on its own space).
  if (f === undefined) return defaultCoordinate(block);
  const g = guideFamilyOf(f);
  if (g === undefined) throw new TypeError(`guide: ${familyName(f)} for latent "${block.name}" is not a guide family; use ${allFamilies()}`);
  if (!(g.fits.supports as readonly string[]).includes(block.support.kind)) {
    throw new TypeError(`guide: family ${g.name} (support ${g.fits.label}) does not fit latent "${block.name}" (support ${block.support.kind}); ${fitting(block)}`);
  }
  if (g.fits.bijection !== undefined && block.bijection.name !== g.fits.bijection) {
    throw new TypeError(`guide: family ${g.name} needs latent "${block.name}" to use the ${g.fits.bijection} bijection, got ${block.bijection.name}`);
  }
  return g.coordinate(block);
}

/**
 * The guide family of a distribution object (the first whose class it is an
 * instance of), or undefined.
 *
 * @example
 * ```ts
 * guideFamilyOfDistribution(new Gamma(2, 3))?.name; // → "Gamma"
 * ```
 */
export function guideFamilyOfDistribution(d: unknown): GuideFamily | undefined {
  for (const f of GUIDE_FAMILY_LIST) if (d instanceof f.cls) return f;
  return undefined;
}

/** A distribution's name for messages (its `name`, else the value as text). */
function familyLabel(x: unknown): string {
  if (x !== null && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') return (x as { name: string }).name;
  return String(x);
}

/**
 * The guide family of each latent of a given q (latent name → distribution, an
 * array of one family for a plate), as a guide record for `families()`.
 *
 * @param model - the model (its blocks)
 * @param q - latent name → distribution
 * @returns latent name → family class
 * @throws TypeError for a name that is not a latent, a missing latent, a plate of
 *   the wrong length or of mixed families, or a distribution that is no guide family
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * familiesOf(model, { z: new Gamma(2, 3) }).z === Gamma; // → true: the record { z: Gamma }
 * familiesOf(model, { z: new StudentT(3, 0, 1) }); // throws TypeError: q: latent "z" needs a Normal, LogNormal, Gamma, Exponential, InverseGamma, LogitNormal or Beta, got StudentT
 * ```
 */
export function familiesOf(model: { readonly blocks: readonly LatentBlock[] }, q: Readonly<Record<string, unknown>>): Record<string, FamilyClass> {
  const rec: Record<string, FamilyClass> = {};
  for (const name of Object.keys(q)) {
    if (!model.blocks.some((b) => b.name === name)) {
      throw new TypeError(`q: latent "${name}" is not in the model (its latents are ${model.blocks.map((b) => `"${b.name}"`).join(', ')})`);
    }
  }
  for (const block of model.blocks) {
    const v = q[block.name];
    if (v === undefined) throw new TypeError(`q: no distribution for latent "${block.name}"`);
    if (Array.isArray(v) && v.length !== block.size) {
      throw new TypeError(`q: latent "${block.name}" is a plate of ${block.size}, got ${v.length} distributions`);
    }
    const first = Array.isArray(v) ? v[0] : v;
    const cls = guideFamilyOfDistribution(first)?.cls;
    if (cls === undefined) throw new TypeError(`q: latent "${block.name}" needs a ${allFamilies()}, got ${familyLabel(first)}`);
    if (Array.isArray(v)) {
      for (const e of v) if (!(e instanceof cls)) throw new TypeError(`q: the elements of plate "${block.name}" must share one family`);
    }
    rec[block.name] = cls;
  }
  return rec;
}

/**
 * Writes the unconstrained parameters of a per-latent guide that reproduce the
 * given distributions (the inverse of the guide's `posterior`), element by element
 * through each family's `paramsFromDistribution`: LogNormal/Normal(μ, σ) → (μ, log σ),
 * Exponential(λ) → log λ, Gamma(α, β) → (log α, log(α/β)), ….
 *
 * @param model - the model (its blocks)
 * @param q - latent name → distribution (checked by {@link familiesOf})
 * @returns θ
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * paramsFromDistributions(model, { z: new LogNormal(0, 0.5) }); // → Float64Array [0, -0.6931]: (μ, log σ)
 * paramsFromDistributions(model, { z: new Gamma(2, 4) });       // → Float64Array [0.6931, -0.6931]: (log α, log(α/β))
 * ```
 */
export function paramsFromDistributions(model: { readonly blocks: readonly LatentBlock[] }, q: Readonly<Record<string, unknown>>): Float64Array {
  const out: number[] = [];
  for (const block of model.blocks) {
    const v = q[block.name];
    for (let k = 0; k < block.size; k++) {
      const dist = Array.isArray(v) ? v[k] : v;
      const coord = coordName(block, k);
      const f = guideFamilyOfDistribution(dist);
      if (f === undefined) throw new TypeError(`q: latent "${coord}" needs a ${allFamilies()}, got ${familyLabel(dist)}`);
      out.push(...f.coordinate(block).paramsFromDistribution(dist as ContinuousDistribution, block, coord));
    }
  }
  return Float64Array.from(out);
}
