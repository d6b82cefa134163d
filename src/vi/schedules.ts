/**
 * Step-size schedules: the multiplier applied to the base step size η at step t
 * (t = 1, 2, …). A decaying schedule plus iterate averaging is what makes the
 * final answer stable rather than a noisy last iterate.
 *
 * @module
 */
import { invalidOption, positiveOption } from './errors';

/**
 * A step-size schedule: `factor(t)` multiplies the base step size at step t ≥ 1.
 *
 * @example
 * ```ts
 * const s: Schedule = inverseSqrt(100);
 * s.factor(1);   // ≈ 0.995 (= 1/√1.01)
 * s.factor(300); // → 0.5 (= 1/√4)
 * ```
 */
export interface Schedule {
  /** Name for messages and traces. */
  readonly name: string;
  /** Multiplier of the base step size at step t ≥ 1. */
  factor(t: number): number;
}

/**
 * Constant step size: factor 1.
 *
 * @example
 * ```ts
 * adam({ lr: 0.01, schedule: constant() });
 * constant().factor(1000); // → 1
 * ```
 */
export function constant(): Schedule {
  return { name: 'constant', factor: () => 1 };
}

/**
 * η_t = η / √(1 + t/t₀): flat for t ≪ t₀, then ∝ 1/√t (the Robbins–Monro-style
 * decay that, with iterate averaging, gives the O(1/t) optimal rate).
 *
 * @param t0 - steps before the decay sets in (default 100)
 * @example
 * ```ts
 * inverseSqrt(100).factor(300); // → 0.5 (= 1/√(1 + 300/100))
 * ```
 */
export function inverseSqrt(t0 = 100): Schedule {
  positiveOption('inverseSqrt', 't0', t0);
  return { name: `inverseSqrt(${t0})`, factor: (t) => 1 / Math.sqrt(1 + t / t0) };
}

/**
 * η_t = η / (1 + t/t₀)^power, a polynomial decay (power 1 is the classic 1/t).
 *
 * @param t0 - steps before the decay sets in (default 100)
 * @param power - the exponent, in (0, 1] (default 1)
 * @example
 * ```ts
 * polynomialDecay(100, 0.6).factor(100); // ≈ 0.65975 (= 2^−0.6)
 * ```
 */
export function polynomialDecay(t0 = 100, power = 1): Schedule {
  positiveOption('polynomialDecay', 't0', t0);
  if (typeof power !== 'number' || !(power > 0 && power <= 1)) invalidOption('polynomialDecay', 'power', 'in (0, 1]', power);
  return { name: `polynomialDecay(${t0}, ${power})`, factor: (t) => Math.pow(1 + t / t0, -power) };
}

/**
 * Piecewise-constant decay: η_t = η · gamma^⌊t/every⌋.
 *
 * @param every - steps between drops
 * @param gamma - multiplier per drop, in (0, 1) (default 0.5)
 * @example
 * ```ts
 * stepDecay(500, 0.5).factor(1000); // → 0.25
 * ```
 */
export function stepDecay(every: number, gamma = 0.5): Schedule {
  positiveOption('stepDecay', 'every', every);
  if (typeof gamma !== 'number' || !(gamma > 0 && gamma <= 1)) invalidOption('stepDecay', 'gamma', 'in (0, 1]', gamma);
  return { name: `stepDecay(${every}, ${gamma})`, factor: (t) => Math.pow(gamma, Math.floor(t / every)) };
}
