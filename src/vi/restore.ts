/**
 * `restoreFit`: rebuilds a working {@link FitResult} from `result.toJSON()` and the
 * model it was fitted to, e.g. after saving it to disk or sending it to a worker.
 *
 * The JSON names the guide's kind and each latent's family; the guide is rebuilt
 * for the model and must give the saved parameter names, so a result is never
 * restored onto a model it does not fit. The final evaluation keeps the state of
 * its random stream, so a restored result's `elbo`, `khat`, … are the original's
 * numbers (copied when they had been computed, else computed alike on first read).
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { Rng } from '../random/rng';
import { checkOptions, optionKeys } from './check-options';
import { createRowScratch } from './row-scratch';
import { invalidOption } from './errors';
import { families, meanField } from './family-guide';
import { FinalEvaluation } from './final-evaluation';
import type { FitDiagnostics, StepSizeTrial } from './fit-diagnostics';
import { FitResult } from './fit-result';
import type { EvaluatedJSON, FitResultJSON, JsonNumber } from './fit-result-json';
import type { Evaluated } from './lazy-evaluation';
import type { FitWarning } from './warnings';
import { fullRank } from './full-rank';
import type { GuideSpec } from './guide';
import type { FamilyClass } from './guide-types';
import { GUIDE_FAMILY_LIST } from './guide-families/registry';
import type { KhatReading } from './psis';

/**
 * Options of {@link restoreFit}.
 *
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * // A custom guide kind (here meanField's guide under another name): restoreFit needs its spec.
 * const spec: GuideSpec = { kind: 'myGuide', build: (m) => ({ ...meanField().build(m), kind: 'myGuide' }) };
 * const json = fit(model, { guide: spec, seed: 1 }).toJSON();
 * restoreFit(model, json); // throws TypeError: restoreFit: the guide kind "myGuide" is not built in; pass its spec: restoreFit(model, json, { guide })
 * restoreFit(model, json, { guide: spec }).posterior.z; // → LogNormal(mu = -0.32…, sigma = 0.66…)
 * ```
 */
export interface RestoreOptions {
  /** The guide spec to rebuild with, for a custom guide kind (built-in kinds need none). */
  readonly guide?: GuideSpec;
}

/**
 * The names of {@link RestoreOptions}; any other key is refused.
 *
 * @example
 * ```ts
 * import { checkOptions } from './check-options';
 * checkOptions('restoreFit', { guide: meanField() }, RESTORE_OPTION_KEYS); // → undefined (passes)
 * ```
 */
export const RESTORE_OPTION_KEYS = optionKeys<RestoreOptions>()(['guide']);

/** Guide families by name (the registry's, in case-insensitive alphabetical order), for per-latent (`"family"`) guides. */
const GUIDE_FAMILIES: Readonly<Record<string, FamilyClass>> = Object.fromEntries(
  GUIDE_FAMILY_LIST.map((f) => [f.name, f.cls] as const).sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)),
);

/**
 * Rebuilds a fit result from its JSON (`result.toJSON()`, or its `JSON.stringify`d
 * text) and the model it was fitted to. The restored result's `posterior`,
 * `sample`, `summary`, `toJSON`, diagnostics and lazy evaluation behave as the
 * original's: same seed, same draws.
 *
 * @param model - the model the result was fitted to (same latents, sizes and supports)
 * @param json - `result.toJSON()`, parsed or as text
 * @param options - `{ guide }` for a custom guide kind
 * @throws TypeError when the JSON is not a saved fit, or does not match the model
 *   (the message names the first difference)
 * @example
 * ```ts
 * import { Exponential, Model, Normal } from 'varinf';
 * import { fit, restoreFit } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const result = fit(model, { seed: 1 });
 * const text = JSON.stringify(result);
 * const r = restoreFit(model, text);
 * String(r.posterior.z) === String(result.posterior.z); // → true
 * r.diagnostics.khat === result.diagnostics.khat;       // → true: the same final evaluation, same draws
 * r.sample(100, { seed: 2 }).z;                         // → Float64Array(100)
 * ```
 */
export function restoreFit<M extends DifferentiableModel>(model: M, json: FitResultJSON | string, options: RestoreOptions = {}): FitResult<M> {
  if (options === null || typeof options !== 'object') invalidOption('restoreFit', 'options', 'an object', options);
  checkOptions('restoreFit', options, RESTORE_OPTION_KEYS);
  const j = (typeof json === 'string' ? parseJSON(json) : json) as FitResultJSON;
  if (j === null || typeof j !== 'object' || j.format !== 'varinf.FitResult') fail(`not a saved fit (expected format "varinf.FitResult", got ${show(j?.format)})`);
  if (j.version !== 1) fail(`unsupported version ${show(j.version)} (this library reads version 1)`);
  checkLatents(model, j.latents);
  const guide = guideSpec(j.guide, options.guide).build(model);
  const params = numbers('params', j.params, guide.numParams);
  if (!Array.isArray(j.paramNames) || j.paramNames.length !== guide.paramNames.length || j.paramNames.some((n, i) => n !== guide.paramNames[i])) {
    fail(`the saved parameters (${show(j.paramNames)}) are not those of the rebuilt guide (${guide.paramNames.join(', ')})`);
  }
  const d = j.diagnostics as Readonly<Record<string, unknown>>;
  if (d === null || typeof d !== 'object') fail('diagnostics missing');
  const ev = j.evaluation;
  if (ev === null || typeof ev !== 'object' || !Number.isSafeInteger(ev.samples) || ev.samples < 1) fail('evaluation.samples missing');
  const rngState = numbers('evaluation.rngState', ev.rngState, 4);
  const evalRng = Rng.fromState(rngState); // checks the state now, not at the first read
  const saved = ev.result === undefined ? undefined : evaluated(ev.result);
  const rows = createRowScratch(guide);
  return new FitResult<M>({
    model,
    guide,
    params,
    trace: numbers('trace', j.trace),
    converged: bool('converged', j.converged),
    steps: count('steps', j.steps),
    diagnostics: {
      stepSize: num('diagnostics.stepSize', d.stepSize),
      stepSizeSearch: trials(d.stepSizeSearch),
      rejectedSteps: count('diagnostics.rejectedSteps', d.rejectedSteps),
      averagingStart: count('diagnostics.averagingStart', d.averagingStart),
      paramStderr: num('diagnostics.paramStderr', d.paramStderr),
      stopReason: stopReason(d.stopReason),
    },
    warnings: warnings(j.warnings),
    evaluation: {
      samples: ev.samples,
      rngState,
      evaluate: () => saved ?? new FinalEvaluation(model, guide, params, evalRng, ev.samples, rows).get(),
    },
  });
}

