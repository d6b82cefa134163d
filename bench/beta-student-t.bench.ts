/**
 * Beta and StudentT benchmark: logPdf and sampling over 1e6 points/draws and the
 * cdf (incomplete beta) over 1e5 points, beside the @stdlib and jStat equivalents
 * in the same run. @stdlib: factory functions (`@stdlib/stats-base-dists-{beta,t}-logpdf`,
 * `-{beta,t}-cdf`) and seeded samplers (`@stdlib/random-base-{beta,t}`); jStat: log
 * of its pdf, Math.random sampling. Both peers' t is standard: location-scale by
 * hand, as their users would write it.
 * Ratio = varinf time / fastest peer time (≤ 1 means varinf is at least as fast).
 */
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaLogpdf from '@stdlib/stats-base-dists-beta-logpdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tLogpdf from '@stdlib/stats-base-dists-t-logpdf';
import stdlibBeta from '@stdlib/random-base-beta';
import stdlibT from '@stdlib/random-base-t';
import jstatModule from 'jstat';
import { Beta, Rng, StudentT, type ContinuousDistribution } from '../src/index';
import { time, type Row } from './harness';

const { jStat } = jstatModule as unknown as { jStat: Record<string, Record<string, (...a: number[]) => number>> };

const N = 1_000_000;
const N_CDF = 100_000;

interface Subject {
  label: string;
  d: ContinuousDistribution;
  stdlibLogPdf: (x: number) => number;
  jstatLogPdf: (x: number) => number;
  stdlibCdf: (x: number) => number;
  jstatCdf: (x: number) => number;
  stdlibSampler: () => number;
  jstatSampler: () => number;
}

function subjects(): Subject[] {
  const [nu, mu, sigma] = [4, 1.5, 0.3];
  const seed = 1234;
  const logSigma = Math.log(sigma);
  const tLp = tLogpdf.factory(nu);
  const tC = tCdf.factory(nu);
  const sT = stdlibT.factory(nu, { seed });
  return [
    {
      label: 'Beta(2.5, 4)',
      d: new Beta(2.5, 4),
      stdlibLogPdf: betaLogpdf.factory(2.5, 4),
      stdlibCdf: betaCdf.factory(2.5, 4),
      stdlibSampler: stdlibBeta.factory(2.5, 4, { seed }),
      jstatLogPdf: (x) => Math.log(jStat.beta.pdf(x, 2.5, 4)),
      jstatCdf: (x) => jStat.beta.cdf(x, 2.5, 4),
      jstatSampler: () => jStat.beta.sample(2.5, 4),
    },
    {
      label: 'Beta(0.5, 0.5)',
      d: new Beta(0.5, 0.5),
      stdlibLogPdf: betaLogpdf.factory(0.5, 0.5),
      stdlibCdf: betaCdf.factory(0.5, 0.5),
      stdlibSampler: stdlibBeta.factory(0.5, 0.5, { seed }),
      jstatLogPdf: (x) => Math.log(jStat.beta.pdf(x, 0.5, 0.5)),
      jstatCdf: (x) => jStat.beta.cdf(x, 0.5, 0.5),
      jstatSampler: () => jStat.beta.sample(0.5, 0.5),
    },
    {
      label: 'StudentT(4, 1.5, 0.3)',
      d: new StudentT(nu, mu, sigma),
      // Both peers' t is standard: location-scale by hand, as their users would.
      stdlibLogPdf: (x) => tLp((x - mu) / sigma) - logSigma,
      stdlibCdf: (x) => tC((x - mu) / sigma),
      stdlibSampler: () => mu + sigma * sT(),
      jstatLogPdf: (x) => Math.log(jStat.studentt.pdf((x - mu) / sigma, nu) / sigma),
      jstatCdf: (x) => jStat.studentt.cdf((x - mu) / sigma, nu),
      jstatSampler: () => mu + sigma * jStat.studentt.sample(nu),
    },
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

function row(benchmark: string, mine: number, stdlib: number, jstat: number): Row {
  return {
    benchmark,
    'varinf ns/op': mine,
    '@stdlib ns/op': stdlib,
    'jStat ns/op': jstat,
    'ratio (varinf / fastest peer)': mine / Math.min(stdlib, jstat),
  };
}

/** Runs the Beta and StudentT rows; returns printable rows. */
export function runBetaStudentTBench(): Row[] {
  const rows: Row[] = [];
  const out = new Float64Array(N);
  for (const s of subjects()) {
    const d = s.d;
    const xs = d.sample(new Rng(3), N);
    rows.push(
      row(
        `${s.label} logPdf ×1e6`,
        time(loop((x) => d.logPdf(x), xs), N).nsPerOp,
        time(loop(s.stdlibLogPdf, xs), N).nsPerOp,
        time(loop(s.jstatLogPdf, xs), N).nsPerOp,
      ),
    );
    const xc = xs.subarray(0, N_CDF);
    rows.push(
      row(
        `${s.label} cdf ×1e5`,
        time(loop((x) => d.cdf(x), xc), N_CDF, 5, 1).nsPerOp,
        time(loop(s.stdlibCdf, xc), N_CDF, 5, 1).nsPerOp,
        time(loop(s.jstatCdf, xc), N_CDF, 5, 1).nsPerOp,
      ),
    );
    const rng = new Rng(5);
    rows.push(
      row(
        `${s.label} sample ×1e6`,
        time(() => d.sampleInto(rng, out)[0], N, 7, 2).nsPerOp,
        time(drawLoop(s.stdlibSampler), N, 7, 2).nsPerOp,
        time(drawLoop(s.jstatSampler), N, 7, 2).nsPerOp,
      ),
    );
  }
  return rows;
}
