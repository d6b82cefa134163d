/**
 * Cauchy, HalfNormal, HalfCauchy, Uniform and InverseGamma beyond the shared
 * registry: identities with the families they derive from (fast-check, fixed
 * seeds), inputs at the edge of the double range that the reference does not
 * reach, KL properties, and the messages of bad parameters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Cauchy,
  Gamma,
  HalfCauchy,
  HalfNormal,
  InvalidParameterError,
  InverseGamma,
  kl,
  Normal,
  Uniform,
} from '../../src/index';
import { logUniform, signedLog } from './registry';

const RUNS = { numRuns: 300, seed: 20261205 } as const;

/** |a − b| ≤ atol + rtol·max(|a|, |b|). */
function close(a: number, b: number, rtol: number, atol = 0): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
}

/** A probability spread in log scale over [1e-300, 0.5]. */
const smallP = fc.double({ min: -300, max: Math.log10(0.5), noNaN: true }).map((e) => 10 ** e);

describe('identities with the parent families', () => {
  it('HalfNormal(σ) is |Normal(0, σ)|: density doubled, survival doubled, quantile of (1 + p)/2', () => {
    fc.assert(
      fc.property(logUniform(-8, 8), fc.double({ min: 0, max: 30, noNaN: true }), (s, t) => {
        const h = new HalfNormal(s);
        const n = new Normal(0, s);
        const x = t * s;
        expect(close(h.logPdf(x), Math.LN2 + n.logPdf(x), 1e-14, 1e-14)).toBe(true);
        expect(close(h.survival(x), 2 * n.survival(x), 1e-14, 1e-300)).toBe(true);
        expect(close(h.logSurvival(x), Math.LN2 + n.logSurvival(x), 1e-13, 1e-15)).toBe(true);
        const p = h.cdf(x);
        if (p > 1e-3 && p < 0.999) expect(close(h.quantile(p), n.quantile((1 + p) / 2), 1e-12)).toBe(true);
      }),
      RUNS,
    );
  });

  it('HalfCauchy(σ) is |Cauchy(0, σ)|: density doubled, survival doubled', () => {
    fc.assert(
      fc.property(logUniform(-8, 8), fc.double({ min: -10, max: 300, noNaN: true }), (s, e) => {
        const h = new HalfCauchy(s);
        const c = new Cauchy(0, s);
        const x = s * 10 ** e;
        if (!Number.isFinite(x)) return;
        expect(close(h.logPdf(x), Math.LN2 + c.logPdf(x), 1e-14, 1e-14)).toBe(true);
        expect(close(h.survival(x), 2 * c.survival(x), 1e-14, 1e-300)).toBe(true);
        expect(close(h.logSurvival(x), Math.LN2 + c.logSurvival(x), 1e-13, 1e-15)).toBe(true);
      }),
      RUNS,
    );
  });

  it('InverseGamma(α, β) is 1/Gamma(α, β): f(x) = g(1/x)/x², F(x) = 1 − G(1/x), quantile(p) = 1/G⁻¹(1 − p)', () => {
    fc.assert(
      fc.property(logUniform(-3, 3), logUniform(-6, 6), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (a, b, p) => {
        const ig = new InverseGamma(a, b);
        const g = new Gamma(a, b);
        const y = g.quantile(p);
        if (!(y > 0 && y < Infinity)) return;
        const x = 1 / y;
        // 1/y rounds once: the log-density moves by |∂ log f/∂ log x|·ε ≤ (α + 1 + βx⁻¹)·ε.
        const slack = (a + 2 + b * y) * 2.3e-16;
        expect(close(ig.logPdf(x), g.logPdf(1 / x) - 2 * Math.log(x), 1e-13, slack)).toBe(true);
        expect(close(ig.cdf(x), g.survival(1 / x), 1e-13, 1e-300)).toBe(true);
        expect(close(ig.survival(x), g.cdf(1 / x), 1e-13, 1e-300)).toBe(true);
        expect(close(ig.quantile(1 - p), 1 / g.quantile(p), 1e-11)).toBe(true);
      }),
      RUNS,
    );
  });

  it('Cauchy is symmetric about μ, and its quantile inverts the cdf down to p = 1e-300', () => {
    fc.assert(
      fc.property(signedLog(-8, 8), logUniform(-8, 8), smallP, (mu, s, p) => {
        const d = new Cauchy(mu, s);
        const lo = d.quantile(p);
        // Reflection about μ is exact when μ = 0 (1 − p is not exact for p < ½, so no quantile check of it).
        if (mu === 0) {
          expect(d.cdf(lo)).toBe(d.survival(-lo));
          expect(d.logCdf(lo)).toBe(d.logSurvival(-lo));
          expect(d.logPdf(lo)).toBe(d.logPdf(-lo));
        }
        // The lower tail of t ↦ F is well conditioned: relative error in p maps to the same in x.
        if (mu === 0) expect(close(d.cdf(lo), p, 1e-13, 1e-300)).toBe(true);
        if (mu === 0) expect(close(d.logCdf(lo), Math.log(p), 1e-13)).toBe(true);
      }),
      RUNS,
    );
  });

  it('Uniform: cdf is (x − low)/(high − low), quantile inverts it, both ends exact', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), logUniform(-6, 6), fc.double({ min: 0, max: 1, noNaN: true }), (low, w, p) => {
        const high = low + w;
        if (!(high > low)) return;
        const d = new Uniform(low, high);
        const x = d.quantile(p);
        expect(x).toBeGreaterThanOrEqual(low);
        expect(x).toBeLessThanOrEqual(high);
        expect(close(d.cdf(x), (x - low) / (high - low), 1e-15, 1e-300)).toBe(true);
        expect(close(d.survival(x), (high - x) / (high - low), 1e-15, 1e-300)).toBe(true);
        expect(d.cdf(low)).toBe(0);
        expect(d.survival(high)).toBe(0);
        expect(d.logPdf(low)).toBe(d.logPdf(high));
      }),
      RUNS,
    );
  });
});

