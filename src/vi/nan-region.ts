/**
 * Telling a NaN the model produced inside the support from a true zero density.
 *
 * On the unconstrained space every finite u maps inside the support, and
 * `Model.logDensity` turns an `InvalidParameterError` thrown while building the
 * likelihood into −∞ (so a rate e^u that underflows to 0 does not crash a fit).
 * That also turns a likelihood that *computes* NaN (e.g. `sqrt` of a negative
 * difference) into "zero density": the fit would quietly truncate the posterior
 * there. This module re-evaluates, on the failure path only, the rows of a step
 * whose log density is −∞ with the model's own `logJoint` (which throws), and
 * reports the first row whose error carries a NaN value.
 *
 * @module
 */
import { InvalidParameterError } from '../errors';
import type { DifferentiableModel } from '../model/differentiable-model';
import { coordName } from './guide';

/**
 * A NaN the model produced at a point inside the support.
 *
 * @example
 * ```ts
 * // sqrt(z) is NaN where z < 0: a scale that the Normal prior lets go negative.
 * const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(0, sqrt(z)), data: [0.5] });
 * const us = Float64Array.of(1, -1.25); // two rows u of d = 1
 * const lp = us.map((u) => model.logDensity(Float64Array.of(u))); // → Float64Array [-2, -Infinity]
 * const hit: NanParameter | undefined = findNanParameter(model, us, 2, lp);
 * if (hit) console.log(hit.latents, hit.message);
 * ```
 */
export interface NanParameter {
  /** The latents' values there, e.g. `"z = -1.25"`. */
  readonly at: string;
  /** The names of the latents (every latent of the model: the NaN may depend on any). */
  readonly latents: readonly string[];
  /** The message of the error the model raised. */
  readonly message: string;
  /** The first latent's name. */
  readonly latent: string;
}

interface WithLogJoint {
  logJoint(values: Record<string, number | Float64Array>): number;
}

function hasLogJoint(m: unknown): m is WithLogJoint {
  return typeof (m as { logJoint?: unknown }).logJoint === 'function';
}

/**
 * Looks at `rows` u rows (row-major, `model.dim` each) whose `logDensity` is −∞ or
 * NaN (`lp`; NaN entries of `lp` count too) and returns the first where the
 * model's `logJoint` raises an `InvalidParameterError` whose value is NaN, or where
 * the log density itself is NaN. Undefined when there is none or the model has no
 * `logJoint` (a hand-written `DifferentiableModel`).
 *
 * @param model - the model
 * @param us - the rows
 * @param rows - how many rows
 * @param lp - their log densities
 * @returns the first NaN found, or undefined
 * @example
 * ```ts
 * // sqrt(z) is NaN where z < 0: a scale that the Normal prior lets go negative.
 * const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(0, sqrt(z)), data: [0.5] });
 * const us = Float64Array.of(1, -1.25); // two rows u of d = 1
 * const lp = us.map((u) => model.logDensity(Float64Array.of(u))); // → Float64Array [-2, -Infinity]
 * findNanParameter(model, us, 2, lp); // → { at: "z = -1.25000", latents: ["z"], latent: "z", message: "Normal: sigma must be > 0 and finite, got NaN" }
 * ```
 */
export function findNanParameter(model: DifferentiableModel, us: Float64Array, rows: number, lp: Float64Array): NanParameter | undefined {
  const d = model.dim;
  for (let r = 0; r < rows; r++) {
    const v = lp[r];
    if (v > -Infinity && !Number.isNaN(v)) continue;
    const u = us.subarray(r * d, (r + 1) * d);
    if (!u.every(Number.isFinite)) continue;
    const values: Record<string, number | Float64Array> = {};
    const parts: string[] = [];
    for (const b of model.blocks) {
      const z = new Float64Array(b.size);
      for (let k = 0; k < b.size; k++) {
        z[k] = b.bijection.forward(u[b.offset + k]);
        if (parts.length < 8) parts.push(`${coordName(b, k)} = ${z[k].toPrecision(6)}`);
      }
      values[b.name] = b.scalar ? z[0] : z;
    }
    const at = parts.join(', ') + (d > 8 ? ', …' : '');
    const latents = model.blocks.map((b) => b.name);
    if (Number.isNaN(v)) return { at, latents, latent: latents[0], message: 'the log density is NaN' };
    if (!hasLogJoint(model)) continue;
    try {
      model.logJoint(values);
    } catch (e) {
      if (e instanceof InvalidParameterError && typeof e.value === 'number' && Number.isNaN(e.value)) {
        return { at, latents, latent: latents[0], message: e.message };
      }
    }
  }
  return undefined;
}
