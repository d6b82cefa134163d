/**
 * `Model`: named latents with priors, a likelihood and observed data, giving the
 * log joint log p(z, x = D) and its exact gradient.
 *
 * Value mode (`logJoint`, `logDensity`) calls the likelihood with plain numbers.
 * Gradient mode (`gradLogJoint`, `logDensityGradient`) calls it with reverse-mode
 * nodes (see `tape.ts`) typed as numbers; each distribution's analytic partials
 * (`logPdfPartials` / `sumLogPdfPartials`) are added into the adjoints of the
 * nodes among its `operands`, then one backward sweep reaches the latents.
 *
 * The class checks what it is given and combines its collaborators, which share
 * the flat latent buffer z: `latent-transform.ts` (z = T(u) and back, the records
 * handed to user code), `prior-evaluator.ts` (the prior and the `factor`),
 * `likelihood-evaluator.ts` (the likelihood, by its kernel or by calling it),
 * `joint-gradient.ts` (the gradient of their sum) and `batch-runner.ts` (rows of u
 * by the kernel).
 *
 * @module
 */
import { InvalidParameterError, ModelError } from '../errors';
import type { Rng } from '../random/rng';
import { BatchRunner, checkBatch } from './batch-runner';
import type { DifferentiableModel, LatentBlock } from './differentiable-model';
import { JointGradient } from './joint-gradient';
import { LatentTransform, nodeRecord } from './latent-transform';
import { layoutPrior, type Latents, type Prior, type PriorBlock } from './latents';
import { KERNEL, LikelihoodEvaluator, UNDECIDED } from './likelihood-evaluator';
import type { LikelihoodKernel } from './likelihood-kernel';
import type { Likelihood, ModelSpec, NoCovariates } from './model-spec';
import { CovariateTable, type Covariates } from './covariates';
import { describe } from './plate';
import { PriorEvaluator } from './prior-evaluator';
import { Tape } from './tape';
import { copyData, loadValues, makeRecord } from './values';

export type { Likelihood, ModelSpec, NoCovariates } from './model-spec';

/**
 * A Bayesian model p(z, x) = p(z) Πᵢ p(xᵢ | z) with the data x = D fixed.
 *
 * - `logPrior(z)` = Σ log p(z_k) over the latents (and their elements);
 * - `logLikelihood(z)` = Σᵢ log p(xᵢ | z);
 * - `logJoint(z)` = their sum, `-Infinity` when a latent lies outside its prior's support;
 * - `gradLogJoint(z)`: the exact gradient, by analytic per-distribution partials and
 *   reverse mode through varinf's differentiable operations.
 *
 * A prior entry may also be a function of the latents declared before it
 * (hierarchical models), e.g. `theta: ({ mu, tau }) => plate(new Normal(mu, tau), 8)`.
 *
 * It also implements {@link DifferentiableModel}, the interface VI consumes, on the
 * unconstrained vector u (z = T(u) per latent, identity on ℝ, exp on (0, ∞)).
 *
 * Gradient mode passes reverse-mode nodes (typed `number`) to the likelihood:
 * arithmetic on latents must use `add`, `mul`, `exp`, `dot`, … (plain `+`/`Math.*`
 * on a latent throws a `TypeError` there). The value record passed to the
 * likelihood by `logDensity` is reused between calls: do not keep it.
 *
 * @example
 * ```ts
 * import { Model, Exponential, Normal } from 'varinf';
 * const model = new Model({
 *   prior: { z: new Exponential(1) },
 *   likelihood: ({ z }) => new Normal(z, 1),
 *   data: [1.3],
 * });
 * Math.exp(model.logJoint({ z: 1.5 })); // → 0.08725… = e^{-1.5} φ(-0.2)
 * model.gradLogJoint({ z: 1.5 });       // → { z: -1.2 } = −1 + (1.3 − 1.5)
 * ```
 */
