/**
 * Runs one section of `npm run bench` in this process and prints its rows as one
 * JSON line (`bench/index.ts` starts one process per section, so that one section's
 * code paths — other models, other distributions — do not change how V8 compiles
 * the next one's; every row is still measured beside its baseline in one process).
 *
 * Usage: `tsx bench/section.ts <distributions|betat|continuous-families|discrete|random|model|large-data|fit|rqmc|gamma-scales|special|methods>`.
 */
import { sink, type Row } from './harness';

type Section = () => Promise<Row[]>;

/**
 * The sections by name, each imported only when it runs: a module's top-level work
 * (data sets, peers' code) and the code paths it compiles stay out of the other
 * sections' processes (measured: the 1e7-data row took 4.7–5.0 s with every section
 * imported, 2.7 s alone).
 */
export const SECTIONS: Readonly<Record<string, Section>> = {
  distributions: async () => (await import('./distributions.bench')).runDistributionBench(),
  betat: async () => (await import('./beta-student-t.bench')).runBetaStudentTBench(),
  'continuous-families': async () => (await import('./contfam.bench')).runContinuousFamiliesBench(),
  discrete: async () => (await import('./discrete.bench')).runDiscreteBench(),
  random: async () => (await import('./random.bench')).runRandomBench(),
  model: async () => (await import('./model.bench')).runModelBench(),
  'large-data': async () => (await import('./large-data.bench')).runLargeDataBench(),
  fit: async () => (await import('./fit.bench')).runFitBench(),
  rqmc: async () => (await import('./rqmc.bench')).runRqmcBench(),
  'gamma-scales': async () => (await import('./gamma-scales.bench')).runGammaScalesBench(),
  special: async () => (await import('./special.bench')).runSpecialBench(),
  methods: async () => (await import('./methods.bench')).runMethodsBench(),
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
