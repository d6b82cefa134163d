/**
 * The own special functions (no @stdlib at run time): accuracy against mpmath
 * (a committed random sweep and hand-picked hard points), identities as
 * fast-check properties, regression against @stdlib where stdlib is accurate,
 * and the IEEE edge cases.
 *
 * Tolerances are the accuracy bounds stated in each function's TSDoc
 * (relative error / max(1, cond), measured on the 31 000–75 000-point sweeps
 * of fixtures/gen_special_sweep.py, 387 500 points in all), or for
 * identities the rounding-error bound of the identity's own arithmetic.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';
import stdlibErfcx from '@stdlib/math-base-special-erfcx';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibTrigamma from '@stdlib/math-base-special-trigamma';
import { digamma, erf, erfc, erfcinv, erfcx, erfinv, lgamma, trigamma } from '../../src/math';

const EPS = 2 ** -52;
const DBL_MIN = 2 ** -1022;

const FNS: Record<string, (x: number) => number> = { erf, erfc, erfcx, lgamma, digamma, trigamma, erfinv, erfcinv };

/** Worst relative error / max(1, cond) stated in the TSDoc of each function (large sweeps), rounded up. */
const BOUND: Record<string, number> = {
  erf: 4.5e-16,
  erfc: 6e-16,
  erfcx: 4.5e-16,
  lgamma: 2.2e-15, // x < 0 (reflection, near the extrema of |Γ|); 4.7e-16 for x > 0
  digamma: 4.7e-16,
  trigamma: 4.5e-16,
  erfinv: 6.5e-16,
  erfcinv: 7.5e-16,
};

function relErr(got: number, want: number): number {
  return got === want ? 0 : Math.abs(got - want) / Math.abs(want);
}

describe('mpmath sweep (test/math/fixtures/special-sweep.json, 40 digits)', () => {
  const sweep = JSON.parse(
    readFileSync(new URL('./fixtures/special-sweep.json', import.meta.url), 'utf8'),
  ) as Record<string, [number, string, number][]>;
  it.each(Object.keys(FNS))('%s within its stated bound', (name) => {
    const f = FNS[name] as (x: number) => number;
    const rows = sweep[name] as [number, string, number][];
    expect(rows.length).toBeGreaterThan(50);
    for (const [x, s, cond] of rows) {
      const want = Number(s);
      const got = f(x);
      if (Math.abs(want) < DBL_MIN || !Number.isFinite(want)) {
        // Subnormal or overflowed results: within one subnormal step of the rounded value.
        expect(Math.abs(got - want), `${name}(${x})`).toBeLessThanOrEqual(Number.isFinite(want) ? 5e-324 : 0);
        continue;
      }
      expect(relErr(got, want) / Math.max(1, cond), `${name}(${x}) = ${got}, want ${s}`).toBeLessThanOrEqual(
        BOUND[name] as number,
      );
    }
  });
});

