/**
 * The Bernoulli distribution with success probability p; its fast paths (summed and
 * point kernels, statistics rows) are in bernoulli-kernels.ts.
 *
 * @module
 */
import type { Rng } from '../random/rng';
import { bernoulliPointKernel, bernoulliSumKernel } from './bernoulli-kernels';
import { DiscreteDistribution } from './discrete-distribution';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { checkBuffer, checkRng } from './shared';
import { integerRange, type DiscreteSupport } from './support';
import { notANumber, probabilityParam } from './validate';

/**
 * Bernoulli distribution with success probability p ∈ [0, 1] (endpoints included):
 * P(X = 1) = p, P(X = 0) = 1 − p.
 *
 * P(X = 0) is evaluated as log1p(−p), so p = 1e-10 keeps its digits; for a
 * success probability given on the logit scale use {@link BernoulliLogit}.
 * Measured against the 50-digit reference (families.json, p from 0 to 1 − 2⁻⁵³):
 * every distribution case exact to the last bit, moments ≤ 1.9e-16 relative.
 *
 * @example
 * ```ts
 * import { Bernoulli } from 'varinf';
 * const d = new Bernoulli(0.3);
 * d.logPdf(1);      // log 0.3 = -1.2039728043259361
 * d.logPdf(0);      // log 0.7 = -0.35667494393873234
 * d.quantile(0.7);  // → 0 (cdf(0) = 0.7 ≥ 0.7)
 * d.mode();         // → 0
 * ```
 */
export class Bernoulli extends DiscreteDistribution {
  /**
   * The i.i.d. log-likelihood from a raw `[p]`, for models whose likelihood passes a
   * latent in (0, 1) straight through (a Beta prior): `sumLogPdfPartials` is the
   * instance's per-point sum; the statistics [n, s = Σk] give s·log p + (n − s)·log1p(−p)
   * and ∂/∂p = s/p − (n − s)/(1 − p), O(1) per evaluation (a zero count contributes
   * exactly 0, as the per-point terms do at p = 0 or 1) (bernoulli-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = bernoulliSumKernel((p, xs, out) => new Bernoulli(p).sumLogPdfPartials(xs, out));

  /**
   * log P(k) and ∂/∂p at many points from a raw `p` column (a replayed per-datum
   * likelihood such as `Bernoulli(sigmoid(x·w))`): `logPdfPartials`' arithmetic, one
   * loop, no distribution per point (bernoulli-kernels.ts).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = bernoulliPointKernel;

  /** Always `"Bernoulli"`. */
  readonly name = 'Bernoulli';
  /** `["p"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** {0, 1}. */
  readonly support: DiscreteSupport = ZERO_ONE;
  /** The raw constructor arguments `[p]`. */
  readonly operands: readonly number[];
  /** Success probability p ∈ [0, 1]. */
  readonly p: number;

  // ---- parameters and checks ----

  /**
   * @param p - success probability, in [0, 1]
   * @throws InvalidParameterError when `p` is not a number in [0, 1]
   */
  constructor(p: number) {
    super();
    this.p = probabilityParam('Bernoulli', 'p', p);
    this.operands = [p];
  }

  /** log P(X = 1) and log P(X = 0) once computed (1, never a log-probability, before). */
  private logP1 = 1;
  private logP0 = 1;

  // ---- statistics ----

  /** p. */
  mean(): number {
    return this.p;
  }

  /** p(1 − p). */
  variance(): number {
    return this.p * (1 - this.p);
  }

  /** 1 when p > ½, 0 when p < ½, NaN at p = ½ (two modes). */
  mode(): number {
    return this.p > 0.5 ? 1 : this.p < 0.5 ? 0 : NaN;
  }

  /** −p log p − (1 − p) log(1 − p) with 0 log 0 = 0 (log1p for the second log). */
  entropy(): number {
    const p = this.p;
    return (p === 0 ? 0 : -p * Math.log(p)) + (p === 1 ? 0 : -(1 - p) * Math.log1p(-p));
  }

  // ---- evaluation ----

  /** P(X = x): p at 1, 1 − p at 0 (no exp∘log round trip), 0 elsewhere. */
  override pdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'pdf', 'x', x);
    return x === 1 ? this.p : x === 0 ? 1 - this.p : x === x ? 0 : NaN;
  }

  /**
   * log p at 1, log1p(−p) at 0, each computed once (a distribution evaluated at many
   * data, as a likelihood is, then pays a lookup per datum).
   */
  protected logPmf(k: number): number {
    if (k === 1) return this.logP1 <= 0 ? this.logP1 : (this.logP1 = Math.log(this.p));
    return this.logP0 <= 0 ? this.logP0 : (this.logP0 = Math.log1p(-this.p));
  }

  /** F(0) = 1 − p. */
  protected cdfAt(): number {
    return 1 - this.p;
  }

  /** log F(0) = log1p(−p). */
  protected logCdfAt(): number {
    return Math.log1p(-this.p);
  }

  /** P(X > 0) = p. */
  protected survivalAt(): number {
    return this.p;
  }

  /** log p. */
  protected logSurvivalAt(): number {
    return Math.log(this.p);
  }

  /**
   * 0 when 1 − p ≥ u, decided exactly: 1 − p is exact for p ≥ ½ and 1 − u for
   * u ≥ ½; when both are below ½, 1 − p > ½ > u.
   */
  protected quantileInside(u: number): number {
    const p = this.p;
    const zero = p >= 0.5 ? 1 - p >= u : u >= 0.5 ? p <= 1 - u : true;
    return zero ? 0 : 1;
  }

  // ---- partials ----

  /** ∂/∂p log P(k) = 1/p at k = 1, −1/(1 − p) at k = 0 (zeros off the support or where P(k) = 0). */
  logPdfPartials(k: number, out: Float64Array): number {
    if (typeof k !== 'number') throw notANumber(this.name, 'logPdfPartials', 'k', k);
    out[0] = 0;
    const lp = this.logPdf(k);
    out[1] = lp === -Infinity || lp !== lp ? 0 : k === 1 ? 1 / this.p : -1 / (1 - this.p);
    return lp;
  }

  // ---- sampling ----

  /** 1 when a standard exponential E is at least −log p (probability e^{log p} = p, exact even for tiny p). */
  protected draw(rng: Rng): number {
    return rng.exponential() >= -Math.log(this.p) ? 1 : 0;
  }

  /** Bulk draws: the threshold −log p computed once (the same draws as single `sample` calls). */
  override sampleInto(rng: Rng, out: Float64Array): Float64Array {
    checkRng(this.name, rng);
    checkBuffer(this.name, 'sampleInto', out, 0);
    const t = -Math.log(this.p);
    for (let i = 0; i < out.length; i++) out[i] = rng.exponential() >= t ? 1 : 0;
    return out;
  }
}

const PARAMS: readonly string[] = Object.freeze(['p']);
const ZERO_ONE: DiscreteSupport = /* @__PURE__ */ integerRange(0, 1);
