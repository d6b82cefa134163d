/**
 * The inverse of the regularized incomplete beta function (the Beta quantile), by
 * Halley's method on the log of the smaller tail as a function of the logit of x.
 *
 * Why the logit: t = log(x/y) carries both x and y = 1 − x to full relative accuracy
 * (x = 1/(1 + e^{−t}), y = 1/(1 + e^{t})), so one iteration serves both ends of (0, 1)
 * and no preliminary evaluation is needed to decide on which half the answer lies (the
 * previous solver, Newton on log x or log y, spent one incomplete beta on that and
 * 5–30 more on the iteration: 20–2000 µs at shapes ≥ 1e4). Why Halley: with
 * g = log(x^a y^b/B(a, b)) (the log of x·y times the density) and F the tail,
 * d log F/dt = ±e^{g}/F and d² log F/dt² = (d log F/dt)·(dg/dt − d log F/dt) with
 * dg/dt = a·y − b·x, so the second derivative costs nothing and the convergence is
 * cubic: from the starting values below, 2–4 evaluations of the incomplete beta.
 *
 * @module
 */

import { lbeta, logABeta } from './beta-functions';
import { log1mexp } from './elementary';
import { lgamma } from './gamma-functions';
import { logBetaIPair, logBetaPowerTerm } from './incomplete-beta';
import { normalQuantileFromLog } from './normal-functions';

const EPS = 2.220446049250313e-16;
/** The smallest normal double, 2⁻¹⁰²². */
const MIN_NORMAL = 2.2250738585072014e-308;

/** Result of {@link betaIInvPair}: the solution as the pair x, y = 1 − x and log of the smaller one. */
export interface BetaIInvResult {
  /** x with I_x(a, b) = p. */
  x: number;
  /** y = 1 − x, accurate even when x rounds to 1. */
  y: number;
  /** log x if x ≤ ½, else log y (full relative accuracy even below the double range). */
  logSmall: number;
  /** True when `logSmall` is log x. */
  smallIsX: boolean;
}

/** The shapes' constants the iteration needs, computed once per inversion. */
interface Shapes {
  a: number;
  b: number;
  /** log B(a, b). */
  logB: number;
  /** log(a·B(a, b)) ({@link logABeta}, accurate for tiny a). */
  logAB: number;
  /** log(b·B(a, b)). */
  logBA: number;
}

/**
 * log of the chosen tail at logit t, with log x and log y (x = e^{log x}): the incomplete
 * beta where x and y are doubles, and where one of them is below the double range
 * (x < 5e-324, reachable for tiny shapes) its leading term x^a/(a B(a, b)), exact there
 * (the next term is O(b·x)), and the other tail as its complement.
 */
function logTailAt(s: Shapes, logX: number, logY: number, upper: boolean): number {
  const x = Math.exp(logX);
  const y = Math.exp(logY);
  // Below the normal range a coordinate keeps fewer bits; where the next term (≈ b·x) is
  // negligible the leading term from the exact log is used, so the tail stays smooth in t.
  if (x < MIN_NORMAL && s.b * x < 1e-17) {
    const lower = s.a * logX - s.logAB;
    return upper ? log1mexp(lower) : lower;
  }
  if (y < MIN_NORMAL && s.a * y < 1e-17) {
    const up = s.b * logY - s.logBA;
    return upper ? up : log1mexp(up);
  }
  return logBetaIPair(s.a, s.b, x, y, upper, s.logB, s.logAB, s.logBA);
}

/** log x and log y = log(1 − x) of x = 1/(1 + e^{−t}): −log1p(e^{−t}) and −log1p(e^{t}), stable for every t. */
function logsOfLogit(t: number): [number, number] {
  if (t <= 0) {
    const e = Math.exp(t);
    return [t - Math.log1p(e), -Math.log1p(e)];
  }
  const e = Math.exp(-t);
  return [-Math.log1p(e), -t - Math.log1p(e)];
}

