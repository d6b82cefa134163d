/**
 * Argument checks shared by the exported VI building blocks (`createWorkspace`,
 * `createNoiseSource`, `modelGradientRows`, `modelValueRows`, `elboValue`,
 * `estimateElbo`, `logEvidence`, `new FitResult`): each throws an
 * `InvalidParameterError` naming the function and the argument, so a missing or
 * wrong argument is never a raw "Cannot read properties of undefined" (issue #16's
 * fuzz suite). O(1) per call: a few `typeof` tests, nothing per sample. The workspace
 * check lives beside the workspace (`checkWorkspaceArg`, estimator-workspace.ts).
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { invalidOption } from './errors';
import type { Guide } from './guide';

/** Refuses anything but a Model or DifferentiableModel (the check `fit` makes). */
export function checkModelArg(owner: string, model: unknown): asserts model is DifferentiableModel {
  const m = model as DifferentiableModel | null;
  if (m === null || typeof m !== 'object' || typeof m.logDensityGradient !== 'function' || !Array.isArray(m.blocks)) {
    invalidOption(owner, 'model', 'a Model or DifferentiableModel', model);
  }
}

/** Refuses anything but a built guide (what `meanField(model)` / `fullRank(model)` return, `.build(model)`-ed). */
export function checkGuideArg(owner: string, guide: unknown): asserts guide is Guide {
  const g = guide as Guide | null;
  if (g === null || typeof g !== 'object' || typeof g.dim !== 'number' || typeof g.posterior !== 'function') {
    invalidOption(owner, 'guide', 'a built guide (e.g. meanField(model) built for the model)', guide);
  }
}
