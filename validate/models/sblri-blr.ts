import { dot } from '../../src/model/ops';
import { numbers, type PosteriorModel } from '../posterior-model';

/** y ~ Normal(Xβ, σ), β ~ Normal(0, 10), σ ~ HalfNormal(10) (Stan: normal_lpdf on σ > 0). */
export const sblri: PosteriorModel = {
  file: 'sblri-blr',
  needs: ['Normal', 'HalfNormal'],
  build(json, { Model, Normal, HalfNormal, plate }) {
    const X = (json.data.X as number[][]).map((r) => Float64Array.from(r));
    return new Model({
      prior: { beta: plate(new Normal(0, 10), X[0].length), sigma: new HalfNormal(10) },
      likelihood: (p, i: number) => new Normal(dot(p.beta, X[i]), p.sigma),
      data: numbers(json, 'y'),
    });
  },
};
