/**
 * Continuous families of the second round (Cauchy, HalfNormal, HalfCauchy,
 * Uniform, InverseGamma): logPdf over 1e6 points and sampling 1e6 values, beside
 * the @stdlib and jStat equivalents in the same run. @stdlib: logpdf factory
 * functions (`@stdlib/stats-base-dists-{cauchy,uniform,invgamma}-logpdf`) and seeded
 * samplers (`@stdlib/random-base-{cauchy,uniform,invgamma}` factories). jStat: log of
 * its pdf, what a jStat user would write; Math.random sampling. @stdlib has no
 * half-normal or half-Cauchy, so those rows are against jStat only (2·pdf of the
 * full one and |draw|).
 * Ratio = varinf time / fastest peer time (≤ 1 means varinf is at least as fast).
 */
import cauchyLogpdf from '@stdlib/stats-base-dists-cauchy-logpdf';
import invgammaLogpdf from '@stdlib/stats-base-dists-invgamma-logpdf';
import uniformLogpdf from '@stdlib/stats-base-dists-uniform-logpdf';
import stdlibCauchy from '@stdlib/random-base-cauchy';
import stdlibInvgamma from '@stdlib/random-base-invgamma';
import stdlibUniform from '@stdlib/random-base-uniform';
import jstatModule from 'jstat';
import { Cauchy, HalfCauchy, HalfNormal, InverseGamma, Rng, Uniform, type ContinuousDistribution } from '../src/index';
import { time, type Row } from './harness';

const { jStat } = jstatModule as unknown as { jStat: Record<string, Record<string, (...a: number[]) => number>> };

const N = 1_000_000;

interface Subject {
  label: string;
  d: ContinuousDistribution;
  /** Absent where @stdlib has no such family. */
  stdlibLogPdf?: (x: number) => number;
  jstatLogPdf: (x: number) => number;
  stdlibSampler?: () => number;
  jstatSampler: () => number;
}

function subjects(): Subject[] {
  const { cauchy, normal, uniform, invgamma } = jStat;
  const seed = 1234;
  return [
    { label: 'Cauchy(1.5, 0.3)', d: new Cauchy(1.5, 0.3), stdlibLogPdf: cauchyLogpdf.factory(1.5, 0.3), stdlibSampler: stdlibCauchy.factory(1.5, 0.3, { seed }), jstatLogPdf: (x) => Math.log(cauchy.pdf(x, 1.5, 0.3)), jstatSampler: () => cauchy.sample(1.5, 0.3) },
    { label: 'HalfNormal(0.7)', d: new HalfNormal(0.7), jstatLogPdf: (x) => Math.log(2 * normal.pdf(x, 0, 0.7)), jstatSampler: () => Math.abs(normal.sample(0, 0.7)) },
    { label: 'HalfCauchy(0.7)', d: new HalfCauchy(0.7), jstatLogPdf: (x) => Math.log(2 * cauchy.pdf(x, 0, 0.7)), jstatSampler: () => Math.abs(cauchy.sample(0, 0.7)) },
    { label: 'Uniform(-3, 5.5)', d: new Uniform(-3, 5.5), stdlibLogPdf: uniformLogpdf.factory(-3, 5.5), stdlibSampler: stdlibUniform.factory(-3, 5.5, { seed }), jstatLogPdf: (x) => Math.log(uniform.pdf(x, -3, 5.5)), jstatSampler: () => uniform.sample(-3, 5.5) },
    { label: 'InverseGamma(2.5, 0.7)', d: new InverseGamma(2.5, 0.7), stdlibLogPdf: invgammaLogpdf.factory(2.5, 0.7), stdlibSampler: stdlibInvgamma.factory(2.5, 0.7, { seed }), jstatLogPdf: (x) => Math.log(invgamma.pdf(x, 2.5, 0.7)), jstatSampler: () => invgamma.sample(2.5, 0.7) },
    { label: 'InverseGamma(1e4, 1e4)', d: new InverseGamma(1e4, 1e4), stdlibLogPdf: invgammaLogpdf.factory(1e4, 1e4), stdlibSampler: stdlibInvgamma.factory(1e4, 1e4, { seed }), jstatLogPdf: (x) => Math.log(invgamma.pdf(x, 1e4, 1e4)), jstatSampler: () => invgamma.sample(1e4, 1e4) },
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
    const st = s.stdlibLogPdf === undefined ? undefined : time(loop(s.stdlibLogPdf, points), N);
    const js = time(loop(s.jstatLogPdf, points), N);
    const best = Math.min(st?.nsPerOp ?? Infinity, js.nsPerOp);
    rows.push({
      benchmark: `${s.label} logPdf ×1e6`,
      'varinf ns/op': mine.nsPerOp,
      'varinf sumLogPdf ns/op': sum.nsPerOp,
      '@stdlib ns/op': st?.nsPerOp ?? '',
      'jStat ns/op': js.nsPerOp,
      'ratio (varinf / fastest peer)': mine.nsPerOp / best,
    });
    const rng = new Rng(5);
    const smp = time(() => d.sampleInto(rng, out)[0], N, 7, 2);
    const st2 = s.stdlibSampler === undefined ? undefined : time(drawLoop(s.stdlibSampler), N, 7, 2);
    const js2 = time(drawLoop(s.jstatSampler), N, 7, 2);
    const best2 = Math.min(st2?.nsPerOp ?? Infinity, js2.nsPerOp);
    rows.push({
      benchmark: `${s.label} sample ×1e6`,
      'varinf ns/op': smp.nsPerOp,
      'varinf sumLogPdf ns/op': '',
      '@stdlib ns/op': st2?.nsPerOp ?? '',
      'jStat ns/op': js2.nsPerOp,
      'ratio (varinf / fastest peer)': smp.nsPerOp / best2,
    });
  }
  return rows;
}
