/**
 * Runs every example as a user would (`npx tsx examples/<name>.ts`), checks it
 * exits 0 (each example asserts its own claims and exits non-zero when one fails)
 * and prints its key lines, and parses the SVGs the examples write (well-formed
 * XML naming the plotted curves).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../plot/xml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

async function example(name: string): Promise<{ stdout: string; stderr: string }> {
  const tsx = join(root, 'node_modules/.bin/tsx');
  try {
    return await run(tsx, [`examples/${name}.ts`], { cwd: root, timeout: 50_000, env: { ...process.env, NO_COLOR: '1' } });
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`examples/${name}.ts exited with ${String(err.code)}\n--- stdout\n${err.stdout ?? ''}\n--- stderr\n${err.stderr ?? ''}`);
  }
}

async function svgText(file: string): Promise<string> {
  const svg = await readFile(join(root, 'docs/images', file), 'utf8');
  const { root: tag, texts } = parseXml(svg);
  expect(tag).toBe('svg');
  return texts.join('\n');
}

describe.concurrent('examples', () => {
  it('seed.ts (npm run demo): the lecture, the table of fits, three SVGs', async () => {
    const { stdout, stderr } = await example('seed');
    expect(stdout).toMatch(/p\(z = 1\.5, x = 1\.3\)\s+0\.0872/);
    expect(stdout).toMatch(/log p\(x\)\s+\(quadrature\)\s+-1\.28141/);
    expect(stdout).toContain('truncated to z ≥ 0');
    for (const family of ['LogNormal', 'Gamma', 'Exponential', 'mean-field (default)']) {
      expect(stdout).toMatch(new RegExp(`^  ${family.replace(/[()]/g, '\\$&')}\\s+(LogNormal|Gamma|Exponential)\\(.*\\s(good|ok|poor)\\s+\\d+\\s+\\d+ ms$`, 'm'));
    }
    expect(stdout).toContain('exponential left tail that a Gaussian cannot cover');
    expect(stdout).toContain('All claims checked.');
    expect(stdout).not.toContain('✗');
    expect(stderr).toMatch(/fitted LogNormal: \d+ steps/); // progress goes to stderr

    const densities = await svgText('seed-densities.svg');
    for (const name of ['prior p(z) = Exponential(1)', 'posterior p(z | x) (exact)', 'joint p(z, x), rescaled', 'q LogNormal', 'q Gamma', 'q Exponential', 'q mean-field']) {
      expect(densities).toContain(name);
    }
    const traces = await svgText('seed-elbo-traces.svg');
    for (const name of ['LogNormal', 'Gamma', 'Exponential', 'mean-field (default)', 'log p(x) = -1.2814']) expect(traces).toContain(name);
    const histogram = await svgText('seed-histogram.svg');
    expect(histogram).toContain('draws from q Gamma');
    expect(histogram).toContain('posterior p(z | x) (exact)');
  });

  it('regression.ts: mean-field and full-rank against the exact Gaussian posterior', async () => {
    const { stdout } = await example('regression');
    expect(stdout).toContain('d = 5 coefficients');
    expect(stdout).toMatch(/^  mean-field\s+-\d+\.\d+/m);
    expect(stdout).toMatch(/^  full-rank\s+-\d+\.\d+/m);
    expect(stdout).toContain('✓ full-rank: KL(q ‖ p)');
    expect(stdout).toContain('All claims checked.');
    expect(stdout).not.toContain('✗');
  });

  it('glm.ts: logistic and Poisson regressions cover their true weights; eight schools with a half-Cauchy scale', async () => {
    const { stdout } = await example('glm');
    expect(stdout).toContain('Logistic regression (n = 400)');
    expect(stdout).toContain('Poisson regression (n = 300)');
    expect(stdout).toMatch(/Eight schools: mu \d/);
    expect(stdout).toContain('All claims checked.');
    expect(stdout).not.toContain('✗');
  });

  it('conjugate.ts: VI recovers the exact posterior (KL ≤ 1e-3)', async () => {
    const { stdout } = await example('conjugate');
    expect(stdout).toMatch(/✓ Normal–Normal \(n = 10\): KL\(q ‖ exact posterior\) = \S+ ≤ 1e-3/);
    expect(stdout).toMatch(/✓ Gamma–Exponential \(n = 8\): KL\(q ‖ exact posterior\) = \S+ ≤ 1e-3/);
    expect(stdout).toContain('All claims checked.');
  });

  it('bad-fit.ts: k̂ flags the too-narrow q, not the fitted one', async () => {
    const { stdout } = await example('bad-fit');
    expect(stdout).toMatch(/^  too narrow \(sd \/ 4\)\s.*\spoor$/m);
    expect(stdout).toMatch(/^  fitted q \(VI\)\s.*\sgood$/m);
    expect(stdout).toContain('✓ the too-narrow q is flagged');
    expect(stdout).toContain('All claims checked.');
    const svg = await svgText('bad-fit-densities.svg');
    for (const name of ['posterior p(mu | x) (exact)', 'fitted q (VI)', 'too narrow (sd / 4)', 'too wide (sd × 3)', 'shifted (+3 sd)']) expect(svg).toContain(name);
  });
});
