/**
 * Benchmark of the random-number layer: `Rng` against @stdlib/random-base-* (seeded
 * factories, Mersenne Twister + improved ziggurat / Marsaglia–Tsang) and a plain
 * `Math.random` loop.
 *
 * Part of `npm run bench` (`runRandomBench`); standalone: `npx tsx bench/random.bench.ts`. Every task draws 1e6 variates; the table
 * reports the mean ns per draw and the ratio to the fastest entry of its group
 * (1.00 = fastest).
 */
import { Bench } from 'tinybench';
import stdlibNormal from '@stdlib/random-base-normal';
import stdlibExponential from '@stdlib/random-base-exponential';
import stdlibGamma from '@stdlib/random-base-gamma';
import { Rng } from '../src/random/rng';
import { markdownTable, type Row } from './harness';

const N = 1_000_000;
const SEED = 12345;
let sink = 0;

const rng = new Rng(SEED);
const stdNormal = stdlibNormal.factory(0, 1, { seed: SEED });
const stdExp = stdlibExponential.factory(1, { seed: SEED });
const stdGamma = stdlibGamma.factory(2.5, 1, { seed: SEED });
const buf = new Float64Array(N);

type Entry = { group: string; name: string; fn: () => void };
const entries: Entry[] = [
  { group: 'uniform', name: 'Rng.uniform()', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += rng.uniform(); sink += s; } },
  { group: 'uniform', name: 'Rng.nextUint32()', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += rng.nextUint32(); sink += s; } },
  { group: 'uniform', name: 'Rng.fillUniform(buf)', fn: () => { rng.fillUniform(buf); sink += buf[N - 1]; } },
  { group: 'uniform', name: 'Math.random()', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += Math.random(); sink += s; } },
  { group: 'normal', name: 'Rng.normal()', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += rng.normal(); sink += s; } },
  { group: 'normal', name: 'Rng.fillNormal(buf)', fn: () => { rng.fillNormal(buf); sink += buf[N - 1]; } },
  { group: 'normal', name: 'stdlib normal (improved ziggurat)', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += stdNormal(); sink += s; } },
  { group: 'normal', name: 'Math.random() loop (baseline)', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += Math.random(); sink += s; } },
  { group: 'exponential', name: 'Rng.exponential() (ziggurat)', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += rng.exponential(); sink += s; } },
  { group: 'exponential', name: '-Math.log(Rng.uniform())', fn: () => { let s = 0; for (let i = 0; i < N; i++) s -= Math.log(rng.uniform()); sink += s; } },
  { group: 'exponential', name: 'stdlib exponential', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += stdExp(); sink += s; } },
  { group: 'exponential', name: 'Math.random() loop (baseline)', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += Math.random(); sink += s; } },
  { group: 'gamma(2.5)', name: 'Rng.gamma(2.5)', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += rng.gamma(2.5); sink += s; } },
  { group: 'gamma(2.5)', name: 'stdlib gamma(2.5, 1)', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += stdGamma(); sink += s; } },
  { group: 'gamma(2.5)', name: 'Math.random() loop (baseline)', fn: () => { let s = 0; for (let i = 0; i < N; i++) s += Math.random(); sink += s; } },
];

/** The RNG rows: ns per draw and the ratio to the fastest entry of each group. */
export async function runRandomBench(): Promise<Row[]> {
  const bench = new Bench({ name: 'varinf random', time: 400, warmupTime: 100, iterations: 10 });
  for (const e of entries) bench.add(`${e.group} | ${e.name}`, e.fn);
  await bench.run();

  const rows = entries.map((e) => {
    const task = bench.getTask(`${e.group} | ${e.name}`);
    const r = task?.result as { latency?: { mean: number; rme: number } } | undefined;
    // latency.mean is ms per task call = per 1e6 draws, i.e. numerically ns per draw.
    return { group: e.group, name: e.name, ns: r?.latency?.mean ?? NaN, rme: r?.latency?.rme ?? NaN };
  });
  const table: Row[] = rows.map((row) => {
    const fastest = Math.min(...rows.filter((r) => r.group === row.group).map((r) => r.ns));
    return {
      group: row.group,
      task: row.name,
      'ns/draw': row.ns,
      '±%': row.rme,
      'ratio to fastest in group': row.ns / fastest,
    };
  });
  return table;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(markdownTable(await runRandomBench()));
  console.log(`(sink ${sink > 0 ? '+' : '-'}; node ${process.version})`);
}
