import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  gammaP,
  gammaPDerivA,
  gammaPInv,
  gammaPInvFromLog,
  gammaQ,
  gammaQInv,
  gammaQInvFromLog,
  gammaSampleDerivA,
  lgamma,
  logGammaP,
  logGammaQ,
} from '../../src/math';

const rel = (got: number, want: number): number =>
  got === want ? 0 : Math.abs(got - want) / Math.abs(want);

/** [a, x, log P(a, x), log Q(a, x)] from mpmath (40 digits), incl. large a with x ≈ a. */
const MP: [number, number, number, number][] = [
  [0.001, 0.4, -0.0007028873266574076, -7.260665377101936],
  [0.001, 0.9, -0.0002604636175250051, -8.253177599518317],
  [0.001, 1.05, -0.00020210713859750642, -8.506813663940413],
  [0.001, 1.2, -0.0001586049039593953, -8.749173630346547],
  [0.01, 0.4, -0.007074402894334997, -4.954807351723875],
  [0.01, 0.9, -0.0026297981419669456, -5.942162798752952],
  [0.01, 1.05, -0.0020421653239913714, -6.194765509612665],
  [0.01, 1.2, -0.001603744611526183, -6.4362157671006255],
  [0.1, 0.4, -0.07518288275919516, -2.625187629881055],
  [0.1, 0.9, -0.028803975455974778, -3.561609283125872],
  [0.1, 1.05, -0.022534224077774702, -3.8039660094633314],
  [0.1, 1.2, -0.017818978479621557, -4.036387442400204],
  [0.3, 0.4, -0.2531124395706124, -1.4978096944982724],
  [0.3, 0.9, -0.10286070054565231, -2.325369170301189],
  [0.3, 1.05, -0.08167617699903247, -2.5455530565409275],
  [0.3, 1.2, -0.06549334437677451, -2.7583747085586756],
  [0.7, 0.4, -0.7032257829307773, -0.6831691436978615],
  [0.7, 0.9, -0.31347083498303924, -1.3126933867269306],
  [0.7, 1.05, -0.2550097315259408, -1.4912503225220362],
  [0.7, 1.2, -0.20925901814288753, -1.6669880917991595],
  [1000, 1158.113883008419, -9.26613601257309e-07, -13.891729648706539],
  [1000, 1031.6227766016839, -0.17270689998146452, -1.8412702801019],
  [1000, 1063.2455532033675, -0.024733247900355144, -3.7119480068285418],
  [1000, 936.7544467966325, -3.862447406344508, -0.021240491151816084],
  [1000, 968.3772233983162, -1.8412817215190056, -0.17270474308649825],
  [1000, 841.886116991581, -16.55616356285936, -6.45281979864128e-08],
  [1000, 990.5131670194949, -0.9525569043404366, -0.487358846409866],
  [1000, 1000.0, -0.6847718632903101, -0.7015932366459725],
  [1000, 1009.4868329805051, -0.47551737435003705, -0.9717067031055856],
  [5000, 5000.0, -0.6893929683738754, -0.6969155399835636],
  [5000, 5141.42135623731, -0.02378895132866161, -3.7504049319979065],
  [5000, 5021.213203435596, -0.47876799060322417, -0.9663905507413258],
  [5000, 4646.446609406727, -15.684921801284895, -1.5421444175904858e-07],
  [5000, 4929.289321881345, -1.8410730008522629, -0.17274409497219506],
  [5000, 5070.710678118655, -0.17274428781117426, -1.8410719781702969],
  [5000, 5353.553390593273, -5.004282804345673e-07, -14.507801794508126],
  [5000, 4978.786796564404, -0.9578266789772644, -0.4840635118765915],
  [5000, 4858.57864376269, -3.8175656619423126, -0.022226432852395808],
  [20000.0, 19717.15728752538, -3.8001679151407575, -0.022620951138304084],
  [20000.0, 19858.578643762692, -1.8410344187958336, -0.1727513702451497],
  [20000.0, 20000.0, -0.6912683142676812, -0.6950295836369416],
  [20000.0, 20141.421356237308, -0.17275139434815792, -1.8410342909762678],
  [20000.0, 20282.84271247462, -0.023402258032125256, -3.7666010738914886],
  [20000.0, 20042.426406871193, -0.4800876855253935, -0.9642452268873318],
  [20000.0, 19292.893218813453, -15.366433755025291, -2.120521400250366e-07],
  [20000.0, 20707.106781186547, -3.814808065804869e-07, -14.779205488632922],
  [20000.0, 19957.573593128807, -0.9599633077561746, -0.48273543246724976],
  [100000.0, 100632.45553203368, -0.023187356729230266, -3.775719393662192],
  [100000.0, 100000.0, -0.6923064898187249, -0.6939885786567972],
  [100000.0, 99367.54446796632, -3.7907293295083946, -0.022837939984903615],
  [100000.0, 99905.13167019495, -0.9611456427721391, -0.4820024944680499],
  [100000.0, 100316.22776601683, -0.17275330076565168, -1.8410241812019348],
  [100000.0, 99683.77223398317, -1.8410241926340902, -0.17275329860985755],
  [100000.0, 100094.86832980505, -0.4808183876715362, -0.9630605732245843],
  [1.5, 0.27525512860841106, -2.382303492575571, -0.09688281236639265],
  [1000, 683.7722339831621, -67.1309532858892, -7.004827147757409e-30],
  [0.3, 0.5, -0.20602613789872487, -1.680997313970555],
  [9.99, 1.1, -15.124285514705921, -2.7015083666282354e-07],
  [30, 1.2, -70.34916125596781, -2.803802767055508e-31],
  [20000.0, 18585.786437626906, -55.72014527665938, -6.3248229883589605e-25],
  [0.01, 2.5579603102860847e-11, -0.23820195041232894, -1.551374352313528],
  [100000.0, 96837.72233983163, -54.31072360142122, -2.589121503757549e-24],
  [0.001, 5.146429810790725, -9.695959594485265e-07, -13.846386873673415],
  [30, 1.05, -74.21011178740126, -5.901439360720172e-33],
];

