/**
 * The convergence rule of `fit`, relative to the posterior's own scale.
 *
 * Every test is made in the optimizer's coordinates ψ (the whitened φ of
 * `preconditioner.ts` when the start came from the curvature, else the guide's θ),
 * each coordinate measured in its own unit: 1 for whitened coordinates (a unit of
 * a whitened location is one posterior sd of the Laplace approximation; log-scales
 * are relative already), else the fitted sd σ_j of coordinate j for a location
 * (`.mu`, and the off-diagonal `L[j, ·]` entries of a full-rank factor) and 1 for
 * every log-parameter (`logSigma`, `logShape`, `logMean`, `logRate`, `logScale`).
 * So a regression coefficient of order 1e4 with sd 1e3 and a scale near 1e-8 are
 * judged alike, and nothing is judged in absolute units.
 *
 * The rule (all must hold, checked every `window` steps once 16 batches exist):
 * 0. **The averaging window**: the batch means from the MSER truncation point on
 *    (see {@link averagingStartBatch}): at least the last half, longer when the
 *    earlier batches already sit at the optimum.
 * 1. **Precision**: the batch-means standard error of the window's average, at two
 *    batch lengths (the larger kept: short batches understate it when iterates are
 *    correlated), is ≤ `stderrTolerance` units.
 * 2. **No drift**: the means of the window's two halves differ by at most 4 standard
 *    errors + `paramTolerance` units.
 * 3. **Stationarity**: the ELBO gradient at the tail average, estimated afresh from
 *    independent draws, is zero within its noise: |ḡ_i|·unit_i ≤ `gradTolerance` +
 *    4·se(ḡ_i)·unit_i. g·unit is the ELBO's change per unit move; for a Gaussian
 *    posterior it equals the location's offset in sds, and 2× the relative error of
 *    a scale. A fit that stopped moving away from the optimum (a step size far too
 *    small, or a noise-dominated one whose average sits in the wrong place) fails here.
 * 4. **ELBO**: the ELBOs of the two halves' means on common random numbers agree
 *    within max(`tolerance`, `relTolerance`·|ELBO|, 4·their CRN standard error).
 *
 * @module
 */
import type { Guide } from './guide';

/**
 * Tolerances of the rule (see the module description), all resolved.
 *
 * @example
 * ```ts
 * const s: ConvergenceSettings = { window: 25, minSteps: 0, stderrTolerance: 2.5e-3, paramTolerance: 2e-3,
 *   gradTolerance: 0.05, tolerance: 2e-4, relTolerance: 0, checkSamples: 500 };
 * new ConvergenceCriterion(s).ready(1000); // → false: no batch means yet
 * ```
 */
export interface ConvergenceSettings {
  /** Steps per batch. */
  readonly window: number;
  /** No convergence before this step. */
  readonly minSteps: number;
  /** Largest batch-means standard error, in units. */
  readonly stderrTolerance: number;
  /** Largest drift beyond 4 standard errors, in units. */
  readonly paramTolerance: number;
  /** Largest gradient beyond 4 standard errors, in nats per unit. */
  readonly gradTolerance: number;
  /** ELBO agreement, nats. */
  readonly tolerance: number;
  /** ELBO agreement relative to |ELBO|. */
  readonly relTolerance: number;
  /** Draws for the ELBO and gradient checks. */
  readonly checkSamples: number;
}

/**
 * The precision and drift of the tail average.
 *
 * @example
 * ```ts
 * // 16 batch means of one parameter, ±0.001 around 1:
 * const batches = Array.from({ length: 16 }, (_, b) => Float64Array.of(1 + (b % 2 === 1 ? 1e-3 : -1e-3)));
 * const a: ParameterAssessment = assessParameters(batches, Float64Array.of(1), 2.5e-3, 2e-3, 8); // the last 8 averaged
 * a.stderr; // ≈ 3.78e-4
 * a.passed; // → true
 * ```
 */
export interface ParameterAssessment {
  /** Largest standard error of the tail average, in units. */
  readonly stderr: number;
  /** Largest difference of the window's halves beyond 4 standard errors, in units (≤ 0: none). */
  readonly drift: number;
  /** Index of the parameter with the largest standard error. */
  readonly worst: number;
  /** Both below their tolerances. */
  readonly passed: boolean;
}