describe('hard points (mpmath, 50 digits): ≤ 3 ulp · max(1, cond)', () => {
  // [fn, x, expected, cond]; cond only where the argument rounding of the
  // reflection is amplified (ψ near −½); the root of ψ is tested without it.
  const table: [string, number, number, number][] = [
    ['erfc', 26.6, 1.088512588544227e-309, 1],
    ['erfc', 26, 5.663192408856143e-296, 1],
    ['erfc', 0.46875, 0.507386526782062, 1],
    ['erfc', 4.000000000000001, 1.5417257900279907e-8, 1],
    ['erfc', 5.92, 5.657910571379924e-17, 1],
    ['erfc', 12.5, 6.231942781979911e-70, 1],
    ['erfcx', -26, 7.657724931490568e293, 1],
    ['erfcx', -10, 5.376234283632271e43, 1],
    ['erfcx', -0.5, 1.952360489182557, 1],
    // The breakpoint ±0.46875 itself (every branch boundary must be covered).
    ['erfcx', -0.46875, 1.859402416871422, 1],
    ['erfcx', -0.46875000000000006, 1.8594024168714223, 1],
    ['erfc', -0.46875, 1.492613473217938, 1],
    ['erf', 0.46875, 0.49261347321793797, 1],
    ['erf', -0.46875000000000006, -0.492613473217938, 1],
    ['erfcx', -1e-5, 1.0000112838916717, 1],
    ['erfcx', 3.99, 0.1373240409142297, 1],
    ['erfcx', 4.01, 0.13667636742994915, 1],
    ['erfcx', 50, 0.011281536265323773, 1],
    ['erfcx', 1e8, 5.641895835477562e-9, 1],
    ['erfcx', 1e300, 5.641895835477562e-301, 1],
    ['lgamma', 5e-324, 744.4400719213812, 1],
    ['lgamma', 1e-310, 713.8013788281542, 1],
    ['lgamma', 2.5e-16, 35.92507075603058, 1],
    ['lgamma', 0.6796875, 0.2862428123190013, 1],
    ['lgamma', 0.68, 0.28584328390743663, 1],
    ['lgamma', 1.5000000000000002, -0.12078223763524522, 1],
    ['lgamma', 3.9999999999999996, 1.7917594692280545, 1],
    ['lgamma', 4.000000000000001, 1.791759469228056, 1],
    ['lgamma', 11.999999999999998, 17.502307845873883, 1],
    ['lgamma', 12.000000000000002, 17.50230784587389, 1],
    ['lgamma', 2.55e305, 1.7906725941420033e308, 1],
    ['lgamma', -1e-20, 46.051701859880914, 1],
    ['lgamma', -0.9999999999999999, 36.7368005696771, 1],
    ['lgamma', -1.0000000000000002, 36.04365338911715, 1],
    ['lgamma', -170.5, -707.9984331450788, 1],
    ['lgamma', -1000000000000000.5, -3.353877639491072e16, 1],
    ['digamma', 1.4616321449683622, -9.241265521729427e-17, 1],
    ['digamma', 1.4616321449683625, 1.2245374622004068e-16, 1],
    ['digamma', 0.49999999999999994, -1.9635100260214238, 1],
    ['digamma', 3.0000000000000004, 0.9227843350984674, 1],
    ['digamma', -1e-9, 999999999.4227843, 1],
    ['digamma', -0.5000000000000001, 0.03648997397857553, 122],
    ['digamma', -99.5, 4.605174352581845, 1],
    ['digamma', -1000000000000000.5, 34.538776394910684, 1],
    ['digamma', 1e308, 709.1962086421661, 1],
    ['trigamma', 8.999999999999998, 0.11751201469403146, 1],
    ['trigamma', 9, 0.11751201469403143, 1],
    ['trigamma', 1e154, 1e-154, 1],
    ['trigamma', -0.5, 8.934802200544679, 1],
    ['trigamma', -1e-10, 1e20, 1],
    ['trigamma', -99.5, 9.859604484419776, 1],
    ['erfcinv', 5e-324, 27.21329321081295, 1],
    ['erfinv', 7.3e-9, 6.4694565558051335e-9, 1],
    ['erfinv', 7.5e-9, 6.6467019408956846e-9, 1],
  ];
  it.each(table)('%s(%s)', (fn, x, want, cond) => {
    const got = (FNS[fn] as (x: number) => number)(x);
    expect(relErr(got, want)).toBeLessThanOrEqual(3 * EPS * cond);
  });
  it('erfc in the subnormal range is rounded once (erfc(27.2) = 1e-323 = 2·2⁻¹⁰⁷⁴)', () => {
    // mpmath: erfc(27.2) = 1.0189e-323, i.e. 2.06 subnormal steps → rounds to 2 steps.
    expect(erfc(27.2)).toBe(2 * 5e-324);
    expect(erfc(27.3)).toBe(0);
  });
});

