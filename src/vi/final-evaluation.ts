/**
 * The final evaluation of a fit (ELBO, its standard error, the IWAE log evidence and
 * PSIS k̂ from `evalSamples` draws of the returned q), made once on first use.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import type { Rng } from '../random/rng';
import { sampleLogWeights } from './log-weights';
import { createRowScratch } from './row-scratch';
import { logMeanExpWithStderr } from './evaluate';
import type { Evaluated } from './lazy-evaluation';
import type { Guide } from './guide';
import { psisKhat } from './psis';

/**
 * The final evaluation of a fit: `n` log weights of the returned q from the
 * evaluation stream, their mean (the ELBO) with its standard error, their log mean
 * exp (the IWAE-n estimate of log p(D)) and PSIS k̂. Computed once, on first use.
 * Exported for `restoreFit`, which replays it from the saved stream state.
 *
 * @example
 * ```ts
 * import { createRowScratch } from './row-scratch';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const params = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ), near the optimum
 * const e = new FinalEvaluation(model, guide, params, new Rng(1), 20_000, createRowScratch(guide)).get();
 * e.elbo;        // ≈ -1.44
 * e.khatReading; // → "poor": no LogNormal covers the posterior's density at z = 0
 * ```
 */
export class FinalEvaluation {
  private result: Evaluated | undefined;
  constructor(
    private readonly model: DifferentiableModel,
    private readonly guide: Guide,
    private readonly params: Float64Array,
    private readonly rng: Rng,
    private readonly n: number,
    private readonly rows: ReturnType<typeof createRowScratch>,
  ) {}

  get(): Evaluated {
    if (this.result !== undefined) return this.result;
    const lw = new Float64Array(this.n);
    const elbo = sampleLogWeights(this.model, this.guide, this.params, this.rng, lw.length, lw, this.rows);
    let s2 = 0;
    for (let i = 0; i < lw.length; i++) s2 += (lw[i] - elbo) ** 2;
    const pareto = psisKhat(lw);
    this.result = {
      elbo,
      elboStderr: Math.sqrt(s2 / Math.max(1, lw.length - 1) / lw.length),
      khat: pareto.khat,
      khatReading: pareto.reading,
      logEvidence: logMeanExpWithStderr(lw),
    };
    return this.result;
  }
}

