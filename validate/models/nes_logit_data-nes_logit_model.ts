import { add, mul } from '../../src/model/ops';
import { numbers, type PosteriorModel } from '../posterior-model';

/** vote ~ BernoulliLogit(α + β income); flat priors made wide (Normal(0, 1000)). */
export const nesLogit: PosteriorModel = {
  file: 'nes_logit_data-nes_logit_model',
  needs: ['Normal', 'BernoulliLogit'],
  build(json, lib) {
    const { BernoulliLogit, Model, Normal, plate } = lib;
    const income = numbers(json, 'income');
    return new Model({
      prior: { alpha: new Normal(0, 1000), beta: plate(new Normal(0, 1000), 1) },
      likelihood: (p, i: number) => new BernoulliLogit(add(p.alpha, mul(p.beta[0], income[i]))),
      data: numbers(json, 'vote'),
    });
  },
};
