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

/** Result of {@link paired}. */
export interface PairedTiming {
  /** Median ms per call of `a` and of `b`. */
  readonly aMs: number;
  readonly bMs: number;
  /** Median over the rounds of (time of a) / (time of b) in the same round. */
  readonly ratio: number;
}

/**
 * Times `a` and `b` interleaved: `rounds` rounds, each timing a batch of `a` calls
 * then a batch of `b` calls (batches of at least `minMs`), and the ratio of each
 * round. On a machine whose speed drifts (shared cores), the two sides of a ratio
 * are then measured under the same conditions, and the median ratio is steadier
 * than the ratio of two medians taken at different times.
 */
export function paired(a: () => void, b: () => void, rounds = 15, minMs = 20): PairedTiming {
  const reps = (f: () => void): number => {
    for (let i = 0; i < 3; i++) f();
    let n = 1;
    for (;;) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) f();
      if (performance.now() - t0 >= minMs || n > 1e7) return n;
      n *= 2;
    }
  };
  const na = reps(a);
  const nb = reps(b);
  const ta: number[] = [];
  const tb: number[] = [];
  const r: number[] = [];
  for (let k = 0; k < rounds; k++) {
    let t0 = performance.now();
    for (let i = 0; i < na; i++) a();
    const x = (performance.now() - t0) / na;
    t0 = performance.now();
    for (let i = 0; i < nb; i++) b();
    const y = (performance.now() - t0) / nb;
    ta.push(x);
    tb.push(y);
    r.push(x / y);
  }
  return { aMs: median(ta), bMs: median(tb), ratio: median(r) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[s.length >> 1];
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

/** A deterministic uniform stream on [0, 1) (bench data need reproducibility, not quality). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}
