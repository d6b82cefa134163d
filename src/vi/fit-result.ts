/**
 * `FitResult`: what `fit`, `fitSteps` and `fitAsync` return, and what `restoreFit`
 * rebuilds. A class: the fitted data are own properties, the operations (`sample`,
 * `summary`, `toJSON`) live on the prototype, and the model, the guide and the
 * lazy final evaluation sit in private fields.
 *
 * **Cloning.** `structuredClone(result)` and `postMessage(result)` copy the own
 * enumerable data (posterior, trace, params, diagnostics, warnings, …) into plain
 * objects: methods, `guide` and the private fields do not survive (nor do the
 * distributions' methods). Send `result.toJSON()` instead and call `restoreFit` on
 * the other side to get them back.
 *
 * **The lazy evaluation.** `elbo`, `elboStderr` and the diagnostics' `khat`,
 * `khatReading` and `logEvidence` come from one evaluation of `evalSamples` draws
 * (20 000 by default), made the first time one of them is read. Until then they are
 * non-enumerable getters, so neither `structuredClone`, `JSON.stringify` nor
 * `toJSON` triggers the evaluation; once it is made, all five become ordinary
 * enumerable values and travel with the data.
 *
 * @module
 */
import type { DistributionJSON } from '../distributions/distribution';
import type { SupportKind } from '../distributions/support';
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Estimate } from './evaluate';
import type { FitDiagnostics } from './fit-diagnostics';
import type { Guide, GuideSpec, UnconstrainedGaussian } from './guide';
import type { PosteriorOf } from './guide-types';
import { sampleWithOptions, type JointSamples, type SampleOptions } from './joint-sample';
import type { KhatReading } from './psis';
import { readProbs, summarize, SUMMARY_DRAWS, SUMMARY_OPTION_KEYS, type SummaryOptions, type SummaryRow } from './summary';
import { checkOptions } from './check-options';
import { invalidOption } from './errors';
import { Rng } from '../random/rng';
import { checkDrawSize, jointSample, readCount, readSeed } from './joint-sample';
import { khatWarnings, type FitWarning } from './warnings';
import { checkGuideArg, checkModelArg } from './check-args';


/**
 * What the final evaluation of a fit gives.
 *
 * @example
 * ```ts
 * const e: Evaluated = { elbo: -1.33, elboStderr: 0.004, khat: 0.4, khatReading: 'good', logEvidence: { value: -1.28, stderr: 0.002 } };
 * ```
 */
export interface Evaluated {
  /** ELBO of the returned q. */
  readonly elbo: number;
  /** Standard error of `elbo`. */
  readonly elboStderr: number;
  /** PSIS k̂ of the importance ratios. */
  readonly khat: number;
  /** Its reading. */
  readonly khatReading: KhatReading;
  /** IWAE-n estimate of log p(D). */
  readonly logEvidence: Estimate;
}

/**
 * Where a result's lazy evaluation comes from: its draws, the state of its random
 * stream before any of them (kept for `toJSON`), and the evaluation itself.
 *
 * @example
 * ```ts
 * import { createRowScratch } from './row-scratch';
 * import { FinalEvaluation } from './final-evaluation';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const params = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ), near the optimum
 * const rng = new Rng(1);
 * const rngState = rng.state();
 * const evaluation = new FinalEvaluation(model, guide, params, rng, 20_000, createRowScratch(guide));
 * const src: EvaluationSource = { samples: 20_000, rngState, evaluate: () => evaluation.get() };
 * src.evaluate().elbo; // ≈ -1.44
 * ```
 */
export interface EvaluationSource {
  /** Number of draws. */
  readonly samples: number;
  /** `Rng.state()` of the evaluation stream before its first draw. */
  readonly rngState: ArrayLike<number>;
  /** Makes the evaluation (called at most once). */
  evaluate(): Evaluated;
}

/**
 * The eagerly known diagnostics (the lazy ones are added by {@link FitResult}).
 *
 * @example
 * ```ts
 * const d: EagerDiagnostics = { stepSize: 0.1, stepSizeSearch: [], rejectedSteps: 0, averagingStart: 201, paramStderr: 0.01, stopReason: 'converged' };
 * ```
 */
export type EagerDiagnostics = Omit<FitDiagnostics, 'khat' | 'khatReading' | 'logEvidence'>;

