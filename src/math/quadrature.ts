/**
 * Adaptive numerical integration, used where an exact answer is wanted without a
 * closed form: normalizing constants and evidences of 1-D models in examples and
 * tests, and exact ELBOs of 1-D guides.
 *
 * @module
 */

/** Options of {@link integrate}. */
export interface IntegrateOptions {
  /** Absolute error target (default 1e-13). */
  readonly absTol?: number;
  /** Relative error target (default 1e-12). */
  readonly relTol?: number;
  /** Maximum number of interval bisections (default 2000). */
  readonly maxIntervals?: number;
}

/** Result of {@link integrate}: the estimate and its error estimate. */
export interface IntegrateResult {
  /** The integral estimate. */
  readonly value: number;
  /** Estimated absolute error (|G7 − K15| summed over the final intervals). */
  readonly error: number;
}

// Gauss–Kronrod 7–15 nodes and weights on [−1, 1] (QUADPACK qk15).
const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
  0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
  0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0.0,
];
const WGK = [
  0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
  0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
  0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
const WG = [
  0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
  0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
];

function gk15(f: (x: number) => number, a: number, b: number): [number, number] {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const fc = f(c);
  let k = fc * WGK[7];
  let g = fc * WG[3];
  for (let j = 0; j < 7; j++) {
    const dx = h * XGK[j];
    const s = f(c - dx) + f(c + dx);
    k += WGK[j] * s;
    if (j % 2 === 1) g += WG[(j - 1) / 2] * s;
  }
  return [k * h, Math.abs((k - g) * h)];
}

/**
 * ∫ₐᵇ f(x) dx by globally adaptive Gauss–Kronrod (7, 15) quadrature, the
 * QUADPACK QAG strategy: the interval with the largest error estimate is
 * bisected until the total error meets the tolerance. Infinite limits are mapped
 * to a finite interval by x = t/(1 − t²).
 *
 * Accuracy: near machine precision for smooth integrands; integrable endpoint
 * singularities (e.g. x^{−1/2}) converge more slowly but still to ~1e-10.
 *
 * @example
 * ```ts
 * integrate((x) => Math.exp(-x * x), -Infinity, Infinity).value; // √π = 1.7724538509055159
 * ```
 */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: IntegrateOptions = {},
): IntegrateResult {
  if (a === b) return { value: 0, error: 0 };
  if (a > b) {
    const r = integrate(f, b, a, options);
    return { value: -r.value, error: r.error };
  }
  if (a === -Infinity || b === Infinity) {
    const tA = a === -Infinity ? -1 : toUnit(a);
    const tB = b === Infinity ? 1 : toUnit(b);
    const g = (t: number): number => {
      const d = 1 - t * t;
      if (d <= 0) return 0;
      const x = t / d;
      const v = f(x) * ((1 + t * t) / (d * d));
      return Number.isFinite(v) ? v : 0;
    };
    return adapt(g, tA, tB, options);
  }
  return adapt(f, a, b, options);
}

/** Inverse of x = t/(1 − t²) on (−1, 1). */
function toUnit(x: number): number {
  if (x === 0) return 0;
  return (2 * x) / (1 + Math.sqrt(1 + 4 * x * x));
}

function adapt(f: (x: number) => number, a: number, b: number, options: IntegrateOptions): IntegrateResult {
  const absTol = options.absTol ?? 1e-13;
  const relTol = options.relTol ?? 1e-12;
  const maxIntervals = options.maxIntervals ?? 2000;
  const lo: number[] = [a];
  const hi: number[] = [b];
  const [v0, e0] = gk15(f, a, b);
  const val: number[] = [v0];
  const err: number[] = [e0];
  let total = v0;
  let totalErr = e0;
  for (let it = 0; it < maxIntervals; it++) {
    if (totalErr <= Math.max(absTol, relTol * Math.abs(total))) break;
    let worst = 0;
    for (let i = 1; i < err.length; i++) if (err[i] > err[worst]) worst = i;
    const m = 0.5 * (lo[worst] + hi[worst]);
    if (!(m > lo[worst] && m < hi[worst])) break;
    const [v1, e1] = gk15(f, lo[worst], m);
    const [v2, e2] = gk15(f, m, hi[worst]);
    total += v1 + v2 - val[worst];
    totalErr += e1 + e2 - err[worst];
    lo.push(m);
    hi.push(hi[worst]);
    val.push(v2);
    err.push(e2);
    hi[worst] = m;
    val[worst] = v1;
    err[worst] = e1;
  }
  // Re-sum at the end: the running totals drift by rounding over many updates.
  let sum = 0;
  let esum = 0;
  for (let i = 0; i < val.length; i++) {
    sum += val[i];
    esum += err[i];
  }
  return { value: sum, error: esum };
}
