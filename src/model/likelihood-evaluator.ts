/**
 * How a model evaluates its likelihood Σᵢ log p(xᵢ | z) at the flat latents `z`:
 * by its kernel once one is decided (`likelihood-choice.ts`), else by calling the
 * user's function (with plain numbers in value mode, with tape nodes in gradient
 * mode, partials routed onto the tape); over every datum or a subset of them
 * (`fit`'s `batchSize`). Also draws replicate data and runs the support check,
 * both of which call the likelihood too.
 *
 * @module
 * @internal
 */
import { InvalidParameterError, ModelError } from '../errors';
import type { Rng } from '../random/rng';
import type { LatentTransform } from './latent-transform';
import type { Latents, Prior, PriorBlock } from './latents';
import { iidChoice, LikelihoodProbe, perDatumChoice } from './likelihood-choice';
import type { LikelihoodKernel } from './likelihood-kernel';
import type { Likelihood } from './model-spec';
import type { CovariateTable } from './covariates';
import { traceOnce } from './replay/trace-once';
import type { ReplayProgram } from './replay/program';
import { checkSupportUse } from './support-check';
import { route, scalePartials } from './tape-partials';
import type { Tape } from './tape';
import { checkDist, type LikelihoodDistribution } from './values';

/** Kernel decision state: not decided yet (the next evaluation decides). */
export const UNDECIDED = 0;
/** Kernel decision state: the likelihood is evaluated by its kernel. */
export const KERNEL = 1;
/** Kernel decision state: no kernel, the likelihood is called. */
export const GENERAL = 2;
/**
 * Data above which the first gradient of a per-datum likelihood decides its kernel
 * by the streaming probe: below it, tracing the data whole on the gradient's own
 * tape costs little and saves a pass.
 */
const STREAM_PROBE_MIN = 4096;
/** Value-path attempts to decide the kernel before giving up on it. */
const MAX_PROBE_FAILURES = 8;

/** The likelihood of a model: its kernel decision, its evaluation and its data subset. */
export class LikelihoodEvaluator<P extends Prior> {
  /** UNDECIDED until one call of the likelihood tells; then KERNEL or GENERAL (set only here). */
  state: number;
  /** The kernel (set only here, when `state` becomes KERNEL). */
  kernel: LikelihoodKernel | undefined;
  private readonly iid: boolean;
  private readonly z: Float64Array;
  private readonly dim: number;
  /** True once an i.i.d. likelihood's data were checked against a discrete support (a datum off it is a ModelError). */
  private dataChecked = false;
  /** Failed attempts to decide (the likelihood threw InvalidParameterError). */
  private probeFailures = 0;
  /** The probe that decides the kernel before any gradient pass. */
  private readonly probe: LikelihoodProbe;
  /** {@link LikelihoodEvaluator.datumDistribution} as a function, for the probe and the support check. */
  private readonly callLikelihood: (latents: never, i: number) => unknown;
  /** One value of the kernel. */
  private readonly ll1 = new Float64Array(1);
  /** True until a covariate likelihood's single trace showed it cannot be replayed. */
  private traceOnceApplies: boolean;
  /**
   * Data subsampling (see `Model.setDataSubset`): the data evaluated and the factor
   * on their sum, or null for all the data; the subset's data gathered for an
   * i.i.d. likelihood.
   */
  private subset: Int32Array | null = null;
  private subsetScale = 1;
  private subsetData = new Float64Array(0);
  /** One term's partials (1 + its parameter count), grown as needed. */
  private scratch = new Float64Array(8);

  constructor(
    private readonly likelihood: Likelihood<P>,
    private readonly data: Float64Array,
    private readonly latents: LatentTransform<P>,
    private readonly tape: Tape,
    private readonly nodeRec: Latents<P>,
    /** Declared covariates (null: none; the likelihood's second argument is then i). */
    private readonly covariates: CovariateTable | null = null,
  ) {
    this.iid = likelihood.length < 2;
    this.traceOnceApplies = covariates !== null;
    this.z = latents.z;
    this.dim = latents.dim;
    // i.i.d. likelihoods may have a family kernel, per-datum ones the linear-Gaussian kernel.
    this.state = data.length > 0 ? UNDECIDED : GENERAL;
    this.callLikelihood = (latents: never, i: number): unknown => this.datumDistribution(latents, i);
    this.probe = new LikelihoodProbe(tape, nodeRec, this.callLikelihood, data, this.iid, this.dim);
  }

  /**
   * Σᵢ log p(xᵢ | z) at `z` (`values`: the same latents as a record, null when the
   * reused record is stale and must be refreshed before user code sees it).
   */
  value(values: Latents<P> | null): number {
    if (this.state === UNDECIDED) this.decide();
    const kernel = this.kernel;
    if (kernel !== undefined) {
      // −∞ is either the density's or a parameter out of its domain: the latter
      // keeps the likelihood's own error (asked only then, as it may cost a pass).
      kernel.evaluate(this.z, this.dim, 1, this.ll1, null);
      const v = this.ll1[0];
      if (v > -Infinity || kernel.accepts(this.z)) return v;
    }
    // Out of the parameters' domain the likelihood throws as it always has.
    return this.calledValue(values === null ? this.latents.record() : values);
  }

