import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tiedDataGroups } from '../../src/model/replay/tied-data';

// The groups must be exactly those of a plain grouping by the inputs' values
// (Object.is: −0 and 0 differ, NaN equals NaN), in order of first appearance, and the
// function must give up exactly when its rules say so.

/** The plain grouping: a Map keyed by the inputs' bit patterns. */
function plainGroups(n: number, columns: Float64Array[], rows: { rows: Float64Array; len: number }[]): { reps: number[]; counts: number[] } {
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  const key = (v: number) => {
    f[0] = v;
    return Number.isNaN(v) ? 'nan' : `${u[0]}:${u[1]}`;
  };
  const seen = new Map<string, number>();
  const reps: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const parts = columns.map((c) => key(c[i]));
    for (const b of rows) for (let q = 0; q < b.len; q++) parts.push(key(b.rows[i * b.len + q]));
    const k = parts.join('|');
    const g = seen.get(k);
    if (g === undefined) {
      seen.set(k, reps.length);
      reps.push(i);
      counts.push(1);
    } else counts[g]++;
  }
  return { reps, counts };
}

describe('tiedDataGroups', () => {
  it('groups as a plain grouping by value does, or gives up when fewer than half would be saved', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 300 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 1e9 }), (n, ncol, len, seed) => {
        let s = seed;
        const pick = (m: number) => {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          return s % m;
        };
        const levels = [0, -0, 1, 2.5, -3, 1e300, 5e-324, NaN];
        const k = 1 + pick(6); // levels used per input
        const columns = Array.from({ length: ncol }, () => Float64Array.from({ length: n }, () => levels[pick(k)]));
        const blocks = len === 0 ? [] : [{ rows: Float64Array.from({ length: n * len }, () => levels[pick(k)]), len }];
        const want = plainGroups(n, columns, blocks);
        const got = tiedDataGroups(n, columns, blocks);
        if (want.reps.length > n >> 1) expect(got).toBeNull();
        else {
          expect(got).not.toBeNull();
          expect(Array.from(got!.reps)).toEqual(want.reps);
          expect(Array.from(got!.counts)).toEqual(want.counts);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('tells −0 from 0 (they may give other bits downstream)', () => {
    const g = tiedDataGroups(8, [Float64Array.of(0, -0, 0, -0, 0, 0, 0, 0)], []);
    expect(Array.from(g!.reps)).toEqual([0, 1]);
    expect(Array.from(g!.counts)).toEqual([6, 2]);
  });

  it('many groups: the table grows and every datum lands in its group (3 000 data, 1 500 groups)', () => {
    const n = 3000;
    const x = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1500);
    const g = tiedDataGroups(n, [x], []);
    expect(g!.reps.length).toBe(1500);
    expect(Array.from(g!.counts).every((c) => c === 2)).toBe(true);
    for (const r of g!.reps) expect(x.indexOf(x[r])).toBe(r);
  });

  it('gives up early on continuous inputs, and on fewer than 8 data', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    expect(tiedDataGroups(n, [x], [])).toBeNull();
    // The first 4 096 data mostly distinct, the rest one value: still given up (early verdict).
    const y = Float64Array.from({ length: n }, (_, i) => (i < 4096 ? i : 0));
    expect(tiedDataGroups(n, [y], [])).toBeNull();
    expect(tiedDataGroups(7, [new Float64Array(7)], [])).toBeNull();
  });
});
