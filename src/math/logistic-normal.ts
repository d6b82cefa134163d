/**
 * Moments of the logistic function of a normal variable, σ(U) with U ~ N(μ, s²) and
 * σ(u) = 1/(1 + e^{−u}): its mean, its variance and E[log σ(U) + log σ(−U)] (the entropy
 * term of the logit-normal distribution), with no closed form.
 *
 * Why not adaptive quadrature: the integrands are analytic in the strip |Im u| < π, i.e.
 * |Im z| < π/s in the standard normal variable z, so a fixed rule with a known error is
 * enough, and adaptive Gauss–Kronrod over the real line with the map x = t/(1 − t²)
 * spent 1000–2000 evaluations (30–300 µs per moment). Two regimes:
 * - s < ½ (the variance: s < 1): the trapezoid rule in z with step h = min(0.6, 0.35/s)
 *   over |z| ≤ 9 + 2s (31–63 nodes). Its error is the aliasing e^{−2π²/h²} of the
 *   Gaussian and e^{−2π·(π/s)/h} of the integrand's strip (both ≤ 1e-23 in principle; the
 *   steps are half what those bounds allow, measured), and the truncation φ(9) ≈ 1e-18
 *   (the squared deviations grow like e^{2sz}, hence the 2s). The mean and the variance
 *   are taken on the deviations
 *   d(z) = σ(ν + sz) − σ(ν) = σ(ν + sz)·σ(−ν)·(1 − e^{−sz}) (ν = −|μ|, so σ(ν) ≤ ½), which
 *   keep their digits where ν + sz rounds to ν (tiny s) and where σ ≈ 1.
 * - s ≥ ½: alternating series in closed-form terms, summed by the Cohen–Villegas–Zagier
 *   acceleration. From σ(v) = Σ_{k≥1} (−1)^{k+1} e^{kv} (v < 0) and its mirror,
 *   E σ(U) = Φ(μ/s) − Σ_{k≥1} (−1)^{k+1} [M_k(μ) − M_k(−μ)] with
 *   M_k(c) = ∫₀^∞ e^{−kt} φ_s(t − c) dt = e^{k²s²/2 − kc} Φ(c/s − ks) (bounded by 1, formed
 *   with erfcx); E σ(V)² and E log(1 + e^{−|U|}) likewise (below). Each sequence is a moment
 *   sequence ∫₀¹ x^k dw(x) of a measure of bounded variation (x = e^{−t}), for which the
 *   CVZ weights reach 2·(3 + √8)^{−n} of its variation with n terms (n = 24: 1.4e-18).
 *   That is relative to the terms' size: where E σ(V)² ≪ E σ(V) (the mean far below 0)
 *   the variance is taken after exponential tilting instead ({@link logisticNormalVariance}).
 *
 * Accuracy: against a fine trapezoid reference (step 0.02/s, |z| ≤ 12) and identities
 * (test/math/logistic-normal.test.ts).
 *
 * @module
 */
import { LN_SQRT_2PI } from './constants';
import { erfcx, erf } from './error-functions';
import { normalCdf } from './normal-functions';

/** Below this s the trapezoid rule, above it the accelerated series. */
const SERIES_MIN_SCALE = 0.5;
/**
 * The variance's series carries the rounding of a k-weighted sequence (its measure has an
 * atom and a derivative): measured 1.4e-13 at s = ½, 1.7e-14 at s = 1, 2e-15 from s = 2;
 * below s = 1 the trapezoid rule is used for it (≤ 63 nodes).
 */
const VARIANCE_SERIES_MIN_SCALE = 1;
/** Terms of the accelerated series. */
const CVZ_TERMS = 24;

/**
 * Cohen, Villegas & Zagier (2000, "Convergence acceleration of alternating series",
 * Experimental Mathematics 9), Algorithm 1: Σ_{k≥0} (−1)^k a_k ≈ Σ_{k<n} W_k a_k, with
 * d = ((3 + √8)^n + (3 + √8)^{−n})/2, c₀ = −d, b₀ = −1, c_{k+1} = b_k − c_k,
 * b_{k+1} = (k + n)(k − n)b_k/((k + ½)(k + 1)) and W_k = c_{k+1}/d.
 */
