/**
 * The exact gradient of a model's log joint at its flat latents `z`: by the
 * likelihood kernel without a tape when nothing else needs one, else on the tape
 * (the prior's and the likelihood's analytic partials routed to the nodes, one
 * backward sweep to the latents).
 *
 * @module
 * @internal
 */
import { InvalidParameterError } from '../errors';
import type { LatentTransform } from './latent-transform';
import type { Prior } from './latents';
import { KERNEL, UNDECIDED, type LikelihoodEvaluator } from './likelihood-evaluator';
import type { LikelihoodKernel } from './likelihood-kernel';
import type { PriorEvaluator } from './prior-evaluator';
import type { Tape } from './tape';

/** log p(z, x = D) and ∂/∂z at the model's flat latents. */
export class JointGradient<P extends Prior> {
  /** ∂ log joint / ∂z, flat (written by {@link JointGradient.value}). */
  readonly gz: Float64Array;
  private readonly z: Float64Array;
  private readonly dim: number;
  /** One value of the kernel. */
  private readonly ll1 = new Float64Array(1);

  /**
   * @param general - true when some term needs the tape on every evaluation
   *   (hierarchical prior entries or a `factor`): the kernel path is then off
   */
  constructor(
    latents: LatentTransform<P>,
    private readonly priorTerms: PriorEvaluator<P>,
    private readonly lik: LikelihoodEvaluator<P>,
    private readonly tape: Tape,
    private readonly general: boolean,
  ) {
    this.z = latents.z;
    this.dim = latents.dim;
    this.gz = new Float64Array(this.dim);
  }

  /** log joint at `z` with ∂/∂z in `gz` (zeros when the value is not finite from above). */
  value(): number {
    const lik = this.lik;
    lik.prepareGradient();
    if (lik.state === KERNEL && !this.general) {
      const v = this.byKernel();
      if (v === v) return v;
    }
    const undecided = lik.state === UNDECIDED;
    const v = this.onTape();
    // The call that decides the kernel sums the data point by point; the kernel sums
    // them from the statistics, to other last bits. Evaluate once more by the kernel,
    // so that every call at one point gives the same bits.
    return undecided && lik.state === KERNEL ? this.value() : v;
  }

  /** {@link JointGradient.value} with `-Infinity` where a parameter leaves its domain. */
  caught(): number {
    try {
      return this.value();
    } catch (e) {
      if (!(e instanceof InvalidParameterError)) throw e;
      return -Infinity;
    }
  }

  /**
   * {@link JointGradient.value} with the likelihood kernel and no tape: prior
   * partials into `gz`, the kernel's parameter partials added at the latents'
   * indices. NaN when it cannot tell (the kernel's parameters out of their domain,
   * or a NaN value): the caller then takes the general path, which throws or
   * returns as it always has.
   */
  private byKernel(): number {
    const gz = this.gz;
    const lp = this.priorTerms.kernelGradient(gz);
    if (!(lp > -Infinity)) {
      gz.fill(0);
      return lp;
    }
    const kernel = this.lik.kernel as LikelihoodKernel;
    kernel.evaluate(this.z, this.dim, 1, this.ll1, gz);
    const ll = this.ll1[0];
    if (!(ll > -Infinity)) {
      gz.fill(0);
      if (ll === -Infinity && !kernel.accepts(this.z)) return NaN;
    }
    return lp + ll;
  }

  /** {@link JointGradient.value} on the tape: the likelihood called with nodes (or the kernel), one backward sweep. */
  private onTape(): number {
    const gz = this.gz;
    const tape = this.tape;
    tape.reset(this.dim, this.z);
    const lp = this.priorTerms.gradient(tape.adjoints);
    if (!(lp > -Infinity)) {
      gz.fill(0);
      return lp;
    }
    let ll = this.lik.tapeGradient();
    if (this.priorTerms.factor !== undefined && ll > -Infinity) ll += this.priorTerms.factorGradient();
    if (!(ll > -Infinity)) {
      gz.fill(0);
      return lp + ll;
    }
    // Nothing recorded beyond the leaves (the likelihood used latents directly): the
    // routed partials are already the gradient.
    if (tape.size > tape.leaves) tape.backward();
    const adj = tape.adjoints;
    for (let k = 0; k < this.dim; k++) gz[k] = adj[k];
    return lp + ll;
  }
}