function guideSpec(g: FitResultJSON['guide'], custom: GuideSpec | undefined): GuideSpec {
  if (custom !== undefined) return custom;
  if (g === null || typeof g !== 'object') fail('guide missing');
  if (g.kind === 'meanField') return meanField();
  if (g.kind === 'fullRank') return fullRank();
  if (g.kind === 'family') {
    const record: Record<string, FamilyClass> = {};
    for (const [name, family] of Object.entries(g.families ?? {})) {
      const f = GUIDE_FAMILIES[family];
      if (f === undefined) fail(`guide family ${show(family)} of latent "${name}" is not one of ${Object.keys(GUIDE_FAMILIES).join(', ')}`);
      record[name] = f;
    }
    return families(record);
  }
  fail(`the guide kind ${show(g.kind)} is not built in; pass its spec: restoreFit(model, json, { guide })`);
}

function checkLatents(model: DifferentiableModel, saved: FitResultJSON['latents']): void {
  if (!Array.isArray(saved)) fail('latents missing');
  const latentLabel = (b: { name: string; size: number; scalar: boolean }, support: string): string => `${b.scalar ? b.name : `${b.name}[${b.size}]`} (${support})`;
  const now = model.blocks.map((b) => latentLabel(b, b.support.kind)).join(', ');
  const then = saved.map((b) => latentLabel(b, b?.support)).join(', ');
  if (now !== then) fail(`the result was fitted to a model with latents ${then}; this model has ${now}`);
}

function evaluated(r: EvaluatedJSON): Evaluated {
  return {
    elbo: num('evaluation.result.elbo', r.elbo),
    elboStderr: num('evaluation.result.elboStderr', r.elboStderr),
    khat: num('evaluation.result.khat', r.khat),
    khatReading: khatReading(r.khatReading),
    logEvidence: { value: num('logEvidence.value', r.logEvidence?.value), stderr: num('logEvidence.stderr', r.logEvidence?.stderr) },
  };
}

function trials(v: unknown): StepSizeTrial[] {
  if (!Array.isArray(v)) fail('diagnostics.stepSizeSearch must be an array');
  return v.map((t: { lr?: unknown; elbo?: unknown }, i) => ({ lr: num(`stepSizeSearch[${i}].lr`, t?.lr), elbo: num(`stepSizeSearch[${i}].elbo`, t?.elbo) }));
}

function warnings(v: unknown): FitWarning[] {
  if (!Array.isArray(v)) fail('warnings must be an array');
  return v.map((w: { code?: unknown; message?: unknown }, i) => {
    if (typeof w?.code !== 'string' || typeof w.message !== 'string') fail(`warnings[${i}] must be { code, message }`);
    return { code: w.code, message: w.message };
  });
}

function stopReason(v: unknown): FitDiagnostics['stopReason'] {
  if (v === 'converged' || v === 'maxSteps' || v === 'stopped') return v;
  fail(`diagnostics.stopReason ${show(v)} is not "converged", "maxSteps" or "stopped"`);
}

function khatReading(v: unknown): KhatReading {
  if (v === 'good' || v === 'ok' || v === 'poor') return v;
  fail(`khatReading ${show(v)} is not "good", "ok" or "poor"`);
}

/** A {@link JsonNumber} back to a number. */
function num(what: string, v: unknown): number {
  if (typeof v === 'number') return v;
  const special: Record<string, number> = { NaN, Infinity, '-Infinity': -Infinity } satisfies Record<Exclude<JsonNumber, number>, number>;
  if (typeof v === 'string' && Object.hasOwn(special, v)) return special[v];
  fail(`${what} must be a number, got ${show(v)}`);
}

function numbers(what: string, v: unknown, length?: number): Float64Array {
  if (!Array.isArray(v)) fail(`${what} must be an array of numbers`);
  if (length !== undefined && v.length !== length) fail(`${what} must have ${length} entries, got ${v.length}`);
  return Float64Array.from(v, (x, i) => num(`${what}[${i}]`, x));
}

function count(what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(`${what} must be a non-negative integer, got ${show(v)}`);
  return v;
}

function bool(what: string, v: unknown): boolean {
  if (typeof v !== 'boolean') fail(`${what} must be a boolean, got ${show(v)}`);
  return v;
}

function show(v: unknown): string {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

/** `JSON.parse(text)`, its SyntaxError turned into the module's typed error naming restoreFit. */
function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail(`json is not valid JSON (${(e as Error).message})`);
  }
}

function fail(message: string): never {
  throw new TypeError(`restoreFit: ${message}`);
}
