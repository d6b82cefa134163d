/**
 * Reading an affine form off the reverse-mode tape: the entry of a node as
 * y = Σₖ cₖ·leafₖ + c₀ when every operation below it is affine with constant
 * coefficients. The linear-Gaussian kernel (`linear-gaussian-kernel.ts`) builds its
 * design matrix from these forms, once per model; the tape itself (`tape.ts`) only
 * records entries and sweeps adjoints, so this walk stays out of its hot paths.
 *
 * @module
 * @internal
 */
import { AFFINE, LEAF_DOT, VECTOR, type Tape, type TapeNode } from './tape';

/**
 * The entry `index` of `tape` as an affine function of the leaves, y = Σₖ cₖ·leafₖ + c₀,
 * when every operation below it is affine with constant coefficients (sums and
 * differences, products and quotients with numbers, `dot`/`sum` with numbers):
 * adds `scale`·cₖ into `coef[k]` and returns `scale`·c₀; NaN when an operation
 * below is not affine (a product of two latents, `exp`, …).
 *
 * @param tape - the tape holding the entry
 * @param index - entry index on the tape
 * @param scale - factor applied to every coefficient and to the constant
 * @param coef - per leaf, the coefficients to add into (length ≥ `tape.leaves`)
 * @returns `scale`·c₀, or NaN when the entry is not affine in the leaves
 * @example
 * ```ts
 * import { Tape } from './tape';
 * const tape = new Tape();
 * const [x] = tape.reset(1, new Float64Array([2]));
 * const y = tape.affine(3 * x.value + 1, x.index, 3, 1); // y = 3x + 1
 * const coef = new Float64Array(1);
 * affineForm(tape, y.index, 1, coef); // → 1
 * coef[0]; // → 3
 * ```
 */
export function affineForm(tape: Tape, index: number, scale: number, coef: Float64Array): number {
  const k = tape.kind[index];
  if (index < tape.leaves) {
    coef[index] += scale;
    return 0;
  }
  if (k === AFFINE) {
    let c = scale * tape.c0[index];
    c += affineForm(tape, tape.p1[index], scale * tape.d1[index], coef);
    const q = tape.p2[index];
    if (q >= 0) c += affineForm(tape, q, scale * tape.d2[index], coef);
    return c;
  }
  if (k === LEAF_DOT) {
    const x = tape.vecB[tape.p1[index]] as ArrayLike<number>;
    const base = tape.p2[index];
    for (let j = 0; j < x.length; j++) coef[base + j] += scale * x[j];
    return 0;
  }
  if (k === VECTOR) return vectorAffineForm(tape, index, scale, coef);
  return NaN;
}

/** {@link affineForm} of a `dot`/`sum` entry: affine when no term multiplies two nodes. */
function vectorAffineForm(tape: Tape, index: number, scale: number, coef: Float64Array): number {
  const a = tape.vecA[tape.p1[index]];
  const b = tape.vecB[tape.p1[index]];
  let c = 0;
  for (let j = 0; j < a.length; j++) {
    const x = a[j] as unknown as TapeNode | number;
    const y = b === null ? 1 : (b[j] as unknown as TapeNode | number);
    if (typeof x === 'number' && typeof y === 'number') c += scale * x * y;
    else if (typeof x === 'number') c += nodeAffineForm(tape, y as TapeNode, scale * x, coef);
    else if (typeof y === 'number') c += nodeAffineForm(tape, x, scale * y, coef);
    else return NaN;
  }
  return c;
}

/** {@link affineForm} of an operand node: NaN when it belongs to another tape (a constant of this one would be wrong). */
function nodeAffineForm(tape: Tape, node: TapeNode, scale: number, coef: Float64Array): number {
  return node.tape === tape ? affineForm(tape, node.index, scale, coef) : NaN;
}
