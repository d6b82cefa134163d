/**
 * The convergence rule's check at a batch boundary (see `convergence.ts` for the
 * criterion): parameter precision and drift in units of the posterior's scale, the
 * ELBOs of the averaging window's two half means on common random numbers, then the ELBO gradient at
 * the tail average against its noise.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { Rng } from '../random/rng';
import { coordinateOf, gaussianSds, meanAndStderr, naturalUnits, type ConvergenceCriterion } from './convergence';
import { sampleLogWeights } from './log-weights';
import type { createRowScratch } from './row-scratch';
import type { Guide } from './guide';
import type { Preconditioner } from './preconditioner';
import type { Stepper } from './stepper';

/**
 * The convergence check at a batch boundary: parameters (precision and drift, in
 * units), then the ELBOs of the window's two half means on common random numbers, then
 * the gradient at the tail average (independent draws, K chunks of S). Each later
 * test runs only when the earlier ones pass, so the costly ones are rare.
 */
export class StationarityCheck {
  private readonly units: Float64Array;
  private readonly psiBar: Float64Array;
  private readonly thetaBar: Float64Array;
  private readonly q1: Float64Array;
  private readonly q2: Float64Array;
  private readonly lw1: Float64Array;
  private readonly lw2: Float64Array;
  private readonly chunks: Float64Array[];
  private readonly gPsi: Float64Array;
  private readonly gMean: Float64Array;
  private readonly gSe: Float64Array;
  private readonly crnRng: Rng;
  private readonly gradRng: Rng;

  constructor(
    private readonly model: DifferentiableModel,
    private readonly guide: Guide,
    private readonly stepper: Stepper,
    private readonly pc: Preconditioner,
    private readonly rule: ConvergenceCriterion,
    evalRng: Rng,
    seed: number | bigint,
    private readonly rows: ReturnType<typeof createRowScratch>,
  ) {
    const P = guide.numParams;
    const n = rule.settings.checkSamples;
    this.units = new Float64Array(P);
    this.psiBar = new Float64Array(P);
    this.thetaBar = new Float64Array(P);
    this.q1 = new Float64Array(P);
    this.q2 = new Float64Array(P);
    this.lw1 = new Float64Array(n);
    this.lw2 = new Float64Array(n);
    // About checkSamples draws for the gradient, in chunks of the step's S (on the
    // seed model: 512 draws per check against the 6 400 of a 400-step fit).
    const K = Math.max(8, Math.ceil(n / stepper.ws.samples));
    this.chunks = Array.from({ length: K }, () => new Float64Array(P));
    this.gPsi = new Float64Array(P);
    this.gMean = new Float64Array(P);
    this.gSe = new Float64Array(P);
    // Streams derived from the evaluation stream without drawing from the fit's own.
    this.crnRng = evalRng.clone().jump();
    this.gradRng = new Rng(seed);
    for (let k = 0; k < 5; k++) this.gradRng.jump(); // 5·2⁶⁴ draws ahead: no overlap with the fit's streams
  }

  run(): boolean {
    const { rule, pc, guide } = this;
    rule.tailMean(this.psiBar);
    pc.toParams(this.psiBar, this.thetaBar);
    if (pc.identity) {
      const nat = rule.measured[rule.measured.length - 1];
      naturalUnits(guide, this.thetaBar, nat, this.units);
    } else this.units.fill(1);
    if (!rule.parameters(this.units).passed) {
      rule.lastFailed = 'precision or drift';
      return false;
    }
    // The window may have moved (the check chooses where it starts): average afresh.
    rule.tailMean(this.psiBar);
    pc.toParams(this.psiBar, this.thetaBar);
    // The gradient is in ψ = θ: its units are σ_j for a location and 1 for a log-parameter.
    if (pc.identity) thetaUnits(guide, this.thetaBar, this.units);
    // Half means of the window in ψ into the gradient buffers, then θ of each (the maps must not alias).
    rule.halfMeans(this.gMean, this.gSe);
    pc.toParams(this.gMean, this.q1);
    pc.toParams(this.gSe, this.q2);
    const n = this.lw1.length;
    const e1 = sampleLogWeights(this.model, guide, this.q1, this.crnRng.clone(), n, this.lw1, this.rows);
    const e2 = sampleLogWeights(this.model, guide, this.q2, this.crnRng.clone(), n, this.lw2, this.rows);
    let s2 = 0;
    for (let i = 0; i < n; i++) s2 += (this.lw1[i] - this.lw2[i] - (e1 - e2)) ** 2;
    if (!rule.elboAgrees(e1, e2, Math.sqrt(s2 / Math.max(1, n - 1) / n))) {
      rule.lastFailed = `ELBO agreement (the halves' ELBOs differ by ${Math.abs(e1 - e2).toPrecision(3)} nats)`;
      return false;
    }
    // Fresh draws at every check: a fixed set with an unlucky heavy-tailed draw would
    // fail every later check at the optimum.
    const r = this.gradRng;
    for (const c of this.chunks) {
      const v = this.stepper.gradientAt(this.thetaBar, r, c);
      if (!Number.isFinite(v)) {
        rule.lastFailed = 'stationarity (a non-finite gradient)';
        return false;
      }
      pc.pullback(this.psiBar, this.thetaBar, c, this.gPsi);
      c.set(this.gPsi);
    }
    meanAndStderr(this.chunks, this.gMean, this.gSe);
    const st = rule.stationary(this.gMean, this.gSe, this.units);
    if (!st.passed) rule.lastFailed = `stationarity (worst: ${guide.paramNames[st.worst]}${pc.identity ? '' : ', whitened'})`;
    return st.passed;
  }
}

/** Standard error of mean(a − b) when that mean is `diff` (common random numbers). */
export function crnStderr(a: Float64Array, b: Float64Array, diff: number): number {
  let s2 = 0;
  for (let i = 0; i < a.length; i++) s2 += (a[i] - b[i] - diff) ** 2;
  return Math.sqrt(s2 / Math.max(1, a.length - 1) / a.length);
}

/** Units of θ itself: σ_j for a location (`.mu`, `L[j, ·]`), 1 for a log-parameter. */
function thetaUnits(guide: Guide, theta: Float64Array, out: Float64Array): void {
  const sd = gaussianSds(guide, theta);
  guide.paramNames.forEach((n, k) => {
    const coord = n.startsWith('L[') || n.endsWith('.mu') ? coordinateOf(n) : undefined;
    const s = coord === undefined ? 1 : sd.get(coord);
    out[k] = s !== undefined && s > 0 && Number.isFinite(s) ? s : 1;
  });
}

