/**
 * Type-level tests: `fit` returns a posterior keyed by the model's latent names,
 * each typed by its guide family, or by the default Gaussian guide's family for the
 * prior's support.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  Beta,
  Cauchy,
  Exponential,
  Gamma,
  HalfCauchy,
  HalfNormal,
  InverseGamma,
  LogitNormal,
  LogNormal,
  Model,
  Normal,
  plate,
  StudentT,
  Uniform,
  type ContinuousDistribution,
  type DifferentiableModel,
} from '../../src/index';
import { families, fit, fitAsync, fitSteps, fullRank, meanField, type FitOptions, type FitResult, type GuideSpec, type Posterior } from '../../src/vi/index';

const model = new Model({
  prior: { z: new Exponential(1), w: plate(new Normal(0, 1), 3) },
  likelihood: ({ z }) => new Normal(z, 1),
  data: [1.3],
});

/** One latent of every continuous prior family, to read the defaults off. */
const every = new Model({
  prior: {
    normal: new Normal(0, 1),
    studentT: new StudentT(3, 0, 1),
    cauchy: new Cauchy(0, 1),
    exponential: new Exponential(1),
    gamma: new Gamma(2, 1),
    logNormal: new LogNormal(0, 1),
    halfNormal: new HalfNormal(1),
    halfCauchy: new HalfCauchy(1),
    inverseGamma: new InverseGamma(2, 1),
    beta: new Beta(2, 2),
    uniform: new Uniform(0, 3),
    logitNormal: new LogitNormal(0, 1, 0, 1),
    array: [new Beta(1, 1), new Beta(2, 2)],
  },
  likelihood: ({ normal }) => new Normal(normal, 1),
  data: [0.5],
});

describe('typed posterior', () => {
  it('a guide record types each latent by its family; plates map to arrays', () => {
    const r = fit(model, { guide: { z: LogNormal, w: Normal } });
    expectTypeOf(r.posterior.z).toEqualTypeOf<LogNormal>();
    expectTypeOf(r.posterior.w).toEqualTypeOf<readonly Normal[]>();
    expectTypeOf(r.posterior.z.mu).toEqualTypeOf<number>();
    expectTypeOf(fit(model, { guide: { z: Gamma } }).posterior.z).toEqualTypeOf<Gamma>();
    expectTypeOf(fit(model, { guide: { z: Exponential } }).posterior.z).toEqualTypeOf<Exponential>();
    // @ts-expect-error: no latent named y
    void r.posterior.y;
  });

  it('a partial record: the latents it leaves out get the default family', () => {
    const r = fit(model, { guide: { z: Gamma }, seed: 1 });
    expectTypeOf(r.posterior.z).toEqualTypeOf<Gamma>();
    expectTypeOf(r.posterior.w).toEqualTypeOf<readonly Normal[]>();
  });

  it('defaults by the prior support: Normal (real), LogNormal (positive), LogitNormal (interval)', () => {
    const p = fit(every).posterior;
    expectTypeOf(p.normal).toEqualTypeOf<Normal>();
    expectTypeOf(p.studentT).toEqualTypeOf<Normal>();
    expectTypeOf(p.cauchy).toEqualTypeOf<Normal>();
    expectTypeOf(p.exponential).toEqualTypeOf<LogNormal>();
    expectTypeOf(p.gamma).toEqualTypeOf<LogNormal>();
    expectTypeOf(p.logNormal).toEqualTypeOf<LogNormal>();
    expectTypeOf(p.halfNormal).toEqualTypeOf<LogNormal>();
    expectTypeOf(p.halfCauchy).toEqualTypeOf<LogNormal>();
    expectTypeOf(p.inverseGamma).toEqualTypeOf<LogNormal>();
    expectTypeOf(p.beta).toEqualTypeOf<LogitNormal>();
    expectTypeOf(p.uniform).toEqualTypeOf<LogitNormal>();
    expectTypeOf(p.logitNormal).toEqualTypeOf<LogitNormal>();
    expectTypeOf(p.array).toEqualTypeOf<readonly LogitNormal[]>();
  });

  it('meanField(), fullRank() and families(record) type the same way; a custom spec gives ContinuousDistribution', () => {
    expectTypeOf(fit(every, { guide: meanField() }).posterior.beta).toEqualTypeOf<LogitNormal>();
    expectTypeOf(fit(every, { guide: fullRank() }).posterior.gamma).toEqualTypeOf<LogNormal>();
    const f = fit(every, { guide: families({ gamma: Gamma, beta: LogitNormal }) }).posterior;
    expectTypeOf(f.gamma).toEqualTypeOf<Gamma>();
    expectTypeOf(f.beta).toEqualTypeOf<LogitNormal>();
    expectTypeOf(f.normal).toEqualTypeOf<Normal>();
    const custom: GuideSpec = meanField();
    expectTypeOf(fit(every, { guide: custom }).posterior.beta).toEqualTypeOf<ContinuousDistribution>();
  });

  it('options the compiler cannot pin down fall back to ContinuousDistribution', () => {
    const opts: FitOptions<typeof model> = Math.random() < 0.5 ? { guide: { z: Gamma } } : {};
    expectTypeOf(fit(model, opts).posterior.z).toEqualTypeOf<ContinuousDistribution>();
  });

  it('hierarchical entries: by what the function returns', () => {
    const h = new Model({
      prior: { tau: new HalfNormal(1), theta: ({ tau }) => plate(new Normal(0, tau), 3), s: ({ tau }) => new Gamma(2, tau) },
      likelihood: ({ theta }, i) => new Normal(theta[i], 1),
      data: [1, 2, 3],
    });
    const p = fit(h, { guide: { s: Gamma } }).posterior;
    expectTypeOf(p.tau).toEqualTypeOf<LogNormal>();
    expectTypeOf(p.theta).toEqualTypeOf<readonly Normal[]>();
    expectTypeOf(p.s).toEqualTypeOf<Gamma>();
  });

  it('a hand-written DifferentiableModel gets the untyped record', () => {
    const m = {} as DifferentiableModel;
    expectTypeOf(fit(m).posterior).toEqualTypeOf<Posterior>();
    expectTypeOf(fit(m, { guide: { anything: LogNormal } }).posterior).toEqualTypeOf<Posterior>();
  });
});