/**
 * Starting logit for the smaller tail's target log F (`upper`: F = 1 − I, else F = I).
 * - Where a tail expansion, I ≈ x^a/(a B(a, b)) or 1 − I ≈ y^b/(b B(a, b)), has a first
 *   correction below 1e-3 at its own solution (the far tails, and every quantile of a
 *   distribution with a shape ≤ 1 whose mass sits at one end), that expansion's solution.
 * - One shape ≥ 30 and ≥ 10× the other, in the far tail away from the end where the
 *   mass sits: the gamma tail of {@link gammaTailStart} (TOMS 708's BGRAT variable).
 * - Otherwise, for a, b > 1, Carter's (1947) approximation used by AS 109 (Cran, Martin &
 *   Thomas 1977): with z the upper normal quantile of F, r = (z² − 3)/6, s = 1/(2a − 1),
 *   u = 1/(2b − 1), h = 2/(s + u), w = z√(h + r)/h − (u − s)(r + 5/6 − 2/(3h)), the
 *   solution is x = a/(a + b e^{2w}), i.e. logit x = log(a/b) − 2w (shapes and sign
 *   swapped for the upper tail). Its error falls like 1/(a + b), so at large shapes
 *   Halley starts within 1e-6 of a standard deviation.
 * - Otherwise (a shape ≤ 1) the tail expansion with the smaller correction (AS 109's χ²
 *   branch for this case can put the start on the wrong end at shapes 1e-3).
 */
function startLogit(s: Shapes, logF: number, upper: boolean): number {
  // Work in the coordinate whose lower tail is F: (a, b) as given for F = I, swapped for 1 − I.
  const pa = upper ? s.b : s.a;
  const pb = upper ? s.a : s.b;
  // The two tail expansions I ≈ x^a/(a B)·(1 + a(1 − b)x/(a + 1) + …) and
  // 1 − I ≈ y^b/(b B)·(1 + b(1 − a)y/(b + 1) + …), and the size of each one's first
  // correction at its own solution (∞ where the coordinate comes out ≥ 1: it has failed).
  const logX = (logF + (upper ? s.logBA : s.logAB)) / pa;
  const logY = (Math.log1p(-Math.exp(logF)) + (upper ? s.logAB : s.logBA)) / pb;
  const cx = logX < 0 ? Math.abs((pa * (1 - pb) * Math.exp(logX)) / (pa + 1)) : Infinity;
  // The y expansion solves for 1 − F: its relative error in F itself is (1 − F)/F times more.
  const cyOfComplement = logY < 0 ? Math.abs((pb * (1 - pa) * Math.exp(logY)) / (pb + 1)) : Infinity;
  const cy = cyOfComplement === 0 ? 0 : cyOfComplement * Math.exp(log1mexp(logF) - logF);
  // Prefer the expansion of the smaller coordinate when it is good (the other one would
  // place a coordinate near 1, whose complement it cannot resolve), else the better one.
  const useX = (logX <= logY ? cx : cy) <= 1e-3 ? logX <= logY : cx <= cy;
  const good = (useX ? cx : cy) <= 1e-3;
  let t: number;
  const zTail = pa >= 30 && pb <= 0.1 * pa ? gammaTailStart(pb, logF) : NaN;
  if (zTail > 2 * pb + 5 && !good) {
    // x = e^{−z/ν}, ν = a + (b − 1)/2 (BGRAT's variable).
    const logXg = -zTail / (pa + 0.5 * (pb - 1));
    t = logXg - Math.log(-Math.expm1(logXg));
  } else if (pa > 1 && pb > 1 && !good) {
    const z = -normalQuantileFromLog(logF);
    const r = (z * z - 3) / 6;
    const sa = 1 / (pa + pa - 1);
    const sb = 1 / (pb + pb - 1);
    const h = 2 / (sa + sb);
    const w = (z * Math.sqrt(h + r)) / h - (sb - sa) * (r + 5 / 6 - 2 / (3 * h));
    t = Math.log(pa / pb) - 2 * w;
  } else if (useX) {
    // logit from the log of a coordinate: log x − log(−expm1(log x)), exact near 1 too.
    t = logX < 0 ? logX - Math.log(-Math.expm1(logX)) : 0;
  } else t = Math.log(-Math.expm1(logY)) - logY;
  return upper ? -t : t;
}

