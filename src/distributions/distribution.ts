/**
 * The contract every continuous distribution of varinf fulfils.
 *
 * A concrete distribution (one file each) declares its parameters, support and
 * the evaluation formulas; this base class adds what is common: `pdf` from
 * `logPdf`, `stddev`, the `sample(rng)` / `sample(rng, n)` overloads, summed
 * log-densities over data and the checks shared by every `quantile`.
 *
 * Partial derivatives follow Stan Math's operands-and-partials idea: each
 * distribution writes ∂ logPdf / ∂x and ∂ logPdf / ∂θ_k for its parameters
 * θ_k (in constructor order) into a caller-owned buffer, so models and VI get
 * exact gradients without a generic autodiff pass through the density.
 *
 * @module
 */
import type { Rng } from '../random/rng';
import { checkBuffer, checkRng, checkSampleSize, distributionJSON, distributionText, sumLogPdfPartialsPointwise, sumLogPdfPointwise, type DistributionJSON } from './shared';
import type { Support } from './support';
import { notANumber } from './validate';

/**
 * Base class of the univariate continuous distributions (`Normal`, `Exponential`,
 * `Gamma`, `LogNormal`). Instances are immutable.
 *
 * Conventions: `logPdf` outside the support is `-Infinity` (never NaN); NaN input
 * gives NaN; `quantile(0)` and `quantile(1)` are the ends of the support;
 * `quantile(p)` for p outside [0, 1] throws a `RangeError`.
 *
 * @example
 * ```ts
 * import { Normal, Rng, type ContinuousDistribution } from 'varinf';
 * const d: ContinuousDistribution = new Normal(0, 1);
 * d.logPdf(0);            // → -0.9189385332046728 (−½ log 2π, to an ulp)
 * d.sample(new Rng(1), 3); // → Float64Array(3)
 * ```
 */
export abstract class ContinuousDistribution {
  /** The distribution's name, e.g. `"Normal"`, used in messages. */
  abstract readonly name: string;
  /** Names of the parameters in constructor order, e.g. `["mu", "sigma"]`. */
  abstract readonly paramNames: readonly string[];
  /** Where the density is positive; decides the transform used by models and guides. */
  abstract readonly support: Support;
  /**
   * The constructor's raw arguments in parameter order. They are numbers, or boxed
   * scalars when a model evaluates the distribution under differentiation; the
   * model layer uses them to route parameter partials (see `logPdfPartials`).
   */
  abstract readonly operands: readonly number[];

  /** log f(x); `-Infinity` outside the support. */
  abstract logPdf(x: number): number;
  /** F(x) = P(X ≤ x). */
  abstract cdf(x: number): number;
  /** log F(x), accurate where F(x) underflows. */
  abstract logCdf(x: number): number;
  /** 1 − F(x), accurate in the upper tail. */
  abstract survival(x: number): number;
  /** log(1 − F(x)), accurate where the survival underflows. */
  abstract logSurvival(x: number): number;
  /** Mean E[X]. */
  abstract mean(): number;
  /** Variance Var[X]. */
  abstract variance(): number;
  /** The point of maximum density (the lower end of the support when the density is monotone decreasing). */
  abstract mode(): number;
  /** Differential entropy −E[log f(X)] in nats. */
  abstract entropy(): number;

  /**
   * log f(x) with its partial derivatives: writes ∂/∂x into `out[0]` and
   * ∂/∂θ_k into `out[1 + k]` for the parameters in `paramNames` order, and
   * returns log f(x). Outside the support it returns `-Infinity` and writes zeros.
   */
  abstract logPdfPartials(x: number, out: Float64Array): number;

  /** One draw, using `rng`. */
  protected abstract draw(rng: Rng): number;

  /** The quantile for p strictly inside (0, 1); `quantile` handles the ends and checks. */
  protected abstract quantileInside(p: number): number;

