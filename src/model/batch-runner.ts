/**
 * The batch runner of the model's kernel paths: rows of unconstrained latents
 * evaluated one pass per term over a block of rows — z = T(u) with the log-Jacobian
 * column by column, each prior group's log density and ∂/∂z in one call over the
 * rows, the likelihood kernel over all rows, then the chain rule through T. The
 * one-coordinate single row (a scalar model's evaluation) is its own short path
 * here, the only place it is special-cased.
 *
 * @module
 * @internal
 */
import type { ContinuousDistribution } from '../distributions/distribution';
import { identityBijection, type Bijection } from '../distributions/transforms';
import type { LikelihoodKernel } from './likelihood-kernel';
import type { PriorBlock } from './latents';

/** Coordinate transforms of the batch paths: the two with inlined arithmetic, and any other bijection. */
const IDENTITY = 0;
const EXP = 1;
const OTHER = 2;
/** Latent values per block of a batch (the rows of one pass: this / dim). */
const BATCH_VALUES = 4096;

/** Evaluates rows of a model whose likelihood is a kernel and whose prior is not hierarchical. */
export class BatchRunner {
  /** Per coordinate, its transform: {@link IDENTITY}, {@link EXP} or {@link OTHER} (read from `coordBijection`). */
  private readonly coordKind: Uint8Array;
  /** Per coordinate, its bijection (read where `coordKind` is {@link OTHER}). */
  private readonly coordBijection: readonly Bijection[];
  /** Prior groups (non-hierarchical models): distribution, first and one-past-last coordinate. */
  private readonly groupDist: readonly ContinuousDistribution[];
  private readonly groupStart: Int32Array;
  private readonly groupEnd: Int32Array;
  /** Rows per pass (a batch of more rows is run in blocks of this many). */
  readonly blockRows: number;
  private bz = new Float64Array(0);
  private bgz = new Float64Array(0);
  private bjac = new Float64Array(0);
  private blp = new Float64Array(0);
  private bll = new Float64Array(0);

  constructor(layout: readonly PriorBlock[], private readonly dim: number) {
    this.coordKind = new Uint8Array(dim);
    this.coordBijection = layout.flatMap((b) => new Array<Bijection>(b.size).fill(b.bijection));
    const gd: ContinuousDistribution[] = [];
    const gs: number[] = [];
    const ge: number[] = [];
    for (const b of layout) {
      this.coordKind.fill(b.expTransform ? EXP : b.bijection === identityBijection ? IDENTITY : OTHER, b.offset, b.offset + b.size);
      if (b.fn !== null) continue;
      if (b.kind === 'array') {
        b.dists.forEach((d, j) => {
          gd.push(d);
          gs.push(b.offset + j);
          ge.push(b.offset + j + 1);
        });
      } else {
        gd.push(b.dists[0]);
        gs.push(b.offset);
        ge.push(b.offset + b.size);
      }
    }
    this.groupDist = gd;
    this.groupStart = Int32Array.from(gs);
    this.groupEnd = Int32Array.from(ge);
    this.blockRows = Math.max(1, Math.floor(BATCH_VALUES / Math.max(1, dim)));
    this.grow(1);
  }

  /** One row `u` (a single-row evaluation): its value into `out[0]`, its gradient into `grad` when given. */
  one(kernel: LikelihoodKernel, u: Float64Array, grad: Float64Array | null, out: Float64Array): void {
    if (this.dim === 1) this.scalarRow(kernel, u[0], grad, out, 0);
    else this.rows(kernel, u, 0, 1, grad, out);
  }

