import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../src/index';
import { assessParameters, assessStationarity, averagingStartBatch, ConvergenceCriterion, meanAndStderr, naturalUnits } from '../../src/vi/convergence';
import { meanField } from '../../src/vi/family-guide';
import { fit } from '../../src/vi/fit';
import { dot, exp, Exponential, Model, mul, Normal, plate } from '../../src/index';

/** n batches of i.i.d. N(mean, sd²) values for P parameters. */
function iidBatches(rng: Rng, n: number, P: number, mean: number, sd: number, drift = 0): Float64Array[] {
  return Array.from({ length: n }, (_, b) => Float64Array.from({ length: P }, () => mean + drift * b + sd * rng.normal()));
}

/** The first batch of the last half (2⌊n/4⌋ batches), the window before MSER. */
const lastHalf = (n: number): number => n - 2 * Math.floor(n / 4);

const settings = { window: 25, minSteps: 0, stderrTolerance: 2.5e-3, paramTolerance: 2e-3, gradTolerance: 0.05, tolerance: 2e-4, relTolerance: 0, checkSamples: 500 };

describe('assessParameters', () => {
  it('estimates the standard error of the tail average of i.i.d. batches (z-bound)', () => {
    // 400 batches: the averaging window holds 200, SE = sd/√200. The estimate is the
    // larger of two sd estimates (from 200 and from 100 pair means); each has relative
    // sd ≈ 1/√(2·99) ≈ 7 %, so 5 of those (35 %) bound it from both sides.
    const rng = new Rng(11);
    const sd = 0.01;
    const a = assessParameters(iidBatches(rng, 400, 3, 5, sd), Float64Array.of(1, 1, 1), 1, 1, lastHalf(400));
    const se = sd / Math.sqrt(200);
    expect(a.stderr / se).toBeGreaterThan(1 - 0.35);
    expect(a.stderr / se).toBeLessThan(1 + 0.35);
  });

  it('measures in units: the same batches pass with unit 10 and fail with unit 1e-3', () => {
    const rng = new Rng(12);
    const b = iidBatches(rng, 64, 1, 0, 0.05); // SE ≈ 0.05/√32 ≈ 8.8e-3
    expect(assessParameters(b, Float64Array.of(10), 2.5e-3, 2e-3, lastHalf(b.length)).passed).toBe(true);
    expect(assessParameters(b, Float64Array.of(1e-3), 2.5e-3, 2e-3, lastHalf(b.length)).passed).toBe(false);
  });

  it('detects a drift between the last two quarters beyond 4 standard errors', () => {
    const rng = new Rng(13);
    // sd 1e-3, drift 1e-3 per batch: the quarters' means differ by ≈ 16·1e-3 ≫ 4 SE
    const a = assessParameters(iidBatches(rng, 64, 1, 0, 1e-3, 1e-3), Float64Array.of(1), 1, 2e-3, lastHalf(64));
    expect(a.drift).toBeGreaterThan(2e-3);
    expect(a.passed).toBe(false);
  });

  it('needs 16 batches', () => {
    const rng = new Rng(14);
    expect(assessParameters(iidBatches(rng, 15, 1, 0, 0), Float64Array.of(1), 1, 1, lastHalf(15)).passed).toBe(false);
    expect(assessParameters(iidBatches(rng, 16, 1, 0, 0), Float64Array.of(1), 1, 1, lastHalf(16)).passed).toBe(true);
  });
});

