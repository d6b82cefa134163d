import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SOBOL_TABLE_ROWS, sobolTable } from '../../src/random/sobol-directions';

// The packed direction numbers must decode to the Joe–Kuo table, entry for entry.
const table = JSON.parse(readFileSync(new URL('../fixtures/sobol-new-joe-kuo-6.json', import.meta.url), 'utf8')) as { degree: number[]; poly: number[]; m: number[] };

describe('Sobol direction numbers', () => {
  it('decode to new-joe-kuo-6, rows 2–161', () => {
    const t = sobolTable();
    expect(t.degree.length).toBe(SOBOL_TABLE_ROWS);
    expect(Array.from(t.degree)).toEqual(table.degree);
    expect(Array.from(t.poly)).toEqual(table.poly);
    expect(Array.from(t.m)).toEqual(table.m);
  });
});