const CVZ_WEIGHTS: Float64Array = (() => {
  const n = CVZ_TERMS;
  let d = (3 + Math.sqrt(8)) ** n;
  d = 0.5 * (d + 1 / d);
  let b = -1;
  let c = -d;
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    c = b - c;
    w[k] = c / d;
    b = ((k + n) * (k - n) * b) / ((k + 0.5) * (k + 1));
  }
  return w;
})();

/**
 * M_k(c) = ∫₀^∞ e^{−kt} φ((t − c)/s)/s dt = e^{b²/2 − ab} Φ(a − b), a = c/s, b = ks; for
 * b ≥ a as ½e^{−a²/2}·erfcx((b − a)/√2) (no overflow of e^{b²/2}), else directly (the
 * exponent b(b/2 − a) is then negative). 0 < M ≤ 1.
 */
function halfLaplace(k: number, c: number, s: number): number {
  const a = c / s;
  const b = k * s;
  if (b >= a) return 0.5 * Math.exp(-0.5 * a * a) * erfcx((b - a) * Math.SQRT1_2);
  // e^{b²/2}·e^{−kc}: the exponent b²/2 − kc rounded as one sum would carry |kc|·ε into the
  // result (1.4e-14 at c = 100), while e^{−c} of the exact c is good to an ulp.
  const half = 0.5 * b * b;
  if (half < 700) return Math.exp(half) * Math.exp(-k * c) * normalCdf(a - b);
  return Math.exp(b * (0.5 * b - a)) * normalCdf(a - b);
}

/**
 * True when the rest of a series from term k on cannot reach 1e-18 of `total`: the terms
 * M_k are decreasing in k and the weights are at most 1, so the rest is at most
 * (n − k)·`term` (often the terms underflow within a few k: E σ(N(−100, 1)) needs 8).
 */
function negligible(k: number, term: number, total: number): boolean {
  return (CVZ_TERMS - k) * term <= 1e-18 * Math.abs(total);
}

/** φ(z). */
function phi(z: number): number {
  return Math.exp(-0.5 * z * z - LN_SQRT_2PI);
}

/**
 * The trapezoid step for scale s: 0.6 (the Gaussian's aliasing; 0.7 left 5e-13 in the
 * variance at s = ½) or 0.35/s (the integrand's strip |Im z| < π/s; 0.5/s left 1e-12 at
 * s = 0.99), whichever is smaller.
 */
function stepFor(s: number): number {
  return Math.min(0.6, 0.35 / s);
}

/**
 * The nodes reach |z| ≤ 9 + 2s: φ(9) = 1e-18, and the squared deviations grow like e^{2sz},
 * which moves the integrand's peak to z ≈ 2s (a range of 9 left 5e-12 at s = 0.99).
 */
function nodeCount(s: number, h: number): number {
  return Math.ceil((9 + 2 * s) / h);
}

/**
 * E[σ(ν + sZ)] − σ(ν) and E[(σ(ν + sZ) − σ(ν))²]-centred: [mean of d, variance of d] by the
 * trapezoid rule, d(z) = σ(ν + sz)·σ(−ν)·(−expm1(−sz)).
 */
function trapezoidDeviations(nu: number, s: number): [number, number] {
  const h = stepFor(s);
  const n = nodeCount(s, h);
  const sNeg = logistic(-nu);
  // Two passes over the nodes: the mean of d, then the centred second moment.
  let m = 0;
  for (let j = -n; j <= n; j++) {
    const z = j * h;
    m += phi(z) * logistic(nu + s * z) * sNeg * -Math.expm1(-s * z);
  }
  m *= h;
  let v = 0;
  for (let j = -n; j <= n; j++) {
    const z = j * h;
    const d = logistic(nu + s * z) * sNeg * -Math.expm1(-s * z) - m;
    v += phi(z) * d * d;
  }
  return [m, v * h];
}

/** σ(u) = 1/(1 + e^{−u}) with full relative precision for either sign of u. */
function logistic(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}

