/**
 * Refusal of unknown option names: `fit(model, { Seed: 99 })` must not run
 * silently with seed 0. Each options type has, next to it, the `const` array of
 * its keys ({@link optionKeys} makes the compiler check the array lists every key
 * of the type); {@link checkOptions} compares an options object with it.
 *
 * @module
 */
import { didYouMean } from '../did-you-mean';
import { text } from '../errors';

/**
 * Thrown when an options object holds a name the function does not know. The
 * message names every unknown option, with the closest known name where one is
 * close (Levenshtein distance), and lists the known ones, e.g.
 * `fit: unknown option "Seed" (did you mean "seed"?); the options are guide, …`.
 *
 * @example
 * ```ts
 * import { Exponential, Model, Normal } from 'varinf';
 * import { fit, UnknownOptionError } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * try {
 *   fit(model, { Seed: 99 } as never);
 * } catch (e) {
 *   if (!(e instanceof UnknownOptionError)) throw e;
 *   e.unknown;     // → ["Seed"]
 *   e.suggestions; // → ["seed"]
 * }
 * ```
 */
export class UnknownOptionError extends TypeError {
  /** The function (and nested option) that refused, e.g. `"fit"` or `"fit: convergence"`. */
  readonly owner: string;
  /** The unknown names, in the object's key order. */
  readonly unknown: readonly string[];
  /** Per unknown name, the closest known name, or `undefined`. */
  readonly suggestions: readonly (string | undefined)[];

  /**
   * Builds the error and its message.
   *
   * @param owner - e.g. `"fit"` or `"fit: convergence"`
   * @param unknown - the unknown names
   * @param allowed - the known names
   */
  constructor(owner: string, unknown: readonly string[], allowed: readonly string[]) {
    // Built by the library with string arrays; anything else still builds an error.
    unknown = Array.from(Array.isArray(unknown) ? unknown : [unknown], text);
    allowed = Array.isArray(allowed) ? Array.from(allowed, text) : [];
    owner = text(owner);
    const suggestions = unknown.map((k) => didYouMean(k, allowed));
    const parts = unknown.map((k, i) => `"${k}"${suggestions[i] === undefined ? '' : ` (did you mean "${suggestions[i]}"?)`}`);
    super(`${owner}: unknown option${unknown.length > 1 ? 's' : ''} ${parts.join(', ')}; the options are ${allowed.join(', ')}`);
    this.name = 'UnknownOptionError';
    this.owner = owner;
    this.unknown = unknown;
    this.suggestions = suggestions;
  }
}

/**
 * Throws an {@link UnknownOptionError} when `options` (an object) has an own key
 * not in `allowed`; keys whose value is `undefined` count too (a misspelt name is
 * wrong whatever its value).
 *
 * @param owner - the refusing function, e.g. `"fit"` or `"fit: convergence"`
 * @param options - the options object as given
 * @param allowed - the known names (see {@link optionKeys})
 * @example
 * ```ts
 * checkOptions('estimateElbo', { samples: 10 }, ['samples', 'seed', 'baseSamples']); // → undefined (passes)
 * checkOptions('estimateElbo', { sample: 10 }, ['samples', 'seed', 'baseSamples']); // throws UnknownOptionError: estimateElbo: unknown option "sample" (did you mean "samples"?); …
 * ```
 */
export function checkOptions(owner: string, options: object, allowed: readonly string[]): void {
  let unknown: string[] | undefined;
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) (unknown ??= []).push(key);
  }
  if (unknown !== undefined) throw new UnknownOptionError(owner, unknown, allowed);
}

/**
 * The key list of an options type `T`, checked by the compiler: every key of `T`
 * must be listed (a missing one is a type error naming it), and nothing else.
 *
 * @example
 * ```ts
 * interface O { readonly a?: number; readonly b?: string }
 * const O_KEYS = optionKeys<O>()(['a', 'b'] as const); // → ["a", "b"]
 * // @ts-expect-error: "b" is missing
 * optionKeys<O>()(['a'] as const);
 * ```
 */
export function optionKeys<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : { readonly missingKeys: Exclude<keyof T, K[number]> }),
  ): K => keys;
}
