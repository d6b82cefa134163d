/**
 * The buffers every ELBO estimator works in: S noise rows ε_s, the rows
 * u_s = g(θ, ε_s), the model's log p̃ and ∇ᵤ log p̃ at them, and the per-sample
 * objective. Allocated once per fit (or per custom estimator), so that no estimate
 * allocates.
 *
 * @module
 */
import { noiseDimOf, type Guide } from './guide';
import { checkGuideArg } from './check-args';
import { invalidOption, positiveIntOption } from './errors';

/**
 * Reusable buffers for S samples of a d-dimensional guide with P parameters.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const ws: EstimatorWorkspace = createWorkspace(meanField().build(model), 16);
 * ws.uData.length; // → 16: 16 rows of d = 1
 * ```
 */
export interface EstimatorWorkspace {
  /** Samples per estimate, S. */
  readonly samples: number;
  /** S noise rows ε_s (views into `noiseData`), of the guide's `noiseDim` (default d) values each. */
  readonly noise: readonly Float64Array[];
  /** The S×`noiseDim` noise values, row-major (the buffer behind `noise`). */
  readonly noiseData: Float64Array;
  /** S rows u_s (views into `uData`). */
  readonly u: readonly Float64Array[];
  /** The S×d values of the u rows, row-major (what a batched model call reads). */
  readonly uData: Float64Array;
  /** log p̃(u_s) of each row, as {@link modelGradientRows} / {@link modelValueRows} leave it. */
  readonly lp: Float64Array;
  /** S rows of ∇ᵤ log p̃(u_s) (views into `gLpData`). */
  readonly gLpRows: readonly Float64Array[];
  /** The S×d values of the `gLpRows`, row-major. */
  readonly gLpData: Float64Array;
  /** S rows of ∇ᵤ of the per-sample objective. */
  readonly gU: readonly Float64Array[];
  /** Scratch ∇ᵤ log p̃ of one row. */
  readonly gLp: Float64Array;
  /** Scratch ∇ᵤ log q. */
  readonly gQ: Float64Array;
  /** Per-sample f_s = log p̃ − log q (or log p̃ for the closed-form entropy estimator). */
  readonly f: Float64Array;
  /**
   * True when the rows carry importance weights (`baseSamples: "rqmc-tilted"`):
   * every mean over the rows is then (1/S) Σ w_s (…). Set by the noise source.
   */
  weighted: boolean;
  /** The rows' importance weights w_s (read when `weighted`). */
  readonly weights: Float64Array;
}

/**
 * Allocates the buffers of an estimator for `samples` samples of `guide`.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const ws = createWorkspace(meanField().build(model), 16);
 * ws.noise.length;    // → 16
 * ws.noise[0].length; // → 1, the model's dim
 * ```
 */
export function createWorkspace(guide: Guide, samples: number): EstimatorWorkspace {
  checkGuideArg('createWorkspace', guide);
  positiveIntOption('createWorkspace', 'samples', samples);
  const d = guide.dim;
  const nd = noiseDimOf(guide);
  const rows = (buf: Float64Array, w = d): Float64Array[] => {
    const r: Float64Array[] = [];
    for (let s = 0; s < samples; s++) r.push(buf.subarray(s * w, (s + 1) * w));
    return r;
  };
  const noiseData = new Float64Array(samples * nd);
  const uData = new Float64Array(samples * d);
  const gLpData = new Float64Array(samples * d);
  return {
    samples,
    noise: rows(noiseData, nd),
    noiseData,
    u: rows(uData),
    uData,
    lp: new Float64Array(samples),
    gLpRows: rows(gLpData),
    gLpData,
    gU: rows(new Float64Array(samples * d)),
    gLp: new Float64Array(d),
    gQ: new Float64Array(d),
    f: new Float64Array(samples),
    weighted: false,
    weights: new Float64Array(samples),
  };
}

/**
 * Refuses anything but a workspace from `createWorkspace` (an `InvalidParameterError`
 * naming `owner`, as the other argument checks in check-args.ts).
 *
 * @example
 * ```ts
 * checkWorkspaceArg('elboValue', {}); // throws InvalidParameterError: …
 * ```
 */
export function checkWorkspaceArg(owner: string, ws: unknown): asserts ws is EstimatorWorkspace {
  const w = ws as EstimatorWorkspace | null;
  if (w === null || typeof w !== 'object' || !(w.lp instanceof Float64Array) || !Array.isArray(w.u)) {
    invalidOption(owner, 'ws', 'a workspace from createWorkspace(guide, samples)', ws);
  }
}

/**
 * u_s = g(θ, ε_s) for every row of the workspace.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const ws = createWorkspace(guide, 2);
 * ws.noiseData.set([0, 1]);
 * forwardRows(guide, Float64Array.of(0.5, Math.log(2)), ws); // u = μ + σε
 * ws.uData; // → Float64Array [0.5, 2.5]
 * ```
 */
export function forwardRows(guide: Guide, params: Float64Array, ws: EstimatorWorkspace): void {
  for (let s = 0; s < ws.samples; s++) guide.forward(params, ws.noise[s], ws.u[s]);
}
