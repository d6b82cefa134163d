/** Type-level tests: `fit` returns a posterior keyed by the model's latent names. */
import { describe, expectTypeOf, it } from 'vitest';
import { Exponential, LogNormal, Model, Normal, plate, type ContinuousDistribution, type DifferentiableModel } from '../../src/index';
import { fit, type Posterior } from '../../src/vi/index';

describe('typed posterior', () => {
  it('scalar latents map to a distribution, plates to an array', () => {
    const model = new Model({
      prior: { z: new Exponential(1), w: plate(new Normal(0, 1), 3) },
      likelihood: ({ z }) => new Normal(z, 1),
      data: [1.3],
    });
    const r = fit(model, { guide: { z: LogNormal, w: Normal } });
    expectTypeOf(r.posterior.z).toEqualTypeOf<ContinuousDistribution>();
    expectTypeOf(r.posterior.w).toEqualTypeOf<readonly ContinuousDistribution[]>();
    // @ts-expect-error: no latent named y
    void r.posterior.y;
  });

  it('a hand-written DifferentiableModel gets the untyped record', () => {
    const m = {} as DifferentiableModel;
    expectTypeOf(fit(m).posterior).toEqualTypeOf<Posterior>();
  });
});