  /**
   * Σᵢ log p(xᵢ | z) on the tape (reset at `z`, the prior already on it): its
   * partials added into the adjoints, by the kernel or by calling the likelihood
   * with the latents' nodes; the first such call decides the kernel.
   */
  tapeGradient(): number {
    const kernel = this.kernel;
    if (kernel !== undefined && kernel.accepts(this.z)) {
      // Hierarchical prior on the tape, likelihood by the kernel (leaf k is flat index k).
      kernel.evaluate(this.z, this.dim, 1, this.ll1, this.tape.adjoints);
      return this.ll1[0];
    }
    if (this.iid) return this.iidGradient();
    if (this.subset !== null && this.state !== UNDECIDED) return this.subsetGradient();
    return this.tracedGradient();
  }

  /**
   * Before a gradient pass: a large per-datum data set is traced datum by datum
   * (O(1) tape, no distribution kept) rather than whole on the tape of this first gradient.
   */
  prepareGradient(): void {
    if (this.state === UNDECIDED && !this.iid && (this.data.length > STREAM_PROBE_MIN || this.covariates !== null)) this.decide();
  }

  /**
   * Decides the kernel by a probe at the current `z` (before any gradient pass, or
   * the first gradient of a large per-datum data set, see `LikelihoodProbe`). A
   * likelihood that fails there (plain arithmetic on a latent) keeps the general
   * path; one whose parameters leave their domain at this point is asked again next
   * time, a few times at most.
   */
  decide(): void {
    try {
      if (this.traceOnceApplies) {
        const program = this.traceCovariatesOnce();
        if (program !== undefined) {
          this.useKernel(program);
          return;
        }
        // Not replayable from one trace: decide as for a per-datum likelihood.
        this.traceOnceApplies = false;
      }
      const choice = this.probe.probe(this.z);
      if (this.probe.dataChecked) this.dataChecked = true;
      if (choice !== 'retry') this.useKernel(choice.kernel);
    } catch (e) {
      if (this.probe.dataChecked) this.dataChecked = true;
      // A mistake in the model (an undeclared latent, counts off a discrete support) is reported, not hidden.
      if (e instanceof ModelError) throw e;
      if (!(e instanceof InvalidParameterError) || ++this.probeFailures >= MAX_PROBE_FAILURES) this.state = GENERAL;
    }
  }

  /**
   * The covariate likelihood traced once (see `replay/trace-once.ts`), or undefined.
   * Plain arithmetic on a placeholder (`t * 2`) throws a `TypeError` in the trace;
   * the datum-by-datum paths, where covariates are numbers, still serve it.
   */
  private traceCovariatesOnce(): ReplayProgram | undefined {
    try {
      return traceOnce(this.likelihood, this.latents.layout, this.covariates as CovariateTable, this.data, this.z, this.dim);
    } catch (e) {
      if (e instanceof ModelError || e instanceof InvalidParameterError) throw e;
      return undefined;
    }
  }

  /** See `Model.setDataSubset`. */
  setSubset(indices: Int32Array | null, scale: number): void {
    if (indices !== null) {
      const n = this.data.length;
      for (let k = 0; k < indices.length; k++) {
        const i = indices[k];
        if (!(i >= 0 && i < n)) throw new RangeError(`Model.setDataSubset: indices[${k}] must be a datum index in 0…${n - 1}, got ${i}`);
      }
      if (!(scale > 0 && scale < Infinity)) throw new RangeError(`Model.setDataSubset: scale must be positive and finite, got ${scale}`);
      if (this.subsetData.length < indices.length) this.subsetData = new Float64Array(indices.length);
      for (let k = 0; k < indices.length; k++) this.subsetData[k] = this.data[indices[k]];
    }
    this.subset = indices;
    this.subsetScale = indices === null ? 1 : scale;
    this.kernel?.setSubset?.(indices, this.subsetScale);
  }

  /** One replicate of the data at the latents `rec` into `out` (length n): see `Model.sampleData`. */
  sample(rec: Latents<P>, rng: Rng, out: Float64Array): void {
    const n = this.data.length;
    if (this.iid) {
      if (n > 0) checkDist(this.datumDistribution(rec, 0), 0).sampleInto(rng, out);
      return;
    }
    for (let i = 0; i < n; i++) out[i] = checkDist(this.datumDistribution(rec, i), i).sample(rng);
  }

  /** See `Model.checkPriorSupports` (the trial call's tape is reset afterwards). */
  checkSupports(layout: readonly PriorBlock[]): void {
    if (this.data.length === 0) return;
    try {
      checkSupportUse(layout, this.tape, this.nodeRec, this.callLikelihood, this.dim);
    } finally {
      this.tape.reset(this.dim, this.z);
    }
  }

