/**
 * Random-number layer of varinf: the seeded {@link Rng} and its base samplers.
 *
 * @module
 */
export { Rng } from './rng';
