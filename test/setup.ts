/**
 * Test setup: property tests run from a fixed seed so `npm test` is reproducible
 * (set FC_SEED=<integer> to explore other inputs; fast-check prints the seed and path
 * of any counterexample).
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED === undefined ? 20261125 : Number(process.env.FC_SEED);
fc.configureGlobal({ seed });
