/**
 * Vitest global setup: builds dist/ once, before any test file runs, when it is
 * missing or older than src/, the build config or package.json. The tests that use
 * the built package (test/package, the browser demo in test/e2e) read it and never
 * build it themselves, so parallel test files cannot race on dist/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function newest(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

export default function setup(): void {
  const inputs = ['src', 'tsup.config.ts', 'package.json', 'scripts/build-types.mjs', 'scripts/class-names.mjs', 'tsconfig.build.json'];
  const sources = Math.max(...inputs.map((p) => newest(join(root, p))));
  const outputs = ['dist/esm/index.js', 'dist/cjs/index.js', 'dist/esm/index.d.ts', 'dist/cjs/package.json'].map((p) => join(root, p));
  const stale = outputs.some((f) => !existsSync(f) || statSync(f).mtimeMs < sources);
  if (stale) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe', timeout: 300_000 });
}
