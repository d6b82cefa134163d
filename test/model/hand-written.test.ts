/**
 * A hand-written object implementing DifferentiableModel type-checks and behaves
 * like the Model it mirrors (the VI module accepts either).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expBijection, nonNegative, type DifferentiableModel, type LatentBlock } from '../../src/index';
import { density1d, expNormal, finiteDiff, logIntegral, maxRelDiff } from './helpers';

const LN_SQRT_2PI = 0.9189385332046727;

/** The seed model z ~ Exponential(1), x | z ~ Normal(z, 1), x = 1.3, on u = log z, by hand. */
const handWritten: DifferentiableModel = {
  dim: 1,
  blocks: [
    { name: 'z', offset: 0, size: 1, scalar: true, support: nonNegative, bijection: expBijection },
  ] satisfies LatentBlock[],
  logDensity(u) {
    const z = Math.exp(u[0]);
    return -z - 0.5 * (1.3 - z) ** 2 - LN_SQRT_2PI + u[0];
  },
  logDensityGradient(u, g) {
    const z = Math.exp(u[0]);
    g[0] = (-1 + (1.3 - z)) * z + 1;
    return -z - 0.5 * (1.3 - z) ** 2 - LN_SQRT_2PI + u[0];
  },
};

/** Anything consuming the interface (as VI does) only sees these members. */
function valueAndGradient(m: DifferentiableModel, u: Float64Array): [number, Float64Array] {
  const g = new Float64Array(m.dim);
  return [m.logDensityGradient(u, g), g];
}

describe('hand-written DifferentiableModel', () => {
  const model = expNormal([1.3]);

  it('has the same layout as the Model', () => {
    expect(handWritten.dim).toBe(model.dim);
    const { name, offset, size, scalar, support, bijection } = model.blocks[0];
    expect({ name, offset, size, scalar, support, bijection }).toEqual(handWritten.blocks[0]);
  });

  it('agrees with the Model and with finite differences', () => {
    fc.assert(
      fc.property(fc.double({ min: -4, max: 2, noNaN: true }), (x) => {
        const u = new Float64Array([x]);
        const [v1, g1] = valueAndGradient(handWritten, u);
        const [v2, g2] = valueAndGradient(model, u);
        expect(Math.abs(v1 - v2)).toBeLessThanOrEqual(1e-13 * Math.abs(v2));
        expect(maxRelDiff(g1, g2)).toBeLessThanOrEqual(1e-12);
        expect(maxRelDiff(g1, finiteDiff((y) => handWritten.logDensity(y), u))).toBeLessThanOrEqual(1e-6);
      }),
    );
  });

  it('integrates to the reference evidence log p(x = 1.3) = -1.2814101615884812', () => {
    const got = logIntegral(density1d(handWritten), -Infinity, Infinity, -10, 3);
    expect(Math.abs(got - -1.2814101615884812)).toBeLessThanOrEqual(1e-8);
  });
});
