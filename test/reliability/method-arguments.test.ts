/**
 * Issue #16 item 8: a distribution method given something that is not a number
 * refuses it with a TypeError naming the family, the method and the value, instead
 * of coercing it (`logPdf("1")` used to be `logPdf(1)`, `cdf(null)` was `cdf(0)`).
 * NaN is a number and still gives NaN (DESIGN).
 */
import { describe, expect, it } from 'vitest';
import {
  Bernoulli, BernoulliLogit, Beta, Binomial, Cauchy, Exponential, Gamma, HalfCauchy, HalfNormal,
  InverseGamma, LogitNormal, LogNormal, Normal, Poisson, StudentT, Uniform,
} from '../../src/index';

/** One instance of each of the 16 families. */
export const ALL_FAMILIES = [
  new Normal(0.5, 2), new Exponential(1.5), new Gamma(2, 3), new LogNormal(0, 1), new Beta(2, 3),
  new StudentT(3, 0, 1), new Cauchy(0, 1), new HalfNormal(1), new HalfCauchy(1), new Uniform(-1, 2),
  new InverseGamma(3, 2), new LogitNormal(0, 1),
  new Bernoulli(0.3), new BernoulliLogit(0.2), new Binomial(10, 0.4), new Poisson(3),
];

const METHODS = ['logPdf', 'pdf', 'cdf', 'logCdf', 'survival', 'logSurvival', 'quantile'] as const;
const NOT_NUMBERS: [unknown, string][] = [
  ['1', '"1"'], ['0.5', '"0.5"'], [null, 'null'], [undefined, 'undefined'], [true, 'true'],
  [{}, '[object Object]'], [[1], '[object Array]'], [1n, '1n'], [new Number(1), '[object Number]'],
];

type Callable = Record<string, (x: unknown, out?: Float64Array) => number>;

describe.each(ALL_FAMILIES.map((d) => [d.name, d] as const))('%s', (name, d) => {
  const f = d as unknown as Callable;
  it.each(METHODS)('%s refuses a non-number with a TypeError naming the family, the method and the value', (m) => {
    for (const [v, shown] of NOT_NUMBERS) {
      expect(() => f[m](v)).toThrow(TypeError);
      expect(() => f[m](v)).toThrow(new RegExp(`^${name}\\.${m}: \\w+ must be a number, got ${shown.replace(/[[\]]/g, '\\$&')}$`));
    }
  });
  it('logPdfPartials refuses a non-number too', () => {
    const out = new Float64Array(8);
    expect(() => f.logPdfPartials('1', out)).toThrow(new RegExp(`^${name}\\.logPdfPartials: \\w+ must be a number, got "1"$`));
    expect(() => f.logPdfPartials(null, out)).toThrow(TypeError);
  });
  it.each(METHODS)('%s(NaN) is NaN and %s of a number still works', (m) => {
    expect(f[m](NaN)).toBeNaN();
    expect(Number.isNaN(f[m](m === 'quantile' ? 0.5 : 1))).toBe(false);
  });
});
