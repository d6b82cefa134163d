/**
 * `FitResult`'s JSON form: the types of what `result.toJSON()` writes and
 * `restoreFit` reads, and the conversions of its parts (non-finite numbers as
 * strings, distributions as `{ family, params }`).
 *
 * @module
 */
import type { DistributionJSON } from '../distributions/distribution';
import type { SupportKind } from '../distributions/support';
import type { LatentBlock } from '../model/differentiable-model';
import type { EagerDiagnostics } from './fit-diagnostics';
import type { KhatReading } from './psis';
import type { Evaluated } from './lazy-evaluation';
import type { FitWarning } from './warnings';

/**
 * A non-finite number as JSON allows it: finite numbers as themselves, the others
 * as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
 *
 * @example
 * ```ts
 * const x: JsonNumber = 'NaN';
 * ```
 */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/**
 * The guide of a saved fit: its kind and, per latent, the family of its posterior.
 *
 * @example
 * ```ts
 * const g: GuideJSON = { kind: 'family', families: { z: 'Gamma' } };
 * ```
 */
export interface GuideJSON {
  /** `"meanField"`, `"fullRank"`, `"family"` or a custom guide's kind. */
  readonly kind: string;
  /** Per latent, the family name of its fitted posterior (e.g. `"LogNormal"`). */
  readonly families: Readonly<Record<string, string>>;
}

/**
 * One latent of the fitted model, as saved (checked by `restoreFit`).
 *
 * @example
 * ```ts
 * const l: LatentJSON = { name: 'w', size: 5, scalar: false, support: 'real' };
 * ```
 */
export interface LatentJSON {
  /** The latent's name. */
  readonly name: string;
  /** Its number of coordinates. */
  readonly size: number;
  /** True for a scalar latent, false for a plate or array. */
  readonly scalar: boolean;
  /** The kind of its support. */
  readonly support: SupportKind;
}

/**
 * An estimate with its standard error, as JSON.
 *
 * @example
 * ```ts
 * const e: EstimateJSON = { value: -1.28, stderr: 0.002 };
 * ```
 */
export interface EstimateJSON {
  /** The estimate. */
  readonly value: JsonNumber;
  /** Its standard error. */
  readonly stderr: JsonNumber;
}

/**
 * The values of a fit's final evaluation, as JSON.
 *
 * @example
 * ```ts
 * const e: EvaluatedJSON = { elbo: -1.44, elboStderr: 0.005, khat: 0.95, khatReading: 'poor', logEvidence: { value: -1.28, stderr: 0.002 } };
 * ```
 */
export interface EvaluatedJSON {
  /** ELBO of the returned q. */
  readonly elbo: JsonNumber;
  /** Its standard error. */
  readonly elboStderr: JsonNumber;
  /** PSIS k̂. */
  readonly khat: JsonNumber;
  /** Its reading. */
  readonly khatReading: KhatReading;
  /** IWAE-n estimate of log p(D). */
  readonly logEvidence: EstimateJSON;
}

/**
 * A saved fit's final evaluation: its draws, its random stream's state before the
 * first of them, and its values when it had been made.
 *
 * @example
 * ```ts
 * const e: EvaluationJSON = { samples: 20000, rngState: [1, 2, 3, 4] };
 * ```
 */
export interface EvaluationJSON {
  /** Number of draws. */
  readonly samples: number;
  /** `Rng.state()` of the evaluation stream before its first draw (four uint32 words). */
  readonly rngState: readonly number[];
  /** The values, when the evaluation had been made before saving. */
  readonly result?: EvaluatedJSON;
}

