/**
 * The contract every discrete distribution of varinf fulfils (`Bernoulli`,
 * `BernoulliLogit`, `Binomial`, `Poisson`).
 *
 * It mirrors {@link ContinuousDistribution} member for member where the meaning
 * carries over, so the model layer can use a discrete family as a likelihood with
 * the same calls (`logPdf`, `logPdfPartials`, `sumLogPdf`, `sumLogPdfPartials`,
 * `operands`, `paramNames`): `logPdf` is the log-pmf with respect to the counting
 * measure, `cdf` and its relatives are step functions, and `quantile` is the
 * smallest integer whose cdf reaches p. The base class implements what is common:
 * the support and integrality checks, the step-function rules, the quantile
 * search, the entropy sum and the sampling overloads. A concrete family only
 * writes its formulas at integers inside the support.
 *
 * @module
 */
import type { Rng } from '../random/rng';
import { checkBuffer, checkRng, checkSampleSize, distributionJSON, distributionText, sumLogPdfPartialsPointwise, sumLogPdfPointwise, type DistributionJSON } from './shared';
import type { DiscreteSupport } from './support';
import { notANumber } from './validate';

/**
 * Base class of the discrete distributions on consecutive integers. Instances are
 * immutable.
 *
 * Conventions (those of families.json): `logPdf(x)` is −∞ for a non-integer or
 * out-of-support x and NaN for NaN; `cdf(x)` = `cdf(⌊x⌋)`, 0 below the support and
 * 1 above it (and likewise `logCdf`, `survival`, `logSurvival`); `quantile(p)` is
 * the smallest k with cdf(k) ≥ p, so `quantile(0)` is the lower end, and p outside
 * [0, 1] throws a `RangeError`. `mode()` is NaN when two integers share the maximum.
 *
 * @example
 * ```ts
 * import { Poisson, Rng, type DiscreteDistribution } from 'varinf';
 * const d: DiscreteDistribution = new Poisson(3);
 * d.logPdf(2);              // log(4.5 e^{-3}) = -1.4959226032237263
 * d.logPdf(2.5);            // → -Infinity
 * d.cdf(2.5);               // = d.cdf(2)
 * d.sample(new Rng(1), 3);  // → Float64Array(3) of counts
 * ```
 */
export abstract class DiscreteDistribution {
  /** The distribution's name, e.g. `"Poisson"`, used in messages. */
  abstract readonly name: string;
  /** Names of the parameters in constructor order, e.g. `["n", "p"]`. */
  abstract readonly paramNames: readonly string[];
  /** The integers with positive probability (or that could have it: {0, …, n} for Binomial at any p). */
  abstract readonly support: DiscreteSupport;
  /**
   * The constructor's raw arguments in parameter order: numbers, or boxed scalars
   * when a model evaluates the distribution under differentiation (see
   * `logPdfPartials`).
   */
  abstract readonly operands: readonly number[];

  /** Mean E[X]. */
  abstract mean(): number;
  /** Variance Var[X]. */
  abstract variance(): number;
  /** The most probable value; NaN when two values share the maximum probability. */
  abstract mode(): number;
  /** Shannon entropy −Σ P(k) log P(k) in nats. */
  abstract entropy(): number;

  /**
   * log P(X = k) with its partial derivatives: writes 0 into `out[0]` (there is no
   * derivative in the integer k) and ∂/∂θ_j log P(X = k) into `out[1 + j]` for the
   * parameters in `paramNames` order (0 for an integer parameter such as Binomial's
   * n), and returns log P(X = k). Off the support it returns −∞ and writes zeros.
   */
  abstract logPdfPartials(k: number, out: Float64Array): number;

  /** log P(X = k) for an integer k inside the support. */
  protected abstract logPmf(k: number): number;
  /** P(X ≤ k) for an integer k with lower ≤ k < upper. */
  protected abstract cdfAt(k: number): number;
  /** log P(X ≤ k) for an integer k with lower ≤ k < upper, accurate where it underflows. */
  protected abstract logCdfAt(k: number): number;
  /** P(X > k) for an integer k with lower ≤ k < upper, accurate in the upper tail. */
  protected abstract survivalAt(k: number): number;
  /** log P(X > k) for an integer k with lower ≤ k < upper. */
  protected abstract logSurvivalAt(k: number): number;
  /** The quantile for p in (0, 1] (quantile(1) may be the upper end or below it); `quantile` checks p. */
  protected abstract quantileInside(p: number): number;
  /** One draw, using `rng`. */
  protected abstract draw(rng: Rng): number;

