/**
 * Benchmark of the special functions (own code since issue #10) against the
 * @stdlib modules they replaced: ns per call on 4096 mixed arguments per function
 * (both branches of every region), each pair timed interleaved (`paired`), so the
 * ratio is the figure to read.
 *
 * Part of `npm run bench` (`runSpecialBench`); standalone: `npx tsx bench/special.bench.ts`.
 */
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';
import stdlibErfcinv from '@stdlib/math-base-special-erfcinv';
import stdlibErfcx from '@stdlib/math-base-special-erfcx';
import stdlibErfinv from '@stdlib/math-base-special-erfinv';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibTrigamma from '@stdlib/math-base-special-trigamma';
import { digamma, erf, erfc, erfcinv, erfcx, erfinv, lgamma, trigamma } from '../src/math';
import { consume, markdownTable, paired, type Row } from './harness';

const N = 4096;

/** Deterministic arguments (a 31-bit LCG; the benchmark needs spread, not quality). */
function args(map: (u: number) => number): Float64Array {
  let s = 12345;
  return Float64Array.from({ length: N }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return map(s / 2147483648);
  });
}

const cases: { name: string; range: string; own: (x: number) => number; lib: (x: number) => number; xs: Float64Array }[] = [
  { name: 'erf', range: 'x ∈ [−4, 4]', own: erf, lib: stdlibErf, xs: args((u) => -4 + 8 * u) },
  { name: 'erfc', range: 'x ∈ [−2, 10]', own: erfc, lib: stdlibErfc, xs: args((u) => -2 + 12 * u) },
  { name: 'erfcx', range: 'x ∈ [−2, 10]', own: erfcx, lib: stdlibErfcx, xs: args((u) => -2 + 12 * u) },
  { name: 'lgamma', range: 'log x ∈ [−3, 6]', own: lgamma, lib: stdlibGammaln, xs: args((u) => Math.exp(-3 + 9 * u)) },
  { name: 'digamma', range: 'log x ∈ [−3, 6]', own: digamma, lib: stdlibDigamma, xs: args((u) => Math.exp(-3 + 9 * u)) },
  { name: 'trigamma', range: 'log x ∈ [−3, 6]', own: trigamma, lib: stdlibTrigamma, xs: args((u) => Math.exp(-3 + 9 * u)) },
  { name: 'erfinv', range: 'y ∈ [−0.999, 0.999]', own: erfinv, lib: stdlibErfinv, xs: args((u) => -0.999 + 1.998 * u) },
  { name: 'erfcinv', range: 'log y ∈ [−50, 0]', own: erfcinv, lib: stdlibErfcinv, xs: args((u) => Math.exp(-50 * u)) },
];

function loop(f: (x: number) => number, xs: Float64Array): () => void {
  return () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += f(xs[i] as number);
    consume(s);
  };
}

/** The special-function rows: ns per call, own and @stdlib, and their ratio. */
export function runSpecialBench(): Row[] {
  return cases.map((c) => {
    const t = paired(loop(c.own, c.xs), loop(c.lib, c.xs));
    return {
      function: c.name,
      arguments: c.range,
      'varinf ns/call': (t.aMs * 1e6) / N,
      '@stdlib ns/call': (t.bMs * 1e6) / N,
      'ratio (varinf / stdlib)': t.ratio,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(markdownTable(runSpecialBench()));
  console.log(`(node ${process.version})`);
}