/**
 * E σ(U) for U ~ N(μ, s²), σ the logistic function, to full relative accuracy (also where
 * it is near 0: E σ(N(−700, 1)) = e^{−699.5}·…; for its complement near 1 use
 * 1 − E σ(U) = E σ(−U), i.e. `logisticNormalMean(−μ, s)`). See the module notes.
 *
 * @param mu - mean μ of U, finite
 * @param s - standard deviation s > 0 of U
 * @returns E[1/(1 + e^{−U})]
 * @example
 * ```ts
 * logisticNormalMean(0, 1);   // → 0.5
 * logisticNormalMean(1, 0.5); // → 0.7205808152432992
 * ```
 */
export function logisticNormalMean(mu: number, s: number): number {
  if (s < SERIES_MIN_SCALE) {
    // Deviations from ν = −|μ|, where σ(ν) ≤ ½; the mean for μ > 0 is the complement.
    const nu = -Math.abs(mu);
    const low = logistic(nu) + trapezoidDeviations(nu, s)[0];
    return mu <= 0 ? low : 1 - low;
  }
  // Φ(μ/s) − Σ (−1)^{k+1}[M_k(μ) − M_k(−μ)]; the terms have the sign of μ, so for μ ≤ 0
  // both parts are ≥ 0, and for μ > 0 the small complement is formed the same way.
  const nu = -Math.abs(mu);
  let sum = 0;
  const p = normalCdf(nu / s);
  for (let k = 0; k < CVZ_TERMS; k++) {
    const big = halfLaplace(k + 1, -nu, s);
    sum += CVZ_WEIGHTS[k] * (big - halfLaplace(k + 1, nu, s));
    if (negligible(k, big, p + sum)) break;
  }
  const low = p + sum;
  return mu <= 0 ? low : 1 - low;
}

/**
 * Var σ(U) for U ~ N(μ, s²), σ the logistic function, to full relative accuracy (also for
 * tiny s, where it is s²σ′(μ)²(1 + O(s²)), and for |μ| large, where it is ≈ e^{−2|μ|}).
 * Below s = 1 the trapezoid rule on the centred deviations; above,
 * E σ(V)² − (E σ(V))² for V ~ N(ν, s²), ν = −|μ| (Var σ(U) = Var σ(−U)), with
 * E σ(V)² = Φ(ν/s) − Σ_{k≥1} (−1)^{k+1}[(k + 1)M_k(ν) + (k − 1)M_k(−ν)]
 * (from σ(v)² = Σ_{k≥2} (−1)^k (k − 1)e^{kv} for v < 0 and 1 − Σ_{k≥1} (−1)^{k+1}(k + 1)e^{−kv}
 * for v > 0; the subtraction loses at most a factor 1/(1 − e^{−s²}) ≤ 1.6); where
 * ν + 1.5s² < −5, after exponential tilting: Var = e^{2ν + s²}[e^{s²}·E σ(−W₂)² − (E σ(−W₁))²]
 * with W_j ~ N(ν + js², s²).
 *
 * @param mu - mean μ of U, finite
 * @param s - standard deviation s > 0 of U
 * @returns Var[1/(1 + e^{−U})]
 * @example
 * ```ts
 * logisticNormalVariance(0, 1e-3); // → 6.249996875002212e-8 (≈ s²σ′(0)² = 1e-6/16)
 * ```
 */
