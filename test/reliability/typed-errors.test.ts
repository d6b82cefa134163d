/**
 * Issue #16 regressions: inputs that used to end in a raw TypeError, a silent NaN or
 * an empty result now get a typed error naming the culprit.
 */
import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, InvalidParameterError, kl, limits, Model, ModelError, Normal, plate, Rng, setLimits } from '../../src/index';
import { densityPlot, histogramPlot, tracePlot } from '../../src/plot/index';
import { estimateElbo, fit, logEvidence, psisKhat } from '../../src/vi/index';

const seed = (): Model<{ z: Exponential }> =>
  new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });

describe('parameters that are not numbers', () => {
  const make = (...a: unknown[]): unknown => new (Normal as unknown as new (...x: unknown[]) => Normal)(...a);
  it.each([
    [[], 'mu', 'undefined'],
    [[0, null], 'sigma', 'null'],
    [['1', 1], 'mu', '"1"'],
    [[0, {}], 'sigma', '[object Object]'],
  ])('new Normal(%j) → InvalidParameterError naming %s', (args, param, shown) => {
    expect(() => make(...args)).toThrow(InvalidParameterError);
    expect(() => make(...args)).toThrow(`Normal: ${param} must be`);
    expect(() => make(...args)).toThrow(`got ${shown}`);
  });
});

describe('sampling', () => {
  it('without an Rng → TypeError naming the sampler', () => {
    const d = new Gamma(2, 1) as unknown as { sample: (r?: unknown, n?: number) => unknown };
    expect(() => d.sample()).toThrow(/^Gamma\.sample: rng must be an Rng/);
    expect(() => d.sample({}, 3)).toThrow(TypeError);
  });
  it('a sample size over limits.maxArrayLength → RangeError before allocating', () => {
    expect(() => new Normal(0, 1).sample(new Rng(1), 1e9)).toThrow(/over limits\.maxArrayLength/);
  });
  it('limits are configurable and restorable', () => {
    const before = setLimits({ maxArrayLength: 10 });
    try {
      expect(limits.maxArrayLength).toBe(10);
      expect(() => new Normal(0, 1).sample(new Rng(1), 11)).toThrow(RangeError);
      expect(new Normal(0, 1).sample(new Rng(1), 10)).toHaveLength(10);
    } finally {
      setLimits(before);
    }
    expect(limits.maxArrayLength).toBe(2 ** 25);
    expect(() => setLimits({ maxPlateSize: 0 })).toThrow(/maxPlateSize must be a positive safe integer/);
  });
  it('plate(…, 1e8) → RangeError naming the limit', () => {
    expect(() => plate(new Normal(0, 1), 1e8)).toThrow(/over limits\.maxPlateSize/);
  });
});

describe('models', () => {
  it('a misspelt latent in the likelihood → ModelError naming it, on values and gradients', () => {
    const m = new Model({ prior: { z: new Exponential(1) }, likelihood: (p) => new Normal((p as unknown as { zz: number }).zz, 1), data: [1.3] });
    expect(() => m.logJoint({ z: 1 })).toThrow(ModelError);
    expect(() => m.logJoint({ z: 1 })).toThrow('reads latent "zz", which the prior does not declare (it declares "z")');
    const g = new Model({ prior: { z: new Exponential(1) }, likelihood: (p) => new Normal((p as unknown as { zz: number }).zz, 1), data: [1.3] });
    expect(() => g.gradLogJoint({ z: 1 })).toThrow('reads latent "zz"');
  });
  it('a hierarchical prior entry reading a misspelt or later latent → ModelError naming it', () => {
    expect(
      () =>
        new Model({
          prior: { mu: new Normal(0, 5), tau: new Exponential(1), theta: ((l: { mux: number }) => plate(new Normal(l.mux, 1), 3)) as never },
          likelihood: ({ theta }, i) => new Normal(theta[i], 1),
          data: [1, 2, 3],
        }),
    ).toThrow(/prior entry "theta" reads latent "mux", which the prior does not declare \(it declares "mu", "tau"\) before "theta"/);
    expect(
      () => new Model({ prior: { mu: ((l: { tau: number }) => new Normal(l.tau, 1)) as never, tau: new Exponential(1) }, likelihood: ({ mu }) => new Normal(mu, 1), data: [1] }),
    ).toThrow(/prior entry "mu" reads latent "tau"/);
  });
  it('an index past a plate → a typed error with a hint', () => {
    const m = new Model({ prior: { w: plate(new Normal(0, 1), 2) }, likelihood: ({ w }) => new Normal(w[5], 1), data: [1.3] });
    expect(() => m.logJoint({ w: new Float64Array([1, 2]) })).toThrow(/mu must be finite, got undefined \(a misspelt name, or an index past the end of a plate\?\)/);
  });
  it('a latent named __proto__ is refused', () => {
    expect(() => new Model({ prior: JSON.parse('{"__proto__": 1}') as never, likelihood: () => new Normal(0, 1), data: [1] })).toThrow(/"__proto__" cannot name a latent/);
  });
  it('NaN latent values → ModelError naming the latent (never NaN or a zero gradient)', () => {
    const m = seed();
    expect(() => m.logPrior({ z: NaN })).toThrow(/latent "z" is NaN/);
    expect(() => m.gradLogJoint({ z: NaN })).toThrow(ModelError);
    expect(() => m.logJoint({ z: NaN })).toThrow(/latent "z" is NaN/);
    const p = new Model({ prior: { w: plate(new Normal(0, 1), 2) }, likelihood: ({ w }) => new Normal(w[0], 1), data: [1] });
    expect(() => p.logJoint({ w: new Float64Array([0, NaN]) })).toThrow(/latent "w\[1\]" must be a number \(not NaN\)/);
  });
});

