// Fails when an exported symbol of a public entry point has no @example in its TSDoc.
// Reads typedoc's JSON output (typedoc.json writes docs/api/api.json).
import { readFileSync } from 'node:fs';

const project = JSON.parse(readFileSync(process.argv[2] ?? 'docs/api/api.json', 'utf8'));
// typedoc ReflectionKind values of exported declarations that need an example.
const KINDS = new Map([
  [128, 'class'], [64, 'function'], [256, 'interface'], [2097152, 'type'], [32, 'variable'],
]);

const hasExample = (comment) => Boolean(comment?.blockTags?.some((t) => t.tag === '@example'));
const documented = (r) =>
  hasExample(r.comment) || (r.signatures ?? []).some((s) => hasExample(s.comment));

const missing = [];
for (const mod of project.children ?? []) {
  for (const r of mod.children ?? []) {
    if (!KINDS.has(r.kind)) continue;
    if (!documented(r)) missing.push(`${mod.name}: ${KINDS.get(r.kind)} ${r.name}`);
  }
}
if (missing.length > 0) {
  console.error(`exports without an @example (${missing.length}):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`every export of ${(project.children ?? []).map((m) => m.name).join(', ')} has an @example`);
