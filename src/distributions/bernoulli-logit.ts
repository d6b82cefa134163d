/**
 * The Bernoulli distribution parameterized by the log-odds ℓ = log(p/(1 − p)); its
 * fast paths (summed and point kernels) are in bernoulli-logit-kernels.ts.
 *
 * @module
 */
import { logSigmoid, sigmoid } from '../math/logistic';
import type { Rng } from '../random/rng';
import { bernoulliLogitPointKernel, bernoulliLogitSumKernel } from './bernoulli-logit-kernels';
import { DiscreteDistribution } from './discrete-distribution';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { checkBuffer, checkRng } from './shared';
import { integerRange, type DiscreteSupport } from './support';
import { finiteParam, notANumber } from './validate';

/**
 * Bernoulli distribution with success probability p = σ(ℓ) = 1/(1 + e^{−ℓ}) for a
 * finite logit ℓ: log P(X = 1) = −log(1 + e^{−ℓ}), log P(X = 0) = −log(1 + e^{ℓ}).
 *
 * Everything is evaluated in log space with `logSigmoid` (Mächler's log1pexp), so
 * logits far beyond ±700, where p itself rounds to 0 or 1, keep their exact
 * log-probabilities and gradients: the likelihood of logistic regression.
 * Measured against the 50-digit reference (families.json, logits −745 … 1e4):
 * relative error / max(1, cond) ≤ 1.3e-15, the subnormal entropy at ℓ = −745
 * within one subnormal step.
 *
 * @example
 * ```ts
 * import { BernoulliLogit } from 'varinf';
 * const d = new BernoulliLogit(2.5);
 * d.logPdf(1);                        // → -0.07888973429254963
 * new BernoulliLogit(1000).logPdf(0); // → -1000 (p = 1 in double, yet exact)
 * d.mean();                           // σ(2.5) = 0.9241418199787566
 * ```
 */
export class BernoulliLogit extends DiscreteDistribution {
  /**
   * The i.i.d. log-likelihood from a raw `[logit]`, for models whose likelihood passes
   * a latent straight through: `sumLogPdfPartials` is the instance's per-point sum;
   * the statistics [n, s = Σk] give s·log σ(ℓ) + (n − s)·log σ(−ℓ) and
   * ∂/∂ℓ = s·σ(−ℓ) − (n − s)·σ(ℓ), O(1) per evaluation, exact to a few ulps
   * (bernoulli-logit-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = bernoulliLogitSumKernel((logit, xs, out) => new BernoulliLogit(logit).sumLogPdfPartials(xs, out));

  /**
   * log P(k | ℓ) and ∂/∂ℓ at many points from a raw logit column (a replayed
   * per-datum likelihood, a logistic regression), from one exponential and one
   * log1p per point: with e = e^{−|ℓ|} ∈ (0, 1], log σ(±ℓ) = −max(∓ℓ, 0) − log1p(e)
   * and σ(ℓ) = 1/(1 + e) or e/(1 + e) by the sign of ℓ (no overflow, no
   * cancellation; within an ulp or two of `logPdfPartials`, which takes two
   * exponentials; the kernel is most of a logistic regression's step;
   * bernoulli-logit-kernels.ts).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = bernoulliLogitPointKernel;

  /** Always `"BernoulliLogit"`. */
  readonly name = 'BernoulliLogit';
  /** `["logit"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** {0, 1}. */
  readonly support: DiscreteSupport = ZERO_ONE;
  /** The raw constructor arguments `[logit]`. */
  readonly operands: readonly number[];
  /** The log-odds ℓ, finite. */
  readonly logit: number;

  // ---- parameters and checks ----

  /**
   * @param logit - log-odds ℓ = log(p/(1 − p)), any finite number
   * @throws InvalidParameterError when `logit` is not a finite number
   */
  constructor(logit: number) {
    super();
    this.logit = finiteParam('BernoulliLogit', 'logit', logit);
    this.operands = [logit];
  }

  /** log P(X = 1) and log P(X = 0) once computed (1, never a log-probability, before). */
  private logP1 = 1;
  private logP0 = 1;

  // ---- statistics ----

