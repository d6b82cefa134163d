/**
 * What the continuous and discrete base classes share beyond their contracts: the
 * checks of a sampling call and the JSON / text forms of a distribution (written
 * once from `name` and `paramNames`).
 *
 * @module
 */
import { formatValue } from '../errors';
import { checkSize } from '../limits';
import type { Rng } from '../random/rng';

/**
 * A distribution as plain JSON: `{ family, params }`, parameters by name.
 *
 * @example
 * ```ts
 * const j: DistributionJSON = new Normal(0, 1).toJSON(); // → { family: "Normal", params: { mu: 0, sigma: 1 } }
 * ```
 */
export interface DistributionJSON {
  /** The class name, e.g. `"Normal"`. */
  readonly family: string;
  /** Parameter name → value, in constructor order. */
  readonly params: Readonly<Record<string, number>>;
}

/** The members the JSON and text forms read. */
interface Described {
  readonly name: string;
  readonly paramNames: readonly string[];
}

/** `{ family, params }` of `d`, each parameter read from the readonly property of its name. @internal */
export function distributionJSON(d: Described): DistributionJSON {
  const params: Record<string, number> = {};
  for (const p of d.paramNames) params[p] = (d as unknown as Readonly<Record<string, number>>)[p];
  return { family: d.name, params };
}

/** `"Family(a = 1, b = 2)"` at round-trip precision. @internal */
export function distributionText(d: Described): string {
  return `${d.name}(${d.paramNames.map((p) => `${p} = ${(d as unknown as Readonly<Record<string, number>>)[p]}`).join(', ')})`;
}

/**
 * Throws a `TypeError` naming the sampler unless `rng` is an `Rng`. Duck-typed, not
 * `instanceof`: an Rng from another copy of the package (ESM beside CJS) is as good.
 * @internal
 */
export function checkRng(owner: string, rng: unknown): void {
  if (rng === null || typeof rng !== 'object' || typeof (rng as Rng).uniform !== 'function') {
    throw new TypeError(`${owner}.sample: rng must be an Rng (e.g. new Rng(1)), got ${formatValue(rng)}`);
  }
}

/** Throws a `RangeError` unless `n` is a sample size: a non-negative integer within `limits.maxArrayLength`. @internal */
export function checkSampleSize(owner: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${owner}.sample: n must be a non-negative integer, got ${formatValue(n)}`);
  }
  checkSize(`${owner}.sample`, 'n', n, 'maxArrayLength');
}

/**
 * Throws a `TypeError` naming `owner.method` unless `xs` is array-like (an array or
 * typed array: an object with a numeric `length`). One O(1) test per call of a bulk
 * method, never per element: the elements themselves are the model layer's to check
 * (it validates data once, when a model is built). @internal
 */
export function checkArrayLike(owner: string, method: string, xs: unknown): void {
  if (xs === null || typeof xs !== 'object' || typeof (xs as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`${owner}.${method}: xs must be an array of numbers, got ${formatValue(xs)}`);
  }
}

/**
 * Throws a `TypeError` naming `owner.method` unless `out` is a `Float64Array` of at
 * least `minLength` elements (the caller-owned buffer of `sumLogPdfPartials` and
 * `sampleInto`). @internal
 */
export function checkBuffer(owner: string, method: string, out: unknown, minLength: number): void {
  if (!(out instanceof Float64Array) || out.length < minLength) {
    const got = out instanceof Float64Array ? `a Float64Array of length ${out.length}` : formatValue(out);
    throw new TypeError(`${owner}.${method}: out must be a Float64Array of length >= ${minLength}, got ${got}`);
  }
}

/** What the summed log densities read: a density and its partials, point by point. */
interface PointwiseDensity extends Described {
  logPdf(x: number): number;
  logPdfPartials(x: number, out: Float64Array): number;
}

/**
 * Σᵢ log f(xᵢ) point by point: the `sumLogPdf` of both base classes (a family with
 * a closed form over the data overrides it).
 * @internal
 */
export function sumLogPdfPointwise(d: PointwiseDensity, xs: ArrayLike<number>): number {
  checkArrayLike(d.name, 'sumLogPdf', xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += d.logPdf(xs[i]);
  return s;
}

/**
 * Σᵢ log f(xᵢ) with Σᵢ ∂/∂θ_k log f(xᵢ) in `out[1 + k]` (0 in `out[0]`), point by
 * point with one scratch buffer: the `sumLogPdfPartials` of both base classes.
 * @internal
 */
export function sumLogPdfPartialsPointwise(d: PointwiseDensity, xs: ArrayLike<number>, out: Float64Array): number {
  checkArrayLike(d.name, 'sumLogPdfPartials', xs);
  const k = d.paramNames.length;
  checkBuffer(d.name, 'sumLogPdfPartials', out, k + 1);
  const tmp = POINT_PARTIALS;
  out.fill(0, 0, k + 1);
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    s += d.logPdfPartials(xs[i], tmp);
    for (let j = 1; j <= k; j++) out[j] += tmp[j];
  }
  return s;
}

/** Per-point partials inside the sums (no family has more than 7 parameters). */
const POINT_PARTIALS = /* @__PURE__ */ new Float64Array(8);

/**
 * `fromStatistics` of a summed kernel whose family has no sufficient statistics (its
 * `statistics` always returns undefined, so the model never calls this).
 *
 * @example
 * ```ts
 * noStatistics(); // throws Error: no sufficient statistics for this family
 * ```
 * @internal
 */
export function noStatistics(): never {
  throw new Error('no sufficient statistics for this family');
}
