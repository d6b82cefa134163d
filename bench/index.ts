/**
 * `npm run bench`: runs every benchmark section, each in a fresh process
 * (`bench/section.ts`), prints the tables and writes docs/benchmarks.md. Each row
 * is measured beside its baseline in the same process. `npm run bench -- fit rqmc`
 * runs only the named sections and leaves benchmarks.md alone.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { markdownTable, type Row } from './harness';
import { RESULT_PREFIX } from './section';

interface Section {
  /** Its name for `bench/section.ts`. */
  name: string;
  title: string;
  note: string;
}

const sections: Section[] = [
  {
    name: 'distributions',
    title: 'Distributions: logPdf and sampling, 1e6 each',
    note: 'varinf beside @stdlib (factory functions, seeded PRNG) and jStat (log of its pdf; Math.random sampling). Ratio < 1: varinf is faster than the fastest peer.',
  },
  {
    name: 'continuous-families',
    title: 'Cauchy, HalfNormal, HalfCauchy, Uniform, InverseGamma: logPdf and sampling, 1e6 each',
    note: 'varinf beside @stdlib (factory functions, seeded PRNG) and jStat (log of its pdf; Math.random sampling). @stdlib has no half-normal or half-Cauchy: those rows are against jStat alone (2·pdf and |draw| of the full one). Ratio < 1: varinf is faster than the fastest peer.',
  },
  {
    name: 'discrete',
    title: 'Discrete families: logPdf and sampling, 1e6 each',
    note: 'varinf beside a plain-JS loop writing the textbook log-pmf inline (lgamma differences; no tail or large-n care), @stdlib (logpmf factory functions, log of its pmf for the Bernoulli, which has no logpmf, at p = σ(logit) for BernoulliLogit; seeded samplers) and jStat (log of its pdf; Poisson sampling on Math.random). Ratio < 1: varinf is faster than the fastest peer.',
  },
  {
    name: 'betat',
    title: 'Beta and StudentT: logPdf and sampling 1e6 each, cdf 1e5',
    note: 'varinf beside @stdlib (factory functions, seeded PRNG) and jStat (log of its pdf; its incomplete-beta cdf; Math.random sampling); both peers\' t is standard, located and scaled by hand. Ratio < 1: varinf is faster than the fastest peer.',
  },
  {
    name: 'random',
    title: 'Random numbers: ns per draw (1e6 draws per task)',
    note: '`Rng` beside @stdlib/random-base-* (seeded factories) and `Math.random`; tinybench. Ratio 1 = fastest of its group.',
  },
  {
    name: 'special',
    title: 'Special functions: ns per call beside @stdlib',
    note: 'The special functions (own code since issue #10: Cody erf/erfc/erfcx, Cody–Hillstrom log Γ, Cody–Strecok–Thacher ψ, ψ′ by asymptotics and recurrence, erf⁻¹/erfc⁻¹ through AS 241) beside the @stdlib modules they replaced, on 4096 mixed arguments each, timed interleaved. Ratio < 1: varinf is faster.',
  },
  {
    name: 'model',
    title: 'Model layer: gradient cost and per-datum cost',
    note: 'Gradient/value ratios of the same model (targets of issue 3), and the 1000-datum log joint against a plain hand-written loop computing the same sum.',
  },
  {
    name: 'large-data',
    title: 'Large data: a per-datum model on 1e7 data',
    note: 'Built and its first log joint evaluated in a fresh process (issue 14: under 5 s and 1.5 GB); the likelihood is traced datum by datum into the replay program. The resident set’s growth is over the data arrays the program already holds; the reference column is a second log joint (the replayed program alone).',
  },
  {
    name: 'fit',
    title: 'Variational inference: varinf beside the hand-fused plain-JS loop',
    note: [
      'Each row beside a hand-fused loop for the same computation (`bench/baselines/`: xoshiro128** + polar Box–Muller, Adam with η/√t and iterate averaging), measured in this run; targets of issue 5.',
      'Gradient rows: one ELBO-gradient step (noise draws + sticking-the-landing estimator) at fixed guide parameters. Fit rows: `fit(model, { guide, seed: 1 })` with its defaults (step-size search, control variates, RQMC base samples, convergence rule; the final 20 000-draw ELBO, log evidence and k̂ are computed when first read, and one row reads them), against the shortest fused run (steps doubling from 125, 16 samples per step) that reaches the same exact ELBO gap (at least 1e-3 nats).',
      'Exact ELBOs: quadrature (src/math/quadrature.ts) for the LogNormal guides of the 1-D models (seed optimum −1.439664), closed form for the Gaussian q of the regression (w ~ N(0, 1)ᵈ, yᵢ ~ N(xᵢ·w, 0.5), n = 200, X standard normal, seed 42). A "gap NaN" means the fitted covariance was not positive definite.',
    ].join('\n\n'),
  },
  {
    name: 'rqmc',
    title: 'Randomized quasi-Monte Carlo against plain Monte Carlo at equal samples (seed model, LogNormal q)',
    note: [
      'Variance (trace over (μ, ω)) of one 16-sample ELBO-gradient estimate, plain Monte Carlo against Owen-scrambled Sobol points through Φ⁻¹, at three q’s on the way of a fit, for the sticking-the-landing (fit’s default) and pathwise estimators. “exact”: by quadrature (MC: Var(g)/16; a 16-point scrambled net in 1-D puts one independent uniform in each interval [k/16, (k + 1)/16), so (1/256) Σₖ Var(g | k)); “measured”: 20 000 replicates of the library’s estimator, ± the standard error of that variance. Then `fit` with each kind of base samples over 10 seeds (mean steps, worst exact ELBO gap, mean time), with and without control variates.',
      'Tilted RQMC (`baseSamples: \'rqmc-tilted\'`): the same points through τΦ⁻¹ with τ = 1.5 and importance weights w = τ e^{−ε²(1 − τ⁻²)/2}; “exact net” by the same quadrature of w·g.',
      'Target of issue 5: ≥ 10× lower gradient variance at 16 samples. At the optimum the gradient contains e^{2u} = e^{2μ} e^{2σε}, whose tail in the last stratum ε > Φ⁻¹(15/16) no equal-weight 16-point rule can stratify: the exact net variance there is the bound for plain RQMC, 1.2–1.4× below MC; the tilted points bound w·g and reach it.',
    ].join('\n\n'),
  },
  {
    name: 'gamma-scales',
    title: 'Gamma and LogNormal across scales: µs per call',
    note: 'Every method of Gamma(a, 1), and of the LogNormal with the same mean and variance, at shapes a = 1e-3 … 1e300 (issue #16; target ≤ 10 µs per call everywhere). Each cell: median µs per call over 64 points at the quantiles p = (i + ½)/64 (`quantile` at those p).',
  },
  {
    name: 'methods',
    title: 'Every method of every family across its parameter range: worst µs per call',
    note: 'Each family over a grid of extreme parameters (scales 1e-300 … 1e300, shapes 1e-300 … 1.8e308, n up to 2⁵³ − 1), each method at the points x = quantile(p), p ∈ {1e-300, 1e-30, 1e-5, 0.1, 0.5, 0.9, 1 − 1e-5, 1 − 1e-12}; each point timed alone (median of 7 timings of 16 calls) in a second pass, after a first, untimed pass has run every method at every point of every family (8 rounds of 16 calls): the code V8 settles on once it has seen all the families (timed in one pass, the first points of a code path reached after other families ran 3–5× slower). A cell is the slowest point over the grid (issue #16 target: ≤ 10 µs); the last column names the family\'s slowest call.',
  },
];

