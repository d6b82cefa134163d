import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Exponential, Gamma, LogNormal, Normal } from '../../src/index';
import type { ContinuousDistribution } from '../../src/distributions/distribution';
import { integrate } from '../../src/math/quadrature';
import { makeDist as makeReferenceDist } from '../helpers/reference';
import { Model } from '../../src/model/model';
import { expBijection } from '../../src/distributions/transforms';
import { nonNegative } from '../../src/distributions/support';
import type { DifferentiableModel } from '../../src/model/differentiable-model';

export interface RefCase {
  id: string;
  family: string;
  fn: string;
  model: string;
  data: number[];
  q: any;
  expected: any;
  sampleStd?: number;
  gradient?: Record<string, number>;
  prior?: any;
}

const ref = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/reference.json', import.meta.url)), 'utf8'));
export const cases: RefCase[] = ref.cases;
export const viCases = (fn: string): RefCase[] => cases.filter((c) => c.family === 'vi' && c.fn === fn);
export const conjugateCases = (fn: string): RefCase[] => cases.filter((c) => c.family === 'conjugate' && c.fn === fn);

export const LN_SQRT_2PI = 0.9189385332046728;

/** z ~ Exponential(1), x_i | z ~ Normal(z, 1). */
export function expNormalModel(data: number[]) {
  return new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data });
}

/** Exact log p(z, D) of the expNormal model. */
export function expNormalLogJoint(data: number[]): (z: number) => number {
  return (z) => {
    if (z < 0) return -Infinity;
    let s = -z;
    for (const x of data) s += -0.5 * (x - z) ** 2 - LN_SQRT_2PI;
    return s;
  };
}

/** The same model written by hand as a DifferentiableModel on u = log z. */
export function handSeedModel(data: number[]): DifferentiableModel {
  const n = data.length;
  const sx = data.reduce((a, b) => a + b, 0);
  const sxx = data.reduce((a, b) => a + b * b, 0);
  const value = (z: number, u: number) => -z - 0.5 * (sxx - 2 * z * sx + n * z * z) - n * LN_SQRT_2PI + u;
  return {
    dim: 1,
    blocks: [{ name: 'z', offset: 0, size: 1, scalar: true, support: nonNegative, bijection: expBijection }],
    logDensity: (u) => value(Math.exp(u[0]), u[0]),
    logDensityGradient(u, g) {
      const z = Math.exp(u[0]);
      g[0] = (-1 + sx - n * z) * z + 1;
      return value(z, u[0]);
    },
  };
}

/** Exact ELBO of a 1-D q on a positive or real latent by adaptive quadrature. */
export function exactElbo(logJoint: (z: number) => number, q: ContinuousDistribution): number {
  const lo = q.support.kind === 'real' ? -Infinity : 0;
  const f = (z: number): number => {
    const lq = q.logPdf(z);
    if (lq === -Infinity) return 0;
    const v = Math.exp(lq) * (logJoint(z) - lq);
    return Number.isFinite(v) ? v : 0;
  };
  // Split at the quantiles so narrow q's are resolved.
  const pts = [lo, q.quantile(0.001), q.quantile(0.5), q.quantile(0.999), Infinity];
  let s = 0;
  for (let i = 0; i + 1 < pts.length; i++) s += integrate(f, pts[i], pts[i + 1], { absTol: 1e-13, relTol: 1e-12 }).value;
  return s;
}

export function makeDist(spec: { dist: string; params: Record<string, number> }): ContinuousDistribution {
  return makeReferenceDist(spec.dist, spec.params);
}

export const FAMILIES = { LogNormal, Gamma, Exponential } as const;
