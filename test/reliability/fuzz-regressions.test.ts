/**
 * The failures the fuzz suite (fuzz.test.ts) found, one reproducer each: every one
 * used to end in a raw engine TypeError (or an untyped SyntaxError, or a silent
 * coercion) and now throws a typed error whose message starts with its owner.
 */
import { describe, expect, it } from 'vitest';
import {
  add, Beta, bijectionFor, Binomial, dot, exp, Exponential, Gamma, InvalidParameterError, InverseGamma, LogitNormal, intervalBijection, ModelError, Normal, Poisson, Rng, sameTransform,
  setLimits, StudentT, sum, supportContains, UnsupportedKLError,
} from '../../src/index';
import { createNoiseSource, createWorkspace, elboValue, FitResult, modelGradientRows, modelValueRows } from '../../src/vi/index';
import { FitError, khatReading, logEvidence, logMeanExpWithStderr, polynomialDecay, psisKhat, quantileSorted, restoreFit, stepDecay, UnknownOptionError, estimateElbo } from '../../src/vi/index';

const nullProto = (): unknown => Object.create(null);
type Any = (...a: unknown[]) => unknown;

describe('distribution bulk methods', () => {
  const d = new Normal(0, 1);
  it('sumLogPdf / sumLogPdfPartials refuse a non-array and a short or missing buffer', () => {
    expect(() => (d.sumLogPdf as Any)()).toThrow(/^Normal\.sumLogPdf: xs must be an array of numbers, got undefined$/);
    expect(() => (d.sumLogPdfPartials as Any)([1], undefined)).toThrow(/^Normal\.sumLogPdfPartials: out must be a Float64Array of length >= 3, got undefined$/);
    expect(() => d.sumLogPdfPartials([1], new Float64Array(2))).toThrow(/got a Float64Array of length 2/);
    expect(() => (new Poisson(3).sumLogPdf as Any)(new Set([1]))).toThrow(/^Poisson\.sumLogPdf: xs must be an array/);
  });
  it('sampleInto checks the Rng in every override and the buffer', () => {
    expect(() => (d.sampleInto as Any)(1e-191, new Float64Array(2))).toThrow(/^Normal\.sample: rng must be an Rng/);
    expect(() => (d.sampleInto as Any)(new Rng(1), [0, 0])).toThrow(/^Normal\.sampleInto: out must be a Float64Array/);
  });
  it('inSupport refuses a symbol or a string', () => {
    expect(() => (new Poisson(3).inSupport as Any)(Symbol('s'))).toThrow(/^Poisson\.inSupport: k must be a number, got Symbol\(s\)$/);
    expect(() => (new Poisson(3).inSupport as Any)('2')).toThrow(TypeError);
  });
});

describe('supports, bijections and limits', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['supportContains()', () => (supportContains as Any)(), /^supportContains: s must be a Support/],
    ['bijectionFor(null)', () => (bijectionFor as Any)(null), /^bijectionFor: support must be a Support/],
    ['bijectionFor({ kind: "x" })', () => (bijectionFor as Any)({ kind: 'x' }), /^bijectionFor: support\.kind must be real, positive, nonNegative or interval, got "x"$/],
    ['sameTransform()', () => (sameTransform as Any)(), /^sameTransform: a must be a Support/],
    ['intervalBijection(null-proto)', () => (intervalBijection as Any)(nullProto()), /^intervalBijection: the ends must be finite/],
    ['setLimits(null)', () => (setLimits as Any)(null), /^setLimits: next must be a record/],
    ['setLimits({ maxArrayLength: null-proto })', () => (setLimits as Any)({ maxArrayLength: nullProto() }), /^setLimits: maxArrayLength must be a positive safe integer, got \[object Object\]$/],
  ])('%s', (_name, f, message) => {
    expect(f).toThrow(message);
  });
});

