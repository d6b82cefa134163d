/**
 * Continuous families of the second round (Cauchy, HalfNormal, HalfCauchy,
 * Uniform, InverseGamma): logPdf over 1e6 points and sampling 1e6 values, beside
 * jStat in the same run. The @stdlib peers (`@stdlib/stats-base-dists-cauchy-logpdf`,
 * `-uniform-logpdf`, `-invgamma-logpdf`, `@stdlib/random-base-cauchy`, `-uniform`,
 * `-invgamma`) are not installed, and @stdlib has no half-normal or half-Cauchy,
 * so the ratio is to jStat (log of its pdf, what a jStat user would write; the
 * half families as 2·pdf of the full one and |draw|).
 * Ratio = varinf time / jStat time (≤ 1 means varinf is at least as fast).
 */
import jstatModule from 'jstat';
import { Cauchy, HalfCauchy, HalfNormal, InverseGamma, Rng, Uniform, type ContinuousDistribution } from '../src/index';
import { time, type Row } from './harness';

const { jStat } = jstatModule as unknown as { jStat: Record<string, Record<string, (...a: number[]) => number>> };

const N = 1_000_000;

interface Subject {
  label: string;
  d: ContinuousDistribution;
  jstatLogPdf: (x: number) => number;
  jstatSampler: () => number;
}

function subjects(): Subject[] {
  const { cauchy, normal, uniform, invgamma } = jStat;
  return [
    { label: 'Cauchy(1.5, 0.3)', d: new Cauchy(1.5, 0.3), jstatLogPdf: (x) => Math.log(cauchy.pdf(x, 1.5, 0.3)), jstatSampler: () => cauchy.sample(1.5, 0.3) },
    { label: 'HalfNormal(0.7)', d: new HalfNormal(0.7), jstatLogPdf: (x) => Math.log(2 * normal.pdf(x, 0, 0.7)), jstatSampler: () => Math.abs(normal.sample(0, 0.7)) },
    { label: 'HalfCauchy(0.7)', d: new HalfCauchy(0.7), jstatLogPdf: (x) => Math.log(2 * cauchy.pdf(x, 0, 0.7)), jstatSampler: () => Math.abs(cauchy.sample(0, 0.7)) },
    { label: 'Uniform(-3, 5.5)', d: new Uniform(-3, 5.5), jstatLogPdf: (x) => Math.log(uniform.pdf(x, -3, 5.5)), jstatSampler: () => uniform.sample(-3, 5.5) },
    { label: 'InverseGamma(2.5, 0.7)', d: new InverseGamma(2.5, 0.7), jstatLogPdf: (x) => Math.log(invgamma.pdf(x, 2.5, 0.7)), jstatSampler: () => invgamma.sample(2.5, 0.7) },
    { label: 'InverseGamma(1e4, 1e4)', d: new InverseGamma(1e4, 1e4), jstatLogPdf: (x) => Math.log(invgamma.pdf(x, 1e4, 1e4)), jstatSampler: () => invgamma.sample(1e4, 1e4) },
  ];
}

function loop(f: (x: number) => number, xs: Float64Array): () => number {
  return () => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += f(xs[i]);
    return s;
  };
}

function drawLoop(f: () => number): () => number {
  return () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += f();
    return s;
  };
}

/** Runs the rows of the second-round continuous families; returns printable rows. */
export function runContinuousFamiliesBench(): Row[] {
  const rows: Row[] = [];
  const out = new Float64Array(N);
  for (const s of subjects()) {
    const d = s.d;
    const points = d.sample(new Rng(3), N);
    const mine = time(loop((x) => d.logPdf(x), points), N);
    const sum = time(() => d.sumLogPdf(points), N);
    const js = time(loop(s.jstatLogPdf, points), N);
    rows.push({
      benchmark: `${s.label} logPdf ×1e6`,
      'varinf ns/op': mine.nsPerOp,
      'varinf sumLogPdf ns/op': sum.nsPerOp,
      'jStat ns/op': js.nsPerOp,
      'ratio (varinf / jStat)': mine.nsPerOp / js.nsPerOp,
    });
    const rng = new Rng(5);
    const smp = time(() => d.sampleInto(rng, out)[0], N, 7, 2);
    const js2 = time(drawLoop(s.jstatSampler), N, 7, 2);
    rows.push({
      benchmark: `${s.label} sample ×1e6`,
      'varinf ns/op': smp.nsPerOp,
      'varinf sumLogPdf ns/op': '',
      'jStat ns/op': js2.nsPerOp,
      'ratio (varinf / jStat)': smp.nsPerOp / js2.nsPerOp,
    });
  }
  return rows;
}
