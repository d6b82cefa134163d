/**
 * Scale-free coordinates for the optimizer: a bijection θ = θ(φ) between a guide's
 * parameters θ and the coordinates φ in which `fit` takes its steps, chosen from
 * the start's curvature (the Laplace factor C, C Cᵀ = H⁻¹, see `map.ts`) so that
 * the ELBO is about equally curved in every direction of φ ("whitening").
 *
 * | guide | θ | φ | map |
 * | --- | --- | --- | --- |
 * | mean-field | (m_j, ω_j = log σ_j) | (a_j, b_j) | m = m₀ + C a, ω = ω₀ + b |
 * | full rank | (m, L with diagonal e^ω) | (a, L′ with diagonal e^ω′) | m = m₀ + C a, L = C L′ |
 *
 * Why: Adam moves every coordinate by about η per step whatever its scale, so a
 * regression coefficient whose posterior sd is 1e3 (an unscaled covariate) needs
 * 1e5 steps to move 1e4, and a direction along two predictors with correlation
 * 0.9999 is curved 1e4× less than its orthogonal. In φ, the location's curvature is
 * Cᵀ H C = I for a Gaussian posterior and the log-scales are unit-free, so one step
 * size suits every model (Adam's diagonal then only adapts what the Laplace
 * approximation missed). The full-rank map is exact: L = C L′ is again lower
 * triangular with a positive diagonal (L_ii = C_ii·e^{ω′_i}), so φ covers the same
 * family. Cost per step: O(d²) (mean-field) or O(d³) (full rank) for the maps and
 * the pulled-back gradient, against O(S·d²) for the full-rank estimate itself.
 *
 * @module
 */
import type { OptimizerState } from './optimizers';

/**
 * A reparameterization θ = θ(φ) of a guide's parameters (same length).
 *
 * @example
 * ```ts
 * const m0 = Float64Array.of(1, 2), omega0 = Float64Array.of(0, 0);
 * const C = Float64Array.of(2, 0, 0.5, 1); // lower-triangular, row-major
 * const pc: Preconditioner = meanFieldPreconditioner(2, m0, omega0, C);
 * const phi = Float64Array.of(1, 0.5, 1, 0); // (a₀, b₀, a₁, b₁)
 * const theta = new Float64Array(4);
 * pc.toParams(phi, theta); // θ(φ)
 * theta; // → Float64Array [3, 0.5, 3.5, 0]: m = m₀ + C a, ω = ω₀ + b
 * const gPhi = new Float64Array(4);
 * pc.pullback(phi, theta, Float64Array.of(1, 1, 1, 1), gPhi); // gφ = (∂θ/∂φ)ᵀ gθ
 * gPhi; // → Float64Array [2.5, 1, 1, 1]
 * ```
 */
export interface Preconditioner {
  /** θ ← θ(φ) (`phi` and `theta` must be different arrays). */
  toParams(phi: Float64Array, theta: Float64Array): void;
  /** φ ← φ(θ), the inverse map. */
  fromParams(theta: Float64Array, phi: Float64Array): void;
  /** gφ ← (∂θ/∂φ)ᵀ gθ at the pair (φ, θ(φ)). */
  pullback(phi: Float64Array, theta: Float64Array, gTheta: Float64Array, gPhi: Float64Array): void;
  /** True for the identity map (no preconditioning). */
  readonly identity: boolean;
}

/**
 * The identity map (φ = θ).
 *
 * @example
 * ```ts
 * identityPreconditioner().identity; // → true
 * ```
 */
export function identityPreconditioner(): Preconditioner {
  return {
    identity: true,
    toParams: (phi, theta) => theta.set(phi),
    fromParams: (theta, phi) => phi.set(theta),
    pullback: (_phi, _theta, g, out) => out.set(g),
  };
}