export class Model<P extends Prior, C extends Covariates = NoCovariates> implements DifferentiableModel {
  /** The prior as declared. */
  readonly prior: P;
  /** The observations (a private copy). */
  readonly data: Float64Array;
  /** Dimension of the flat (unconstrained) latent vector. */
  readonly dim: number;
  /** The latents' blocks in declaration order (where each latent sits in the flat vector). */
  readonly blocks: readonly LatentBlock[];
  /** The same blocks with their priors. */
  private readonly layout: readonly PriorBlock[];

  /** The flat latent buffer `z` and its bijection with the unconstrained vector. */
  private readonly latents: LatentTransform<P>;
  /** Constrained latent values, flat (`latents.z`). */
  private readonly z: Float64Array;
  /**
   * True when some term of the log joint needs the general path on every evaluation:
   * hierarchical prior entries (their distributions depend on other latents) or a
   * `factor`. The kernel fast paths, which evaluate only the prior and the likelihood
   * kernel, are then off.
   */
  private readonly general: boolean;
  /** The prior and the `factor`: their values and partials. */
  private readonly priorTerms: PriorEvaluator<P>;

  /** The likelihood: its kernel decision, its evaluation and its data subset. */
  private readonly lik: LikelihoodEvaluator<P>;
  /** The log joint's gradient at `z` (into `joint.gz`). */
  private readonly joint: JointGradient<P>;
  /** One value of the kernel. */
  private readonly ll1 = new Float64Array(1);

  /** The batch runner of the kernel paths (see `batch-runner.ts`). */
  private readonly runner: BatchRunner;
  /** One row of an unconstrained batch (the probe and the per-row fallback). */
  private readonly uRow: Float64Array;
  private readonly gRow: Float64Array;

  /**
   * @param spec - `{ prior, likelihood, data }`
   * @throws InvalidParameterError when a datum is not finite (`Model: data[3] must be finite, got NaN`)
   * @throws ModelError when a prior entry is not a distribution, an array of them or a plate
   * @throws TypeError when `likelihood` is not a function
   */
  constructor(spec: ModelSpec<P, C>) {
    if (spec === null || typeof spec !== 'object') {
      throw new TypeError(`Model: expected { prior, likelihood, data }, got ${describe(spec)}`);
    }
    const { prior, likelihood, data } = spec;
    this.layout = Object.freeze(layoutPrior(prior));
    this.blocks = this.layout;
    if (typeof likelihood !== 'function') {
      throw new TypeError(`Model: likelihood must be a function of the latents, got ${describe(likelihood)}`);
    }
    this.prior = prior;
    this.data = copyData(data);
    const last = this.layout[this.layout.length - 1];
    this.dim = last === undefined ? 0 : last.offset + last.size;
    this.latents = new LatentTransform(this.layout, this.dim);
    this.z = this.latents.z;
    if (spec.factor !== undefined && typeof spec.factor !== 'function') {
      throw new ModelError(`Model: factor must be a function of the latents returning a log-density term, got ${describe(spec.factor)}`);
    }
    this.general = this.layout.some((b) => b.fn !== null) || spec.factor !== undefined;
    this.runner = new BatchRunner(this.layout, this.dim);
    this.uRow = new Float64Array(this.dim);
    this.gRow = new Float64Array(this.dim);
    // Gradient mode: one tape, and one record of the latents' leaf nodes, for every term.
    const tape = new Tape();
    const nodeRec = nodeRecord<P>(this.layout, tape, this.z);
    this.priorTerms = new PriorEvaluator(this.layout, this.latents, tape, nodeRec, spec.factor);
    const covariates = declaredCovariates(spec, likelihood, this.data.length);
    // The one place the likelihood's evaluator is chosen.
    this.lik = new LikelihoodEvaluator(likelihood as Likelihood<P>, this.data, this.latents, tape, nodeRec, covariates);
    this.joint = new JointGradient(this.latents, this.priorTerms, this.lik, tape, this.general);
  }

  /** The likelihood's kernel once decided (read by tests through a cast). */
  private get kernel(): LikelihoodKernel | undefined {
    return this.lik.kernel;
  }