  /** f(x) = exp(logPdf(x)). */
  pdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'pdf', 'x', x);
    return Math.exp(this.logPdf(x));
  }

  /** Standard deviation √Var[X]. */
  stddev(): number {
    return Math.sqrt(this.variance());
  }

  /**
   * The quantile function F⁻¹(p) = inf{x : F(x) ≥ p}. `quantile(0)` and
   * `quantile(1)` are the support's ends; NaN gives NaN; p outside [0, 1] throws.
   */
  quantile(p: number): number {
    if (typeof p !== 'number') throw notANumber(this.name, 'quantile', 'p', p);
    if (p > 0 && p < 1) return this.quantileInside(p);
    if (p === 0) return this.support.lower;
    if (p === 1) return this.support.upper;
    if (Number.isNaN(p)) return NaN;
    throw new RangeError(`${this.name}.quantile: p must be in [0, 1], got ${p}`);
  }

  /** One draw from the distribution. */
  sample(rng: Rng): number;
  /** `n` independent draws in a new `Float64Array`. */
  sample(rng: Rng, n: number): Float64Array;
  sample(rng: Rng, n?: number): number | Float64Array {
    checkRng(this.name, rng);
    if (n === undefined) return this.draw(rng);
    checkSampleSize(this.name, n);
    return this.sampleInto(rng, new Float64Array(n));
  }

  /**
   * The distribution as plain JSON, `{ family, params }` with the parameters by
   * name (e.g. `{ family: "Normal", params: { mu: 0, sigma: 1 } }`);
   * `fromJSON` rebuilds it. Parameters are finite, so the JSON text is exact
   * (numbers print with round-trip precision); only a −0 parameter reads back as 0,
   * which defines the same distribution.
   *
   * @example
   * ```ts
   * import { fromJSON, Normal } from 'varinf';
   * JSON.stringify(new Normal(0, 1));                       // → '{"family":"Normal","params":{"mu":0,"sigma":1}}'
   * fromJSON(JSON.parse(JSON.stringify(new Normal(0, 1)))); // Normal(mu = 0, sigma = 1)
   * ```
   */
  toJSON(): DistributionJSON {
    return distributionJSON(this);
  }

  /**
   * A readable description with every parameter at full (round-trip) precision,
   * e.g. `"Normal(mu = 0, sigma = 1)"`.
   *
   * @example
   * ```ts
   * String(new Gamma(2, 0.5)); // → "Gamma(shape = 2, rate = 0.5)"
   * ```
   */
  toString(): string {
    return distributionText(this);
  }

  /** Fills `out` with independent draws and returns it (no allocation). */
  sampleInto(rng: Rng, out: Float64Array): Float64Array {
    checkRng(this.name, rng);
    checkBuffer(this.name, 'sampleInto', out, 0);
    for (let i = 0; i < out.length; i++) out[i] = this.draw(rng);
    return out;
  }

  /** Σᵢ log f(xᵢ) over the data, the i.i.d. log-likelihood. */
  sumLogPdf(xs: ArrayLike<number>): number {
    return sumLogPdfPointwise(this, xs);
  }

  /**
   * Σᵢ log f(xᵢ) and its parameter partials: writes Σᵢ ∂/∂θ_k log f(xᵢ) into
   * `out[1 + k]` (and 0 into `out[0]`), returns the sum. Used by models for
   * i.i.d. likelihoods: one call per evaluation, no allocation per datum.
   */
  sumLogPdfPartials(xs: ArrayLike<number>, out: Float64Array): number {
    return sumLogPdfPartialsPointwise(this, xs, out);
  }

  /**
   * The prior term of a batch of latent rows, for the model layer: for the `rows`
   * rows of the row-major block `xs` (row r starts at r·`stride`) and the columns
   * [c0, c1), adds log f(x) into `lp[r]` and writes ∂/∂x into `dx` at x's index;
   * the values `logPdfPartials` gives, without the parameter partials. One call
   * per block of a batch instead of one per point.
   * @internal
   */
  addLogPdfGradRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array, dx: Float64Array): void {
    const tmp = PARTIALS_SCRATCH;
    for (let r = 0, o = 0; r < rows; r++, o += stride) {
      let s = lp[r];
      for (let c = o + c0; c < o + c1; c++) {
        s += this.logPdfPartials(xs[c], tmp);
        dx[c] = tmp[0];
      }
      lp[r] = s;
    }
  }

  /**
   * {@link ContinuousDistribution.addLogPdfGradRows} without the derivative: adds
   * log f(x) of columns [c0, c1) of each row into `lp[r]`.
   * @internal
   */
  addLogPdfRows(xs: Float64Array, stride: number, c0: number, c1: number, rows: number, lp: Float64Array): void {
    for (let r = 0, o = 0; r < rows; r++, o += stride) {
      let s = lp[r];
      for (let c = o + c0; c < o + c1; c++) s += this.logPdf(xs[c]);
      lp[r] = s;
    }
  }
}

