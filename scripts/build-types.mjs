// Declarations for both formats, one file per module beside its JavaScript:
// dist/esm/**/*.d.ts (ES-module types) and dist/cjs/**/*.d.ts (CommonJS types,
// dist/cjs/package.json says "commonjs"). TypeScript decides a declaration file's
// module format from its extension and the nearest package.json, so the two
// formats need two sets (one set would make attw report "masquerading").
//
// tsc keeps the source's extensionless specifiers ('./normal'); Node's ESM
// resolution, Deno and browsers need the file itself ('./normal.js'), so every
// relative specifier is rewritten to the file that exists in the package.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const esm = join(root, 'dist', 'esm');
const cjs = join(root, 'dist', 'cjs');

execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json',
  '--declaration', '--emitDeclarationOnly', '--stripInternal', '--outDir', esm], { cwd: root, stdio: 'inherit' });

const SPECIFIER = /((?:from|import)\s*\(?\s*)(['"])(\.\.?\/[^'"]*)\2/g;

function rewrite(file) {
  const dir = dirname(file);
  const text = readFileSync(file, 'utf8').replace(SPECIFIER, (_m, pre, q, spec) => {
    const target = resolve(dir, spec);
    if (existsSync(`${target}.d.ts`)) return `${pre}${q}${spec}.js${q}`;
    if (existsSync(join(target, 'index.d.ts'))) return `${pre}${q}${spec}/index.js${q}`;
    throw new Error(`build-types: ${file}: no declaration for ${spec}`);
  });
  writeFileSync(file, text);
}

function walk(dir, f) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, f);
    else if (p.endsWith('.d.ts')) f(p);
  }
}

walk(esm, rewrite);

// Only the declarations the public entry points reach ship: a module no public type
// refers to (a special function, the replay compiler, a guide family's internals)
// cannot be imported through the package's `exports` anyway, and its declarations
// were about a quarter of the package (issue #10: ≤ 350 KB packed). Its JavaScript
// stays, of course.
const ENTRY_TYPES = ['index.d.ts', 'vi/index.d.ts', 'plot/index.d.ts', 'testing/index.d.ts'];
const reached = new Set();
const todo = ENTRY_TYPES.map((e) => join(esm, e));
while (todo.length > 0) {
  const file = todo.pop();
  if (reached.has(file)) continue;
  if (!existsSync(file)) throw new Error(`build-types: ${file} is not there`);
  reached.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
    todo.push(resolve(dirname(file), m[3]).replace(/\.js$/, '.d.ts'));
  }
}
walk(esm, (p) => {
  if (!reached.has(p)) rmSync(p);
});
walk(esm, (p) => cpSync(p, join(cjs, p.slice(esm.length))));
writeFileSync(join(cjs, 'package.json'), '{ "type": "commonjs" }\n');
