/**
 * The boxed-scalar protocol that lets distribution parameters carry derivatives.
 *
 * Distributions are typed with plain `number` parameters. When a model computes
 * gradients it passes *boxed scalars* (objects with a numeric `value` field, made by
 * the differentiable operations of `varinf`'s model layer) in place of numbers.
 * A distribution reads the numeric value of each parameter with {@link scalarValue}
 * and keeps the raw arguments in {@link ContinuousDistribution.operands}, so the
 * model layer can route the partial derivatives of `logPdf` back to the boxes.
 * This keeps the import direction math ← distributions ← model: distributions
 * never know what a box is beyond this one field.
 *
 * @module
 */

/**
 * A scalar that carries its numeric value in `value` (e.g. a reverse-mode node).
 *
 * @example
 * ```ts
 * const boxed: BoxedScalar = { value: 1.5 };
 * scalarValue(boxed as unknown as number); // → 1.5
 * ```
 */
export interface BoxedScalar {
  /** The numeric value of the scalar. */
  readonly value: number;
}

/**
 * The numeric value of a parameter that may be a plain number or a boxed scalar.
 *
 * @example
 * ```ts
 * scalarValue(2); // → 2
 * ```
 */
export function scalarValue(x: number): number {
  if (typeof x === 'number') return x;
  // Anything that is neither a number nor a box (undefined, null, a string) reads
  // as NaN, so the caller's domain check refuses it with a typed error instead of a
  // TypeError from reading `.value` of undefined.
  return x !== null && typeof x === 'object' ? (x as unknown as BoxedScalar).value : NaN;
}
