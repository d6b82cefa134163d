/**
 * `varinf/testing` from the built package, as users load it: under `import` and under
 * `require`, with fast-check resolved from the consumer's own node_modules (it is a
 * peer dependency), the same classes as `varinf` (one identity), and no other entry
 * point importing fast-check.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
let consumer = '';

function run(file: string, source: string): string {
  writeFileSync(join(consumer, file), source);
  return execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
}

const body = `
const d = t.normalFamily.make(0, 1);
t.assertIdentity(t.cdfIsMonotone(t.normalFamily), { numRuns: 50, seed: 1 });
t.assertIdentity(t.klIsNonNegative(t.gammaFamily, t.gammaFamily, v.kl), { numRuns: 50, seed: 1 });
let message = '';
try {
  t.assertIdentity(t.pdfIsExpLogPdf(t.defineFamily({ name: 'Off', paramNames: ['mu'], make: (mu) => Object.assign(new v.Normal(mu, 1), { pdf: () => 0.5 }), valid: fc.tuple(fc.double({ min: -1, max: 1, noNaN: true })) })), { seed: 1 });
} catch (e) { message = e.message; }
console.log(JSON.stringify({ same: d instanceof v.Normal, message }));
`;

describe('varinf/testing in a consumer', () => {
  beforeAll(() => {
    consumer = mkdtempSync(join(tmpdir(), 'varinf-testing-consumer-'));
    mkdirSync(join(consumer, 'node_modules'));
    symlinkSync(root, join(consumer, 'node_modules', 'varinf'), 'dir');
    symlinkSync(join(root, 'node_modules', 'fast-check'), join(consumer, 'node_modules', 'fast-check'), 'dir');
  });
  afterAll(() => rmSync(consumer, { recursive: true, force: true }));

  it.each([
    ['consumer.mjs', `import * as t from 'varinf/testing'; import * as v from 'varinf'; import fc from 'fast-check';\n${body}`],
    ['consumer.cjs', `const t = require('varinf/testing'); const v = require('varinf'); const fc = require('fast-check');\n${body}`],
  ])('%s: the properties run, on the same classes, and failures name the identity', (file, source) => {
    const out = JSON.parse(run(file, source)) as { same: boolean; message: string };
    expect(out.same).toBe(true);
    expect(out.message).toMatch(/pdf = exp\(logPdf\) fails for Off\(mu = [-\d.e]+\) at x = [-\d.e]+: pdf 0\.5, exp\(logPdf\) /);
  });

  it('only dist/*/testing/ imports fast-check', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(js|d\.ts)$/.test(name) && readFileSync(p, 'utf8').includes('fast-check') && !p.includes(`${join('dist', 'esm', 'testing')}`) && !p.includes(join('dist', 'cjs', 'testing'))) offenders.push(p);
      }
    };
    walk(join(root, 'dist'));
    expect(offenders).toEqual([]);
    // And the testing modules do import it (the check above can fail).
    expect(readFileSync(join(root, 'dist', 'esm', 'testing', 'identity-property.js'), 'utf8')).toMatch(/from\s*"fast-check"/);
  });
});
