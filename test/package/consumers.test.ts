/**
 * The built package as users load it (issue #10): the README example under
 * `require` and under `import`, with `varinf` and `varinf/vi` mixed, and one class
 * identity across entry points (`instanceof`, `kl`, `estimateElbo` on the fitted
 * posterior), real class names in `constructor.name` and in messages.
 *
 * Uses dist/ as test/global-build.ts leaves it (fresh), links the package into a temporary
 * consumer's node_modules and runs each consumer (test/package/consumer/, the same
 * files .ci/run runs against the packed tarball) in its own Node process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
let consumer = '';

function run(file: string, source = readFileSync(join(import.meta.dirname, 'consumer', file), 'utf8')): string {
  writeFileSync(join(consumer, file), source);
  return execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
}

describe('the built package in a consumer', () => {
  beforeAll(() => {
    consumer = mkdtempSync(join(tmpdir(), 'varinf-consumer-'));
    mkdirSync(join(consumer, 'node_modules'));
    symlinkSync(root, join(consumer, 'node_modules', 'varinf'), 'dir');
  });
  afterAll(() => {
    if (consumer !== '') rmSync(consumer, { recursive: true, force: true });
  });

  it('runs the README example under require (CommonJS), one class identity across entries', () => {
    expect(run('readme.cjs')).toMatch(/^ok/);
  });

  it('runs the README example under import (ES modules), one class identity across entries', () => {
    expect(run('readme.mjs')).toMatch(/^ok/);
  });

  it('gives the same fit under require and under import (same seed, same bits)', () => {
    const src = (load: (s: string) => string): string => `
      const { Exponential, LogNormal, Model, Normal } = ${load('varinf')};
      const { fit } = ${load('varinf/vi')};
      const m = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
      const r = fit(m, { guide: { z: LogNormal }, seed: 3 });
      console.log(JSON.stringify([r.posterior.z.mu, r.posterior.z.sigma, r.steps]));`;
    expect(run('same.cjs', src((s) => `require('${s}')`))).toBe(run('same.mjs', src((s) => `await import('${s}')`)));
  });
});