describe('differentiable ops', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['add()', () => (add as Any)(), /^add: a must be a number or a latent, got undefined$/],
    ['exp([])', () => (exp as Any)([]), /^exp: x must be a number or a latent, got \[object Array\]$/],
    ['sum([1, null])', () => (sum as Any)([1, null]), /^sum: v\[1\] must be a number or a latent, got null$/],
    ['dot(null, [1])', () => (dot as Any)(null, [1]), /^dot: a must be an array of numbers or latents, got null$/],
  ])('%s', (_name, f, message) => {
    expect(f).toThrow(TypeError);
    expect(f).toThrow(message);
  });
  it('plain numbers keep the fast path', () => {
    expect(add(1, 2)).toBe(3);
    expect(sum([1, 2, 3])).toBe(6);
  });
});

describe('varinf/vi functions', () => {
  const q = new Normal(0, 1);
  it.each<[string, () => unknown, RegExp]>([
    ['estimateElbo(q, q)', () => (estimateElbo as Any)(q, { z: q }), /^estimateElbo: model must be a Model or DifferentiableModel/],
    ['logEvidence(q, q)', () => (logEvidence as Any)(q, { z: q }), /^logEvidence: model must be a Model or DifferentiableModel/],
    ['logMeanExpWithStderr()', () => (logMeanExpWithStderr as Any)(), /^logMeanExpWithStderr: lw must be an array of numbers/],
    ['quantileSorted()', () => (quantileSorted as Any)(), /^quantileSorted: sorted must be a sorted array/],
    ['quantileSorted(xs, "0.5")', () => (quantileSorted as Any)(new Float64Array([1, 2]), '0.5'), /^quantileSorted: p must be a probability in \[0, 1\], got "0\.5"$/],
    ['psisKhat([0n])', () => (psisKhat as Any)([0n]), /^psisKhat: logWeights\[0\] must be a number, got 0n$/],
    ['psisKhat(["1", …])', () => (psisKhat as Any)(['1', 2, 3, 4, 5, 6]), /^psisKhat: logWeights\[0\] must be a number, got "1"$/],
    ['khatReading(null-proto)', () => (khatReading as Any)(nullProto()), /^khatReading: khat must be a number/],
    ['polynomialDecay(100, null-proto)', () => (polynomialDecay as Any)(100, nullProto()), /^polynomialDecay: power must be in \(0, 1\], got \[object Object\]$/],
    ['stepDecay(10, 2)', () => stepDecay(10, 2), /^stepDecay: gamma must be in \(0, 1\], got 2$/],
    ['restoreFit(m, "z")', () => (restoreFit as Any)(0, 'z'), /^restoreFit: json is not valid JSON/],
  ])('%s', (_name, f, message) => {
    expect(f).toThrow(message);
  });
});

describe('VI building blocks', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['createWorkspace()', () => (createWorkspace as Any)(), /^createWorkspace: guide must be a built guide/],
    ['createNoiseSource(null)', () => (createNoiseSource as Any)(null, 'mc'), /^createNoiseSource: guide must be a built guide/],
    ['modelGradientRows()', () => (modelGradientRows as Any)(), /^modelGradientRows: model must be a Model or DifferentiableModel/],
    ['modelValueRows()', () => (modelValueRows as Any)(), /^modelValueRows: model must be a Model or DifferentiableModel/],
    ['elboValue()', () => (elboValue as Any)(), /^elboValue: model must be a Model or DifferentiableModel/],
    ['new FitResult()', () => new (FitResult as unknown as new (...a: unknown[]) => unknown)(), /^FitResult: init must be a FitResultInit record/],
  ])('%s', (_name, f, message) => {
    expect(f).toThrow(InvalidParameterError);
    expect(f).toThrow(message);
  });
});

describe('error classes built with non-strings', () => {
  it('build their error instead of throwing a raw TypeError', () => {
    const o = nullProto();
    expect(new (InvalidParameterError as unknown as new (...a: unknown[]) => Error)(o, 'x', 'finite', 1).message).toBe('[object Object]: x must be finite, got 1');
    expect(new (ModelError as unknown as new (...a: unknown[]) => Error)(o).message).toBe('[object Object]');
    expect(new (UnsupportedKLError as unknown as new (...a: unknown[]) => Error)(o, 'Normal').message).toMatch(/^kl: no closed form for KL\(\[object Object\] ‖ Normal\)/);
    expect(new (FitError as unknown as new (...a: unknown[]) => Error)(o, undefined, 'ELBO', NaN).message).toBe('fit: the ELBO became NaN at step [object Object]');
    expect(new (UnknownOptionError as unknown as new (...a: unknown[]) => Error)('fit', [0n, , 'x'], [, 'seed']).message).toMatch(/^fit: unknown options "0n", "undefined"/);
  });
});