describe('incomplete gamma vs mpmath', () => {
  it.each(MP)('a=%s x=%s', (a, x, lp, lq) => {
    // The condition number of log P and log Q in x is at most ≈ 1 + |x − a|/min(|log|, 1).
    const c = 1 + Math.abs(x - a);
    const cp = c / Math.min(Math.abs(lp), 1);
    const cq = c / Math.min(Math.abs(lq), 1);
    expect(rel(logGammaP(a, x), lp)).toBeLessThan(1e-14 * cp);
    expect(rel(logGammaQ(a, x), lq)).toBeLessThan(1e-14 * cq);
    expect(rel(gammaP(a, x), Math.exp(lp))).toBeLessThan(1e-14 * c);
    expect(rel(gammaQ(a, x), Math.exp(lq))).toBeLessThan(1e-14 * c);
  });
});

describe('incomplete gamma: special values', () => {
  it('boundaries and invalid input', () => {
    expect(gammaP(2, 0)).toBe(0);
    expect(gammaQ(2, 0)).toBe(1);
    expect(gammaP(2, Infinity)).toBe(1);
    expect(gammaQ(2, Infinity)).toBe(0);
    expect(logGammaP(2, 0)).toBe(-Infinity);
    expect(logGammaQ(2, Infinity)).toBe(-Infinity);
    expect(gammaP(NaN, 1)).toBeNaN();
    expect(gammaP(1, NaN)).toBeNaN();
    expect(gammaP(0, 1)).toBeNaN();
    expect(gammaP(-1, 1)).toBeNaN();
    expect(gammaPInv(2, 0)).toBe(0);
    expect(gammaPInv(2, 1)).toBe(Infinity);
    expect(gammaQInv(2, 0)).toBe(Infinity);
    expect(gammaQInv(2, 1)).toBe(0);
    expect(gammaPInv(2, 1.5)).toBeNaN();
    expect(gammaPInv(2, NaN)).toBeNaN();
    expect(gammaPDerivA(2, 0)).toBe(0);
  });
  it('underflowing quantiles return 0, never NaN', () => {
    expect(gammaPInv(0.001, 0.25)).toBe(0);
    expect(gammaPInv(0.001, 1e-300)).toBe(0);
    expect(gammaPInv(0.5, 1e-300)).toBe(0);
    expect(gammaPInvFromLog(0.001, -1e6)).toBe(0);
    expect(rel(gammaPInv(0.001, 0.5), 5.244206408277979e-302)).toBeLessThan(1e-13);
  });
  it('log P in the far lower tail (x = 1e-300)', () => {
    // log P(a, x) → a log x − log Γ(a + 1) as x → 0.
    expect(rel(logGammaP(100, 1e-300), 100 * Math.log(1e-300) - 363.73937555556347)).toBeLessThan(1e-15);
    expect(rel(logGammaP(0.001, 1e-300), 0.001 * Math.log(1e-300) + 0.0005763935982833696)).toBeLessThan(1e-14);
  });
  it('log-inverses far below the double range', () => {
    for (const [a, t] of [[100, -2000], [1, -700], [0.5, -300], [1e4, -3000], [0.001, -0.5]] as const) {
      const x = gammaPInvFromLog(a, t);
      expect(rel(logGammaP(a, x), t)).toBeLessThan(1e-13);
      const y = gammaQInvFromLog(a, t);
      // For a = 0.001, log Q = −0.5 needs x ≈ e^{−932}: underflows to 0 by design.
      if (a === 0.001) expect(y).toBe(0);
      else expect(rel(logGammaQ(a, y), t)).toBeLessThan(1e-13);
    }
  });
});