// fast-check runs from the global seed of test/setup.ts (fixed, reproducible).
describe('identities', () => {
  it('erf is odd, erfc(−x) = 2 − erfc(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        // Both branches round 2 − e or 1 − e once: ≤ 1 ulp of a result in [1, 2].
        return erf(-x) === -erf(x) && Math.abs(erfc(-x) - (2 - erfc(x))) <= 2 * EPS;
      }),
    );
  });
  it('erf(x) + erfc(x) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        // Each term carries ≤ 4 ulp of a value ≤ 2, and the sum one rounding.
        return Math.abs(erf(x) + erfc(x) - 1) <= 9 * EPS;
      }),
    );
  });
  it('erf(x) ≈ 2x/√π (1 − x²/3 + x⁴/10) for |x| < 1e-3 (series, independent of the rational)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e-3, max: 1e-3, noNaN: true }), (x) => {
        const z = x * x;
        const series = (2 / Math.sqrt(Math.PI)) * x * (1 - z / 3 + (z * z) / 10);
        // Truncation x⁶/42 < 3e-20 relative; evaluation ≤ 3 ulp.
        return relErr(erf(x), series) <= 4 * EPS;
      }),
    );
  });
  it('erfcx(x)·e^{−x²} = erfc(x), with e^{−x²} from an exactly split x²', () => {
    fc.assert(
      fc.property(fc.double({ min: -26, max: 26.5, noNaN: true }), (x) => {
        const hi = x * x;
        const c = 134217729 * x;
        const xh = c - (c - x);
        const xl = x - xh;
        const lo = xh * xh - hi + 2 * xh * xl + xl * xl;
        const lhs = erfcx(x) * Math.exp(-hi) * (1 - lo);
        // erfcx and erfc within their bounds, exp and two products ≤ 2 ulp.
        return relErr(lhs, erfc(x)) <= BOUND.erfcx! + BOUND.erfc! + 4 * EPS;
      }),
    );
  });
  it('erfcx(x) matches the asymptotic series 1/(x√π)·Σ (−1)ⁿ(2n−1)!!/(2x²)ⁿ for x ≥ 100', () => {
    fc.assert(
      fc.property(fc.double({ min: 100, max: 1e300, noNaN: true }), (x) => {
        const w = x > 1e100 ? 0 : 1 / (2 * x * x);
        const series = (1 - w * (1 - 3 * w * (1 - 5 * w))) / (x * Math.sqrt(Math.PI));
        // Truncation 105w⁴ < 1e-18; evaluation ≤ 3 ulp.
        return relErr(erfcx(x), series) <= BOUND.erfcx! + 3 * EPS;
      }),
    );
  });
  it('erfinv and erfcinv invert erf and erfc', () => {
    fc.assert(
      fc.property(fc.double({ min: -5.9, max: 5.9, noNaN: true }), (x) => {
        if (x === 0) return erfinv(erf(x)) === 0;
        const y = erf(x);
        if (Math.abs(y) === 1) return erfinv(y) === y * Infinity; // rounded to ±1: x is not recoverable
        // Rounding y costs ½ ulp(y), i.e. ½ulp(y)/erf′(x) in x; plus the bounds of both functions.
        const slope = (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x);
        const tol = (Math.abs(y) * EPS) / slope + (BOUND.erfinv! + BOUND.erf! * Math.max(1, Math.abs(y / (x * slope)))) * Math.abs(x);
        return Math.abs(erfinv(y) - x) <= tol;
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -5.9, max: 27, noNaN: true }), (x) => {
        if (x === 0) return erfcinv(erfc(x)) === 0;
        const y = erfc(x);
        if (y === 2) return erfcinv(y) === -Infinity; // erfc(x) rounded to 2: x is not recoverable
        if (y === 0 || y < DBL_MIN) return true; // subnormal y: checked in the mpmath sweep
        const slope = (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x);
        const cond = Math.abs(y / (x * slope)); // relative condition of erfcinv at y
        const tol = (Math.abs(y) * EPS) / slope + (BOUND.erfcinv! + BOUND.erfc! * Math.max(1, cond)) * Math.abs(x);
        return Math.abs(erfcinv(y) - x) <= tol;
      }),
    );
  });
  it('lgamma(x + 1) = lgamma(x) + log x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        const lhs = lgamma(x + 1);
        const a = lgamma(x);
        const b = Math.log(x);
        // Each term within its bound; rounding x + 1 moves lhs by ½ulp(x + 1)·ψ(x + 1).
        const tol = 2 * BOUND.lgamma! * (Math.abs(lhs) + Math.abs(a) + Math.abs(b)) + 0.5 * EPS * (x + 1) * Math.abs(digamma(x + 1));
        return Math.abs(lhs - (a + b)) <= tol;
      }),
    );
  });
  it('reflection: lgamma(x) + lgamma(1 − x) = log(π / sin πx) on [½, 1) (positive branches only)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), (x) => {
        const lhs = lgamma(x) + lgamma(1 - x); // 1 − x is exact here
        const rhs = Math.log(Math.PI / Math.sin(Math.PI * (1 - x)));
        return Math.abs(lhs - rhs) <= 4 * EPS * (Math.abs(lgamma(x)) + Math.abs(lgamma(1 - x)) + Math.abs(rhs));
      }),
    );
  });
  it('ψ(x + 1) = ψ(x) + 1/x, also for x < 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 1e6, noNaN: true }), (x) => {
        if (x === Math.round(x) || Math.abs(x) < 1e-3) return true; // poles (and x ≈ 0: 1/x dominates)
        const lhs = digamma(x + 1);
        const a = digamma(x);
        const tol =
          2 * BOUND.digamma! * (Math.abs(lhs) + Math.abs(a) + 1 / Math.abs(x)) * Math.max(1, Math.abs(x * trigamma(x) / a)) +
          EPS * Math.abs(x + 1) * trigamma(x + 1); // rounding of x + 1
        return Math.abs(lhs - (a + 1 / x)) <= tol;
      }),
    );
  });
  it('ψ reflection: ψ(1 − x) − ψ(x) = π cot πx on [½, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), (x) => {
        const lhs = digamma(1 - x) - digamma(x);
        const rhs = -Math.PI / Math.tan(Math.PI * (1 - x)); // cot πx = −cot π(1 − x), 1 − x exact
        return Math.abs(lhs - rhs) <= 4 * EPS * (Math.abs(digamma(1 - x)) + Math.abs(digamma(x))) + 4 * EPS * Math.abs(rhs) + 1e-300;
      }),
    );
  });
  it('ψ′(x + 1) = ψ′(x) − 1/x², also for x < 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 1e4, noNaN: true }), (x) => {
        if (x === Math.round(x) || !(1 / (x * x) < Infinity)) return true; // poles; 1/x² overflows
        const lhs = trigamma(x + 1);
        const rhs = trigamma(x) - 1 / (x * x);
        // Terms within their bounds; rounding of x + 1 moves lhs by ½ulp(x + 1)·|ψ″| ≤ ½ulp·2ψ′(x + 1)^{3/2}.
        const tol = 2 * BOUND.trigamma! * (Math.abs(lhs) + trigamma(x) + 1 / (x * x)) + EPS * Math.abs(x + 1) * 2 * trigamma(x + 1) ** 1.5;
        return Math.abs(lhs - rhs) <= tol;
      }),
    );
  });
  it('ψ′ reflection: ψ′(x) + ψ′(1 − x) = π² / sin² πx on [½, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), (x) => {
        const s = Math.sin(Math.PI * (1 - x));
        const rhs = (Math.PI * Math.PI) / (s * s);
        return relErr(trigamma(x) + trigamma(1 - x), rhs) <= 2 * BOUND.trigamma! + 6 * EPS;
      }),
    );
  });
});

