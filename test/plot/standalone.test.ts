/** `varinf/plot` has no runtime dependency: its sources import only each other. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('src/plot is self-contained', () => {
  const dir = join(import.meta.dirname, '../../src/plot');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    it(`${file} imports only sibling modules and uses no Node API`, () => {
      const src = readFileSync(join(dir, file), 'utf8');
      const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const m of code.matchAll(/\bfrom\s+'([^']+)'/g)) expect(m[1]).toMatch(/^\.\/[a-z-]+$/);
      expect(code).not.toMatch(/\b(require|process|Buffer|__dirname)\b|node:/);
    });
  }
});
