/**
 * What a Gaussian on the unconstrained line means on a latent's own space: the
 * distribution of z = T(u), u ~ N(μ, σ²), for the latent's bijection T.
 *
 * @module
 */
import type { ContinuousDistribution } from '../distributions/distribution';
import { LogitNormal } from '../distributions/logit-normal';
import { LogNormal } from '../distributions/lognormal';
import { Normal } from '../distributions/normal';
import type { LatentBlock } from '../model/differentiable-model';

/**
 * N(μ, σ²) on u pushed through the block's bijection: `Normal` for a real latent,
 * `LogNormal` for a positive one (exp), `LogitNormal` on the interval for a bounded
 * one (scaled logistic).
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * gaussianMarginal(model.blocks[0], -0.32, 0.66); // → LogNormal(mu = -0.32, sigma = 0.66): z ~ Exponential(1) is e^u
 * ```
 * @internal
 */
export function gaussianMarginal(block: LatentBlock, mu: number, sigma: number): ContinuousDistribution {
  const kind = block.support.kind;
  if (kind === 'interval') return new LogitNormal(mu, sigma, block.support.lower, block.support.upper);
  return block.bijection.name === 'exp' ? new LogNormal(mu, sigma) : new Normal(mu, sigma);
}