describe('numerics the fuzz found', () => {
  it('LogitNormal(0, 1).logPdf(5e-324) is finite (the bijection kept the subnormal)', () => {
    const d = new LogitNormal(0, 1);
    const u = Math.log(5e-324); // logit(5e-324) = log(5e-324) − log1p(−5e-324) = log(5e-324) in doubles
    // −u²/2 − log √(2π) − log|dx/du|, with log|dx/du| = u − 2 log1p(e^u) = u at this u.
    expect(d.logPdf(5e-324)).toBeCloseTo(-0.5 * u * u - 0.5 * Math.log(2 * Math.PI) - u, 6);
  });
  it('Poisson(1e300).cdf(2^53) and relatives: the far lower tail, log F = log P(k) + k/λ', () => {
    const d = new Poisson(1e300);
    for (const k of [1e8, 1e9, 2 ** 53]) {
      // k log λ − log k! ≤ 1e19 is below half an ulp of λ = 1e300: log F = −λ in doubles.
      expect(d.logCdf(k)).toBe(-1e300);
      expect(d.cdf(k)).toBe(0);
      expect(d.survival(k)).toBe(1);
      expect(d.logSurvival(k)).toBe(-0);
    }
  });
  it('InverseGamma at a huge shape where β/x overflows: −∞ or the Stirling form, never NaN', () => {
    expect(new InverseGamma(9.99999999998953e307, 0.5).logPdf(5e-324)).toBe(-Infinity);
    // −a(e^d − 1 − d), d = log(1/0.9); the O(log a) ≈ 1e3 rest is far below an ulp
    // (≈ 1e290) of the ≈ 1e306 value. The reference loses ≈ 1.3 digits to the
    // cancellation 1/0.9 − 1 − d: a 1e-13 relative bound.
    const a = 1.7e308;
    const d = Math.log(1 / 0.9);
    const ref = -a * (1 / 0.9 - 1 - d);
    expect(Math.abs(new InverseGamma(a, a).logPdf(0.9) - ref)).toBeLessThan(1e-13 * Math.abs(ref));
  });
  it('entropies and quantiles at subnormal shapes: the rounded limits, never NaN', () => {
    expect(new StudentT(5e-324, 1, 60).entropy()).toBe(Infinity); // H ≈ 1/ν overflows
    expect(new StudentT(5e-324, 1, 60).quantile(5.6e-45)).toBe(-Infinity);
    expect(new StudentT(5e-324, 1, 60).quantile(0.5)).toBe(1);
    expect(new InverseGamma(1.5e-323, 322).entropy()).toBe(Infinity); // H ≈ 1/α overflows
    expect(new Beta(2e-323, 5e-324).entropy()).toBe(-Infinity); // H ≈ −(a² + b²)/(ab(a + b))
    expect(new Beta(1.5e-323, 322).entropy()).toBe(-Infinity); // H ≈ −1/a
    // Finite just above the overflow: H = log B + 1 − (a² + b²)/(ab(a + b)) + O(a + b).
    const [a, b] = [5.5e-309, 1.33e-308];
    const h = new Beta(a, b).entropy();
    const approx = -(b / (a + b) / a + a / (a + b) / b);
    expect(Math.abs(h - approx)).toBeLessThan(1e-13 * Math.abs(approx));
  });
  it('Exponential.logPdfPartials at x = ∞ writes zeros (outside the support)', () => {
    const out = new Float64Array(2);
    expect(new Exponential(5e-324).logPdfPartials(Infinity, out)).toBe(-Infinity);
    expect(Array.from(out)).toEqual([0, 0]);
  });
});

