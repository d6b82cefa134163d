/**
 * The continuous uniform distribution on a closed interval.
 *
 * @module
 */
import { LN_2 } from '../math/constants';
import type { Rng } from '../random/rng';
import { ContinuousDistribution } from './distribution';
import { checkBuffer, checkRng } from './shared';
import { closedInterval, type Support } from './support';
import { finiteAboveParam, finiteParam, notANumber } from './validate';

/**
 * Uniform distribution on the closed interval [low, high], both ends finite and
 * low < high: f(x) = 1/(high − low) on [low, high] (the ends included), 0 outside.
 *
 * The width high − low may overflow as a double (low = −1.7e308, high = 1.7e308);
 * then every difference is formed from halves (x/2 − low/2 is exact), and
 * log(high − low) = log(high/2 − low/2) + log 2, so nothing becomes ∞ or NaN.
 * The cdf near high is 1 − (high − x)/(high − low) and its log is
 * log1p(−(high − x)/(high − low)), so both ends keep their relative accuracy. The
 * mode is NaN (not unique). Measured against the 50-digit reference (families.json,
 * both ends and the overflowing width included): every function ≤ 1.6e-16 relative.
 *
 * @example
 * ```ts
 * import { Uniform } from 'varinf';
 * const d = new Uniform(-3, 5.5);
 * d.logPdf(-3);                    // → -2.1400661634962708 (both ends are in the support)
 * d.logSurvival(5.499999999999999); // → -36.797…, from high − x exactly
 * new Uniform(-1.7e308, 1.7e308).entropy(); // → 710.4199840737881, no overflow
 * ```
 */
export class Uniform extends ContinuousDistribution {
  /** Always `"Uniform"`. */
  readonly name = 'Uniform';
  /** `["low", "high"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** The closed interval [low, high]. */
  readonly support: Support;
  /** The raw constructor arguments `[low, high]`. */
  readonly operands: readonly number[];
  /** Lower end, finite. */
  readonly low: number;
  /** Upper end, finite and > low. */
  readonly high: number;
  /** 1, or ½ when high − low overflows: every difference is taken of scaled values. */
  private readonly scale: number;
  /** The scaled width scale·high − scale·low (finite). */
  private readonly width: number;
  /** log(high − low), exact also when the width overflows. */
  private readonly logWidth: number;

  // ---- parameters and checks ------------------------------------------------

  /**
   * @param low - lower end, finite
   * @param high - upper end, finite and > low
   * @throws InvalidParameterError when a parameter is out of its domain
   */
  constructor(low: number, high: number) {
    super();
    this.low = finiteParam('Uniform', 'low', low);
    this.high = finiteAboveParam('Uniform', 'high', high, this.low, 'low');
    this.operands = [low, high];
    this.support = closedInterval(this.low, this.high);
    this.scale = this.high - this.low < Infinity ? 1 : 0.5;
    this.width = this.scale * this.high - this.scale * this.low;
    this.logWidth = Math.log(this.width) + (this.scale === 1 ? 0 : LN_2);
  }

  // ---- statistics -----------------------------------------------------------

  /** low/2 + high/2 (the sum could overflow). */
  mean(): number {
    return 0.5 * this.low + 0.5 * this.high;
  }

  /** (high − low)²/12; +∞ when that overflows. */
  variance(): number {
    const w = this.width / this.scale;
    return (w * w) / 12;
  }

  /** (high − low)/√12, finite even when the width itself overflows. */
  override stddev(): number {
    return this.width / SQRT_12 / this.scale;
  }

  /** NaN: every point of [low, high] is a mode. */
  mode(): number {
    return NaN;
  }

  /** log(high − low). */
  entropy(): number {
    return this.logWidth;
  }

  // ---- evaluation -----------------------------------------------------------

  /**
   * −log(high − low) on [low, high], −∞ outside, NaN for NaN: the one statement of the
   * density, which `logPdf` and `logPdfPartials` call (a private method, value only:
   * see `Normal.logDensity`).
   */
  private logDensity(x: number): number {
    if (x >= this.low && x <= this.high) return -this.logWidth;
    return x === x ? -Infinity : NaN;
  }

  /** −log(high − low) on [low, high], −∞ outside. */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    return this.logDensity(x);
  }

  /** (x − low)/(high − low) on [low, high]. */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    if (x > this.low && x < this.high) return this.below(x) / this.width;
    return x <= this.low ? 0 : x >= this.high ? 1 : NaN;
  }

  /** log(x − low) − log(high − low), or log1p(−survival) above the middle. */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    if (x > this.low && x < this.high) return this.logFraction(this.below(x), this.above(x));
    return x <= this.low ? -Infinity : x >= this.high ? 0 : NaN;
  }

  /** (high − x)/(high − low) on [low, high], exact near high. */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    if (x > this.low && x < this.high) return this.above(x) / this.width;
    return x <= this.low ? 1 : x >= this.high ? 0 : NaN;
  }

  /** log(high − x) − log(high − low), or log1p(−cdf) below the middle. */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    if (x > this.low && x < this.high) return this.logFraction(this.above(x), this.below(x));
    return x <= this.low ? 0 : x >= this.high ? -Infinity : NaN;
  }

  // ---- partials -------------------------------------------------------------

  /** ∂/∂x = 0, ∂/∂low = 1/(high − low), ∂/∂high = −1/(high − low) on [low, high]; zeros outside. */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    const lp = this.logDensity(x);
    const inside = lp > -Infinity;
    out[0] = 0;
    out[1] = inside ? this.scale / this.width : 0;
    out[2] = inside ? -out[1] : 0;
    return lp;
  }

  // ---- sampling -------------------------------------------------------------

  /** low + p(high − low) below the middle, high − (1 − p)(high − low) above (1 − p is exact there). */
  protected quantileInside(p: number): number {
    const s = this.scale;
    const x = p <= 0.5 ? s * this.low + p * this.width : s * this.high - (1 - p) * this.width;
    return x / s;
  }

  /** Inversion of one uniform (U is never 0 or 1, so the draw is inside [low, high]). */
  protected draw(rng: Rng): number {
    return this.quantileInside(rng.uniform());
  }

  /** Bulk uniforms from the generator (the same numbers as successive draws), then the quantile in place. */
  override sampleInto(rng: Rng, out: Float64Array): Float64Array {
    checkRng(this.name, rng);
    checkBuffer(this.name, 'sampleInto', out, 0);
    rng.fillUniform(out);
    for (let i = 0; i < out.length; i++) out[i] = this.quantileInside(out[i]);
    return out;
  }

  // ---- helpers --------------------------------------------------------------

  /** scale·(x − low), exact for x near low (Sterbenz). */
  private below(x: number): number {
    return this.scale * x - this.scale * this.low;
  }

  /** scale·(high − x), exact for x near high. */
  private above(x: number): number {
    return this.scale * this.high - this.scale * x;
  }

  /**
   * log(part/width) for part + rest = width: log of the fraction while it is at
   * most ½ (its rounding is relative), log1p(−rest/width) above, and the
   * difference of logs where the fraction would be subnormal.
   */
  private logFraction(part: number, rest: number): number {
    const f = part / this.width;
    if (f > 0.5) return Math.log1p(-rest / this.width);
    return f >= 2.2250738585072014e-308 ? Math.log(f) : Math.log(part) - Math.log(this.width);
  }
}

const PARAMS: readonly string[] = Object.freeze(['low', 'high']);
/** √12. */
const SQRT_12 = 3.4641016151377544;