const shape = fc.oneof(
  fc.double({ min: 1e-3, max: 1, noNaN: true }),
  fc.double({ min: 1, max: 100, noNaN: true }),
  fc.double({ min: 100, max: 1e5, noNaN: true }),
);
/** x spread around the bulk of Gamma(a): a·e^u. */
const arg = (a: number, u: number): number => a * Math.exp(u);

describe('incomplete gamma: properties', () => {
  it('P + Q = 1', () => {
    fc.assert(
      fc.property(shape, fc.double({ min: -20, max: 3, noNaN: true }), (a, u) => {
        const x = arg(a, u);
        return Math.abs(gammaP(a, x) + gammaQ(a, x) - 1) <= 5e-16;
      }),
    );
  });
  it('P is nondecreasing and Q nonincreasing in x', () => {
    fc.assert(
      fc.property(
        shape,
        fc.double({ min: -20, max: 3, noNaN: true }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        (a, u, d) => {
          const x = arg(a, u);
          const y = x * (1 + d);
          return gammaP(a, y) >= gammaP(a, x) && logGammaQ(a, y) <= logGammaQ(a, x);
        },
      ),
    );
  });
  it('gammaPInv(a, gammaP(a, x)) ≈ x and gammaQInv(a, gammaQ(a, x)) ≈ x', () => {
    fc.assert(
      fc.property(shape, fc.double({ min: -5, max: 1.5, noNaN: true }), (a, u) => {
        const x = arg(a, u);
        const p = gammaP(a, x);
        const q = gammaQ(a, x);
        if (p === 0 || q === 0 || p === 1 || q === 1) return true;
        // Condition of x in (log p or log q): 1/|d log P/d log x| (resp. Q), from differences.
        const h = 1e-6;
        const sP = Math.abs(logGammaP(a, x * (1 + h)) - logGammaP(a, x)) / h;
        const sQ = Math.abs(logGammaQ(a, x * (1 + h)) - logGammaQ(a, x)) / h;
        const condP = 1 / Math.max(Math.min(sP, sQ * (q / p)), 1e-300);
        const condQ = 1 / Math.max(Math.min(sQ, sP * (p / q)), 1e-300);
        return (
          rel(gammaPInv(a, p), x) <= 1e-14 * Math.max(1, condP) &&
          rel(gammaQInv(a, q), x) <= 1e-14 * Math.max(1, condQ)
        );
      }),
      { numRuns: 200 },
    );
  });
  it('gammaPDerivA matches central differences of gammaP', () => {
    fc.assert(
      fc.property(shape, fc.double({ min: -3, max: 1, noNaN: true }), (a, u) => {
        const x = arg(a, u);
        const h = 1e-5 * a;
        const fd = (gammaP(a + h, x) - gammaP(a - h, x)) / (2 * h);
        const d = gammaPDerivA(a, x);
        return d <= 0 && Math.abs(d - fd) <= 1e-5 * Math.abs(fd) + 1e-9 / a;
      }),
      { numRuns: 150 },
    );
  });
  it('gammaSampleDerivA equals ∂/∂a of the quantile at fixed p', () => {
    for (const [a, p] of [[0.5, 0.3], [2, 0.5], [30, 0.9], [1000, 0.01], [0.05, 0.99]] as const) {
      const x = gammaPInv(a, p);
      const h = 1e-6 * a;
      const fd = (gammaPInv(a + h, p) - gammaPInv(a - h, p)) / (2 * h);
      expect(rel(gammaSampleDerivA(a, x), fd)).toBeLessThan(1e-6);
      expect(rel(gammaSampleDerivA(a, x), -gammaPDerivA(a, x) / Math.exp((a - 1) * Math.log(x) - x - lgamma(a)))).toBeLessThan(1e-12);
    }
  });
});
