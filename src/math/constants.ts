/**
 * Numerical constants shared by the special-function layer.
 *
 * All values are the doubles nearest to the exact mathematical constants
 * (checked with mpmath at 50 digits).
 *
 * @module
 */

/** ln 2. */
export const LN_2 = 0.6931471805599453;
/** ln π. */
export const LN_PI = 1.1447298858494002;
/** ln √(2π) = ½·ln(2π). */
export const LN_SQRT_2PI = 0.9189385332046728;
/** √2. */
export const SQRT_2 = 1.4142135623730951;
/** Euler–Mascheroni constant γ. */
export const EULER_GAMMA = 0.5772156649015329;
/** ln of the smallest normal double, ln(2^-1022). */
export const LOG_DBL_MIN = -708.3964185322641;
/** √(π/2). @internal */
export const SQRT_HALF_PI = 1.2533141373155003;
/** 1/√2. @internal */
export const SQRT1_2 = 0.7071067811865476;
