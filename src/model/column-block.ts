/**
 * The placeholder of a covariate row while a likelihood is traced once for every
 * datum: an array of leaf nodes (so that `x[j]` is a node, never datum 0's number
 * baked into the program) that also carries datum 0's row as plain numbers, which
 * `dot` records by reference and the replay compiler recognizes as the covariate.
 *
 * @module
 * @internal
 */
import type { TapeNode } from './tape';

/** The key under which a row placeholder keeps its plain values. */
export const COLUMN_VALUES: unique symbol = Symbol('varinf.columnValues');

/** A covariate row's placeholder: leaf nodes, plus their values under {@link COLUMN_VALUES}. */
export type ColumnBlock = TapeNode[] & { [COLUMN_VALUES]: Float64Array };

/** The plain values of a row placeholder; any other array unchanged. */
export function plainRow(a: ArrayLike<number>): ArrayLike<number> {
  return (a as unknown as Partial<ColumnBlock>)[COLUMN_VALUES] ?? a;
}
