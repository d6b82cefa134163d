/**
 * The binomial distribution: the number of successes in n independent trials
 * with success probability p.
 *
 * @module
 */
import { LN_SQRT_2PI } from '../math/constants';
import { logBetaTemme } from '../math/beta-temme';
import { twoProductError } from '../math/exact-arithmetic';
import { log1mexp } from '../math/elementary';
import { logBetaIPair } from '../math/incomplete-beta';
import { normalQuantile } from '../math/normal-functions';
import type { Rng } from '../random/rng';
import { binomialPartialP, binomialPointKernel, logBinomialPmf } from './binomial-pmf';
import { binomialSamplerConstants, drawBinomialRarer } from './binomial-sampling';
import { binomialRowsFromStatistics, binomialStatistics } from './binomial-statistics';
import { binomialDevianceQuantile } from './deviance-quantile';
import { DiscreteDistribution } from './discrete-distribution';
import type { SumLogPdfKernel } from './distribution';
import type { PointLogPdfKernel } from './point-kernel';
import { integerRange, type DiscreteSupport } from './support';
import { countParam, isCountValue, isProbabilityValue, notANumber, probabilityParam } from './validate';

/**
 * Binomial distribution with n ∈ {0, 1, 2, …} trials and success probability
 * p ∈ [0, 1]: P(X = k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ for k = 0, …, n.
 *
 * The log-pmf is Loader's saddle-point form (2000), exact at n = 1e6 where the
 * log-binomial coefficient and k log p + (n − k) log(1 − p) cancel by ten digits.
 * The cdf is the regularized incomplete beta I_{1−p}(n − k, k + 1) and the
 * survival its complement, each computed directly in log space (`logBetaIPair`;
 * Temme's uniform expansion once np(1 − p) ≥ 3e7),
 * so neither is formed as 1 − (something close to 1) and the logs stay exact
 * where the values underflow. Measured against the 50-digit reference
 * (families.json, n from 0 to 1e6, p from 1e-10 to 1 − 2⁻⁵³, tails to 1e-300):
 * relative error / max(1, cond) ≤ 1.7e-14 (the pmf in the far tail, exp of a log of
 * −204, and the cdf there), log-pmf ≤ 1.7e-16, moments and entropies ≤ 3.9e-15.
 *
 * @example
 * ```ts
 * import { Binomial } from 'varinf';
 * const d = new Binomial(10, 0.3);
 * d.logPdf(3);        // → -1.3211512777668886
 * d.cdf(3);           // ≈ 0.6496107184 (the exact value, to a few ulps)
 * d.quantile(0.9);    // → 5
 * new Binomial(1e6, 0.5).logCdf(0); // → -693147.1805599453
 * ```
 */
export class Binomial extends DiscreteDistribution {
  /**
   * The i.i.d. log-likelihood from raw `[n, p]`: what lets a likelihood that passes a
   * latent straight into p skip the user's function, and a per-datum binomial
   * regression be replayed (one distribution per point there, the instance's own
   * arithmetic). The statistics are [N, Σk, max k, then how many data equal each k
   * = 0 … max k]: the log C(n, k) terms depend on n, so their sum Σₖ hₖ log C(n, k)
   * is formed from the histogram when n changes (once, for the usual constant n) and
   * kept in the cache; then Σ log P = Σk·log p + (N·n − Σk)·log(1 − p) + that sum and
   * ∂/∂p = Σk/p − (N·n − Σk)/(1 − p) cost O(1) per evaluation. That form rounds at the
   * scale of its terms (as Poisson's), far below a Monte-Carlo ELBO's noise. Counts
   * whose largest value exceeds max(1000, 4N) keep the per-point form (the histogram
   * would outgrow the data).
   * @internal
   */
  static readonly sumKernel: SumLogPdfKernel = Object.freeze({
    arity: 2,
    cacheSlots: 2,
    accepts: (p: Float64Array): boolean => isCountValue(p[0]) && isProbabilityValue(p[1]),
    sumLogPdfPartials: (p: Float64Array, xs: ArrayLike<number>, out: Float64Array): number => new Binomial(p[0], p[1]).sumLogPdfPartials(xs, out),
    statistics: binomialStatistics,
    fromStatistics: binomialRowsFromStatistics,
  });

  /**
   * log P(k | n, p) and its partials at many points from raw `[n, p]` columns (a
   * replayed binomial regression), with the bits of `logPdfPartials`: no distribution
   * per point, and the parts of Loader's form that do not depend on p computed once
   * per datum (see `binomialPointKernel`).
   * @internal
   */
  static readonly pointKernel: PointLogPdfKernel = binomialPointKernel;