/**
 * The z with Q(b, z) = F for a far upper tail (z ≫ b), from Q(b, z) ≈ z^{b−1}e^{−z}(1 + (b − 1)/z)/Γ(b)
 * by three fixed-point steps from z = −log F. With a ≫ b, I_x(a, b) ≈ Q(b, −ν log x)
 * (ν = a + (b − 1)/2, the variable of TOMS 708's BGRAT), so this places the far lower tail
 * of a Beta massed near 1, where Carter's normal approximation is poor.
 */
function gammaTailStart(b: number, logF: number): number {
  const lg = lgamma(b);
  let z = -logF;
  for (let k = 0; k < 3; k++) z = -logF + (b - 1) * Math.log(z) - lg + Math.log1p((b - 1) / z);
  return z;
}

/** The change of t = logit x when a subnormal x moves by one step (5e-324); 0 for 0 and normal x. */
function subnormalSpacing(x: number): number {
  return x > 0 && x < MIN_NORMAL ? 5e-324 / x : 0;
}

/**
 * Solves log F(t) = logTarget (< 0) for the logit t, where F is the lower tail I
 * (`upper` false, increasing in t) or the upper tail 1 − I (decreasing), keeping a
 * bracket of signs. Each step, with f = log F − logTarget:
 * - |f| ≤ 1: Halley's step on f;
 * - |f| > 1 (the tail at t differs from the target by more than a factor e): Newton's
 *   step on log(−log F) − log(−logTarget), which is nearly linear in t where log F is
 *   (log F ≈ −A·e^{∓t} where a tail is a power of x or y at huge shapes, and
 *   −z²/2 − … in a normal tail), where Newton on f itself would creep or overshoot;
 * - where log F is flat (F > 1 − 1e-10: beyond the median on the far side, where its
 *   slope says nothing about the distance to the root), steps of the density's width
 *   σ_t = 1/√((a + b)xy) toward the root, doubling while it stays flat (a distribution
 *   narrower than t's resolution, e.g. Beta(4e34, 1e211), is then solved in two or three
 *   steps of one ulp);
 * - a step leaving the bracket is replaced by bisection.
 * Stops when a step is below 2ε·max(1, |t|), or after a Halley step from |f| < 1e-6
 * (its error, ≈ |f|³, is below the evaluation's rounding).
 */
function solveLogit(s: Shapes, logTarget: number, upper: boolean, t0: number): number {
  const sign = upper ? -1 : 1;
  // Beyond |t| = 800 the pair's small member is below the double range; the bracket may
  // extend past twice the start (tiny shapes put the answer at e^{−10⁴} and below).
  let lo = Math.min(-800, 2 * t0 - 10);
  let hi = Math.max(800, 2 * t0 + 10);
  let t = Math.min(Math.max(t0, lo), hi);
  let flat = 0;
  for (let it = 0; it < 100; it++) {
    const [logX, logY] = logsOfLogit(t);
    const lf = logTailAt(s, logX, logY, upper);
    const f = lf - logTarget;
    if (f === 0) return t;
    if (sign * f < 0) lo = t;
    else hi = t;
    const x = Math.exp(logX);
    const y = Math.exp(logY);
    // t's resolution: 2ε relative, or the spacing of subnormals where x or y is one.
    const tol = 2 * EPS * Math.max(1, Math.abs(t)) + subnormalSpacing(x) + subnormalSpacing(y);
    // g = log(x^a y^b/B): where x or y is below the normal range, from the logs directly.
    const g = x < MIN_NORMAL || y < MIN_NORMAL ? s.a * logX + s.b * logY - s.logB : logBetaPowerTerm(s.a, s.b, x, y, s.logB);
    // f′ = ±e^{g − log F}; beyond |log F| ~ 1e12 that difference has lost its digits, and
    // there (far in a tail, F ≈ e^g/|g′|) f′ ≈ g′ = a·y − b·x to relative O(1/g′).
    const d1 = Math.abs(lf) < 1e12 ? sign * Math.exp(g - lf) : s.a * y - s.b * x;
    let step: number;
    let halley = false;
    if (!(d1 !== 0 && Math.abs(d1) < Infinity) || lf > -1e-10) {
      flat = flat === 0 ? Math.max(tol, 1 / Math.sqrt(s.a * x * y + s.b * x * y)) : 2 * flat;
      step = sign * f > 0 ? flat : -flat;
    } else {
      flat = 0;
      if (Math.abs(f) > 1) {
        // Newton on log(−log F): derivative f′/log F.
        step = ((Math.log(-lf) - Math.log(-logTarget)) * lf) / d1;
      } else {
        step = f / d1;
        // Halley: divide by 1 − ½·step·f″/f′ with f″/f′ = dg/dt − f′ (a modest correction only).
        const corr = 1 - 0.5 * step * (s.a * y - s.b * x - d1);
        halley = corr > 0.5 && corr < 2;
        if (halley) step /= corr;
      }
    }
    // A Newton or Halley step below the tolerance ends it (t itself may be the new bracket end).
    if (flat === 0 && Math.abs(step) <= tol) return t - step;
    const next = t - step;
    if (next > lo && next < hi) {
      if (halley && Math.abs(f) < 1e-6) return next;
      t = next;
    } else {
      // Outside the bracket: bisect (the bracket's ends are finite from the start).
      t = 0.5 * (lo + hi);
      if (hi - lo <= tol) return t;
    }
  }
  return t;
}

