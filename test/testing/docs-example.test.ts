// The example of docs/testing.md, verbatim between the markers (a test below checks
// that the page holds exactly this text), so the documented code compiles and passes.
// --- docs/testing.md: begin ---
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ContinuousDistribution, InvalidParameterError, Model, Normal, real, type Rng, type Support } from 'varinf';
import {
  assertIdentity,
  cdfIsMonotone,
  cdfPlusSurvivalIsOne,
  defineFamily,
  densityIntegratesToOne,
  isClose,
  logCdfIsLogOfCdf,
  logUniform,
  nonPositive,
  normalFamily,
  partialsMatchFiniteDifferences,
  pdfIsExpLogPdf,
  pointIn,
  quantileInvertsCdf,
  rejectsInvalidParameters,
  replaceOne,
  sampleMomentsMatch,
  signedLog,
} from 'varinf/testing';

/** softplus(t) = log(1 + e^t) without overflow. */
const softplus = (t: number): number => Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));

/** Logistic(μ, s): density e^{−z} / (s(1 + e^{−z})²), z = (x − μ)/s. */
class Logistic extends ContinuousDistribution {
  readonly name = 'Logistic';
  readonly paramNames = ['mu', 's'];
  readonly support: Support = real;
  readonly operands: readonly number[];
  constructor(readonly mu: number, readonly s: number) {
    super();
    // typeof: an untyped caller's true or '1' would pass the comparisons.
    if (typeof mu !== 'number' || !Number.isFinite(mu)) throw new InvalidParameterError('Logistic', 'mu', 'finite', mu);
    if (typeof s !== 'number' || !(s > 0 && s < Infinity)) throw new InvalidParameterError('Logistic', 's', '> 0 and finite', s);
    this.operands = [mu, s];
  }
  private z(x: number): number {
    return (x - this.mu) / this.s;
  }
  logPdf(x: number): number {
    const a = Math.abs(this.z(x)); // the density is symmetric in z
    return -a - Math.log(this.s) - 2 * Math.log1p(Math.exp(-a));
  }
  cdf(x: number): number {
    return 1 / (1 + Math.exp(-this.z(x)));
  }
  logCdf(x: number): number {
    return -softplus(-this.z(x));
  }
  survival(x: number): number {
    return 1 / (1 + Math.exp(this.z(x)));
  }
  logSurvival(x: number): number {
    return -softplus(this.z(x));
  }
  mean(): number {
    return this.mu;
  }
  variance(): number {
    return (this.s * this.s * Math.PI * Math.PI) / 3;
  }
  mode(): number {
    return this.mu;
  }
  entropy(): number {
    return Math.log(this.s) + 2;
  }
  logPdfPartials(x: number, out: Float64Array): number {
    const z = this.z(x);
    const t = Math.tanh(z / 2);
    out[0] = -t / this.s;
    out[1] = t / this.s;
    out[2] = (z * t - 1) / this.s;
    return this.logPdf(x);
  }
  protected draw(rng: Rng): number {
    const u = rng.uniform();
    return this.mu + this.s * (Math.log(u) - Math.log1p(-u));
  }
  protected quantileInside(p: number): number {
    return this.mu + this.s * (Math.log(p) - Math.log1p(-p));
  }
}

const valid = () => fc.tuple(signedLog(-8, 8), logUniform(-8, 8));
const logistic = defineFamily({
  name: 'Logistic',
  paramNames: ['mu', 's'],
  make: (mu, s) => new Logistic(mu, s),
  valid, // every magnitude the family is meant for
  moderate: () => fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), logUniform(-1, 1)),
  outOfDomain: () => replaceOne(valid(), nonPositive(), 1), // s ≤ 0
  fourthCentralMoment: (_mu, s) => 4.2 * ((s * s * Math.PI * Math.PI) / 3) ** 2, // kurtosis 4.2
});

describe('Logistic', () => {
  const runs = { numRuns: 300, seed: 1 };
  it('pdf = exp(logPdf)', () => assertIdentity(pdfIsExpLogPdf(logistic), runs));
  it('cdf + survival = 1', () => assertIdentity(cdfPlusSurvivalIsOne(logistic), runs));
  it('logCdf, logSurvival', () => assertIdentity(logCdfIsLogOfCdf(logistic), runs));
  it('cdf monotone', () => assertIdentity(cdfIsMonotone(logistic), runs));
  it('quantile ∘ cdf', () => assertIdentity(quantileInvertsCdf(logistic), runs));
  it('∫ pdf = 1', () => assertIdentity(densityIntegratesToOne(logistic), { numRuns: 40, seed: 2 }));
  it('sample moments', () => assertIdentity(sampleMomentsMatch(logistic), { numRuns: 10, seed: 3 }));
  it('partials', () => assertIdentity(partialsMatchFiniteDifferences(logistic), { numRuns: 200, seed: 4 }));
  it('bad parameters', () => assertIdentity(rejectsInvalidParameters(logistic), runs));
});

// Model code: the registry's arbitraries and pointIn feed your own properties.
describe('my model', () => {
  it('logJoint = log prior + log likelihood for any valid prior and datum', () => {
    const cases = normalFamily.valid.chain(([mu, sigma]) => {
      const prior = new Normal(mu, sigma);
      return fc.tuple(fc.constant(prior), pointIn(prior), fc.double({ min: -10, max: 10, noNaN: true }));
    });
    assertIdentity(
      fc.property(cases, ([prior, z, x]) => {
        const model = new Model({ prior: { z: prior }, likelihood: ({ z }) => new Normal(z, 1), data: [x] });
        const want = prior.logPdf(z) + new Normal(z, 1).logPdf(x);
        if (!isClose(model.logJoint({ z }), want, 1e-12, 1e-12)) throw new Error(`logJoint ${model.logJoint({ z })} ≠ ${want}`);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
// --- docs/testing.md: end ---

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

describe('docs/testing.md', () => {
  it('shows this file’s example verbatim', () => {
    const self = readFileSync(new URL(import.meta.url), 'utf8');
    const begin = '// --- docs/testing.md: begin ---\n';
    const example = self.slice(self.indexOf(begin) + begin.length, self.indexOf('// --- docs/testing.md: end ---'));
    const doc = readFileSync(new URL('../../docs/testing.md', import.meta.url), 'utf8');
    expect(doc).toContain('```ts\n' + example + '```');
  });
});