  /** True when `k` is an integer in the support: the check a model makes on each observed datum. */
  inSupport(k: number): boolean {
    if (typeof k !== 'number') throw notANumber(this.name, 'inSupport', 'k', k);
    return this.support.contains(k);
  }

  /** log P(X = x): the log-pmf at an integer of the support, −∞ elsewhere, NaN for NaN. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    if (this.support.contains(x)) return this.logPmf(x);
    return x === x ? -Infinity : NaN;
  }

  /** P(X = x) = exp(logPdf(x)); 0 off the support. */
  pdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'pdf', 'x', x);
    return Math.exp(this.logPdf(x));
  }

  /** F(x) = P(X ≤ x) = F(⌊x⌋): 0 below the support, 1 at and above its upper end. */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    const s = this.support;
    if (x < s.lower) return 0;
    if (x >= s.upper) return 1;
    return x === x ? this.cdfAt(Math.floor(x)) : NaN;
  }

  /** log F(x), accurate where F(x) underflows (−∞ below the support). */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    const s = this.support;
    if (x < s.lower) return -Infinity;
    if (x >= s.upper) return 0;
    return x === x ? this.logCdfAt(Math.floor(x)) : NaN;
  }

  /** 1 − F(x) = P(X > x), accurate in the upper tail. */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    const s = this.support;
    if (x < s.lower) return 1;
    if (x >= s.upper) return 0;
    return x === x ? this.survivalAt(Math.floor(x)) : NaN;
  }

  /** log(1 − F(x)), accurate where the survival underflows (−∞ at and above the upper end). */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    const s = this.support;
    if (x < s.lower) return 0;
    if (x >= s.upper) return -Infinity;
    return x === x ? this.logSurvivalAt(Math.floor(x)) : NaN;
  }

  /**
   * The quantile function: the smallest k in the support with F(k) ≥ p.
   * `quantile(0)` is the lower end; NaN gives NaN; p outside [0, 1] throws.
   */
  quantile(p: number): number {
    if (typeof p !== 'number') throw notANumber(this.name, 'quantile', 'p', p);
    if (p > 0 && p <= 1) return this.quantileInside(p);
    if (p === 0) return this.support.lower;
    if (Number.isNaN(p)) return NaN;
    throw new RangeError(`${this.name}.quantile: p must be in [0, 1], got ${p}`);
  }

  /** Standard deviation √Var[X]. */
  stddev(): number {
    return Math.sqrt(this.variance());
  }

  /**
   * `{ family, params }`, the plain-JSON form `fromJSON` rebuilds (also what
   * `JSON.stringify` writes).
   *
   * @example
   * ```ts
   * new Poisson(3).toJSON(); // → { family: "Poisson", params: { rate: 3 } }
   * ```
   */
  toJSON(): DistributionJSON {
    return distributionJSON(this);
  }

  /**
   * A readable description with every parameter at round-trip precision.
   *
   * @example
   * ```ts
   * String(new Binomial(10, 0.3)); // → "Binomial(n = 10, p = 0.3)"
   * ```
   */
  toString(): string {
    return distributionText(this);
  }

  /** One draw from the distribution (an integer, as a number). */
  sample(rng: Rng): number;
  /** `n` independent draws in a new `Float64Array`. */
  sample(rng: Rng, n: number): Float64Array;
  sample(rng: Rng, n?: number): number | Float64Array {
    checkRng(this.name, rng);
    if (n === undefined) return this.draw(rng);
    checkSampleSize(this.name, n);
    return this.sampleInto(rng, new Float64Array(n));
  }

  /** Fills `out` with independent draws and returns it (no allocation). */
  sampleInto(rng: Rng, out: Float64Array): Float64Array {
    checkRng(this.name, rng);
    checkBuffer(this.name, 'sampleInto', out, 0);
    for (let i = 0; i < out.length; i++) out[i] = this.draw(rng);
    return out;
  }

  /** Σᵢ log P(X = xᵢ) over the data, the i.i.d. log-likelihood (−∞ if any datum is off the support). */
  sumLogPdf(xs: ArrayLike<number>): number {
    return sumLogPdfPointwise(this, xs);
  }

  /**
   * Σᵢ log P(X = xᵢ) and its parameter partials: writes Σᵢ ∂/∂θ_j log P(X = xᵢ) into
   * `out[1 + j]` (and 0 into `out[0]`), returns the sum. One call per evaluation of
   * an i.i.d. likelihood, no allocation per datum.
   */
  sumLogPdfPartials(xs: ArrayLike<number>, out: Float64Array): number {
    return sumLogPdfPartialsPointwise(this, xs, out);
  }

  /**
   * The smallest k ≥ `from` (an integer of the support at or below the answer) with
   * F(k) ≥ p, by galloping upward from `from` and then bisecting, deciding each
   * comparison with {@link DiscreteDistribution.reaches}. O(log distance) cdf
   * evaluations; used by the families' `quantileInside` after a guess below the
   * answer.
   */
  protected searchQuantile(p: number, from: number): number {
    const upper = this.support.upper;
    let lo = from; // invariant: every k < lo fails (or lo is the lower end)
    if (this.reaches(lo, p)) return this.searchDown(p, lo);
    let step = integerSpacing(lo);
    let hi = lo + step;
    while (hi < upper && !this.reaches(hi, p)) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi >= upper) hi = upper; // F(upper) = 1 ≥ p
    // F(lo) < p ≤ F(hi): bisect.
    return this.bisect(p, lo, hi);
  }

  /**
   * The smallest k in (lo, hi] with F(k) ≥ p, given F(lo) < p ≤ F(hi), by bisection.
   * Above 2⁵³ not every integer is a double: the search stops when no double lies
   * strictly between lo and hi, and returns hi.
   */
  private bisect(p: number, lo: number, hi: number): number {
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (mid <= lo || mid >= hi) break;
      if (this.reaches(mid, p)) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** The smallest k ≤ `from` with F(k) ≥ p, given F(from) ≥ p: galloping downward, then bisection. */
  private searchDown(p: number, from: number): number {
    const lower = this.support.lower;
    let hi = from; // F(hi) ≥ p
    let step = integerSpacing(hi);
    let lo = hi - step;
    while (lo >= lower && this.reaches(lo, p)) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    if (lo < lower) {
      if (this.reaches(lower, p)) return lower;
      lo = lower;
    }
    return this.bisect(p, lo, hi);
  }

  /**
   * Whether F(k) ≥ p for an integer k of the support, compared where it is most
   * accurate: on the cdf for p ≤ ½ (on its log when p is below 1e-280, so tiny p
   * keep every digit), on the survival against the exact 1 − p for p > ½. A family
   * whose probabilities allow exact ties overrides this to settle them exactly.
   */
  protected reaches(k: number, p: number): boolean {
    if (k >= this.support.upper) return true;
    if (p > 0.5) return this.survivalAt(k) <= 1 - p;
    if (p < 1e-280) return this.logCdfAt(k) >= Math.log(p);
    return this.cdfAt(k) >= p;
  }

  /**
   * log P(X = k + dir) given lp = log P(X = k), for the entropy sum: `logPmf` by default; a
   * family with a cheap ratio P(k ± 1)/P(k) overrides it (one logarithm per term instead of
   * Loader's form, ≈ 25 ns against ≈ 100 ns).
   */
  protected logPmfStep(k: number, _lp: number, dir: 1 | -1): number {
    return this.logPmf(k + dir);
  }

  /**
   * −Σ P(k) log P(k) summed outward from the mode `m` (an integer maximizing the
   * pmf), with Neumaier's compensated summation: every integer (`stride` 1, the terms by
   * {@link DiscreteDistribution.logPmfStep}), or the trapezoid rule with an integer step
   * h = `stride` on the pmf's smooth continuation, h·Σⱼ −P(m + jh) log P(m + jh). The
   * trapezoid rule on a bell of width σ is spectrally accurate: by Poisson's summation
   * formula its error is the transform of −P log P at 2π/h, ≈ e^{−2π²σ²/h²}, which for
   * h ≤ σ/1.6 is below e^{−50} (times a polynomial factor, ≈ 1e3 measured), and the sum over every integer differs from the same
   * integral by e^{−2π²σ²} plus the mass at the support's ends (≈ e^{−μ}: callers stride
   * only where μ and σ² are ≥ 30; measured against the full sum: ≤ 2.5e-16 relative at
   * λ = 30 … 1e5 for h up to σ/1.5). Each direction stops when a geometric bound shows the rest negligible:
   * for a log-concave pmf (Poisson, Binomial) beyond k the ratio r = P(k)/P(k ∓ h) < 1 only
   * decreases, so P(k ± jh) ≤ q rʲ with q = P(k), and since −x log x increases on (0, 1/e)
   * the remaining terms sum to at most h·q[(−log q) r/(1 − r) + (−log r) r/(1 − r)²]; the
   * sum stops when that is below 2⁻⁶⁰ of the running total. Accuracy: each term is as
   * accurate as its log-pmf (Loader's form, or a ratio recurrence from the exact mode
   * value), the compensated sum adds ≈ 1 ulp. Cost: ≈ 19σ/h terms (≈ 31 for h = σ/1.6).
   */
  protected entropyFromMode(m: number, stride = 1): number {
    const { lower, upper } = this.support;
    const lpm = this.logPmf(m);
    let sum = stride * termOf(lpm);
    let comp = 0;
    const qm = Math.exp(lpm);
    for (let dir = -1; dir <= 1; dir += 2) {
      let prev = lpm;
      let qPrev = qm;
      for (let k = m + dir * stride; k >= lower && k <= upper; k += dir * stride) {
        const lp = stride === 1 ? this.logPmfStep(k - dir, prev, dir as 1 | -1) : this.logPmf(k);
        if (lp === -Infinity) break; // every further term is 0 as well (log-concave)
        const q = Math.exp(lp);
        const t = stride * (q === 0 ? 0 : -q * lp);
        // Neumaier: keep the low-order bits lost in each addition.
        const s = sum + t;
        comp += Math.abs(sum) >= Math.abs(t) ? sum - s + t : t - s + sum;
        sum = s;
        const logR = lp - prev;
        prev = lp;
        if (logR < 0 && lp < -1) {
          // r = P(k)/P(k ∓ h) from the two probabilities (e^{log r} where they underflow).
          const r = qPrev > 1e-300 ? q / qPrev : Math.exp(logR);
          const tail = stride * q * ((-lp * r) / (1 - r) + (-logR * r) / ((1 - r) * (1 - r)));
          if (tail <= 8.7e-19 * (sum + comp)) break;
        }
        qPrev = q;
      }
    }
    return sum + comp;
  }
}

/**
 * The first galloping step from k: 1, or above 2⁵³ the spacing of the doubles at k (a
 * step of 1 would not move; Poisson(1e300).quantile galloped through ≈ 940 doublings,
 * 120 µs, before the step reached the spacing 1.5e284).
 */
function integerSpacing(k: number): number {
  return k < 2 ** 53 ? 1 : 2 ** (Math.floor(Math.log2(k)) - 52);
}

/** −P log P from log P (0 when P underflows). */
function termOf(lp: number): number {
  return lp === -Infinity ? 0 : -Math.exp(lp) * lp;
}

/**
 * The sufficient statistics [n, Σk] of 0/1 data, shared by the Bernoulli families'
 * likelihood kernels; undefined when a datum is not 0 or 1 (the per-point form then
 * reports it).
 *
 * @example
 * ```ts
 * binaryStatistics([1, 0, 1]); // → Float64Array [3, 2]
 * ```
 * @internal
 */
export function binaryStatistics(xs: ArrayLike<number>): Float64Array | undefined {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const k = xs[i];
    if (k !== 0 && k !== 1) return undefined;
    s += k;
  }
  return Float64Array.of(xs.length, s);
}
