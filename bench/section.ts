/**
 * Runs one section of `npm run bench` in this process and prints its rows as one
 * JSON line (`bench/index.ts` starts one process per section, so that one section's
 * code paths — other models, other distributions — do not change how V8 compiles
 * the next one's; every row is still measured beside its baseline in one process).
 *
 * Usage: `tsx bench/section.ts <distributions|betat|continuous-families|discrete|random|model|fit|rqmc|gamma-scales|special|methods>`.
 */
import { runBetaStudentTBench } from './beta-student-t.bench';
import { runContinuousFamiliesBench } from './contfam.bench';
import { runDiscreteBench } from './discrete.bench';
import { runDistributionBench } from './distributions.bench';
import { runFitBench } from './fit.bench';
import { runGammaScalesBench } from './gamma-scales.bench';
import { sink, type Row } from './harness';
import { runMethodsBench } from './methods.bench';
import { runModelBench } from './model.bench';
import { runRandomBench } from './random.bench';
import { runRqmcBench } from './rqmc.bench';
import { runSpecialBench } from './special.bench';

/** The sections by name. */
export const SECTIONS: Readonly<Record<string, () => Row[] | Promise<Row[]>>> = {
  distributions: runDistributionBench,
  betat: runBetaStudentTBench,
  'continuous-families': runContinuousFamiliesBench,
  discrete: runDiscreteBench,
  random: runRandomBench,
  model: runModelBench,
  fit: runFitBench,
  rqmc: runRqmcBench,
  'gamma-scales': runGammaScalesBench,
  special: runSpecialBench,
  methods: runMethodsBench,
};

/** The line prefix of the JSON result. */
export const RESULT_PREFIX = 'varinf-bench-rows ';

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2] ?? '';
  const run = SECTIONS[name];
  if (run === undefined) {
    console.error(`bench/section.ts: unknown section "${name}"; one of ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  const rows = await run();
  console.log(`${RESULT_PREFIX}${JSON.stringify({ rows, sink: sink === 0 ? 0 : 1 })}`);
}
