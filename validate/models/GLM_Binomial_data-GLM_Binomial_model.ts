import { add, mul, sigmoid } from '../../src/model/ops';
import { numbers, type PosteriorModel } from '../posterior-model';

/** C_i ~ Binomial(N_i, sigmoid(α + β₁ year + β₂ year²)), α, β ~ Normal(0, 100). */
export const glmBinomial: PosteriorModel = {
  file: 'GLM_Binomial_data-GLM_Binomial_model',
  needs: ['Normal', 'Binomial'],
  build(json, lib) {
    const { Binomial, Model, Normal } = lib;
    const year = numbers(json, 'year');
    const N = numbers(json, 'N');
    return new Model({
      prior: { alpha: new Normal(0, 100), beta1: new Normal(0, 100), beta2: new Normal(0, 100) },
      likelihood: (p, i: number) => new Binomial(N[i], sigmoid(add(p.alpha, add(mul(p.beta1, year[i]), mul(p.beta2, year[i] * year[i]))))),
      data: numbers(json, 'C'),
    });
  },
};