describe('stationarity', () => {
  it('passes a zero-mean gradient and fails one offset by 10 standard errors, in units', () => {
    const rng = new Rng(15);
    const chunks = Array.from({ length: 64 }, () => Float64Array.of(rng.normal(), 0.5 + rng.normal()));
    const m = new Float64Array(2);
    const s = new Float64Array(2);
    meanAndStderr(chunks, m, s);
    expect(assessStationarity(Float64Array.of(m[0]), Float64Array.of(s[0]), Float64Array.of(1), 0.05).passed).toBe(true);
    const far = assessStationarity(Float64Array.of(10 * s[1] + 0.1), Float64Array.of(s[1]), Float64Array.of(1), 0.05);
    expect(far.passed).toBe(false);
    // The unit scales the excess: a gradient of 100 per unit of 1e-4 is 0.01 nats per unit.
    expect(assessStationarity(Float64Array.of(100), Float64Array.of(0), Float64Array.of(1e-4), 0.05).passed).toBe(true);
  });

  it('meanAndStderr: mean and standard error of the mean', () => {
    const m = new Float64Array(1);
    const s = new Float64Array(1);
    meanAndStderr([Float64Array.of(1), Float64Array.of(3)], m, s);
    expect(m[0]).toBe(2);
    expect(s[0]).toBe(1);
  });
});

describe('ConvergenceCriterion', () => {
  it('keeps ψ batches and measured batches apart; the window is chosen on the measured ones', () => {
    const rule = new ConvergenceCriterion(settings);
    for (let b = 0; b < 16; b++) rule.addBatch(Float64Array.of(b), Float64Array.of(0));
    expect(rule.ready(400)).toBe(true);
    expect(rule.parameters(Float64Array.of(1)).passed).toBe(true); // measured batches are constant
    expect(rule.tailStart()).toBe(0); // constant measured batches: the whole run is averaged
    const t = new Float64Array(1);
    rule.tailMean(t);
    expect(t[0]).toBe(7.5); // mean of ψ batches 0..15
    const q1 = new Float64Array(1);
    const q2 = new Float64Array(1);
    rule.halfMeans(q1, q2);
    expect([q1[0], q2[0]]).toEqual([3.5, 11.5]);
    expect(rule.elboAgrees(-1.0, -1.0001, 0)).toBe(true);
    expect(rule.elboAgrees(-1.0, -1.01, 0)).toBe(false);
    expect(rule.elboAgrees(-1.0, -1.01, 0.01)).toBe(true); // within 4 CRN standard errors
  });

  it('tailStart: the last half until a check chooses, and again once a batch is added', () => {
    const rule = new ConvergenceCriterion(settings);
    for (let b = 0; b < 16; b++) rule.addBatch(Float64Array.of(0));
    expect(rule.tailStart()).toBe(8);
    rule.parameters(Float64Array.of(1));
    expect(rule.tailStart()).toBe(0);
    rule.addBatch(Float64Array.of(0));
    expect(rule.tailStart()).toBe(9); // 17 batches, last 2·4 = 8
  });
});

describe('averagingStartBatch (MSER)', () => {
  const noisy = (k: number): number => (k % 2 === 1 ? 1e-3 : -1e-3);

  it('cuts a transient and keeps every batch after it', () => {
    for (const cut of [0, 2, 4, 6, 8]) {
      const b = Array.from({ length: 16 }, (_, k) => Float64Array.of(k < cut ? 1 : noisy(k)));
      expect(averagingStartBatch(b, Float64Array.of(1))).toBe(cut);
    }
  });

  it('never averages less than the last half, even when everything drifts', () => {
    const b = Array.from({ length: 20 }, (_, k) => Float64Array.of(0.1 * k));
    expect(averagingStartBatch(b, Float64Array.of(1))).toBe(10);
  });

  it('no cancellation: a location of 1e4 measured in units of 1e-3', () => {
    const b = Array.from({ length: 16 }, (_, k) => Float64Array.of(1e4 + (k < 4 ? 0.5 : 1e-6 * noisy(k))));
    expect(averagingStartBatch(b, Float64Array.of(1e-3))).toBe(4);
  });

  it('a transient in one coordinate is cut although the other is steady; units scale the coordinates', () => {
    const b = Array.from({ length: 16 }, (_, k) => Float64Array.of(noisy(k), k < 4 ? 0.5 : noisy(k)));
    expect(averagingStartBatch(b, Float64Array.of(1, 1))).toBe(4);
    // In units 1e3 times larger the offset of 0.5 is 5e-4 units, within the steady noise:
    // averaging it costs less than dropping four batches.
    expect(averagingStartBatch(b, Float64Array.of(1, 1e3))).toBe(0);
  });

  it('property: an even-length window of at least the last half, and the MSER minimum over those windows', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 }), (ys) => {
        const b = ys.map((y) => Float64Array.of(y));
        const nb = b.length;
        const from = averagingStartBatch(b, Float64Array.of(1));
        const L = nb - from;
        expect(L).toBeGreaterThanOrEqual(Math.max(1, 2 * Math.floor(nb / 4)));
        const score = (k: number): number => {
          const w = ys.slice(k);
          const m = w.reduce((a, c) => a + c, 0) / w.length;
          return w.reduce((a, c) => a + (c - m) ** 2, 0) / w.length ** 2;
        };
        for (let k = 0; k <= nb - 2 * Math.floor(nb / 4); k++) {
          if ((nb - k) % 2 === 0 && nb - k >= 2) expect(score(from)).toBeLessThanOrEqual(score(k) * (1 + 1e-9) + 1e-13);
        }
      }),
    );
  });
});

