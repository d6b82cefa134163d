/**
 * toJSON / fromJSON / toString for every family of the registry, and
 * structuredClone of distributions (no function as an own property).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromJSON, InvalidParameterError, nonNegative, Normal, positive, real, supportContains, type ContinuousDistribution } from '../../src/index';
import { registry, unitParams } from './registry';

/** Own properties holding functions, anywhere inside `x` (what structuredClone refuses). */
function functionPaths(x: unknown, path = '', seen = new Set<unknown>()): string[] {
  if (typeof x === 'function') return [path];
  if (x === null || typeof x !== 'object' || seen.has(x)) return [];
  seen.add(x);
  return Object.keys(x).flatMap((k) => functionPaths((x as Record<string, unknown>)[k], `${path}.${k}`, seen));
}

for (const entry of registry) {
  describe(`${entry.name} serialization`, () => {
    it('toJSON → JSON.stringify → JSON.parse → fromJSON gives an equal distribution (same class, same bits)', () => {
      fc.assert(
        fc.property(entry.params, (ps) => {
          const d = entry.make(...ps);
          const json = d.toJSON();
          expect(json.family).toBe(entry.name);
          expect(Object.keys(json.params)).toEqual(entry.paramNames);
          const back = fromJSON(JSON.parse(JSON.stringify(d)));
          expect(back.constructor).toBe(d.constructor);
          // Same bits, except that JSON has no −0 (it reads back as 0, the same distribution).
          for (const p of entry.paramNames) {
            expect((back as unknown as Record<string, number>)[p] === (d as unknown as Record<string, number>)[p]).toBe(true);
          }
          expect(back.logPdf(back.quantile(0.3))).toBe(d.logPdf(d.quantile(0.3)));
          expect(back.toString()).toBe(d.toString());
        }),
        { numRuns: 200, seed: 11 },
      );
    });

    it('toString names the family and every parameter at round-trip precision', () => {
      const ps = entry.paramNames.map((_, i) => 0.1 + i / 3);
      const d = entry.make(...ps);
      expect(String(d)).toBe(`${entry.name}(${entry.paramNames.map((p, i) => `${p} = ${String(ps[i])}`).join(', ')})`);
      expect(`${d}`).not.toContain('[object');
    });

    it('structuredClone copies the data (no function own property anywhere) and fromJSON revives it', () => {
      const d = entry.make(...unitParams(entry).map((v) => v + 0.5));
      expect(functionPaths(d)).toEqual([]);
      const c = structuredClone(d) as unknown as Record<string, unknown>;
      for (const p of entry.paramNames) expect(c[p]).toBe((d as unknown as Record<string, unknown>)[p]);
      // The clone is data: the support test works through supportContains, the
      // distribution comes back through its JSON.
      const s = c.support as ContinuousDistribution['support'];
      for (const x of [-1, 0, 0.5, Infinity, NaN]) expect(supportContains(s, x)).toBe(d.support.contains(x));
      const revived = fromJSON({ family: c.name as string, params: Object.fromEntries(entry.paramNames.map((p) => [p, c[p] as number])) });
      expect(revived.toString()).toBe(d.toString());
    });
  });
}

describe('supports', () => {
  it('are plain data with contains on the prototype, unchanged semantics', () => {
    for (const s of [real, positive, nonNegative]) {
      expect(Object.values(s).some((v) => typeof v === 'function')).toBe(false);
      expect(structuredClone(s)).toEqual({ kind: s.kind, lower: s.lower, upper: s.upper, lowerClosed: s.lowerClosed, upperClosed: s.upperClosed });
      expect(Object.isFrozen(s)).toBe(true);
    }
    expect([real.contains(-1e308), real.contains(Infinity), real.contains(NaN)]).toEqual([true, false, false]);
    expect([positive.contains(0), positive.contains(Number.MIN_VALUE), positive.contains(Infinity)]).toEqual([false, true, false]);
    expect([nonNegative.contains(0), nonNegative.contains(-0), nonNegative.contains(-Number.MIN_VALUE)]).toEqual([true, true, false]);
  });
});

describe('fromJSON refuses bad JSON with an InvalidParameterError naming what is wrong', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not an object', 'Normal', /fromJSON: json must be an object/],
    ['null', null, /fromJSON: json must be an object/],
    ['unknown family, with a did-you-mean', { family: 'Normla', params: { mu: 0, sigma: 1 } }, /family must be one of .*"Normal".* \(did you mean "Normal"\?\), got "Normla"/],
    ['family not a string', { family: 3, params: {} }, /family must be one of/],
    ['params missing', { family: 'Normal' }, /Normal\.params must be an object of numbers, got undefined/],
    ['a parameter missing', { family: 'Normal', params: { mu: 0 } }, /Normal\.params\.sigma must be a number, got undefined/],
    ['an unknown parameter', { family: 'Normal', params: { mu: 0, sigma: 1, tau: 2 } }, /Normal\.params must be made of mu, sigma only, got "tau"/],
    ['a parameter not a number', { family: 'Gamma', params: { shape: '2', rate: 1 } }, /Gamma\.params\.shape must be a number, got "2"/],
    ['a value out of its domain (the constructor says so)', { family: 'Normal', params: { mu: 0, sigma: -1 } }, /^Normal: sigma must be > 0 and finite, got -1$/],
  ];
  for (const [label, json, message] of cases) {
    it(label, () => {
      let err: unknown;
      try {
        fromJSON(json as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidParameterError);
      expect((err as Error).message).toMatch(message);
    });
  }

  it('JSON text of a distribution is exactly { family, params }', () => {
    expect(JSON.stringify(new Normal(0, 1))).toBe('{"family":"Normal","params":{"mu":0,"sigma":1}}');
  });
});
