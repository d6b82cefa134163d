/**
 * The incomplete gamma functions at large shapes (Temme's uniform expansion,
 * issue #16 item 1): against independent mpmath values, the examples,
 * and properties at shapes up to 1e300 — P + Q = 1, monotonicity, quantile round
 * trips and continuity across the algorithm switch points.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gammaP,
  gammaPDerivA,
  gammaPInv,
  gammaQ,
  gammaQInv,
  gammaSampleDerivA,
  logGammaP,
  logGammaQ,
} from '../../src/math';
import { inTemmeRegion, lambdaOfEta, log1pmx, TEMME_MAX_DEVIATION, TEMME_MIN_SHAPE } from '../../src/math/incomplete-gamma-temme';
import { LARGE_SHAPE_CASES } from './incomplete-gamma-large.data';

const EPS = 2.220446049250313e-16;
const rel = (got: number, want: number): number => (got === want ? 0 : Math.abs(got - want) / Math.abs(want));

/** Shapes spread evenly in log scale over [10^lo, 10^hi]. */
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

describe('large shapes vs mpmath (quadrature of the defining integral; see the data file)', () => {
  let worstLog = 0;
  let worstValue = 0;
  it.each(LARGE_SHAPE_CASES)('a=%s x=%s', (a, x, lp, lq) => {
    // The smaller tail T (log T = min(lp, lq)) is e^{−y²}·B with y² ≈ −log T formed from
    // x/a − 1 (rounded once), so T carries a relative error of a few ε·|log T|: the
    // exponent's rounding. Its log is held to 1e-14 relative; T itself, the other tail
    // and the other tail's log (≈ −T) to 1e-14·max(1, |log T|) relative.
    const upperIsTail = lq < lp;
    const logT = upperIsTail ? lq : lp;
    const scale = Math.max(1, -logT);
    const eTail = upperIsTail ? rel(logGammaQ(a, x), lq) : rel(logGammaP(a, x), lp);
    const eOther = (upperIsTail ? rel(logGammaP(a, x), lp) : rel(logGammaQ(a, x), lq)) / scale;
    const eValue = Math.max(rel(gammaP(a, x), Math.exp(lp)), rel(gammaQ(a, x), Math.exp(lq))) / scale;
    worstLog = Math.max(worstLog, eTail);
    worstValue = Math.max(worstValue, eOther, eValue);
    expect(eTail).toBeLessThan(1e-14);
    expect(Math.max(eOther, eValue)).toBeLessThan(1e-14);
  });
  it('worst errors (printed)', () => {
    console.log(`large shapes: worst log-tail rel ${worstLog.toExponential(2)}, worst value (and complement log) rel/max(1, |log tail|) ${worstValue.toExponential(2)}`);
    expect(worstLog).toBeGreaterThan(0);
  });
});

describe('issue #16 examples', () => {
  it('P below the mean at a = 1e12 and 1e14, and P(a, a) at a = 1e16 (was NaN)', () => {
    // mpmath quadrature of the defining integral (the data file's method), 52–56 digits.
    // The "true" 0.3085 and 0.1587 were Φ(−½) and Φ(−1); the exact values differ
    // from those in the 11th digit (skewness 2/√a).
    expect(rel(gammaP(1e14, 1e14 - 5e6), 0.3085375475276201)).toBeLessThan(4 * EPS);
    expect(rel(gammaQ(1e14, 1e14 - 5e6), 0.6914624524723799)).toBeLessThan(4 * EPS);
    expect(rel(gammaP(1e12, 1e12 - 1e6), 0.15865525393141672)).toBeLessThan(4 * EPS);
    expect(rel(gammaQ(1e12, 1e12 - 1e6), 0.8413447460685832)).toBeLessThan(4 * EPS);
    expect(rel(gammaP(1e16, 1e16), 0.5000000013298076)).toBeLessThan(4 * EPS);
    expect(rel(gammaQ(1e16, 1e16), 0.4999999986701924)).toBeLessThan(4 * EPS);
    expect(rel(logGammaP(1e16, 1e16), -0.6931471779003301)).toBeLessThan(4 * EPS);
  });
});