  /** Always `"Binomial"`. */
  readonly name = 'Binomial';
  /** `["n", "p"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** {0, 1, …, n}. */
  readonly support: DiscreteSupport;
  /** The raw constructor arguments `[n, p]`. */
  readonly operands: readonly number[];
  /** Number of trials n, a non-negative integer. */
  readonly n: number;
  /** Success probability p ∈ [0, 1]. */
  readonly p: number;
  /** 1 − p, exact when p ≥ ½ (Sterbenz) and within ½ ulp otherwise. */
  private readonly q: number;
  /** An integer where the pmf is largest (the lower one of two modes). */
  private readonly peak: number;
  /** The sampler's set-up, computed at the first draw (construction stays cheap for models). */
  private samplerConstants: Float64Array | undefined = undefined;

  /**
   * @param n - number of trials, an integer in [0, 2⁵³ − 1]
   * @param p - success probability, in [0, 1]
   * @throws InvalidParameterError when `n` is not a non-negative integer or `p` is not in [0, 1]
   */
  constructor(n: number, p: number) {
    super();
    this.n = countParam('Binomial', 'n', n);
    this.p = probabilityParam('Binomial', 'p', p);
    this.operands = [n, p];
    this.q = 1 - this.p;
    this.support = integerRange(0, this.n);
    const m = binomialMode(this.n, this.p);
    this.peak = m.twoModes ? m.mode - 1 : m.mode;
  }

  // ---- statistics ----

  /** n·p. */
  mean(): number {
    return this.n * this.p;
  }

  /** n·p·(1 − p). */
  variance(): number {
    return this.n * this.p * this.q;
  }

  /**
   * ⌊(n + 1)p⌋ clamped to n, from the exact product (n + 1)·p (Dekker's
   * two-product), so Binomial(9, 0.3) has mode 2 although (n + 1)p rounds to 3;
   * NaN when 0 < p < 1 and (n + 1)p is an integer (two modes).
   */
  mode(): number {
    const m = binomialMode(this.n, this.p);
    return m.twoModes ? NaN : m.mode;
  }

  /**
   * −Σ P(k) log P(k): for σ² = np(1 − p) < 30 summed over every integer outward from the
   * mode (see `DiscreteDistribution.entropyFromMode`; the terms by the ratio
   * P(k ± 1)/P(k), ≈ 17σ of them, relative error ≈ 1e-15); for 30 ≤ σ² ≤ 1e8 the
   * trapezoid rule with the integer step h = ⌊σ/1.6⌋ on the pmf's continuation, ≈ 31 terms
   * whatever n (error ≈ e^{−2π²σ²/h²} ≤ e^{−50}, and the mass at the ends, below e^{−np}
   * and e^{−nq} with np, nq ≥ σ² ≥ 30); above, the Edgeworth expansion
   * ½ log(2πeσ²) − γ₁²/12 with γ₁ = (1 − 2p)/σ the skewness, whose error is
   * O(σ⁻⁴) ≈ 1e-16 there (the tests pin the step across the switch to 4ε·H).
   */
  entropy(): number {
    const s2 = this.variance();
    if (s2 > 1e8) {
      const g = (this.q - this.p) * (this.q - this.p);
      return LN_SQRT_2PI + 0.5 * (1 + Math.log(s2)) - g / (12 * s2);
    }
    return this.entropyFromMode(this.peak, s2 >= STRIDED_ENTROPY_MIN ? Math.floor(Math.sqrt(s2) / 1.6) : 1);
  }

  /**
   * log P(k ± 1) = log P(k) + log((n − k)p/((k + 1)q)) or + log(kq/((n − k + 1)p)): one
   * logarithm per entropy term.
   */
  protected override logPmfStep(k: number, lp: number, dir: 1 | -1): number {
    const { n, p, q } = this;
    return lp + Math.log(dir > 0 ? ((n - k) * p) / ((k + 1) * q) : (k * q) / ((n - k + 1) * p));
  }

  // ---- evaluation ----

  /** Loader's saddle-point log-pmf. */
  protected logPmf(k: number): number {
    return logBinomialPmf(k, this.n, this.p, this.q);
  }

  /** F(k) = exp(log F(k)). */
  protected cdfAt(k: number): number {
    return Math.exp(this.logCdfAt(k));
  }

  /**
   * log F(k) = log I_{1−p}(n − k, k + 1), the regularized incomplete beta with the
   * exact pair (1 − p, p) (so p = 1e-10 or 1 − 2⁻⁵³ lose nothing); 0 for p = 0 and
   * −∞ for p = 1 (k < n here).
   */
  protected logCdfAt(k: number): number {
    const { p, q } = this;
    if (p === 0) return 0;
    if (q === 0) return -Infinity;
    return this.logTail(k, false);
  }

