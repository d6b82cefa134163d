/**
 * Constructors of the discrete families over arbitrary doubles and wrong types:
 * either a valid object or an InvalidParameterError naming the distribution, the
 * parameter and the value; evaluation never returns NaN for a non-NaN point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bernoulli, BernoulliLogit, Binomial, InvalidParameterError, Poisson } from '../../src/index';
import { discreteRegistry } from './discrete-registry';

const anyDouble = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 1e6 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, 1e308, -1e308, 1, 0.5, 2 ** 53, 2 ** 53 - 1),
);

function expectNamedError(f: () => unknown, owner: string, parameter: string, value: unknown): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(InvalidParameterError);
  const err = caught as InvalidParameterError;
  expect(err.owner).toBe(owner);
  expect(err.parameter).toBe(parameter);
  expect(Object.is(err.value, value)).toBe(true);
  expect(err.message.startsWith(`${owner}: ${parameter} must be `)).toBe(true);
}

for (const entry of discreteRegistry) {
  describe(`${entry.name} bad input`, () => {
    it('constructs a valid object or throws a named InvalidParameterError', () => {
      fc.assert(
        fc.property(fc.array(anyDouble, { minLength: entry.paramNames.length, maxLength: entry.paramNames.length }), (ps) => {
          let d;
          try {
            d = entry.make(...ps);
          } catch (e) {
            expect(e).toBeInstanceOf(InvalidParameterError);
            const err = e as InvalidParameterError;
            expect(err.message.startsWith(`${entry.name}: `)).toBe(true);
            const idx = entry.paramNames.indexOf(err.parameter);
            expect(idx).toBeGreaterThanOrEqual(0);
            expect(Object.is(err.value, ps[idx])).toBe(true);
            expect(err.message).toContain(Object.is(ps[idx], -0) ? '-0' : String(ps[idx]));
            return;
          }
          for (const [i, name] of entry.paramNames.entries()) expect((d as unknown as Record<string, number>)[name]).toBe(ps[i]);
        }),
        { numRuns: 1000, seed: 1 },
      );
    });

    it('wrong types (string, null, undefined, object, bigint, boolean) are InvalidParameterErrors, not TypeErrors or NaN', () => {
      const valid = entry.paramNames.map((n) => (n === 'n' ? 5 : n === 'logit' ? 0.3 : 0.4));
      for (const bad of ['0.5', null, undefined, {}, 3n, true, [0.5]] as unknown[]) {
        for (let i = 0; i < valid.length; i++) {
          const ps = valid.map((v, j) => (j === i ? bad : v)) as number[];
          expectNamedError(() => entry.make(...ps), entry.name, entry.paramNames[i], bad);
        }
      }
    });
  });
}

describe('discrete bad input: the messages', () => {
  it('name the family, the parameter, the requirement and the value', () => {
    expect(() => new Bernoulli(1.5)).toThrow('Bernoulli: p must be in [0, 1], got 1.5');
    expect(() => new Bernoulli(NaN)).toThrow('Bernoulli: p must be in [0, 1], got NaN');
    expect(() => new BernoulliLogit(Infinity)).toThrow('BernoulliLogit: logit must be finite, got Infinity');
    expect(() => new Binomial(2.5, 0.3)).toThrow('Binomial: n must be a non-negative integer (at most 2^53 - 1), got 2.5');
    expect(() => new Binomial(-1, 0.3)).toThrow('Binomial: n must be a non-negative integer (at most 2^53 - 1), got -1');
    expect(() => new Binomial(2 ** 53, 0.3)).toThrow(/got 9007199254740992/);
    expect(() => new Binomial(10, -0.1)).toThrow('Binomial: p must be in [0, 1], got -0.1');
    expect(() => new Poisson(0)).toThrow('Poisson: rate must be > 0 and finite, got 0');
    expect(() => new Poisson(-0)).toThrow('Poisson: rate must be > 0 and finite, got -0');
    expect(() => new Poisson('3' as unknown as number)).toThrow('Poisson: rate must be > 0 and finite, got "3"');
    expect(() => new Poisson(null as unknown as number)).toThrow('Poisson: rate must be > 0 and finite, got null');
  });
  it('boxed scalars (what a model passes under differentiation) are read by value and kept as operands', () => {
    const box = { value: 0.25 } as unknown as number;
    const d = new Bernoulli(box);
    expect(d.p).toBe(0.25);
    expect(d.operands[0]).toBe(box);
    expect(new Poisson({ value: 2 } as unknown as number).rate).toBe(2);
    expect(new Binomial({ value: 4 } as unknown as number, 0.5).n).toBe(4);
    // A boxed value out of range is reported by its number.
    expectNamedError(() => new Poisson({ value: -2 } as unknown as number), 'Poisson', 'rate', -2);
  });
});
