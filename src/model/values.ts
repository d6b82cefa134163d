/**
 * Checking what users hand to a `Model`: the data at construction, the records of
 * latent values at each query, and the likelihood's return value.
 *
 * @module
 */
import { DiscreteDistribution } from '../distributions/discrete-distribution';
import { ContinuousDistribution } from '../distributions/distribution';
import { InvalidParameterError, ModelError } from '../errors';
import type { PriorBlock } from './latents';
import { describe } from './plate';

/**
 * Checks a record of latent values against the blocks and copies it into the flat
 * vector `z`: every declared latent present with the right type (a number, or an
 * array-like of the block's length, never NaN: a NaN latent has no density to
 * report) and no unknown name.
 *
 * @example
 * ```ts
 * import { layoutPrior } from './latents';
 * const z = new Float64Array(1);
 * loadValues(layoutPrior({ z: new Exponential(1) }), { z: 1.5 }, z);
 * z; // → Float64Array [1.5]
 * loadValues(layoutPrior({ z: new Exponential(1) }), { zz: 1.5 }, z); // throws ModelError: Model: latent "z" is missing…
 * ```
 * @throws ModelError naming the missing, unknown, mistyped or wrong-length latent
 */
export function loadValues(blocks: readonly PriorBlock[], values: unknown, z: Float64Array): void {
  if (values === null || typeof values !== 'object') {
    throw new ModelError(`Model: expected a record of latent values, got ${describe(values)}`);
  }
  const v = values as Record<string, unknown>;
  for (const b of blocks) {
    const x = v[b.name];
    if (b.scalar) {
      if (typeof x !== 'number' || x !== x) throw badLatent(b, x);
      z[b.offset] = x;
    } else {
      if (x === null || typeof x !== 'object' || typeof (x as ArrayLike<number>).length !== 'number') {
        throw badLatent(b, x);
      }
      const a = x as ArrayLike<number>;
      if (a.length !== b.size) {
        throw new ModelError(`Model: latent "${b.name}" must have length ${b.size}, got ${a.length}`, b.name);
      }
      for (let j = 0; j < b.size; j++) {
        const xj = a[j];
        if (typeof xj !== 'number' || xj !== xj) {
          throw new ModelError(`Model: latent "${b.name}[${j}]" must be a number (not NaN), got ${describe(xj)}`, b.name);
        }
        z[b.offset + j] = xj;
      }
    }
  }
  // Every declared name is present, so equal key counts mean no unknown key.
  let count = 0;
  for (const key in v) {
    void key;
    count++;
  }
  if (count !== blocks.length) throw unknownLatent(blocks, v);
}

function unknownLatent(blocks: readonly PriorBlock[], v: Record<string, unknown>): ModelError {
  const names = blocks.map((b) => b.name);
  for (const key in v) {
    if (!names.includes(key)) {
      const list = names.map((n) => `"${n}"`).join(', ') || 'no latents';
      return new ModelError(`Model: unknown latent "${key}"; the prior declares ${list}`, key);
    }
  }
  return new ModelError('Model: the values record has inherited enumerable keys');
}

function badLatent(b: PriorBlock, x: unknown): ModelError {
  const what = b.scalar ? 'a number' : `a Float64Array of length ${b.size}`;
  if (x !== x) return new ModelError(`Model: latent "${b.name}" is NaN; a latent value has a density only where it is a number`, b.name);
  return x === undefined
    ? new ModelError(`Model: latent "${b.name}" is missing from the values (expected ${what})`, b.name)
    : new ModelError(`Model: latent "${b.name}" must be ${what}, got ${describe(x)}`, b.name);
}

/**
 * A new record of the flat vector `flat`: a number per scalar latent, a fresh `Float64Array` per vector latent.
 *
 * @example
 * ```ts
 * import { layoutPrior } from './latents';
 * makeRecord(layoutPrior({ a: new Normal(0, 1), w: plate(new Normal(0, 1), 2) }), new Float64Array([1, 2, 3])); // → { a: 1, w: Float64Array [2, 3] }
 * ```
 */
export function makeRecord(blocks: readonly PriorBlock[], flat: Float64Array): Record<string, number | Float64Array> {
  const r: Record<string, number | Float64Array> = {};
  for (const b of blocks) r[b.name] = b.scalar ? flat[b.offset] : flat.slice(b.offset, b.offset + b.size);
  return r;
}

/**
 * `d` if it is a distribution (continuous or discrete); for a discrete one with
 * data, every datum it will score must be in its support.
 *
 * @example
 * ```ts
 * checkDist(new Normal(0, 1), 0); // → Normal(mu = 0, sigma = 1)
 * checkDist(3, 0);                // throws TypeError: Model: the likelihood must return a distribution…for datum 0, got 3
 * checkDist(new Bernoulli(0.3), 4, [0, 1, 1, 0, 2]); // throws ModelError: Model: data[4] = 2 is not in the support of Bernoulli…
 * ```
 * @param data - the data this distribution scores: `data[i]` alone, or all of them
 *   for an i.i.d. likelihood (`all`)
 * @throws TypeError naming the datum when `d` is not a distribution
 * @throws ModelError naming the datum's index and value when it is off a discrete support
 */
export function checkDist(d: unknown, i: number, data?: ArrayLike<number>, all = false): LikelihoodDistribution {
  if (d instanceof ContinuousDistribution) return d;
  if (d instanceof DiscreteDistribution) {
    if (data !== undefined) {
      const from = all ? 0 : i;
      const to = all ? data.length : i + 1;
      for (let j = from; j < to; j++) {
        if (!d.inSupport(data[j])) {
          throw new ModelError(`Model: data[${j}] = ${data[j]} is not in the support of ${d.name} (${supportText(d)}); count data must be integers in it`);
        }
      }
    }
    return d;
  }
  throw new TypeError(
    `Model: the likelihood must return a distribution (e.g. new Normal(mu, sigma)) for datum ${i}, got ${describe(d)}`,
  );
}

/**
 * What a likelihood returns for a datum: any distribution of varinf, continuous or discrete.
 *
 * @example
 * ```ts
 * import { Poisson, type LikelihoodDistribution } from 'varinf';
 * const d: LikelihoodDistribution = new Poisson(3);
 * ```
 */
export type LikelihoodDistribution = ContinuousDistribution | DiscreteDistribution;

/** A discrete support for messages: {0, 1}, {0, …, n} or {0, 1, 2, …}. */
function supportText(d: DiscreteDistribution): string {
  const { lower, upper } = d.support;
  if (upper === Infinity) return `{${lower}, ${lower + 1}, ${lower + 2}, …}`;
  return upper - lower === 1 ? `{${lower}, ${upper}}` : `{${lower}, …, ${upper}}`;
}

/**
 * A private `Float64Array` copy of the data.
 *
 * @example
 * ```ts
 * copyData([1.3]);      // → Float64Array [1.3]
 * copyData([1, NaN]);   // throws InvalidParameterError: Model: data[1] must be finite, got NaN
 * ```
 * @throws InvalidParameterError naming the first non-finite datum (`Model: data[3] must be finite, got NaN`)
 * @throws TypeError when `data` is not array-like
 */
export function copyData(data: ArrayLike<number>): Float64Array {
  if (data === null || typeof data !== 'object' || typeof data.length !== 'number') {
    throw new TypeError(`Model: data must be an array of numbers or a Float64Array, got ${describe(data)}`);
  }
  const out = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const x: unknown = data[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new InvalidParameterError('Model', `data[${i}]`, 'finite', x);
    }
    out[i] = x;
  }
  return out;
}