describe('Temme helpers', () => {
  it('log1pmx matches log1p(z) − z where that has no cancellation, and the series near 0', () => {
    for (const z of [-0.4, -0.25, 0.3, 0.4]) expect(rel(log1pmx(z), Math.log1p(z) - z)).toBeLessThan(8 * EPS * Math.abs(z / (Math.log1p(z) - z)));
    // −z²/2 + z³/3 − z⁴/4 + z⁵/5 at z = 1e-5 (the next term is 3e-16 relative … of z⁶/6: 3e-21)
    const z = 1e-5;
    expect(rel(log1pmx(z), -z * z / 2 + (z * z * z) / 3 - (z * z * z * z) / 4 + z ** 5 / 5)).toBeLessThan(2 * EPS);
  });
  it('lambdaOfEta inverts η²/2 = λ − 1 − log λ on both branches', () => {
    for (const eta of [-30, -3, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 3, 30]) {
      const lam = lambdaOfEta(eta);
      expect(Math.sign(lam - 1)).toBe(Math.sign(eta));
      expect(Math.abs(lam - 1 - Math.log(lam) - (eta * eta) / 2)).toBeLessThanOrEqual(1e-13 * Math.max(1, (eta * eta) / 2));
    }
  });
});

describe('large shapes: properties', () => {
  const huge = logUniform(1, 300);
  /** x around a, k standard deviations away, plus far tails by factors. */
  const argAround = (a: number, k: number): number => a + k * Math.sqrt(a);

  it('P + Q = 1 (both computed, one from the other only through its own tail)', () => {
    fc.assert(
      fc.property(huge, fc.double({ min: -40, max: 40, noNaN: true }), (a, k) => {
        const x = argAround(a, k);
        return Math.abs(gammaP(a, x) + gammaQ(a, x) - 1) <= 4 * EPS;
      }),
      { numRuns: 400 },
    );
  });

  it('P is nondecreasing and log Q nonincreasing in x', () => {
    fc.assert(
      fc.property(huge, fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (a, k, dk) => {
        const x = argAround(a, k);
        const y = argAround(a, k + dk);
        return gammaP(a, y) >= gammaP(a, x) && logGammaP(a, y) >= logGammaP(a, x) && logGammaQ(a, y) <= logGammaQ(a, x);
      }),
      { numRuns: 400 },
    );
  });

  it('quantile(cdf(x)) ≈ x, 1e-13 relative (the quantile is well conditioned at large a)', () => {
    fc.assert(
      fc.property(logUniform(1.31, 300), fc.double({ min: -30, max: 30, noNaN: true }), (a, k) => {
        const x = argAround(a, k);
        const p = gammaP(a, x);
        const q = gammaQ(a, x);
        const back = p <= 0.5 ? gammaPInv(a, p) : gammaQInv(a, q);
        return rel(back, x) <= 1e-13;
      }),
      { numRuns: 300 },
    );
  });

  it('no NaN and results in [0, 1] over the whole range of shapes and arguments', () => {
    fc.assert(
      fc.property(logUniform(-300, 300), logUniform(-300, 300), (a, x) => {
        const v = [gammaP(a, x), gammaQ(a, x), Math.exp(logGammaP(a, x)), Math.exp(logGammaQ(a, x))];
        return v.every((t) => t >= 0 && t <= 1);
      }),
      { numRuns: 500 },
    );
  });

  it('inverse: no NaN, and log P at the answer is the target, for shapes 1e-300 … 1e300', () => {
    fc.assert(
      fc.property(logUniform(-300, 300), fc.double({ min: -300, max: Math.log10(0.5), noNaN: true }), fc.boolean(), (a, e, upper) => {
        const p = 10 ** e;
        const x = upper ? gammaQInv(a, p) : gammaPInv(a, p);
        if (!(x >= 0) || x !== x) return false;
        // x = 0 or ∞ only where the true quantile under- or overflows; else bracket p by x(1 ∓ 1e-13).
        if (x === 0 || x === Infinity) return true;
        const f = upper ? (t: number) => -gammaQ(a, t) : (t: number) => gammaP(a, t);
        const target = upper ? -p : p;
        return f(x * (1 - 1e-13)) <= target && target <= f(x * (1 + 1e-13));
      }),
      { numRuns: 300 },
    );
  });
});

