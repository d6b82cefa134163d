/**
 * varinf: probability distributions, models with exact gradients, and
 * variational inference for TypeScript.
 *
 * This entry point holds the distributions, `Rng`, `kl`, `Model` and the errors;
 * the VI algorithms live in `varinf/vi`.
 *
 * @packageDocumentation
 * @module varinf
 */
export { Bernoulli } from './distributions/bernoulli';
export { BernoulliLogit } from './distributions/bernoulli-logit';
export { Beta } from './distributions/beta';
export { Binomial } from './distributions/binomial';
export { Cauchy } from './distributions/cauchy';
export { ContinuousDistribution, type DistributionJSON } from './distributions/distribution';
export { DiscreteDistribution } from './distributions/discrete-distribution';
export { scalarValue, type BoxedScalar } from './distributions/scalar';
export { Exponential } from './distributions/exponential';
export { fromJSON } from './distributions/from-json';
export { Gamma } from './distributions/gamma';
export { HalfCauchy } from './distributions/half-cauchy';
export { HalfNormal } from './distributions/half-normal';
export { intervalBijection } from './distributions/interval-bijection';
export { InverseGamma } from './distributions/inverse-gamma';
export { kl } from './distributions/kl';
export { LogitNormal } from './distributions/logit-normal';
export { LogNormal } from './distributions/lognormal';
export { Normal } from './distributions/normal';
export { Poisson } from './distributions/poisson';
export { StudentT } from './distributions/student-t';
export {
  closedInterval,
  integerRange,
  nonNegative,
  nonNegativeIntegers,
  openInterval,
  positive,
  real,
  supportContains,
  unitInterval,
  type DiscreteSupport,
  type Support,
  type SupportKind,
} from './distributions/support';
export { Uniform } from './distributions/uniform';
export {
  bijectionFor,
  expBijection,
  identityBijection,
  sameTransform,
  type Bijection,
} from './distributions/transforms';
export { InvalidParameterError, ModelError, UnsupportedKLError } from './errors';
export { limits, setLimits, type Limits } from './limits';
export type { DifferentiableModel, LatentBlock } from './model/differentiable-model';
export type { LatentValue, Latents, Prior, PriorEntry, PriorFn } from './model/latents';
export { Model, type Likelihood, type ModelSpec, type NoCovariates } from './model/model';
export type { CovariateColumn, Covariates, Datum } from './model/covariates';
export type { LikelihoodDistribution } from './model/values';
export {
  add,
  detach,
  div,
  dot,
  exp,
  expm1,
  log,
  log1p,
  mul,
  neg,
  pow,
  sigmoid,
  softplus,
  sqrt,
  square,
  sub,
  sum,
  tanh,
} from './model/ops';
export { Plate, plate } from './model/plate';
export { isNode, TapeNode } from './model/tape';
export { Rng } from './random/rng';
export { SOBOL_MAX_DIMENSION, ScrambledSobol } from './random/sobol';