/**
 * True when the distribution of t = logit x is narrower than t's resolution: its width at
 * the mean, 1/√(ab/(a + b)), times 40 (every quantile from 1e-300 to 1 − 1e-300) is below
 * 2ε·|log(a/b)| (both shapes ≳ 1e34, e.g. Beta(4e34, 1e211)). Every quantile is then
 * within an ulp or two of the mean's logit, which Halley cannot approach (the tail's log
 * jumps from −1e58 to 0 across one ulp).
 */
function narrowerThanResolution(a: number, b: number): boolean {
  if (!(a > 1e30 && b > 1e30)) return false;
  const tm = Math.log(a) - Math.log(b);
  // ab/(a + b) = min·max/(min + max) ≥ min/2, formed without overflow.
  const width = 1 / Math.sqrt(Math.min(a, b) / (1 + Math.min(a, b) / Math.max(a, b)));
  return 40 * width < 2 * EPS * Math.max(1, Math.abs(tm));
}

/**
 * The quantile of a distribution narrower than t's resolution: from the mean's logit
 * log a − log b, ulp by ulp toward the target until the tail crosses it (two or three
 * evaluations); the first t past the crossing.
 */
function walkFromMean(s: Shapes, logTarget: number, upper: boolean): number {
  const sign = upper ? -1 : 1;
  let t = Math.log(s.a) - Math.log(s.b);
  const [lx0, ly0] = logsOfLogit(t);
  const f0 = sign * (logTailAt(s, lx0, ly0, upper) - logTarget);
  if (f0 === 0) return t;
  // f0 > 0: the tail at t is beyond the target, so step toward smaller sign·f (down in t).
  const dir = f0 > 0 ? -1 : 1;
  for (let k = 0; k < 64; k++) {
    const next = t + dir * 2 * EPS * Math.max(1, Math.abs(t));
    const [lx, ly] = logsOfLogit(next);
    const f = sign * (logTailAt(s, lx, ly, upper) - logTarget);
    t = next;
    if (f === 0 || f > 0 !== f0 > 0) break;
  }
  return t;
}

/**
 * Inverse of the regularized incomplete beta function given both tails: the x with
 * I_x(a, b) = p and 1 − I_x(a, b) = q, where the caller supplies p and q = 1 − p
 * each to full accuracy (e.g. StudentT passes 2p and 1 − 2p). Returns x, y = 1 − x and
 * log of the smaller of the two, so callers can form ratios like y/x without
 * underflow. Halley's method on log(min(p, q)) in t = logit x (module notes).
 * Accuracy: see {@link betaIInv}.
 *
 * @param a - first shape, a > 0
 * @param b - second shape, b > 0
 * @param p - lower-tail probability
 * @param q - upper-tail probability 1 − p
 * @returns the solution as a pair
 * @example
 * ```ts
 * betaIInvPair(2, 3, 0.5, 0.5).x; // → 0.3857275681323897
 * ```
 */
