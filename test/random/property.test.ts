import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../src/random/rng';
import { kolmogorovSurvival, ksPValue, ksStatistic } from '../helpers/ks';

const seedArb = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.bigInt(), fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }));

describe('Rng properties (fast-check)', () => {
  it('uniform() is in the open interval (0, 1) for arbitrary seeds', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const rng = new Rng(seed);
        for (let i = 0; i < 200; i++) {
          const u = rng.uniform();
          if (!(u > 0 && u < 1)) return false;
        }
        return true;
      }),
      { seed: 42, numRuns: 300 },
    );
  });
  it('same seed ⇒ same sequence (uniform, normal, exponential, gamma)', () => {
    fc.assert(
      fc.property(seedArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (seed, shape) => {
        const a = new Rng(seed);
        const b = new Rng(seed);
        for (let i = 0; i < 50; i++) {
          if (a.uniform() !== b.uniform()) return false;
          if (a.normal() !== b.normal()) return false;
          if (a.exponential() !== b.exponential()) return false;
          if (!Object.is(a.gamma(shape), b.gamma(shape))) return false;
        }
        return a.nextUint32() === b.nextUint32();
      }),
      { seed: 43, numRuns: 200 },
    );
  });
  it('state()/fromState() round-trips at any point', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(100), (seed, skip) => {
        const a = new Rng(seed);
        for (let i = 0; i < skip; i++) a.normal();
        const b = Rng.fromState(a.state());
        return a.normal() === b.normal() && a.uniformInt(1000) === b.uniformInt(1000);
      }),
      { seed: 44, numRuns: 200 },
    );
  });
});

describe('KS helper', () => {
  it('Kolmogorov survival function matches tabulated critical values', () => {
    // Critical values of the Kolmogorov distribution: P(K > 1.3581) = 0.05,
    // P(K > 1.6276) = 0.01, P(K > 1.9495) = 0.001; and Q(0.5) = 0.9639452436.
    expect(kolmogorovSurvival(1.3581)).toBeCloseTo(0.05, 4);
    expect(kolmogorovSurvival(1.6276)).toBeCloseTo(0.01, 4);
    expect(kolmogorovSurvival(1.9495)).toBeCloseTo(0.001, 5);
    expect(kolmogorovSurvival(0.5)).toBeCloseTo(0.9639452436, 8);
    // The two series agree at the switch point.
    expect(kolmogorovSurvival(1.18 - 1e-12)).toBeCloseTo(kolmogorovSurvival(1.18), 10);
    expect(kolmogorovSurvival(0)).toBe(1);
  });
  it('ksStatistic on a hand-computed example', () => {
    // Samples 0.1, 0.5, 0.9 against U(0,1): D = max(1/3-0.1, 0.5-1/3, 2/3-0.5, 0.9-2/3, 1-0.9) = 0.2333…
    expect(ksStatistic([0.1, 0.5, 0.9], (x) => x)).toBeCloseTo(0.9 - 2 / 3, 12);
    expect(() => ksStatistic([0.5, 0.1], (x) => x)).toThrow(RangeError);
  });
  it('rejects a wrong distribution and accepts the right one', () => {
    const rng = new Rng(7);
    const xs = rng.fillUniform(new Float64Array(10_000)).sort();
    expect(ksPValue(ksStatistic(xs, (x) => x), xs.length)).toBeGreaterThan(1e-3);
    expect(ksPValue(ksStatistic(xs, (x) => x ** 1.05), xs.length)).toBeLessThan(1e-3);
  });
});
