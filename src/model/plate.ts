/**
 * Plates: a vector latent of n independent, identically distributed elements.
 *
 * @module
 */
import { ContinuousDistribution } from '../distributions/distribution';
import { ModelError } from '../errors';
import { checkSize } from '../limits';

/**
 * n i.i.d. copies of a distribution, as a prior entry of a `Model`: the latent is
 * a `Float64Array` of length n with log prior Σⱼ log f(wⱼ). Make one with {@link plate}.
 *
 * @example
 * ```ts
 * import { plate, Normal } from 'varinf';
 * const p = plate(new Normal(0, 1), 5);
 * p.size;              // → 5
 * p.distribution.name; // → "Normal"
 * ```
 */
export class Plate<D extends ContinuousDistribution = ContinuousDistribution> {
  /** The distribution of every element. */
  readonly distribution: D;
  /** The number of elements n ≥ 1. */
  readonly size: number;

  /**
   * @param distribution - distribution of each element
   * @param size - number of elements, a positive integer
   * @throws ModelError when `distribution` is not a distribution or `size` is not a positive integer
   */
  constructor(distribution: D, size: number) {
    if (!(distribution instanceof ContinuousDistribution)) {
      throw new ModelError(`plate: expected a distribution, got ${describe(distribution)}`);
    }
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new ModelError(`plate: size must be a positive integer, got ${String(size)}`);
    }
    checkSize('plate', 'size', size, 'maxPlateSize');
    this.distribution = distribution;
    this.size = size;
  }
}

/**
 * A prior entry for a vector latent of `n` i.i.d. elements, each distributed as
 * `distribution`: w = (w₁, …, wₙ), log p(w) = Σⱼ log f(wⱼ). In the likelihood
 * the latent is a `Float64Array` of length `n`.
 *
 * @example
 * ```ts
 * import { Model, Normal, plate, dot } from 'varinf';
 * const X = [[1, 0.5], [1, -0.2]], y = [0.9, 0.1];
 * const m = new Model({
 *   prior: { w: plate(new Normal(0, 1), 2) },
 *   likelihood: ({ w }, i) => new Normal(dot(w, X[i]), 0.1),
 *   data: y,
 * });
 * m.logJoint({ w: new Float64Array([0.2, 1.1]) }); // ≈ -1.540584
 * ```
 */
export function plate<D extends ContinuousDistribution>(distribution: D, n: number): Plate<D> {
  return new Plate(distribution, n);
}

/**
 * A short description of an unexpected value for error messages.
 *
 * @example
 * ```ts
 * describe(new Map()); // → "an instance of Map"
 * ```
 */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') {
    const c = (x as { constructor?: { name?: unknown } }).constructor;
    return typeof c?.name === 'string' && c.name !== 'Object' ? `an instance of ${c.name}` : 'an object';
  }
  if (typeof x === 'function') return 'a function';
  if (typeof x === 'string') return JSON.stringify(x);
  return String(x);
}
