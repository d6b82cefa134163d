/**
 * The logit-normal distribution on an interval: X = low + (high − low)·σ(U) with
 * U ~ N(μ, σ²) and σ the logistic function. It is what a Gaussian guide on the
 * unconstrained line means for a latent with a bounded support (Beta's (0, 1), a
 * Uniform's interval), as `LogNormal` is for a positive one.
 *
 * @module
 */
import { LN_SQRT_2PI } from '../math/constants';
import { normalCdf, normalLogCdf, normalQuantile } from '../math/normal-functions';
import { logisticNormalLogJacobian, logisticNormalMean, logisticNormalVariance } from '../math/logistic-normal';
import type { Rng } from '../random/rng';
import { ContinuousDistribution } from './distribution';
import { intervalBijection } from './interval-bijection';
import { openInterval, type Support } from './support';
import type { Bijection } from './transforms';
import { finiteAboveParam, finiteParam, notANumber, positiveParam } from './validate';

/**
 * Logit-normal distribution on (low, high) (default (0, 1)): logit((x − low)/(high − x))
 * ~ N(μ, σ²), with density
 * f(x) = φ((ℓ − μ)/σ)/σ · (high − low)/((x − low)(high − x)), ℓ = log((x − low)/(high − x)).
 *
 * The cdf, quantile and density are closed forms; the mean, variance and entropy
 * are integrals over the normal by a fixed trapezoid rule (σ < ½; σ < 1 for the
 * variance) or an accelerated alternating series in closed-form terms (`logistic-normal.ts`,
 * ≤ 2e-14 relative, 1–5 µs); the
 * mode solves (ℓ − μ)/σ² = tanh(ℓ/2) and is the higher of two modes when σ² > 2
 * makes the density bimodal (NaN when they tie).
 *
 * @example
 * ```ts
 * import { LogitNormal, Rng } from 'varinf';
 * const d = new LogitNormal(0, 1);       // on (0, 1)
 * d.cdf(0.5);                            // → 0.5
 * d.quantile(0.975);                     // σ(1.95996…) = 0.8765…
 * new LogitNormal(0, 1, -2, 2).mean();   // → 0 (symmetric)
 * d.sample(new Rng(1));
 * ```
 */
export class LogitNormal extends ContinuousDistribution {
  // ---- parameters and checks ---------------------------------------------------------

  /** Always `"LogitNormal"`. */
  readonly name = 'LogitNormal';
  /** `["mu", "sigma", "low", "high"]`. */
  readonly paramNames: readonly string[] = PARAMS;
  /** The raw constructor arguments `[mu, sigma, low, high]`. */
  readonly operands: readonly number[];
  /** Mean μ of the logit. */
  readonly mu: number;
  /** Standard deviation σ > 0 of the logit. */
  readonly sigma: number;
  /** Lower end of the interval. */
  readonly low: number;
  /** Upper end of the interval. */
  readonly high: number;
  /** The open interval (low, high). */
  readonly support: Support;
  /** The map u ↦ x. */
  private readonly transform: Bijection;

  /**
   * @param mu - mean μ of the logit, finite
   * @param sigma - standard deviation σ of the logit, finite and > 0
   * @param low - lower end (default 0), finite
   * @param high - upper end (default 1), finite and > low
   * @throws InvalidParameterError when a parameter is out of its domain
   */
  constructor(mu: number, sigma: number, low = 0, high = 1) {
    super();
    this.mu = finiteParam('LogitNormal', 'mu', mu);
    this.sigma = positiveParam('LogitNormal', 'sigma', sigma);
    this.low = finiteParam('LogitNormal', 'low', low);
    this.high = finiteAboveParam('LogitNormal', 'high', high, this.low, 'low');
    this.operands = [mu, sigma, low, high];
    this.support = openInterval(this.low, this.high);
    this.transform = intervalBijection(this.low, this.high);
  }

  // ---- statistics --------------------------------------------------------------------

  /**
   * E[X] = low + w·E σ(U) = high − w·E σ(−U), U ~ N(μ, σ²), w = high − low, from the end
   * nearer the mean (E σ(U) ≤ ½ for μ ≤ 0), so it keeps its relative distance to that end
   * (`logisticNormalMean`: trapezoid rule or accelerated series, no adaptive quadrature).
   */
  mean(): number {
    const h = this.halfWidth();
    return this.mu <= 0 ? this.low + 2 * (h * logisticNormalMean(this.mu, this.sigma)) : this.high - 2 * (h * logisticNormalMean(-this.mu, this.sigma));
  }

