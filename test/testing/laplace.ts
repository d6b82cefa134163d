/**
 * A distribution written only in the tests, as a user would write one (the interface
 * docs/writing-models.md documents): Laplace(μ, b) with density e^{−|x − μ|/b} / 2b,
 * extending varinf's `ContinuousDistribution`, usable in a model (test/model/
 * user-distribution.test.ts), and deliberately broken variants for the failure
 * messages of `varinf/testing`.
 */
import fc from 'fast-check';
import { ContinuousDistribution, InvalidParameterError, real, scalarValue, type Rng, type Support } from '../../src/index';
import { defineFamily, logUniform, nonPositive, replaceOne, signedLog, type Family } from '../../src/testing/index';

export class Laplace extends ContinuousDistribution {
  readonly name: string = 'Laplace';
  readonly paramNames = ['mu', 'b'] as const;
  readonly support: Support = real;
  readonly operands: readonly number[];
  readonly mu: number;
  readonly b: number;

  constructor(mu: number, b: number) {
    super();
    // scalarValue: inside a model the parameters arrive as boxed scalars (typed number);
    // the raw arguments stay in `operands` so the model can route the partials.
    const m = scalarValue(mu);
    const s = scalarValue(b);
    if (!Number.isFinite(m)) throw new InvalidParameterError('Laplace', 'mu', 'finite', mu !== null && typeof mu === 'object' ? m : mu);
    if (!(s > 0 && s < Infinity)) throw new InvalidParameterError('Laplace', 'b', '> 0 and finite', b !== null && typeof b === 'object' ? s : b);
    this.mu = m;
    this.b = s;
    this.operands = [mu, b];
  }

  logPdf(x: number): number {
    return -Math.LN2 - Math.log(this.b) - Math.abs(x - this.mu) / this.b;
  }

  // F(x) = ½e^{z} below μ, 1 − ½e^{−z} above (z = (x − μ)/b); each tail from its own exponential.
  cdf(x: number): number {
    const z = (x - this.mu) / this.b;
    return z < 0 ? 0.5 * Math.exp(z) : 1 - 0.5 * Math.exp(-z);
  }

  logCdf(x: number): number {
    const z = (x - this.mu) / this.b;
    return z < 0 ? z - Math.LN2 : Math.log1p(-0.5 * Math.exp(-z));
  }

  survival(x: number): number {
    const z = (x - this.mu) / this.b;
    return z > 0 ? 0.5 * Math.exp(-z) : 1 - 0.5 * Math.exp(z);
  }

  logSurvival(x: number): number {
    const z = (x - this.mu) / this.b;
    return z > 0 ? -z - Math.LN2 : Math.log1p(-0.5 * Math.exp(z));
  }

  mean(): number {
    return this.mu;
  }

  variance(): number {
    return 2 * this.b * this.b;
  }

  mode(): number {
    return this.mu;
  }

  entropy(): number {
    return 1 + Math.log(2 * this.b);
  }

  logPdfPartials(x: number, out: Float64Array): number {
    const d = x - this.mu;
    const s = Math.sign(d);
    out[0] = -s / this.b;
    out[1] = s / this.b;
    out[2] = -1 / this.b + Math.abs(d) / (this.b * this.b);
    return this.logPdf(x);
  }

  protected draw(rng: Rng): number {
    // The difference of two standard exponentials is a standard Laplace.
    return this.mu + this.b * (rng.exponential() - rng.exponential());
  }

  protected quantileInside(p: number): number {
    // 1 − p is exact for p ≥ ½ (Sterbenz), so the upper tail keeps its digits.
    return p < 0.5 ? this.mu + this.b * Math.log(2 * p) : this.mu - this.b * Math.log(2 * (1 - p));
  }
}

/** The registry entry a user writes for Laplace: one `defineFamily`. */
export const laplaceFamily: Family<Laplace> = defineFamily({
  name: 'Laplace',
  paramNames: ['mu', 'b'],
  make: (mu, b) => new Laplace(mu, b),
  valid: () => fc.tuple(signedLog(-8, 8), logUniform(-8, 8)),
  moderate: () => fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), logUniform(-1, 1)),
  outOfDomain: () => replaceOne(fc.tuple(signedLog(-8, 8), logUniform(-8, 8)), nonPositive(), 1),
  // Kurtosis 6: μ₄ = 6σ⁴ = 24b⁴.
  fourthCentralMoment: (_mu, b) => 24 * b ** 4,
});

/** Forgets the 1/2 of the normalizer: integrates to 2. */
export class WrongNormalizer extends Laplace {
  override readonly name: string = 'WrongNormalizer';
  override logPdf(x: number): number {
    return -Math.log(this.b) - Math.abs(x - this.mu) / this.b;
  }
}

/** A cdf that drops by 0.3 one scale above the mode. */
export class NonMonotoneCdf extends Laplace {
  override readonly name: string = 'NonMonotoneCdf';
  override cdf(x: number): number {
    return x > this.mu + this.b ? super.cdf(x) - 0.3 : super.cdf(x);
  }
}

/** A sampler shifted by half a scale. */
export class BiasedSampler extends Laplace {
  override readonly name: string = 'BiasedSampler';
  protected override draw(rng: Rng): number {
    return super.draw(rng) + 0.5 * this.b;
  }
}

/** The Laplace family's arbitraries with another class. */
export const variantOf = <D extends Laplace>(name: string, make: (mu: number, b: number) => D): Family<D> =>
  defineFamily({
    name,
    paramNames: ['mu', 'b'],
    make: (mu, b) => make(mu, b),
    valid: () => laplaceFamily.valid,
    moderate: () => laplaceFamily.moderate,
  });
