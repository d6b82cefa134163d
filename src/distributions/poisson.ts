/**
 * The Poisson distribution with rate λ; its fast paths (summed and point kernels) are
 * in poisson-kernels.ts.
 *
 * @module
 */
import { LN_SQRT_2PI } from '../math/constants';
import { logGammaTemme } from '../math/gamma-temme';
import { gammaP, gammaQ, logGammaP, logGammaQ } from '../math/incomplete-gamma';
import { normalQuantile } from '../math/normal-functions';
import { logPoissonRaw } from '../math/saddle-point';
import type { Rng } from '../random/rng';
import { poissonDevianceQuantile } from './deviance-quantile';
import { DiscreteDistribution } from './discrete-distribution';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { poissonPointKernel, poissonSumKernel } from './poisson-kernels';
import { nonNegativeIntegers, type DiscreteSupport } from './support';
import { notANumber, positiveParam } from './validate';

/**
 * Poisson distribution with rate λ > 0: P(X = k) = λᵏ e^{−λ} / k! for k = 0, 1, 2, ….
 *
 * The log-pmf is Loader's saddle-point form (−½ log(2πk) − stirlerr(k) − bd0(k, λ)
 * for k ≥ 10), exact at λ = 1e6 where log Γ(k + 1), k log λ and λ cancel by ten
 * digits; the cdf is the regularized incomplete gamma Q(k + 1, λ), the survival
 * P(k + 1, λ), both with log versions that stay exact where they underflow (for
 * k ≥ 1e8 by Temme's uniform expansion, see `logGammaTemme`). Measured against
 * the 50-digit reference (families.json, λ from 1e-300 to 1e6, tails to e^{-21492}):
 * relative error / max(1, cond) ≤ 5.9e-14 (log P(X ≤ 91) = −3e-143 at λ = 1, from
 * the incomplete gamma), log-pmf ≤ 5.5e-16, pmf ≤ 2.6e-14 (exp of the log), moments
 * and entropies ≤ 2.4e-14.
 *
 * @example
 * ```ts
 * import { Poisson } from 'varinf';
 * const d = new Poisson(3.5);
 * d.logPdf(7);         // → -3.2558205815978365
 * d.cdf(5.5);          // = d.cdf(5) = 0.8576135530957784
 * d.quantile(0.5);     // → 3
 * new Poisson(1e6).logCdf(0); // → -1000000, where the cdf underflows
 * ```
 */
export class Poisson extends DiscreteDistribution {
  /**
   * The i.i.d. log-likelihood from a raw `[rate]`, for models whose likelihood passes
   * a latent (or e^latent) straight through: `sumLogPdfPartials` is the instance's
   * per-point sum; the statistics [n, Σk, Σ log k!] give Σ log P(kᵢ | λ) =
   * Σk·log λ − nλ − Σ log k! and ∂/∂λ = Σk/λ − n in O(1) per evaluation. That form
   * rounds at the scale of Σk·|log λ| + nλ (not of the result, which Loader's per-point
   * form keeps): an absolute error of a few ulps of those magnitudes, far below a
   * Monte-Carlo ELBO's noise (poisson-kernels.ts).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = poissonSumKernel((rate, xs, out) => new Poisson(rate).sumLogPdfPartials(xs, out));

  /**
   * log P(k | λ) and ∂/∂λ = k/λ − 1 at many points from a raw rate column (a replayed
   * per-datum likelihood), as k·log λ − λ − log k! with log k! computed once per
   * datum: it rounds at the scale of k·|log λ| + λ rather than of the result, as the
   * statistics form of `sumKernel` does (a few ulps of those magnitudes, far below a
   * Monte-Carlo ELBO's noise), at a fraction of Loader's per-point cost
   * (poisson-kernels.ts).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = poissonPointKernel;

  /** Always `"Poisson"`. */
  readonly name = 'Poisson';
  /** `["rate"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** {0, 1, 2, …}. */
  readonly support: DiscreteSupport = nonNegativeIntegers;
  /** The raw constructor arguments `[rate]`. */
  readonly operands: readonly number[];
  /** Rate λ > 0 (mean and variance). */
  readonly rate: number;
  /** The sampler's set-up, computed at the first draw (construction stays cheap for models). */
  private samplerConstants: Float64Array | undefined = undefined;

  // ---- parameters and checks ----

  /**
   * @param rate - rate λ, finite and > 0
   * @throws InvalidParameterError when `rate` is not finite and positive
   */
  constructor(rate: number) {
    super();
    this.rate = positiveParam('Poisson', 'rate', rate);
    this.operands = [rate];
  }

  // ---- statistics ----

