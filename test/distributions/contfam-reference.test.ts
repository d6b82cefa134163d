/**
 * families.json reference cases (every distribution, moment and KL case, tails
 * included, at rtol 1e-12·max(1, cond)) for Cauchy, HalfNormal, HalfCauchy,
 * Uniform and InverseGamma.
 */
import { Cauchy, HalfCauchy, HalfNormal, InverseGamma, kl, Uniform, type ContinuousDistribution } from '../../src/index';
import { describeFamilyReference, describeKlReference } from '../helpers/families';

type Params = Record<string, number>;

const makers: Record<string, (p: Params) => ContinuousDistribution> = {
  Cauchy: (p) => new Cauchy(p.mu, p.sigma),
  HalfNormal: (p) => new HalfNormal(p.sigma),
  HalfCauchy: (p) => new HalfCauchy(p.sigma),
  Uniform: (p) => new Uniform(p.low, p.high),
  InverseGamma: (p) => new InverseGamma(p.shape, p.scale),
};

for (const [name, make] of Object.entries(makers)) describeFamilyReference(name, make);

for (const name of ['Cauchy', 'HalfNormal', 'Uniform', 'InverseGamma']) {
  const make = makers[name];
  describeKlReference(name, name, (p, q) => kl(make(p.params), make(q.params)));
}
