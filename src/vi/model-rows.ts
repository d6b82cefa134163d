/**
 * The model's log density at many rows u at once: one batched call when the model
 * has `logDensityBatch` / `logDensityGradientBatch`, else one call per row. Every
 * estimator evaluates the model through these, so a batched model is used
 * everywhere.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { checkModelArg } from './check-args';
import { checkWorkspaceArg, type EstimatorWorkspace } from './estimator-workspace';

/**
 * log p̃ and ∇ᵤ log p̃ at the first `n` rows of `ws.uData`, into `ws.lp` and
 * `ws.gLpData`: one batched call when the model has `logDensityGradientBatch`
 * (a single row goes to `logDensityGradient`, which checks less), else one
 * `logDensityGradient` call per row. For custom estimators: write the u rows, call
 * this once, read the rows back.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ) of z's LogNormal, near the optimum
 * const ws = createWorkspace(guide, 1000);
 * const rng = new Rng(1);
 * for (const eps of ws.noise) guide.drawNoise(theta, rng, eps);
 * for (let s = 0; s < ws.samples; s++) guide.forward(theta, ws.noise[s], ws.u[s]);
 * modelGradientRows(model, ws, ws.samples); // fills ws.lp[s] and ws.gLpRows[s]
 * Math.abs(ws.lp[7] - model.logDensity(ws.u[7])) < 1e-12; // → true
 * ```
 */
export function modelGradientRows(model: DifferentiableModel, ws: EstimatorWorkspace, n: number): void {
  checkModelArg('modelGradientRows', model);
  checkWorkspaceArg('modelGradientRows', ws);
  if (n === 1) {
    // One row (1 sample per step): the single-row method, which checks less.
    ws.lp[0] = model.logDensityGradient(ws.u[0], ws.gLpRows[0]);
    return;
  }
  if (model.logDensityGradientBatch !== undefined) {
    model.logDensityGradientBatch(ws.uData, n, ws.gLpData, ws.lp);
    return;
  }
  const lp = ws.lp;
  for (let s = 0; s < n; s++) lp[s] = model.logDensityGradient(ws.u[s], ws.gLpRows[s]);
}

/**
 * log p̃ at the first `n` rows of `ws.uData` into `ws.lp`, batched when the model
 * has `logDensityBatch`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ) of z's LogNormal, near the optimum
 * const ws = createWorkspace(guide, 1000);
 * const rng = new Rng(1);
 * for (const eps of ws.noise) guide.drawNoise(theta, rng, eps);
 * for (let s = 0; s < ws.samples; s++) guide.forward(theta, ws.noise[s], ws.u[s]);
 * modelValueRows(model, ws, ws.samples); // ws.lp[s] = model.logDensity(ws.u[s])
 * Math.abs(ws.lp[7] - model.logDensity(ws.u[7])) < 1e-12; // → true
 * ```
 */
export function modelValueRows(model: DifferentiableModel, ws: EstimatorWorkspace, n: number): void {
  checkModelArg('modelValueRows', model);
  checkWorkspaceArg('modelValueRows', ws);
  modelValues(model, ws.uData, n, ws.lp, ws.u);
}

/**
 * log p̃ at the `n` rows of `us` (row-major) into `out`: one batched call when the
 * model has `logDensityBatch`, else one `logDensity` call per row, on `rows[i]` when
 * `rows` holds views of the rows (a workspace's `u`, as {@link modelValueRows} passes),
 * else on a copy of the row in `rows` (one scratch row of length d).
 *
 * @example
 * ```ts
 * import { createRowScratch } from './row-scratch';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const rows = createRowScratch(meanField().build(model));
 * rows.blockU.set([-1, 0, 1]); // three u rows of d = 1
 * modelValues(model, rows.blockU, 3, rows.blockLp, rows.u);
 * rows.blockLp[1] === model.logDensity(Float64Array.of(0)); // → true
 * ```
 */
export function modelValues(model: DifferentiableModel, us: Float64Array, n: number, out: Float64Array, rows: Float64Array | readonly Float64Array[]): void {
  if (model.logDensityBatch !== undefined) {
    model.logDensityBatch(us, n, out);
    return;
  }
  if (!(rows instanceof Float64Array)) {
    for (let i = 0; i < n; i++) out[i] = model.logDensity(rows[i]);
    return;
  }
  const row = rows;
  const d = row.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = us[i * d + j];
    out[i] = model.logDensity(row);
  }
}
