/**
 * Tied data: data whose every per-datum input of the replay program is the same
 * (the datum, each per-datum constant, each covariate row) give the same term, so
 * the program evaluates one of them and weights it by their count.
 *
 * Why: regressions on categorical or rounded covariates are common (posteriordb's
 * nes_logit: 1 179 votes on 5 income levels, 10 distinct (income, vote) pairs). There
 * the whole likelihood costs what its distinct rows cost, exactly (a sum of k equal
 * terms is k times the term, up to the rounding of the sum).
 *
 * How: one pass hashing each datum's inputs (their float bits) into an open-addressing
 * table that grows with the number of distinct rows, every hit checked value by value
 * (Object.is: −0 and 0 are different inputs). It gives up, returning null, as soon as
 * the distinct rows exceed half of the data, and after the first 4 096 data when more
 * than a quarter of those are distinct (continuous covariates: the cost stays small).
 *
 * @module
 * @internal
 */

/** The distinct rows: a representative datum of each and how many data it stands for. */
export interface TiedDataGroups {
  /** The first datum of each group, increasing. */
  readonly reps: Int32Array;
  /** The number of data of each group. */
  readonly counts: Float64Array;
}

/** A covariate block: n rows of `len` values, row-major. */
export interface CovariateRows {
  readonly rows: Float64Array;
  readonly len: number;
}

/** Data scanned before the early verdict, and the distinct share that ends it. */
const PROBE = 4096;
const PROBE_SHARE = 0.25;

/**
 * Groups the n data by their inputs, or returns null when fewer than half of them
 * would be saved.
 *
 * @param n - the number of data
 * @param columns - per-datum values (length n each): the data, the per-datum constants
 * @param blocks - per-datum covariate rows
 * @returns the groups, or null
 * @example
 * ```ts
 * // Data 0/1 with one covariate: (1, 2) four times, (0, 3) three times, (1, 5) once.
 * const g = tiedDataGroups(8, [Float64Array.of(1, 0, 1, 1, 0, 1, 1, 0)], [{ rows: Float64Array.of(2, 3, 2, 2, 3, 5, 2, 3), len: 1 }]);
 * g?.reps;   // → Int32Array [0, 1, 5]
 * g?.counts; // → Float64Array [4, 3, 1]
 * ```
 */
export function tiedDataGroups(n: number, columns: readonly Float64Array[], blocks: readonly CovariateRows[]): TiedDataGroups | null {
  if (n < 8) return null;
  const bits = new Uint32Array(2);
  const f64 = new Float64Array(bits.buffer);
  // FNV-1a over the two 32-bit halves of each input's bits.
  const mix = (h: number, v: number): number => {
    f64[0] = v;
    return Math.imul(Math.imul(h ^ bits[0], 0x01000193) ^ bits[1], 0x01000193);
  };
  const hashOf = (i: number): number => {
    let h = 0x811c9dc5;
    for (const c of columns) h = mix(h, c[i]);
    for (const b of blocks) for (let q = 0, o = i * b.len; q < b.len; q++) h = mix(h, b.rows[o + q]);
    return (h ^ (h >>> 15)) >>> 0;
  };
  const same = (i: number, j: number): boolean => {
    for (const c of columns) if (!Object.is(c[i], c[j])) return false;
    for (const b of blocks) {
      for (let q = 0, oi = i * b.len, oj = j * b.len; q < b.len; q++) if (!Object.is(b.rows[oi + q], b.rows[oj + q])) return false;
    }
    return true;
  };
  const limit = n >> 1;
  let size = 1024;
  let table = new Int32Array(size).fill(-1); // group number per slot
  // Plain arrays: they grow with the groups (at most n/2).
  const reps: number[] = [];
  const hashes: number[] = [];
  const counts: number[] = [];
  let groups = 0;
  for (let i = 0; i < n; i++) {
    if (i === PROBE && groups > PROBE_SHARE * PROBE) return null;
    const h = hashOf(i);
    let s = h & (size - 1);
    let g = -1;
    for (; table[s] !== -1; s = (s + 1) & (size - 1)) {
      const k = table[s];
      if (hashes[k] === h && same(i, reps[k])) {
        g = k;
        break;
      }
    }
    if (g !== -1) {
      counts[g]++;
      continue;
    }
    if (groups === limit) return null;
    reps[groups] = i;
    hashes[groups] = h;
    counts[groups] = 1;
    table[s] = groups++;
    // Keep the table at most half full.
    if (2 * groups > size) {
      size *= 2;
      table = new Int32Array(size).fill(-1);
      for (let k = 0; k < groups; k++) {
        let t = hashes[k] & (size - 1);
        while (table[t] !== -1) t = (t + 1) & (size - 1);
        table[t] = k;
      }
    }
  }
  return { reps: Int32Array.from(reps), counts: Float64Array.from(counts) };
}