describe('edges of the double range', () => {
  it('Cauchy with x − μ overflowing: finite logs, tails from the halves', () => {
    const d = new Cauchy(-1e308, 1);
    const lp = d.logPdf(1e308);
    expect(close(lp, -Math.log(Math.PI) - 2 * (Math.log(1e308) + Math.LN2), 1e-15)).toBe(true);
    expect(d.cdf(1e308)).toBe(1);
    // 1/(π·2e308) = 1.59e-309 is subnormal (≈ 16 significant bits left).
    expect(close(d.survival(1e308), 0.5 / Math.PI / 1e308, 1e-4)).toBe(true);
    expect(close(d.logSurvival(1e308), -Math.log(Math.PI) - Math.log(1e308) - Math.LN2, 1e-15)).toBe(true);
    expect(close(d.logCdf(-1.7e308), -Math.log(Math.PI) - Math.log(1.7e308 - 1e308), 1e-15)).toBe(true);
  });

  it('Cauchy with a scale so small that t overflows: the survival is σ/(π|x − μ|), not 0', () => {
    const d = new Cauchy(0, 1e-300);
    expect(close(d.survival(1e10), 1e-310 / Math.PI, 1e-5)).toBe(true); // subnormal: few digits
    expect(close(d.logSurvival(1e10), Math.log(1e-300) - Math.log(1e10) - Math.log(Math.PI), 1e-15)).toBe(true);
    expect(close(d.logPdf(1e10), -Math.log(Math.PI) + Math.log(1e-300) - 2 * Math.log(1e10), 1e-15)).toBe(true);
  });

  it('HalfCauchy and HalfNormal far tails and tiny x', () => {
    const h = new HalfCauchy(1e-300);
    expect(close(h.logSurvival(1e300), Math.log(2 / Math.PI) - 600 * Math.LN10, 1e-14)).toBe(true);
    expect(close(h.logCdf(1e-320), Math.log(2 / Math.PI) + Math.log(1e-320) - Math.log(1e-300), 1e-14)).toBe(true);
    const n = new HalfNormal(1e10);
    expect(close(n.logCdf(1e-300), Math.log(1e-300) - Math.log(1e10) + 0.5 * Math.log(2 / Math.PI), 1e-14)).toBe(true);
    expect(new HalfNormal(1).logSurvival(1e5)).toBeCloseTo(-5e9 - Math.log(1e5) - 0.5 * Math.log(Math.PI / 2), 0);
  });

  it('InverseGamma where β/x is subnormal: logSurvival continues smoothly through the switch', () => {
    const d = new InverseGamma(0.5, 1e-10);
    // y = β/x crosses DBL_MIN at x = β/DBL_MIN; log P(α, y) ≈ α log y − log Γ(α + 1) on both sides.
    const x0 = 1e-10 / 2.2250738585072014e-308;
    for (const x of [x0 / 1.001, x0 * 1.001, x0 * 1e10, 1.7e308]) {
      const want = 0.5 * (Math.log(1e-10) - Math.log(x)) - Math.log(Math.sqrt(Math.PI) / 2);
      expect(close(d.logSurvival(x), want, 1e-13)).toBe(true);
      // exp of a log near −360 carries ~360 ulps; log F = log1p(−S) ≈ −S.
      expect(close(d.survival(x), Math.exp(want), 1e-12)).toBe(true);
      expect(close(d.logCdf(x), -Math.exp(want), 1e-12)).toBe(true);
    }
  });

  it('InverseGamma with a tiny shape: quantiles whose Gamma root underflows are still finite and invert the cdf', () => {
    // Gamma(1e-3, 1) has P(α, y) = ¼ at y ≈ 1e-603 (underflows), but x = β/y = 2.04e302 for β = 1e-300.
    const d = new InverseGamma(1e-3, 1e-300);
    for (const p of [0.1, 0.4, 0.5, 0.6, 0.75]) {
      const x = d.quantile(p);
      expect(Number.isFinite(x), `quantile(${p})`).toBe(true);
      // cond of x ↦ F(x) is ~α = 1e-3 here, so F(quantile(p)) = p to a few ulps of p.
      expect(close(d.cdf(x), p, 1e-14)).toBe(true);
    }
    // mpmath (50 digits): 2.04322355713327136e302; x ∝ P^{−1/α}, so cond = 1/α = 1000.
    expect(close(d.quantile(0.75), 2.0432235571332714e302, 1e-15 * 1000)).toBe(true);
    expect(d.quantile(0.9)).toBe(Infinity); // the true value, β·e^{2250}, overflows
  });

  it('Uniform whose width overflows: cdf, quantile and moments stay finite', () => {
    const d = new Uniform(-1.7e308, 1.7e308);
    expect(d.cdf(0)).toBe(0.5);
    expect(d.quantile(0.5)).toBe(0);
    expect(d.quantile(0.25)).toBe(-0.85e308);
    expect(d.logSurvival(0)).toBe(-Math.LN2);
    expect(close(d.stddev(), 1.7e308 / Math.sqrt(3), 1e-15)).toBe(true); // (high − low)/√12 with high − low = 3.4e308
    expect(d.variance()).toBe(Infinity);
    expect(d.mean()).toBe(0);
  });
});

