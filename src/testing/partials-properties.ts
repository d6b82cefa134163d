/**
 * `logPdfPartials` against Richardson-extrapolated finite differences of `logPdf`
 * in x and in each parameter.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { Family, TestableDistribution } from './family';
import { differenceStep, richardsonDerivative } from './finite-differences';
import { requireKind, subjectOf, type IdentityProperty, type PropertyOptions } from './identity-property';
import { EPSILON, isClose } from './tolerance';
import { IdentityViolation } from './violation';

/**
 * Options of {@link partialsMatchFiniteDifferences}.
 *
 * @example
 * ```ts
 * const options: PartialsOptions = {}; // every field is optional: the documented defaults
 * ```
 */
export interface PartialsOptions extends PropertyOptions {
  /**
   * Tolerance (default 1e-8; the Richardson difference itself is good to about
   * 1e-11 at moderate parameters, and every family of varinf passes 1e-9 on 1000
   * cases): the partial g and the finite difference fd agree when
   * |g − fd| ≤ rtol·max(|g|, |fd|) + rtol·(1 + |log f|)/max(|v|, 1e-3), i.e. the
   * reference rule with the condition number (1 + |log f|)/(max(|v|, 1e-3)·|g|) of
   * a difference quotient of log f in v; plus the rounding floor 3ε·(|log f| + |v·g|)/h
   * of a Richardson quotient with step h (each evaluation off by an ulp of log f and
   * by the rounding of v ± h, amplified (4·2 + 1)/3 = 3 times), which matters only
   * where the domain forces h far below 1e-4·|v| (a Uniform's low a hair below x).
   */
  readonly rtol?: number;
}

/**
 * `logPdfPartials` (continuous families) returns `logPdf(x)` bit for bit, and its
 * ∂/∂x and ∂/∂θ_k equal Richardson-extrapolated central differences
 * ({@link richardsonDerivative} with the step of {@link differenceStep}: 1e-4·max(|v|,
 * 1e-3) where the domain allows, else 1e-4 times about the distance to the domain's
 * boundary: for x the support, for a parameter the values the constructor accepts and
 * whose support still holds x), at quantiles 0.01 … 0.99 of `moderate` parameters.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { normalFamily, partialsMatchFiniteDifferences } from 'varinf/testing';
 * fc.assert(partialsMatchFiniteDifferences(normalFamily), { numRuns: 200, seed: 11 });
 * ```
 */
export function partialsMatchFiniteDifferences(family: Family, options: PartialsOptions = {}): IdentityProperty {
  requireKind(family, 'continuous', 'partialsMatchFiniteDifferences');
  const rtol = options.rtol ?? 1e-8;
  const params = options.params ?? family.moderate;
  const points = params.chain((ps) => fc.tuple(fc.constant(ps), fc.double({ min: 0.01, max: 0.99, noNaN: true }).map((p) => family.make(...ps).quantile(p))));
  return fc.property(points, ([ps, x]) => {
    const d = family.make(...ps);
    if (d.logPdfPartials === undefined) throw new TypeError(`partialsMatchFiniteDifferences: ${family.name} has no logPdfPartials`);
    const { lower, upper } = d.support;
    if (!(x > lower && x < upper)) return; // an end of the support (a quantile that rounded to it): no derivative
    const out = new Float64Array(ps.length + 1);
    const lp = d.logPdfPartials(x, out);
    const subject = subjectOf(family, ps);
    if (!Object.is(lp, d.logPdf(x))) throw new IdentityViolation('logPdfPartials returns logPdf', subject, `x = ${x}`, `logPdfPartials ${lp}, logPdf ${d.logPdf(x)}`);
    const scale = 1 + Math.abs(lp);
    const agree = (g: number, fd: number, v: number, h: number): boolean =>
      isClose(g, fd, rtol, (rtol * scale) / Math.max(Math.abs(v), 1e-3) + (3 * EPSILON * (Math.abs(lp) + Math.abs(v * g))) / h);
    const hx = differenceStep(x, (v) => v > lower && v < upper);
    const fdx = richardsonDerivative((v) => d.logPdf(v), x, hx);
    if (!agree(out[0], fdx, x, hx)) throw new IdentityViolation('∂/∂x logPdf = finite difference', subject, `x = ${x}`, `partial ${out[0]}, Richardson difference ${fdx} (h = ${hx}), allowed rtol ${rtol}`);
    ps.forEach((p, k) => {
      const at = (v: number): number[] => ps.map((q, j) => (j === k ? v : q));
      // The domain of v ↦ log f(x; v): valid parameters whose support still holds x (a Uniform's low, high).
      const h = differenceStep(p, (v) => Number.isFinite(logPdfIfValid(family, at(v), x)));
      const fd = richardsonDerivative((v) => family.make(...at(v)).logPdf(x), p, h);
      if (agree(out[1 + k], fd, p, h)) return;
      const name = family.paramNames[k] ?? `#${k}`;
      throw new IdentityViolation(`∂/∂${name} logPdf = finite difference`, subject, `x = ${x}`, `partial ${out[1 + k]}, Richardson difference ${fd} (h = ${h}), allowed rtol ${rtol}`);
    });
  });
}

/** log f(x) of the member with these parameters, NaN when the constructor refuses them. */
function logPdfIfValid(family: Family, ps: number[], x: number): number {
  let d: TestableDistribution;
  try {
    d = family.make(...ps);
  } catch {
    return NaN;
  }
  return d.logPdf(x);
}
