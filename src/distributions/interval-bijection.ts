/**
 * The scaled logistic bijection ℝ → (lower, upper), used for latents with a
 * bounded support (Beta's (0, 1), a Uniform's [low, high]), as Stan does for
 * `<lower=a, upper=b>` parameters.
 *
 * @module
 */
import { formatValue } from '../errors';
import type { Bijection } from './bijection';

const LN2 = Math.LN2;

/**
 * z = lower + (upper − lower)·σ(u) with σ(u) = 1/(1 + e^{−u}); on (0, 1) it is σ
 * itself and its inverse is the logit. With w = upper − lower:
 *
 * - log|dz/du| = log w + log σ(u) + log σ(−u) = log w − |u| − 2 log(1 + e^{−|u|}),
 * - dz/du = w·e^{−|u|}/(1 + e^{−|u|})²,
 * - d/du log|dz/du| = σ(−u) − σ(u) = −tanh(u/2).
 *
 * Numerics: z is formed from the nearer end (lower + w·σ(u) for u ≤ 0,
 * upper − w·σ(−u) for u > 0), so it keeps full relative precision of its distance
 * to either end; w is handled as 2·(upper/2 − lower/2), so bounds such as ±1.7e308
 * do not overflow. Every term is exact to a few ulps for all u.
 *
 * @param lower - the lower end, finite
 * @param upper - the upper end, finite and > lower
 * @example
 * ```ts
 * import { intervalBijection } from 'varinf';
 * const t = intervalBijection(0, 1);
 * t.forward(0);                 // → 0.5
 * t.inverse(0.25);              // log(1/3) = -1.0986…
 * t.logAbsDetJacobian(0);       // log(1/4)
 * ```
 * @throws RangeError when the ends are not finite with lower < upper
 */
export function intervalBijection(lower: number, upper: number): Bijection {
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper)) {
    throw new RangeError(`intervalBijection: the ends must be finite with lower < upper, got [${formatValue(lower)}, ${formatValue(upper)}]`);
  }
  return new IntervalBijection(lower, upper);
}

/** {@link intervalBijection}'s map; methods on the prototype, so an instance is plain data. */
class IntervalBijection implements Bijection {
  readonly name: string;
  /** (upper − lower)/2, which cannot overflow. */
  private readonly halfWidth: number;
  /** log(upper − lower). */
  private readonly logWidth: number;

  constructor(
    readonly lower: number,
    readonly upper: number,
  ) {
    this.name = lower === 0 && upper === 1 ? 'logit' : `interval(${lower}, ${upper})`;
    this.halfWidth = upper / 2 - lower / 2;
    this.logWidth = Math.log(this.halfWidth) + LN2;
    Object.freeze(this);
  }

  forward(u: number): number {
    // 2·(h·σ) rather than w·σ: the product cannot overflow where w would.
    const h = this.halfWidth;
    return u <= 0 ? this.lower + 2 * (h * logistic(u)) : this.upper - 2 * (h * logistic(-u));
  }

  inverse(z: number): number {
    // log(z − lower) − log(upper − z), each difference from halves so it cannot overflow.
    return logHalfDifference(z, this.lower) - logHalfDifference(this.upper, z);
  }

  logAbsDetJacobian(u: number): number {
    const a = Math.abs(u);
    return this.logWidth - a - 2 * Math.log1p(Math.exp(-a));
  }

  derivative(u: number): number {
    const e = Math.exp(-Math.abs(u));
    const d = 1 + e;
    return (2 * this.halfWidth * e) / (d * d);
  }

  dLogAbsDetJacobian(u: number): number {
    return -Math.tanh(u / 2);
  }
}

/**
 * log((hi − lo)/2) for hi ≥ lo: from hi/2 − lo/2, which cannot overflow, where both
 * halvings are exact (always but for nonzero operands below 2⁻¹⁰²¹, whose half may
 * round: 5e-324 halves to 0); there hi − lo is finite, so its log less log 2 is taken.
 */
function logHalfDifference(hi: number, lo: number): number {
  return halvesRound(hi) || halvesRound(lo) ? Math.log(hi - lo) - LN2 : Math.log(hi / 2 - lo / 2);
}

/** True when v/2 may be inexact: a nonzero v below 2⁻¹⁰²¹ in magnitude. */
function halvesRound(v: number): boolean {
  return v !== 0 && Math.abs(v) < 2 ** -1021;
}

/** σ(u) = e^u/(1 + e^u) for u ≤ 0: no overflow, full relative precision as e^u underflows. */
function logistic(u: number): number {
  const e = Math.exp(u);
  return e / (1 + e);
}