  /**
   * The user's likelihood for datum i at `latents` (numbers or tape nodes): the one
   * place it is called (values, gradients, the probe, draws, the support check), so
   * that a different way of calling it changes here only. The price: in a process
   * with several models this one call site sees all their likelihoods, where a site
   * per path might have seen one (measured: a per-datum value path up to ~5% slower
   * with six models in one process).
   */
  private datumDistribution(latents: Latents<P>, i: number): unknown {
    const lik = this.likelihood;
    const cov = this.covariates;
    return cov === null ? lik(latents, i) : (lik as unknown as CovariateCall<P>)(latents, cov.datum(i));
  }

  /** {@link LikelihoodEvaluator.value} by calling the likelihood with the plain latents `rec`. */
  private calledValue(rec: Latents<P>): number {
    const data = this.data;
    const sub = this.state === UNDECIDED ? null : this.subset;
    if (this.iid) {
      const d = checkDist(this.datumDistribution(rec, 0), 0, this.dataChecked ? undefined : data, true);
      this.dataChecked = true;
      return sub === null ? d.sumLogPdf(data) : this.subsetScale * d.sumLogPdf(this.subsetData.subarray(0, sub.length));
    }
    let s = 0;
    if (sub === null) {
      for (let i = 0; i < data.length; i++) s += checkDist(this.datumDistribution(rec, i), i, data).logPdf(data[i]);
      return s;
    }
    for (let k = 0; k < sub.length; k++) {
      const i = sub[k];
      s += checkDist(this.datumDistribution(rec, i), i, data).logPdf(data[i]);
    }
    return this.subsetScale * s;
  }

  /** {@link LikelihoodEvaluator.tapeGradient} of an i.i.d. likelihood: one call, summed over the data. */
  private iidGradient(): number {
    const tape = this.tape;
    const data = this.data;
    const recorded = tape.size;
    tape.valueRead = false;
    const d = checkDist(this.datumDistribution(this.nodeRec, 0), 0, this.dataChecked ? undefined : data, true);
    this.dataChecked = true;
    if (this.state === UNDECIDED) this.useKernel(iidChoice(d, tape.size === recorded && !tape.valueRead, tape, data));
    const out = this.scratchFor(d);
    const sub = this.state === UNDECIDED ? null : this.subset;
    let ll: number;
    if (sub === null) ll = d.sumLogPdfPartials(data, out);
    else {
      ll = this.subsetScale * d.sumLogPdfPartials(this.subsetData.subarray(0, sub.length), out);
      scalePartials(out, d.operands.length, this.subsetScale);
    }
    route(tape, d, out);
    return ll;
  }

  /** {@link LikelihoodEvaluator.tapeGradient} of a per-datum likelihood over the data subset. */
  private subsetGradient(): number {
    const tape = this.tape;
    const data = this.data;
    const rec = this.nodeRec;
    const sub = this.subset as Int32Array;
    const c = this.subsetScale;
    let ll = 0;
    for (let k = 0; k < sub.length; k++) {
      const i = sub[k];
      const d = checkDist(this.datumDistribution(rec, i), i, data);
      const out = this.scratchFor(d);
      ll += c * d.logPdfPartials(data[i], out);
      scalePartials(out, d.operands.length, c);
      route(tape, d, out);
    }
    return ll;
  }

  /** {@link LikelihoodEvaluator.tapeGradient} of a per-datum likelihood over every datum; decides the kernel on the first pass. */
  private tracedGradient(): number {
    const tape = this.tape;
    const data = this.data;
    const rec = this.nodeRec;
    // While the kernel is undecided, keep the data's distributions and where each
    // datum's operations start on the tape, to decide it.
    const traced: LikelihoodDistribution[] | null = this.state === UNDECIDED ? [] : null;
    const bounds: number[] | null = traced === null ? null : [tape.size];
    tape.valueRead = false;
    let ll = 0;
    for (let i = 0; i < data.length; i++) {
      const d = checkDist(this.datumDistribution(rec, i), i, data);
      const out = this.scratchFor(d);
      ll += d.logPdfPartials(data[i], out);
      route(tape, d, out);
      traced?.push(d);
      bounds?.push(tape.size);
    }
    if (traced !== null) this.useKernel(perDatumChoice(traced, !tape.valueRead, bounds as number[], tape, this.dim, data));
    return ll;
  }

  /** Takes the evaluator chosen for the likelihood (undefined: the general path). */
  private useKernel(kernel: LikelihoodKernel | undefined): void {
    this.kernel = kernel;
    this.state = kernel === undefined ? GENERAL : KERNEL;
    if (this.subset !== null) kernel?.setSubset?.(this.subset, this.subsetScale);
  }

  private scratchFor(d: LikelihoodDistribution): Float64Array {
    const need = d.paramNames.length + 1;
    if (need > this.scratch.length) this.scratch = new Float64Array(need);
    return this.scratch;
  }
}

/** A covariate likelihood as the evaluator calls it (datum i's covariate record). */
type CovariateCall<P extends Prior> = (latents: Latents<P>, datum: Record<string, number | Float64Array>) => unknown;
