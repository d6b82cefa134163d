import { add, mul } from '../../src/model/ops';
import { numbers, type PosteriorModel } from '../posterior-model';

/** Non-centred eight schools: y_j ~ Normal(μ + τ θ̃_j, σ_j), θ̃ ~ Normal(0, 1), μ ~ Normal(0, 5), τ ~ HalfCauchy(5). */
export const eightSchools: PosteriorModel = {
  file: 'eight_schools-eight_schools_noncentered',
  needs: ['Normal', 'HalfCauchy'],
  build(json, { Model, Normal, HalfCauchy, plate }) {
    const sigma = numbers(json, 'sigma');
    return new Model({
      prior: { theta_trans: plate(new Normal(0, 1), 8), mu: new Normal(0, 5), tau: new HalfCauchy(5) },
      likelihood: (p, j: number) => new Normal(add(p.mu, mul(p.tau, p.theta_trans[j])), sigma[j]),
      data: numbers(json, 'y'),
    });
  },
};
