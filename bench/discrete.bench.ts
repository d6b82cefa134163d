/**
 * Discrete-family benchmark: logPdf over 1e6 counts and sampling 1e6 values for
 * each family, beside @stdlib (logpmf factory functions,
 * `@stdlib/stats-base-dists-{binomial,poisson}-logpmf`; @stdlib has no Bernoulli
 * logpmf, so log of `@stdlib/stats-base-dists-bernoulli-pmf`, with p = σ(logit) for
 * BernoulliLogit; seeded samplers from `@stdlib/random-base-{bernoulli,binomial,poisson}`
 * factories), jStat (log of its pdf; its Poisson sampler on Math.random) and a
 * plain-JS baseline that writes the textbook formula inline
 * (k log λ − λ − lgamma(k + 1) with @stdlib's lgamma; log p / log1p(−p)).
 * Ratio = varinf time / fastest peer time (≤ 1 means varinf is at least as fast).
 */
import lgamma from '@stdlib/math-base-special-gammaln';
import stdlibBernoulli from '@stdlib/random-base-bernoulli';
import stdlibBinomial from '@stdlib/random-base-binomial';
import stdlibPoisson from '@stdlib/random-base-poisson';
import bernoulliPmf from '@stdlib/stats-base-dists-bernoulli-pmf';
import binomialLogpmf from '@stdlib/stats-base-dists-binomial-logpmf';
import poissonLogpmf from '@stdlib/stats-base-dists-poisson-logpmf';
import jstatModule from 'jstat';
import { Bernoulli, BernoulliLogit, Binomial, Poisson, Rng, type DiscreteDistribution } from '../src/index';
import { time, type Row } from './harness';

const { jStat } = jstatModule as unknown as { jStat: Record<string, Record<string, (...a: number[]) => number>> };

const N = 1_000_000;

interface Subject {
  label: string;
  d: DiscreteDistribution;
  /** The textbook log-pmf written inline. */
  plainLogPdf: (k: number) => number;
  stdlibLogPdf: (k: number) => number;
  stdlibSampler: () => number;
  jstatLogPdf?: (k: number) => number;
  jstatSampler?: () => number;
}

function subjects(): Subject[] {
  const lp = Math.log(0.3);
  const l1p = Math.log1p(-0.3);
  const logit = 2.5;
  const seed = 1234;
  const bern = (p: number): Pick<Subject, 'stdlibLogPdf' | 'stdlibSampler'> => {
    const pmf = bernoulliPmf.factory(p);
    return { stdlibLogPdf: (k) => Math.log(pmf(k)), stdlibSampler: stdlibBernoulli.factory(p, { seed }) };
  };
  const binom = (n: number, p: number): Subject => {
    const lc = lgamma(n + 1);
    const a = Math.log(p);
    const b = Math.log1p(-p);
    return {
      label: `Binomial(${n}, ${p})`,
      d: new Binomial(n, p),
      plainLogPdf: (k) => lc - lgamma(k + 1) - lgamma(n - k + 1) + k * a + (n - k) * b,
      stdlibLogPdf: binomialLogpmf.factory(n, p),
      stdlibSampler: stdlibBinomial.factory(n, p, { seed }),
      jstatLogPdf: (k) => Math.log(jStat.binomial.pdf(k, n, p)),
    };
  };
  const pois = (l: number): Subject => {
    const ll = Math.log(l);
    return {
      label: `Poisson(${l})`,
      d: new Poisson(l),
      plainLogPdf: (k) => k * ll - l - lgamma(k + 1),
      stdlibLogPdf: poissonLogpmf.factory(l),
      stdlibSampler: stdlibPoisson.factory(l, { seed }),
      jstatLogPdf: (k) => Math.log(jStat.poisson.pdf(k, l)),
      jstatSampler: () => jStat.poisson.sample(l),
    };
  };
  return [
    { label: 'Bernoulli(0.3)', d: new Bernoulli(0.3), plainLogPdf: (k) => (k === 1 ? lp : l1p), ...bern(0.3) },
    {
      label: 'BernoulliLogit(2.5)',
      d: new BernoulliLogit(logit),
      // The naive form, which overflows beyond |logit| ≈ 700 (varinf's does not).
      plainLogPdf: (k) => -Math.log1p(Math.exp(k === 1 ? -logit : logit)),
      // @stdlib has no logit parametrisation: the pmf at p = σ(logit).
      ...bern(1 / (1 + Math.exp(-logit))),
    },
    binom(20, 0.3),
    binom(1000, 0.4),
    pois(3.5),
    pois(250.75),
  ];
}

/** Runs the discrete rows; returns printable rows. */
export function runDiscreteBench(): Row[] {
  const rows: Row[] = [];
  const out = new Float64Array(N);
  for (const s of subjects()) {
    const d = s.d;
    const ks = d.sample(new Rng(3), N);
    const loop = (f: (k: number) => number) => () => {
      let acc = 0;
      for (let i = 0; i < N; i++) acc += f(ks[i]);
      return acc;
    };
    const mine = time(loop((k) => d.logPdf(k)), N);
    const sum = time(() => d.sumLogPdf(ks), N);
    const plain = time(loop(s.plainLogPdf), N);
    const st = time(loop(s.stdlibLogPdf), N);
    const js = s.jstatLogPdf === undefined ? undefined : time(loop(s.jstatLogPdf), N);
    const best = Math.min(plain.nsPerOp, st.nsPerOp, js?.nsPerOp ?? Infinity);
    rows.push({
      benchmark: `${s.label} logPdf ×1e6`,
      'varinf ns/op': mine.nsPerOp,
      'varinf sumLogPdf ns/op': sum.nsPerOp,
      'plain JS ns/op': plain.nsPerOp,
      '@stdlib ns/op': st.nsPerOp,
      'jStat ns/op': js?.nsPerOp ?? '',
      'ratio (varinf / fastest peer)': mine.nsPerOp / best,
    });
    const rng = new Rng(5);
    const smp = time(() => d.sampleInto(rng, out)[0], N, 7, 2);
    const draws = (f: () => number) => () => {
      let acc = 0;
      for (let i = 0; i < N; i++) acc += f();
      return acc;
    };
    const st2 = time(draws(s.stdlibSampler), N, 7, 2);
    const sampler = s.jstatSampler;
    const js2 =
      sampler === undefined
        ? undefined
        : time(draws(sampler), N, 7, 2);
    rows.push({
      benchmark: `${s.label} sample ×1e6`,
      'varinf ns/op': smp.nsPerOp,
      'varinf sumLogPdf ns/op': '',
      'plain JS ns/op': '',
      '@stdlib ns/op': st2.nsPerOp,
      'jStat ns/op': js2?.nsPerOp ?? '',
      'ratio (varinf / fastest peer)': smp.nsPerOp / Math.min(st2.nsPerOp, js2?.nsPerOp ?? Infinity),
    });
  }
  return rows;
}
