/**
 * The differentiable operations: plain-number fast path, derivatives on the tape,
 * and the single-entry vector operations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/model/ops';
import { isNode, Tape, TapeNode } from '../../src/model/tape';

type Unary = (x: number) => number;
const unaries: [string, Unary, Unary, [number, number]][] = [
  ['neg', ops.neg, (x) => -x, [-5, 5]],
  ['exp', ops.exp, Math.exp, [-5, 5]],
  ['log', ops.log, Math.log, [0.1, 5]],
  ['log1p', ops.log1p, Math.log1p, [-0.9, 5]],
  ['expm1', ops.expm1, Math.expm1, [-5, 5]],
  ['sqrt', ops.sqrt, Math.sqrt, [0.1, 5]],
  ['square', ops.square, (x) => x * x, [-5, 5]],
  ['pow(·, 2.5)', (x) => ops.pow(x, 2.5), (x) => x ** 2.5, [0.1, 5]],
  ['sigmoid', ops.sigmoid, (x) => 1 / (1 + Math.exp(-x)), [-5, 5]],
  ['softplus', ops.softplus, (x) => Math.log1p(Math.exp(x)), [-5, 5]],
  ['tanh', ops.tanh, Math.tanh, [-3, 3]],
];

/** Value and derivative of f at x through the tape. */
function derivative(f: Unary, x: number): [number, number] {
  const tape = new Tape(4);
  const [leaf] = tape.reset(1, [x]);
  const y = f(leaf as unknown as number) as unknown as TapeNode;
  expect(isNode(y)).toBe(true);
  tape.adjoints[y.index] = 1;
  tape.backward();
  return [y.value, tape.adjoints[0]];
}

describe('unary operations', () => {
  it.each(unaries)('%s: plain numbers in, plain number out; derivative matches finite differences', (_, f, ref, [lo, hi]) => {
    fc.assert(
      fc.property(fc.double({ min: lo, max: hi, noNaN: true }), (x) => {
        const v = f(x);
        expect(typeof v).toBe('number');
        expect(Math.abs(v - ref(x))).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(v)));
        const [nv, d] = derivative(f, x);
        expect(nv).toBe(v);
        const h = 1e-4 * Math.max(1, Math.abs(x));
        const fd = (-ref(x + 2 * h) + 8 * ref(x + h) - 8 * ref(x - h) + ref(x - 2 * h)) / (12 * h);
        expect(Math.abs(d - fd)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
      }),
    );
  });

  it('softplus and sigmoid do not overflow', () => {
    expect(ops.softplus(800)).toBe(800);
    expect(ops.softplus(-800)).toBe(0);
    expect(ops.sigmoid(-800)).toBe(0);
    expect(ops.sigmoid(800)).toBe(1);
  });

  it('pow rejects a latent exponent', () => {
    const tape = new Tape();
    const [c] = tape.reset(1, [2]);
    expect(() => ops.pow(2, c as unknown as number)).toThrow('pow: the exponent must be a plain number');
  });

  it('detach gives the plain value', () => {
    const tape = new Tape();
    const [a] = tape.reset(1, [2.5]);
    expect(ops.detach(a as unknown as number)).toBe(2.5);
    expect(ops.detach(3)).toBe(3);
  });
});

describe('binary operations', () => {
  const binaries: [string, (a: number, b: number) => number, (a: number, b: number) => [number, number]][] = [
    ['add', ops.add, () => [1, 1]],
    ['sub', ops.sub, () => [1, -1]],
    ['mul', ops.mul, (a, b) => [b, a]],
    ['div', ops.div, (a, b) => [1 / b, -a / (b * b)]],
  ];
  it.each(binaries)('%s: every combination of numbers and nodes', (_, f, partials) => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.5, max: 5, noNaN: true }), (a, b) => {
        const want = f(a, b);
        const [da, db] = partials(a, b);
        for (const mode of [1, 2, 3]) {
          const tape = new Tape(2);
          const [na, nb] = tape.reset(2, [a, b]);
          const A = mode & 1 ? (na as unknown as number) : a;
          const B = mode & 2 ? (nb as unknown as number) : b;
          const y = f(A, B) as unknown as TapeNode;
          expect(y.value).toBe(want);
          tape.adjoints[y.index] = 1;
          tape.backward();
          expect(tape.adjoints[0]).toBeCloseTo(mode & 1 ? da : 0, 12);
          expect(tape.adjoints[1]).toBeCloseTo(mode & 2 ? db : 0, 12);
        }
      }),
    );
  });

  it('mul(z, z) accumulates both paths', () => {
    const tape = new Tape();
    const [z] = tape.reset(1, [3]);
    const y = ops.mul(z as unknown as number, z as unknown as number) as unknown as TapeNode;
    tape.adjoints[y.index] = 1;
    tape.backward();
    expect(tape.adjoints[0]).toBe(6);
  });
});

describe('vector operations', () => {
  it('dot and sum of plain arrays are plain numbers', () => {
    expect(ops.dot([1, 2, 3], new Float64Array([4, 5, 6]))).toBe(32);
    expect(ops.sum(new Float64Array([1, 2, 3]))).toBe(6);
    expect(() => ops.dot([1, 2], [1])).toThrow('dot: the arrays have different lengths (2 and 1)');
  });

  it('dot(w, x) of d nodes records ONE tape entry referencing x (no copy)', () => {
    const d = 50;
    const tape = new Tape(4);
    const x = new Float64Array(d).map((_, j) => j / 10);
    const w = tape.reset(d, new Float64Array(d).map((_, j) => 1 - j / 50)).slice() as unknown as Float64Array;
    const before = tape.size;
    const y = ops.dot(w, x) as unknown as TapeNode;
    expect(tape.size).toBe(before + 1);
    let want = 0;
    for (let j = 0; j < d; j++) want += (1 - j / 50) * (j / 10);
    expect(y.value).toBeCloseTo(want, 12);
    tape.adjoints[y.index] = 2;
    tape.backward();
    for (let j = 0; j < d; j++) expect(tape.adjoints[j]).toBe(2 * x[j]);
  });

  it('dot of two node vectors and sum with mixed elements', () => {
    const tape = new Tape();
    const [a, b, c, e] = tape.reset(4, [1, 2, 3, 4]) as unknown as number[];
    const y = ops.dot([a, b], [c, e]) as unknown as TapeNode; // ac + be
    const s = ops.sum([y as unknown as number, 5, a]) as unknown as TapeNode; // ac + be + 5 + a
    expect(s.value).toBe(3 + 8 + 5 + 1);
    tape.adjoints[s.index] = 1;
    tape.backward();
    expect(Array.from(tape.adjoints.subarray(0, 4))).toEqual([3 + 1, 4, 1, 2]);
  });

  it('the tape grows and resets', () => {
    const tape = new Tape(2);
    for (let round = 0; round < 3; round++) {
      const [z] = tape.reset(1, [round + 1]);
      let y = z as unknown as number;
      for (let k = 0; k < 1000; k++) y = ops.add(y, 1);
      const n = y as unknown as TapeNode;
      expect(n.value).toBe(round + 1001);
      tape.adjoints[n.index] = 1;
      tape.backward();
      expect(tape.adjoints[0]).toBe(1);
    }
  });

  it('a node refuses plain arithmetic', () => {
    const tape = new Tape();
    const [z] = tape.reset(1, [1]) as unknown as number[];
    expect(() => z + 1).toThrow(TypeError);
    expect(() => Math.exp(z)).toThrow(/not differentiable/);
    expect(String(z)).toBe('TapeNode(1)');
  });
});