  /**
   * Rows r0 … r0 + n − 1 of `us` by the kernel, one pass per term over the n rows:
   * z = T(u) with the log-Jacobian, the prior groups' log densities and ∂/∂z, the
   * likelihood kernel, then the chain rule through T. Row semantics as the
   * single-row methods: a prior of −∞ or NaN is the value (likelihood skipped);
   * a likelihood parameter out of its domain gives −∞; gradients are zero
   * wherever the value is not finite from above.
   */
  rows(kernel: LikelihoodKernel, us: Float64Array, r0: number, n: number, grads: Float64Array | null, out: Float64Array): void {
    const d = this.dim;
    if (this.bz.length < n * d || this.blp.length < n) this.grow(n);
    if (n === 1 && d === 1) {
      this.scalarRow(kernel, us[r0], grads, out, r0);
      return;
    }
    const z = this.bz;
    const gz = this.bgz;
    const jac = this.bjac;
    const lp = this.blp;
    const ll = this.bll;
    const ce = this.coordKind;
    // z = T(u) column by column (a tight loop per coordinate; d is small where this
    // matters), the first column also starting the row sums.
    const u0 = r0 * d;
    for (let k = 0; k < d; k++) {
      const first = k === 0;
      if (ce[k] === EXP) {
        for (let r = 0, i = k; r < n; r++, i += d) {
          const uk = us[u0 + i];
          z[i] = Math.exp(uk);
          jac[r] = first ? uk : jac[r] + uk;
        }
      } else if (ce[k] === IDENTITY) {
        for (let r = 0, i = k; r < n; r++, i += d) {
          z[i] = us[u0 + i];
          if (first) jac[r] = 0;
        }
      } else {
        const t = this.coordBijection[k];
        for (let r = 0, i = k; r < n; r++, i += d) {
          const uk = us[u0 + i];
          z[i] = t.forward(uk);
          const lj = t.logAbsDetJacobian(uk);
          jac[r] = first ? lj : jac[r] + lj;
        }
      }
    }
    for (let r = 0; r < n; r++) lp[r] = 0;
    const gd = this.groupDist;
    for (let g = 0; g < gd.length; g++) {
      if (grads === null) gd[g].addLogPdfRows(z, d, this.groupStart[g], this.groupEnd[g], n, lp);
      else gd[g].addLogPdfGradRows(z, d, this.groupStart[g], this.groupEnd[g], n, lp, gz);
    }
    kernel.evaluate(z, d, n, ll, grads === null ? null : gz);
    for (let r = 0; r < n; r++) {
      const p = lp[r];
      const v = p > -Infinity ? p + ll[r] : p;
      const o = u0 + r * d;
      if (!(v > -Infinity)) {
        out[r0 + r] = v;
        if (grads !== null) for (let k = 0; k < d; k++) grads[o + k] = 0;
        continue;
      }
      out[r0 + r] = v + jac[r];
      if (grads === null) continue;
      const zo = r * d;
      for (let k = 0; k < d; k++) {
        const c = ce[k];
        grads[o + k] = c === EXP ? gz[zo + k] * z[zo + k] + 1 : c === IDENTITY ? gz[zo + k] : this.otherGradient(k, us[o + k], gz[zo + k]);
      }
    }
  }

  /**
   * {@link BatchRunner.rows} for one row of a one-coordinate model (a scalar model's
   * single evaluation): the same operations in the same order, without the loops.
   */
  scalarRow(kernel: LikelihoodKernel, uk: number, grads: Float64Array | null, out: Float64Array, r: number): void {
    const z = this.bz;
    const gz = this.bgz;
    const lp = this.blp;
    const c = this.coordKind[0];
    let jac = 0;
    if (c === EXP) {
      z[0] = Math.exp(uk);
      jac = uk;
    } else if (c === IDENTITY) z[0] = uk;
    else {
      const t = this.coordBijection[0];
      z[0] = t.forward(uk);
      jac = t.logAbsDetJacobian(uk);
    }
    lp[0] = 0;
    const g = this.groupDist[0];
    if (grads === null) g.addLogPdfRows(z, 1, 0, 1, 1, lp);
    else g.addLogPdfGradRows(z, 1, 0, 1, 1, lp, gz);
    const ll = this.bll;
    kernel.evaluate(z, 1, 1, ll, grads === null ? null : gz);
    const p = lp[0];
    const v = p > -Infinity ? p + ll[0] : p;
    if (!(v > -Infinity)) {
      out[r] = v;
      if (grads !== null) grads[r] = 0;
      return;
    }
    out[r] = v + jac;
    if (grads !== null) grads[r] = c === EXP ? gz[0] * z[0] + 1 : c === IDENTITY ? gz[0] : this.otherGradient(0, uk, gz[0]);
  }

  /** ∂/∂u of the log density at coordinate k through a general bijection: g·T′(u) + d/du log|T′(u)|. */
  private otherGradient(k: number, u: number, g: number): number {
    const t = this.coordBijection[k];
    return g * t.derivative(u) + t.dLogAbsDetJacobian(u);
  }

  private grow(n: number): void {
    const d = this.dim;
    const rows = Math.max(n, Math.min(this.blockRows, 64));
    this.bz = new Float64Array(rows * d);
    this.bgz = new Float64Array(rows * d);
    this.bjac = new Float64Array(rows);
    this.blp = new Float64Array(rows);
    this.bll = new Float64Array(rows);
  }
}

/**
 * Checks the arguments of a batch method of `Model` (`owner`): `rows` a count,
 * `us` (and `grads`) long enough for `rows` rows of `dim`, `out` for `rows` values.
 */
export function checkBatch(owner: string, dim: number, us: Float64Array, rows: number, out: Float64Array, grads: Float64Array | null): void {
  if (!(rows >= 0 && rows <= Number.MAX_SAFE_INTEGER && Math.floor(rows) === rows)) throw new RangeError(`Model.${owner}: rows must be a non-negative integer, got ${rows}`);
  const need = rows * dim;
  if (us.length < need) throw new RangeError(`Model.${owner}: us must hold ${rows} rows of ${dim} (length ≥ ${need}), got length ${us.length}`);
  if (grads !== null && grads.length < need) {
    throw new RangeError(`Model.${owner}: grads must hold ${rows} rows of ${dim} (length ≥ ${need}), got length ${grads.length}`);
  }
  if (out.length < rows) throw new RangeError(`Model.${owner}: out must hold ${rows} values, got length ${out.length}`);
}
