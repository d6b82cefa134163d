/**
 * The exact partial derivatives that models and VI build on: logPdfPartials
 * against Richardson finite differences in x and in every parameter, and the
 * summed (i.i.d.) forms against the per-point ones. The finite-difference check is
 * `partialsMatchFiniteDifferences` of `varinf/testing`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isClose, partialsMatchFiniteDifferences } from '../../src/testing/index';
import { registry, unitParams } from './registry';

for (const entry of registry) {
  describe(`${entry.name} partials`, () => {
    it('logPdfPartials = logPdf, and Richardson finite differences in x and in each parameter', () => {
      fc.assert(partialsMatchFiniteDifferences(entry), { numRuns: 200, seed: 11 });
    });

    it('sumLogPdf and sumLogPdfPartials equal the sums of the per-point values', () => {
      const k = entry.paramNames.length;
      const one = new Float64Array(k + 1);
      const sum = new Float64Array(k + 1);
      fc.assert(
        fc.property(entry.moderateParams, fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 50 }), (ps, qs) => {
          const d = entry.make(...ps);
          const xs = Float64Array.from(qs, (q) => d.quantile(q));
          let lp = 0;
          const acc = new Float64Array(k + 1);
          for (const x of xs) {
            lp += d.logPdfPartials(x, one);
            for (let j = 1; j <= k; j++) acc[j] += one[j];
          }
          const scale = xs.length * (1 + Math.abs(lp / xs.length));
          expect(isClose(d.sumLogPdf(xs), lp, 1e-12, 1e-12 * scale)).toBe(true);
          expect(isClose(d.sumLogPdfPartials(xs, sum), lp, 1e-12, 1e-12 * scale)).toBe(true);
          for (let j = 1; j <= k; j++) expect(isClose(sum[j], acc[j], 1e-10, 1e-10 * scale)).toBe(true);
        }),
        { numRuns: 200, seed: 12 },
      );
    });

    it('outside the support: −∞ and zero partials, never NaN', () => {
      const d = entry.make(...unitParams(entry));
      if (d.support.kind === 'real') return;
      const out = new Float64Array(entry.paramNames.length + 1).fill(7);
      expect(d.logPdfPartials(-1, out)).toBe(-Infinity);
      expect(Array.from(out)).toEqual(new Array(out.length).fill(0));
      expect(d.sumLogPdf([1, -1])).toBe(-Infinity);
    });
  });
}

describe('batched prior rows (the model layer’s addLogPdfRows / addLogPdfGradRows)', () => {
  /** Any double, including the ends of the support, ±∞ and NaN. */
  const anyX = fc.oneof(fc.double(), fc.constantFrom(0, -0, Infinity, -Infinity, NaN, 5e-324, 1e308));
  for (const entry of registry) {
    it(`${entry.name}: the bits of logPdf / logPdfPartials, row by row and column by column`, () => {
      fc.assert(
        fc.property(entry.params, fc.array(anyX, { minLength: 12, maxLength: 12 }), fc.integer({ min: 0, max: 2 }), (ps, xs, c0) => {
          const d = entry.make(...ps);
          const stride = 3;
          const rows = 4;
          const z = Float64Array.from(xs);
          const lp = Float64Array.from({ length: rows }, (_, r) => r * 0.25);
          const lp0 = lp.slice();
          const dx = new Float64Array(z.length).fill(7);
          d.addLogPdfGradRows(z, stride, c0, stride, rows, lp, dx);
          const lpv = lp0.slice();
          d.addLogPdfRows(z, stride, c0, stride, rows, lpv);
          const out = new Float64Array(d.paramNames.length + 1);
          for (let r = 0; r < rows; r++) {
            let want = lp0[r];
            let wantValue = lp0[r];
            for (let c = 0; c < stride; c++) {
              const i = r * stride + c;
              if (c < c0) {
                expect(dx[i]).toBe(7); // columns outside [c0, c1) untouched
                continue;
              }
              want += d.logPdfPartials(z[i], out);
              wantValue += d.logPdf(z[i]);
              expect(Object.is(dx[i], out[0]), `∂/∂x at ${z[i]}`).toBe(true);
            }
            expect(Object.is(lp[r], want), `row ${r}`).toBe(true);
            expect(Object.is(lpv[r], wantValue), `value row ${r}`).toBe(true);
          }
        }),
      );
    });
  }
});
