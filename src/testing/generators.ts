/**
 * Building blocks for parameter and point arbitraries: magnitudes spread in log
 * scale (so that fast-check reaches 1e-300 as readily as 1), points in the bulk
 * and both tails of a distribution, and invalid arguments.
 *
 * Every function builds its arbitrary when called; nothing runs at import time.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { TestableDistribution } from './testable-distribution';

/**
 * Positive doubles 10^e with e uniform on [lo, hi]: every decade between 10^lo and
 * 10^hi is equally likely.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { logUniform } from 'varinf/testing';
 * fc.sample(logUniform(-300, 300), 3); // e.g. [3.2e-141, 7.7e+12, 1.9e-280]
 * ```
 */
export function logUniform(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);
}

/**
 * Finite doubles of either sign with magnitudes 10^lo … 10^hi (log-uniform), plus 0.
 *
 * @example
 * ```ts
 * import { signedLog } from 'varinf/testing';
 * const mu = signedLog(-8, 8); // draws 0 and ±1e-8 … ±1e8
 * ```
 */
export function signedLog(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.oneof(fc.constant(0), fc.tuple(fc.boolean(), logUniform(lo, hi)).map(([s, m]) => (s ? m : -m)));
}

/**
 * Numbers ≤ 0 (both zeros, the smallest subnormal, −1e308, −∞ and any negative
 * double): what a parameter that must be > 0 has to refuse.
 *
 * @example
 * ```ts
 * import { nonPositive } from 'varinf/testing';
 * const badSigma = nonPositive();
 * ```
 */
export function nonPositive(): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(0, -0, -Number.MIN_VALUE, -1e308, -Infinity), fc.double({ max: 0, noNaN: true }));
}

/**
 * Values no numeric parameter accepts: NaN, ±Infinity and wrong types (a numeric
 * string, `undefined`, `null`, a boolean), as an untyped caller might pass them.
 *
 * @example
 * ```ts
 * import { notANumber } from 'varinf/testing';
 * const bad = notANumber(); // draws NaN, Infinity, "1", undefined, …
 * ```
 */
export function notANumber(): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(NaN, Infinity, -Infinity, '1', undefined, null, true);
}

/**
 * Tuples from `valid` with the argument at `index` (a random one when omitted)
 * replaced by a value from `bad`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { logUniform, nonPositive, replaceOne, signedLog } from 'varinf/testing';
 * const valid = fc.tuple(signedLog(-8, 8), logUniform(-8, 8));
 * const badSigma = replaceOne(valid, nonPositive(), 1); // tuples [mu, sigma] with sigma ≤ 0
 * fc.sample(badSigma, 50).every(([, sigma]) => typeof sigma === 'number' && !(sigma > 0)); // → true
 * ```
 */
export function replaceOne(valid: fc.Arbitrary<number[]>, bad: fc.Arbitrary<unknown>, index?: number): fc.Arbitrary<unknown[]> {
  return fc.tuple(valid, bad, fc.nat()).map(([ps, b, r]) => {
    const out: unknown[] = ps.slice();
    out[index ?? r % ps.length] = b;
    return out;
  });
}

/**
 * A point inside the bulk or a tail of `d`: `d.quantile(p)` or `d.quantile(1 − p)`
 * with p log-uniform on [1e-12, 0.5], so that both tails down to probability 1e-12
 * are as likely as the centre.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { Normal } from 'varinf';
 * import { pointIn } from 'varinf/testing';
 * fc.sample(pointIn(new Normal(0, 1)), 2); // e.g. [-6.9, 0.3]
 * ```
 */
export function pointIn(d: TestableDistribution): fc.Arbitrary<number> {
  return fc.tuple(fc.boolean(), fc.double({ min: -12, max: Math.log10(0.5), noNaN: true })).map(([upper, e]) => {
    const p = 10 ** e;
    return upper ? d.quantile(1 - p) : d.quantile(p);
  });
}
