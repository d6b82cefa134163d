/**
 * `npm run validate`: fits every posterior in ../shared/posteriors with the default
 * guide (mean-field) and with full rank on seeds 1–5, compares each fit with the
 * reference summaries (validate/compare.ts) and writes docs/validation.md.
 *
 * Options: `--seeds 1,2` (default 1,2,3,4,5), `--only <file-substring>`, `--no-write`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fit, fullRank, meanField } from '../src/vi/index';
import { compare, FULL_RANK, MEAN_FIELD, type Comparison } from './compare';
import { posteriorModels } from './models/index';
import { library, missingFamilies, type PosteriorFile, type PosteriorModel } from './posterior-model';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the posteriors live, relative to the repository: `../shared/posteriors`. */
export const POSTERIORS = resolve(root, '../shared/posteriors');

/** One fit's row of the report. */
export interface FitRow {
  readonly guide: 'mean-field' | 'full rank';
  readonly seed: number;
  readonly comparison: Comparison;
  readonly converged: boolean;
  readonly steps: number;
  readonly ms: number;
  readonly warnings: readonly string[];
}

/** Fits one posterior with one guide and seed and compares it. */
export function validateOne(m: PosteriorModel, json: PosteriorFile, guide: FitRow['guide'], seed: number): FitRow {
  const model = m.build(json, library);
  const t0 = performance.now();
  const r = fit(model, { guide: guide === 'mean-field' ? meanField() : fullRank(), seed });
  const ms = performance.now() - t0;
  const comparison = compare(r.unconstrained!, model.blocks, json, guide === 'mean-field' ? MEAN_FIELD : FULL_RANK);
  return { guide, seed, comparison, converged: r.converged, steps: r.steps, ms, warnings: r.warnings.map((w) => w.code) };
}

/** Reads a posterior file. */
export function readPosterior(file: string): PosteriorFile {
  return JSON.parse(readFileSync(resolve(POSTERIORS, `${file}.json`), 'utf8')) as PosteriorFile;
}

function fmt(x: number, p = 3): string {
  return Number.isFinite(x) ? x.toPrecision(p) : String(x);
}

function section(m: PosteriorModel, rows: readonly FitRow[] | string): string {
  const head = `### ${m.file}\n\n`;
  if (typeof rows === 'string') return `${head}${rows}\n`;
  const lines = [
    '| guide | seed | worst \\|Δmean\\|/sd (param) | sd ratios | steps | time | converged | passes | warnings |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const c = r.comparison;
    lines.push(
      `| ${r.guide} | ${r.seed} | ${fmt(c.worstMeanErrorSd, 2)} (${c.worstMeanParam}) | ${fmt(c.sdRatioRange[0])}–${fmt(c.sdRatioRange[1])} | ${r.steps} | ${r.ms.toFixed(0)} ms | ${r.converged} | ${c.passed && r.converged ? 'yes' : '**no**'} | ${r.warnings.join(', ') || '–'} |`,
    );
  }
  return `${head}${lines.join('\n')}\n`;
}

