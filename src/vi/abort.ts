/**
 * Cancellation: the part of the web platform's `AbortSignal` that the fit loop uses,
 * typed structurally so the library builds without the DOM or Node type libraries
 * (a real `AbortSignal` is one).
 *
 * @module
 */

/**
 * What `fit`, `fitSteps` and `fitAsync` read of their `signal` option: an
 * `AbortSignal` (from `new AbortController().signal`, `AbortSignal.timeout(ms)`, …).
 *
 * @example
 * ```ts
 * import { Exponential, Model, Normal } from 'varinf';
 * import { fit, type AbortSignalLike } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const controller = new AbortController();
 * const signal: AbortSignalLike = controller.signal;
 * controller.abort(); // e.g. from a Cancel button
 * fit(model, { signal }); // throws AbortError
 * ```
 */
export interface AbortSignalLike {
  /** True once aborted. */
  readonly aborted: boolean;
  /** Why: what `abort(reason)` was given, by default a `DOMException` named `"AbortError"`. */
  readonly reason?: unknown;
}

/**
 * True when `x` looks like an AbortSignal (an object with a boolean `aborted`).
 *
 * @example
 * ```ts
 * isAbortSignal(new AbortController().signal); // → true
 * isAbortSignal({});                           // → false
 * ```
 */
export function isAbortSignal(x: unknown): x is AbortSignalLike {
  return x !== null && typeof x === 'object' && typeof (x as AbortSignalLike).aborted === 'boolean';
}

/**
 * Throws the signal's reason when it is aborted (as `AbortSignal.throwIfAborted`),
 * or, on a platform whose signals carry no reason, an `Error` named `"AbortError"`.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * throwIfAborted(controller.signal); // → undefined: a no-op until controller.abort()
 * controller.abort();
 * throwIfAborted(controller.signal); // throws AbortError
 * ```
 */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal === undefined || !signal.aborted) return;
  if (signal.reason !== undefined) throw signal.reason;
  const e = new Error('fit: aborted');
  e.name = 'AbortError';
  throw e;
}
