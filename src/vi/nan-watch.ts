/**
 * Watching for NaNs the model produces inside the support: on a rejected step, find
 * the latent and value behind it, and either throw a `FitError` naming them or count
 * them (`nonFinite: 'warn'`).
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { FitError } from './errors';
import { findNanParameter } from './nan-region';
import type { Stepper } from './stepper';

/** Counts (or reports) NaNs the model produces inside the support, on rejected steps. */
export class NanWatch {
  count = 0;
  constructor(
    private readonly model: DifferentiableModel,
    private readonly mode: 'error' | 'warn',
  ) {}

  /** A clause for error messages when NaNs were met (warn mode). */
  summary(): string {
    return this.count === 0 ? '' : `; the model produced NaN parameters inside the support in ${this.count} rejected step(s): q cannot avoid that region, fix the model there`;
  }

  check(stepper: Stepper, step: number): void {
    const ws = stepper.ws;
    const hit = findNanParameter(this.model, ws.uData, ws.samples, ws.lp);
    if (hit === undefined) return;
    if (this.mode === 'warn') {
      this.count++;
      return;
    }
    throw new FitError(
      step,
      hit.latent,
      'log joint',
      NaN,
      `the model produced NaN inside the support at ${hit.at} (${hit.message}); a NaN is not a zero density: fix the model there, or pass nonFinite: "warn" to try fitting with that region cut off (it works when q can stay clear of it)`,
    );
  }
}


