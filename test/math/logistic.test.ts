/**
 * The logistic special functions: every `special` case log1pexp, softplus and
 * logSigmoid of test/fixtures/families.json at rtol 1e-12 (the README's rule),
 * plus identities that tie the three functions together.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { log1pexp, logSigmoid, sigmoid } from '../../src/math';
import { softplus } from '../helpers/math-extras';
import { sigmoid as opSigmoid, softplus as opSoftplus } from '../../src/model/ops';
import { FAMILIES_RTOL, familyCasesOf, matchesReference } from '../helpers/families';
import { num } from '../helpers/reference';

const FNS: Record<string, (x: number) => number> = { log1pexp, softplus, logSigmoid };

describe('logistic functions: families.json special cases', () => {
  for (const [name, f] of Object.entries(FNS)) {
    const cases = familyCasesOf('special', name);
    it(`${name} has cases`, () => expect(cases.length).toBeGreaterThan(0));
    it.each(cases.map((c) => [c.id, c] as const))(`${name} %s`, (_id, c) => {
      const x = num((c.args as unknown[])[0]);
      const got = f(x);
      const want = num(c.expected);
      expect(matchesReference(got, want, FAMILIES_RTOL, c.cond ?? 1), `${name}(${x}): got ${got}, want ${want}`).toBe(true);
    });
  }
});

const ANY = fc.double({ noNaN: true, noDefaultInfinity: true });
const SEED = { seed: 20261205, numRuns: 2000 };

describe('logistic functions: identities', () => {
  it('softplus(x) − softplus(−x) = x', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        const d = softplus(x) - softplus(-x);
        return Math.abs(d - x) <= 4e-16 * Math.max(1, Math.abs(x)) + 1e-300;
      }),
      SEED,
    );
  });
  it('logSigmoid(x) = −softplus(−x) = log σ(x), and σ(x) + σ(−x) = 1', () => {
    fc.assert(
      fc.property(ANY, (x) => {
        expect(logSigmoid(x)).toBe(-softplus(-x));
        const s = sigmoid(x);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(Math.abs(s + sigmoid(-x) - 1)).toBeLessThanOrEqual(2.3e-16);
        // Where σ(x) is a normal double, exp(log σ(x)) and σ(x) agree to a few ulp.
        if (s > 1e-300) expect(Math.abs(Math.exp(logSigmoid(x)) - s)).toBeLessThanOrEqual(4e-16 * s * Math.max(1, Math.abs(logSigmoid(x))));
      }),
      SEED,
    );
  });
  it('no NaN, no −∞ where the value is representable, for every double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(Number.isNaN(log1pexp(x))).toBe(false);
        expect(Number.isNaN(logSigmoid(x))).toBe(false);
        expect(Number.isNaN(sigmoid(x))).toBe(false);
        if (Number.isFinite(x)) expect(logSigmoid(x)).toBeGreaterThan(-Infinity);
      }),
      SEED,
    );
    expect(log1pexp(Infinity)).toBe(Infinity);
    expect(log1pexp(-Infinity)).toBe(0);
    expect(logSigmoid(-Infinity)).toBe(-Infinity);
    expect(sigmoid(-Infinity)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
    expect(log1pexp(NaN)).toBeNaN();
    expect(sigmoid(NaN)).toBeNaN();
  });
  it('the differentiable sigmoid and softplus of the model layer give the same bits', () => {
    fc.assert(
      fc.property(ANY, (x) => {
        expect(opSigmoid(x)).toBe(sigmoid(x));
        expect(opSoftplus(x)).toBe(softplus(x));
      }),
      SEED,
    );
  });
});
