import { add, mul } from '../../src/model/ops';
import { numbers, type PosteriorModel } from '../posterior-model';

/** kid_score ~ Normal(β₁ + β₂ mom_iq, σ), σ ~ HalfCauchy(2.5); flat β made wide (Normal(0, 1e4)). Unscaled covariate (mom_iq ≈ 100). */
export const kidiq: PosteriorModel = {
  file: 'kidiq-kidscore_momiq',
  needs: ['Normal', 'HalfCauchy'],
  build(json, { Model, Normal, HalfCauchy, plate }) {
    const iq = numbers(json, 'mom_iq');
    return new Model({
      prior: { beta: plate(new Normal(0, 1e4), 2), sigma: new HalfCauchy(2.5) },
      likelihood: (p, i: number) => new Normal(add(p.beta[0], mul(p.beta[1], iq[i])), p.sigma),
      data: numbers(json, 'kid_score'),
    });
  },
};
