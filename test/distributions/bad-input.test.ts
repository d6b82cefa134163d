/**
 * Constructors over arbitrary doubles (NaN, ±Infinity, 0, −0, subnormals, 1e308):
 * either a valid object or an InvalidParameterError naming distribution,
 * parameter and value. logPdf never returns NaN for a non-NaN point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, Normal } from '../../src/index';
import { registry, unitParams } from './registry';

const anyDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, 1e308, -1e308, 2.2e-308),
);

for (const entry of registry) {
  describe(`${entry.name} bad input`, () => {
    it('constructs a valid object or throws a named InvalidParameterError', () => {
      fc.assert(
        fc.property(fc.array(anyDouble, { minLength: entry.paramNames.length, maxLength: entry.paramNames.length }), (ps) => {
          let d;
          try {
            d = entry.make(...ps);
          } catch (e) {
            expect(e).toBeInstanceOf(InvalidParameterError);
            expect(e).toBeInstanceOf(RangeError);
            const err = e as InvalidParameterError;
            expect(err.message.startsWith(`${entry.name}: `)).toBe(true);
            expect(entry.paramNames).toContain(err.parameter);
            const idx = entry.paramNames.indexOf(err.parameter);
            expect(Object.is(err.value, ps[idx])).toBe(true);
            expect(err.message).toContain(Object.is(ps[idx], -0) ? '-0' : String(ps[idx]));
            return;
          }
          for (const [i, name] of entry.paramNames.entries()) {
            expect((d as unknown as Record<string, number>)[name]).toBe(ps[i]);
          }
        }),
        { numRuns: 1000, seed: 1 },
      );
    });

    it('logPdf of any double is a number: never NaN unless x is NaN, −∞ outside the support', () => {
      fc.assert(
        fc.property(entry.params, anyDouble, (ps, x) => {
          const d = entry.make(...ps);
          const lp = d.logPdf(x);
          expect(typeof lp).toBe('number');
          if (Number.isNaN(x)) {
            expect(lp).toBeNaN();
            return;
          }
          expect(lp).not.toBeNaN();
          // The finite ends of an open support (0 for Gamma, 0 and 1 for Beta) may carry a limit.
          const finiteEnd = Number.isFinite(x) && (x === d.support.lower || x === d.support.upper);
          if (!d.support.contains(x) && !finiteEnd) expect(lp).toBe(-Infinity);
          for (const f of [d.cdf(x), d.survival(x), d.logCdf(x), d.logSurvival(x)]) expect(f).not.toBeNaN();
        }),
        { numRuns: 1000, seed: 2 },
      );
    });

    it('quantile outside [0, 1] throws a RangeError, NaN gives NaN, the ends give the support', () => {
      const d = entry.make(...unitParams(entry));
      expect(() => d.quantile(-0.1)).toThrow(RangeError);
      expect(() => d.quantile(1.5)).toThrow(RangeError);
      expect(d.quantile(NaN)).toBeNaN();
      expect(d.quantile(0)).toBe(d.support.lower);
      expect(d.quantile(1)).toBe(d.support.upper);
    });
  });
}

describe('messages', () => {
  it('names distribution, parameter and value', () => {
    expect(() => new Normal(0, -1)).toThrow('Normal: sigma must be > 0 and finite, got -1');
    expect(() => new Normal(NaN, 1)).toThrow('Normal: mu must be finite, got NaN');
    expect(() => new Normal(0, -0)).toThrow('Normal: sigma must be > 0 and finite, got -0');
  });
  it('rejects non-numbers from untyped callers', () => {
    expect(() => new Normal('1' as unknown as number, 1)).toThrow(InvalidParameterError);
  });
});
