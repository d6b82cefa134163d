/**
 * The "After the fit" walk of docs/getting-started.md runs as written: the ts block
 * between its markers is extracted, its `varinf` imports pointed at src/, and run
 * with tsx; it must exit 0 and print what the comments say.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('docs/getting-started.md, "After the fit"', () => {
  it('runs: summary table, a predictive p-value, the reloaded result equal to the original', async () => {
    const md = await readFile(join(root, 'docs/getting-started.md'), 'utf8');
    const block = /<!-- walk:after-the-fit -->\s*```ts\n([\s\S]*?)```\s*<!-- \/walk:after-the-fit -->/.exec(md);
    expect(block).not.toBeNull();
    const code = block![1]
      .replace(/from 'varinf\/vi'/g, `from '${join(root, 'src/vi/index.ts')}'`)
      .replace(/from 'varinf'/g, `from '${join(root, 'src/index.ts')}'`);
    const dir = join(root, 'scratch');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'getting-started-walk.mts');
    await writeFile(file, code);
    const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [file], { cwd: root, timeout: 50_000 });
    expect(stdout).toMatch(/│ 0\s+│ 'mu'/);
    const p = Number(/p-value of the sd: ([\d.]+)/.exec(stdout)![1]);
    expect(p).toBeGreaterThan(0.05);
    expect(p).toBeLessThan(0.95);
    // The posterior of mu centres on the data mean ȳ = 4.9 (prior sd 10: shrinkage
    // ~1e-3) with sd ≈ s/√12 ≈ 0.23: the fitted location is within half an sd of ȳ.
    const [, mu, sigma] = /Normal\(mu = ([\d.]+), sigma = ([\d.]+)\)/.exec(stdout)!.map(Number);
    expect(Math.abs(mu - 4.9)).toBeLessThan(0.1);
    expect(sigma).toBeGreaterThan(0.15);
    expect(sigma).toBeLessThan(0.3);
    expect(stdout).toMatch(/^true$/m);
    expect(stdout).toMatch(/^1000 true$/m);
  });
});