/**
 * What {@link FitResult}'s constructor takes (`fit` and `restoreFit` build it).
 *
 * @example
 * ```ts
 * import { createRowScratch } from './row-scratch';
 * import { FinalEvaluation } from './final-evaluation';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const params = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ), near the optimum
 * const rng = new Rng(1);
 * const rngState = rng.state();
 * const final = new FinalEvaluation(model, guide, params, rng, 20_000, createRowScratch(guide));
 * const init: FitResultInit<typeof model> = {
 *   model, guide, params, trace: new Float64Array(0), converged: true, steps: 0, warnings: [],
 *   diagnostics: { stepSize: 0.1, stepSizeSearch: [], rejectedSteps: 0, averagingStart: 0, paramStderr: 0, stopReason: 'converged' },
 *   evaluation: { samples: 20_000, rngState, evaluate: () => final.get() },
 * };
 * new FitResult(init).posterior.z; // → LogNormal(mu = -0.32, sigma = 0.66…)
 * ```
 */
export interface FitResultInit<M> {
  /** The fitted model. */
  readonly model: M;
  /** The guide bound to it. */
  readonly guide: Guide;
  /** The fitted variational parameters. */
  readonly params: Float64Array;
  /** Per-step ELBO estimates of the optimize phase. */
  readonly trace: Float64Array;
  /** Whether the convergence rule was met. */
  readonly converged: boolean;
  /** Steps of the optimize phase. */
  readonly steps: number;
  /** The diagnostics known without the final evaluation. */
  readonly diagnostics: EagerDiagnostics;
  /** Warnings of the fit. */
  readonly warnings: readonly FitWarning[];
  /** The lazy final evaluation. */
  readonly evaluation: EvaluationSource;
}

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
 * The result of a fit: the fitted posterior and everything known about the fit,
 * with joint draws (`sample`), a summary table (`summary`) and serialization
 * (`toJSON`, undone by `restoreFit`). See the module notes on cloning and on the lazy
 * final evaluation.
 *
 * @example
 * ```ts
 * import { Exponential, LogNormal, Model, Normal } from 'varinf';
 * import { fit, restoreFit } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { guide: { z: LogNormal }, seed: 1 });
 * r.posterior.z;                        // → LogNormal(mu = -0.32…, sigma = 0.66…)
 * r.sample(1000, { seed: 2 }).z;        // → Float64Array(1000): joint draws
 * r.summary();                          // ≈ [{ name: "z", mean: 0.9, sd: 0.7, … }]: also q05, q50, q95
 * const again = restoreFit(model, JSON.parse(JSON.stringify(r)));
 * String(again.posterior.z) === String(r.posterior.z); // → true
 * ```
 */
export class FitResult<M = DifferentiableModel, G = GuideSpec> {
  /**
   * Per latent, the fitted distribution on the latent's own space (arrays for plates),
   * typed by the guide option G (see {@link PosteriorOf}).
   */
  readonly posterior: PosteriorOf<M, G>;
  /** ELBO of the returned q, estimated with `evalSamples` draws (lazy, see the module notes). */
  declare readonly elbo: number;
  /** Standard error of `elbo` (lazy). */
  declare readonly elboStderr: number;
  /** The per-step ELBO estimates of the optimize phase. */
  readonly trace: Float64Array;
  /** True when the convergence rule was met. */
  readonly converged: boolean;
  /** Steps taken in the optimize phase. */
  readonly steps: number;
  /** The returned (averaged) variational parameters, unconstrained. */
  readonly params: Float64Array;
  /** Names of `params`, e.g. `"z.mu"`, `"z.logSigma"`. */
  readonly paramNames: readonly string[];
  /** For the mean-field and full-rank Gaussians, the joint Gaussian on the unconstrained space. */
  readonly unconstrained: UnconstrainedGaussian | undefined;
  /** k̂, log evidence, step size, rejected steps, stop reason. */
  readonly diagnostics: FitDiagnostics;
  /**
   * What to know before trusting the result (codes in `FIT_WARNING_CODES`): never
   * empty when `converged` is false. The k̂ warnings come from the final evaluation,
   * so the list is lazy like `elbo` (reading it makes that evaluation).
   */
  declare readonly warnings: readonly FitWarning[];
  /** The warnings known when the fit ended (what `toJSON` keeps; k̂'s are re-derived). */
  readonly #eagerWarnings: readonly FitWarning[];
  readonly #model: DifferentiableModel;
  readonly #guide: Guide;
  readonly #evaluation: EvaluationSource;

