/**
 * Type-level tests: the latent record is inferred from the prior, so likelihoods
 * need no annotations and misspelt latent names do not compile.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  add,
  dot,
  Exponential,
  Model,
  Normal,
  plate,
  type DifferentiableModel,
  type Latents,
} from '../../src/index';

describe('Model types', () => {
  it('infers the latent record from the prior', () => {
    const model = new Model({
      prior: { z: new Exponential(1) },
      likelihood: ({ z }) => {
        expectTypeOf(z).toEqualTypeOf<number>();
        return new Normal(z, 1);
      },
      data: [1.3],
    });
    expectTypeOf(model.logJoint).parameter(0).toEqualTypeOf<{ readonly z: number }>();
    expectTypeOf(model.gradLogJoint({ z: 1.5 })).toEqualTypeOf<{ readonly z: number }>();
    expectTypeOf(model.constrain(new Float64Array(1)).z).toEqualTypeOf<number>();
    expectTypeOf(model).toExtend<DifferentiableModel>();
  });

  it('plates and arrays are Float64Array; the datum index is a number', () => {
    const X = [new Float64Array(5)];
    const model = new Model({
      prior: { w: plate(new Normal(0, 1), 5), b: [new Normal(0, 1), new Normal(0, 2)], s: new Exponential(1) },
      likelihood: ({ w, b, s }, i) => {
        expectTypeOf(w).toEqualTypeOf<Float64Array>();
        expectTypeOf(b).toEqualTypeOf<Float64Array>();
        expectTypeOf(i).toEqualTypeOf<number>();
        return new Normal(add(dot(w, X[i]), b[0]), s);
      },
      data: new Float64Array([0.5]),
    });
    expectTypeOf(model.gradLogJoint).returns.toEqualTypeOf<
      Latents<{ w: ReturnType<typeof plate<Normal>>; b: Normal[]; s: Exponential }>
    >();
    expectTypeOf(model.gradLogJoint).returns.toHaveProperty('w').toEqualTypeOf<Float64Array>();
  });

  it('rejects misspelt or missing latent names', () => {
    new Model({
      prior: { z: new Exponential(1) },
      // @ts-expect-error: "zz" is not a latent of this model
      likelihood: ({ zz }) => new Normal(zz, 1),
      data: [1.3],
    });
    const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
    // @ts-expect-error: missing latent z
    model.logJoint({});
    // @ts-expect-error: unknown latent y
    model.logJoint({ z: 1, y: 2 });
    // @ts-expect-error: a scalar latent is a number
    model.logJoint({ z: new Float64Array(1) });
  });

  it('hierarchical entries: the latent type is that of what the function returns', () => {
    const model = new Model({
      prior: { tau: new Exponential(1), theta: ({ tau }) => plate(new Normal(0, tau), 3) },
      likelihood: ({ theta, tau }, i) => {
        expectTypeOf(theta).toEqualTypeOf<Float64Array>();
        expectTypeOf(tau).toEqualTypeOf<number>();
        return new Normal(theta[i], 1);
      },
      data: [1, 2, 3],
    });
    expectTypeOf(model.gradLogJoint).returns.toEqualTypeOf<{ readonly tau: number; readonly theta: Float64Array }>();
  });

  it('a hand-written DifferentiableModel needs exactly the interface', () => {
    const m: DifferentiableModel = {
      dim: 0,
      blocks: [],
      logDensity: () => 0,
      logDensityGradient: () => 0,
    };
    expectTypeOf(m.logDensityGradient).parameters.toEqualTypeOf<[Float64Array, Float64Array]>();
  });
});

describe('hierarchical entries with an annotated argument', () => {
  it('Latents<typeof earlier> types the earlier latents; a misspelt one does not compile', () => {
    const hyper = { mu: new Normal(0, 5), tau: new Exponential(1) };
    const model = new Model({
      prior: {
        ...hyper,
        theta: ({ mu, tau }: Latents<typeof hyper>) => {
          expectTypeOf(mu).toEqualTypeOf<number>();
          return plate(new Normal(mu, tau), 3);
        },
      },
      likelihood: ({ theta, tau }) => {
        expectTypeOf(theta).toEqualTypeOf<Float64Array>();
        return new Normal(theta[0], tau);
      },
      data: [1],
    });
    expectTypeOf(model.constrain(new Float64Array(5)).theta).toEqualTypeOf<Float64Array>();
    // @ts-expect-error: no latent named mux among the earlier ones
    const bad = ({ mux }: Latents<typeof hyper>) => new Normal(mux, 1);
    void bad;
  });
  it('declared covariates: the datum record is inferred (rows are arrays, numbers are numbers); a misspelt one does not compile', () => {
    const model = new Model({
      prior: { w: plate(new Normal(0, 1), 2) },
      covariates: { x: [[1, 2], [3, 4]], t: new Float64Array(2) },
      likelihood: ({ w }, { x, t }) => {
        expectTypeOf(x).toEqualTypeOf<ArrayLike<number>>();
        expectTypeOf(t).toEqualTypeOf<number>();
        return new Normal(add(dot(x, w), t), 1);
      },
      data: [0.5, 1],
    });
    expectTypeOf(model).toExtend<DifferentiableModel>();
    new Model({
      prior: { w: plate(new Normal(0, 1), 2) },
      covariates: { x: [[1, 2], [3, 4]] },
      // @ts-expect-error: no covariate "y"
      likelihood: ({ w }, { y }) => new Normal(dot(y, w), 1),
      data: [0.5, 1],
    });
  });
});
