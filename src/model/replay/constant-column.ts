/**
 * A constant of a traced operation over the data: one number while it is the same
 * for every datum (a prior scale, the 0.1 of `mul(dot(w, x), 0.1)`), a column of n
 * numbers once two data differ (a covariate, a datum-specific offset).
 *
 * @module
 * @internal
 */

/** A per-datum constant: `at(i)` is its value for datum i. */
export class ConstantColumn {
  private uniform: number;
  private column: Float64Array | null = null;

  /** @param first - its value for datum 0; @param n - the number of data */
  constructor(first: number, private readonly n: number) {
    this.uniform = first;
  }

  /** The same value v for each of n data. */
  static uniform(v: number, n: number): ConstantColumn {
    return new ConstantColumn(v, n);
  }

  /** The values of a whole column, one per datum (kept by reference). */
  static of(values: Float64Array): ConstantColumn {
    const c = new ConstantColumn(values.length > 0 ? values[0] : 0, values.length);
    c.column = values;
    return c;
  }

  /** Records its value for datum i (data in increasing order). */
  set(i: number, v: number): void {
    if (this.column === null) {
      // Object.is: −0 and 0 may give other bits downstream; NaN equals NaN.
      if (Object.is(v, this.uniform)) return;
      this.column = new Float64Array(this.n).fill(this.uniform);
    }
    this.column[i] = v;
  }

  /** Its value for datum i. */
  at(i: number): number {
    const c = this.column;
    return c === null ? this.uniform : c[i];
  }

  /** Its values, one per datum, or null while it is the same for every datum. */
  get values(): Float64Array | null {
    return this.column;
  }

  /** True when it is the same for every datum. */
  get isUniform(): boolean {
    return this.column === null;
  }
}