  /**
   * Builds a result from a fitted guide (used by `fit` and `restoreFit`).
   *
   * @param init - model, guide, parameters and what the fit learnt
   */
  constructor(init: FitResultInit<M>) {
    if (init === null || typeof init !== 'object') invalidOption('FitResult', 'init', 'a FitResultInit record (fit builds it)', init);
    checkModelArg('FitResult', init.model);
    checkGuideArg('FitResult', init.guide);
    const model = init.model as unknown as DifferentiableModel;
    // The guide builds one entry per block of the model, so the record has exactly M's latents.
    this.posterior = init.guide.posterior(init.params) as PosteriorOf<M, G>;
    this.trace = init.trace;
    this.converged = init.converged;
    this.steps = init.steps;
    this.params = init.params;
    this.paramNames = init.guide.paramNames;
    this.unconstrained = init.guide.gaussian(init.params);
    this.diagnostics = { ...init.diagnostics } as FitDiagnostics;
    this.#eagerWarnings = Object.freeze([...init.warnings]);
    this.#model = model;
    this.#guide = init.guide;
    this.#evaluation = init.evaluation;
    installLazyEvaluation(this, this.diagnostics, init.evaluation, this.#eagerWarnings);
  }

  /** The guide bound to the model (not cloned: a getter on the prototype). */
  get guide(): Guide {
    return this.#guide;
  }

  /**
   * `n` joint draws of every latent from the fitted q, on the latents' own spaces:
   * a `Float64Array` of length n per scalar latent, of length n·k per plate of k
   * (draw-major: element j of draw s at s·k + j). Draws are joint, so a full-rank
   * guide's correlations are kept (marginal `posterior.x.sample` calls would lose
   * them). Same seed, same draws.
   *
   * @param n - number of draws
   * @param options - `{ seed }` (default 0)
   * @example
   * ```ts
   * import { Model, Normal, add } from 'varinf';
   * import { fit, fullRank } from 'varinf/vi';
   * // Data on a + b: a posteriori a and b are negatively correlated (covariance −2/5).
   * const model = new Model({ prior: { a: new Normal(0, 1), b: new Normal(0, 1) }, likelihood: ({ a, b }) => new Normal(add(a, b), 1), data: [1.2, 0.8] });
   * const result = fit(model, { guide: fullRank(), seed: 1 });
   * const { a, b } = result.sample(1000, { seed: 1 }); // correlated when the guide is fullRank()
   * const mean = (x: Float64Array): number => x.reduce((s, v) => s + v, 0) / x.length;
   * mean(a.map((v, i) => (v - mean(a)) * (b[i] - mean(b)))); // ≈ -0.4
   * ```
   */
  sample(n: number, options: SampleOptions = {}): JointSamples<M> {
    return sampleWithOptions(this.#model, this.#guide, this.params, n, options) as JointSamples<M>;
  }

  /**
   * The summary table: one row per scalar latent or plate element with the mean,
   * sd and the 5 %, 50 % and 95 % quantiles of `draws` joint draws (default 4000),
   * quantiles by interpolation between order statistics (type 7, as R and NumPy);
   * see the `summary` module for its Monte-Carlo error.
   *
   * @param options - `{ draws, seed, probs }`
   * @example
   * ```ts
   * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
   * const result = fit(model, { seed: 1 });
   * console.table(result.summary()); // name, mean, sd, q05, q50, q95
   * result.summary()[0].q50; // ≈ 0.73: the median of LogNormal(−0.32, 0.66) is e^{−0.32}
   * ```
   */
  summary(options: SummaryOptions = {}): SummaryRow[] {
    if (options === null || typeof options !== 'object') invalidOption('summary', 'options', 'an object', options);
    checkOptions('summary', options, SUMMARY_OPTION_KEYS);
    const n = readCount('summary', 'draws', options.draws ?? SUMMARY_DRAWS);
    if (n < 2) invalidOption('summary', 'draws', 'at least 2', n);
    const probs = readProbs(options.probs);
    checkDrawSize('summary', n, this.#model);
    const draws = jointSample(this.#model, this.#guide, this.params, n, new Rng(readSeed('summary', options.seed)));
    return summarize(this.#model.blocks, draws, probs);
  }

  /**
   * The result as plain JSON ({@link FitResultJSON}): typed arrays as arrays,
   * distributions as `{ family, params }`, non-finite numbers as strings. It does not
   * make the lazy evaluation: its values are included when it was already made, and
   * its stream's state always, so that `restoreFit` evaluates to the same numbers.
   *
   * @example
   * ```ts
   * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
   * const result = fit(model, { seed: 1 });
   * const text = JSON.stringify(result); // calls toJSON
   * const back = restoreFit(model, JSON.parse(text));
   * back.summary()[0].mean === result.summary()[0].mean; // → true
   * ```
   */
  toJSON(): FitResultJSON {
    const blocks = this.#model.blocks;
    const families: Record<string, string> = {};
    const posterior: Record<string, DistributionJSON | DistributionJSON[]> = {};
    for (const b of blocks) {
      const v = (this.posterior as Readonly<Record<string, unknown>>)[b.name] as { toJSON(): DistributionJSON } | readonly { toJSON(): DistributionJSON }[];
      const list = Array.isArray(v) ? v.map((d) => d.toJSON()) : [(v as { toJSON(): DistributionJSON }).toJSON()];
      families[b.name] = list[0].family;
      posterior[b.name] = b.scalar ? list[0] : list;
    }
    const d = this.diagnostics;
    const diagnostics: Record<string, unknown> = {
      stepSize: jsonNumber(d.stepSize),
      stepSizeSearch: d.stepSizeSearch.map((t) => ({ lr: jsonNumber(t.lr), elbo: jsonNumber(t.elbo) })),
      rejectedSteps: d.rejectedSteps,
      averagingStart: d.averagingStart,
      paramStderr: jsonNumber(d.paramStderr),
      stopReason: d.stopReason,
    };
    const e = this.evaluated();
    const result: EvaluatedJSON | undefined =
      e === undefined
        ? undefined
        : {
            elbo: jsonNumber(e.elbo),
            elboStderr: jsonNumber(e.elboStderr),
            khat: jsonNumber(e.khat),
            khatReading: e.khatReading,
            logEvidence: { value: jsonNumber(e.logEvidence.value), stderr: jsonNumber(e.logEvidence.stderr) },
          };
    const evaluation: EvaluationJSON = {
      samples: this.#evaluation.samples,
      rngState: Array.from(this.#evaluation.rngState),
      ...(result === undefined ? {} : { result }),
    };
    if (result !== undefined) Object.assign(diagnostics, { khat: result.khat, khatReading: result.khatReading, logEvidence: result.logEvidence });
    return {
      format: 'varinf.FitResult',
      version: 1,
      guide: { kind: this.#guide.kind, families },
      latents: blocks.map((b) => ({ name: b.name, size: b.size, scalar: b.scalar, support: b.support.kind })),
      params: Array.from(this.params),
      paramNames: [...this.paramNames],
      posterior,
      trace: Array.from(this.trace, jsonNumber),
      converged: this.converged,
      steps: this.steps,
      diagnostics,
      warnings: this.#eagerWarnings.map((w) => ({ code: w.code, message: w.message })),
      evaluation,
      ...(result === undefined ? {} : { elbo: result.elbo, elboStderr: result.elboStderr }),
    };
  }

  /** The evaluation's values when it has been made (the getters were replaced), else undefined. */
  private evaluated(): Evaluated | undefined {
    if (Object.getOwnPropertyDescriptor(this, 'elbo')?.get !== undefined) return undefined;
    const d = this.diagnostics;
    return { elbo: this.elbo, elboStderr: this.elboStderr, khat: d.khat, khatReading: d.khatReading, logEvidence: d.logEvidence };
  }
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
 * Installs the lazy evaluation: `elbo`, `elboStderr` on the result and `khat`,
 * `khatReading`, `logEvidence` on its diagnostics start as non-enumerable getters
 * (invisible to `structuredClone` and `JSON.stringify`, so neither triggers the
 * evaluation); the first read of any of them makes the evaluation and turns all five
 * into enumerable, read-only values.
 */
function installLazyEvaluation(result: object, diagnostics: object, source: EvaluationSource, eagerWarnings: readonly FitWarning[]): void {
  const fields: readonly [object, string, (e: Evaluated) => unknown][] = [
    [result, 'warnings', (e) => Object.freeze([...eagerWarnings, ...khatWarnings(e, source.samples)])],
    [result, 'elbo', (e) => e.elbo],
    [result, 'elboStderr', (e) => e.elboStderr],
    [diagnostics, 'khat', (e) => e.khat],
    [diagnostics, 'khatReading', (e) => e.khatReading],
    [diagnostics, 'logEvidence', (e) => e.logEvidence],
  ];
  const materialize = (): void => {
    const e = source.evaluate();
    for (const [target, name, pick] of fields) {
      Object.defineProperty(target, name, { value: pick(e), enumerable: true, writable: false, configurable: false });
    }
  };
  for (const [target, name] of fields) {
    Object.defineProperty(target, name, {
      enumerable: false,
      configurable: true,
      get(): unknown {
        materialize();
        return (target as Record<string, unknown>)[name];
      },
    });
  }
}