  /** λ. */
  mean(): number {
    return this.rate;
  }

  /** λ. */
  variance(): number {
    return this.rate;
  }

  /** ⌊λ⌋; NaN when λ ≥ 1 is an integer (λ − 1 and λ are both modes). */
  mode(): number {
    const l = this.rate;
    return l >= 1 && Number.isInteger(l) ? NaN : Math.floor(l);
  }

  /**
   * −Σ P(k) log P(k): for λ < 30 summed over every integer outward from the mode (see
   * `DiscreteDistribution.entropyFromMode`; the terms by the ratio P(k ± 1)/P(k), ≈ 17√λ
   * of them, relative error ≈ 1e-15); for 30 ≤ λ ≤ 1e5 the trapezoid rule with the
   * integer step h = ⌊√λ/1.6⌋ on the pmf's continuation, ≈ 31 terms whatever λ (error
   * ≈ e^{−2π²λ/h²} ≤ e^{−50} and e^{−λ} from the end at 0; measured ≤ 2.5e-16 against
   * the full sum); above, the asymptotic series ½ log(2πeλ) − 1/(12λ) − 1/(24λ²) −
   * 19/(360λ³) (Evans & Boersma 1988), whose next term is O(λ⁻⁴) < 1e-20.
   */
  entropy(): number {
    const l = this.rate;
    if (l > 1e5) {
      const r = 1 / l;
      return LN_SQRT_2PI + 0.5 * (1 + Math.log(l)) - r * (1 / 12 + r * (1 / 24 + r * (19 / 360)));
    }
    return this.entropyFromMode(Math.floor(l), l >= STRIDED_ENTROPY_MIN ? Math.floor(Math.sqrt(l) / 1.6) : 1);
  }

  /** log P(k ± 1) = log P(k) + log(λ/(k + 1)) or + log(k/λ): one logarithm per entropy term. */
  protected override logPmfStep(k: number, lp: number, dir: 1 | -1): number {
    return lp + Math.log(dir > 0 ? this.rate / (k + 1) : k / this.rate);
  }

  // ---- evaluation ----

  /** k log λ − λ − log k! in Loader's saddle-point form (`logPoissonRaw`). */
  protected logPmf(k: number): number {
    return logPoissonRaw(k, this.rate);
  }

  /** F(k) = Q(k + 1, λ). */
  protected cdfAt(k: number): number {
    if (k + 1 < TEMME_MIN) return gammaQ(k + 1, this.rate);
    return Math.exp(this.farBelow(k) ? this.logFarLowerTail(k) : logGammaTemme(k + 1, this.rate, true));
  }

  /** log Q(k + 1, λ). */
  protected logCdfAt(k: number): number {
    if (k + 1 < TEMME_MIN) return logGammaQ(k + 1, this.rate);
    return this.farBelow(k) ? this.logFarLowerTail(k) : logGammaTemme(k + 1, this.rate, true);
  }

  /** P(X > k) = P(k + 1, λ). */
  protected survivalAt(k: number): number {
    if (k + 1 < TEMME_MIN) return gammaP(k + 1, this.rate);
    return this.farBelow(k) ? -Math.expm1(this.logFarLowerTail(k)) : Math.exp(logGammaTemme(k + 1, this.rate, false));
  }

  /** log P(k + 1, λ). */
  protected logSurvivalAt(k: number): number {
    if (k + 1 < TEMME_MIN) return logGammaP(k + 1, this.rate);
    return this.farBelow(k) ? Math.log1p(-Math.exp(this.logFarLowerTail(k))) : logGammaTemme(k + 1, this.rate, false);
  }

  /**
   * True when k + 1 < λ·2⁻⁵³: so far below the mean that Temme's expansion breaks
   * down (NaN at k = 1e9, λ = 1e300; issue #16's fuzz) and the sum below needs no
   * more than its first term.
   */
  private farBelow(k: number): boolean {
    return k + 1 < this.rate * 2 ** -53;
  }

  /**
   * log F(k) far below the mean: F(k) = P(k)·Σⱼ Πᵢ₌₀^{j−1} (k − i)/λ, whose terms
   * are at most (k/λ)ʲ, so the sum is 1 + k/λ + O((k/λ)²) and log F(k) = log P(k)
   * + k/λ with a relative error below (k/λ)² < 2⁻¹⁰⁶ (Loader's log-pmf, exact).
   */
  private logFarLowerTail(k: number): number {
    return logPoissonRaw(k, this.rate) + k / this.rate;
  }

