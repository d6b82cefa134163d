import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fullRankPreconditioner, meanFieldPreconditioner, PreconditionedState, type Preconditioner } from '../../src/vi/preconditioner';
import { sgd } from '../../src/vi/optimizers';

/** A random lower-triangular factor with a positive diagonal, from a seed. */
function factor(d: number, xs: number[]): Float64Array {
  const C = new Float64Array(d * d);
  let k = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) C[i * d + j] = i === j ? Math.exp(xs[k++]) : xs[k++];
  return C;
}

const settings = { seed: 13, numRuns: 60 };
const arr = (n: number) => fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n });

/** f(θ) = Σ w_i θ_i + ½ Σ θ_i², a smooth test function with gradient w + θ. */
function fAndGrad(theta: Float64Array, w: number[], g: Float64Array): number {
  let f = 0;
  for (let i = 0; i < theta.length; i++) {
    f += w[i] * theta[i] + 0.5 * theta[i] * theta[i];
    g[i] = w[i] + theta[i];
  }
  return f;
}

function checkMaps(pc: Preconditioner, P: number, phi: number[], w: number[]): void {
  const ph = Float64Array.from(phi);
  const th = new Float64Array(P);
  pc.toParams(ph, th);
  // Round trip
  const back = new Float64Array(P);
  pc.fromParams(th, back);
  for (let i = 0; i < P; i++) expect(Math.abs(back[i] - ph[i])).toBeLessThan(1e-9 * (1 + Math.abs(ph[i])));
  // Pullback = gradient of f(θ(φ)) by central differences
  const g = new Float64Array(P);
  fAndGrad(th, w, g);
  const gPhi = new Float64Array(P);
  pc.pullback(ph, th, g, gPhi);
  const tmp = new Float64Array(P);
  const scratch = new Float64Array(P);
  for (let k = 0; k < P; k++) {
    const h = 1e-6;
    const p1 = ph.slice();
    p1[k] += h;
    pc.toParams(p1, tmp);
    const f1 = fAndGrad(tmp, w, scratch);
    p1[k] -= 2 * h;
    pc.toParams(p1, tmp);
    const f2 = fAndGrad(tmp, w, scratch);
    const fd = (f1 - f2) / (2 * h);
    expect(Math.abs(fd - gPhi[k])).toBeLessThan(1e-5 * (1 + Math.abs(fd)));
  }
}

describe('preconditioners', () => {
  it('mean-field: θ(φ) inverts and the pullback is the chain rule (d = 3)', () => {
    const d = 3;
    fc.assert(
      fc.property(arr(6), arr(6), arr(d), arr(d), (cx, phi, m0, w0) => {
        const pc = meanFieldPreconditioner(d, Float64Array.from(m0), Float64Array.from(w0), factor(d, cx));
        checkMaps(pc, 2 * d, phi, [...phi].map((_, i) => Math.sin(i + 1)));
      }),
      settings,
    );
  });

  it('full rank: L = C L′ inverts and the pullback is the chain rule (d = 3)', () => {
    const d = 3;
    const P = d + (d * (d + 1)) / 2;
    fc.assert(
      fc.property(arr(6), arr(P), arr(d), (cx, phi, m0) => {
        const pc = fullRankPreconditioner(d, Float64Array.from(m0), factor(d, cx));
        checkMaps(pc, P, phi, [...phi].map((_, i) => Math.cos(i + 1)));
      }),
      settings,
    );
  });

  it('full rank: φ = 0 gives m = m₀ and L = C', () => {
    const d = 2;
    const C = Float64Array.of(2, 0, -0.5, 0.25);
    const pc = fullRankPreconditioner(d, Float64Array.of(3, 4), C);
    const th = new Float64Array(5);
    pc.toParams(new Float64Array(5), th);
    expect(Array.from(th)).toEqual([3, 4, Math.log(2), -0.5, Math.log(0.25)]);
  });

  it('PreconditionedState steps in φ: one SGD step moves θ by C Cᵀ g (a Newton step when C Cᵀ = H⁻¹)', () => {
    // f(m) = −½ (m − c)ᵀ H (m − c), ascent; one mean-field coordinate pair per dimension.
    const d = 2;
    const H = [4, 1, 1, 2];
    const c = [1, -1];
    // C = chol(H⁻¹): H⁻¹ = [2, −1; −1, 4]/7
    const a = Math.sqrt(2 / 7);
    const C = Float64Array.of(a, 0, -1 / 7 / a, Math.sqrt(4 / 7 - 1 / (49 * a * a)));
    const pc = meanFieldPreconditioner(d, new Float64Array(2), new Float64Array(2), C);
    const st = new PreconditionedState(sgd({ lr: 1 }).create(4), pc, 4);
    const theta = new Float64Array(4);
    const g = new Float64Array(4);
    g[0] = -(H[0] * (theta[0] - c[0]) + H[1] * (theta[2] - c[1]));
    g[2] = -(H[2] * (theta[0] - c[0]) + H[3] * (theta[2] - c[1]));
    st.step(theta, g, 1, 1);
    expect(Math.abs(theta[0] - c[0])).toBeLessThan(1e-12);
    expect(Math.abs(theta[2] - c[1])).toBeLessThan(1e-12);
  });
});