export function logisticNormalVariance(mu: number, s: number): number {
  const nu = -Math.abs(mu);
  if (s < VARIANCE_SERIES_MIN_SCALE) return trapezoidDeviations(nu, s)[1];
  const s2 = s * s;
  if (nu + 1.5 * s2 < -5) {
    // Far below 0 the series' terms are of the size of E σ(V) ≫ E σ(V)², and their
    // rounding with them: exponential tilting instead, e^{jv}φ_s(v − ν) = e^{jν + j²s²/2}φ_s(v − ν − js²),
    // so E σ(V)^j = e^{jν + j²s²/2}·E σ(−W_j)^j, W_j ~ N(ν + js², s²), and
    // Var = e^{2ν + s²}[e^{s²}·E σ(−W₂)² − (E σ(−W₁))²], the bracket ≥ e − 1 − … without cancellation.
    const m1 = logisticNormalMean(-(nu + s2), s);
    // E σ(−W₂)²: with W₂'s mean ≤ 0 as 1 − 2E σ(W₂) + E σ(W₂)², else directly (−W₂'s mean < 0).
    const nu2 = nu + 2 * s2;
    const [m2, sq2] = seriesMoments(nu2 <= 0 ? nu2 : -nu2, s);
    const e2 = nu2 <= 0 ? 1 - 2 * m2 + sq2 : sq2;
    // e^{2ν + 2s²}(E σ(−W₂)² − e^{−s²}(E σ(−W₁))²), in that form so that e^{s²} cannot overflow.
    return Math.exp(2 * nu + 2 * s2) * (e2 - Math.exp(-s2) * m1 * m1);
  }
  const [m, sq] = seriesMoments(nu, s);
  return sq - m * m;
}

/**
 * For ν ≤ 0 and s ≥ ½: [E σ(V), E σ(V)²], V ~ N(ν, s²), by the accelerated series
 * E σ(V) = Φ(ν/s) + Σ_{k≥1} (−1)^{k+1}[M_k(−ν) − M_k(ν)] and
 * E σ(V)² = Φ(ν/s) − Σ_{k≥1} (−1)^{k+1}[(k + 1)M_k(ν) + (k − 1)M_k(−ν)].
 */
function seriesMoments(nu: number, s: number): [number, number] {
  let sum = 0;
  let mean = 0;
  const p = normalCdf(nu / s);
  for (let k = 0; k < CVZ_TERMS; k++) {
    const a = halfLaplace(k + 1, nu, s);
    const b = halfLaplace(k + 1, -nu, s);
    sum += CVZ_WEIGHTS[k] * ((k + 2) * a + k * b);
    mean += CVZ_WEIGHTS[k] * (b - a);
    // E σ(V)² ≥ (E σ(V))²: its terms are negligible once they are against the square of the mean's.
    if (negligible(k, (k + 2) * (a + b), Math.min(p + mean, (p + mean) * (p + mean)))) break;
  }
  return [p + mean, p - sum];
}

/**
 * E[log σ(U) + log σ(−U)] = −E[|U| + 2 log(1 + e^{−|U|})] for U ~ N(μ, s²): the mean
 * log-Jacobian of x = σ(u), the entropy term of the logit-normal distribution. Below
 * s = ½ the trapezoid rule on g(u) = −|u| − 2 log1p(e^{−|u|}) = −2 log(2 cosh(u/2)) (analytic:
 * the kink of |u| cancels); above, −E|U| − 2Σ_{k≥1} (−1)^{k+1}[M_k(μ) + M_k(−μ)]/k with
 * E|U| = s(2φ(a) + a·erf(a/√2)), a = |μ|/s (the folded normal's mean).
 *
 * @param mu - mean μ of U, finite
 * @param s - standard deviation s > 0 of U
 * @returns E[log σ(U) + log σ(−U)]
 * @example
 * ```ts
 * logisticNormalLogJacobian(0, 1e-9); // → -1.386294361119891 (log(1/4) to an ulp; s is negligible)
 * ```
 */
export function logisticNormalLogJacobian(mu: number, s: number): number {
  if (s < SERIES_MIN_SCALE) {
    const h = stepFor(s);
    const n = nodeCount(s, h);
    let sum = 0;
    for (let j = -n; j <= n; j++) {
      const z = j * h;
      const a = Math.abs(mu + s * z);
      sum += phi(z) * (-a - 2 * Math.log1p(Math.exp(-a)));
    }
    return sum * h;
  }
  const a = Math.abs(mu) / s;
  const absMean = s * (2 * phi(a) + a * erf(a * Math.SQRT1_2));
  let sum = 0;
  for (let k = 0; k < CVZ_TERMS; k++) {
    const t = (halfLaplace(k + 1, mu, s) + halfLaplace(k + 1, -mu, s)) / (k + 1);
    sum += CVZ_WEIGHTS[k] * t;
    if (negligible(k, t, absMean + 2 * sum)) break;
  }
  return -absMean - 2 * sum;
}