export type { DistributionJSON } from './shared';

/**
 * The i.i.d. log-likelihood of one distribution class as a function of raw
 * parameter values, for the model layer's likelihood kernels: when a model's
 * likelihood returns, say, `new Normal(z, 1)` with the latent `z` passed straight
 * through, the model evaluates Σᵢ log f(xᵢ | θ) from θ = (z, 1) with this kernel
 * instead of calling the likelihood and constructing a distribution per
 * evaluation. Each class's kernel shares its formula with the instance's
 * `sumLogPdfPartials`, so both give the same bits.
 *
 * @example
 * ```ts
 * import { Normal } from 'varinf';
 * const k = Normal.sumKernel; // internal
 * k.cacheSlots; // → 3
 * const p = Float64Array.of(1.2, 1, NaN, NaN, NaN); // mu, sigma, then k.cacheSlots cache slots (NaN: empty)
 * const xs = [0.3, 1.1, 2];
 * k.accepts(p); // → true
 * k.sumLogPdfPartials(p, xs, new Float64Array(3)) === new Normal(1.2, 1).sumLogPdfPartials(xs, new Float64Array(3)); // → true
 * ```
 * @internal
 */
export interface SumLogPdfKernel {
  /** The number of parameters (the length of `paramNames`). */
  readonly arity: number;
  /**
   * Slots after the parameters in the `params` array that the kernel may use to
   * cache quantities derived from them (e.g. log σ while σ stays the same); the
   * caller fills them with NaN once and leaves them alone.
   */
  readonly cacheSlots: number;
  /**
   * True when the constructor accepts these parameter values (in `paramNames`
   * order); where it is false the constructor would throw `InvalidParameterError`.
   */
  readonly accepts: (params: Float64Array) => boolean;
  /**
   * Σᵢ log f(xᵢ | params) with its parameter partials in `out[1 + k]` (and 0 in
   * `out[0]`), exactly as `new D(...params).sumLogPdfPartials(xs, out)`; only for
   * parameters that {@link SumLogPdfKernel.accepts} accepts.
   */
  readonly sumLogPdfPartials: (params: Float64Array, xs: ArrayLike<number>, out: Float64Array) => number;
  /**
   * The data's sufficient statistics for this family, computed once per data set
   * (centred two-pass sums where a mean is involved), or `undefined` where the
   * per-point form is needed (a datum outside the open support, sums that overflow).
   */
  readonly statistics: (xs: ArrayLike<number>) => Float64Array | undefined;
  /**
   * The i.i.d. log-likelihood and its parameter partials from the statistics, O(1)
   * per parameter row instead of O(n): for the `rows` rows of `params` (row-major,
   * `arity` values each) writes `value[r]` = Σᵢ log f(xᵢ | θ_r) and
   * `partials[r·arity + k]` = Σᵢ ∂/∂θ_k log f(xᵢ | θ_r); a row that
   * {@link SumLogPdfKernel.accepts} refuses gets −∞ and zero partials. `cache`
   * (`cacheSlots` values, filled with NaN once by the caller and left alone) keeps
   * quantities derived from a parameter that stays the same across calls (log σ,
   * log Γ(α), …).
   */
  readonly fromStatistics: (params: Float64Array, rows: number, stats: Float64Array, cache: Float64Array, value: Float64Array, partials: Float64Array) => void;
}

/** Per-point partials inside `sumLogPdfPartials` (no distribution has more than 7 parameters). */
const PARTIALS_SCRATCH = new Float64Array(8);

