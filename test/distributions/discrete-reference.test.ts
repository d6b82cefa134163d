/**
 * The discrete families against families.json (mpmath, 50 digits): every
 * `distribution` and `moment` case at rtol 1e-12 (tails, boundaries and non-integer
 * points included), and the closed-form KL pairs, near-equal pairs included.
 */
import { Bernoulli, BernoulliLogit, Binomial, kl, Poisson } from '../../src/index';
import { describeFamilyReference, describeKlReference } from '../helpers/families';

type P = Record<string, number>;
const makeBernoulli = (p: P): Bernoulli => new Bernoulli(p.p);
const makeLogit = (p: P): BernoulliLogit => new BernoulliLogit(p.logit);
const makeBinomial = (p: P): Binomial => new Binomial(p.n, p.p);
const makePoisson = (p: P): Poisson => new Poisson(p.rate);

describeFamilyReference('Bernoulli', makeBernoulli);
describeFamilyReference('BernoulliLogit', makeLogit);
describeFamilyReference('Binomial', makeBinomial);
describeFamilyReference('Poisson', makePoisson);

describeKlReference('Bernoulli', 'Bernoulli', (p, q) => kl(makeBernoulli(p.params), makeBernoulli(q.params)));
describeKlReference('Binomial', 'Binomial', (p, q) => kl(makeBinomial(p.params), makeBinomial(q.params)));
describeKlReference('Poisson', 'Poisson', (p, q) => kl(makePoisson(p.params), makePoisson(q.params)));
