/**
 * varinf: probability distributions, models with exact gradients, and
 * variational inference for TypeScript.
 *
 * This entry point holds the distributions, `Rng`, `kl`, `Model` and the errors;
 * the VI algorithms live in `varinf/vi`.
 *
 * @packageDocumentation
 */
export { ContinuousDistribution } from './distributions/distribution';
export { Exponential } from './distributions/exponential';
export { Gamma } from './distributions/gamma';
export { kl } from './distributions/kl';
export { LogNormal } from './distributions/lognormal';
export { Normal } from './distributions/normal';
export { nonNegative, positive, real, type Support, type SupportKind } from './distributions/support';
export {
  bijectionFor,
  expBijection,
  identityBijection,
  type Bijection,
} from './distributions/transforms';
export { InvalidParameterError, UnsupportedKLError } from './errors';
export type { DifferentiableModel, LatentBlock } from './model/differentiable-model';
export { Rng } from './random/rng';
