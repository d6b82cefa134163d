/**
 * A cheap check for several optima: mode searches from dispersed starts.
 *
 * After the main mode search (`map.ts`), `restarts` more L-BFGS runs start at
 * û + 2.5·C ε (ε ~ N(0, I), seeded; C the Laplace factor at û, so the starts lie
 * about 2.5 posterior sds away in random directions). Every end point with a
 * positive-definite curvature is a mode; two modes are distinct when each lies more
 * than 3 of the other's Laplace sds away (Mahalanobis distance ‖C⁻¹(û₁ − û₂)‖).
 * Modes are compared by their Laplace mass log p̃(û) + ½ log det(2π H⁻¹); the check
 * reports every mode holding at least 1 % of the largest one's. Cost: `restarts`
 * (default 4) mode searches, i.e. a few hundred gradient evaluations on the
 * posteriors of docs/validation.md, small against a fit's thousands of 16-draw
 * steps. Limits: it finds modes the random starts fall into (a mode far outside
 * 2.5 sds can be missed), and Laplace masses are rough for skewed modes.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { Rng } from '../random/rng';
import { laplaceStart, lowerInverse, type LaplaceStart } from './map';

/**
 * What the mode check found.
 *
 * @example
 * ```ts
 * import { laplaceStart } from './map';
 * // y = 4 ~ Normal(z², 0.1): modes at z ≈ ±2; fit's search starts at the prior's median, z = 0, between them.
 * const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(square(z), 0.1), data: [4] });
 * const r: ModeReport = checkModes(model, laplaceStart(model, new Float64Array(1)), 1);
 * if (r.modes > 1) console.warn(r.message);
 * r.modes; // → 2
 * ```
 */
export interface ModeReport {
  /** Distinct modes holding ≥ 1 % of the largest Laplace mass. */
  readonly modes: number;
  /** The modes' locations on u. */
  readonly locations: readonly Float64Array[];
  /** Their Laplace log masses. */
  readonly logMasses: readonly number[];
  /** A sentence for the `multimodal` warning. */
  readonly message: string;
  /** The mode with the largest Laplace mass (undefined when none was found). */
  readonly best: LaplaceStart | undefined;
}

/**
 * Runs the restarts around `main` and groups the modes found.
 *
 * @param model - the model
 * @param main - the main mode search's result
 * @param seed - seed of the dispersed starts
 * @param restarts - how many (default 4)
 * @returns the report
 * @example
 * ```ts
 * import { laplaceStart } from './map';
 * // y = 4 ~ Normal(z², 0.1): modes at z ≈ ±2; fit's search starts at the prior's median, z = 0, between them.
 * const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(square(z), 0.1), data: [4] });
 * checkModes(model, laplaceStart(model, new Float64Array(1)), 1).modes; // → 2
 * ```
 */
export function checkModes(model: DifferentiableModel, main: LaplaceStart, seed: number | bigint, restarts = 4): ModeReport {
  const d = model.dim;
  const rng = new Rng(seed);
  for (let k = 0; k < 6; k++) rng.jump();
  const found: LaplaceStart[] = main.positiveDefinite ? [main] : [];
  const x = new Float64Array(d);
  for (let r = 0; r < restarts; r++) {
    const e = new Float64Array(d);
    for (let j = 0; j < d; j++) e[j] = 2.5 * rng.normal();
    for (let i = 0; i < d; i++) {
      let s = main.mode[i];
      for (let k = 0; k <= i; k++) s += main.factor[i * d + k] * e[k];
      x[i] = s;
    }
    const m = laplaceStart(model, x);
    if (m.positiveDefinite && (m.status === 'mode' || m.status === 'budget') && Number.isFinite(m.logDensity)) found.push(m);
  }
  // Group by Mahalanobis distance, keeping the higher mode of each group.
  const modes: LaplaceStart[] = [];
  for (const m of found) {
    const j = modes.findIndex((o) => distance(o, m.mode, d) <= 3 || distance(m, o.mode, d) <= 3);
    if (j < 0) modes.push(m);
    else if (m.logDensity > modes[j].logDensity) modes[j] = m;
  }
  const mass = modes.map((m) => laplaceLogMass(m, d));
  const best = Math.max(...mass);
  const keep = modes.map((_, i) => i).filter((i) => mass[i] >= best + Math.log(0.01));
  const locations = keep.map((i) => modes[i].mode);
  const logMasses = keep.map((i) => mass[i]);
  const parts = keep.map((i) => `u = [${Array.from(modes[i].mode.subarray(0, 4), (v) => v.toPrecision(4)).join(', ')}${d > 4 ? ', …' : ''}] (Laplace mass ${(100 * Math.exp(mass[i] - best)).toPrecision(3)} % of the largest)`);
  const top = mass.indexOf(best);
  return {
    best: top >= 0 ? modes[top] : undefined,
    modes: keep.length,
    locations,
    logMasses,
    message: `${keep.length} separate modes of the log joint were found from dispersed starts: ${parts.join('; ')}. A Gaussian guide fits one of them; the result depends on the start (see docs/diagnostics.md, "Several optima")`,
  };
}

/** ‖C⁻¹(x − û)‖ in the Laplace metric of `m`. */
function distance(m: LaplaceStart, x: Float64Array, d: number): number {
  const Ci = lowerInverse(m.factor, d);
  let s2 = 0;
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let k = 0; k <= i; k++) s += Ci[i * d + k] * (x[k] - m.mode[k]);
    s2 += s * s;
  }
  return Math.sqrt(s2);
}

/** log p̃(û) + (d/2) log 2π + log det C (C Cᵀ = H⁻¹). */
function laplaceLogMass(m: LaplaceStart, d: number): number {
  let ld = 0;
  for (let i = 0; i < d; i++) ld += Math.log(m.factor[i * d + i]);
  return m.logDensity + 0.5 * d * Math.log(2 * Math.PI) + ld;
}
