import { dot } from '../../src/model/ops';
import { numbers, type PosteriorModel } from '../posterior-model';

/** log weight ~ Normal(Xβ, σ) with the Stan program's log covariates; flat priors made wide (Normal(0, 1000), Exponential(0.01)). */
export const mesquite: PosteriorModel = {
  file: 'mesquite-logmesquite_logvash',
  needs: ['Normal', 'Exponential'],
  build(json, { Model, Normal, Exponential, plate }) {
    const weight = numbers(json, 'weight');
    const d1 = numbers(json, 'diam1');
    const d2 = numbers(json, 'diam2');
    const ch = numbers(json, 'canopy_height');
    const th = numbers(json, 'total_height');
    const group = numbers(json, 'group');
    const X = weight.map((_, i) =>
      Float64Array.of(1, Math.log(d1[i] * d2[i] * ch[i]), Math.log(d1[i] * d2[i]), Math.log(d1[i] / d2[i]), Math.log(th[i]), group[i]),
    );
    return new Model({
      prior: { beta: plate(new Normal(0, 1000), 6), sigma: new Exponential(0.01) },
      likelihood: (p, i: number) => new Normal(dot(p.beta, X[i]), p.sigma),
      data: weight.map(Math.log),
    });
  },
};
