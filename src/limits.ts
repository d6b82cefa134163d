/**
 * Size limits checked before any large allocation, so that a mistaken size (a
 * `sample(rng, 1e9)`, a `plate(d, 1e8)`, `samples: 1e9` per step) is a catchable
 * `RangeError` naming the option and the limit, not an uncatchable out-of-memory
 * crash of the whole process (Node and browsers abort rather than throw there).
 *
 * The defaults allow what a laptop can hold comfortably; raise them with
 * {@link setLimits} when a machine can take more.
 *
 * @module
 */
import { formatValue } from './errors';

/**
 * The limits in force (read-only view; change them with {@link setLimits}).
 *
 * @example
 * ```ts
 * import { limits } from 'varinf';
 * limits.maxArrayLength; // → 33554432 (2^25 doubles = 256 MiB)
 * ```
 */
export interface Limits {
  /** Most numbers in one array the library allocates for a caller: `sample(rng, n)`, draws, replicates (default 2^25 = 33 554 432, i.e. 256 MiB of doubles). */
  readonly maxArrayLength: number;
  /** Most elements of one latent plate (default 2^22 = 4 194 304). */
  readonly maxPlateSize: number;
}

const DEFAULTS: Limits = { maxArrayLength: 2 ** 25, maxPlateSize: 2 ** 22 };
const current: { maxArrayLength: number; maxPlateSize: number } = { ...DEFAULTS };

/**
 * The limits in force.
 *
 * @example
 * ```ts
 * import { limits } from 'varinf';
 * const n = 1e8; // draws wanted
 * if (n > limits.maxArrayLength) console.log('too many draws at once: sample in chunks');
 * limits.maxArrayLength; // → 33554432 (the default)
 * ```
 */
export const limits: Limits = current;

/**
 * Changes some limits (the rest keep their values); returns the limits in force before.
 * `setLimits()` with no argument restores the defaults.
 *
 * @example
 * ```ts
 * import { setLimits } from 'varinf';
 * const before = setLimits({ maxArrayLength: 2 ** 27 }); // allow 1 GiB arrays
 * setLimits(before);                                     // and back
 * ```
 * @throws RangeError when a limit is not a positive safe integer; TypeError when `next` is not a record
 */
export function setLimits(next: Partial<Limits> = DEFAULTS): Limits {
  if (next === null || typeof next !== 'object') {
    throw new TypeError(`setLimits: next must be a record such as { maxArrayLength: 2 ** 27 }, got ${formatValue(next)}`);
  }
  const before: Limits = { ...current };
  for (const key of ['maxArrayLength', 'maxPlateSize'] as const) {
    const v: unknown = next[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
      throw new RangeError(`setLimits: ${key} must be a positive safe integer, got ${formatValue(v)}`);
    }
    current[key] = v;
  }
  return before;
}

/**
 * Throws a `RangeError` unless `n` elements fit in `limit` of {@link limits}.
 *
 * @example
 * ```ts
 * checkSize('Normal.sample', 'n', 1e9, 'maxArrayLength'); // throws RangeError: …over limits.maxArrayLength = 33554432…
 * ```
 * @internal
 */
export function checkSize(owner: string, name: string, n: number, limit: keyof Limits): void {
  if (n > current[limit]) {
    throw new RangeError(`${owner}: ${name} = ${n} is over limits.${limit} = ${current[limit]}; raise it with setLimits({ ${limit}: … }) if this machine can hold it`);
  }
}