  /** P(X > k) = exp(log P(X > k)). */
  protected survivalAt(k: number): number {
    return Math.exp(this.logSurvivalAt(k));
  }

  /** log P(X > k) = log(1 − I_{1−p}(n − k, k + 1)), computed directly in the upper tail. */
  protected logSurvivalAt(k: number): number {
    const { p, q } = this;
    if (p === 0) return -Infinity;
    if (q === 0) return 0;
    return this.logTail(k, true);
  }

  /**
   * log I_{1−p}(n − k, k + 1) or its complement, for 0 < p < 1: the continued
   * fraction of `logBetaIPair` while np(1 − p) < 3e7; above, where it needs O(σ)
   * terms and their rounding reaches 1e-11, Temme's uniform expansion with the
   * exact d = (k + 1) − (n + 1)p (a two-product), whose truncation is then smaller.
   */
  private logTail(k: number, upper: boolean): number {
    const { n, p, q } = this;
    // F(0) = qⁿ and F(n − 1) = 1 − pⁿ in closed form (the incomplete beta's BGRAT path took
    // 2–4 µs there; quantiles of a Binomial with a tiny mean evaluate F(0) every time).
    if (k === 0) {
      const logQn = n * Math.log1p(-p);
      return upper ? log1mexp(logQn) : logQn;
    }
    if (k === n - 1) {
      const logPn = n * Math.log(p);
      return upper ? logPn : log1mexp(logPn);
    }
    if (n * p * q < TEMME_MIN_VARIANCE) return logBetaIPair(n - k, k + 1, q, p, upper);
    const r = n + 1;
    const t = r * p;
    const d = k + 1 - t - twoProductError(r, p, t);
    return logBetaTemme(n - k, k + 1, q, p, d, upper);
  }

  /**
   * The smallest k with F(k) ≥ p: a Cornish–Fisher start μ + σ(z + γ₁(z² − 1)/6) =
   * μ + σz + (1 − 2p)(z² − 1)/6 for |z| ≤ 2, beyond it the root of the signed deviance root
   * (`deviance-quantile.ts`), 0 below the median when np < 1, then the exact integer
   * search of the base class (2–3 evaluations).
   */
  protected quantileInside(u: number): number {
    const { n, p, q } = this;
    if (p === 0) return 0;
    // F(n − 1) = 1 − pⁿ < 1 for p > 0, so only n reaches 1.
    if (q === 0 || u === 1) return n;
    const sd = Math.sqrt(n * p * q);
    const z = normalQuantile(u);
    // The skewness term is σγ₁(z² − 1)/6 with σγ₁ = q − p (it was divided by σ instead:
    // 163 below 0 at n = 1e6, p = 1e-3, u = 1e-300, and 14 evaluations to climb back).
    // Below the median with a mean np < 1 the answer is 0 (F(0) = qⁿ ≥ e^{−np/q}); the
    // Cornish–Fisher start's skewness term put it at 228 for np = 1e-294, u = 1e-300.
    let guess: number;
    if (z < 0 && n * p < 1) guess = 0;
    else if (Math.abs(z) > 2) guess = Math.round(binomialDevianceQuantile(n, p, q, z));
    else guess = Math.floor(n * p + sd * z + (q - p) * ((z * z - 1) / 6));
    return this.searchQuantile(u, guess > 0 ? Math.min(guess, n) : 0);
  }

  /**
   * F(k) ≥ u, decided exactly: the floating-point comparison of the base class,
   * and where F(k) lies within 1e-12 of u (rounding could decide it wrongly, or F(k)
   * and u are equal), the exact rational comparison of Σ C(n, j) aʲ bⁿ⁻ʲ with u,
   * p = a/2ᴸ and 1 − p = b/2ᴸ as BigInt integers, while n·L ≤ 2¹⁶ bits (p = ½ up
   * to n = 65536, p with a 53-bit fraction up to n ≈ 1200); beyond, the floating
   * comparison decides (an exact tie there would need the 2¹⁶-bit rational F(k)
   * to be a 53-bit double).
   */
  protected override reaches(k: number, u: number): boolean {
    if (k >= this.n) return true;
    if (u < 1e-280) return super.reaches(k, u); // compared in log space there; no ties
    // Compare the smaller tail with the exact complement of u, as the base class does.
    const upper = u > 0.5;
    const got = upper ? this.survivalAt(k) : this.cdfAt(k);
    const want = upper ? 1 - u : u;
    if (Math.abs(got - want) > 1e-12 * want) return upper ? got <= want : got >= want;
    return exactCdfReaches(this.n, this.p, k, u) ?? (upper ? got <= want : got >= want);
  }

