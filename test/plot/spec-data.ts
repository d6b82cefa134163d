import { expect } from 'vitest';
import type { Json, VegaLiteSpec } from '../../src/plot/index';

/** Every `data.values` array in the spec (top level and layers). */
export function datasets(spec: VegaLiteSpec): Record<string, Json>[][] {
  const out: Record<string, Json>[][] = [];
  const visit = (node: Json): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const v of node) visit(v);
      return;
    }
    const obj = node as { readonly [key: string]: Json };
    const data = obj.data as { values?: Record<string, Json>[] } | undefined;
    if (data && Array.isArray(data.values)) out.push(data.values);
    for (const [k, v] of Object.entries(obj)) if (k !== 'data') visit(v);
  };
  visit(spec as unknown as Json);
  return out;
}

/** Every number anywhere in the spec. */
export function allNumbers(node: unknown, out: number[] = []): number[] {
  if (typeof node === 'number') out.push(node);
  else if (Array.isArray(node)) for (const v of node) allNumbers(v, out);
  else if (node !== null && typeof node === 'object') for (const v of Object.values(node)) allNumbers(v, out);
  return out;
}

/** The spec is plain JSON with only finite numbers. */
export function expectPlainFiniteJson(spec: VegaLiteSpec): void {
  expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  for (const v of allNumbers(spec)) expect(Number.isFinite(v)).toBe(true);
}

/** Rows of one curve of a density plot, as (x, y) arrays. */
export function curveOf(spec: VegaLiteSpec, name: string): { x: number[]; y: number[] } {
  const rows = datasets(spec)[0].filter((r) => r.curve === name);
  return { x: rows.map((r) => r.x as number), y: rows.map((r) => r.density as number) };
}
