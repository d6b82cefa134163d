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
    throw new InvalidParameterError(owner, name, 'finite', typeof x === 'number' ? x : v);
  }
  return x;
}

/** The numeric value of `v`, which must be finite and > 0. */
export function positiveParam(owner: string, name: string, v: number): number {
  const x = scalarValue(v);
  if (typeof x !== 'number' || !isPositiveValue(x)) {
    throw new InvalidParameterError(owner, name, '> 0 and finite', typeof x === 'number' ? x : v);
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
    throw new InvalidParameterError(owner, name, `finite and > ${boundName} (${formatValue(bound)})`, typeof x === 'number' ? x : v);
  }
  return x;
}
