/**
 * Every `distribution`, `moment` and `kl` case of the reference file, to the
 * README's tolerance 1e-12·max(1, cond) (1e-10 for extreme-tail quantiles).
 * No case is skipped; the worst case per family is printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { kl } from '../../src/index';
import { casesOf, makeDist, num, withinTolerance, WorstCase, type RefCase } from '../helpers/reference';

const RTOL = 1e-12;
const TAIL_QUANTILE_RTOL = 1e-10;

type Params = Record<string, number>;

function evalDistribution(c: RefCase): number {
  const d = makeDist(c.dist as string, c.params as Params);
  switch (c.fn) {
    case 'logPdf':
      return d.logPdf(c.x as number);
    case 'pdf':
      return d.pdf(c.x as number);
    case 'cdf':
      return d.cdf(c.x as number);
    case 'logCdf':
      return d.logCdf(c.x as number);
    case 'survival':
      return d.survival(c.x as number);
    case 'logSurvival':
      return d.logSurvival(c.x as number);
    case 'quantile':
      return d.quantile(c.p as number);
    default:
      throw new Error(`unknown fn ${c.fn}`);
  }
}

function evalMoment(c: RefCase): number {
  const d = makeDist(c.dist as string, c.params as Params);
  switch (c.fn) {
    case 'mean':
      return d.mean();
    case 'variance':
      return d.variance();
    case 'mode':
      return d.mode();
    case 'entropy':
      return d.entropy();
    default:
      throw new Error(`unknown fn ${c.fn}`);
  }
}

function evalKl(c: RefCase): number {
  const p = c.p as { dist: string; params: Params };
  const q = c.q as { dist: string; params: Params };
  return kl(makeDist(p.dist, p.params), makeDist(q.dist, q.params));
}

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