describe('regression against @stdlib where stdlib is accurate', () => {
  // stdlib's own worst relative error / max(1, cond) on the same large sweeps:
  // erf 2.3e-16, erfc 3.9e-16, erfcx (x ≥ 0) 7e-16, lgamma (x ≥ 3) 2.6e-16,
  // digamma (x > 0) 4.4e-16, trigamma (x > 0) 4e-16.
  const cases: [string, (x: number) => number, (x: number) => number, number, number, number, (x: number) => number][] = [
    ['erf', erf, stdlibErf, -6, 6, 2.3e-16, () => 1],
    ['erfc', erfc, stdlibErfc, -6, 26.5, 3.9e-16, () => 1],
    ['erfcx', erfcx, stdlibErfcx, 0, 1e6, 7e-16, () => 1],
    ['lgamma', lgamma, stdlibGammaln, 3, 1e300, 2.6e-16, () => 1],
    ['digamma', digamma, stdlibDigamma, 1e-300, 1e300, 4.4e-16, (x) => Math.abs((x * trigamma(x)) / digamma(x))],
    ['trigamma', trigamma, stdlibTrigamma, 1e-150, 1e300, 4e-16, () => 1],
  ];
  it.each(cases)('%s', (name, own, lib, min, max, libBound, cond) => {
    fc.assert(
      fc.property(fc.double({ min, max, noNaN: true }), (x) => {
        const want = lib(x);
        if (!Number.isFinite(want) || Math.abs(want) < DBL_MIN) return Object.is(own(x), want) || Math.abs(own(x) - want) <= 5e-324;
        return relErr(own(x), want) <= (BOUND[name]! + libBound) * Math.max(1, cond(x));
      }),
    );
  });
});

