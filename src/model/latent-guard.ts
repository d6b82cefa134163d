/**
 * Records of latent values that refuse to read a latent the prior does not declare.
 *
 * The model hands the likelihood (and hierarchical prior entries) records it builds
 * itself. Their prototype is a guard: a declared latent is an own property and is
 * read at full speed, while a read that misses every own property (a misspelt `p.zz`)
 * falls through to the guard, which throws a `ModelError` naming the name read and the
 * declared ones, instead of handing `undefined` to a distribution.
 *
 * @module
 */
import { ModelError } from '../errors';

/** Names looked up by the language and by common tools on any object; they read as on a plain object. */
const PLAIN = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', '$$typeof', '@@__IMMUTABLE_ITERABLE__@@']);

/**
 * A new empty record whose missing-property reads throw a `ModelError` (see the module
 * description); assign the declared latents as own properties. `noun` and `owner` name
 * what the record holds in the message (declared covariates: `"covariate"`, `"covariates"`).
 *
 * @example
 * ```ts
 * const rec = guardedRecord(['z']);
 * rec.z = 1.5;
 * rec.z;  // → 1.5
 * rec.zz; // throws ModelError: Model: the model's code reads latent "zz", which the prior does not declare (it declares "z")
 * ```
 */
export function guardedRecord(names: readonly string[], noun = 'latent', owner = 'the prior'): Record<string, unknown> {
  const guard = new Proxy(Object.prototype, {
    get(target, key, receiver): unknown {
      if (typeof key === 'symbol' || key in target || PLAIN.has(key)) return Reflect.get(target, key, receiver);
      const e = new ModelError(`Model: the model's code reads ${noun} "${key}", which ${owner} does not declare (it declares ${declaredList(names)})`, key);
      GUARD_ERRORS.add(e);
      throw e;
    },
  });
  return Object.create(guard) as Record<string, unknown>;
}

/**
 * The declared latents for messages: `"mu", "tau"`, or `no latents`.
 *
 * @example
 * ```ts
 * declaredList(['mu', 'tau']); // → '"mu", "tau"'
 * ```
 * @internal
 */
export function declaredList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ') || 'no latents';
}

/** The errors {@link guardedRecord} threw, so they are recognized by identity, not by their text. */
const GUARD_ERRORS: WeakSet<object> = /* @__PURE__ */ new WeakSet();

/**
 * True when `e` is the error {@link guardedRecord} throws: a mistake in the model's
 * code, which no evaluation path may swallow.
 *
 * @example
 * ```ts
 * const rec = guardedRecord(['z']);
 * try {
 *   rec.zz;
 * } catch (e) {
 *   isUnknownLatentRead(e); // → true
 * }
 * isUnknownLatentRead(new Error('zz')); // → false
 * ```
 */
export function isUnknownLatentRead(e: unknown): e is ModelError {
  return e instanceof ModelError && GUARD_ERRORS.has(e);
}
