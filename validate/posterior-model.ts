/**
 * One posteriordb posterior as a varinf model: what `npm run validate` needs to
 * fit it. Each file in `validate/models/` exports one of these, so adding a
 * posterior is adding one file (and one line in `models/index.ts`).
 */
import type { DifferentiableModel } from '../src/model/differentiable-model';
import * as varinf from '../src/index';

/** The parts of `../shared/posteriors/<name>.json` the models read. */
export interface PosteriorFile {
  readonly name: string;
  readonly data: Record<string, unknown>;
  readonly parameters: readonly { name: string; constraint: { kind: string; lower?: number; upper?: number } }[];
  readonly reference: {
    readonly summary: Record<string, { mean: number; sd: number }>;
    readonly unconstrained: { names: string[]; mean: number[]; sd: number[]; idealMeanFieldSd: number[] };
  };
}

/** The library surface a model builds from (families may be missing until they land). */
export type Library = typeof varinf & Record<string, unknown>;

/**
 * A posterior's varinf model. `build` does the Stan program's transformed-data step
 * and returns a model whose unconstrained coordinates are the Stan parameters in
 * `parameters` order (`beta[1]`, …, `sigma`).
 */
export interface PosteriorModel {
  /** The JSON file's base name. */
  readonly file: string;
  /** Distribution classes the model needs from `varinf` (checked before building). */
  readonly needs: readonly string[];
  /** Builds the model from the file's data. */
  build(json: PosteriorFile, lib: Library): DifferentiableModel;
}

/** The library as the models see it. */
export const library = varinf as Library;

/** The classes in `needs` that `varinf` does not export yet. */
export function missingFamilies(m: PosteriorModel, lib: Library = library): string[] {
  return m.needs.filter((n) => typeof lib[n] !== 'function');
}

/** Numbers of a data field. */
export function numbers(json: PosteriorFile, key: string): number[] {
  const v = json.data[key];
  if (!Array.isArray(v)) throw new Error(`${json.name}: data.${key} is not an array`);
  return v as number[];
}

/** Sample mean and sd (n − 1), as Stan's mean() and sd(). */
export function meanSd(x: readonly number[]): { mean: number; sd: number } {
  const n = x.length;
  let m = 0;
  for (const v of x) m += v / n;
  let s = 0;
  for (const v of x) s += (v - m) ** 2;
  return { mean: m, sd: Math.sqrt(s / (n - 1)) };
}