describe('edge cases', () => {
  const isPole = (x: number): boolean => x <= 0 && x === Math.round(x);
  const DOMAIN: [string, (x: number) => boolean][] = [
    ['erf', () => true],
    ['erfc', () => true],
    ['erfcx', () => true],
    ['lgamma', () => true],
    ['digamma', (x) => !isPole(x)],
    ['trigamma', (x) => !isPole(x)],
    ['erfinv', (x) => Math.abs(x) <= 1],
    ['erfcinv', (x) => x >= 0 && x <= 2],
  ];
  it('never NaN inside the domain: the whole double range and every branch boundary ± 1 ulp', () => {
    const next = (x: number, dir: 1 | -1): number => {
      const b = new Float64Array([x]);
      const i = new BigInt64Array(b.buffer);
      i[0] = (i[0] as bigint) + BigInt(x >= 0 ? dir : -dir);
      return b[0] as number;
    };
    // Breakpoints of erf-cody, lgamma, digamma, trigamma, error-functions (and range ends).
    const breaks = [5e-324, 2 ** -1022, 2 ** -1021, 1e-300, 2 ** -52, 3.7e-9, 7.4e-9, 0.25, 0.46875, 0.5, 0.6796875, 1, 1.5, 2, 3, 4, 5.93, 9, 12, 26.63, 27.3, 1e154, 2.55e305, 1.7976931348623157e308];
    const points = [0, Infinity, -Infinity, ...breaks.flatMap((b) => [b, -b, next(b, 1), next(b, -1), -next(b, 1), -next(b, -1)])];
    for (const [name, inDomain] of DOMAIN) {
      const f = FNS[name] as (x: number) => number;
      for (const x of points) if (inDomain(x)) expect(f(x), `${name}(${x})`).not.toBeNaN();
      fc.assert(fc.property(fc.double({ noNaN: true }), (x) => !inDomain(x) || !Number.isNaN(f(x))));
    }
  });
  it('NaN in, NaN out', () => {
    for (const f of Object.values(FNS)) expect(f(NaN)).toBeNaN();
  });
  it('erf family at ±∞, 0 and the overflow of erfcx', () => {
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfcx(Infinity)).toBe(0);
    expect(erfcx(-Infinity)).toBe(Infinity);
    expect(erfcx(-26.7)).toBe(Infinity); // 2e^{712.9} > DBL_MAX
    expect(Number.isFinite(erfcx(-26.6))).toBe(true);
    expect(erf(5e-324)).toBe(5e-324);
  });
  it('inverses at the ends and outside the domain', () => {
    expect(erfinv(1)).toBe(Infinity);
    expect(erfinv(-1)).toBe(-Infinity);
    expect(erfinv(1.5)).toBeNaN();
    expect(Object.is(erfinv(0), 0)).toBe(true);
    expect(Object.is(erfinv(-0), -0)).toBe(true);
    expect(erfcinv(0)).toBe(Infinity);
    expect(erfcinv(2)).toBe(-Infinity);
    expect(Object.is(erfcinv(1), 0)).toBe(true);
    expect(erfcinv(-0.1)).toBeNaN();
    expect(erfcinv(2.1)).toBeNaN();
  });
  it('lgamma: +∞ at the poles, at ±∞ and beyond 2.55e305; exact zeros at 1 and 2', () => {
    for (const x of [0, -0, -1, -2, -1e300, -Infinity, Infinity, 2.6e305]) expect(lgamma(x)).toBe(Infinity);
    expect(lgamma(1)).toBe(0);
    expect(lgamma(2)).toBe(0);
    expect(lgamma(1e300)).toBeCloseTo(6.897755278982137e302, -288);
  });
  it('digamma and trigamma: NaN at the poles and −∞', () => {
    for (const x of [0, -1, -3, -1e300, -Infinity]) {
      expect(digamma(x)).toBeNaN();
      expect(trigamma(x)).toBeNaN();
    }
    expect(digamma(Infinity)).toBe(Infinity);
    expect(trigamma(Infinity)).toBe(0);
    expect(digamma(5e-324)).toBe(-Infinity); // −1/x overflows
  });
});

describe('packaging: src imports nothing from @stdlib', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  }
  it('no import or require of an @stdlib module in src/', () => {
    const src = new URL('../../src', import.meta.url).pathname;
    const offenders = files(src).filter((p) => /(from\s+|require\(|import\()\s*['"]@stdlib\//.test(readFileSync(p, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
