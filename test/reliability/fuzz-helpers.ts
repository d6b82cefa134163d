/**
 * Shared pieces of the issue #16 fuzz suite: value generators (numbers of every
 * magnitude and arbitrary JS values) and the outcome rule every call must meet.
 */
import fc from 'fast-check';
import { InvalidParameterError, ModelError, UnsupportedKLError } from '../../src/index';
import { FitError, UnknownOptionError } from '../../src/vi/index';

/** The fixed seed of every property (the suite is deterministic). */
export const SEED = 16;

/** How many generated inputs the suite consumed; printed at the end. */
export const counter = { inputs: 0 };

/**
 * Doubles of every magnitude: ±10^e for e uniform in [−323, 308] (subnormals to
 * near the largest double), plus fast-check's full-range doubles (which favour the
 * edges: ±0, ±MIN_VALUE, ±MAX_VALUE, ±Infinity), small integers (counts) and
 * moderate reals. No NaN: valid-input checks use these.
 */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.tuple(fc.boolean(), fc.double({ min: -323, max: 308, noNaN: true })).map(([neg, e]) => (neg ? -1 : 1) * 10 ** e),
  fc.double({ noNaN: true }),
  fc.integer({ min: -3, max: 1000 }),
  fc.double({ min: -20, max: 20, noNaN: true }),
  fc.constantFrom(0, -0, 1, 0.5, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, 2 ** 53, 2 ** 53 - 1, 1e-300, 1e300),
);

/** A probability, ends and near-ends included. */
export const anyProbability: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: -320, max: -1e-3, noNaN: true }).map((e) => 10 ** e),
  fc.double({ min: -320, max: -1e-3, noNaN: true }).map((e) => 1 - 10 ** e),
  fc.constantFrom(0, 1, 0.5, Number.MIN_VALUE, 1 - 2 ** -53),
);

/**
 * Arbitrary JS values: fast-check's `anything` (objects, arrays, strings, null,
 * undefined, nested records, `__proto__` keys, boxed values…), bigint, symbols,
 * functions, typed arrays, every number above, NaN.
 */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withDate: true, withMap: true, withSet: true, maxDepth: 2 }), weight: 4 },
  { arbitrary: anyNumber, weight: 3 },
  { arbitrary: fc.constantFrom(NaN, '1', '0.5', '', null, undefined, true, {}, [], [1, 2], Symbol('s'), () => 1, new Float64Array(2)), weight: 2 },
  { arbitrary: fc.bigInt(), weight: 1 },
);

/** Messages the engine writes for a bug in our code, never for a checked input. */
const RAW = /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not a constructor|undefined is not|null is not|Cannot convert|Maximum call stack|Invalid array length|Cannot mix BigInt|Cannot create property|object null is not/;

/** The error classes a public function may throw for bad input. */
function typed(e: unknown): e is Error {
  return (
    e instanceof InvalidParameterError ||
    e instanceof ModelError ||
    e instanceof UnsupportedKLError ||
    e instanceof FitError ||
    e instanceof UnknownOptionError ||
    e instanceof RangeError ||
    e instanceof TypeError
  );
}

/**
 * Runs `f`: it must return, or throw a typed error whose message starts with one
 * of `owners` (the function, class or family the caller called) and is not a raw
 * engine message. Returns `{ value }` or `{ error }`; anything else fails the
 * property with a message naming the call.
 */
export function outcome<T>(owners: readonly string[], f: () => T, what: () => string): { value?: T; error?: Error } {
  counter.inputs++;
  try {
    return { value: f() };
  } catch (e) {
    if (!typed(e)) throw new Error(`${what()}: untyped ${String(e)}`);
    if (RAW.test(e.message)) throw new Error(`${what()}: raw engine message: ${e.message}`);
    if (!owners.some((o) => e.message.startsWith(o))) throw new Error(`${what()}: message does not name ${owners.join('/')}: ${e.message}`);
    return { error: e };
  }
}

/** A short printable form of a generated value, for failure messages. */
export function show(v: unknown): string {
  return fc.stringify(v);
}
