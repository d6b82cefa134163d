/**
 * "Did you mean …?" suggestions for misspelt names (options, latents, families),
 * by Levenshtein edit distance.
 *
 * @module
 */

/**
 * The Levenshtein distance between `a` and `b`: the fewest single-character
 * insertions, deletions and substitutions turning one into the other (Wagner–Fischer
 * dynamic programming, one row, O(|a|·|b|) time). Exact.
 *
 * @example
 * ```ts
 * levenshtein('Seed', 'seed');      // → 1
 * levenshtein('maxStep', 'maxSteps'); // → 1
 * ```
 */
export function levenshtein(a: string, b: string): number {
  const row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(up + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/**
 * The candidate closest to `name`, or `undefined` when none is close: a case-only
 * difference always counts; otherwise the edit distance must be at most
 * max(1, ⌊|name|/3⌋), so short names are not matched to unrelated words.
 *
 * @example
 * ```ts
 * didYouMean('Seed', ['seed', 'samples']);   // → "seed"
 * didYouMean('xyz', ['seed', 'samples']);    // → undefined
 * ```
 */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const dist = levenshtein(lower, c.toLowerCase());
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}
