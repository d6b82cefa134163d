/**
 * Sobol direction numbers for dimensions 2…161: the primitive polynomials
 * (degree s, coefficients a) and initial direction numbers mᵢ of S. Joe and
 * F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
 * projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654, table new-joe-kuo-6
 * (first 160 rows; dimension 1 is the van der Corput sequence and needs none).
 * Data only; the recurrence that expands them lives in `sobol.ts`.
 *
 * Stored bit-packed (1.7 → 0.9 KB of a gzipped bundle): the rows are sorted by
 * degree, so the degrees are a count per degree; a has s − 1 bits (its leading and
 * trailing 1 are implicit) and each mₖ (k = 1…s) is odd and below 2ᵏ, so (mₖ − 1)/2
 * has k − 1 bits. The bits, row after row, most significant first, are written six
 * to a base-64 character. test/random/sobol-directions.test.ts checks the decoded
 * table against the table itself (test/fixtures/sobol-new-joe-kuo-6.json).
 *
 * @module
 * @internal
 */

/** How many of the 160 rows have degree 1, 2, …, 10. */
const DEGREE_COUNTS = [1, 1, 2, 2, 6, 6, 18, 16, 48, 60];

/** The number of rows: dimensions 2…161. */
export const SOBOL_TABLE_ROWS = 160;

const PACKED =
  '2QJM2JKESJ3ZtANBXsvDYeGj0qE24mOYrTszKU+B9s+YnzHiHOOL5GgMaOmSOqcW+PVVmjzmImifeBIE' +
  'HTJdlMxylO1gbq5bpGUJai3SuA3DYe97cbzH1Q7QHT+Zj0V3/r7AtKpZviaXaxhF79FoLMecfAnZQSUH' +
  'M0UlR05x6ELLkOlyTo43rz7G1CFfhwwg3Vyxn7hCSPnFv/dXopatQgjLkL1u8NtEGwQiEAomWCqxaLDn' +
  's/kZFVD7RbLFUdhztS9ebKA78079NMRuNwbPvvKTtbztjFA+Oy6auAQxa198kkp1RuJ6FRSg1AFBUnrH' +
  'B97VfBKgygVbO8w3/zXqC/YtP2ckE+v3ZoTt6XmQbVY11b9XoIDDaKx8PDnIMQiZTrRnV4qB2v/xiPx3' +
  '2lWYkUQC58SpgouDhk+dFMukZwp6t74yh63RcMnTmwYu3yPRtSrFo2JbZ8ywvOK55Qx43gv55mmsB8IA' +
  'ISSL3Hnepwbx2mZbVB19ykol4a7jrRqZ2U5TFQN4Tub/OIXmrqYTcils7LpaW4fPHG6g/u/0SUSzps/a' +
  '+kg9SQJOQkuLe5Qa0U3/6G8wnGg6/jZKwsclw+Fqexl9JhEIJcBvlPQyk/UiAj/xyrPiiK40wS/wVDFH' +
  'SMBOfxDXwL426kPzmqHqXbLpzzcniWAuET+27n1+g6kNJhIzjUwEZt98jgmqkiT/Pq1tE0xw3IZ3DYU8' +
  'HRtFmt4lCpGVnacRlX21rQiBclrxfIYyXHWEbF7mt2TmPUqlTKpyWWi+8kPHOGhoCzi9ZKXH2WDptDJn' +
  'lWVPz0FZn33C+kKB+H6csys56mISZwby7mJIVIDuhW4gYlNU/tO3aY2zH+VgxgpD8sMmo+JJOk3H4e0W' +
  'JaXv7i+g8Z4RbgL4wC5+fmxGTbL6JGaWfuIma1TmyEtQAbANiIC3ezrS3uMaDVa7fhYlSj7rL9Wvk1d/' +
  'ocWewzgf5zcdwT1528+sgWFRJJzLs5cQO9PH9NGUyQfJLpdN2CbfllJtUIDNsUWzdZPfHYa+Jdivyk/1' +
  '+rt9VNnpbH6uNsntYyMAOTLrKmk16exbI+d9cFfa5U/RUTz/y89F/Mu2v4GYR2OZZw';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The decoded table: per row its degree s and coefficients a, and the s values mᵢ of every row in turn. */
export interface SobolTable {
  readonly degree: Uint8Array;
  readonly poly: Uint16Array;
  readonly m: Uint16Array;
}

/**
 * Decodes the table (called once, on the first use of a Sobol sequence).
 *
 * @returns the degrees, polynomial coefficients and initial direction numbers
 * @example
 * ```ts
 * const t = sobolTable();
 * t.degree[2]; // → 3: dimension 4's polynomial x³ + x + 1
 * Array.from(t.m.subarray(0, 4)); // → [1, 1, 3, 1]: dimension 2's m₁, dimension 3's m₁ m₂, dimension 4's m₁
 * ```
 */
export function sobolTable(): SobolTable {
  const degree = new Uint8Array(SOBOL_TABLE_ROWS);
  for (let s = 1, r = 0; s <= DEGREE_COUNTS.length; s++) for (let c = 0; c < DEGREE_COUNTS[s - 1]; c++) degree[r++] = s;
  const sixBits = Uint8Array.from(PACKED, (ch) => BASE64.indexOf(ch));
  let pos = 0;
  /** The next n bits as an unsigned integer. */
  const take = (n: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++, pos++) v = (v << 1) | ((sixBits[(pos / 6) | 0] >> (5 - (pos % 6))) & 1);
    return v;
  };
  const poly = new Uint16Array(SOBOL_TABLE_ROWS);
  let total = 0;
  for (const s of degree) total += s;
  const m = new Uint16Array(total);
  for (let r = 0, o = 0; r < SOBOL_TABLE_ROWS; r++) {
    const s = degree[r];
    poly[r] = take(s - 1);
    for (let k = 1; k <= s; k++) m[o++] = 2 * take(k - 1) + 1;
  }
  return { degree, poly, m };
}
