/**
 * Access to test/fixtures/families.json (a verbatim copy of the shared mpmath
 * reference for the second-round families) and a generic reference test that each
 * family's test file calls with its own factory, so no list of families has to be
 * edited in one shared place.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { num, relError, WorstCase, type RefCase } from './reference';

export interface FamiliesReference {
  cases: RefCase[];
  datasets: Record<string, { model: string; n: number; data: number[] }>;
}

export const families: FamiliesReference = JSON.parse(
  readFileSync(new URL('../fixtures/families.json', import.meta.url), 'utf8'),
) as FamiliesReference;

/** The rule of the reference README at the rtol, tails included. */
export const FAMILIES_RTOL = 1e-12;

/** All cases of one family (optionally one fn) of families.json. */
export function familyCasesOf(family: string, fn?: string): RefCase[] {
  return families.cases.filter((c) => c.family === family && (fn === undefined || c.fn === fn));
}

/** |got − want| ≤ 1e-300 + rtol·max(1, cond)·|want|; NaN matches only NaN, infinities match exactly. */
export function matchesReference(got: number, want: number, rtol: number, cond = 1): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (got === want) return true;
  if (Number.isNaN(got) || !Number.isFinite(got) || !Number.isFinite(want)) return false;
  return Math.abs(got - want) <= 1e-300 + rtol * Math.max(1, cond) * Math.abs(want);
}

/** The methods a reference case may call (continuous and discrete families alike). */
export interface ReferenceSubject {
  logPdf(x: number): number;
  pdf(x: number): number;
  cdf(x: number): number;
  logCdf(x: number): number;
  survival(x: number): number;
  logSurvival(x: number): number;
  quantile(p: number): number;
  mean(): number;
  variance(): number;
  mode(): number;
  entropy(): number;
}

function evaluate(d: ReferenceSubject, c: RefCase): number {
  switch (c.fn) {
    case 'logPdf':
    case 'pdf':
    case 'cdf':
    case 'logCdf':
    case 'survival':
    case 'logSurvival':
      return d[c.fn](c.x as number);
    case 'quantile':
      return d.quantile(c.p as number);
    case 'mean':
    case 'variance':
    case 'mode':
    case 'entropy':
      return d[c.fn]();
    default:
      throw new Error(`unknown fn ${c.fn}`);
  }
}

/**
 * Every `distribution` and `moment` case of `dist` in families.json, each its own
 * test, at {@link FAMILIES_RTOL}; prints the worst case.
 */
export function describeFamilyReference(dist: string, make: (params: Record<string, number>) => ReferenceSubject): void {
  for (const family of ['distribution', 'moment']) {
    describe(`families reference: ${dist} ${family}`, () => {
      const cases = families.cases.filter((c) => c.family === family && c.dist === dist);
      const worst = new WorstCase(`${dist} ${family}`);
      afterAll(() => console.log(worst.report()));
      it('has cases', () => expect(cases.length).toBeGreaterThan(0));
      it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
        const got = evaluate(make(c.params as Record<string, number>), c);
        const want = num(c.expected);
        if (!Number.isNaN(want)) worst.record(c.id, got, want, c.cond ?? 1);
        expect(
          matchesReference(got, want, FAMILIES_RTOL, c.cond ?? 1),
          `${c.id} ${dist} ${JSON.stringify(c.params)} ${c.fn}(${String(c.x ?? c.p ?? '')}): got ${got}, want ${want} (rel ${relError(got, want)})`,
        ).toBe(true);
      });
    });
  }
}

/**
 * The `kl` cases of families.json whose p and q are both of the given classes, each
 * its own test at {@link FAMILIES_RTOL}.
 */
export function describeKlReference(
  pDist: string,
  qDist: string,
  kl: (p: { dist: string; params: Record<string, number> }, q: { dist: string; params: Record<string, number> }) => number,
): void {
  describe(`families reference: KL(${pDist} ‖ ${qDist})`, () => {
    type Side = { dist: string; params: Record<string, number> };
    const cases = familyCasesOf('kl').filter((c) => (c.p as Side).dist === pDist && (c.q as Side).dist === qDist);
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      const got = kl(c.p as Side, c.q as Side);
      const want = num(c.expected);
      expect(matchesReference(got, want, FAMILIES_RTOL, c.cond ?? 1), `${c.id}: got ${got}, want ${want}`).toBe(true);
    });
  });
}
