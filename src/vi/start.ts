/**
 * Where `fit` starts, and in which coordinates it steps (the `init` option).
 *
 * - `"map"` (default) for the Gaussian guides (`meanField()`, `fullRank()`): the
 *   mode û of the log joint on the unconstrained space and the curvature H there
 *   (`map.ts`). Mean-field starts at m = û, σ_j = 1/√H_jj (the mean-field optimum of
 *   a Gaussian posterior, KL(q‖p)); full rank at m = û, L = C with C Cᵀ = H⁻¹ (the
 *   Laplace approximation). The optimizer then steps in the coordinates whitened by
 *   C (`preconditioner.ts`). The mode search starts from the guide's own initial
 *   locations (the prior's median, or `initLoc`). Fallbacks: no mode → the prior
 *   start below (warning `no-mode`); H not positive definite → the diagonal scales
 *   1/√H_jj where positive, 1 elsewhere, and diagonal whitening (warning
 *   `indefinite-curvature`). Per-latent family guides (`{ z: Gamma }`, …) keep the
 *   prior start: their parameters are not a location and a scale of u, and the
 *   seed-model measurements (docs/guides-and-estimators.md) show no gain. Models
 *   with more than {@link MAX_DENSE_DIM} coordinates keep the prior start too (the
 *   dense curvature costs O(d²) memory and O(d³) time).
 * - `"prior"`: the old behaviour: the prior's median through the bijection (or
 *   `initLoc`), scale `initScale` (0.1), steps in the guide's own parameters.
 * - values per latent on the latent's own (constrained) space, e.g. `{ z: 1.2 }`:
 *   the Gaussian guides start there, with the curvature at that point when it is
 *   positive definite (else `initScale`); per-latent families put their location
 *   there.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { EULER_GAMMA } from '../math/constants';
import { invalidOption } from './errors';
import type { Guide } from './guide';
import { hessianByDifferences, inverseCholesky, laplaceStart, lowerInverse, type LaplaceStart } from './map';
import { fullRankPreconditioner, identityPreconditioner, meanFieldPreconditioner, type Preconditioner } from './preconditioner';
import { fitWarning, type FitWarning } from './warnings';

/**
 * Largest dimension for which the `"map"` start computes the dense curvature (and
 * whitens by it); larger models keep the prior start.
 *
 * @example
 * ```ts
 * MAX_DENSE_DIM; // → 400
 * ```
 */
export const MAX_DENSE_DIM = 400;

/**
 * The `init` option of `fit`: `"map"`, `"prior"` or values per latent (constrained space).
 *
 * @example
 * ```ts
 * import { Exponential, Model, Normal, add, plate } from 'varinf';
 * import { fit, type InitOption } from 'varinf/vi';
 * const model = new Model({
 *   prior: { z: new Exponential(1), w: plate(new Normal(0, 1), 2) },
 *   likelihood: ({ z, w }) => new Normal(add(w[0], w[1]), z),
 *   data: [0.3, 0.5, 0.1],
 * });
 * fit(model, { init: 'prior', seed: 1 }).converged;                    // → true
 * const init: InitOption = { z: 1.2, w: [0, 1] };
 * fit(model, { init, seed: 1 }).converged;                             // → true
 * ```
 */
export type InitOption = 'map' | 'prior' | Readonly<Record<string, number | ArrayLike<number>>>;

/** The start of a fit: parameters, coordinates, and what the mode search found. */
export interface FitStart {
  /** The guide's initial parameters θ₀. */
  readonly params: Float64Array;
  /** The map θ(φ) the optimizer steps through. */
  readonly preconditioner: Preconditioner;
  /** The mode search's result (undefined when none was made). */
  readonly laplace: LaplaceStart | undefined;
  /** Warnings of the start (`no-mode`, `indefinite-curvature`). */
  readonly warnings: readonly FitWarning[];
}

/**
 * Checks the `init` option.
 *
 * @param v - the option's value
 * @returns it, typed
 * @example
 * ```ts
 * readInit(undefined); // → "map"
 * ```
 */