describe('VI and diagnostics', () => {
  it('estimateElbo / logEvidence with a null q → a typed error naming q', () => {
    expect(() => estimateElbo(seed(), null as never)).toThrow(/estimateElbo: q must be a record/);
    expect(() => logEvidence(seed(), null as never)).toThrow(/logEvidence: q must be a record/);
  });
  it('fit and estimateElbo refuse sample counts over limits.maxArrayLength before allocating', () => {
    expect(() => fit(seed(), { samples: 1e9 })).toThrow(/fit: samples = 1000000000 is over limits\.maxArrayLength/);
    expect(() => fit(seed(), { evalSamples: 1e9 })).toThrow(RangeError);
    expect(() => estimateElbo(seed(), { z: new Gamma(2, 1) }, { samples: 1e9 })).toThrow(/estimateElbo: samples/);
  });
  it('a Gamma(1e-300, 1) q: finite gradient standard errors (no overflow of squared gradients)', () => {
    const r = estimateElbo(seed(), { z: new Gamma(1e-300, 1) }, { samples: 100, seed: 1 });
    const se = (r.gradientStderr as unknown as { z: { shape: number; rate: number } }).z;
    expect(Number.isFinite(se.shape) && Number.isFinite(se.rate)).toBe(true);
  });
  it('estimateElbo with one sample reports an unknown (NaN) standard error, not 0', () => {
    const r = estimateElbo(seed(), { z: new Gamma(2, 1) }, { samples: 1, seed: 1 });
    expect(Number.isFinite(r.value)).toBe(true);
    expect(r.stderr).toBeNaN();
  });
  it('kl with a missing argument → TypeError naming it', () => {
    expect(() => kl(undefined as never, new Normal(0, 1))).toThrow(/^kl: p must be a distribution/);
    expect(() => kl(new Normal(0, 1), 3 as never)).toThrow(/^kl: q must be a distribution/);
  });
  it('psisKhat: null → TypeError; log weights spread over [0, 1e300] → k̂ = ∞ (poor), not NaN', () => {
    expect(() => psisKhat(null as never)).toThrow(/^psisKhat: logWeights must be an array/);
    const lw = Float64Array.from({ length: 1000 }, (_, i) => (i / 999) * 1e300);
    expect(psisKhat(lw)).toMatchObject({ khat: Infinity, reading: 'poor' });
  });
});

describe('plots', () => {
  it('missing or malformed arguments → TypeError naming the function', () => {
    expect(() => (densityPlot as unknown as () => unknown)()).toThrow(/^densityPlot: options must be an object/);
    expect(() => densityPlot({ curves: 3 as never })).toThrow(/^densityPlot: options\.curves must be an array/);
    expect(() => tracePlot(null as never)).toThrow(/^tracePlot: traces must be an array/);
    expect(() => histogramPlot(undefined as never, new Normal(0, 1))).toThrow(/^histogramPlot: samples must be an array/);
  });
  it('a non-string curve name → TypeError (no raw object in the spec)', () => {
    expect(() => densityPlot({ curves: [{ name: { a: 1 } as never, density: new Normal(0, 1) }] })).toThrow(/names must be strings/);
  });
  it('a density that is NaN or infinite everywhere → RangeError, not an empty plot', () => {
    expect(() => densityPlot({ curves: [{ name: 'bad', density: () => NaN }], domain: [0, 1] })).toThrow(/"bad": the density is NaN or infinite at every point/);
    expect(() => densityPlot({ curves: [{ name: 'inf', density: () => Infinity }], domain: [0, 1] })).toThrow(RangeError);
  });
});

describe('Rng', () => {
  it('refuses strings instead of coercing them', () => {
    expect(() => new Rng(1).gamma('2' as never)).toThrow(/Rng: shape must be > 0 and finite, got "2"/);
    expect(() => new Rng(1).logGamma('2' as never)).toThrow(InvalidParameterError);
  });
  it('seeds: 2^60 is accepted, null is refused, seeds equal modulo 2^64 give one stream (documented)', () => {
    expect(new Rng(2 ** 60).uniform()).toBeGreaterThan(0);
    expect(() => new Rng(null as never)).toThrow(/Rng: seed must be a finite integer, got null/);
    expect(new Rng(2 ** 64).nextUint32()).toBe(new Rng(0).nextUint32());
    expect(new Rng(-1).nextUint32()).toBe(new Rng(2n ** 64n - 1n).nextUint32());
  });
});
