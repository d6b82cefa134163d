import type { PosteriorModel } from '../posterior-model';

/** k ~ Binomial(n, θ), θ ~ Beta(1, 1): the conjugate Beta(1 + k, 1 + n − k) posterior. */
export const rate1: PosteriorModel = {
  file: 'Rate_1_data-Rate_1_model',
  needs: ['Beta', 'Binomial'],
  build(json, lib) {
    const { Beta, Binomial, Model } = lib;
    const n = json.data.n as number;
    return new Model({
      prior: { theta: new Beta(1, 1) },
      likelihood: ({ theta }) => new Binomial(n, theta),
      data: [json.data.k as number],
    });
  },
};