describe('KL properties', () => {
  it('Cauchy: symmetric in p and q, 0 only at p = q', () => {
    fc.assert(
      fc.property(signedLog(-8, 8), logUniform(-8, 8), signedLog(-8, 8), logUniform(-8, 8), (m1, s1, m2, s2) => {
        const p = new Cauchy(m1, s1);
        const q = new Cauchy(m2, s2);
        expect(kl(p, q)).toBe(kl(q, p));
        if (m1 !== m2 || s1 !== s2) expect(kl(p, q)).toBeGreaterThan(0);
        expect(kl(p, new Cauchy(m1, s1))).toBe(0);
      }),
      RUNS,
    );
  });

  it('Cauchy: full relative precision as q → p (KL ≈ (Δμ² + Δσ²)/(4σ²))', () => {
    const p = new Cauchy(2, 3);
    for (const e of [1e-5, 1e-8, 1e-12]) {
      const q = new Cauchy(2 + 3 * e, 3);
      const d = (q.mu - 2) / 6; // the exact double difference over 2σ
      expect(close(kl(p, q), Math.log1p(d * d), 1e-15)).toBe(true);
    }
  });

  it('Uniform: log of the width ratio when contained, ∞ otherwise, 0 at p = q', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), logUniform(-3, 3), fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }), (low, w, a, b) => {
        const p = new Uniform(low, low + w);
        const lo = low + a * w;
        const hi = low + (1 + b) * w;
        if (!(hi > lo)) return;
        const q = new Uniform(lo, hi);
        expect(kl(p, p)).toBe(0);
        if (lo <= p.low && p.high <= hi) {
          // E_p[log p − log q] is the constant log((hi − lo)/(high − low)).
          expect(close(kl(p, q), Math.log((hi - lo) / (p.high - p.low)), 1e-12, 1e-15)).toBe(true);
        } else {
          expect(kl(p, q)).toBe(Infinity);
        }
      }),
      RUNS,
    );
  });

  it('Uniform: a q barely wider than p keeps full relative precision', () => {
    expect(close(kl(new Uniform(0, 1), new Uniform(-1e-12, 1)), Math.log1p(1e-12), 1e-15)).toBe(true);
    expect(close(kl(new Uniform(-3, 5.5), new Uniform(-3, 5.5 + 2 ** -49)), Math.log1p(2 ** -49 / 8.5), 1e-15)).toBe(true);
  });

  it('HalfNormal and InverseGamma: 0 at p = q, ≥ 0, and InverseGamma equals the Gamma KL with rate = scale', () => {
    fc.assert(
      fc.property(logUniform(-3, 3), logUniform(-3, 3), logUniform(-3, 3), logUniform(-3, 3), (a1, b1, a2, b2) => {
        expect(kl(new HalfNormal(b1), new HalfNormal(b1))).toBe(0);
        expect(kl(new HalfNormal(b1), new HalfNormal(b2))).toBeGreaterThanOrEqual(0);
        expect(kl(new InverseGamma(a1, b1), new InverseGamma(a2, b2))).toBe(kl(new Gamma(a1, b1), new Gamma(a2, b2)));
      }),
      RUNS,
    );
  });
});