  /**
   * Checks that every latent's prior fits how the likelihood uses it: a latent with
   * a real-valued prior (e.g. `Normal`) passed unchanged as a parameter that must be
   * positive (a scale, a rate) is a `ModelError` that names the latent and says what
   * to write (e.g. `HalfNormal(10)` for Stan's `sigma ~ normal(0, 10)` on a
   * `<lower=0>` parameter). Evaluations themselves keep treating such points as
   * density 0 (−∞); `fit` calls this before it starts, where that would otherwise end
   * in a search that finds no finite ELBO. Calls the likelihood once.
   *
   * @example
   * ```ts
   * const m = new Model({ prior: { sigma: new Normal(0, 10) }, likelihood: ({ sigma }) => new Normal(0, sigma), data: [1] });
   * m.checkPriorSupports(); // throws ModelError: …latent "sigma" has a Normal prior (the whole real line)…e.g. HalfNormal(10)…
   * ```
   * @throws ModelError on a mismatch, or when the likelihood reads an undeclared latent
   */
  checkPriorSupports(): void {
    this.lik.checkSupports(this.layout);
  }

  /**
   * log p(z) = Σ over latents (and their elements) of the prior log densities;
   * `-Infinity` outside the support.
   * @throws ModelError when a latent is missing, unknown or of the wrong length
   */
  logPrior(values: Latents<P>): number {
    loadValues(this.layout, values, this.z);
    return this.priorTerms.value(values);
  }

  /**
   * Σᵢ log p(xᵢ | z); `-Infinity` when the latents lie outside the prior's support
   * and the likelihood cannot be built there (e.g. a negative rate).
   * @throws ModelError when a latent is missing, unknown or of the wrong length
   * @throws TypeError when the likelihood does not return a distribution
   */
  logLikelihood(values: Latents<P>): number {
    loadValues(this.layout, values, this.z);
    try {
      return this.lik.value(values);
    } catch (e) {
      if (e instanceof InvalidParameterError && this.priorTerms.value(values) === -Infinity) return -Infinity;
      throw e;
    }
  }

  /**
   * log p(z, x = D) = logPrior(z) + logLikelihood(z); `-Infinity` (never NaN, no
   * throw) when a latent lies outside its prior's support.
   * @throws ModelError when a latent is missing, unknown or of the wrong length
   * @throws TypeError when the likelihood does not return a distribution
   */
  logJoint(values: Latents<P>): number {
    loadValues(this.layout, values, this.z);
    const lp = this.priorTerms.value(values);
    if (lp === -Infinity) return -Infinity;
    return lp + this.lik.value(values) + this.priorTerms.factorValue(values);
  }

  /**
   * The exact gradient ∇_z log p(z, x = D), as a record of the same shape as the
   * latents (a number per scalar latent, a `Float64Array` per vector latent).
   * Zero where the log joint is `-Infinity`.
   * @throws ModelError when a latent is missing, unknown or of the wrong length
   */
  gradLogJoint(values: Latents<P>): Latents<P> {
    loadValues(this.layout, values, this.z);
    this.joint.value();
    return makeRecord(this.layout, this.joint.gz) as Latents<P>;
  }

  /**
   * log p(T(u), D) + log|det J_T(u)| on the unconstrained vector u (length `dim`);
   * `-Infinity` where the latents fall outside the support or a parameter of the
   * likelihood leaves its domain there (e.g. a rate e^u that underflows to 0).
   */
  logDensity(u: Float64Array): number {
    this.latents.checkLength(u);
    if (this.kernelRowsApply(u)) {
      this.runner.one(this.kernel as LikelihoodKernel, u, null, this.ll1);
      return this.ll1[0];
    }
    const logJac = this.latents.constrainInto(u);
    try {
      // The value record is refreshed only where user code will see it.
      const rec = this.general ? this.latents.record() : null;
      const lp = this.priorTerms.value(rec);
      if (lp === -Infinity) return -Infinity;
      return lp + this.lik.value(rec) + this.priorTerms.factorValue(rec) + logJac;
    } catch (e) {
      if (e instanceof InvalidParameterError) return -Infinity;
      throw e;
    }
  }

