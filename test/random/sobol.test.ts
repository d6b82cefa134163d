/**
 * Owen-scrambled Sobol points: net (stratification) properties that scrambling
 * preserves, unbiasedness of the randomized estimates within 4 standard errors,
 * and the variance reduction that motivates RQMC for the ELBO.
 */
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, Rng } from '../../src/index';
import { SOBOL_MAX_DIMENSION, ScrambledSobol } from '../../src/random/sobol';

describe('ScrambledSobol', () => {
  it('every 1-D projection of 2^m points has one point per interval [j/2^m, (j+1)/2^m)', () => {
    const d = SOBOL_MAX_DIMENSION;
    const n = 64;
    const pts = new ScrambledSobol(d).fillUniform(new Rng(3), new Float64Array(n * d), n);
    for (let j = 0; j < d; j++) {
      const cells = new Set<number>();
      for (let i = 0; i < n; i++) cells.add(Math.floor(pts[i * d + j] * n));
      expect(cells.size, `dimension ${j + 1}`).toBe(n);
    }
  });

  it('the first two dimensions form a (0, m, 2)-net: one point in each 4×4 box of 16 points', () => {
    const pts = new ScrambledSobol(2).fillUniform(new Rng(4), new Float64Array(32), 16);
    for (const [bx, by] of [[4, 4], [2, 8], [8, 2], [16, 1], [1, 16]]) {
      const cells = new Set<number>();
      for (let i = 0; i < 16; i++) cells.add(Math.floor(pts[2 * i] * bx) * by + Math.floor(pts[2 * i + 1] * by));
      expect(cells.size).toBe(16);
    }
  });

  it('randomized estimates are unbiased (within 4 standard errors) and values lie in (0, 1)', () => {
    const rng = new Rng(5);
    const q = new ScrambledSobol(3);
    const buf = new Float64Array(16 * 3);
    const reps = 20_000;
    let s1 = 0;
    let s2 = 0;
    for (let r = 0; r < reps; r++) {
      q.fillNormal(rng, buf, 16);
      let s = 0;
      for (let i = 0; i < buf.length; i++) s += Math.exp(0.5 * buf[i]);
      const m = s / buf.length;
      s1 += m;
      s2 += m * m;
    }
    const mean = s1 / reps;
    const se = Math.sqrt((s2 / reps - mean * mean) / reps);
    expect(Math.abs(mean - Math.exp(0.125))).toBeLessThanOrEqual(4 * se);
    const u = q.fillUniform(rng, new Float64Array(3 * 1024), 1024);
    for (const x of u) expect(x > 0 && x < 1).toBe(true);
  });

  it('at 16 points the variance of a smooth mean is ≥ 10× lower than plain Monte Carlo', () => {
    const rng = new Rng(6);
    const q = new ScrambledSobol(1);
    const buf = new Float64Array(16);
    const f = (z: number): number => Math.log1p(Math.exp(z)) + 0.1 * z * z;
    const variance = (draw: () => void): number => {
      let s1 = 0;
      let s2 = 0;
      for (let r = 0; r < 4000; r++) {
        draw();
        let s = 0;
        for (const z of buf) s += f(z);
        s1 += s / 16;
        s2 += (s / 16) ** 2;
      }
      return s2 / 4000 - (s1 / 4000) ** 2;
    };
    const vq = variance(() => q.fillNormal(rng, buf, 16));
    const vm = variance(() => rng.fillNormal(buf));
    console.log(`[rqmc] variance ratio MC / RQMC at n = 16: ${(vm / vq).toFixed(1)}`);
    expect(vm / vq).toBeGreaterThan(10);
  });

  it('same seed, same points; rejects a bad dimension or buffer', () => {
    const a = new ScrambledSobol(4).fillNormal(new Rng(9), new Float64Array(32), 8);
    const b = new ScrambledSobol(4).fillNormal(new Rng(9), new Float64Array(32), 8);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(() => new ScrambledSobol(0)).toThrow(InvalidParameterError);
    expect(() => new ScrambledSobol(SOBOL_MAX_DIMENSION + 1)).toThrow(/ScrambledSobol: dimension must be an integer in \[1, 161\]/);
    expect(() => new ScrambledSobol(2).fillUniform(new Rng(1), new Float64Array(3), 2)).toThrow(RangeError);
  });
});
