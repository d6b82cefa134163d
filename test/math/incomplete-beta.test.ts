/**
 * lbeta and the regularized incomplete beta function: every `special` case of
 * families.json for betaI, betaIc, betaIInv and lbeta at 1e-12·max(1, cond), and
 * properties (complement identity, symmetry, monotonicity, inverse round trips,
 * recurrences, agreement of the log forms).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  betaI,
  betaIc,
  betaIcInv,
  betaIInv,
  betaIInvPair,
  lbeta,
  lgamma,
  logABeta,
  logBetaI,
  logBetaIc,
  logBetaIPair,
} from '../../src/math';
import { FAMILIES_RTOL, familyCasesOf, matchesReference } from '../helpers/families';
import { num, relError, WorstCase } from '../helpers/reference';

const FNS: Record<string, (...a: number[]) => number> = { betaI, betaIc, betaIInv, lbeta };

describe('incomplete beta: families.json special cases', () => {
  for (const fn of Object.keys(FNS)) {
    const cases = familyCasesOf('special', fn);
    const worst = new WorstCase(`special ${fn}`);
    afterAll(() => console.log(worst.report()));
    it(`${fn} has cases`, () => expect(cases.length).toBeGreaterThan(0));
    it.each(cases.map((c) => [c.id, c] as const))(`${fn} %s`, (_id, c) => {
      const args = (c.args as unknown[]).map(num);
      const got = (FNS[fn] as (...a: number[]) => number)(...args);
      const want = num(c.expected);
      worst.record(c.id, got, want, c.cond ?? 1);
      expect(
        matchesReference(got, want, FAMILIES_RTOL, c.cond ?? 1),
        `${c.id} ${fn}(${args.join(', ')}): got ${got}, want ${want} (rel ${relError(got, want)})`,
      ).toBe(true);
    });
  }
});

const rel = (got: number, want: number): number => (got === want ? 0 : Math.abs(got - want) / Math.abs(want));

describe('incomplete beta: regions beyond the reference table (mpmath, 30–40 digits)', () => {
  // a ≫ b with x just below the bulk near 1, where a plain continued fraction cancels
  // (the first four lose 3e-11 … 4e-12 in Numerical Recipes' form, and the first one in
  // SciPy 1.17 too), and tiny a where I ≈ 1 (the complement must not be 1 − I).
  const MP: [number, number, number, number, boolean][] = [
    [13655.742647603489, 9.286913964812173, 0.948540715670847, 2.54165007645233882774953988122e-295, false],
    [288076.0168896401, 92.27826213256958, 0.9995813026346635, 0.00316170242741851349040927658765, false],
    [259023.5885160494, 21.461565816072984, 0.9997815754754009, 3.04179295686692153954753367168e-8, false],
    [122993.15479966621, 31.817631987914503, 0.9997159825075085, 0.275810382394692661718858694362, false],
    [0.001, 100, 0.009621610287316961, 0.0002341450807482167351559738231195128788492, true],
    // BGRAT with z = −ν log x just above 40 (its J₀ series must stop at the smallest term).
    [59.56629261694281, 14.062259774674171, 0.5, 0.0000000152759868578199875626803939483, false],
    [58.730652477766625, 2.221448909410747, 0.5, 1.21541508338191965498048688111e-16, false],
    [60, 0.3, 0.51, 8.80304050123673302880740150079e-20, false],
  ];
  it.each(MP)('I(%s, %s, %s) (complement: %s)', (a, b, x, want, upper) => {
    const got = upper ? betaIc(a, b, x) : betaI(a, b, x);
    // exp of a log of magnitude |log I| carries |log I|·ε; the summed expansions up to
    // ~40 ulp more (measured worst 36 ulp, BUP + BGRAT at a = 59.6, b = 14.1).
    expect(rel(got, want)).toBeLessThanOrEqual(2.3e-16 * (64 + Math.abs(Math.log(want))));
  });
  it('StudentT-type pair at a = 5e7, b = ½, x = 1 − 9.5e-8 (x and y passed separately)', () => {
    const s = 3.09023238767 ** 2 / 1e8;
    expect(rel(logBetaIPair(5e7, 0.5, 1 / (1 + s), s / (1 + s), false), -6.214608098425203010490271655612009571483)).toBeLessThanOrEqual(4.4e-16);
  });
});

/** Shapes over the whole range the families use: tiny, moderate, large. */
const shape = fc.oneof(
  fc.double({ min: 1e-3, max: 1, noNaN: true }),
  fc.double({ min: 1, max: 100, noNaN: true }),
  fc.double({ min: 100, max: 1e5, noNaN: true }),
);
/** x spread over (0, 1) on the logit scale (tails included). */
const unit = fc.double({ min: -30, max: 30, noNaN: true }).map((u) => 1 / (1 + Math.exp(-u)));

