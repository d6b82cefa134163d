/**
 * The list of all of varinf's families under test, continuous and discrete.
 *
 * @module
 */
import { continuousFamilies } from './arbitraries';
import { discreteFamilies } from './discrete-families';
import type { Family } from './family';

/**
 * Every family of varinf ({@link continuousFamilies} then {@link discreteFamilies}):
 * what a property that applies to both kinds sweeps. Properties for one kind only
 * (`cdfDerivativeIsPdf`, `partialsMatchFiniteDifferences` for continuous ones,
 * `cdfIsCumulativePmf` for discrete ones) throw a TypeError on the other.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { families, pdfIsExpLogPdf } from 'varinf/testing';
 * // A discrete family computes its pmf directly (1 − p, not exp(log1p(−p))): allow 46 ulps there.
 * for (const f of families) fc.assert(pdfIsExpLogPdf(f, { ulps: f.kind === 'discrete' ? 46 : 0 }), { seed: 1 });
 * ```
 */
export const families: readonly Family[] = /* @__PURE__ */ continuousFamilies.concat(discreteFamilies);
