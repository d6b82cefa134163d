/**
 * Closed-form Kullback–Leibler divergences KL(p ‖ q) = E_p[log p(X) − log q(X)].
 *
 * The textbook formulas lose every digit when p and q nearly coincide (KL ≈ 1e-16
 * computed as a difference of O(1) terms). Here each is rewritten around
 * `expm1mx(y) = eʸ − 1 − y` and `log1p` of the exactly computed relative
 * parameter difference, so that small divergences keep full relative accuracy.
 *
 * @module
 */
import { formatValue, UnsupportedKLError } from '../errors';
import { digamma, lgamma, trigamma } from '../math/gamma-functions';
import { expm1mx } from '../math/elementary';
import { integrate } from '../math/quadrature';
import { Bernoulli } from './bernoulli';
import { Beta } from './beta';
import { Binomial } from './binomial';
import type { DiscreteDistribution } from './discrete-distribution';
import type { ContinuousDistribution } from './distribution';
import { Exponential } from './exponential';
import { Cauchy } from './cauchy';
import { Gamma, gammaEntropyStandard } from './gamma';
import { HalfNormal } from './half-normal';
import { InverseGamma } from './inverse-gamma';
import { klBernoulli } from './kl-bernoulli';
import { klBeta } from './kl-beta';
import { klBinomial } from './kl-binomial';
import { klCauchy } from './kl-cauchy';
import { klPoisson } from './kl-poisson';
import { klUniform } from './kl-uniform';
import { LogNormal } from './lognormal';
import { Normal } from './normal';
import { Poisson } from './poisson';
import { Uniform } from './uniform';

/**
 * KL(p ‖ q) in closed form, in nats.
 *
 * Supported pairs: Normal‖Normal, LogNormal‖LogNormal, Exponential‖Exponential,
 * Gamma‖Gamma, Exponential‖Gamma, Gamma‖Exponential, Cauchy‖Cauchy,
 * HalfNormal‖HalfNormal, Uniform‖Uniform, InverseGamma‖InverseGamma, Beta‖Beta,
 * Bernoulli‖Bernoulli, Poisson‖Poisson, Binomial‖Binomial (same n; different n
 * throw an `InvalidParameterError`). Any other pair throws {@link UnsupportedKLError}.
 *
 * - Normal: ½[(σp/σq)² − 1 − 2 log(σp/σq) + ((μp − μq)/σq)²] (LogNormal likewise).
 * - Exponential: λq/λp − 1 − log(λq/λp).
 * - Gamma: (αp − αq)ψ(αp) − log Γ(αp) + log Γ(αq) + αq log(βp/βq) + αp(βq − βp)/βp
 *   (InverseGamma‖InverseGamma likewise, with rate = scale).
 * - Cauchy: log(1 + ((σp − σq)² + (μp − μq)²)/(4σpσq)); HalfNormal: the Normal one with
 *   equal means; Uniform: log(width_q/width_p) when [lp, hp] ⊆ [lq, hq], else ∞.
 * - Beta: log B(αq, βq) − log B(αp, βp) − (αq − αp)(ψ(αp) − ψ(np)) − (βq − βp)(ψ(βp) − ψ(np)).
 * - Bernoulli: p log(p/q) + (1 − p) log((1 − p)/(1 − q)); Binomial: n times that.
 * - Poisson: λp log(λp/λq) + λq − λp.
 *
 * @example
 * ```ts
 * import { kl, Normal, Exponential, Gamma } from 'varinf';
 * kl(new Normal(0, 1), new Normal(1, 2));       // → 0.4431471805599453
 * kl(new Exponential(1), new Gamma(2, 1));       // → 0.5772156649015329 (Euler's γ)
 * kl(new Normal(0, 1), new Normal(0, 1.000001)); // → 9.99998333e-13, full precision
 * ```
 */
export function kl(p: ContinuousDistribution, q: ContinuousDistribution): number;
/**
 * KL(p ‖ q) of two discrete distributions of the same family: Bernoulli‖Bernoulli,
 * Poisson‖Poisson, Binomial‖Binomial (same n).
 *
 * @example
 * ```ts
 * import { kl, Bernoulli, Poisson } from 'varinf';
 * kl(new Bernoulli(0.3), new Bernoulli(0.7)); // → 0.3389191441548813
 * kl(new Poisson(1), new Poisson(2));         // → 0.3068528194400547 = 1 − ln 2
 * ```
 */
export function kl(p: DiscreteDistribution, q: DiscreteDistribution): number;
export function kl(p: ContinuousDistribution | DiscreteDistribution, q: ContinuousDistribution | DiscreteDistribution): number {
  checkDistribution('p', p);
  checkDistribution('q', q);
  for (const e of PAIRS) if (p instanceof e.p && q instanceof e.q) return e.kl(p as never, q as never);
  throw new UnsupportedKLError(p.name, q.name, SUPPORTED);
}

/** One closed-form KL(P‖Q): the classes and the formula on their parameters. */
interface KlPair {
  readonly p: abstract new (...a: never[]) => object;
  readonly q: abstract new (...a: never[]) => object;
  readonly kl: (p: never, q: never) => number;
}