  /** σ(ℓ). */
  mean(): number {
    return sigmoid(this.logit);
  }

  /** σ(ℓ)σ(−ℓ), without the cancellation of p(1 − p) when p ≈ 1. */
  variance(): number {
    return sigmoid(this.logit) * sigmoid(-this.logit);
  }

  /** 1 when ℓ > 0, 0 when ℓ < 0, NaN at ℓ = 0 (two modes). */
  mode(): number {
    return this.logit > 0 ? 1 : this.logit < 0 ? 0 : NaN;
  }

  /**
   * With a = |ℓ| and s = σ(−a), the entropy −s log s − (1 − s) log(1 − s) equals
   * s·a + log1p(e^{−a}): two positive terms, exact for every logit (no 0 log 0,
   * no 1 − s). For a > 700, where s is subnormal, s·a is formed as
   * exp(log a + logσ(−a)) so that only the result is rounded to the subnormal grid.
   */
  entropy(): number {
    const a = Math.abs(this.logit);
    const sa = a > 700 ? Math.exp(Math.log(a) + logSigmoid(-a)) : sigmoid(-a) * a;
    return sa - logSigmoid(a);
  }

  // ---- evaluation ----

  /**
   * logσ(ℓ) at 1, logσ(−ℓ) at 0, each computed once (a distribution evaluated at
   * many data, as a likelihood is, then pays a lookup per datum).
   */
  protected logPmf(k: number): number {
    if (k === 1) return this.logP1 <= 0 ? this.logP1 : (this.logP1 = logSigmoid(this.logit));
    return this.logP0 <= 0 ? this.logP0 : (this.logP0 = logSigmoid(-this.logit));
  }

  /** F(0) = σ(−ℓ). */
  protected cdfAt(): number {
    return sigmoid(-this.logit);
  }

  /** log F(0) = logσ(−ℓ). */
  protected logCdfAt(): number {
    return logSigmoid(-this.logit);
  }

  /** P(X > 0) = σ(ℓ). */
  protected survivalAt(): number {
    return sigmoid(this.logit);
  }

  /** log σ(ℓ). */
  protected logSurvivalAt(): number {
    return logSigmoid(this.logit);
  }

  /** 0 when σ(−ℓ) ≥ u (compared as σ(ℓ) ≤ 1 − u for u > ½, where 1 − u is exact). */
  protected quantileInside(u: number): number {
    const zero = u > 0.5 ? sigmoid(this.logit) <= 1 - u : sigmoid(-this.logit) >= u;
    return zero ? 0 : 1;
  }

  // ---- partials ----

  /** ∂/∂ℓ log P(k) = σ(−ℓ) at k = 1 and −σ(ℓ) at k = 0 (zeros off the support). */
  logPdfPartials(k: number, out: Float64Array): number {
    if (typeof k !== 'number') throw notANumber(this.name, 'logPdfPartials', 'k', k);
    out[0] = 0;
    if (k === 1) {
      out[1] = sigmoid(-this.logit);
      return logSigmoid(this.logit);
    }
    if (k === 0) {
      out[1] = -sigmoid(this.logit);
      return logSigmoid(-this.logit);
    }
    out[1] = 0;
    return k === k ? -Infinity : NaN;
  }

  // ---- sampling ----

  /** 1 when a standard exponential E is at least −logσ(ℓ) (probability σ(ℓ), exact for every ℓ). */
  protected draw(rng: Rng): number {
    return rng.exponential() >= -logSigmoid(this.logit) ? 1 : 0;
  }

  /** Bulk draws: the threshold −logσ(ℓ) computed once (the same draws as single `sample` calls). */
  override sampleInto(rng: Rng, out: Float64Array): Float64Array {
    checkRng(this.name, rng);
    checkBuffer(this.name, 'sampleInto', out, 0);
    const t = -logSigmoid(this.logit);
    for (let i = 0; i < out.length; i++) out[i] = rng.exponential() >= t ? 1 : 0;
    return out;
  }
}

const PARAMS: readonly string[] = Object.freeze(['logit']);
const ZERO_ONE: DiscreteSupport = /* @__PURE__ */ integerRange(0, 1);