describe('numerics at the ends of the double range (issue #16, last items)', () => {
  const partials = (d: { logPdfPartials(x: number, out: Float64Array): number }, x: number): number[] => {
    const out = new Float64Array(8);
    d.logPdfPartials(x, out);
    return Array.from(out);
  };
  it('Beta cdf at a shape near the double maximum: finite (was NaN: products in the fractions overflowed)', () => {
    const d = new Beta(1, 1.7976931348623135e308);
    for (const x of [5.56e-309, 1e-308]) {
      for (const v of [d.cdf(x), d.logCdf(x), d.survival(x), d.logSurvival(x)]) expect(Number.isNaN(v)).toBe(false);
      expect(Math.abs(d.cdf(x) + d.survival(x) - 1)).toBeLessThan(1e-15);
    }
    const e = new Beta(602, 9.999999999994765e307);
    expect(Math.abs(e.cdf(6.020000000003152e-306) + e.survival(6.020000000003152e-306) - 1)).toBeLessThan(1e-15);
  });
  it('Gamma.logPdf where βx overflows at a huge shape: the finite value (was ∞ − ∞)', () => {
    // Three times the mean: log f = −a(r − 1 − log r) + O(log a), r = 3 (the rest is below an ulp).
    const a = 1.7976931348623157e308;
    const want = -a * (2 - Math.log(3));
    expect(Math.abs(new Gamma(a, 3).logPdf(a) - want)).toBeLessThan(1e-13 * Math.abs(want));
    expect(new Gamma(1000, 1000).logPdf(1.7976931348623157e308)).toBe(-Infinity);
  });
  it('logPdfPartials at subnormal shapes and x: ±∞ where the partial is beyond the double range, never NaN', () => {
    // Beta: ∂/∂α = log x + ψ(α + β) − ψ(α) ≈ β/(α(α + β)) = 1e322 → +∞; at x = 0 (a pole) log x → −∞ dominates.
    expect(partials(new Beta(2e-323, 5e-324), 0.8).slice(0, 3)).toEqual([expect.any(Number), Infinity, Infinity]);
    expect(partials(new Beta(5e-324, 5e-324), 0)[1]).toBe(-Infinity);
    expect(partials(new Beta(5e-324, 5e-324), 1)[2]).toBe(-Infinity);
    // Gamma at its pole x = 0: ∂/∂α = log(βx) − ψ(α) → −∞.
    expect(partials(new Gamma(5e-324, 5e-324), 0)[1]).toBe(-Infinity);
    expect(partials(new Gamma(1e-323, 1), 0)[1]).toBe(-Infinity);
    // InverseGamma: ∂/∂β = α/β − 1/x = (α − β/x)/β = (3 − 2)/6e-323 → +∞.
    expect(partials(new InverseGamma(3, 6e-323), 3e-323)[2]).toBe(Infinity);
    // StudentT: ∂/∂ν ≈ (1 + t²/(νw))/(2ν) → +∞ at ν = 1e-323.
    expect(partials(new StudentT(1e-323, 0, 4.4e-323), -0)[1]).toBe(Infinity);
    expect(partials(new StudentT(9.4e-323, 8.392313139011313e-23, 1.7976931348623157e308), -3)[1]).toBe(Infinity);
    // LogitNormal at one subnormal from an end: ∂/∂x ≈ −(z/σ)/a − 1/a → +∞, ∂/∂low → −∞;
    // at the centre of a subnormal interval ∂/∂x = 0 and ∂/∂low = 1/(2a) → +∞.
    const l1 = partials(new LogitNormal(0, 1e-3), 5e-324);
    expect([l1[0], l1[3]]).toEqual([Infinity, -Infinity]);
    const l2 = partials(new LogitNormal(0, 5e-324, -5e-324, 5e-324), 0);
    expect([l2[0], l2[3], l2[4]]).toEqual([0, Infinity, -Infinity]);
    expect(partials(new LogitNormal(0, 5e-324, -1.7976931348623157e308, 1.7976931348623157e308), 0)[0]).toBe(0);
    // Where logPdf is −∞ the partials are zeros.
    expect(partials(new LogitNormal(0, 5e-324), 5e-324).slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // Binomial(0, p): P(X = 0) = 1 for every p.
    expect(partials(new Binomial(0, 1), 0)[2]).toBe(0);
  });
});