/**
 * Where the averaging window starts: the MSER truncation point (White 1997, the
 * "marginal standard error rule"), searched over the windows the rule may use. For
 * a window of the last L batch means it scores Σᵢ Σ_b (Y_bi − Ȳᵢ)² / uᵢ² / L²
 * (the squared standard error of the window's mean, summed over coordinates in their
 * units, with any leftover transient counted as spread) and keeps the smallest. So
 * early batches that still sit off the optimum are cut, and batches already at it
 * are averaged rather than thrown away with a fixed "last half" rule: from a start
 * at the optimum the whole run is averaged. Windows are even-length (two halves for
 * the drift test) and never shorter than the last half (2⌊n/4⌋ batches).
 *
 * @param batches - batch means, oldest first
 * @param units - the unit of each coordinate
 * @returns the index of the first averaged batch (0 when there are fewer than 2)
 * @example
 * ```ts
 * // 4 batches far off, then 12 at the optimum ±0.001: the window starts at batch 4.
 * const b = Array.from({ length: 16 }, (_, k) => Float64Array.of(k < 4 ? 2 : 1 + (k % 2 === 1 ? 1e-3 : -1e-3)));
 * averagingStartBatch(b, Float64Array.of(1)); // → 4
 * ```
 */
export function averagingStartBatch(batches: readonly Float64Array[], units: Float64Array): number {
  const nb = batches.length;
  if (nb < 2) return 0;
  const shortest = Math.max(1, 2 * Math.floor(nb / 4));
  let best = nb - shortest;
  let bestScore = Infinity;
  // Running sums from the newest batch back: Σ Y and Σ Y² per coordinate, of Y less
  // the newest batch (a location of 1e4 measured in units of 1e-3 would otherwise
  // lose the spread to cancellation).
  const P = units.length;
  const s1 = new Float64Array(P);
  const s2 = new Float64Array(P);
  const ref = batches[nb - 1];
  for (let b = nb - 1; b >= 0; b--) {
    const y = batches[b];
    for (let i = 0; i < P; i++) {
      const v = (y[i] - ref[i]) / units[i];
      s1[i] += v;
      s2[i] += v * v;
    }
    const L = nb - b;
    if (L < shortest || L % 2 === 1) continue;
    let ss = 0;
    for (let i = 0; i < P; i++) ss += Math.max(0, s2[i] - (s1[i] * s1[i]) / L);
    const score = ss / (L * L);
    // ≤: on a tie the longer window (more batches, the same error) is kept.
    if (score <= bestScore) {
      bestScore = score;
      best = b;
    }
  }
  return best;
}

/**
 * Precision and drift of the average of the batch means from `from` on (an
 * even number 2h of them, h ≥ 4; else not passed): per parameter divided by its
 * unit, the batch-means standard error of that average (at two batch lengths, the
 * larger kept) and the difference of its two halves' means beyond 4 of them.
 *
 * @param batches - batch means of ψ, oldest first
 * @param units - the unit of each coordinate of ψ
 * @param stderrTolerance - see {@link ConvergenceSettings}
 * @param paramTolerance - see {@link ConvergenceSettings}
 * @param from - the first averaged batch (the rule's: {@link averagingStartBatch})
 * @returns the assessment
 * @example
 * ```ts
 * const steady = Array.from({ length: 16 }, (_, b) => Float64Array.of(1 + (b % 2 === 1 ? 1e-3 : -1e-3), 2));
 * assessParameters(steady, Float64Array.of(1, 1), 2.5e-3, 2e-3, 8).passed; // → true: the last 8 averaged
 * const drifting = Array.from({ length: 16 }, (_, b) => Float64Array.of(1 + 0.01 * b, 2));
 * assessParameters(drifting, Float64Array.of(1, 1), 2.5e-3, 2e-3, 8).passed; // → false
 * ```
 */
