/**
 * The log weights f = log p̃(u) − log q(u) of draws u = g(θ, ε) and their mean, the
 * ELBO value, without a gradient: on the rows of a workspace (`elboValue`) or on n
 * fresh draws in blocks (`sampleLogWeights`, what the step-size search, the
 * convergence checks and the final evaluation use). log q comes from the noise when
 * the guide can (exact where solving ε back from u loses accuracy).
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import type { Guide } from './guide';
import { checkGuideArg, checkModelArg } from './check-args';
import { invalidOption } from './errors';
import { checkWorkspaceArg, forwardRows, type EstimatorWorkspace } from './estimator-workspace';
import { modelValueRows, modelValues } from './model-rows';
import type { NoiseAwareGuide } from './noise-aware-guide';
import type { RowScratch } from './row-scratch';

/**
 * The ELBO value only, (1/S) Σ f_s (no gradient), from the noise rows of `ws`;
 * fills `ws.f` with the per-sample log weights f_s = log p̃(u_s) − log q(u_s).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ) of z's LogNormal, near the optimum
 * const ws = createWorkspace(guide, 1000);
 * const rng = new Rng(1);
 * for (const eps of ws.noise) guide.drawNoise(theta, rng, eps);
 * elboValue(model, guide, theta, ws); // ≈ -1.44, the ELBO near its optimum
 * ```
 */
export function elboValue(model: DifferentiableModel, guide: Guide, params: Float64Array, ws: EstimatorWorkspace): number {
  checkModelArg('elboValue', model);
  checkGuideArg('elboValue', guide);
  checkWorkspaceArg('elboValue', ws);
  if (!(params instanceof Float64Array)) invalidOption('elboValue', 'params', 'a Float64Array', params);
  const ng = guide as NoiseAwareGuide;
  const fromNoise = ng.logQFromNoise !== undefined;
  forwardRows(guide, params, ws);
  modelValueRows(model, ws, ws.samples);
  let sum = 0;
  for (let s = 0; s < ws.samples; s++) {
    const u = ws.u[s];
    const eps = ws.noise[s];
    const f = ws.lp[s] - (fromNoise ? ng.logQFromNoise!(params, eps) : guide.logQ(params, u));
    ws.f[s] = f;
    sum += ws.weighted ? ws.weights[s] * f : f;
  }
  return sum / ws.samples;
}

/**
 * Draws n samples u_i = g(θ, ε_i), ε_i from `guide.drawNoise` (the same rows, in
 * the same order, as filling an n-row workspace), writes the log weights
 * f_i = log p̃(u_i) − log q(u_i) into `out[0..n)` and returns their mean, the ELBO
 * estimate: what `elboValue` gives on such a workspace, in blocks of rows (one
 * batched model call per block) and without an n-row workspace.
 *
 * @example
 * ```ts
 * import { createRowScratch } from './row-scratch';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ), near the optimum
 * const lw = new Float64Array(20_000);
 * const elbo = sampleLogWeights(model, guide, theta, new Rng(1), lw.length, lw, createRowScratch(guide)); // ≈ -1.44
 * ```
 */
export function sampleLogWeights(
  model: DifferentiableModel,
  guide: Guide,
  params: Float64Array,
  rng: Rng,
  n: number,
  out: Float64Array,
  rows: RowScratch,
): number {
  const ng = guide as NoiseAwareGuide;
  if (ng.sampleLogWeightsFused !== undefined) return ng.sampleLogWeightsFused(model, params, rng, n, out, rows);
  const fromNoise = ng.logQFromNoise !== undefined;
  const { eps, u, blockRows, blockU, blockLp, blockLq } = rows;
  const d = guide.dim;
  let sum = 0;
  for (let i0 = 0; i0 < n; i0 += blockRows) {
    const m = Math.min(blockRows, n - i0);
    for (let i = 0; i < m; i++) {
      guide.drawNoise(params, rng, eps);
      guide.forward(params, eps, u);
      blockLq[i] = fromNoise ? ng.logQFromNoise!(params, eps) : guide.logQ(params, u);
      blockU.set(u, i * d);
    }
    modelValues(model, blockU, m, blockLp, u);
    for (let i = 0; i < m; i++) {
      const f = blockLp[i] - blockLq[i];
      out[i0 + i] = f;
      sum += f;
    }
  }
  return sum / n;
}
