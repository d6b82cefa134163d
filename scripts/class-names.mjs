// Restores the real names of classes that esbuild renamed (issue #10).
//
// Bundling a module, esbuild turns `export class Rng { … new Rng() … }` into
// `var Rng = class _Rng { … new _Rng() … }`, so `Rng.name` (and `constructor.name`)
// would be "_Rng". esbuild's `keepNames` restores names by wrapping every function
// and class in a `__name(…)` call, which cost 9 KB gzip in a consumer's bundle of
// Model + fit (78.5 → 69.2 KB). Instead, rename the inner binding back: inside the
// class body `Rng` then refers to the class itself, as `_Rng` did, and outside it
// to the `var`, the same object. Only esbuild's own `X=class _X` pattern is touched,
// and the build fails if an identifier `_X` also appears elsewhere in the file.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.js') ? [p] : [];
  });
}

let renamed = 0;
for (const file of [...files(join(root, 'dist', 'esm')), ...files(join(root, 'dist', 'cjs'))]) {
  let code = readFileSync(file, 'utf8');
  const names = [...code.matchAll(/\b([A-Za-z$][\w$]*)=class _\1\b/g)].map((m) => m[1]);
  for (const name of names) {
    const inner = new RegExp(`(?<![\\w$.])_${name}(?![\\w$])`, 'g');
    const declared = (code.match(new RegExp(`class _${name}(?![\\w$])`, 'g')) ?? []).length;
    if (declared !== 1) throw new Error(`class-names: ${file}: expected one class _${name}, found ${declared}`);
    code = code.replace(inner, name);
    renamed++;
  }
  if (names.length > 0) writeFileSync(file, code);
  const left = code.match(/\bclass _[A-Z]\w*/);
  if (left) throw new Error(`class-names: ${file}: ${left[0]} was not renamed`);
}
console.log(`class-names: ${renamed} classes renamed back`);