export function assessParameters(
  batches: readonly Float64Array[],
  units: Float64Array,
  stderrTolerance: number,
  paramTolerance: number,
  from: number,
): ParameterAssessment {
  const nb = batches.length;
  const q = Math.floor((nb - from) / 2);
  if (q < 1) return { stderr: NaN, drift: NaN, worst: -1, passed: false };
  const start = nb - 2 * q;
  let se = 0;
  let dp = -Infinity;
  let worst = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    let m1 = 0;
    let m2 = 0;
    for (let b = start; b < nb - q; b++) m1 += batches[b][i] / q;
    for (let b = nb - q; b < nb; b++) m2 += batches[b][i] / q;
    const m = 0.5 * (m1 + m2);
    let v = 0;
    let v2 = 0;
    for (let b = start; b < nb; b += 2) {
      const x = batches[b][i] - m;
      const y = batches[b + 1][i] - m;
      v += x * x + y * y;
      v2 += (0.5 * (x + y)) ** 2;
    }
    const sei = Math.max(Math.sqrt(v / (2 * q - 1) / (2 * q)), Math.sqrt(v2 / Math.max(1, q - 1) / q)) / u;
    if (sei > se || Number.isNaN(sei)) {
      se = sei;
      worst = i;
    }
    dp = Math.max(dp, Math.abs(m1 - m2) / u - 4 * sei);
  }
  return { stderr: se, drift: dp, worst, passed: q >= 4 && se <= stderrTolerance && dp <= paramTolerance };
}

/**
 * Whether a gradient estimate (mean and standard error per coordinate of ψ) is zero
 * within its noise, in units: |ḡ_i|·unit_i ≤ tol + 4·se_i·unit_i for every i.
 *
 * @param mean - the gradient estimate ḡ
 * @param stderr - its standard error
 * @param units - the unit of each coordinate
 * @param tolerance - `gradTolerance`
 * @returns the largest excess |ḡ_i|·unit_i − 4·se_i·unit_i (the largest scaled gradient) and the verdict
 * @example
 * ```ts
 * assessStationarity(Float64Array.of(0.01), Float64Array.of(0.01), Float64Array.of(1), 0.05).passed; // → true
 * ```
 */
export function assessStationarity(mean: Float64Array, stderr: Float64Array, units: Float64Array, tolerance: number): { readonly excess: number; readonly worst: number; readonly passed: boolean } {
  let excess = -Infinity;
  let worst = 0;
  for (let i = 0; i < mean.length; i++) {
    const e = (Math.abs(mean[i]) - 4 * stderr[i]) * units[i];
    if (e > excess || Number.isNaN(e)) {
      excess = e;
      worst = i;
    }
  }
  return { excess, worst, passed: excess <= tolerance };
}

/**
 * Mean and standard error per coordinate from K independent gradient estimates.
 *
 * @param chunks - K ≥ 2 estimates (each the mean of S draws)
 * @param mean - out: their mean
 * @param stderr - out: the standard error of that mean
 * @example
 * ```ts
 * const m = new Float64Array(1), s = new Float64Array(1);
 * meanAndStderr([Float64Array.of(1), Float64Array.of(3)], m, s);
 * m; // → Float64Array [2]
 * s; // → Float64Array [1]
 * ```
 */
export function meanAndStderr(chunks: readonly Float64Array[], mean: Float64Array, stderr: Float64Array): void {
  const K = chunks.length;
  mean.fill(0);
  for (const c of chunks) for (let i = 0; i < mean.length; i++) mean[i] += c[i] / K;
  stderr.fill(0);
  for (const c of chunks) for (let i = 0; i < mean.length; i++) stderr[i] += (c[i] - mean[i]) ** 2;
  for (let i = 0; i < mean.length; i++) stderr[i] = Math.sqrt(stderr[i] / Math.max(1, K - 1) / K);
}

/**
 * The unit of each parameter when the optimizer steps in the guide's own
 * parameters (no whitening: per-latent family guides, `init: "prior"`). The
 * precision is then measured on the fitted distributions' parameters (`natural`,
 * from the guide's `naturalParams`: μ and σ, shape and rate, rate), or on θ for a
 * guide without them (full rank: m, L, log-diagonal), with units (per-latent
 * guides give each parameter's kind in `paramUnits`, from their coordinate
 * families; for other guides it is read off the name):
 *
 * | parameter | unit |
 * | --- | --- |
 * | a location μ_j (`.mu`), σ_j, a full-rank `L[j, ·]` (`"location"`) | min(1, σ_j): relative to the fitted sd when it is below 1 |
 * | a rate, a shape or a scale (`.logRate`, `.logShape`, a Gamma's `.logMean` ↔ rate; `"positive"`), value v | v below 1, 1 up to 100, v/100 beyond |
 * | a log-diagonal (`.logScale`) | 1 (dimensionless) |
 *
 * The absolute middle range keeps the seed model's exactness (σ ≈ 0.66, shapes and
 * rates 1.7–10: an absolute 1e-2 is asked of them, as the rule before 0.2 did),
 * while a peaked posterior (σ = 1e-3, a rate of 1e8) is judged relative to its own
 * scale and never asked for digits it cannot have.
 *
 * @param guide - the guide
 * @param theta - its parameters
 * @param natural - the measured values (natural parameters, or θ)
 * @param out - the units (length `numParams`)
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const guide = meanField().build(model);
 * const theta = Float64Array.of(-0.32, Math.log(0.66)); // (μ, log σ)
 * const units = new Float64Array(guide.numParams);
 * naturalUnits(guide, theta, theta, units);
 * units; // ≈ Float64Array [0.66, 0.66]: min(1, σ) for μ and for σ
 * ```
 */
