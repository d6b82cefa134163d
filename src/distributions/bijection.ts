/**
 * The bijection interface, apart from its instances (`transforms.ts`) so that every
 * bijection's module can implement it without importing the others.
 *
 * @module
 */

/**
 * A smooth bijection z = T(u) from ℝ onto a support, with what reparameterized
 * VI needs: T, T⁻¹, log|T′(u)|, T′(u) and d/du log|T′(u)|.
 *
 * @example
 * ```ts
 * import { expBijection } from 'varinf';
 * expBijection.forward(0);            // → 1
 * expBijection.logAbsDetJacobian(2);  // → 2, since dz/du = e^u
 * ```
 */
export interface Bijection {
  /** `"identity"`, `"exp"`, `"logit"` or `"interval(a, b)"`. */
  readonly name: string;
  /** z = T(u). */
  forward(u: number): number;
  /** u = T⁻¹(z). */
  inverse(z: number): number;
  /** log |dz/du| at u. */
  logAbsDetJacobian(u: number): number;
  /** dz/du at u. */
  derivative(u: number): number;
  /** d/du log |dz/du| at u. */
  dLogAbsDetJacobian(u: number): number;
}
