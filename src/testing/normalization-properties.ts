/**
 * Whole-support identities: the density integrates (the pmf sums) to one, and a
 * discrete cdf is the running sum of its pmf.
 *
 * @module
 */
import * as fc from 'fast-check';
import { integrate } from '../math/quadrature';
import type { Family, TestableDistribution } from './family';
import { requireKind, subjectOf, type IdentityProperty, type PropertyOptions } from './identity-property';
import { EPSILON } from './tolerance';
import { IdentityViolation } from './violation';

/**
 * Options of {@link densityIntegratesToOne}.
 *
 * @example
 * ```ts
 * const options: NormalizationOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface NormalizationOptions extends PropertyOptions {
  /**
   * Allowed |total − 1| (strictly less). Default 5e-10 for a density (the quadrature's
   * reach), 1e-14 + 4ε for a pmf (a compensated sum of terms each good to 1e-14
   * relative, with at most 2⁻⁵³ of the mass beyond the range summed).
   */
  readonly tolerance?: number;
  /** Relative error target of the quadrature (default 1e-11, well inside `tolerance`). */
  readonly relTol?: number;
}

/**
 * ∫ pdf = 1 (continuous) or Σ pmf = 1 (discrete), over `moderate` parameters.
 * Continuous: adaptive Gauss–Kronrod (the library's `integrate`) after mapping the
 * support to ℝ: x itself on ℝ, x = a + e^y on [a, ∞) (x = b − e^y on (−∞, b]),
 * x = a + (b − a)·sigmoid(y) on [a, b], so endpoint singularities become
 * exponentially decaying tails. Discrete: the pmf summed (Neumaier-compensated) from
 * quantile(0) to quantile(1 − 2⁻⁵³) (the mass left out is below 1.2e-16), at most
 * 10⁷ terms.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { densityIntegratesToOne, gammaFamily } from 'varinf/testing';
 * fc.assert(densityIntegratesToOne(gammaFamily), { numRuns: 40, seed: 7 });
 * ```
 */
export function densityIntegratesToOne(family: Family, options: NormalizationOptions = {}): IdentityProperty {
  const tol = options.tolerance ?? (family.kind === 'discrete' ? 1e-14 + 4 * EPSILON : 5e-10);
  const relTol = options.relTol ?? 1e-11;
  return fc.property(options.params ?? family.moderate, (ps) => {
    const d = family.make(...ps);
    const total = family.kind === 'discrete' ? sumPmf(d) : integrateDensity(d, relTol);
    if (Math.abs(total - 1) < tol) return;
    const name = family.kind === 'discrete' ? 'Σ pmf = 1' : '∫ pdf = 1';
    throw new IdentityViolation(name, subjectOf(family, ps), 'the whole support', `total ${total}, |total − 1| = ${Math.abs(total - 1)} ≥ ${tol}`);
  });
}

function integrateDensity(d: TestableDistribution, relTol: number): number {
  const { lower: a, upper: b } = d.support;
  const opts = { relTol };
  if (a === -Infinity && b === Infinity) return integrate((x) => d.pdf(x), -Infinity, Infinity, opts).value;
  if (b === Infinity) return integrate((y) => Math.exp(d.logPdf(a + Math.exp(y)) + y), -Infinity, Infinity, opts).value;
  if (a === -Infinity) return integrate((y) => Math.exp(d.logPdf(b - Math.exp(y)) + y), -Infinity, Infinity, opts).value;
  // x = a + (b − a)·s(y), dx = (b − a)·s(y)·s(−y) dy with s the logistic sigmoid.
  const w = b - a;
  return integrate((y) => {
    const logS = -Math.log1p(Math.exp(-y));
    const logSm = -Math.log1p(Math.exp(y));
    return Math.exp(d.logPdf(a + w * Math.exp(logS)) + Math.log(w) + logS + logSm);
  }, -Infinity, Infinity, opts).value;
}

const MAX_TERMS = 1e7;

/** The support points of a discrete d that carry all but 2⁻⁵³ of the mass. */
function discreteRange(d: TestableDistribution): [number, number] {
  const lo = d.quantile(0) === -Infinity ? d.quantile(2 ** -53) : d.quantile(0);
  const hi = d.quantile(1 - 2 ** -53);
  if (!(hi - lo < MAX_TERMS)) throw new RangeError(`discrete range [${lo}, ${hi}] has more than ${MAX_TERMS} points`);
  return [lo, hi];
}

/** Σ pmf over {@link discreteRange} with Neumaier's compensation (error ≈ 2ε·Σ, whatever the count). */
function sumPmf(d: TestableDistribution): number {
  const [lo, hi] = discreteRange(d);
  let s = 0;
  let c = 0;
  for (let k = lo; k <= hi; k++) {
    const t = d.pdf(k);
    const u = s + t;
    c += Math.abs(s) >= Math.abs(t) ? s - u + t : t - u + s;
    s = u;
  }
  return s + c;
}

/**
 * Options of {@link cdfIsCumulativePmf}.
 *
 * @example
 * ```ts
 * const options: CumulativeOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface CumulativeOptions extends PropertyOptions {
  /** Relative tolerance per point, before the summation's (k + 1)·ε (default 1e-12, the reference rule's rtol). */
  readonly rtol?: number;
}

/**
 * cdf(k) = Σ_{j ≤ k} pmf(j) at every support point k up to quantile(1 − 2⁻⁵³)
 * (discrete families), over `moderate` parameters: |cdf(k) − S_k| ≤ 1e-300 + (rtol + m·ε)·S_k
 * with m the number of terms summed (the rounding bound of a running sum). And the
 * step shape, exactly: cdf(k + ½) = cdf(k), survival(k + ½) = survival(k) and
 * pmf(k + ½) = 0 (no mass between support points).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cdfIsCumulativePmf, poissonFamily } from 'varinf/testing';
 * fc.assert(cdfIsCumulativePmf(poissonFamily), { numRuns: 50, seed: 1 }); // poissonFamily.kind is 'discrete'
 * ```
 */
export function cdfIsCumulativePmf(family: Family, options: CumulativeOptions = {}): IdentityProperty {
  requireKind(family, 'discrete', 'cdfIsCumulativePmf');
  const rtol = options.rtol ?? 1e-12;
  return fc.property(options.params ?? family.moderate, (ps) => {
    const d = family.make(...ps);
    const [lo, hi] = discreteRange(d);
    let s = 0;
    for (let k = lo; k <= hi; k++) {
      s += d.pdf(k);
      const F = d.cdf(k);
      // Plus the reference rule's absolute 1e-300, below which subnormal spacing is coarser than the relative bound.
      const allowed = 1e-300 + (rtol + (k - lo + 1) * EPSILON) * s;
      if (!(Math.abs(F - s) <= allowed)) {
        throw new IdentityViolation('cdf = cumulative pmf', subjectOf(family, ps), `k = ${k}`, `cdf ${F}, Σ pmf ${s}, |difference| ${Math.abs(F - s)} > ${allowed}`);
      }
      const mid = k + 0.5;
      if (!(Object.is(d.cdf(mid), F) && Object.is(d.survival(mid), d.survival(k)) && d.pdf(mid) === 0)) {
        const detail = `cdf ${d.cdf(mid)} (cdf(k) ${F}), survival ${d.survival(mid)} (survival(k) ${d.survival(k)}), pmf ${d.pdf(mid)}`;
        throw new IdentityViolation('cdf constant on [k, k + 1) and no mass between support points', subjectOf(family, ps), `k + ½ = ${mid}`, detail);
      }
    }
  });
}