export function naturalUnits(guide: Guide, theta: Float64Array, natural: Float64Array, out: Float64Array): void {
  const sd = gaussianSds(guide, theta);
  const names = guide.paramNames;
  const units = guide.paramUnits;
  names.forEach((n, k) => {
    const coord = coordinateOf(n);
    const unit = units !== undefined ? units[k] : unitOfName(n);
    let u = 1;
    if (unit === 'location') u = Math.min(1, sd.get(coord) ?? 1);
    else if (unit === 'positive') u = softUnit(Math.abs(natural[k]));
    out[k] = u > 0 && Number.isFinite(u) ? u : 1;
  });
}

/**
 * The sd of each coordinate of a Gaussian guide, by name (empty for other guides).
 *
 * @param guide - the guide
 * @param theta - its parameters
 * @returns name → √Σ_jj
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * gaussianSds(meanField().build(model), Float64Array.of(-0.32, Math.log(0.66))).get('z'); // ≈ 0.66
 * ```
 */
export function gaussianSds(guide: Guide, theta: Float64Array): Map<string, number> {
  const sd = new Map<string, number>();
  const g = guide.gaussian(theta);
  if (g !== undefined) {
    const d = g.names.length;
    for (let j = 0; j < d; j++) sd.set(g.names[j], Math.sqrt(g.covariance[j * d + j]));
  }
  return sd;
}

/**
 * The coordinate a guide parameter belongs to, by its name: `j` for `L[j, k]`, else
 * the name before the last dot (`"w[2]"` for `"w[2].mu"`).
 *
 * @example
 * ```ts
 * coordinateOf('L[b, a]');   // → "b"
 * coordinateOf('w[2].mu');   // → "w[2]"
 * ```
 */
export function coordinateOf(n: string): string {
  return n.startsWith('L[') ? n.slice(2, n.indexOf(', ')) : n.slice(0, n.lastIndexOf('.'));
}

/** The unit of a parameter of a guide without `paramUnits`, by its name (full rank, custom guides). */
function unitOfName(n: string): 'location' | 'positive' | undefined {
  const kind = n.startsWith('L[') ? 'L' : n.slice(n.lastIndexOf('.') + 1);
  if (kind === 'mu' || kind === 'logSigma' || kind === 'L') return 'location';
  if (kind === 'logRate' || kind === 'logMean' || kind === 'logShape') return 'positive';
  return undefined;
}

/** v below 1, 1 on [1, 100], v/100 above (see {@link naturalUnits}). */
function softUnit(v: number): number {
  return v < 1 ? v : v <= 100 ? 1 : v / 100;
}

/**
 * The rule as an object: it keeps the batch means of ψ and answers, at each
 * check, whether the parameters are precise and still, the gradient is zero within
 * its noise and the ELBO has stopped changing (see the module description).
 *
 * @example
 * ```ts
 * const rule = new ConvergenceCriterion({ window: 25, minSteps: 0, stderrTolerance: 2.5e-3, paramTolerance: 2e-3,
 *   gradTolerance: 0.05, tolerance: 2e-4, relTolerance: 0, checkSamples: 500 });
 * // The batch means of one parameter, one per 25 steps:
 * for (let b = 0; b < 16; b++) rule.addBatch(Float64Array.of(1 + (b % 2 === 1 ? 1e-3 : -1e-3)));
 * const units = Float64Array.of(1);
 * rule.ready(400);                                                             // → true: 16 batches
 * rule.parameters(units).passed;                                               // → true: precise and still
 * rule.stationary(Float64Array.of(0.01), Float64Array.of(0.01), units).passed; // → true: gradient 0 within its noise
 * rule.elboAgrees(-1.3351, -1.3352, 1e-4);                                     // → true: within 4 standard errors
 * ```
 */