describe('incomplete beta: properties', () => {
  it('I_x(a, b) + I_{1−x}(b, a) = 1 and betaIc(a, b, x) = betaI(b, a, 1 − x) (x a dyadic so 1 − x is exact)', () => {
    fc.assert(
      fc.property(shape, shape, fc.integer({ min: 1, max: 1023 }), (a, b, k) => {
        const x = k / 1024;
        const i = betaI(a, b, x);
        const j = betaI(b, a, 1 - x);
        return Math.abs(i + j - 1) <= 4e-16 && rel(betaIc(a, b, x), j) <= 1e-14 && rel(betaIc(b, a, 1 - x), i) <= 1e-14;
      }),
    );
  });
  it('symmetry: I_½(a, a) = ½ (measured worst 40ε over a = 1e-3 … 1e5, at a ≈ 8.6)', () => {
    fc.assert(fc.property(shape, (a) => Math.abs(betaI(a, a, 0.5) - 0.5) <= 0.5 * 2.3e-16 * 48));
  });
  it('I is nondecreasing and 1 − I nonincreasing in x', () => {
    fc.assert(
      fc.property(shape, shape, unit, fc.double({ min: 1e-9, max: 0.5, noNaN: true }), (a, b, x, d) => {
        const y = x + d * (1 - x);
        return logBetaI(a, b, y) >= logBetaI(a, b, x) && logBetaIc(a, b, y) <= logBetaIc(a, b, x);
      }),
    );
  });
  it('log forms agree with the values where those are normal numbers', () => {
    fc.assert(
      fc.property(shape, shape, unit, (a, b, x) => {
        const i = betaI(a, b, x);
        const c = betaIc(a, b, x);
        const okI = !(i > 1e-300) || Math.abs(logBetaI(a, b, x) - Math.log(i)) <= 1e-14 * Math.max(1, Math.abs(Math.log(i)));
        const okC = !(c > 1e-300) || Math.abs(logBetaIc(a, b, x) - Math.log(c)) <= 1e-14 * Math.max(1, Math.abs(Math.log(c)));
        return okI && okC;
      }),
    );
  });
  it('recurrence I_x(a + 1, b) = I_x(a, b) − x^a(1 − x)^b/(a B(a, b))', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (a, b, x) => {
          const term = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - Math.log(a) - lbeta(a, b));
          const lhs = betaI(a + 1, b, x);
          const rhs = betaI(a, b, x) - term;
          // The subtraction loses |I_x(a, b)|/|rhs| of the relative accuracy; the term itself
          // carries |log term|·ε from exp.
          const tol = 1e-14 * betaI(a, b, x) + 4 * 2.2e-16 * Math.abs(Math.log(term)) * term;
          return Math.abs(lhs - rhs) <= tol + 1e-300;
        },
      ),
    );
  });
  it('lbeta(a, b) = lbeta(a + 1, b) + log((a + b)/a), and agrees with the lgamma sum for moderate shapes', () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        const lhs = lbeta(a, b);
        const rhs = lbeta(a + 1, b) + Math.log((a + b) / a);
        const okRec = Math.abs(lhs - rhs) <= 1e-13 * Math.max(1, Math.abs(lhs));
        const okSum = a + b > 50 || Math.abs(lhs - (lgamma(a) + lgamma(b) - lgamma(a + b))) <= 1e-13 * Math.max(1, Math.abs(lhs));
        return okRec && okSum;
      }),
    );
  });
  it('logABeta(a, b) = log(a·B(a, b)) to absolute 4ε·max(1, |value|) (mpmath, 40 digits), incl. tiny a', () => {
    const MP: [number, number, number][] = [
      [1e-3, 100, -0.0051765604760879546343],
      [1e-10, 3.5, -1.6803723054810472935e-10],
      [0.3, 0.7, 0.15269243702380606746],
      [1e-6, 1e6, -0.000014392724900399590242],
      [0.999, 0.001, 6.906756423583161507],
    ];
    for (const [a, b, want] of MP) {
      expect(Math.abs(logABeta(a, b) - want), `${a}, ${b}`).toBeLessThanOrEqual(4 * 2.2e-16 * Math.abs(want));
    }
  });
  it('inverse round trips: betaIInv(a, b, I_x(a, b)) ≈ x and betaIcInv(a, b, 1 − I_x(a, b)) ≈ x', () => {
    fc.assert(
      fc.property(shape, shape, fc.double({ min: -8, max: 8, noNaN: true }), (a, b, u) => {
        const x = 1 / (1 + Math.exp(-u));
        const p = betaI(a, b, x);
        const q = betaIc(a, b, x);
        // Skip where p or q is 1 to double precision (x is then not recoverable from it).
        if (!(p > 1e-290 && q > 1e-290 && p < 1 && q < 1)) return true;
        // Condition of x in p (resp. q): |d log x / d log p| from the density.
        const lpdf = (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b);
        const slopeP = Math.exp(lpdf + Math.log(x) - Math.log(p));
        const slopeQ = Math.exp(lpdf + Math.log(x) - Math.log(q));
        // x's relative error is ε/slope from p and at least ~1e-15 from the round trip itself.
        return (
          rel(betaIInv(a, b, p), x) <= 1e-13 * Math.max(1, 1 / slopeP) &&
          rel(betaIcInv(a, b, q), x) <= 1e-13 * Math.max(1, 1 / slopeQ)
        );
      }),
      { numRuns: 200 },
    );
  });
  it('betaIInvPair returns a consistent pair and the log of the smaller coordinate', () => {
    for (const [a, b, p] of [[2, 3, 1e-300], [0.5, 0.5, 0.999], [50, 0.2, 0.3], [1e5, 1e5, 0.2]] as const) {
      const r = betaIInvPair(a, b, p, 1 - p);
      expect(Math.abs(r.x + r.y - 1)).toBeLessThanOrEqual(2.3e-16);
      expect(rel(Math.exp(r.logSmall), Math.min(r.x, r.y))).toBeLessThan(1e-15);
      expect(r.smallIsX).toBe(r.x <= 0.5);
    }
  });
  it('edge and invalid arguments', () => {
    expect(betaI(2, 3, -1)).toBe(0);
    expect(betaI(2, 3, 2)).toBe(1);
    expect(logBetaI(2, 3, 0)).toBe(-Infinity);
    expect(logBetaIc(2, 3, 1)).toBe(-Infinity);
    expect(betaI(0, 3, 0.5)).toBeNaN();
    expect(betaI(2, Infinity, 0.5)).toBeNaN();
    expect(betaI(2, 3, NaN)).toBeNaN();
    expect(betaIInv(2, 3, 1.5)).toBeNaN();
    expect(betaIcInv(2, 3, 0)).toBe(1);
    expect(betaIcInv(2, 3, 1)).toBe(0);
    expect(lbeta(-1, 2)).toBeNaN();
    expect(lbeta(0, 2)).toBe(Infinity);
  });
});