  // ---- partials ----

  /** ∂/∂n = 0 (an integer), ∂/∂p log P(k) = k/p − (n − k)/(1 − p) (zeros off the support or where P(k) = 0). */
  logPdfPartials(k: number, out: Float64Array): number {
    if (typeof k !== 'number') throw notANumber(this.name, 'logPdfPartials', 'k', k);
    out[0] = 0;
    out[1] = 0;
    const lp = this.logPdf(k);
    if (lp === -Infinity || lp !== lp) {
      out[2] = 0;
      return lp;
    }
    out[2] = binomialPartialP(k, this.n, this.p, this.q);
    return lp;
  }

  // ---- sampling ----

  /**
   * Inversion for n·min(p, 1 − p) < 10, BTRS (Hörmann 1993) above; both draw the
   * count of the rarer outcome and reflect it.
   */
  protected draw(rng: Rng): number {
    const { n, p, q } = this;
    const flip = p > 0.5;
    const s = flip ? q : p;
    const t = flip ? p : q;
    const c = this.samplerConstants ?? (this.samplerConstants = binomialSamplerConstants(n, s, t));
    const x = drawBinomialRarer(rng, n, s, t, c);
    return flip ? n - x : x;
  }
}

/**
 * ⌊(n + 1)p⌋ clamped to n, and whether (n + 1)p is exactly an integer with
 * 0 < p < 1 (two modes). The product is formed exactly as t + e (Dekker's
 * two-product with Veltkamp splitting), so the floor is that of the real product.
 */
function binomialMode(n: number, p: number): { mode: number; twoModes: boolean } {
  if (p === 0) return { mode: 0, twoModes: false };
  if (p === 1) return { mode: n, twoModes: false };
  const a = n + 1;
  const t = a * p;
  const e = twoProductError(a, p, t);
  const f = Math.floor(t);
  if (t !== f) return { mode: Math.min(f, n), twoModes: false };
  if (e === 0) return { mode: Math.min(f, n), twoModes: true };
  return { mode: Math.min(e < 0 ? f - 1 : f, n), twoModes: false };
}

/**
 * Σ_{j≤k} C(n, j) pʲ(1 − p)ⁿ⁻ʲ ≥ u in exact rational arithmetic, or undefined when
 * the integers would exceed 2¹⁶ bits. With p = a/2ᴸ (so 1 − p = (2ᴸ − a)/2ᴸ) and
 * u = c/2ᴹ, the test is 2ᴹ Σ C(n, j) aʲ bⁿ⁻ʲ ≥ c·2ᴸⁿ.
 */
function exactCdfReaches(n: number, p: number, k: number, u: number): boolean | undefined {
  const [pm, pe] = dyadic(p);
  const [um, ue] = dyadic(u);
  const L = -pe;
  const M = -ue;
  if (L <= 0 || M < 0 || n * L > 65536) return undefined;
  const a = pm;
  const b = (1n << BigInt(L)) - a;
  const N = BigInt(n);
  // coef = C(n, j) aʲ, built upward to j = k; then the terms C(n, j) aʲ bⁿ⁻ʲ are
  // summed downward, so the power of b grows by one multiplication per term.
  let coef = 1n;
  for (let j = 0; j < k; j++) coef = (coef * (N - BigInt(j)) * a) / BigInt(j + 1);
  let bPow = b ** (N - BigInt(k));
  let sum = 0n;
  for (let j = k; j >= 0; j--) {
    sum += coef * bPow;
    if (j > 0) coef = (coef * BigInt(j)) / ((N - BigInt(j) + 1n) * a);
    bPow *= b;
  }
  return sum << BigInt(M) >= um << BigInt(L * n);
}

/**
 * x > 0 as m·2ᵉ with m an odd integer (a BigInt) and e an integer. In double arithmetic
 * (every step is exact: scaling by 2 and halving an even integer), one BigInt at the end:
 * the bit-by-bit BigInt shifts it replaces cost ≈ 5 µs at x = ½.
 */
function dyadic(x: number): [bigint, number] {
  let m = x;
  let e = 0;
  // Up to 2⁵² every double with a fraction doubles exactly into an integer within 1075 steps.
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  while (m !== 0 && m % 2 === 0) {
    m /= 2;
    e++;
  }
  return [BigInt(m), e];
}

const PARAMS: readonly string[] = Object.freeze(['n', 'p']);
/** From this variance on the entropy is the strided trapezoid sum (the mass at the ends is then below e^{−30}). */
const STRIDED_ENTROPY_MIN = 30;
/** From this variance np(1 − p) on, the cdf uses Temme's expansion (see `logTail`). */
const TEMME_MIN_VARIANCE = 3e7;
