/**
 * Errors thrown by varinf. Every message names the offending thing (distribution,
 * parameter, latent, option) and the value that was rejected.
 *
 * @module
 */

/**
 * Thrown when a distribution (or other object) is constructed with a parameter
 * outside its domain, e.g. `new Normal(0, -1)`.
 *
 * The message reads `Normal: sigma must be > 0 and finite, got -1`.
 *
 * @example
 * ```ts
 * import { Normal, InvalidParameterError } from 'varinf';
 * try {
 *   new Normal(0, -1);
 * } catch (e) {
 *   if (!(e instanceof InvalidParameterError)) throw e;
 *   e.parameter; // → "sigma"
 *   e.value;     // → -1
 *   e.message;   // → "Normal: sigma must be > 0 and finite, got -1"
 * }
 * ```
 */
export class InvalidParameterError extends RangeError {
  /** Name of the distribution or object whose construction failed. */
  readonly owner: string;
  /** Name of the offending parameter. */
  readonly parameter: string;
  /** The rejected value. */
  readonly value: unknown;
  /**
   * The argument as it was passed: the value itself, or the boxed scalar carrying it
   * when a model evaluated the distribution under differentiation (the model reads it
   * to name the latent behind a rejected parameter).
   */
  readonly operand: unknown;

  /**
   * Builds the error and its message `<owner>: <parameter> must be <requirement>, got <value>`.
   *
   * @param owner - distribution or object name, e.g. `"Normal"`
   * @param parameter - parameter name, e.g. `"sigma"`
   * @param requirement - what the parameter must satisfy, e.g. `"> 0 and finite"`
   * @param value - the rejected value
   * @param operand - the argument as passed, when it differs from `value` (a boxed scalar)
   */
  constructor(owner: string, parameter: string, requirement: string, value: unknown, operand: unknown = value) {
    // `undefined` here is nearly always a misspelt name or an index past an array's end.
    const hint = value === undefined ? ' (a misspelt name, or an index past the end of a plate?)' : '';
    super(`${text(owner)}: ${text(parameter)} must be ${text(requirement)}, got ${formatValue(value)}${hint}`);
    this.name = 'InvalidParameterError';
    this.owner = owner;
    this.parameter = parameter;
    this.value = value;
    this.operand = operand;
  }
}

/**
 * Thrown by {@link kl} for a pair of distributions with no closed-form KL divergence.
 *
 * @example
 * ```ts
 * import { kl, Normal, Gamma, UnsupportedKLError } from 'varinf';
 * try {
 *   kl(new Normal(0, 1), new Gamma(2, 1));
 * } catch (e) {
 *   e instanceof UnsupportedKLError; // → true
 * }
 * ```
 */
export class UnsupportedKLError extends TypeError {
  /**
   * Builds the error naming the unsupported pair.
   *
   * @param p - name of the first distribution
   * @param q - name of the second distribution
   * @param supported - the supported pairs, for the message (`kl` passes its list)
   */
  constructor(p: string, q: string, supported = 'Normal‖Normal, Exponential‖Exponential, Gamma‖Gamma, LogNormal‖LogNormal, Exponential‖Gamma, Gamma‖Exponential') {
    super(`kl: no closed form for KL(${text(p)} ‖ ${text(q)}); supported pairs are ${text(supported)}`);
    this.name = 'UnsupportedKLError';
  }
}

/**
 * A string argument as is, anything else through {@link formatValue}: the error
 * classes build their messages with it, so that a constructor called with a
 * non-string (a null-prototype object has no `toString`) still builds its error
 * instead of throwing a raw TypeError from the template.
 * @internal
 */
export function text(v: unknown): string {
  return typeof v === 'string' ? v : formatValue(v);
}

/** Formats a rejected value so that -0, NaN and strings stay recognisable in messages. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return Object.prototype.toString.call(value);
  return String(value);
}

/**
 * Thrown when a `Model` is declared or queried inconsistently: a prior entry
 * that is not a distribution, an array of distributions or a `plate`; a latent
 * missing from (or unknown to) a values record; a vector latent of the wrong
 * length. `latent` names the offending latent when there is one.
 *
 * @example
 * ```ts
 * import { Model, Exponential, Normal, ModelError } from 'varinf';
 * const m = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * try {
 *   m.logJoint({} as { z: number });
 * } catch (e) {
 *   if (!(e instanceof ModelError)) throw e;
 *   e.latent;  // → "z"
 *   e.message; // → 'Model: latent "z" is missing…'
 * }
 * ```
 */
export class ModelError extends Error {
  /** The latent the error is about, when there is one. */
  readonly latent: string | undefined;

  /**
   * Builds the error with its message and, when there is one, the latent concerned.
   *
   * @param message - full message, starting with the thrower (`Model: …`)
   * @param latent - the latent's name, when the error is about one
   */
  constructor(message: string, latent?: string) {
    super(text(message));
    this.name = 'ModelError';
    this.latent = latent;
  }
}