/** A typed {@link KlPair}: the formula sees the two classes' instances. */
function pair<P extends object, Q extends object>(p: abstract new (...a: never[]) => P, q: abstract new (...a: never[]) => Q, kl: (p: P, q: Q) => number): KlPair {
  return { p, q, kl: kl as (p: never, q: never) => number };
}

/**
 * The closed-form pairs, the one list to edit when a family gains a KL (matched in
 * order with `instanceof`, so a subclass uses its parent's formula).
 */
const PAIRS: readonly KlPair[] = [
  pair(Bernoulli, Bernoulli, (p, q) => klBernoulli(p.p, q.p)),
  pair(Poisson, Poisson, (p, q) => klPoisson(p.rate, q.rate)),
  pair(Binomial, Binomial, (p, q) => klBinomial(p.n, p.p, q.n, q.p)),
  pair(Normal, Normal, (p, q) => klLocationScale(p.mu, p.sigma, q.mu, q.sigma)),
  pair(LogNormal, LogNormal, (p, q) => klLocationScale(p.mu, p.sigma, q.mu, q.sigma)),
  pair(Exponential, Exponential, (p, q) => expm1mx(-logRatio(p.rate, q.rate))),
  pair(Gamma, Gamma, (p, q) => klGamma(p.shape, p.rate, q.shape, q.rate)),
  pair(Exponential, Gamma, (p, q) => klGamma(1, p.rate, q.shape, q.rate)),
  pair(Gamma, Exponential, (p, q) => klGamma(p.shape, p.rate, 1, q.rate)),
  pair(Cauchy, Cauchy, (p, q) => klCauchy(p.mu, p.sigma, q.mu, q.sigma)),
  // HalfNormal: the Normal formula with equal means (the fold maps both the same way).
  pair(HalfNormal, HalfNormal, (p, q) => klLocationScale(0, p.sigma, 0, q.sigma)),
  pair(Uniform, Uniform, (p, q) => klUniform(p.low, p.high, q.low, q.high)),
  // InverseGamma: KL is invariant under x ↦ 1/x, so it is Gamma's with rate = scale.
  pair(InverseGamma, InverseGamma, (p, q) => klGamma(p.shape, p.scale, q.shape, q.scale)),
  pair(Beta, Beta, (p, q) => klBeta(p.alpha, p.beta, q.alpha, q.beta)),
];

/** The supported pairs for messages, e.g. "Normal‖Normal, …". */
const SUPPORTED: string = PAIRS.map((e) => `${e.p.name}‖${e.q.name}`).join(', ');


/** KL between N(μp, σp) and N(μq, σq) = ½[expm1mx(2ℓ) + δ²], ℓ = log(σp/σq), δ = (μp − μq)/σq. */
function klLocationScale(muP: number, sigmaP: number, muQ: number, sigmaQ: number): number {
  const l = logRatio(sigmaP, sigmaQ);
  const d = (muP - muQ) / sigmaQ;
  return 0.5 * (expm1mx(2 * l) + d * d);
}

/**
 * KL between Gamma(αp, βp) and Gamma(αq, βq). With u = log(βp/βq) the rate terms
 * αq u + αp(e^{−u} − 1) become (αq − αp)u + αp·expm1mx(−u), exact when βp ≈ βq.
 */
function klGamma(aP: number, bP: number, aQ: number, bQ: number): number {
  const u = logRatio(bP, bQ);
  const rateTerm = (aQ - aP) * u + aP * expm1mx(-u);
  return lgammaTaylorRemainder(aP, aQ) + rateTerm;
}

/**
 * log Γ(b) − log Γ(a) − (b − a)ψ(a) ≥ 0, the shape part of the Gamma KL. When a and
 * b are close its three terms cancel (each ~a log a, the result ~½(b − a)²ψ′(a)), so
 * it is computed as the integral of a positive function, ∫ₐᵇ (b − s)ψ′(s) ds, by
 * Gauss–Kronrod quadrature of the trigamma function.
 */
function lgammaTaylorRemainder(a: number, b: number): number {
  if (a === b) return 0;
  // Against an exponential (b = 1) with large a the remainder is a − H(a), H the
  // Gamma(a, 1) entropy, whose Stirling form avoids the cancellation of
  // (a − 1)ψ(a) − log Γ(a) (each ~a log a).
  if (b === 1 && a >= 40) return a - gammaEntropyStandard(a, lgamma(a));
  if (Math.abs(b - a) > 0.5 * Math.min(a, b)) return (a - b) * digamma(a) - lgamma(a) + lgamma(b);
  return integrate((s) => (b - s) * trigamma(s), a, b, { relTol: 1e-15, absTol: 0 }).value;
}

/** log(a/b) as log1p((a − b)/b): a − b is exact when a ≈ b, so small ratios keep their digits. */
function logRatio(a: number, b: number): number {
  const r = (a - b) / b;
  return Math.abs(r) < 0.5 ? Math.log1p(r) : Math.log(a) - Math.log(b);
}

/** Throws a `TypeError` naming the argument unless it is a distribution. */
function checkDistribution(name: string, d: unknown): void {
  // Duck-typed: continuous and discrete families alike.
  if (d === null || typeof d !== 'object' || typeof (d as { logPdf?: unknown }).logPdf !== 'function') {
    throw new TypeError(`kl: ${name} must be a distribution (e.g. new Normal(0, 1)), got ${formatValue(d)}`);
  }
}