describe('bad parameters', () => {
  const cases: [string, () => unknown, string, unknown][] = [
    ['Cauchy', () => new Cauchy(NaN, 1), 'mu', NaN],
    ['Cauchy', () => new Cauchy(0, 0), 'sigma', 0],
    ['Cauchy', () => new Cauchy(Infinity, 1), 'mu', Infinity],
    ['HalfNormal', () => new HalfNormal(-1), 'sigma', -1],
    ['HalfNormal', () => new HalfNormal(Infinity), 'sigma', Infinity],
    ['HalfCauchy', () => new HalfCauchy(-0), 'sigma', -0],
    ['HalfCauchy', () => new HalfCauchy(NaN), 'sigma', NaN],
    ['Uniform', () => new Uniform(-Infinity, 1), 'low', -Infinity],
    ['Uniform', () => new Uniform(1, 1), 'high', 1],
    ['Uniform', () => new Uniform(2, 1), 'high', 1],
    ['Uniform', () => new Uniform(0, Infinity), 'high', Infinity],
    ['InverseGamma', () => new InverseGamma(0, 1), 'shape', 0],
    ['InverseGamma', () => new InverseGamma(1, -2), 'scale', -2],
    ['InverseGamma', () => new InverseGamma(1, Infinity), 'scale', Infinity],
  ];
  it.each(cases.map((c) => [`${c[0]} ${c[2]} = ${Object.is(c[3], -0) ? '-0' : String(c[3])}`, ...c] as const))('%s', (_l, owner, make, parameter, value) => {
    let err: unknown;
    try {
      make();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidParameterError);
    const e = err as InvalidParameterError;
    expect(e.owner).toBe(owner);
    expect(e.parameter).toBe(parameter);
    expect(Object.is(e.value, value)).toBe(true);
    expect(e.message.startsWith(`${owner}: ${parameter} must be`)).toBe(true);
  });

  it('messages', () => {
    expect(() => new Uniform(2, 1)).toThrow('Uniform: high must be finite and > low (2), got 1');
    expect(() => new Cauchy(0, -1)).toThrow('Cauchy: sigma must be > 0 and finite, got -1');
    expect(() => new InverseGamma(-0, 1)).toThrow('InverseGamma: shape must be > 0 and finite, got -0');
  });

  it('wrong types from untyped callers: strings, null, undefined', () => {
    const bad = ['1', null, undefined] as unknown as number[];
    for (const v of bad) {
      expect(() => new Cauchy(v, 1)).toThrow(InvalidParameterError);
      expect(() => new Cauchy(0, v)).toThrow(InvalidParameterError);
      expect(() => new HalfNormal(v)).toThrow(InvalidParameterError);
      expect(() => new HalfCauchy(v)).toThrow(InvalidParameterError);
      expect(() => new Uniform(v, 1)).toThrow(/Uniform: low must be finite/);
      expect(() => new Uniform(0, v)).toThrow(/Uniform: high must be finite and > low \(0\)/);
      expect(() => new InverseGamma(v, 1)).toThrow(/InverseGamma: shape/);
      expect(() => new InverseGamma(1, v)).toThrow(/InverseGamma: scale/);
      // The shared checks (validate.ts) serve the first-round families too.
      expect(() => new Normal(v, 1)).toThrow(InvalidParameterError);
      expect(() => new Gamma(1, v)).toThrow(InvalidParameterError);
    }
    expect(() => new HalfNormal(null as unknown as number)).toThrow('HalfNormal: sigma must be > 0 and finite, got null');
    expect(() => new Uniform(0, '2' as unknown as number)).toThrow('Uniform: high must be finite and > low (0), got "2"');
  });
});