describe('naturalUnits', () => {
  it('mean-field on the seed model: μ and σ measured in min(1, σ)', () => {
    const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
    const guide = meanField().build(model);
    const theta = Float64Array.of(-0.32, Math.log(0.66));
    const nat = new Float64Array(2);
    guide.naturalParams!(theta, nat);
    const u = new Float64Array(2);
    naturalUnits(guide, theta, nat, u);
    expect(u[0]).toBeCloseTo(0.66, 12);
    expect(u[1]).toBeCloseTo(0.66, 12);
    naturalUnits(guide, Float64Array.of(3, Math.log(5)), nat, u);
    expect(Array.from(u)).toEqual([1, 1]);
  });
});

describe('fit: the averaging window', () => {
  it('never shorter than the last half; the result stays exact (conjugate Normal: the Laplace start is the posterior)', () => {
    const model = new Model({ prior: { z: new Normal(0, 1) }, likelihood: ({ z }) => new Normal(z, 1), data: [0.3, 1.1, -0.4, 0.9] });
    for (let seed = 1; seed <= 4; seed++) {
      const r = fit(model, { seed });
      expect(r.converged).toBe(true);
      expect(r.diagnostics.averagingStart).toBeLessThanOrEqual(r.steps / 2 + 1);
      // The exact posterior N(0.38, 0.2): within 4 of the rule's 2.5e-3 standard errors.
      const q = r.posterior.z as Normal;
      expect(Math.abs(q.mu - 0.38) / Math.sqrt(0.2)).toBeLessThan(1e-2);
      expect(Math.abs(Math.log(q.sigma / Math.sqrt(0.2)))).toBeLessThan(1e-2);
    }
  });

  it('longer than the last half when the early batches already sit at the optimum (a nonlinear regression from its Laplace start)', () => {
    // y_i ~ N(exp(x_i·w / 10), 1), w ~ N(0, 1)⁵, 200 data.
    const rng = new Rng(42);
    const X = Array.from({ length: 200 }, () => Array.from({ length: 5 }, () => rng.normal()));
    const y = X.map((x) => Math.exp(x.reduce((a, v, j) => a + v * Math.sin(j + 1), 0) / 10) + rng.normal());
    const model = new Model({ prior: { w: plate(new Normal(0, 1), 5) }, likelihood: ({ w }, i) => new Normal(exp(mul(dot(w, X[i]), 0.1)), 1), data: y });
    for (let seed = 1; seed <= 3; seed++) {
      const r = fit(model, { seed });
      expect(r.converged).toBe(true);
      expect(r.diagnostics.averagingStart).toBeLessThan(r.steps / 2);
    }
  });
});
