/**
 * Attribution of a non-finite ELBO or gradient to a latent and a quantity, for
 * {@link FitError} messages. Only runs on the (rare) failure path.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { EstimatorWorkspace } from './estimator-workspace';
import type { Guide } from './guide';
import type { NonFiniteQuantity } from './errors';

/** Where a non-finite value came from. */
export interface NonFiniteCause {
  /** The quantity that went non-finite. */
  readonly quantity: NonFiniteQuantity;
  /** The latent it is attributed to, if any. */
  readonly latent: string | undefined;
  /** The non-finite value. */
  readonly value: number;
  /** Human-readable context, e.g. `at u = [z: 3.1]`. */
  readonly detail: string;
}

function describeU(guide: Guide, u: Float64Array): string {
  const parts: string[] = [];
  for (let j = 0; j < u.length && j < 8; j++) parts.push(`${guide.coordLatent[j]}: ${u[j].toPrecision(6)}`);
  if (u.length > 8) parts.push('…');
  return `at unconstrained u = [${parts.join(', ')}]`;
}

/**
 * Re-evaluates the S samples of the last estimate (their u rows are in `ws.u`)
 * to find the first non-finite log joint or gradient coordinate; falls back to the
 * non-finite gradient entry of θ.
 *
 * @example
 * ```ts
 * import { createWorkspace } from './estimator-workspace';
 * import { pathwise } from './estimators';
 * // (1e300 − z)² overflows: the log joint is −∞ wherever the guide puts z.
 * const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1e300] });
 * const guide = meanField().build(model);
 * const theta = guide.initialParams();
 * const ws = createWorkspace(guide, 4);
 * const rng = new Rng(1);
 * for (let s = 0; s < ws.samples; s++) guide.drawNoise(theta, rng, ws.noise[s]);
 * const grad = new Float64Array(guide.numParams);
 * const value = pathwise.estimate(model, guide, theta, ws, grad); // → -Infinity
 * diagnoseNonFinite(model, guide, theta, ws, grad, value); // → { quantity: "log joint", latent: "z", value: -Infinity, detail: "at unconstrained u = [z: …]" }
 * ```
 */
export function diagnoseNonFinite(
  model: DifferentiableModel,
  guide: Guide,
  params: Float64Array,
  ws: EstimatorWorkspace,
  grad: Float64Array,
  value: number,
): NonFiniteCause {
  const g = new Float64Array(guide.dim);
  for (let s = 0; s < ws.samples; s++) {
    const u = ws.u[s];
    for (let j = 0; j < u.length; j++) {
      if (!Number.isFinite(u[j])) {
        return { quantity: 'parameters', latent: guide.coordLatent[j], value: u[j], detail: `a draw of the guide is ${u[j]} ${describeU(guide, u)}` };
      }
    }
    const lp = model.logDensityGradient(u, g);
    if (!Number.isFinite(lp)) {
      return { quantity: 'log joint', latent: guide.coordLatent.length === 1 ? guide.coordLatent[0] : undefined, value: lp, detail: describeU(guide, u) };
    }
    for (let j = 0; j < g.length; j++) {
      if (!Number.isFinite(g[j])) return { quantity: 'gradient', latent: guide.coordLatent[j], value: g[j], detail: `∂ log joint/∂u is ${g[j]} ${describeU(guide, u)}` };
    }
    const lq = guide.logQ(params, u);
    if (!Number.isFinite(lq)) return { quantity: 'ELBO', latent: undefined, value: lq, detail: `log q is ${lq} ${describeU(guide, u)}` };
  }
  for (let k = 0; k < grad.length; k++) {
    if (!Number.isFinite(grad[k])) {
      return { quantity: 'gradient', latent: guide.paramLatent[k], value: grad[k], detail: `∂ELBO/∂${guide.paramNames[k]} is ${grad[k]}` };
    }
  }
  return { quantity: 'ELBO', latent: undefined, value, detail: 'the ELBO estimate is not finite' };
}