export function betaIInvPair(a: number, b: number, p: number, q: number): BetaIInvResult {
  if (p <= 0) return { x: 0, y: 1, logSmall: -Infinity, smallIsX: true };
  if (q <= 0) return { x: 1, y: 0, logSmall: -Infinity, smallIsX: false };
  const logB = lbeta(a, b);
  // log(a B) = log a + log B exactly enough for a ≥ 1; below, the form that keeps log(aB) ≈ 0.
  const s: Shapes = {
    a,
    b,
    logB,
    logAB: a >= 1 ? Math.log(a) + logB : logABeta(a, b),
    logBA: b >= 1 ? Math.log(b) + logB : logABeta(b, a),
  };
  const upper = p > 0.5; // target the smaller tail
  const logTarget = Math.log(upper ? q : p);
  let t: number;
  if (narrowerThanResolution(a, b)) t = walkFromMean(s, logTarget, upper);
  else {
    const t0 = startLogit(s, logTarget, upper);
    // A start beyond ±1.8e308 (a subnormal shape: log x = log p/a) is the answer: the tail
    // expansion is exact there and the coordinate is e^{−∞} = 0.
    t = Math.abs(t0) === Infinity ? t0 : solveLogit(s, logTarget, upper, t0 === t0 ? t0 : 0);
  }
  const [logX, logY] = logsOfLogit(t);
  // x and y as 1/(1 + e^{∓t}): each to a few ulp, and x + y = 1 to rounding.
  if (t <= 0) {
    const e = Math.exp(t);
    return { x: e / (1 + e), y: 1 / (1 + e), logSmall: logX, smallIsX: true };
  }
  const e = Math.exp(-t);
  return { x: 1 / (1 + e), y: e / (1 + e), logSmall: logY, smallIsX: false };
}

/** True for shapes that are not finite and positive or a NaN argument. */
function invalid(a: number, b: number, x: number): boolean {
  return !(a > 0 && b > 0 && a < Infinity && b < Infinity) || x !== x;
}

/**
 * Inverse of the regularized incomplete beta function in x: the x ∈ [0, 1] with
 * I_x(a, b) = p (the Beta(a, b) quantile). p = 0 → 0, p = 1 → 1.
 *
 * Halley's method on the log of the smaller tail as a function of logit x, from Carter's
 * normal approximation (a, b > 1) or AS 109's tail expansions (module notes): 2–4
 * evaluations of the incomplete beta. Measured against the mpmath reference (12 cases
 * incl. p = 1e-300, a = b = 1e-3, a = b = 1e5, (1e-3, 1e5)): within 1e-12·max(1, cond).
 *
 * @param a - first shape, a > 0
 * @param b - second shape, b > 0
 * @param p - probability in [0, 1]
 * @returns x with I_x(a, b) = p; NaN for invalid input
 * @example
 * ```ts
 * betaIInv(2, 3, 0.5);     // → 0.3857275681323897
 * betaIInv(2, 3, 1e-300);  // → 4.0824829046386795e-151
 * ```
 */
export function betaIInv(a: number, b: number, p: number): number {
  if (invalid(a, b, p) || p < 0 || p > 1) return NaN;
  return betaIInvPair(a, b, p, 1 - p).x;
}

/**
 * Inverse of the complement: the x ∈ [0, 1] with 1 − I_x(a, b) = q, accurate for tiny q
 * (where 1 − q would lose it). q = 1 → 0, q = 0 → 1.
 * Accuracy as {@link betaIInv}.
 *
 * @param a - first shape, a > 0
 * @param b - second shape, b > 0
 * @param q - upper-tail probability in [0, 1]
 * @returns x with 1 − I_x(a, b) = q; NaN for invalid input
 * @example
 * ```ts
 * betaIcInv(2, 3, 0.5); // → 0.3857275681323897
 * ```
 */
export function betaIcInv(a: number, b: number, q: number): number {
  if (invalid(a, b, q) || q < 0 || q > 1) return NaN;
  return betaIInvPair(a, b, 1 - q, q).x;
}
