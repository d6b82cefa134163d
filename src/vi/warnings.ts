/**
 * Warnings attached to a fit result: what a user must know before trusting it.
 * `fit` never returns `converged: false` with no warning.
 *
 * | code | meaning |
 * | --- | --- |
 * | `not-converged` | the convergence rule was not met (the message says which test failed last) |
 * | `step-size-at-edge` | the step-size search preferred the end of its (extended) ladder: the best step size may lie beyond it |
 * | `unstable-step-size` | a user-given step size made steps fail (non-finite, rejected) or the fit did not converge with it |
 * | `khat-high` | PSIS k̂ > 0.7: the importance ratios p/q have a heavy tail, q misses posterior mass |
 * | `khat-moderate` | PSIS k̂ in (0.5, 0.7]: q covers the posterior but its shape differs (sds, tails) |
 * | `multimodal` | restarts from dispersed starts reached different optima (ELBOs or locations differ) |
 * | `nan-region` | the model produced a NaN parameter inside the support (with `nonFinite: "warn"`; the count is in the message) |
 * | `no-mode` | the mode search found no mode (the density grows without bound, e.g. a funnel): the fit started from the prior |
 * | `indefinite-curvature` | the curvature at the mode is not positive definite: the start used the positive diagonal entries |
 * | `non-gaussian` | the fit moved more than 2 Laplace sds (or changed an sd more than 2×) from the approximation at the mode: the posterior is far from Gaussian |
 * | `stopped` | `onStep` stopped the fit early |
 *
 * @module
 */

/**
 * One warning of a fit: a stable `code` (see the table in the module description)
 * and a human-readable `message` with the numbers behind it.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { seed: 1 });
 * for (const w of r.warnings) console.warn(`${w.code}: ${w.message}`);
 * r.warnings.map((w) => w.code); // → ["khat-high"]: k̂ ≈ 0.95 for this posterior
 * ```
 */
export interface FitWarning {
  /** A stable identifier, e.g. `"not-converged"`. */
  readonly code: string;
  /** What happened, with numbers. */
  readonly message: string;
}

/**
 * The warning codes `fit` emits.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const r = fit(model, { seed: 1 });
 * r.warnings.some((w) => w.code === FIT_WARNING_CODES.khatHigh); // → true
 * ```
 */
export const FIT_WARNING_CODES = {
  /** The convergence rule was not met. */
  notConverged: 'not-converged',
  /** The step-size search picked an end of its ladder (and the fit did not converge). */
  stepSizeAtEdge: 'step-size-at-edge',
  /** A user step size made steps fail, or the fit did not converge with it. */
  unstableStepSize: 'unstable-step-size',
  /** PSIS k̂ > 0.7. */
  khatHigh: 'khat-high',
  /** PSIS k̂ in (0.5, 0.7]. */
  khatModerate: 'khat-moderate',
  /** Separate modes of comparable Laplace mass. */
  multimodal: 'multimodal',
  /** NaN parameters inside the support (with `nonFinite: "warn"`). */
  nanRegion: 'nan-region',
  /** No mode of the log joint: the fit started from the prior. */
  noMode: 'no-mode',
  /** The curvature where the mode search ended is not positive definite. */
  indefiniteCurvature: 'indefinite-curvature',
  /** The fit moved far from the Laplace approximation: the posterior is far from Gaussian. */
  nonGaussian: 'non-gaussian',
  /** `onStep` stopped the fit. */
  stopped: 'stopped',
} as const;

/**
 * Builds a frozen warning.
 *
 * @param code - the code
 * @param message - the message
 * @returns the warning
 * @example
 * ```ts
 * fitWarning('khat-high', 'PSIS k̂ = 0.93 > 0.7'); // → { code: "khat-high", message: "PSIS k̂ = 0.93 > 0.7" }
 * ```
 */
export function fitWarning(code: string, message: string): FitWarning {
  return Object.freeze({ code, message });
}

/**
 * The k̂ warnings of a fit's final evaluation of `n` draws: `khat-moderate` for
 * 0.5 < k̂ ≤ 0.7, `khat-high` above; none where the log weights are flat to rounding.
 *
 * @example
 * ```ts
 * khatWarnings({ khat: 0.9, elboStderr: 0.01 }, 20_000); // → [{ code: 'khat-high', … }]
 * ```
 * @internal
 */
export function khatWarnings(e: { readonly khat: number; readonly elboStderr: number }, n: number): FitWarning[] {
  if (!(e.khat > 0.5)) return [];
  // Log weights that vary by less than 0.01 nats (sd) say q matches p wherever q
  // samples; k̂, a Pareto fit to the tail of ratios that are all ≈ 1 (their spread
  // is then rounding noise of log p), means nothing there. Measured: a 20-datum scale
  // model with |log p| ≈ 9e5 has ±2e-3 nats of rounding noise and k̂ ≈ 3.8.
  if (e.elboStderr * Math.sqrt(n) < 0.01) return [];
  if (e.khat <= 0.7) {
    return [
      fitWarning(
        'khat-moderate',
        `PSIS k̂ = ${e.khat.toFixed(2)} (0.5–0.7): q covers the posterior but its shape differs; the best Gaussian can still be off in the tails or the sds (e.g. a hierarchical scale: the non-centred eight schools' mean-field fit converges with τ's sd 0.66× the ideal one at k̂ ≈ 0.58)`,
      ),
    ];
  }
  return [fitWarning('khat-high', `PSIS k̂ = ${e.khat.toFixed(2)} > 0.7: the importance ratios p/q have a heavy right tail; q misses posterior mass (expectations under q may be biased)`)];
}
