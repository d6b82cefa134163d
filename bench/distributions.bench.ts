/**
 * Distribution benchmark: logPdf over 1e6 points and sampling 1e6 values for
 * each distribution, beside the @stdlib and jStat equivalents in the same run.
 * Ratio = varinf time / fastest peer time (≤ 1 means varinf is at least as fast).
 */
import gammaLogpdf from '@stdlib/stats-base-dists-gamma-logpdf';
import expLogpdf from '@stdlib/stats-base-dists-exponential-logpdf';
import lognormalLogpdf from '@stdlib/stats-base-dists-lognormal-logpdf';
import normalLogpdf from '@stdlib/stats-base-dists-normal-logpdf';
import stdlibExponential from '@stdlib/random-base-exponential';
import stdlibGamma from '@stdlib/random-base-gamma';
import stdlibLognormal from '@stdlib/random-base-lognormal';
import stdlibNormal from '@stdlib/random-base-normal';
import jstatModule from 'jstat';
import { Exponential, Gamma, LogNormal, Normal, Rng, type ContinuousDistribution } from '../src/index';
import { time, type Row } from './harness';

const { jStat } = jstatModule as unknown as { jStat: Record<string, Record<string, (...a: number[]) => number>> };

const N = 1_000_000;

interface Subject {
  label: string;
  d: ContinuousDistribution;
  points: Float64Array;
  stdlibLogPdf: (x: number) => number;
  jstatLogPdf: (x: number) => number;
  stdlibSampler: () => number;
  jstatSampler: () => number;
}

function points(d: ContinuousDistribution): Float64Array {
  return d.sample(new Rng(3), N);
}

function subjects(): Subject[] {
  const n = new Normal(1.5, 0.3);
  const e = new Exponential(1.7);
  const g = new Gamma(2.5, 0.7);
  const l = new LogNormal(-0.3, 0.6);
  const nLp = normalLogpdf.factory(1.5, 0.3);
  const eLp = expLogpdf.factory(1.7);
  const gLp = gammaLogpdf.factory(2.5, 0.7);
  const lLp = lognormalLogpdf.factory(-0.3, 0.6);
  const seed = 1234;
  const sN = stdlibNormal.factory(1.5, 0.3, { seed });
  const sE = stdlibExponential.factory(1.7, { seed });
  const sG = stdlibGamma.factory(2.5, 0.7, { seed });
  const sL = stdlibLognormal.factory(-0.3, 0.6, { seed });
  // jStat has pdf only; log of it is what a jStat user would write.
  return [
    { label: 'Normal(1.5, 0.3)', d: n, points: points(n), stdlibLogPdf: nLp, jstatLogPdf: (x) => Math.log(jStat.normal.pdf(x, 1.5, 0.3)), stdlibSampler: sN, jstatSampler: () => jStat.normal.sample(1.5, 0.3) },
    { label: 'Exponential(1.7)', d: e, points: points(e), stdlibLogPdf: eLp, jstatLogPdf: (x) => Math.log(jStat.exponential.pdf(x, 1.7)), stdlibSampler: sE, jstatSampler: () => jStat.exponential.sample(1.7) },
    { label: 'Gamma(2.5, 0.7)', d: g, points: points(g), stdlibLogPdf: gLp, jstatLogPdf: (x) => Math.log(jStat.gamma.pdf(x, 2.5, 1 / 0.7)), stdlibSampler: sG, jstatSampler: () => jStat.gamma.sample(2.5, 1 / 0.7) },
    { label: 'LogNormal(-0.3, 0.6)', d: l, points: points(l), stdlibLogPdf: lLp, jstatLogPdf: (x) => Math.log(jStat.lognormal.pdf(x, -0.3, 0.6)), stdlibSampler: sL, jstatSampler: () => jStat.lognormal.sample(-0.3, 0.6) },
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

/** Runs the distribution rows; returns printable rows. */
export function runDistributionBench(): Row[] {
  const rows: Row[] = [];
  const out = new Float64Array(N);
  for (const s of subjects()) {
    const d = s.d;
    const mine = time(loop((x) => d.logPdf(x), s.points), N);
    const sum = time(() => d.sumLogPdf(s.points), N);
    const st = time(loop(s.stdlibLogPdf, s.points), N);
    const js = time(loop(s.jstatLogPdf, s.points), N);
    const best = Math.min(st.nsPerOp, js.nsPerOp);
    rows.push({
      benchmark: `${s.label} logPdf ×1e6`,
      'varinf ns/op': mine.nsPerOp,
      'varinf sumLogPdf ns/op': sum.nsPerOp,
      '@stdlib ns/op': st.nsPerOp,
      'jStat ns/op': js.nsPerOp,
      'ratio (varinf / fastest peer)': mine.nsPerOp / best,
    });
    const rng = new Rng(5);
    const smp = time(() => d.sampleInto(rng, out)[0], N, 7, 2);
    const st2 = time(drawLoop(s.stdlibSampler), N, 7, 2);
    const js2 = time(drawLoop(s.jstatSampler), N, 7, 2);
    const best2 = Math.min(st2.nsPerOp, js2.nsPerOp);
    rows.push({
      benchmark: `${s.label} sample ×1e6`,
      'varinf ns/op': smp.nsPerOp,
      'varinf sumLogPdf ns/op': '',
      '@stdlib ns/op': st2.nsPerOp,
      'jStat ns/op': js2.nsPerOp,
      'ratio (varinf / fastest peer)': smp.nsPerOp / best2,
    });
  }
  return rows;
}