  /**
   * {@link logDensity} with its exact gradient ∂/∂u written into `grad` (zeros
   * where the value is `-Infinity`).
   */
  logDensityGradient(u: Float64Array, grad: Float64Array): number {
    // An open kernel decision is taken by the general path's own call of the likelihood.
    this.latents.checkLength(u);
    if (this.lik.state === KERNEL && !this.general) {
      this.runner.one(this.kernel as LikelihoodKernel, u, grad, this.ll1);
      return this.ll1[0];
    }
    const logJac = this.latents.constrainInto(u);
    const v = this.joint.caught();
    if (!(v > -Infinity)) {
      grad.fill(0, 0, this.dim);
      return v;
    }
    this.latents.chainRule(u, this.joint.gz, grad);
    return v + logJac;
  }

  /**
   * {@link logDensity} at each of `rows` unconstrained vectors: row r is
   * `us[r·dim … (r + 1)·dim)`, its value goes to `out[r]`. The same values as
   * `rows` calls of `logDensity`, bit for bit; when the likelihood is a kernel
   * (see {@link Likelihood}) and the prior is not hierarchical, evaluated a block of
   * rows at a time, one pass per term, with no call per row.
   *
   * @throws RangeError when `us` or `out` is too short for `rows` rows
   */
  logDensityBatch(us: Float64Array, rows: number, out: Float64Array): void {
    checkBatch('logDensityBatch', this.dim, us, rows, out, null);
    if (this.lik.state === KERNEL && !this.general && rows <= this.runner.blockRows) this.runner.rows(this.kernel as LikelihoodKernel, us, 0, rows, null, out);
    else this.batch(us, rows, null, out);
  }

  /**
   * {@link logDensityGradient} at each of `rows` unconstrained vectors (row-major in
   * `us`): values into `out[r]`, gradients into the rows of `grads` (same layout as
   * `us`); bit for bit the single-row results, evaluated as in {@link logDensityBatch}.
   *
   * @throws RangeError when `us`, `grads` or `out` is too short for `rows` rows
   */
  logDensityGradientBatch(us: Float64Array, rows: number, grads: Float64Array, out: Float64Array): void {
    checkBatch('logDensityGradientBatch', this.dim, us, rows, out, grads);
    // One block of kernel rows: straight there (the common case of a VI step).
    if (this.lik.state === KERNEL && !this.general && rows <= this.runner.blockRows) this.runner.rows(this.kernel as LikelihoodKernel, us, 0, rows, grads, out);
    else this.batch(us, rows, grads, out);
  }

  /**
   * The latent values z = T(u) of an unconstrained vector, as a new record.
   * @throws RangeError when `u.length` is not `dim`
   */
  constrain(u: Float64Array): Latents<P> {
    this.latents.constrainInto(u);
    return makeRecord(this.layout, this.z) as Latents<P>;
  }

  /**
   * The unconstrained vector u = T⁻¹(z) of a record of latent values.
   * @throws ModelError when a latent is missing, unknown or of the wrong length
   */
  unconstrain(values: Latents<P>): Float64Array {
    loadValues(this.layout, values, this.z);
    return this.latents.unconstrained();
  }

  /** The number of data (what `setDataSubset` chooses from). */
  get dataSize(): number {
    return this.data.length;
  }

  /**
   * Evaluates the likelihood over the data `indices` only, its sum times `scale`,
   * until called again with `null` (used by `fit`'s `batchSize`; `logJoint`,
   * `logLikelihood` and every other public evaluation are then subsampled too).
   * Likelihoods reduced to sufficient statistics or to the linear-Gaussian kernel
   * cost O(1) in n and keep the whole data set. The first evaluation, which decides
   * how the likelihood is evaluated, always sees every datum.
   *
   * @example
   * ```ts
   * const model = new Model({ prior: { m: new Normal(0, 1) }, likelihood: ({ m }, i) => new Normal(m, 1 + i), data: [0.5, 1, 2, 0] });
   * model.setDataSubset(Int32Array.of(0, 2), model.dataSize / 2); // logJoint: 2·(terms of data 0 and 2)
   * model.setDataSubset(null, 1);                                  // every datum again
   * ```
   * @internal
   */
  setDataSubset(indices: Int32Array | null, scale: number): void {
    this.lik.setSubset(indices, scale);
  }

