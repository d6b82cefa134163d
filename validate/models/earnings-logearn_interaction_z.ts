import { dot } from '../../src/model/ops';
import { meanSd, numbers, type PosteriorModel } from '../posterior-model';

/** log earn ~ Normal(β₁ + β₂ z + β₃ male + β₄ z·male, σ), z = standardized height; flat priors made wide (Normal(0, 100), Exponential(0.01)). */
export const earnings: PosteriorModel = {
  file: 'earnings-logearn_interaction_z',
  needs: ['Normal', 'Exponential'],
  build(json, { Model, Normal, Exponential, plate }) {
    const earn = numbers(json, 'earn');
    const height = numbers(json, 'height');
    const male = numbers(json, 'male');
    const { mean, sd } = meanSd(height);
    const X = height.map((h, i) => {
      const z = (h - mean) / sd;
      return Float64Array.of(1, z, male[i], z * male[i]);
    });
    return new Model({
      prior: { beta: plate(new Normal(0, 100), 4), sigma: new Exponential(0.01) },
      likelihood: (p, i: number) => new Normal(dot(p.beta, X[i]), p.sigma),
      data: earn.map(Math.log),
    });
  },
};
