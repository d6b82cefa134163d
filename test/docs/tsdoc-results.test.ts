/**
 * The grammar of the TSDoc examples' result comments (test/docs/tsdoc/results.ts):
 * what a claim accepts and refuses, so that test/docs/tsdoc-examples.test.ts checks
 * what docs/testing.md says it checks.
 */
import { describe, expect, it } from 'vitest';
import { buildExample, type BuildContext } from './tsdoc/modules';
import { mismatch, parseClaim, throwsMismatch, unmarkedResult, wildcardMatch, type Claim } from './tsdoc/results';

const value = (comment: string): Extract<Claim, { kind: 'value' }> => {
  const c = parseClaim(comment, false);
  if (c.kind !== 'value') throw new Error(`not a value claim: ${comment}`);
  return c;
};
const holds = (comment: string, actual: unknown): boolean => mismatch(value(comment).expected, actual) === undefined;

describe('result comments', () => {
  it('→ rounds to the digits shown; ≈ and a trailing … allow one unit of the last digit', () => {
    expect(holds('// → 0.2850, = −log(0.3·√(2π))', 0.28503)).toBe(true);
    expect(holds('// → 0.2850', 0.28506)).toBe(false);
    expect(holds('// ≈ 0.2850', 0.28509)).toBe(true);
    expect(holds('// ≈ 0.2850', 0.28511)).toBe(false);
    expect(holds('// → -1.0986…', -1.09861228)).toBe(true);
    expect(holds('// → 1.2495835…e-4', 1.24958353e-4)).toBe(true);
    expect(holds('// → −1.5', -1.5)).toBe(true); // a typographic minus
    expect(holds('// → 0.9189385332046727', 0.9189385332046728)).toBe(false); // 17 digits: exact
    expect(holds('// → 2', 2.4)).toBe(true); // an integer: to the unit
    expect(holds('// → NaN (undefined)', NaN)).toBe(true);
    expect(holds('// → -Infinity', -Infinity)).toBe(true);
    expect(holds('// → Infinity', 1e308)).toBe(false);
    expect(holds('// → 0.5', '0.5')).toBe(false); // a string is not a number
  });

  it('strings, constants, arrays, typed arrays, objects and Name(…) forms', () => {
    expect(holds('// → "seed"', 'seed')).toBe(true);
    expect(holds("// → 'Model: latent \"z\" is missing…'", 'Model: latent "z" is missing from the values')).toBe(true);
    expect(holds('// → true', true)).toBe(true);
    expect(holds('// → undefined (passes)', undefined)).toBe(true);
    expect(holds('// → [[0, 1], [1, 2]]', [[0, 1], [1, 2]])).toBe(true);
    expect(holds('// → [1, 2]', Float64Array.of(1, 2))).toBe(false); // a plain array is not a typed one
    expect(holds('// → Float64Array [1, 1.5]', Float64Array.of(1, 1.5))).toBe(true);
    expect(holds('// → Float64Array(3) of counts', new Float64Array(3))).toBe(true);
    expect(holds('// → Float64Array(3)', new Float32Array(3))).toBe(false);
    expect(holds('// → ["pathwise", …]', ['pathwise', 'stl'])).toBe(true);
    expect(holds('// → { a: 1, w: Float64Array [2, 3] }', { a: 1, w: Float64Array.of(2, 3) })).toBe(true);
    expect(holds('// → { a: 1 }', { a: 1, b: 2 })).toBe(false); // exactly these keys
    expect(holds('// → { a: 1, … }', { a: 1, b: 2 })).toBe(true);
    expect(holds('// → LogNormal(mu = -0.32…, sigma = 0.66…)', { toString: () => 'LogNormal(mu = -0.3210, sigma = 0.6641)' })).toBe(true);
    expect(holds('// → LogNormal(mu = -0.32…, sigma = 0.66…)', { toString: () => 'LogNormal(mu = -0.3310, sigma = 0.6641)' })).toBe(false);
  });

  it('throws names the error (or a base class) and matches the message with … wildcards', () => {
    const c = parseClaim('// throws RangeError: sample: n … is over limits.maxArrayLength…', false);
    if (c.kind !== 'throws') throw new Error('expected a throws claim');
    expect(throwsMismatch(c, new RangeError('sample: n × 1 = 1e9 is over limits.maxArrayLength = 33554432'))).toBeUndefined();
    expect(throwsMismatch(c, new TypeError('sample: n × 1 = 1e9 is over limits.maxArrayLength'))).toMatch(/expected to throw RangeError/);
    expect(throwsMismatch(c, new RangeError('something else'))).toMatch(/expected the message/);
  });

  it('refuses what it cannot read, and flags results written without a marker', () => {
    expect(() => parseClaim('// → 2·e⁹', false)).toThrow(/a note must follow/);
    expect(() => parseClaim('// ≈ π', false)).toThrow(/expected a value/);
    expect(unmarkedResult('// 0.5')).toMatch(/no marker/);
    expect(unmarkedResult('// => 0.5')).toMatch(/not a result marker/);
    expect(unmarkedResult('// RangeError: too big')).toMatch(/throws ErrorName/);
    expect(unmarkedResult('// one draw')).toBeUndefined();
    expect(wildcardMatch('a…c', 'abbbc')).toBe(true);
    expect(wildcardMatch('a…c', 'ac')).toBe(true);
    expect(wildcardMatch('a…c', 'abcd')).toBe(false);
  });
});

describe('buildExample', () => {
  const ctx: BuildContext = { root: '/r', outDir: '/r/scratch/x', entries: [new Map(), new Map(), new Map(), new Map()], own: new Map() };

  it('wraps each claimed statement, keeping the block on its lines', () => {
    const b = buildExample('const x = f(1); // → 2\ng(x); // ≈ 3.0\nh(); // throws TypeError\n', 'src/a.ts', ctx);
    expect(b.problems).toEqual([]);
    expect(b.claims.map((c) => [c.line, c.claim.kind])).toEqual([
      [0, 'value'],
      [1, 'value'],
      [2, 'throws'],
    ]);
    expect(b.run.split('\n').slice(0, 3)).toEqual([
      'const x = f(1); __tsdoc.value(0, x); // → 2',
      '__tsdoc.value(1, (g(x))); // ≈ 3.0',
      '__tsdoc.throws(2, () => { h(); }); // throws TypeError',
    ]);
  });

  it('reports a claim that trails no statement, and a block without code', () => {
    expect(buildExample('f(\n  1, // → 1\n);\n', 'src/a.ts', ctx).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/must trail the statement/),
    ]);
    expect(buildExample('// only prose\n', 'src/a.ts', ctx).problems.map((p) => p.message)).toEqual([expect.stringMatching(/no code/)]);
  });
});