export function readInit(v: unknown): InitOption {
  if (v === undefined) return 'map';
  if (v === 'map' || v === 'prior') return v;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as InitOption;
  return invalidOption('fit', 'init', '"map", "prior" or a record of latent values', v);
}

/**
 * Computes the start of a fit (see the module description).
 *
 * @param model - the model
 * @param guide - the guide bound to it
 * @param init - the `init` option
 * @returns the start
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const s = fitStart(model, meanField().build(model), 'map');
 * s.params;                   // ≈ Float64Array [0.1494, -0.4268]: (û, log C) of the Laplace start
 * s.preconditioner.identity;  // → false: steps are taken in whitened coordinates
 * ```
 */
export function fitStart(model: DifferentiableModel, guide: Guide, init: InitOption): FitStart {
  const prior = guide.initialParams();
  const gaussian = guide.kind === 'meanField' || guide.kind === 'fullRank';
  if (init === 'prior') return { params: prior, preconditioner: identityPreconditioner(), laplace: undefined, warnings: [] };
  if (init === 'map') {
    // The curvature is a dense d×d matrix (O(d²) memory, O(d³) factorization): above
    // MAX_DENSE_DIM coordinates the prior start is kept.
    if (!gaussian || guide.dim > MAX_DENSE_DIM) return { params: prior, preconditioner: identityPreconditioner(), laplace: undefined, warnings: [] };
    const loc = locations(guide, prior);
    const lap = laplaceStart(model, loc);
    if (lap.status === 'no-mode') {
      return {
        params: prior,
        preconditioner: identityPreconditioner(),
        laplace: lap,
        warnings: [fitWarning('no-mode', `the mode search found no mode of the log joint (it grows without bound towards u = [${fmt(lap.mode)}]); the fit started from the prior's median with scale ${Math.exp(prior[guide.kind === 'meanField' ? 1 : guide.dim]).toPrecision(3)} instead`)],
      };
    }
    const warnings = lap.positiveDefinite
      ? []
      : [fitWarning('indefinite-curvature', `the curvature of the log joint where the mode search ended is not positive definite (a saddle or a minimum); the start used the positive diagonal curvatures (1 where none) and diagonal whitening, unless the several-optima check found a mode`)];
    return startFromLaplace(guide, lap, warnings);
  }
  // Values per latent.
  const u = userLocations(model, init);
  if (!gaussian || guide.dim > MAX_DENSE_DIM) return { params: familyStart(guide, prior, u), preconditioner: identityPreconditioner(), laplace: undefined, warnings: [] };
  const h = new Float64Array(u.length);
  for (let j = 0; j < u.length; j++) h[j] = 1e-4 * Math.max(1, Math.abs(u[j]));
  const C = inverseCholesky(hessianByDifferences(model, u, h), u.length);
  if (C === undefined) {
    const p = prior.slice();
    setLocations(guide, p, u);
    return { params: p, preconditioner: identityPreconditioner(), laplace: undefined, warnings: [] };
  }
  return { params: gaussianStart(guide, u, C), preconditioner: makePreconditioner(guide, u, C), laplace: undefined, warnings: [] };
}

/**
 * The start of a Gaussian guide at a Laplace approximation (mode and factor).
 *
 * @param guide - a mean-field or full-rank guide
 * @param lap - the mode and its factor
 * @param warnings - warnings to carry
 * @returns the start
 * @example
 * ```ts
 * import { laplaceStart } from './map';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const s = startFromLaplace(meanField().build(model), laplaceStart(model, new Float64Array(1)), []);
 * s.params; // ≈ Float64Array [0.1494, -0.4268]: (û, log C)
 * ```
 */
export function startFromLaplace(guide: Guide, lap: LaplaceStart, warnings: readonly FitWarning[]): FitStart {
  return { params: gaussianStart(guide, lap.mode, lap.factor), preconditioner: makePreconditioner(guide, lap.mode, lap.factor), laplace: lap, warnings };
}

/** The guide's locations on u (m of the Gaussian guides). */
function locations(guide: Guide, p: Float64Array): Float64Array {
  const d = guide.dim;
  const m = new Float64Array(d);
  for (let j = 0; j < d; j++) m[j] = guide.kind === 'meanField' ? p[2 * j] : p[j];
  return m;
}

