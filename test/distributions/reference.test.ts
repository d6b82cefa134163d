/**
 * Every `distribution`, `moment` and `kl` case of the reference file, to the
 * README's tolerance 1e-12·max(1, cond) (1e-10 for extreme-tail quantiles).
 * No case is skipped; the worst case per family is printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { casesOf, evalDistribution, evalKl, evalMoment, num, withinTolerance, WorstCase, type RefCase } from '../helpers/reference';

const RTOL = 1e-12;
const TAIL_QUANTILE_RTOL = 1e-10;

const families: [string, (c: RefCase) => number][] = [
  ['distribution', evalDistribution],
  ['moment', evalMoment],
  ['kl', evalKl],
];

for (const [family, evaluate] of families) {
  describe(`reference: ${family}`, () => {
    const worst = new WorstCase(family);
    afterAll(() => console.log(worst.report()));
    const cases = casesOf(family);
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      const got = evaluate(c);
      const want = num(c.expected);
      const rtol = c.fn === 'quantile' && c.tags?.includes('tail') ? TAIL_QUANTILE_RTOL : RTOL;
      worst.record(c.id, got, want, c.cond ?? 1);
      expect(
        withinTolerance(got, want, rtol, c.cond ?? 1),
        `${c.id} ${String(c.dist ?? '')} ${JSON.stringify(c.params ?? {})} ${c.fn}(${String(c.x ?? c.p ?? '')}): got ${got}, want ${want}`,
      ).toBe(true);
    });
  });
}
