/**
 * How a log-density term's analytic parameter partials join the tape (Stan Math's
 * operands-and-partials): added into the adjoints of the nodes among its operands,
 * before the one backward sweep.
 *
 * @module
 * @internal
 */
import type { Tape, TapeNode } from './tape';
import type { LikelihoodDistribution } from './values';

/** Adds a term's parameter partials `out[1 + k]` into the adjoints of its node operands. */
export function route(tape: Tape, d: LikelihoodDistribution, out: Float64Array): void {
  const ops = d.operands;
  const adj = tape.adjoints;
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k] as unknown as number | TapeNode;
    if (typeof o !== 'number') adj[o.index] += out[k + 1];
  }
}

/** Multiplies the parameter partials `out[1 … count]` by `c` (a subsample's n/B). */
export function scalePartials(out: Float64Array, count: number, c: number): void {
  for (let k = 1; k <= count; k++) out[k] *= c;
}