/**
 * Mean-field guide (θ = m₀, ω₀, m₁, ω₁, … interleaved): m = m₀ + C a, ω = ω₀ + b.
 *
 * @param d - dimension
 * @param m0 - the start's locations
 * @param omega0 - the start's log-scales
 * @param C - lower-triangular factor (row-major d×d), C Cᵀ = H⁻¹ at the start
 * @example
 * ```ts
 * const m0 = Float64Array.of(1, 2), omega0 = Float64Array.of(0, 0);
 * const C = Float64Array.of(2, 0, 0.5, 1); // lower-triangular, row-major
 * const pc = meanFieldPreconditioner(2, m0, omega0, C);
 * const phi = new Float64Array(4);
 * pc.fromParams(Float64Array.of(3, 0.5, 3.5, 0), phi);
 * phi; // → Float64Array [1, 0.5, 1, 0]
 * ```
 */
export function meanFieldPreconditioner(d: number, m0: Float64Array, omega0: Float64Array, C: Float64Array): Preconditioner {
  const a = new Float64Array(d);
  const r = new Float64Array(d);
  return {
    identity: false,
    toParams(phi, theta) {
      for (let j = 0; j < d; j++) a[j] = phi[2 * j];
      for (let i = 0; i < d; i++) {
        let s = m0[i];
        for (let k = 0; k <= i; k++) s += C[i * d + k] * a[k];
        theta[2 * i] = s;
        theta[2 * i + 1] = omega0[i] + phi[2 * i + 1];
      }
    },
    fromParams(theta, phi) {
      for (let i = 0; i < d; i++) r[i] = theta[2 * i] - m0[i];
      forwardSolve(C, d, r, a);
      for (let i = 0; i < d; i++) {
        phi[2 * i] = a[i];
        phi[2 * i + 1] = theta[2 * i + 1] - omega0[i];
      }
    },
    pullback(_phi, _theta, g, out) {
      for (let k = 0; k < d; k++) {
        let s = 0;
        for (let i = k; i < d; i++) s += C[i * d + k] * g[2 * i];
        out[2 * k] = s;
        out[2 * k + 1] = g[2 * k + 1];
      }
    },
  };
}

/**
 * Full-rank guide (θ = m, then L row by row: L_i0 … L_i,i−1, ω_i): m = m₀ + C a,
 * L = C L′ (L′ in the same layout as L).
 *
 * @param d - dimension
 * @param m0 - the start's locations
 * @param C - lower-triangular factor (row-major d×d)
 * @example
 * ```ts
 * const pc = fullRankPreconditioner(2, Float64Array.of(1, 2), Float64Array.of(2, 0, 0.5, 1));
 * const theta = new Float64Array(5); // m₀, m₁, ω₀, L₁₀, ω₁
 * pc.toParams(new Float64Array(5), theta); // φ = 0: a = 0 and L′ = I
 * theta; // → Float64Array [1, 2, 0.6931471805599453, 0.5, 0]: m = m₀, L = C (ω₀ = log 2)
 * ```
 */