  /**
   * The smallest k with F(k) ≥ p (∞ for p = 1): a Cornish–Fisher start
   * λ + √λ z + (z² − 1)/6 (z the normal quantile) for |z| ≤ 2, beyond it the root of the
   * signed deviance root, within ±0.75 of the answer (`deviance-quantile.ts`), and 0 below
   * the median when λ < 1,
   * then the exact integer search of the base class, each step comparing the incomplete
   * gamma with p (2–3 evaluations).
   */
  protected quantileInside(p: number): number {
    if (p === 1) return Infinity;
    const l = this.rate;
    const z = normalQuantile(p);
    // Below the median of a Poisson with λ < 1 the answer is 0 (F(0) = e^{−λ} > e^{−1});
    // the Cornish–Fisher start's (z² − 1)/6 put it at 192 for λ = 1, u = 1e-300.
    let guess: number;
    if (z < 0 && l < 1) guess = 0;
    else if (Math.abs(z) > 2) guess = Math.round(poissonDevianceQuantile(l, z));
    else guess = Math.floor(l + Math.sqrt(l) * z + (z * z - 1) / 6);
    return this.searchQuantile(p, guess > 0 ? guess : 0);
  }

  // ---- partials ----

  /** ∂/∂λ log P(k) = k/λ − 1 (zeros off the support). */
  logPdfPartials(k: number, out: Float64Array): number {
    if (typeof k !== 'number') throw notANumber(this.name, 'logPdfPartials', 'k', k);
    out[0] = 0;
    const lp = this.logPdf(k);
    out[1] = lp === -Infinity || lp !== lp ? 0 : k / this.rate - 1;
    return lp;
  }

  // ---- sampling ----

  /** Inversion for λ < 10, PTRS (Hörmann 1993) above. */
  protected draw(rng: Rng): number {
    const l = this.rate;
    const c = this.samplerConstants ?? (this.samplerConstants = l < 10 ? Float64Array.of(Math.exp(-l)) : ptrsConstants(l));
    return l < 10 ? poissonInversion(rng, l, c[0]) : poissonPtrs(rng, l, c);
  }
}

/**
 * Sequential inversion: the smallest k with U ≤ Σ_{j≤k} P(j), the terms built by
 * P(j) = P(j − 1)·λ/j from P(0) = e^{−λ} (≥ 4.5e-5 for λ < 10). Exact up to the
 * rounding of the running sum; if U exceeds the sum's limit (probability < 1e-15)
 * the last k whose term is still positive is returned.
 */
function poissonInversion(rng: Rng, l: number, p0: number): number {
  const u = rng.uniform();
  let k = 0;
  let pk = p0;
  let s = pk;
  while (u > s) {
    k++;
    pk *= l / k;
    if (pk === 0) break;
    s += pk;
  }
  return k;
}

/** [b, a, log(1/α), v_r] of PTRS (Hörmann 1993) for λ ≥ 10. */
function ptrsConstants(l: number): Float64Array {
  const b = 0.931 + 2.53 * Math.sqrt(l);
  return Float64Array.of(b, -0.059 + 0.02483 * b, Math.log(1.1239 + 1.1328 / (b - 3.4)), 0.9277 - 3.6224 / (b - 2));
}

/**
 * PTRS, the transformed rejection sampler with squeeze of Hörmann (1993, "The
 * transformed rejection method for generating Poisson random variables",
 * Insurance: Mathematics and Economics 12), for λ ≥ 10: a hat built from the
 * transformation k = ⌊(2a/(½ − |U|) + b)U + λ + 0.43⌋, an acceptance square that
 * decides ≈ 89 % of draws without logarithms, and the exact test against the pmf
 * otherwise, here with Loader's log-pmf so that it stays exact for λ far above
 * 1e15, where k log λ − λ − log k! would cancel. About 1.1 uniform pairs per draw.
 * `c` = {@link ptrsConstants}.
 */
function poissonPtrs(rng: Rng, l: number, c: Float64Array): number {
  const b = c[0];
  const a = c[1];
  const logInvAlpha = c[2];
  const vr = c[3];
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + l + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= logPoissonRaw(k, l)) return k;
  }
}

const PARAMS: readonly string[] = Object.freeze(['rate']);
/** From this rate on the entropy is the strided trapezoid sum (the mass at 0, e^{−λ}, is then below 1e-13 of it). */
const STRIDED_ENTROPY_MIN = 30;
/**
 * From this shape on (k ≥ 1e8 − 1) the cdf uses Temme's expansion, whose
 * truncation is then ≲ 1e-15 relative: the series and continued fraction of the
 * incomplete gamma need O(√k) terms there, lose ≈ 1e-13 at k = 1e8 … 1e10 below
 * the mean, and stop at their iteration cap beyond k ≈ 1e11.
 */
const TEMME_MIN = 1e8;