  /**
   * One replicate of the data drawn from the likelihood at the given latents:
   * `out[i]` ~ p(xᵢ | z) for every datum i, from `rng` (posterior-predictive checks
   * draw z from the fitted posterior, then this). An i.i.d. likelihood is called once
   * and its distribution fills `out`; a per-datum one is called for each i.
   *
   * @param values - the latents (a number per scalar latent, an array per plate)
   * @param rng - the generator to draw from
   * @param out - where to write (length N = `data.length`; a new array by default)
   * @returns `out`
   * @throws ModelError when a latent is missing, unknown or of the wrong length
   * @throws RangeError when `out` does not have length N
   * @example
   * ```ts
   * import { Exponential, Model, Normal, Rng } from 'varinf';
   * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3, 0.4] });
   * model.sampleData({ z: 1.5 }, new Rng(1)); // → Float64Array(2), draws of Normal(1.5, 1)
   * ```
   */
  sampleData(values: Latents<P>, rng: Rng, out: Float64Array = new Float64Array(this.data.length)): Float64Array {
    loadValues(this.layout, values, this.z);
    const n = this.data.length;
    if (out.length !== n) throw new RangeError(`Model.sampleData: out must have length ${n} (the number of data), got ${out.length}`);
    // The model's own (guarded) record over the loaded values: a misspelt latent read
    // in the likelihood is a ModelError here too.
    this.lik.sample(this.latents.record(), rng, out);
    return out;
  }

  // ---- batches ---------------------------------------------------------------------

  /** Rows of `us` into `out` (and `grads`): by blocks of kernel rows, or row by row through the single-row methods. */
  private batch(us: Float64Array, rows: number, grads: Float64Array | null, out: Float64Array): void {
    // While the kernel is undecided, rows go one at a time (the first decides it).
    let r = 0;
    const lik = this.lik;
    for (; r < rows && lik.state === UNDECIDED; r++) this.batchRow(us, r, grads, out);
    if (lik.state === KERNEL && !this.general) {
      const block = this.runner.blockRows;
      for (let r0 = r; r0 < rows; r0 += block) this.runner.rows(this.kernel as LikelihoodKernel, us, r0, Math.min(block, rows - r0), grads, out);
      return;
    }
    for (; r < rows; r++) this.batchRow(us, r, grads, out);
  }

  /** Row r of a batch through the single-row methods. */
  private batchRow(us: Float64Array, r: number, grads: Float64Array | null, out: Float64Array): void {
    const d = this.dim;
    const u = this.uRow;
    const o = r * d;
    for (let k = 0; k < d; k++) u[k] = us[o + k];
    if (grads === null) {
      out[r] = this.logDensity(u);
      return;
    }
    const g = this.gRow;
    out[r] = this.logDensityGradient(u, g);
    for (let k = 0; k < d; k++) grads[o + k] = g[k];
  }

  /**
   * True when the kernel evaluates the unconstrained density (a kernel likelihood
   * and a prior that is not hierarchical); decides the kernel at `u` first when
   * that is still open.
   */
  private kernelRowsApply(u: Float64Array): boolean {
    if (this.general) return false;
    const lik = this.lik;
    if (lik.state === UNDECIDED) {
      this.latents.constrainInto(u);
      lik.decide();
    }
    return lik.state === KERNEL;
  }
}

/**
 * The spec's covariates, validated and copied (null when it declares none).
 * A likelihood of the latents alone is i.i.d. and would ignore them: say so.
 */
function declaredCovariates(spec: { readonly covariates?: Covariates }, likelihood: (...args: never[]) => unknown, n: number): CovariateTable | null {
  if (spec.covariates === undefined) return null;
  if (likelihood.length < 2) {
    throw new ModelError('Model: covariates are declared but the likelihood takes only the latents; write (latents, { x, … }) => … to read them');
  }
  return new CovariateTable(spec.covariates, n);
}
