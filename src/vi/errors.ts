/**
 * Errors of the VI module.
 *
 * @module
 */
import { checkSize } from '../limits';
import { InvalidParameterError, text } from '../errors';

/**
 * The quantity of a fit that went non-finite.
 *
 * @example
 * ```ts
 * import { Model, Normal } from 'varinf';
 * import { fit, FitError, type NonFiniteQuantity } from 'varinf/vi';
 * // (1e300 − z)² overflows: the log joint is −∞ wherever the guide puts z.
 * const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1e300] });
 * try {
 *   fit(model, { seed: 1 });
 * } catch (e) {
 *   if (!(e instanceof FitError)) throw e;
 *   const q: NonFiniteQuantity = e.quantity; // → "log joint"
 * }
 * ```
 */
export type NonFiniteQuantity = 'log joint' | 'gradient' | 'ELBO' | 'parameters';

/**
 * Thrown by `fit` when a non-finite log joint, gradient, ELBO or parameter could
 * not be recovered from by rejecting the step and reducing the step size (bounded
 * retries). The message names the step, the latent and the quantity.
 *
 * A fit never returns NaN parameters: either it recovers, or it throws this.
 *
 * @example
 * ```ts
 * import { Model, Normal } from 'varinf';
 * import { fit, FitError } from 'varinf/vi';
 * // (1e300 − z)² overflows: the log joint is −∞ wherever the guide puts z.
 * const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1e300] });
 * try {
 *   fit(model, { seed: 1 });
 * } catch (e) {
 *   if (!(e instanceof FitError)) throw e;
 *   e.step;     // → 0
 *   e.latent;   // → "z"
 *   e.quantity; // → "log joint"
 *   e.message;  // → 'fit: the log joint became -Infinity at step 0 (latent "z"); no step size of the search ladder…'
 * }
 * ```
 */
export class FitError extends Error {
  /** The optimization step (1-based) at which the fit gave up. */
  readonly step: number;
  /** The latent involved, or `undefined` when it could not be attributed to one. */
  readonly latent: string | undefined;
  /** Which quantity went non-finite. */
  readonly quantity: NonFiniteQuantity;
  /** The offending value (NaN or ±Infinity). */
  readonly value: number;

  /**
   * Builds the error and its message naming the step, the latent and the quantity.
   *
   * @param step - the step at which the fit failed
   * @param latent - the latent the failure is attributed to, if any
   * @param quantity - the quantity that went non-finite
   * @param value - the non-finite value
   * @param detail - extra context appended to the message
   */
  constructor(step: number, latent: string | undefined, quantity: NonFiniteQuantity, value: number, detail = '') {
    const where = latent === undefined ? '' : ` (latent "${text(latent)}")`;
    super(`fit: the ${text(quantity)} became ${text(value)} at step ${text(step)}${where}${detail ? `; ${text(detail)}` : ''}`);
    this.name = 'FitError';
    this.step = step;
    this.latent = latent;
    this.quantity = quantity;
    this.value = value;
  }
}

/**
 * Throws an {@link InvalidParameterError} (a `RangeError`) naming the function,
 * the option and the value, e.g. `fit: samples must be a positive integer, got 0`.
 */
export function invalidOption(owner: string, option: string, requirement: string, value: unknown): never {
  throw new InvalidParameterError(owner, option, requirement, value);
}

/** Returns `v` when it is a positive safe integer, else throws naming the option. */
export function positiveIntOption(owner: string, option: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) invalidOption(owner, option, 'a positive integer', v);
  return v;
}

/** Returns `v` when it is a finite number > 0, else throws naming the option. */
export function positiveOption(owner: string, option: string, v: unknown): number {
  if (typeof v !== 'number' || !(v > 0 && v < Infinity)) invalidOption(owner, option, '> 0 and finite', v);
  return v;
}

/** Returns `v` when it is a finite number ≥ 0, else throws naming the option. */
export function nonNegativeOption(owner: string, option: string, v: unknown): number {
  if (typeof v !== 'number' || !(v >= 0 && v < Infinity)) invalidOption(owner, option, '>= 0 and finite', v);
  return v;
}

/** Returns `v` when it is a number in [lo, hi), else throws naming the option. */
export function unitOption(owner: string, option: string, v: unknown, lo = 0, hi = 1): number {
  if (typeof v !== 'number' || !(v >= lo && v < hi)) invalidOption(owner, option, `in [${lo}, ${hi})`, v);
  return v;
}

/**
 * Returns `v` when it is a positive safe integer whose arrays fit in memory: `v` ×
 * `perItem` numbers within `limits.maxArrayLength` (checked before anything is
 * allocated, so a `samples: 1e9` is a `RangeError`, not an out-of-memory crash).
 * @internal
 */
export function sizeOption(owner: string, option: string, v: unknown, perItem = 1): number {
  const n = positiveIntOption(owner, option, v);
  checkSize(owner, option, n * Math.max(1, perItem), 'maxArrayLength');
  return n;
}