  /** w²·Var σ(U) (`logisticNormalVariance`), full relative accuracy also at tiny σ or |μ| large. */
  variance(): number {
    const h = this.halfWidth();
    return 4 * (h * (h * logisticNormalVariance(this.mu, this.sigma)));
  }

  /** The highest maximum of the density (NaN when two maxima tie). */
  mode(): number {
    const ell = logitMode(this.mu, this.sigma, (l) => -logitLogDensity(l, this.mu, this.sigma));
    return Number.isNaN(ell) ? NaN : this.transform.forward(ell);
  }

  /**
   * H = ½ log(2πeσ²) + E[log|dx/du|] = ½ log(2πeσ²) + log w + E[log σ(U) + log σ(−U)],
   * U ~ N(μ, σ²) (`logisticNormalLogJacobian`).
   */
  entropy(): number {
    const logWidth = Math.log(this.halfWidth()) + Math.LN2;
    return 0.5 + LN_SQRT_2PI + Math.log(this.sigma) + logWidth + logisticNormalLogJacobian(this.mu, this.sigma);
  }

  // ---- evaluation --------------------------------------------------------------------

  /**
   * log φ((u − μ)/σ) − log σ − log|dx/du| at the point whose logit coordinate is
   * u = T⁻¹(x): the one statement of the density, which `logPdf` and `logPdfPartials`
   * call (the latter has u already; a private method, value only: see
   * `Normal.logDensity`).
   */
  private logDensityAt(u: number): number {
    const z = (u - this.mu) / this.sigma;
    return -0.5 * z * z - LN_SQRT_2PI - Math.log(this.sigma) - this.transform.logAbsDetJacobian(u);
  }

  /** log φ((ℓ − μ)/σ) − log σ + log|du/dx|; −∞ outside (low, high). */
  logPdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdf', 'x', x);
    if (!(x > this.low && x < this.high)) return Number.isNaN(x) ? NaN : -Infinity;
    return this.logDensityAt(this.transform.inverse(x));
  }

  /** Φ((ℓ − μ)/σ). */
  cdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'cdf', 'x', x);
    if (!(x > this.low)) return Number.isNaN(x) ? NaN : 0;
    if (!(x < this.high)) return 1;
    return normalCdf((this.transform.inverse(x) - this.mu) / this.sigma);
  }

  /** log Φ((ℓ − μ)/σ). */
  logCdf(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logCdf', 'x', x);
    if (!(x > this.low)) return Number.isNaN(x) ? NaN : -Infinity;
    if (!(x < this.high)) return 0;
    return normalLogCdf((this.transform.inverse(x) - this.mu) / this.sigma);
  }

  /** Φ((μ − ℓ)/σ). */
  survival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'survival', 'x', x);
    if (!(x > this.low)) return Number.isNaN(x) ? NaN : 1;
    if (!(x < this.high)) return 0;
    return normalCdf((this.mu - this.transform.inverse(x)) / this.sigma);
  }

  /** log Φ((μ − ℓ)/σ). */
  logSurvival(x: number): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logSurvival', 'x', x);
    if (!(x > this.low)) return Number.isNaN(x) ? NaN : 0;
    if (!(x < this.high)) return -Infinity;
    return normalLogCdf((this.mu - this.transform.inverse(x)) / this.sigma);
  }

  /** T(μ + σΦ⁻¹(p)). */
  protected quantileInside(p: number): number {
    return this.transform.forward(this.mu + this.sigma * normalQuantile(p));
  }

  // ---- partials ----------------------------------------------------------------------

  /**
   * log f = −z²/2 − log √(2π) − log σ − log a − log b + log w, with a = x − low,
   * b = high − x, w = high − low, ℓ = log a − log b, z = (ℓ − μ)/σ:
   * ∂/∂x = −(z/σ)·w/(ab) − 1/a + 1/b, ∂/∂μ = z/σ, ∂/∂σ = (z² − 1)/σ,
   * ∂/∂low = z/(σa) + 1/a − 1/w, ∂/∂high = z/(σb) − 1/b + 1/w.
   */
  logPdfPartials(x: number, out: Float64Array): number {
    if (typeof x !== 'number') throw notANumber(this.name, 'logPdfPartials', 'x', x);
    if (!(x > this.low && x < this.high)) {
      out.fill(0, 0, 5);
      return Number.isNaN(x) ? NaN : -Infinity;
    }
    const a = x - this.low;
    const b = this.high - x;
    const w = this.high - this.low;
    const u = this.transform.inverse(x);
    const s = this.sigma;
    const z = (u - this.mu) / s;
    const zs = z / s;
    const lp = this.logDensityAt(u);
    if (lp === -Infinity) {
      out.fill(0, 0, 5);
      return lp;
    }
    out[0] = -zs * (w / a / b) - 1 / a + 1 / b;
    out[1] = zs;
    out[2] = (z * z - 1) / s;
    out[3] = zs / a - 1 / w + 1 / a;
    out[4] = zs / b + 1 / w - 1 / b;
    // Where a, b or w is subnormal (or z/σ huge) the terms above can be ∞ − ∞ or 0·∞; each
    // partial is then its single fraction, ±∞ where the numerator is not 0 and the
    // denominator underflows (the partial's magnitude exceeds the double range).
    // (w/(ab) = 1/a + 1/b serves where w overflows, ±1.8e308 ends.)
    const zw = zs === 0 ? 0 : zs * w;
    if (out[0] !== out[0]) {
      const alt = -zs * (1 / a + 1 / b) - 1 / a + 1 / b;
      out[0] = alt === alt ? alt : fraction(a - b - zw, a * b);
    }
    if (out[3] !== out[3]) out[3] = fraction(zw + w - a, a * w);
    if (out[4] !== out[4]) out[4] = fraction(zw + b - w, b * w);
    return lp;
  }

  // ---- sampling ----------------------------------------------------------------------

  /** T(μ + σ·N(0, 1)). */
  protected draw(rng: Rng): number {
    return this.transform.forward(this.mu + this.sigma * rng.normal());
  }

  /** (high − low)/2 from halves, which cannot overflow (as the interval bijection forms it). */
  private halfWidth(): number {
    return this.high / 2 - this.low / 2;
  }
}

