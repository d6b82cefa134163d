/**
 * Covariates declared to a model: named per-datum numbers (`t: number[]`) or rows
 * (`x: number[][]`), one entry per datum. Declaring them, rather than reading them
 * through a closure with the datum's index, lets the model trace the likelihood
 * once with placeholders and replay it over the data (no call per datum at setup),
 * and subsample data by index.
 *
 * @module
 */
import { InvalidParameterError, ModelError } from '../errors';
import { guardedRecord } from './latent-guard';
import { describe } from './plate';

/**
 * One declared covariate: a number per datum, or a row of numbers per datum (every
 * row of the same length).
 *
 * @example
 * ```ts
 * const t: CovariateColumn = [0.5, 1, 2];            // one number per datum
 * const x: CovariateColumn = [[1, 0.5], [1, 1], [1, 2]]; // one row per datum
 * x.length; // → 3
 * ```
 */
export type CovariateColumn = ArrayLike<number> | ArrayLike<ArrayLike<number>>;

/**
 * The covariates of a model, by name.
 *
 * @example
 * ```ts
 * const covariates: Covariates = { x: [[1, 0.5], [1, 1]], t: [3, 4] };
 * Object.keys(covariates); // → ["x", "t"]
 * ```
 */
export type Covariates = Readonly<Record<string, CovariateColumn>>;

/**
 * What a covariate likelihood receives for one datum: each declared covariate's
 * number, or its row. Read rows with varinf's operations (`dot(x, w)`, `x[j]`); do
 * not keep the record or its rows after the call.
 *
 * @example
 * ```ts
 * const datum: Datum<{ x: number[][]; t: number[] }> = { x: [1, 0.5], t: 3 };
 * datum.t; // → 3
 * ```
 */
export type Datum<C extends Covariates> = {
  readonly [K in keyof C]: C[K] extends ArrayLike<infer R> ? (R extends number ? number : ArrayLike<number>) : never;
};

/** A covariate after validation: its values packed datum by datum (`width` per datum; 0 for a number). */
export interface CovariateEntry {
  readonly name: string;
  /** 0 for a number per datum, else the length of every row. */
  readonly width: number;
  /** n numbers, or n·width numbers (row i at i·width). */
  readonly values: Float64Array;
}

/**
 * The validated, privately copied covariates of a model with n data.
 *
 * @internal
 */
export class CovariateTable {
  readonly entries: readonly CovariateEntry[];
  /** The record handed to the likelihood (reused: its fields are set per datum). */
  private readonly record: Record<string, number | Float64Array>;

  /**
   * @throws ModelError when a covariate's length is not the number of data, or its rows differ in length
   * @throws InvalidParameterError on a non-finite value
   */
  constructor(covariates: Covariates, readonly n: number) {
    if (covariates === null || typeof covariates !== 'object' || Array.isArray(covariates)) {
      throw new TypeError(`Model: covariates must be an object of named columns, got ${describe(covariates)}`);
    }
    this.entries = Object.keys(covariates).map((name) => entryOf(name, covariates[name], n));
    this.record = guardedRecord(this.entries.map((e) => e.name), 'covariate', 'covariates') as Record<string, number | Float64Array>;
    for (const e of this.entries) this.record[e.name] = 0;
  }

  /** Datum i's covariates (rows as views of the private copy; the record is reused). */
  datum(i: number): Record<string, number | Float64Array> {
    const rec = this.record;
    for (const e of this.entries) {
      rec[e.name] = e.width === 0 ? e.values[i] : e.values.subarray(i * e.width, (i + 1) * e.width);
    }
    return rec;
  }
}

function entryOf(name: string, column: unknown, n: number): CovariateEntry {
  const where = `covariates.${name}`;
  if (column === null || typeof column !== 'object' || typeof (column as ArrayLike<unknown>).length !== 'number') {
    throw new TypeError(`Model: ${where} must be an array with one number or one row per datum, got ${describe(column)}`);
  }
  const col = column as ArrayLike<unknown>;
  if (col.length !== n) {
    throw new ModelError(`Model: ${where} has ${col.length} entries but data has ${n}: give one per datum`);
  }
  const first = col[0];
  if (n === 0 || typeof first === 'number') return { name, width: 0, values: numbers(where, col) };
  return { name, ...rows(where, col, n) };
}

function numbers(where: string, col: ArrayLike<unknown>): Float64Array {
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) out[i] = finite(where, i, col[i]);
  return out;
}

function rows(where: string, col: ArrayLike<unknown>, n: number): { width: number; values: Float64Array } {
  const row0 = col[0] as ArrayLike<unknown> | null;
  if (row0 === null || typeof row0 !== 'object' || typeof row0.length !== 'number') {
    throw new TypeError(`Model: ${where}[0] must be a number or an array of numbers, got ${describe(row0)}`);
  }
  const width = row0.length;
  if (width === 0) throw new ModelError(`Model: ${where}[0] is an empty row: a covariate row needs at least one number`);
  const values = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const row = col[i] as ArrayLike<unknown> | null;
    if (row === null || typeof row !== 'object' || row.length !== width) {
      const got = row !== null && typeof row === 'object' && typeof row.length === 'number' ? `length ${row.length}` : describe(row);
      throw new ModelError(`Model: ${where}[${i}] has ${got} but ${where}[0] has length ${width}: every row must have the same length`);
    }
    for (let j = 0; j < width; j++) values[i * width + j] = finite(`${where}[${i}]`, j, row[j]);
  }
  return { width, values };
}

function finite(where: string, j: number, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidParameterError('Model', `${where}[${j}]`, 'finite', x);
  return x;
}