export class ConvergenceCriterion {
  /** Batch means of ψ, oldest first. */
  readonly batches: Float64Array[] = [];
  /** The same batch means on the scale the rule measures them (see {@link ConvergenceCriterion.addBatch}). */
  readonly measured: Float64Array[] = [];
  /** The last parameter assessment (NaN fields before the first). */
  last: ParameterAssessment = { stderr: NaN, drift: NaN, worst: -1, passed: false };
  /** The last stationarity excess (NaN before the first). */
  lastGradient = NaN;
  /** Which test failed at the last check (for messages). */
  lastFailed: string | undefined = undefined;
  /** The averaging window's first batch, chosen at the last check … */
  private from = 0;
  /** … when there were this many batches (−1: none chosen). */
  private fromCount = -1;

  /** @param settings - the tolerances */
  constructor(readonly settings: ConvergenceSettings) {}

  /**
   * Appends one batch mean of ψ (kept, not copied), and the same batch on the scale
   * the precision and drift are measured on (default: ψ itself; the per-latent
   * family guides measure their distributions' own parameters, see {@link naturalUnits}).
   */
  addBatch(mean: Float64Array, measured: Float64Array = mean): void {
    this.batches.push(mean);
    this.measured.push(measured);
  }

  /** True when a check is due: at least 16 batches and `minSteps` steps. */
  ready(step: number): boolean {
    return this.batches.length >= 16 && step >= this.settings.minSteps;
  }

  /**
   * Precision and drift of the tail average, in `units` (see {@link assessParameters}),
   * after choosing where the tail starts (see {@link averagingStartBatch}).
   */
  parameters(units: Float64Array): ParameterAssessment {
    this.from = averagingStartBatch(this.measured, units);
    this.fromCount = this.measured.length;
    this.last = assessParameters(this.measured, units, this.settings.stderrTolerance, this.settings.paramTolerance, this.from);
    return this.last;
  }

  /**
   * The first batch of the averaging window: the one chosen at the last check when
   * no batch came since, else the last half (2⌊n/4⌋ batches, at least 1).
   */
  tailStart(): number {
    const nb = this.batches.length;
    return nb === this.fromCount ? this.from : nb - Math.max(1, 2 * Math.floor(nb / 4));
  }

  /** Stationarity of the gradient at the tail average (see {@link assessStationarity}). */
  stationary(mean: Float64Array, stderr: Float64Array, units: Float64Array): { readonly excess: number; readonly worst: number; readonly passed: boolean } {
    const r = assessStationarity(mean, stderr, units, this.settings.gradTolerance);
    this.lastGradient = r.excess;
    return r;
  }

  /** Whether two ELBOs on common random numbers agree (`crnStderr`: the standard error of their difference). */
  elboAgrees(e1: number, e2: number, crnStderr: number): boolean {
    const s = this.settings;
    return Math.abs(e1 - e2) <= Math.max(s.tolerance, s.relTolerance * Math.abs(e2), 4 * crnStderr);
  }

  /** Writes the means of the two halves of the averaging window (see {@link ConvergenceCriterion.tailStart}). */
  halfMeans(first: Float64Array, second: Float64Array): void {
    const nb = this.batches.length;
    const q = Math.floor((nb - this.tailStart()) / 2);
    meanRange(this.batches, nb - 2 * q, nb - q, first);
    meanRange(this.batches, nb - q, nb, second);
  }

  /** Writes the mean of the averaging window (see {@link ConvergenceCriterion.tailStart}). */
  tailMean(out: Float64Array): void {
    meanRange(this.batches, this.tailStart(), this.batches.length, out);
  }
}

function meanRange(batches: readonly Float64Array[], from: number, to: number, out: Float64Array): void {
  out.fill(0);
  for (let b = from; b < to; b++) for (let i = 0; i < out.length; i++) out[i] += batches[b][i];
  for (let i = 0; i < out.length; i++) out[i] /= to - from;
}
