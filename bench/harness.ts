/**
 * A small benchmark harness: every row is timed in the same process as its
 * baseline (machines here are noisy), after a warm-up, as the median of several
 * repeats; figures are reported as ns per operation and as ratios.
 */

/** Result of timing one body. */
export interface Timing {
  /** Median nanoseconds per operation. */
  readonly nsPerOp: number;
}

/** Keeps results observable so the JIT cannot drop the work. */
export let sink = 0;

/** Feeds a value into the sink. */
export function consume(v: number): void {
  sink += v;
}

/**
 * Times `body` (which performs `opsPerCall` operations) as the median over
 * `repeats` calls after `warmup` calls.
 */
export function time(body: () => number, opsPerCall: number, repeats = 9, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) consume(body());
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    consume(body());
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { nsPerOp: (samples[samples.length >> 1] * 1e6) / opsPerCall };
}

/** A printed/markdown table row. */
export type Row = Record<string, string | number>;

/** Formats rows as a GitHub-flavoured markdown table. */
export function markdownTable(rows: readonly Row[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]);
  const fmt = (v: string | number): string => (typeof v === 'number' ? formatNumber(v) : v);
  return [
    `| ${cols.join(' | ')} |`,
    `| ${cols.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${cols.map((c) => fmt(r[c] ?? '')).join(' | ')} |`),
  ].join('\n');
}

/** 3 significant digits, no exponent for ordinary magnitudes. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential(2);
  return Number(v.toPrecision(3)).toString();
}