function setLocations(guide: Guide, p: Float64Array, m: Float64Array): void {
  for (let j = 0; j < guide.dim; j++) p[guide.kind === 'meanField' ? 2 * j : j] = m[j];
}

/** θ of a Gaussian guide with mean m and factor C (mean-field: σ_j = 1/√(C⁻ᵀC⁻¹)_jj, i.e. 1/√H_jj). */
function gaussianStart(guide: Guide, m: Float64Array, C: Float64Array): Float64Array {
  const d = guide.dim;
  const p = new Float64Array(guide.numParams);
  if (guide.kind === 'meanField') {
    const Hdiag = precisionDiagonal(C, d);
    for (let j = 0; j < d; j++) {
      p[2 * j] = m[j];
      p[2 * j + 1] = -0.5 * Math.log(Hdiag[j]);
    }
    return p;
  }
  for (let i = 0; i < d; i++) {
    p[i] = m[i];
    const ri = d + (i * (i + 1)) / 2;
    for (let j = 0; j < i; j++) p[ri + j] = C[i * d + j];
    p[ri + i] = Math.log(C[i * d + i]);
  }
  return p;
}

function makePreconditioner(guide: Guide, m: Float64Array, C: Float64Array): Preconditioner {
  const d = guide.dim;
  if (guide.kind === 'meanField') {
    const Hdiag = precisionDiagonal(C, d);
    const w0 = new Float64Array(d);
    for (let j = 0; j < d; j++) w0[j] = -0.5 * Math.log(Hdiag[j]);
    return meanFieldPreconditioner(d, m.slice(), w0, C);
  }
  return fullRankPreconditioner(d, m.slice(), C);
}

/** diag(H) for H = (C Cᵀ)⁻¹ = C⁻ᵀ C⁻¹: the squared column norms of C⁻¹. */
function precisionDiagonal(C: Float64Array, d: number): Float64Array {
  const X = lowerInverse(C, d);
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = j; i < d; i++) s += X[i * d + j] ** 2;
    out[j] = s;
  }
  return out;
}

/** The user's latent values mapped to u. */
function userLocations(model: DifferentiableModel, init: Readonly<Record<string, number | ArrayLike<number>>>): Float64Array {
  const u = new Float64Array(model.dim);
  const names = new Set(model.blocks.map((b) => b.name));
  for (const k of Object.keys(init)) if (!names.has(k)) invalidOption('fit', `init.${k}`, `a latent of the model (${[...names].join(', ')})`, k);
  for (const b of model.blocks) {
    const v = init[b.name];
    if (v === undefined) invalidOption('fit', `init.${b.name}`, 'a value for every latent', v);
    for (let k = 0; k < b.size; k++) {
      const z = typeof v === 'number' ? v : v[k];
      const x = typeof z === 'number' ? b.bijection.inverse(z) : NaN;
      if (!Number.isFinite(x)) invalidOption('fit', `init.${b.name}`, `values inside the support (${b.support.kind})`, z);
      u[b.offset + k] = x;
    }
  }
  return u;
}

/**
 * Per-latent families: locations at u (log-mean of a Gamma, E log z of an
 * Exponential), by the guide's `locateAt`; for a guide without it, read off the
 * parameter names.
 */
function familyStart(guide: Guide, prior: Float64Array, u: Float64Array): Float64Array {
  const p = prior.slice();
  if (guide.locateAt !== undefined) {
    guide.locateAt(p, u);
    return p;
  }
  let j = -1;
  let last = '';
  guide.paramNames.forEach((n, k) => {
    const c = n.slice(0, n.lastIndexOf('.'));
    if (c !== last) {
      j++;
      last = c;
    }
    if (n.endsWith('.mu') || n.endsWith('.logMean')) p[k] = u[j];
    else if (n.endsWith('.logRate')) p[k] = -u[j] - EULER_GAMMA;
  });
  return p;
}

function fmt(v: Float64Array): string {
  return Array.from(v.subarray(0, 6), (x) => x.toPrecision(4)).join(', ') + (v.length > 6 ? ', …' : '');
}
