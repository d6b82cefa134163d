/**
 * The constructor's refusal of invalid parameters, with an error that names the
 * family, the parameter and the value.
 *
 * @module
 */
import * as fc from 'fast-check';
import { formatValue, InvalidParameterError } from '../errors';
import type { Family } from './family';
import { subjectOf, type IdentityProperty } from './identity-property';
import { IdentityViolation } from './violation';

/**
 * The constructor refuses every tuple of the family's `invalid` arbitrary with an
 * `InvalidParameterError` (or the given error class) whose message starts with the
 * family's name and names one of its parameters with the value passed.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { normalFamily, rejectsInvalidParameters } from 'varinf/testing';
 * fc.assert(rejectsInvalidParameters(normalFamily), { numRuns: 500, seed: 1 });
 * ```
 */
export function rejectsInvalidParameters(family: Family, options: { readonly errorType?: abstract new (...args: never[]) => Error } = {}): IdentityProperty {
  const errorType = options.errorType ?? InvalidParameterError;
  return fc.property(family.invalid, (ps) => {
    const subject = subjectOf(family, ps);
    const fail = (detail: string): never => {
      throw new IdentityViolation('invalid parameters are refused', subject, 'construction', detail);
    };
    try {
      family.make(...(ps as number[]));
    } catch (e) {
      if (!(e instanceof errorType)) return fail(`threw ${String(e)}, not a ${errorType.name}`);
      const { message } = e as Error;
      if (!message.startsWith(`${family.name}: `)) fail(`message ${JSON.stringify(message)} does not start with "${family.name}: "`);
      const named = family.paramNames.findIndex((name, i) => message.includes(name) && message.includes(formatValue(ps[i])));
      if (named < 0) fail(`message ${JSON.stringify(message)} names no parameter with its value`);
      return;
    }
    fail('the constructor accepted them');
  });
}