export function fullRankPreconditioner(d: number, m0: Float64Array, C: Float64Array): Preconditioner {
  const row = (i: number): number => d + (i * (i + 1)) / 2;
  const Lp = new Float64Array(d * d); // L′ dense
  const L = new Float64Array(d * d); // L dense
  const G = new Float64Array(d * d); // ∂f/∂L dense
  const a = new Float64Array(d);
  const r = new Float64Array(d);
  const colIn = new Float64Array(d);
  const colOut = new Float64Array(d);
  const logCdiag = new Float64Array(d);
  for (let i = 0; i < d; i++) logCdiag[i] = Math.log(C[i * d + i]);

  function denseFrom(p: Float64Array, out: Float64Array): void {
    out.fill(0);
    for (let i = 0; i < d; i++) {
      const ri = row(i);
      for (let j = 0; j < i; j++) out[i * d + j] = p[ri + j];
      out[i * d + i] = Math.exp(p[ri + i]);
    }
  }

  return {
    identity: false,
    toParams(phi, theta) {
      for (let i = 0; i < d; i++) {
        let s = m0[i];
        for (let k = 0; k <= i; k++) s += C[i * d + k] * phi[k];
        theta[i] = s;
      }
      denseFrom(phi, Lp);
      for (let i = 0; i < d; i++) {
        const ri = row(i);
        for (let j = 0; j < i; j++) {
          let s = 0;
          for (let k = j; k <= i; k++) s += C[i * d + k] * Lp[k * d + j];
          theta[ri + j] = s;
        }
        theta[ri + i] = logCdiag[i] + phi[ri + i];
      }
    },
    fromParams(theta, phi) {
      for (let i = 0; i < d; i++) r[i] = theta[i] - m0[i];
      forwardSolve(C, d, r, a);
      for (let i = 0; i < d; i++) phi[i] = a[i];
      denseFrom(theta, L);
      // L′ = C⁻¹ L column by column; its diagonal is L_jj / C_jj > 0 exactly in exact arithmetic.
      for (let j = 0; j < d; j++) {
        for (let i = 0; i < d; i++) colIn[i] = L[i * d + j];
        forwardSolve(C, d, colIn, colOut);
        for (let i = j + 1; i < d; i++) phi[row(i) + j] = colOut[i];
        phi[row(j) + j] = theta[row(j) + j] - logCdiag[j];
      }
    },
    pullback(phi, theta, g, out) {
      for (let k = 0; k < d; k++) {
        let s = 0;
        for (let i = k; i < d; i++) s += C[i * d + k] * g[i];
        out[k] = s;
      }
      G.fill(0);
      for (let i = 0; i < d; i++) {
        const ri = row(i);
        for (let j = 0; j < i; j++) G[i * d + j] = g[ri + j];
        G[i * d + i] = g[ri + i] * Math.exp(-theta[ri + i]); // ∂f/∂L_ii = (∂f/∂ω_i)/L_ii
      }
      for (let k = 0; k < d; k++) {
        const rk = row(k);
        for (let j = 0; j <= k; j++) {
          let s = 0;
          for (let i = k; i < d; i++) s += C[i * d + k] * G[i * d + j];
          out[rk + j] = j === k ? s * Math.exp(phi[rk + k]) : s;
        }
      }
    },
  };
}

/** x ← C⁻¹ b for lower-triangular C (row-major). */
function forwardSolve(C: Float64Array, d: number, b: Float64Array, x: Float64Array): void {
  for (let i = 0; i < d; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= C[i * d + k] * x[k];
    x[i] = s / C[i * d + i];
  }
}

/**
 * An optimizer state that steps in φ: θ → φ, gθ → gφ, the inner step on φ, φ → θ.
 * Stateless apart from the inner optimizer's moments, so a rejected step that
 * restores θ needs nothing else. `phi` holds φ after the last step.
 *
 * @example
 * ```ts
 * // One coordinate whose posterior sd is about 10: C = 10.
 * const pc = meanFieldPreconditioner(1, Float64Array.of(0), Float64Array.of(0), Float64Array.of(10));
 * const st = new PreconditionedState(adam({ lr: 0.1 }).create(2), pc, 2);
 * const theta = Float64Array.of(0, 0); // (m, log σ)
 * st.step(theta, Float64Array.of(1, 1), 0.1, 1);
 * theta; // ≈ Float64Array [1.000, 0.100]: a step of 0.1 in φ moves m by 10 × 0.1
 * ```
 */
export class PreconditionedState implements OptimizerState {
  /** φ after the last step. */
  readonly phi: Float64Array;
  private readonly gPhi: Float64Array;

  /**
   * @param inner - the optimizer state acting on φ
   * @param pc - the map θ(φ)
   * @param numParams - length of θ and φ
   */
  constructor(
    private readonly inner: OptimizerState,
    private readonly pc: Preconditioner,
    numParams: number,
  ) {
    this.phi = new Float64Array(numParams);
    this.gPhi = new Float64Array(numParams);
  }

  step(theta: Float64Array, gTheta: Float64Array, lr: number, t: number): void {
    this.pc.fromParams(theta, this.phi);
    this.pc.pullback(this.phi, theta, gTheta, this.gPhi);
    this.inner.step(this.phi, this.gPhi, lr, t);
    this.pc.toParams(this.phi, theta);
  }

  reset(): void {
    this.inner.reset();
  }
}