function main(): void {
  const args = process.argv.slice(2);
  const seedArg = args.indexOf('--seeds');
  const seeds = seedArg >= 0 ? args[seedArg + 1].split(',').map(Number) : [1, 2, 3, 4, 5];
  const onlyArg = args.indexOf('--only');
  const only = onlyArg >= 0 ? args[onlyArg + 1] : undefined;
  const write = !args.includes('--no-write');
  if (!existsSync(POSTERIORS)) {
    console.log(`validate: skipped, no reference posteriors at ${POSTERIORS} (the folder ../shared/posteriors is part of the development setup, not of the repository)`);
    return;
  }
  const parts: string[] = [];
  const summary: string[] = ['| posterior | guide | fits passing | worst \\|Δmean\\|/sd | sd ratios | median steps | median time |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const m of posteriorModels) {
    if (only !== undefined && !m.file.includes(only)) continue;
    const missing = missingFamilies(m);
    if (missing.length > 0) {
      const msg = `needs families ${missing.join(', ')} (not exported by varinf yet): skipped`;
      console.log(`${m.file}: ${msg}`);
      parts.push(section(m, msg));
      summary.push(`| ${m.file} | – | ${msg} | | | | |`);
      continue;
    }
    const json = readPosterior(m.file);
    const rows: FitRow[] = [];
    for (const guide of ['mean-field', 'full rank'] as const) {
      const mine: FitRow[] = [];
      for (const seed of seeds) {
        const r = validateOne(m, json, guide, seed);
        mine.push(r);
        console.log(
          `${m.file} ${guide} seed ${seed}: worst |Δmean|/sd ${fmt(r.comparison.worstMeanErrorSd, 2)} (${r.comparison.worstMeanParam}), sd ratios ${fmt(r.comparison.sdRatioRange[0])}–${fmt(r.comparison.sdRatioRange[1])}, steps ${r.steps}, ${r.ms.toFixed(0)} ms, converged ${r.converged}, warnings [${r.warnings.join(', ')}]`,
        );
      }
      rows.push(...mine);
      const pass = mine.filter((r) => r.converged && r.comparison.passed).length;
      const worst = Math.max(...mine.map((r) => r.comparison.worstMeanErrorSd));
      const lo = Math.min(...mine.map((r) => r.comparison.sdRatioRange[0]));
      const hi = Math.max(...mine.map((r) => r.comparison.sdRatioRange[1]));
      const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      summary.push(`| ${m.file} | ${guide} | ${pass}/${mine.length} | ${fmt(worst, 2)} | ${fmt(lo)}–${fmt(hi)} | ${med(mine.map((r) => r.steps))} | ${med(mine.map((r) => r.ms)).toFixed(0)} ms |`);
    }
    parts.push(section(m, rows));
  }
  if (!write) return;
  const doc = `# Validation against posteriordb reference posteriors

Generated by \`npm run validate\` (validate/run.ts) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}; seeds ${seeds.join(', ')}.
Each posterior of \`../shared/posteriors\` (see its README) is fitted with the default guide
(mean-field, \`fit(model, { seed })\`) and with \`fullRank()\`, and compared with the reference
summaries by the acceptance of issue #13:

- **full rank**: every |VI mean − reference mean| ≤ 0.15 reference sd and every sd ratio
  (VI sd / reference sd, on the parameter's own scale) in [0.8, 1.25];
- **mean-field**: every |Δmean| ≤ 0.25 reference sd, and every unconstrained sd within [0.8, 1.25] of
  the ideal mean-field sd 1/√(Σ⁻¹)ᵢᵢ (a factorized Gaussian cannot match the marginal sd of a
  correlated posterior; this is the sd the KL(q‖p) optimum has for a Gaussian posterior);
- both: \`converged: true\`. "passes" says whether a fit meets all of these.

VI means and sds on the constrained scale are exact for Normal and LogNormal marginals (identity
and exp bijections). Times are wall-clock for \`fit\` alone on this machine (shared by several jobs:
read them as orders of magnitude). Posteriors whose families are not in varinf yet are listed as
such; their model files are in validate/models/ and run as soon as the classes are exported.

## Summary

${summary.join('\n')}

## Notes

- **Eight schools (non-centred): no Gaussian fit meets the criteria, and every fit says so.**
  The mean-field fits meet every test of the convergence rule (stationarity included) on all
  five seeds and agree to three digits (log τ's sd 0.654–0.658 of the ideal mean-field sd, τ's
  mean 0.21 sd off): that q is the mean-field KL(q‖p) optimum, and the "ideal mean-field sd"
  1/√(Σ⁻¹)ᵢᵢ is that optimum only for a Gaussian posterior, which log τ's is not (the fit moves
  log τ 5.2 Laplace sds from the mode; k̂ 0.48–0.75 on seeds 1–5). Full rank does not converge in 20 000 steps
  (the entries of L coupling τ to θ̃ drift by ≈ 0.02 sd per quarter) and ends with τ's mean
  0.17–0.18 sd off. Every one of these fits carries the \`non-gaussian\` warning (full rank
  also \`not-converged\`).
- **Mean-field \`khat-high\`** on the correlated regressions is the correct reading: a factorized
  q of a correlated posterior is narrower than it along the correlations (k̂ > 0.7), even
  though its sds are the mean-field optimum.
- **Steps**: mesquite (n = 46) needs 2 000–16 000 steps: its σ posterior is skewed, the fit has
  to move from the Laplace start (0.8 sd in log σ), and the step-size search then prefers 0.1,
  whose noise the rule needs many steps to average down to 2.5e-3 sd.

## Per posterior

${parts.join('\n')}`;
  writeFileSync(resolve(root, 'docs/validation.md'), doc);
  console.log('wrote docs/validation.md');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
