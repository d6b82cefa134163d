/**
 * KL identities: KL(p, p) = 0, KL ≥ 0, and the closed form equals the Monte-Carlo
 * estimate of E_p[log p − log q] within 4 standard errors; likewise the entropy
 * equals −E_p[log p]; through the properties of `varinf/testing`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential, Gamma, kl, LogNormal, Normal, UnsupportedKLError, type ContinuousDistribution, type DiscreteDistribution } from '../../src/index';
import {
  entropyMatchesMonteCarlo,
  klIsNonNegative,
  klMatchesMonteCarlo,
  klOfSelfIsZero,
  type KlFunction,
} from '../../src/testing/index';
import { discreteRegistry } from './discrete-registry';
import { registry } from './registry';

const pairs: [string, string][] = [
  ['Normal', 'Normal'],
  ['LogNormal', 'LogNormal'],
  ['Exponential', 'Exponential'],
  ['Gamma', 'Gamma'],
  ['Exponential', 'Gamma'],
  ['Gamma', 'Exponential'],
  ['Cauchy', 'Cauchy'],
  ['HalfNormal', 'HalfNormal'],
  ['InverseGamma', 'InverseGamma'],
  ['Beta', 'Beta'],
];
/** `kl` at its continuous overload (a generic parameter would infer the last, discrete one). */
const klContinuous: KlFunction<ContinuousDistribution, ContinuousDistribution> = kl;
/** `kl` at its discrete overload. */
const klDiscrete: KlFunction<DiscreteDistribution, DiscreteDistribution> = kl;
const byName = new Map(registry.map((e) => [e.name, e]));

describe('kl', () => {
  for (const [pn, qn] of pairs) {
    const pe = byName.get(pn)!;
    const qe = byName.get(qn)!;
    it(`${pn}‖${qn}: KL(p, p) = 0 and KL ≥ 0`, () => {
      if (pn === qn) fc.assert(klOfSelfIsZero(pe, klContinuous), { numRuns: 300, seed: 3 });
      fc.assert(klIsNonNegative(pe, qe, klContinuous), { numRuns: 300, seed: 3 });
    });

    it(`${pn}‖${qn}: equals Monte-Carlo E_p[log p − log q] within 4 standard errors`, () => {
      fc.assert(klMatchesMonteCarlo(pe, qe, klContinuous), { numRuns: 12, seed: 4 });
    });
  }

  // Binomial‖Binomial needs the same n on both sides: discrete-properties.test.ts checks it against the direct sum.
  for (const name of ['Bernoulli', 'Poisson']) {
    const e = discreteRegistry.find((f) => f.name === name)!;
    it(`${name}‖${name}: KL(p, p) = 0, KL ≥ 0, and the Monte-Carlo E_p[log p − log q] within 4 standard errors`, () => {
      fc.assert(klOfSelfIsZero(e, klDiscrete), { numRuns: 300, seed: 3 });
      fc.assert(klIsNonNegative(e, e, klDiscrete), { numRuns: 300, seed: 3 });
      fc.assert(klMatchesMonteCarlo(e, e, klDiscrete), { numRuns: 12, seed: 4 });
    });
  }

  it('entropy equals −E[logPdf] within 4 standard errors', () => {
    for (const e of [...registry, ...discreteRegistry]) fc.assert(entropyMatchesMonteCarlo(e), { numRuns: 10, seed: 5 });
  });

  it('throws UnsupportedKLError for other pairs', () => {
    expect(() => kl(new Normal(0, 1), new Gamma(2, 1))).toThrow(UnsupportedKLError);
    expect(() => kl(new LogNormal(0, 1), new Exponential(1))).toThrow(/no closed form for KL\(LogNormal ‖ Exponential\)/);
  });
});
