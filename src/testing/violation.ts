/**
 * The error a failing identity throws: its message names the identity, the
 * family with its parameters, the point (the counterexample) and what went wrong,
 * so a runner's report reads on its own. fast-check adds its seed and shrink path.
 *
 * @module
 */
import { formatValue } from '../errors';

/**
 * Thrown by the predicates of `varinf/testing` when an identity does not hold.
 * Message: `<identity> fails for <Family>(<p₁> = v₁, …) at <point>: <detail>`.
 *
 * @example
 * ```ts
 * import { IdentityViolation } from 'varinf/testing';
 * const e = new IdentityViolation('cdf + survival = 1', 'Normal(mu = 0, sigma = 1)', 'x = 3', 'sum − 1 = 1e-3 > 4e-16');
 * e.message; // → "cdf + survival = 1 fails for Normal(mu = 0, sigma = 1) at x = 3: sum − 1 = 1e-3 > 4e-16"
 * ```
 */
export class IdentityViolation extends Error {
  /** The identity that failed, e.g. `"cdf + survival = 1"`. */
  readonly identity: string;
  /** The distribution with its parameters, e.g. `"Normal(mu = 0, sigma = 1)"`. */
  readonly subject: string;
  /** Where it failed (the counterexample), e.g. `"x = 3"`. */
  readonly at: string;

  /**
   * Builds the message from its four parts.
   *
   * @param identity - the identity's name
   * @param subject - the family and its parameters
   * @param at - the point or inputs where the identity fails
   * @param detail - the values and the tolerance that was exceeded
   */
  constructor(identity: string, subject: string, at: string, detail: string) {
    super(`${identity} fails for ${subject} at ${at}: ${detail}`);
    this.name = 'IdentityViolation';
    this.identity = identity;
    this.subject = subject;
    this.at = at;
  }
}

/**
 * `Name(p₁ = v₁, p₂ = v₂)` with every value printed exactly (shortest round-trip
 * form, −0 kept), so a failure can be reproduced by copying it.
 *
 * @example
 * ```ts
 * import { describeMember } from 'varinf/testing';
 * describeMember('Normal', ['mu', 'sigma'], [0, 1e-8]); // → "Normal(mu = 0, sigma = 1e-8)"
 * ```
 */
export function describeMember(name: string, paramNames: readonly string[], params: readonly unknown[]): string {
  const parts = params.map((v, i) => `${paramNames[i] ?? `#${i}`} = ${formatValue(v)}`);
  return `${name}(${parts.join(', ')})`;
}
