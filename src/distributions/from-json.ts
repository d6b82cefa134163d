/**
 * `fromJSON`: rebuilds a distribution from its `toJSON()` form `{ family, params }`.
 *
 * One table maps each family name to its class and the parameter names in
 * constructor order; adding a family is one line in {@link FAMILIES}. The JSON is
 * checked field by field, and the constructor then checks the values, so every
 * failure is an `InvalidParameterError` naming what is wrong.
 *
 * @module
 */
import { didYouMean } from '../did-you-mean';
import { InvalidParameterError } from '../errors';
import { Bernoulli } from './bernoulli';
import { BernoulliLogit } from './bernoulli-logit';
import { Beta } from './beta';
import { Binomial } from './binomial';
import type { DiscreteDistribution } from './discrete-distribution';
import type { ContinuousDistribution, DistributionJSON } from './distribution';
import { Poisson } from './poisson';
import { Cauchy } from './cauchy';
import { Exponential } from './exponential';
import { Gamma } from './gamma';
import { HalfCauchy } from './half-cauchy';
import { HalfNormal } from './half-normal';
import { InverseGamma } from './inverse-gamma';
import { LogitNormal } from './logit-normal';
import { LogNormal } from './lognormal';
import { Normal } from './normal';
import { StudentT } from './student-t';
import { Uniform } from './uniform';

/** A family's class with its parameter names in constructor order. */
type FamilyEntry = readonly [new (...params: number[]) => ContinuousDistribution | DiscreteDistribution, readonly string[]];

/** Family name → [class, parameter names in constructor order]. One line per family. */
const FAMILIES: Readonly<Record<string, FamilyEntry>> = {
  Bernoulli: [Bernoulli, ['p']],
  BernoulliLogit: [BernoulliLogit, ['logit']],
  Beta: [Beta, ['alpha', 'beta']],
  Binomial: [Binomial, ['n', 'p']],
  Cauchy: [Cauchy, ['mu', 'sigma']],
  Exponential: [Exponential, ['rate']],
  Gamma: [Gamma, ['shape', 'rate']],
  HalfCauchy: [HalfCauchy, ['sigma']],
  HalfNormal: [HalfNormal, ['sigma']],
  InverseGamma: [InverseGamma, ['shape', 'scale']],
  LogitNormal: [LogitNormal, ['mu', 'sigma', 'low', 'high']],
  LogNormal: [LogNormal, ['mu', 'sigma']],
  Normal: [Normal, ['mu', 'sigma']],
  Poisson: [Poisson, ['rate']],
  StudentT: [StudentT, ['nu', 'mu', 'sigma']],
  Uniform: [Uniform, ['low', 'high']],
};

/**
 * Rebuilds a distribution from `{ family, params }` (what `toJSON()` gives, or its
 * `JSON.parse`d text): `fromJSON(d.toJSON())` is a distribution equal to `d` (same
 * class, same parameters to the bit).
 *
 * @param json - `{ family: "Normal", params: { mu: 0, sigma: 1 } }`
 * @throws InvalidParameterError when `json` is not such an object, the family is
 *   unknown (with a did-you-mean), a parameter is missing, unknown or not a number,
 *   or a value is out of its domain (the constructor's own message)
 * @example
 * ```ts
 * import { fromJSON, LogNormal } from 'varinf';
 * const text = JSON.stringify(new LogNormal(-0.32, 0.66));
 * const q = fromJSON(JSON.parse(text)); // LogNormal(mu = -0.32, sigma = 0.66)
 * q instanceof LogNormal;               // → true
 * ```
 */
export function fromJSON(json: DistributionJSON | Readonly<Record<string, unknown>>): ContinuousDistribution | DiscreteDistribution {
  if (json === null || typeof json !== 'object') throw bad('json', 'an object { family, params }', json);
  const { family, params } = json as { family?: unknown; params?: unknown };
  const names = Object.keys(FAMILIES);
  if (typeof family !== 'string' || !Object.hasOwn(FAMILIES, family)) {
    const guess = typeof family === 'string' ? didYouMean(family, names) : undefined;
    const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
    throw bad('family', `one of ${names.map((n) => `"${n}"`).join(', ')}${hint}`, family);
  }
  const [Family, paramNames] = FAMILIES[family];
  if (params === null || typeof params !== 'object' || Array.isArray(params)) throw bad(`${family}.params`, 'an object of numbers', params);
  const record = params as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!paramNames.includes(key)) throw bad(`${family}.params`, `made of ${paramNames.join(', ')} only`, key);
  }
  const values = paramNames.map((p) => {
    const v = record[p];
    if (typeof v !== 'number') throw bad(`${family}.params.${p}`, 'a number', v);
    return v;
  });
  return new Family(...values);
}

function bad(parameter: string, requirement: string, value: unknown): InvalidParameterError {
  return new InvalidParameterError('fromJSON', parameter, `${requirement}`, value);
}
