/**
 * `varinf/testing`: the density identities varinf checks its own families with,
 * as fast-check properties for your own distributions and model code.
 *
 * - families: {@link Family} entries ({@link defineFamily}) with arbitraries of
 *   valid, moderate and invalid parameters; varinf's own in {@link families};
 * - properties: functions from a family to a fast-check property, e.g.
 *   {@link pdfIsExpLogPdf}, {@link cdfIsMonotone}, {@link quantileInvertsCdf},
 *   {@link densityIntegratesToOne}, {@link sampleMomentsMatch},
 *   {@link partialsMatchFiniteDifferences}, {@link klIsNonNegative}; each states its
 *   tolerance rule and fails with an {@link IdentityViolation} naming the identity,
 *   the parameters and the counterexample.
 *
 * `fast-check` (3.x or 4.x) is an optional peer dependency: install it to use this
 * entry point; no other entry point of varinf loads it.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { families, cdfIsMonotone, quantileInvertsCdf } from 'varinf/testing';
 * for (const f of families) {
 *   fc.assert(cdfIsMonotone(f), { seed: 1 });
 *   fc.assert(quantileInvertsCdf(f), { seed: 1 });
 * }
 * ```
 *
 * @packageDocumentation
 * @module varinf/testing
 */
export {
  betaFamily,
  cauchyFamily,
  continuousFamilies,
  exponentialFamily,
  gammaFamily,
  halfCauchyFamily,
  halfNormalFamily,
  inverseGammaFamily,
  logitNormalFamily,
  logNormalFamily,
  normalFamily,
  studentTFamily,
  uniformFamily,
} from './arbitraries';
export { bernoulliFamily, bernoulliLogitFamily, binomialFamily, discreteFamilies, poissonFamily, probability } from './discrete-families';
export { families } from './families';
export { defineFamily, type ArbitrarySource, type Family, type FamilySpec, type TestableDistribution } from './family';
export { differenceStep, richardsonDerivative } from './finite-differences';
export { logUniform, nonPositive, notANumber, pointIn, replaceOne, signedLog } from './generators';
export { checkSampleMoments, monteCarloMean, type MonteCarloEstimate, type SampleMomentsOptions } from './monte-carlo';
export { cdfDerivativeIsPdf, cdfIsMonotone, cdfPlusSurvivalIsOne, logCdfIsLogOfCdf, pdfIsExpLogPdf, type CdfDerivativeOptions, type CdfSurvivalOptions, type LogCdfOptions, type PdfOptions } from './evaluation-properties';
export { type IdentityProperty, type PropertyOptions } from './identity-property';
export { klIsNonNegative, klOfSelfIsZero, type KlFunction, type KlSelfOptions } from './kl-properties';
export { cdfIsCumulativePmf, densityIntegratesToOne, type CumulativeOptions, type NormalizationOptions } from './normalization-properties';
export { partialsMatchFiniteDifferences, type PartialsOptions } from './partials-properties';
export { quantileInvertsCdf, type QuantileOptions } from './quantile-properties';
export { rejectsInvalidParameters } from './bad-input-properties';
export { entropyMatchesMonteCarlo, klMatchesMonteCarlo, sampleMomentsMatch, type MonteCarloOptions, type SampleMomentsPropertyOptions } from './monte-carlo-properties';
export { assertIdentity } from './assert';
export { EPSILON, isClose, withinReferenceRule } from './tolerance';
export { describeMember, IdentityViolation } from './violation';