describe('guide records that do not fit the model do not compile', () => {
  it('misspelt names, alone or beside a right one', () => {
    // @ts-expect-error: no latent named zz
    fit(model, { guide: { zz: LogNormal } });
    // @ts-expect-error: no latent named zz, beside z
    fit(model, { guide: { z: LogNormal, zz: Gamma } });
    // families() with a name that is not a latent falls to the untyped form (a
    // run-time TypeError names it): its posterior is not typed by the record.
    expectTypeOf(fit(model, { guide: families({ z: LogNormal, zz: Gamma }) }).posterior.z).toEqualTypeOf<ContinuousDistribution>();
  });

  it('a family whose support does not fit the prior', () => {
    // @ts-expect-error: Normal on a positive latent
    fit(model, { guide: { z: Normal } });
    // @ts-expect-error: LogNormal on a real latent
    fit(model, { guide: { w: LogNormal } });
    // @ts-expect-error: Gamma on an interval latent
    fit(every, { guide: { beta: Gamma } });
    fit(every, { guide: { beta: LogitNormal, halfCauchy: Gamma, studentT: Normal } });
  });
});

describe('fitSteps and fitAsync type the posterior as fit does', () => {
  it('by the guide, and untyped where the compiler cannot tell', () => {
    const steps = fitSteps(model, { guide: { z: Gamma } });
    expectTypeOf(steps.next()).toExtend<IteratorResult<unknown, FitResult<typeof model, { readonly z: typeof Gamma }>>>();
    expectTypeOf(fitAsync(every, { guide: { beta: LogitNormal } })).resolves.toHaveProperty('posterior').toHaveProperty('beta').toEqualTypeOf<LogitNormal>();
    expectTypeOf(fitAsync(every)).resolves.toHaveProperty('posterior').toHaveProperty('gamma').toEqualTypeOf<LogNormal>();
  });

  it('a generic wrapper over FitOptions<M> compiles (the untyped form)', () => {
    function wrap<M extends DifferentiableModel>(m: M, o: FitOptions<M>): void {
      fit(m, o);
      fitSteps(m, o);
      void fitAsync(m, o);
    }
    wrap(model, { guide: { z: Gamma }, seed: 1 });
  });
});

describe('the Beta and InverseGamma guide families', () => {
  it('type the posterior as Beta and InverseGamma', () => {
    const p = fit(every, { guide: { beta: Beta, array: Beta, inverseGamma: InverseGamma, halfCauchy: InverseGamma } }).posterior;
    expectTypeOf(p.beta).toEqualTypeOf<Beta>();
    expectTypeOf(p.array).toEqualTypeOf<readonly Beta[]>();
    expectTypeOf(p.inverseGamma).toEqualTypeOf<InverseGamma>();
    expectTypeOf(p.halfCauchy).toEqualTypeOf<InverseGamma>();
    expectTypeOf(p.gamma).toEqualTypeOf<LogNormal>();
    expectTypeOf(fit(model, { guide: families({ z: InverseGamma }) }).posterior.z).toEqualTypeOf<InverseGamma>();
  });

  it('do not compile on latents they do not fit', () => {
    // @ts-expect-error: Beta on a positive latent
    fit(every, { guide: { gamma: Beta } });
    // @ts-expect-error: Beta on a real latent
    fit(every, { guide: { normal: Beta } });
    // @ts-expect-error: InverseGamma on an interval latent
    fit(every, { guide: { beta: InverseGamma } });
    // @ts-expect-error: InverseGamma on a real latent
    fit(every, { guide: { normal: InverseGamma } });
    // A Uniform's ends are not in its type: Beta compiles there (and is refused at run time unless the ends are 0 and 1).
    fit(every, { guide: { uniform: Beta } });
  });
});
