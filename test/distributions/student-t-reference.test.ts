/**
 * families.json reference cases for StudentT (every distribution and moment case,
 * tails included, at rtol 1e-12·max(1, cond)). There are no KL cases for StudentT.
 */
import { StudentT } from '../../src/index';
import { describeFamilyReference } from '../helpers/families';

describeFamilyReference('StudentT', (p) => new StudentT(p.nu, p.mu, p.sigma));
