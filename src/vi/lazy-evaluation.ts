/**
 * The lazy final evaluation of a {@link FitResult}: `elbo`, `elboStderr` and the
 * diagnostics' `khat`, `khatReading` and `logEvidence` come from one evaluation of
 * `evalSamples` draws, made the first time one of them is read (see fit-result.ts,
 * "The lazy evaluation").
 *
 * @module
 */
import type { Estimate } from './evaluate';
import type { KhatReading } from './psis';
import { khatWarnings, type FitWarning } from './warnings';

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
 * Installs the lazy evaluation: `elbo`, `elboStderr` on the result and `khat`,
 * `khatReading`, `logEvidence` on its diagnostics start as non-enumerable getters
 * (invisible to `structuredClone` and `JSON.stringify`, so neither triggers the
 * evaluation); the first read of any of them makes the evaluation and turns all five
 * into enumerable, read-only values.
 *
 * @example
 * ```ts
 * const result = {};
 * let made = 0;
 * const e: Evaluated = { elbo: -1.44, elboStderr: 0.005, khat: 0.4, khatReading: 'good', logEvidence: { value: -1.28, stderr: 0.002 } };
 * installLazyEvaluation(result, {}, { samples: 20_000, rngState: [1, 2, 3, 4], evaluate: () => (made++, e) }, []);
 * JSON.stringify(result);             // → "{}": the getters are not enumerable
 * (result as { elbo: number }).elbo;  // → -1.44: the first read makes the evaluation
 * made;                               // → 1
 * ```
 */
export function installLazyEvaluation(result: object, diagnostics: object, source: EvaluationSource, eagerWarnings: readonly FitWarning[]): void {
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
