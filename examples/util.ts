/**
 * Small helpers shared by the examples (Node only): a progress line while fitting,
 * plain-text tables, formatting of fitted distributions, and `claim`, which prints
 * a checked statement and makes the process exit non-zero when it is false.
 *
 * @module
 */
import { Exponential, Gamma, LogNormal, Normal, type ContinuousDistribution } from '../src/index';
import { fitSteps, type FitOptions, type FitResult } from '../src/vi/index';
import type { DifferentiableModel } from '../src/index';

/** Fixed-point formatting that never prints "-0.0000". */
export function f(v: number, digits = 4): string {
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A number in a short, readable form (fixed or exponent notation). */
export function g(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(digits - 1);
  return f(v, digits);
}

/** A fitted distribution with its parameters, e.g. `LogNormal(mu = -0.318, sigma = 0.657)`. */
export function describe(d: ContinuousDistribution | readonly ContinuousDistribution[]): string {
  if (Array.isArray(d)) return `[${(d as readonly ContinuousDistribution[]).map(describe).join(', ')}]`;
  const q = d as ContinuousDistribution;
  if (q instanceof LogNormal) return `LogNormal(mu = ${f(q.mu, 3)}, sigma = ${f(q.sigma, 3)})`;
  if (q instanceof Normal) return `Normal(mu = ${f(q.mu, 3)}, sigma = ${f(q.sigma, 3)})`;
  if (q instanceof Gamma) return `Gamma(shape = ${f(q.shape, 3)}, rate = ${f(q.rate, 3)})`;
  if (q instanceof Exponential) return `Exponential(rate = ${f(q.rate, 3)})`;
  return q.name;
}

/** Prints rows as an aligned plain-text table (first row = header). */
export function table(rows: readonly (readonly string[])[], indent = '  '): void {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => [...(r[j] ?? '')].length)));
  const pad = (s: string, w: number, right: boolean) => {
    const n = w - [...s].length;
    return right ? ' '.repeat(n) + s : s + ' '.repeat(n);
  };
  rows.forEach((r, i) => {
    console.log(indent + r.map((c, j) => pad(c, widths[j], j > 0 && i > 0 && /^[-+0-9.eE∞]+$/.test(c))).join('  ').trimEnd());
    if (i === 0) console.log(indent + widths.map((w) => '─'.repeat(w)).join('  '));
  });
}

/** A fit result with its wall-clock time in milliseconds. */
export interface TimedFit {
  readonly result: FitResult;
  readonly ms: number;
}

/**
 * Runs `fitSteps` to completion, showing a progress line on stderr: a live line
 * rewritten in place on a terminal, nothing in between when stderr is not a TTY
 * (one line at the start and one at the end, so CI logs stay short).
 */
export function fitWithProgress<M extends DifferentiableModel>(label: string, model: M, options: FitOptions<M>): TimedFit {
  const tty = process.stderr.isTTY === true;
  const t0 = performance.now();
  if (!tty) process.stderr.write(`  fitting ${label} …\n`);
  const it = fitSteps(model, options);
  let last = 0;
  let n = 0;
  for (;;) {
    const r = it.next();
    if (r.done === true) {
      const ms = performance.now() - t0;
      const line = `  fitted ${label}: ${r.value.steps} steps, ELBO ${f(r.value.elbo)}, ${ms.toFixed(0)} ms`;
      process.stderr.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
      return { result: r.value, ms };
    }
    n++;
    if (tty && (n & 255) === 0) {
      const now = performance.now();
      if (now - last > 50) {
        last = now;
        const p = r.value;
        const what = p.phase === 'search' ? `searching a step size (lr ${g(p.lr)})` : `step ${p.step}`;
        process.stderr.write(`\r\x1b[2K  fitting ${label}: ${what}, ELBO ${f(p.elbo, 3)}`);
      }
    }
  }
}

const failures: string[] = [];

/**
 * States a claim the example makes and checks it: prints `✓ text` or `✗ text`
 * and, when false, sets a non-zero exit code (the example keeps running so
 * every failing claim is listed).
 */
export function claim(ok: boolean, text: string): void {
  console.log(`  ${ok ? '✓' : '✗'} ${text}`);
  if (!ok) {
    failures.push(text);
    process.exitCode = 1;
  }
}

/** Prints a summary of the claims and returns the number that failed. */
export function claimsSummary(): number {
  if (failures.length > 0) console.log(`\n${failures.length} claim(s) FAILED:\n${failures.map((s) => `  - ${s}`).join('\n')}`);
  else console.log('\nAll claims checked.');
  return failures.length;
}

/**
 * Moving average of a trace over a trailing window (shorter at the start), to
 * show the trend of per-step ELBO estimates whose Monte-Carlo noise would
 * otherwise fill the plot.
 */
export function movingAverage(values: ArrayLike<number>, window: number): Float64Array {
  const out = new Float64Array(values.length);
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    s += values[i];
    if (i >= window) s -= values[i - window];
    out[i] = s / Math.min(i + 1, window);
  }
  return out;
}