/**
 * `result.toJSON()`: plain JSON (numbers, strings, arrays, objects; no typed arrays)
 * with everything `restoreFit` needs (model check, guide kind and families, fitted
 * parameters, the evaluation stream) and what a reader wants (posterior as
 * `{ family, params }`, trace, diagnostics, warnings).
 *
 * @example
 * ```ts
 * import { Exponential, Model, Normal } from 'varinf';
 * import { fit, restoreFit, type FitResultJSON } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const json: FitResultJSON = fit(model, { seed: 1 }).toJSON();
 * json.format; // → "varinf.FitResult"
 * const text = JSON.stringify(json); // in a page: localStorage.setItem('fit', text)
 * restoreFit(model, JSON.parse(text)).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export interface FitResultJSON {
  /** Always `"varinf.FitResult"`. */
  readonly format: 'varinf.FitResult';
  /** Format version, 1. */
  readonly version: 1;
  /** The guide's kind and, per latent, its family. */
  readonly guide: GuideJSON;
  /** The model's latents, checked by `restoreFit`. */
  readonly latents: readonly LatentJSON[];
  /** The fitted variational parameters. */
  readonly params: readonly number[];
  /** Their names. */
  readonly paramNames: readonly string[];
  /** The fitted posterior, per latent (arrays for plates). */
  readonly posterior: Readonly<Record<string, DistributionJSON | readonly DistributionJSON[]>>;
  /** Per-step ELBO estimates. */
  readonly trace: readonly JsonNumber[];
  /** Whether the convergence rule was met. */
  readonly converged: boolean;
  /** Steps of the optimize phase. */
  readonly steps: number;
  /** Diagnostics; `khat`, `khatReading` and `logEvidence` only when the evaluation was made. */
  readonly diagnostics: Readonly<Record<string, unknown>>;
  /** Warnings of the fit. */
  readonly warnings: readonly FitWarning[];
  /** The final evaluation: its draws, its stream's state, and its values when already made. */
  readonly evaluation: EvaluationJSON;
  /** The ELBO, when the evaluation was made. */
  readonly elbo?: JsonNumber;
  /** Its standard error, when the evaluation was made. */
  readonly elboStderr?: JsonNumber;
}

/**
 * A number as JSON can hold it (see {@link JsonNumber}).
 *
 * @example
 * ```ts
 * jsonNumber(1.5);  // → 1.5
 * jsonNumber(NaN);  // → "NaN"
 * ```
 */
export function jsonNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/**
 * Per latent, the family name of its fitted posterior and the posterior as JSON (an
 * array for a plate), in the model's block order.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * posteriorJSON(model.blocks, { z: new LogNormal(-0.3, 0.6) }); // → { families: { z: "LogNormal" }, posterior: { z: { family: "LogNormal", params: { mu: -0.3, sigma: 0.6 } } } }
 * ```
 */
export function posteriorJSON(
  blocks: readonly LatentBlock[],
  fitted: Readonly<Record<string, unknown>>,
): { families: Record<string, string>; posterior: Record<string, DistributionJSON | DistributionJSON[]> } {
  const families: Record<string, string> = {};
  const posterior: Record<string, DistributionJSON | DistributionJSON[]> = {};
  for (const b of blocks) {
    const v = fitted[b.name] as { toJSON(): DistributionJSON } | readonly { toJSON(): DistributionJSON }[];
    const list = Array.isArray(v) ? v.map((d) => d.toJSON()) : [(v as { toJSON(): DistributionJSON }).toJSON()];
    families[b.name] = list[0].family;
    posterior[b.name] = b.scalar ? list[0] : list;
  }
  return { families, posterior };
}

/**
 * The eagerly known diagnostics as JSON (the evaluation's are added when it was made).
 *
 * @example
 * ```ts
 * diagnosticsJSON({ stepSize: 0.1, stepSizeSearch: [], rejectedSteps: 0, averagingStart: 201, paramStderr: NaN, stopReason: 'maxSteps' }).paramStderr; // → "NaN"
 * ```
 */
export function diagnosticsJSON(d: EagerDiagnostics): Record<string, unknown> {
  return {
    stepSize: jsonNumber(d.stepSize),
    stepSizeSearch: d.stepSizeSearch.map((t) => ({ lr: jsonNumber(t.lr), elbo: jsonNumber(t.elbo) })),
    rejectedSteps: d.rejectedSteps,
    averagingStart: d.averagingStart,
    paramStderr: jsonNumber(d.paramStderr),
    stopReason: d.stopReason,
  };
}

/**
 * The values of a final evaluation as JSON.
 *
 * @example
 * ```ts
 * evaluatedJSON({ elbo: -1.44, elboStderr: 0.005, khat: Infinity, khatReading: 'poor', logEvidence: { value: -1.28, stderr: 0.002 } }).khat; // → "Infinity"
 * ```
 */
export function evaluatedJSON(e: Evaluated): EvaluatedJSON {
  return {
    elbo: jsonNumber(e.elbo),
    elboStderr: jsonNumber(e.elboStderr),
    khat: jsonNumber(e.khat),
    khatReading: e.khatReading,
    logEvidence: { value: jsonNumber(e.logEvidence.value), stderr: jsonNumber(e.logEvidence.stderr) },
  };
}
