/**
 * Starting values for the quantiles of the Poisson and binomial distributions far in their
 * tails: the point where the signed root of the deviance equals the normal quantile.
 *
 * Why: the Cornish–Fisher start μ + σz + … is a power series in z/σ and fails where
 * |z| is not small against σ (Binomial(1e6, 1e-3) at u = 1e-300: z = −37, σ = 32, start 57
 * for the answer 93, and the integer search then needs 12 evaluations of the cdf). The
 * signed root of the deviance r(x) = sign(x − μ)·√(2D(x)) is the variable in which the
 * saddle-point (Lugannani–Rice) approximation of the cdf is Φ(r) to first order, uniformly
 * in the tail: solving r(x) = z puts the start within ±0.75 of the answer at λ = 0.1 … 1e8
 * and u = 1e-300 … 1 − 1e-12 (measured), so the search needs 2–3 evaluations.
 *
 * @module
 */
import { bd0 } from '../math/saddle-point';

/**
 * Newton's method for r(x) = z on (lo, hi), with r increasing, r(x) = sign(x − m)·√(2D(x))
 * and r′(x) = D′(x)/r(x) (1/σ at the mean); a step leaving the interval is replaced by
 * halving the distance to its end. Where |z| exceeds r at an end of the support (D(0) = λ
 * for the Poisson), that end. Stops at relative change 1e-10 or after 50 steps.
 */
function solveSignedRoot(deviance: (x: number) => number, slope: (x: number) => number, m: number, sigma: number, z: number, x0: number, lo: number, hi: number): number {
  // r is bounded at the ends of a bounded support: no root beyond them (the answer is the end).
  if (z < 0 && 0.5 * z * z >= deviance(lo)) return lo;
  if (hi < Infinity && z > 0 && 0.5 * z * z >= deviance(hi)) return hi;
  let x = x0;
  if (!(x > lo)) x = lo + 0.5 * (m - lo);
  if (!(x < hi)) x = hi - 0.5 * (hi - m);
  for (let i = 0; i < 50; i++) {
    const d = deviance(x);
    const r = (x < m ? -1 : 1) * Math.sqrt(2 * d);
    const dr = r === 0 ? 1 / sigma : slope(x) / r;
    let next = x - (r - z) / dr;
    if (!(next > lo)) next = 0.5 * (x + lo);
    else if (!(next < hi)) next = 0.5 * (x + hi);
    if (Math.abs(next - x) <= 1e-10 * Math.abs(x)) return next;
    x = next;
  }
  return x;
}

/**
 * The x > 0 with sign(x − λ)·√(2D(x)) = z, D(x) = x log(x/λ) − x + λ (Loader's bd0(x, λ)),
 * a start for the Poisson(λ) quantile at the normal quantile z: within ±0.75 of the answer
 * for λ ≥ 0.1 (module notes).
 *
 * @param rate - λ > 0
 * @param z - the standard normal quantile of the target probability
 * @returns the real root x (round it for an integer start)
 * @example
 * ```ts
 * poissonDevianceQuantile(1000, -37.047096299361); // ≈ 92.94 (the 1e-300 quantile is 93)
 * ```
 */
export function poissonDevianceQuantile(rate: number, z: number): number {
  const sigma = Math.sqrt(rate);
  const x0 = rate + sigma * z + (z * z - 1) / 6;
  return solveSignedRoot((x) => bd0(x, rate), (x) => Math.log(x / rate), rate, sigma, z, x0, 0, Infinity);
}

/**
 * The x in (0, n) with sign(x − np)·√(2D(x)) = z, D(x) = bd0(x, np) + bd0(n − x, nq) (the
 * binomial deviance), a start for the Binomial(n, p) quantile at the normal quantile z.
 *
 * @param n - number of trials
 * @param p - success probability, 0 < p < 1
 * @param q - 1 − p
 * @param z - the standard normal quantile of the target probability
 * @returns the real root x (round it for an integer start)
 * @example
 * ```ts
 * binomialDevianceQuantile(1e6, 1e-3, 0.999, -37.047096299361); // ≈ 93 (the 1e-300 quantile)
 * ```
 */
export function binomialDevianceQuantile(n: number, p: number, q: number, z: number): number {
  const np = n * p;
  const nq = n * q;
  const sigma = Math.sqrt(np * q);
  const x0 = np + sigma * z + (q - p) * ((z * z - 1) / 6);
  return solveSignedRoot(
    (x) => bd0(x, np) + bd0(n - x, nq),
    (x) => Math.log(x / np) - Math.log((n - x) / nq),
    np,
    sigma,
    z,
    x0,
    0,
    n,
  );
}
