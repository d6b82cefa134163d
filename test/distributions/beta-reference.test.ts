/**
 * families.json reference cases for Beta (every distribution, moment and KL case,
 * tails included, at rtol 1e-12·max(1, cond)).
 */
import { Beta, kl } from '../../src/index';
import { describeFamilyReference, describeKlReference } from '../helpers/families';

const make = (p: Record<string, number>): Beta => new Beta(p.alpha, p.beta);

describeFamilyReference('Beta', make);
describeKlReference('Beta', 'Beta', (p, q) => kl(make(p.params), make(q.params)));
