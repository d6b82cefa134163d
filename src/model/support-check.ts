/**
 * The construction-time check that a latent's prior fits how the likelihood uses
 * it: a latent with a real-valued prior passed straight into a parameter that must
 * be positive (Stan's `real<lower=0> sigma; sigma ~ normal(0, 10)` written with a
 * `Normal` prior) would make the log joint −∞ wherever the latent is negative, and
 * a fit would fail far from the cause. The model calls the likelihood once with
 * such latents at −1 and reports the mismatch with what to write instead.
 *
 * @module
 */
import { InvalidParameterError, ModelError } from '../errors';
import type { PriorBlock } from './latents';
import { isUnknownLatentRead } from './latent-guard';
import { TapeNode, type Tape } from './tape';

/**
 * Throws a `ModelError` naming the latent when the likelihood hands a latent with a
 * real prior, unchanged, to a parameter that must be > 0 (and rethrows a read of an
 * undeclared latent); every other outcome of the trial call is ignored, since the
 * call is made at arbitrary values.
 *
 * @example
 * ```ts
 * import { guardedRecord } from './latent-guard';
 * import { layoutPrior } from './latents';
 * import { Tape } from './tape';
 * // What new Model({ prior: { sigma: new Normal(0, 10) }, likelihood: ({ sigma }) => new Normal(0, sigma), … }) checks:
 * const layout = layoutPrior({ sigma: new Normal(0, 10) });
 * const tape = new Tape();
 * const nodeRec = guardedRecord(['sigma']);
 * nodeRec.sigma = tape.reset(1, [0])[0];
 * const likelihood = ({ sigma }: { sigma: number }) => new Normal(0, sigma);
 * checkSupportUse(layout, tape, nodeRec, likelihood, 1); // throws ModelError: Model: latent "sigma" has a Normal prior (the whole real line) but the likelihood passes it as Normal's sigma, which must be > 0; give it a positive prior, e.g. HalfNormal(10)…
 * ```
 * @internal
 */
export function checkSupportUse(
  layout: readonly PriorBlock[],
  tape: Tape,
  nodeRec: unknown,
  likelihood: (rec: never, i: number) => unknown,
  dim: number,
): void {
  if (!layout.some((b) => b.support.kind === 'real')) return;
  const trial = new Float64Array(dim);
  for (const b of layout) trial.fill(b.support.kind === 'real' ? -1 : b.bijection.forward(0), b.offset, b.offset + b.size);
  tape.reset(dim, trial);
  try {
    likelihood(nodeRec as never, 0);
  } catch (e) {
    if (isUnknownLatentRead(e)) throw e;
    if (!(e instanceof InvalidParameterError) || !(e.operand instanceof TapeNode) || !tape.isLeaf(e.operand)) return;
    if (!/must be > 0/.test(e.message)) return;
    const index = e.operand.index;
    const b = layout.find((blk) => index >= blk.offset && index < blk.offset + blk.size);
    if (b === undefined || b.support.kind !== 'real') return;
    const name = b.scalar ? b.name : `${b.name}[${index - b.offset}]`;
    const prior = b.dists[0];
    throw new ModelError(
      `Model: latent "${name}" has a ${prior.name} prior (the whole real line) but the likelihood passes it as ${e.owner}'s ${e.parameter}, which must be > 0; ` +
        `give it a positive prior, e.g. ${positiveAlternative(prior)}`,
      b.name,
    );
  }
}

/** What to write instead of a real prior on a positive quantity: the half-distribution of the same scale. */
function positiveAlternative(prior: { readonly name: string; readonly operands: readonly number[] }): string {
  const [a, b] = prior.operands.map((o) => (typeof o === 'number' ? o : NaN));
  if (prior.name === 'Normal' && a === 0) return `HalfNormal(${b}) (Stan's sigma ~ normal(0, ${b}) on a <lower=0> parameter)`;
  if (prior.name === 'Cauchy' && a === 0) return `HalfCauchy(${b})`;
  return 'HalfNormal, HalfCauchy, Exponential, Gamma or LogNormal';
}
