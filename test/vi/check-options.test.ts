/**
 * Unknown option names are refused, with the names and a did-you-mean, in every
 * function that takes options, nested `convergence` / `stepSizeSearch` included.
 */
import { describe, expect, it } from 'vitest';
import { didYouMean, levenshtein } from '../../src/did-you-mean';
import { LogNormal } from '../../src/index';
import { checkOptions, optionKeys } from '../../src/vi/check-options';
import { estimateElbo, families, fit, fitAsync, fitSteps, fullRank, logEvidence, meanField, predictive, restoreFit, UnknownOptionError } from '../../src/vi/index';
import { expNormalModel } from './helpers';

const model = expNormalModel([1.3]);
const q = { z: new LogNormal(0, 0.5) };

/** The error `f` throws (synchronously or as a rejection). */
async function errorOf(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('levenshtein and didYouMean', () => {
  it('edit distances', () => {
    expect(levenshtein('', '')).toBe(0);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('seed', 'seed')).toBe(0);
    expect(levenshtein('maxStep', 'maxSteps')).toBe(1);
    expect(levenshtein('abc', '')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
  });

  it('suggests a case-only difference or a near name, nothing for a far one', () => {
    const names = ['seed', 'samples', 'maxSteps', 'convergence'];
    expect(didYouMean('Seed', names)).toBe('seed');
    expect(didYouMean('SAMPLES', names)).toBe('samples');
    expect(didYouMean('maxstep', names)).toBe('maxSteps');
    expect(didYouMean('convergance', names)).toBe('convergence');
    expect(didYouMean('xyz', names)).toBeUndefined();
    expect(didYouMean('lr', names)).toBeUndefined();
  });
});

describe('unknown options are refused with their names and a did-you-mean', () => {
  const calls: [string, () => unknown, string, string][] = [
    ['fit', () => fit(model, { Seed: 99 } as never), 'fit', 'Seed" (did you mean "seed"?)'],
    ['fitSteps (at the call, not the first next())', () => fitSteps(model, { maxStep: 5 } as never), 'fit', 'maxStep" (did you mean "maxSteps"?)'],
    ['fitAsync', () => fitAsync(model, { sample: 4 } as never), 'fit', 'sample" (did you mean "samples"?)'],
    ['fit: convergence', () => fit(model, { convergence: { windw: 10 } } as never), 'fit: convergence', 'windw" (did you mean "window"?)'],
    ['fit: stepSizeSearch', () => fit(model, { stepSizeSearch: { ladders: [0.1] } } as never), 'fit: stepSizeSearch', 'ladders" (did you mean "ladder"?)'],
    ['estimateElbo', () => estimateElbo(model, q, { sample: 10 } as never), 'estimateElbo', 'sample" (did you mean "samples"?)'],
    ['logEvidence', () => logEvidence(model, q, { seeds: 1 } as never), 'logEvidence', 'seeds" (did you mean "seed"?)'],
    ['meanField', () => meanField({ initscale: 0.1 } as never), 'meanField', 'initscale" (did you mean "initScale"?)'],
    ['fullRank', () => fullRank({ initLocs: {} } as never), 'fullRank', 'initLocs" (did you mean "initLoc"?)'],
    ['families', () => families({ z: LogNormal }, { initScal: 1 } as never), 'families', 'initScal" (did you mean "initScale"?)'],
  ];
  for (const [label, call, owner, fragment] of calls) {
    it(label, async () => {
      const e = await errorOf(call);
      expect(e).toBeInstanceOf(UnknownOptionError);
      expect(e).toBeInstanceOf(TypeError);
      const err = e as UnknownOptionError;
      expect(err.owner).toBe(owner);
      expect(err.message.startsWith(`${owner}: unknown option "`)).toBe(true);
      expect(err.message).toContain(fragment);
      expect(err.unknown.length).toBe(1);
    });
  }

  it('the result methods and restoreFit check theirs too', () => {
    const r = fit(model, { guide: { z: LogNormal }, seed: 1, maxSteps: 50, convergence: false });
    expect(() => r.sample(3, { sed: 1 } as never)).toThrow(/sample: unknown option "sed" \(did you mean "seed"\?\)/);
    expect(() => r.summary({ draw: 100 } as never)).toThrow(/summary: unknown option "draw" \(did you mean "draws"\?\)/);
    expect(() => predictive(model, r, { sample: 3 } as never)).toThrow(/predictive: unknown option "sample" \(did you mean "samples"\?\)/);
    expect(() => restoreFit(model, r.toJSON(), { guid: undefined } as never)).toThrow(/restoreFit: unknown option "guid" \(did you mean "guide"\?\)/);
  });

  it('names every unknown option, lists the known ones, and counts an undefined value as given', () => {
    const e = (() => {
      try {
        checkOptions('f', { a: 1, bee: undefined, zzz: 2 }, ['a', 'be']);
      } catch (err) {
        return err as UnknownOptionError;
      }
      throw new Error('no error');
    })();
    expect(e.unknown).toEqual(['bee', 'zzz']);
    expect(e.suggestions).toEqual(['be', undefined]);
    expect(e.message).toBe('f: unknown options "bee" (did you mean "be"?), "zzz"; the options are a, be');
  });

  it('known options, and undefined options objects, still pass', () => {
    expect(() => checkOptions('f', {}, ['a'])).not.toThrow();
    expect(fit(model, { seed: 1, maxSteps: 30, convergence: false, stepSizeSearch: { steps: 5 } }).steps).toBe(30);
  });

  it('optionKeys makes the compiler check a key list is complete', () => {
    interface O {
      readonly a?: number;
      readonly b?: string;
    }
    expect(optionKeys<O>()(['a', 'b'])).toEqual(['a', 'b']);
    // @ts-expect-error — "b" is missing from the list
    optionKeys<O>()(['a']);
    // @ts-expect-error — "c" is not a key of O
    optionKeys<O>()(['a', 'b', 'c']);
  });
});
