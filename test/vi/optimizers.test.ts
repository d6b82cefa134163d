/**
 * Unit tests of the optimizers and schedules (issue #11: the pieces that had none):
 * each update against its formula written out by hand for a few steps, ascent on a
 * concave quadratic, clipping, reset, withLr, option checks, and the schedules'
 * factors.
 */
import { describe, expect, it } from 'vitest';
import { adagrad, adam, constant, inverseSqrt, momentum, polynomialDecay, rmsprop, sgd, stepDecay, type Optimizer } from '../../src/vi/index';

/** Runs `steps` updates on p with the gradient g(p), step size lr·schedule(t). */
function run(opt: Optimizer, p0: number[], grad: (p: Float64Array) => number[], steps: number, lr = 0.1): Float64Array {
  const p = Float64Array.from(p0);
  const s = opt.create(p.length);
  for (let t = 1; t <= steps; t++) s.step(p, Float64Array.from(grad(p)), lr * opt.schedule.factor(t), t);
  return p;
}

describe('optimizers: one update against the formula', () => {
  const g = [0.5, -2];
  it('sgd: θ += η g', () => {
    expect(Array.from(run(sgd({ schedule: constant() }), [1, 1], () => g, 1))).toEqual([1 + 0.1 * 0.5, 1 - 0.1 * 2]);
  });
  it('momentum: v = μv + g, θ += η v (two steps)', () => {
    const p = run(momentum({ momentum: 0.5, schedule: constant() }), [0, 0], () => g, 2);
    // v1 = g, v2 = 0.5g + g = 1.5g; θ = 0.1(g + 1.5g) = 0.25 g
    expect(p[0]).toBeCloseTo(0.25 * 0.5, 15);
    expect(p[1]).toBeCloseTo(0.25 * -2, 15);
  });
  it('adam: the bias-corrected first step moves each coordinate by η·sign(g) (up to ε)', () => {
    const p = run(adam({ schedule: constant() }), [0, 0], () => g, 1);
    expect(p[0]).toBeCloseTo(0.1, 7);
    expect(p[1]).toBeCloseTo(-0.1, 7);
  });
  it('adam: two steps with a changing gradient match the written-out recursion', () => {
    const gs = [[1, 0], [3, 2]];
    let t = 0;
    const b1 = 0.9;
    const b2 = 0.999;
    const p = run(adam({ schedule: constant(), epsilon: 1e-8 }), [0, 0], () => gs[t++], 2);
    const m = [0, 0];
    const v = [0, 0];
    const want = [0, 0];
    for (let k = 1; k <= 2; k++) {
      for (let i = 0; i < 2; i++) {
        const gi = gs[k - 1][i];
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        want[i] += (0.1 * (m[i] / (1 - b1 ** k))) / (Math.sqrt(v[i] / (1 - b2 ** k)) + 1e-8);
      }
    }
    expect(p[0]).toBeCloseTo(want[0], 14);
    expect(p[1]).toBeCloseTo(want[1], 14);
  });
  it('adagrad: θ += η g/√(Σg²)', () => {
    const p = run(adagrad({ epsilon: 1e-12 }), [0, 0], () => g, 2);
    // step 1: η·sign; step 2: η g/√(2g²) = η/√2·sign
    expect(p[0]).toBeCloseTo(0.1 + 0.1 / Math.SQRT2, 10);
    expect(p[1]).toBeCloseTo(-(0.1 + 0.1 / Math.SQRT2), 10);
  });
  it('rmsprop: the bias-corrected first step is η·sign(g)', () => {
    const p = run(rmsprop({ schedule: constant() }), [0, 0], () => g, 1);
    expect(p[0]).toBeCloseTo(0.1, 7);
    expect(p[1]).toBeCloseTo(-0.1, 7);
  });
});

describe('optimizers: behaviour', () => {
  // Ascent on f(p) = −½((p0 − 3)² + 10(p1 + 1)²): the maximum is (3, −1).
  const grad = (p: Float64Array): number[] => [-(p[0] - 3), -10 * (p[1] + 1)];
  it.each([
    ['sgd', sgd({ schedule: constant() }), 0.05],
    ['momentum', momentum({ schedule: constant() }), 0.01],
    ['adam', adam(), 0.1],
    ['adagrad', adagrad(), 0.5],
    ['rmsprop', rmsprop(), 0.05],
  ] as const)('%s climbs a concave quadratic to its maximum', (_name, opt, lr) => {
    const p = run(opt, [0, 0], grad, 3000, lr);
    expect(p[0]).toBeCloseTo(3, 2);
    expect(p[1]).toBeCloseTo(-1, 2);
  });
  it('clipNorm rescales a large gradient to that norm', () => {
    const p = run(sgd({ schedule: constant(), clipNorm: 1 }), [0, 0], () => [30, 40], 1, 1);
    expect(p[0]).toBeCloseTo(0.6, 15);
    expect(p[1]).toBeCloseTo(0.8, 15);
    const small = run(sgd({ schedule: constant(), clipNorm: 100 }), [0, 0], () => [3, 4], 1, 1);
    expect(Array.from(small)).toEqual([3, 4]);
  });
  it('reset clears the moments: the next step is a first step again', () => {
    const opt = adam({ schedule: constant() });
    const p = new Float64Array(1);
    const s = opt.create(1);
    s.step(p, Float64Array.of(1), 0.1, 1);
    s.step(p, Float64Array.of(1), 0.1, 2);
    s.reset();
    const before = p[0];
    s.step(p, Float64Array.of(-5), 0.1, 1);
    expect(p[0] - before).toBeCloseTo(-0.1, 7);
  });
  it('withLr keeps every other option; lr, schedule and clipNorm are validated', () => {
    const o = adam({ beta1: 0.5, clipNorm: 2 }).withLr(0.3);
    expect([o.name, o.lr, o.clipNorm]).toEqual(['adam', 0.3, 2]);
    expect(() => sgd({ lr: -1 })).toThrow(/lr/);
    expect(() => adam({ beta1: 1 })).toThrow(/beta1/);
    expect(() => momentum({ momentum: 1.5 })).toThrow(/momentum/);
    expect(() => sgd({ clipNorm: 0 })).toThrow(/clipNorm/);
    expect(() => sgd({ schedule: {} as never })).toThrow(/schedule/);
  });
});

describe('schedules', () => {
  it('constant is 1; inverseSqrt(t0) = 1/√(1 + t/t0)', () => {
    expect(constant().factor(1000)).toBe(1);
    expect(inverseSqrt(100).factor(300)).toBe(0.5);
  });
  it('polynomialDecay(t0, power) = (1 + t/t0)^(−power); stepDecay(every, γ) = γ^⌊t/every⌋', () => {
    expect(polynomialDecay(10, 1).factor(10)).toBe(0.5);
    expect(polynomialDecay(10, 0.5).factor(30)).toBe(0.5);
    expect([stepDecay(10, 0.5).factor(9), stepDecay(10, 0.5).factor(10), stepDecay(10, 0.5).factor(25)]).toEqual([1, 0.5, 0.25]);
  });
  it('are non-increasing in t and refuse bad arguments', () => {
    for (const s of [inverseSqrt(5), polynomialDecay(5, 0.7), stepDecay(3, 0.8)]) {
      for (let t = 1; t < 200; t++) expect(s.factor(t + 1)).toBeLessThanOrEqual(s.factor(t));
    }
    expect(() => inverseSqrt(0)).toThrow(/t0/);
    expect(() => polynomialDecay(10, 2)).toThrow(/power/);
    expect(() => stepDecay(10, 0)).toThrow(/gamma/);
  });
});