/** Runs a section in a fresh process; its rows. */
function runSection(name: string): Row[] {
  const script = fileURLToPath(new URL('./section.ts', import.meta.url));
  const out = execFileSync(process.execPath, [...process.execArgv, script, name], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (line === undefined) throw new Error(`bench section ${name} printed no result`);
  return (JSON.parse(line.slice(RESULT_PREFIX.length)) as { rows: Row[] }).rows;
}

async function main(): Promise<void> {
  // `npm run bench -- fit rqmc` runs only those sections (and does not rewrite benchmarks.md).
  const only = process.argv.slice(2);
  const started = performance.now();
  const parts: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores).`,
    'Every figure is the median of repeated runs; each row is measured beside its baselines in the same process (each section in a fresh process), so the ratios are the figures to read.',
    'Peers (WebPPL): `npm run bench:peers`, section at the end when it has been run.',
    '',
  ];
  for (const s of sections) {
    if (only.length > 0 && !only.includes(s.name)) continue;
    console.log(`\n## ${s.title}`);
    const table = markdownTable(runSection(s.name));
    console.log(table);
    parts.push(`## ${s.title}`, '', s.note, '', table, '');
  }
  if (only.length > 0) return;
  parts.push(posteriorsSection());
  parts.push(peersSection());
  writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), parts.join('\n'));
  console.log(`\n(wrote docs/benchmarks.md in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

/**
 * Time to a converged fit for every posteriordb posterior, both guides, seeds 1–5: the
 * summary table of the last `npm run validate` (docs/validation.md), which times each
 * fit as it validates it.
 */
function posteriorsSection(): string {
  const title = '## Time to a converged fit: posteriordb posteriors';
  try {
    const text = readFileSync(new URL('../docs/validation.md', import.meta.url), 'utf8');
    const start = text.indexOf('| posterior |');
    const end = text.indexOf('\n\n', start);
    if (start < 0) throw new Error('no summary table');
    return `${title}\n\nFrom the last \`npm run validate\` (docs/validation.md: accuracy against the reference summaries, warnings, per-seed rows). Times are wall-clock for \`fit\` alone.\n\n${text.slice(start, end < 0 ? undefined : end)}\n`;
  } catch {
    return `${title}\n\nRun \`npm run validate\` (it writes docs/validation.md, whose summary appears here).\n`;
  }
}

/** The last `npm run bench:peers` result (bench/peers/result.md), if any. */
function peersSection(): string {
  try {
    return readFileSync(new URL('./peers/result.md', import.meta.url), 'utf8');
  } catch {
    return '## Peers (WebPPL 0.9.15)\n\nNot run on this machine yet: `npm run bench:peers`.\n';
  }
}

void main();
