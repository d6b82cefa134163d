/**
 * Parameter checks shared by the distribution constructors: validation lives in
 * one place, and every failure is an `InvalidParameterError` naming the
 * distribution, the parameter and the value.
 *
 * @module
 */
import { formatValue, InvalidParameterError } from '../errors';
import { scalarValue } from './scalar';

/** True when the parameter value `x` is finite (any sign): the domain `finiteParam` accepts. */
export function isFiniteValue(x: number): boolean {
  return Number.isFinite(x);
}

/** True when the parameter value `x` is finite and > 0: the domain `positiveParam` accepts. */
export function isPositiveValue(x: number): boolean {
  return x > 0 && x < Infinity;
}

/** The numeric value of `v`, which must be finite (any sign). */
export function finiteParam(owner: string, name: string, v: number): number {
  const x = scalarValue(v);
  if (typeof x !== 'number' || !isFiniteValue(x)) {
    throw new InvalidParameterError(owner, name, 'finite', shown(v, x), v);
  }
  return x;
}

/** The numeric value of `v`, which must be finite and > 0. */
export function positiveParam(owner: string, name: string, v: number): number {
  const x = scalarValue(v);
  if (typeof x !== 'number' || !isPositiveValue(x)) {
    throw new InvalidParameterError(owner, name, '> 0 and finite', shown(v, x), v);
  }
  return x;
}

/**
 * The numeric value of `v`, which must be finite and > `bound`, the value of the
 * already checked parameter `boundName` (e.g. a Uniform's high above its low).
 */
export function finiteAboveParam(owner: string, name: string, v: number, bound: number, boundName: string): number {
  const x = scalarValue(v);
  if (typeof x !== 'number' || !(isFiniteValue(x) && x > bound)) {
    throw new InvalidParameterError(owner, name, `finite and > ${boundName} (${formatValue(bound)})`, shown(v, x), v);
  }
  return x;
}

/** The value a message shows: a box's number, else the argument as given (`"1"`, `null`, `undefined`). */
function shown(v: unknown, x: unknown): unknown {
  return typeof x === 'number' && v !== null && typeof v === 'object' ? x : v;
}

/** True when `x` is a probability in [0, 1], endpoints included: the domain `probabilityParam` accepts. */
export function isProbabilityValue(x: number): boolean {
  return x >= 0 && x <= 1;
}

/** True when `x` is an integer in [0, 2⁵³ − 1]: the domain `countParam` accepts. */
export function isCountValue(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}

/** The numeric value of `v`, which must be a probability in [0, 1] (endpoints included). */
export function probabilityParam(owner: string, name: string, v: number): number {
  const x = scalarValue(v);
  if (typeof x !== 'number' || !isProbabilityValue(x)) {
    throw new InvalidParameterError(owner, name, 'in [0, 1]', shown(v, x));
  }
  return x;
}

/**
 * The numeric value of `v`, which must be a non-negative integer (a safe integer,
 * so every count up to it is exact).
 */
export function countParam(owner: string, name: string, v: number): number {
  const x = scalarValue(v);
  if (typeof x !== 'number' || !isCountValue(x)) {
    throw new InvalidParameterError(owner, name, 'a non-negative integer (at most 2^53 - 1)', shown(v, x));
  }
  return x;
}

/**
 * The error for a method argument that is not a number (issue #16: `logPdf("1")`
 * and `cdf(null)` used to coerce silently). Callers guard with an inline
 * `typeof x !== 'number'` test, which V8 folds into the type check it already makes
 * on a number, so the hot path pays nothing measurable; only the failure path
 * calls this function. NaN is a number and passes (it gives NaN, per DESIGN).
 *
 * @param owner - the distribution's name, e.g. `"Normal"`
 * @param method - the method, e.g. `"logPdf"`
 * @param arg - the argument's name, e.g. `"x"`
 * @param value - what the caller passed
 * @returns a `TypeError` whose message starts with `Owner.method:`
 * @example
 * ```ts
 * notANumber('Normal', 'logPdf', 'x', '1').message; // → 'Normal.logPdf: x must be a number, got "1"'
 * ```
 */
export function notANumber(owner: string, method: string, arg: string, value: unknown): TypeError {
  return new TypeError(`${owner}.${method}: ${arg} must be a number, got ${formatValue(value)}`);
}