describe('∂x/∂a at fixed P (implicit reparameterization) at large shapes', () => {
  // −(∂P/∂a)/f with ∂P/∂a = mpmath.diff of mpmath.gammainc (40 digits), at x = gammaPInv(a, p), p = 0.1, 0.5, 0.9.
  const cases: [number, number, number][] = [
    [25, 18.844324196989245, 0.8710898558089939],
    [25, 24.667468366988416, 0.9999674675005527],
    [25, 31.58356050286316, 1.1289251724325096],
    [100, 87.41763649959366, 0.9358275164730774],
    [100, 99.66686491931549, 0.9999980102493883],
    [100, 113.01052385984447, 1.0641733824673218],
    [1e4, 9872.060875049736, 0.9935921468545164],
    [1e4, 9999.666668642047, 0.9999999998024547],
    [1e4, 10128.367373674177, 1.0064078532341088],
  ];
  it.each(cases)('a=%s x=%s', (a, x, want) => {
    expect(rel(gammaSampleDerivA(a, x), want)).toBeLessThan(4 * EPS);
  });
  it('matches central differences of the quantile up to a = 1e300 (was 0.39 instead of 1 at a = 1e12)', () => {
    fc.assert(
      fc.property(logUniform(4, 300), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (a, p) => {
        const x = gammaPInv(a, p);
        const h = 1e-4 * a;
        const fd = (gammaPInv(a + h, p) - gammaPInv(a - h, p)) / (2 * h);
        // fd: rounding ≈ 1e-16·x/h = 1e-12, truncation ≈ h²·|x‴|/6 ≲ 1e-9.
        return rel(gammaSampleDerivA(a, x), fd) <= 1e-8;
      }),
      { numRuns: 200 },
    );
  });
});

describe('continuity across the switch points', () => {
  const next = (x: number, up: boolean): number => {
    const b = new Float64Array([x]);
    const u = new BigInt64Array(b.buffer);
    u[0] += up ? 1n : -1n;
    return b[0];
  };

  it('|x/a − 1| = 0.4: Temme inside, series / continued fraction outside, no jump beyond the true change and the tolerance of the data table', () => {
    fc.assert(
      fc.property(logUniform(Math.log10(TEMME_MIN_SHAPE), 300), fc.boolean(), (a, above) => {
        const edge = a * (1 + (above ? TEMME_MAX_DEVIATION : -TEMME_MAX_DEVIATION));
        // Two neighbouring doubles on either side of the switch.
        let xin = edge;
        while (!inTemmeRegion(a, xin)) xin = next(xin, !above);
        let xout = xin;
        while (inTemmeRegion(a, xout)) xout = next(xout, above);
        // The true change across the switch, extrapolated from one more step inside; the
        // tolerance is that of the data table (the complement's log carries the tail's ε·|log T|).
        const xin2 = next(xin, !above);
        const scale = Math.max(1, -Math.min(logGammaP(a, xin), logGammaQ(a, xin)));
        for (const f of [logGammaP, logGammaQ]) {
          const vin = f(a, xin);
          const expected = (vin - f(a, xin2)) * ((xout - xin) / (xin - xin2));
          const tol = Math.abs(vin) === scale ? 1e-14 * scale : 1e-14 * scale * Math.abs(vin);
          if (Math.abs(f(a, xout) - vin - expected) > tol + 1e-300) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('a = 20: the expansion and the series / continued fraction agree at the shape switch', () => {
    const below = next(TEMME_MIN_SHAPE, false);
    for (const x of [12.5, 15, 18, 19.99, 20, 21, 24, 27.5]) {
      for (const [f, g] of [[logGammaP, gammaP], [logGammaQ, gammaQ]] as const) {
        const vin = f(TEMME_MIN_SHAPE, x);
        const vout = f(below, x);
        // ∂ log P/∂a · Δa, Δa = 20 − below = 3.6e-15.
        const dPda = gammaPDerivA(TEMME_MIN_SHAPE, x);
        const dlog = (g === gammaP ? dPda / gammaP(20, x) : -dPda / gammaQ(20, x)) * (TEMME_MIN_SHAPE - below);
        expect(Math.abs(vin - vout - dlog)).toBeLessThanOrEqual(1e-14 * Math.abs(vin));
      }
    }
  });
});
