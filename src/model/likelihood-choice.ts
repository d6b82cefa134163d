/**
 * The one decision step that picks how a model evaluates its likelihood: which
 * {@link LikelihoodKernel} (if any) replaces calling the user's function.
 *
 * | likelihood | evaluator | decided from |
 * | --- | --- | --- |
 * | i.i.d., parameters straight from latents or constants | `IidKernel` (sufficient statistics, or the family's summed kernel) | one call |
 * | per datum, `Normal` with an affine mean and one scale | `LinearGaussianKernel` (QR of the design once) | every datum traced whole |
 * | per datum, the same operations for every datum | `ReplayProgram` (the traced program) | every datum traced, streamed |
 * | anything else (a value read by `detach`, structure that changes with i, a subclass) | none: the likelihood is called (the tape in gradient mode) | the first datum that shows it |
 *
 * The model makes the decision once, on its first evaluation (value or gradient):
 * {@link LikelihoodProbe.probe} with the latents as leaf nodes, or, on the first
 * gradient pass, {@link iidChoice} / {@link perDatumChoice} from that pass's own trace.
 *
 * @module
 * @internal
 */
import { DiscreteDistribution } from '../distributions/discrete-distribution';
import { ContinuousDistribution } from '../distributions/distribution';
import { kernelFor, type LikelihoodKernel } from './likelihood-kernel';
import { linearGaussianKernelFor, mayBeLinearGaussian } from './linear-gaussian-kernel';
import { compileReplay, ReplayCompiler } from './replay/compile';
import { TapeNode, type Tape } from './tape';
import { checkDist, type LikelihoodDistribution } from './values';

/** What a probe found: a kernel, the general path (`undefined`), or no decision yet (`retry`). */
export type KernelChoice = { readonly kernel: LikelihoodKernel | undefined } | 'retry';

/**
 * The evaluator of an i.i.d. likelihood from one gradient-mode call that returned
 * `d` (see `kernelFor`): `clean` when the call recorded no operation and read no value.
 */
export function iidChoice(d: LikelihoodDistribution, clean: boolean, tape: Tape, data: Float64Array): LikelihoodKernel | undefined {
  return kernelFor(d, clean, (o) => (o instanceof TapeNode && tape.isLeaf(o) ? o.index : -1), data);
}

/**
 * The evaluator of a per-datum likelihood from one traced pass over the data (datum
 * i's distribution `ds[i]`, its operations from `bounds[i]` on the tape): the
 * linear-Gaussian kernel where it applies, else the replayed program; `clean` when
 * no value was read.
 */
export function perDatumChoice(ds: readonly LikelihoodDistribution[], clean: boolean, bounds: readonly number[], tape: Tape, dim: number, data: Float64Array): LikelihoodKernel | undefined {
  const continuous = ds.every((d) => d instanceof ContinuousDistribution);
  const linear = continuous ? linearGaussianKernelFor(ds as readonly ContinuousDistribution[], clean, tape, dim, data) : undefined;
  return linear ?? compileReplay(tape, bounds, ds, clean, data, dim);
}

/** Calls the likelihood with leaf nodes to decide its evaluator before any gradient pass. */
export class LikelihoodProbe {
  /** Set once an i.i.d. likelihood's counts were checked against a discrete support. */
  dataChecked = false;

  constructor(
    private readonly tape: Tape,
    private readonly nodeRecord: unknown,
    private readonly likelihood: (latents: never, i: number) => unknown,
    private readonly data: Float64Array,
    private readonly iid: boolean,
    private readonly dim: number,
  ) {}

  /**
   * Decides at the constrained latents `z`. Throws the model's own mistakes
   * (`ModelError`) and whatever the likelihood throws; the caller treats an
   * `InvalidParameterError` (a parameter out of its domain at this z) as `retry`.
   */
  probe(z: Float64Array): KernelChoice {
    const tape = this.tape;
    tape.reset(this.dim, z);
    tape.valueRead = false;
    const d0 = this.call(0);
    if (d0 === undefined) return { kernel: undefined };
    if (this.iid) return { kernel: iidChoice(d0, tape.size === this.dim && !tape.valueRead, tape, this.data) };
    return mayBeLinearGaussian(d0, tape, this.dim) ? this.whole(d0) : this.streaming(d0);
  }

  /** The likelihood of datum i; undefined when it returns something other than a distribution. */
  private call(i: number): LikelihoodDistribution | undefined {
    const d: unknown = this.likelihood(this.nodeRecord as never, i);
    if (d instanceof DiscreteDistribution) {
      // The kernels skip the per-datum calls that check the counts: check them here.
      checkDist(d, i, this.data, this.iid);
      if (this.iid) this.dataChecked = true;
    } else if (!(d instanceof ContinuousDistribution)) return undefined;
    return d;
  }

  /** A possibly linear-Gaussian likelihood: every datum traced on one tape. */
  private whole(d0: LikelihoodDistribution): KernelChoice {
    const tape = this.tape;
    const ds = [d0];
    const bounds = [this.dim, tape.size];
    for (let i = 1; i < this.data.length; i++) {
      const d = this.call(i);
      if (d === undefined) return { kernel: undefined };
      ds.push(d);
      bounds.push(tape.size);
    }
    return { kernel: perDatumChoice(ds, !tape.valueRead, bounds, tape, this.dim, this.data) };
  }

  /**
   * Any other per-datum likelihood: traced datum by datum into the replay compiler,
   * the tape truncated back to its leaves after each, so that n data take O(1) tape
   * and no distribution is kept (memory linear in n with the program's per-datum
   * constants only).
   */
  private streaming(d0: LikelihoodDistribution): KernelChoice {
    const tape = this.tape;
    const dim = this.dim;
    const compiler = new ReplayCompiler(tape, d0, this.data, dim);
    compiler.add(0, d0, dim, tape.size);
    for (let i = 1; i < this.data.length && !compiler.failed && !tape.valueRead; i++) {
      tape.truncateToLeaves();
      const d = this.call(i);
      if (d === undefined) return { kernel: undefined };
      compiler.add(i, d, dim, tape.size);
    }
    tape.truncateToLeaves();
    if (tape.valueRead) compiler.fail();
    return { kernel: compiler.finish() };
  }
}