const PARAMS: readonly string[] = Object.freeze(['mu', 'sigma', 'low', 'high']);

/** num/den for den ≥ 0, with den = 0 (underflowed) giving ±∞ by the sign of num, or 0 for num = 0. */
function fraction(num: number, den: number): number {
  if (den > 0) return num / den;
  return num === 0 ? 0 : num > 0 ? Infinity : -Infinity;
}

/**
 * log f_X at the point whose logit is ℓ, up to a constant: the normal density of ℓ
 * divided by dx/dℓ ∝ σ(ℓ)σ(−ℓ), i.e. −(ℓ − μ)²/(2σ²) − log σ(ℓ) − log σ(−ℓ).
 */
function logitLogDensity(l: number, mu: number, sigma: number): number {
  const z = (l - mu) / sigma;
  const a = Math.abs(l);
  return -0.5 * z * z + a + 2 * Math.log1p(Math.exp(-a));
}

/**
 * The logit of the mode: the roots of g(ℓ) = (ℓ − μ)/σ² − tanh(ℓ/2) are the
 * stationary points of the density in ℓ-coordinates of x. g′ = 1/σ² − ½sech²(ℓ/2)
 * vanishes at ±2 acosh(σ/√2) when σ² > 2, so g has at most three roots, found by
 * bisection in the at most three monotone pieces; the highest maximum wins.
 */
function logitMode(mu: number, sigma: number, negLogDensity: (l: number) => number): number {
  const v = sigma * sigma;
  const g = (l: number): number => (l - mu) / v - Math.tanh(l / 2);
  // Roots lie where |ℓ − μ| ≤ σ² (|tanh| < 1).
  const lo = mu - v - 1;
  const hi = mu + v + 1;
  const cuts = v > 2 ? [lo, -2 * Math.acosh(sigma / Math.SQRT2), 2 * Math.acosh(sigma / Math.SQRT2), hi] : [lo, hi];
  let best = NaN;
  let bestValue = Infinity;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = Math.max(cuts[i], lo);
    const b = Math.min(cuts[i + 1], hi);
    if (!(a < b)) continue;
    const ga = g(a);
    const gb = g(b);
    // d/dℓ log f_X = −g(ℓ): a maximum is a root where g increases through 0.
    if (!(ga <= 0 && gb >= 0)) continue;
    const r = bisect(g, a, b);
    const value = negLogDensity(r);
    if (value < bestValue) {
      bestValue = value;
      best = r;
    } else if (value === bestValue) best = NaN;
  }
  return best;
}

/** A root of the increasing-through-zero g on [a, b] by bisection to the last bit. */
function bisect(g: (x: number) => number, a: number, b: number): number {
  let lo = a;
  let hi = b;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
