import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dotBackward, dotForward } from '../../src/model/replay/dot-kernels';

// The register-blocked dot kernels must give the bits of the plain loops they
// replaced: one sum per (datum, row) in the order of `dot` forward; backward, per
// gradient row, four data summed and then added, the leftover data one by one
// (zero adjoints skipped). Every block shape is tried (rows and data not multiples
// of the blocking), with and without a data subset and with a shared row.

function plainForward(X: Float64Array, len: number, base: number, shared: boolean, subset: Int32Array | null, z: Float64Array, stride: number, R: number, i0: number, nb: number, val: Float64Array, o: number): void {
  for (let i = 0; i < nb; i++) {
    const k = i0 + i;
    const xo = shared ? 0 : (subset === null ? k : subset[k]) * len;
    for (let r = 0; r < R; r++) {
      let s = 0;
      for (let q = 0; q < len; q++) s += z[r * stride + base + q] * X[xo + q];
      val[o + i * R + r] = s;
    }
  }
}

function plainBackward(X: Float64Array, len: number, base: number, shared: boolean, subset: Int32Array | null, adj: Float64Array, g: Float64Array, d: number, R: number, i0: number, nb: number, o: number): void {
  const at = (k: number) => (subset === null ? k : subset[k]);
  for (let r = 0; r < R; r++) {
    const go = r * d + base;
    let i = 0;
    if (!shared) {
      for (; i + 4 <= nb; i += 4) {
        const a = [0, 1, 2, 3].map((m) => adj[o + (i + m) * R + r]);
        const x = [0, 1, 2, 3].map((m) => at(i0 + i + m) * len);
        for (let q = 0; q < len; q++) g[go + q] += a[0] * X[x[0] + q] + a[1] * X[x[1] + q] + a[2] * X[x[2] + q] + a[3] * X[x[3] + q];
      }
    }
    for (; i < nb; i++) {
      const a = adj[o + i * R + r];
      if (a === 0) continue;
      const xo = shared ? 0 : at(i0 + i) * len;
      for (let q = 0; q < len; q++) g[go + q] += a * X[xo + q];
    }
  }
}

const shape = fc.record({
  len: fc.integer({ min: 1, max: 9 }),
  R: fc.integer({ min: 1, max: 11 }),
  nb: fc.integer({ min: 1, max: 11 }),
  extra: fc.integer({ min: 0, max: 3 }),
  i0: fc.integer({ min: 0, max: 3 }),
  shared: fc.boolean(),
  useSubset: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1e6 }),
});

/** Deterministic values in (−2, 2), some exactly 0 (the skipped adjoints). */
function values(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s % 7 === 0 ? 0 : (s / 2 ** 32) * 4 - 2 + 1e-3 * (i % 13);
  }
  return out;
}

describe('dot kernels: the blocked loops have the plain loops\' bits', () => {
  it('forward and backward, every block shape, subsets and shared rows', () => {
    fc.assert(
      fc.property(shape, ({ len, R, nb, extra, i0, shared, useSubset, seed }) => {
        const n = i0 + nb + extra;
        const X = values((shared ? 1 : n) * len, seed);
        const subset = useSubset ? Int32Array.from({ length: n }, (_, k) => (k * 7 + 3) % n) : null;
        const base = extra;
        const stride = base + len + 1;
        const z = values(R * stride, seed + 1);
        const o = 2;
        const a = new Float64Array(o + nb * R);
        const b = new Float64Array(o + nb * R);
        dotForward(X, len, base, shared, subset, z, stride, R, i0, nb, a, o);
        plainForward(X, len, base, shared, subset, z, stride, R, i0, nb, b, o);
        expect(Array.from(a)).toEqual(Array.from(b));
        const adj = values(o + nb * R, seed + 2);
        const g1 = values(R * stride, seed + 3);
        const g2 = Float64Array.from(g1);
        dotBackward(X, len, base, shared, subset, adj, g1, stride, R, i0, nb, o);
        plainBackward(X, len, base, shared, subset, adj, g2, stride, R, i0, nb, o);
        expect(Array.from(g1)).toEqual(Array.from(g2));
      }),
      { numRuns: 400, seed: 14 },
    );
  });
});
