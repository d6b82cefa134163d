// Checks of the packed tarball (issue #10), run by .ci/run after `npm pack`:
// - only dist/, README.md, LICENSE, CHANGELOG.md and package.json are packed, no source maps;
// - the tarball is at most 350 KB;
// - every relative import or require in dist (JavaScript and declarations) names a
//   file that is in the package (Deno, browsers and Node's ESM resolver take
//   specifiers literally);
// - third-party code bundled into dist (esbuild marks it `// node_modules/<pkg>/…`)
//   ships its licence: each such package must be named, with its licence text, in
//   THIRD_PARTY_NOTICES.md.
//
// Usage: node scripts/check-package.mjs varinf-x.y.z.tgz
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const tarball = resolve(process.argv[2] ?? '');
const MAX_PACKED = 350_000;
const problems = [];

const packed = statSync(tarball).size;
console.log(`packed size: ${(packed / 1000).toFixed(1)} KB (limit ${MAX_PACKED / 1000} KB)`);
if (packed > MAX_PACKED) problems.push(`tarball is ${packed} bytes, over ${MAX_PACKED}`);

const dir = mkdtempSync(join(tmpdir(), 'varinf-pack-'));
try {
  execFileSync('tar', ['xzf', tarball, '-C', dir]);
  const pkg = join(dir, 'package');
  const files = [];
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p.slice(pkg.length + 1));
    }
  };
  walk(pkg);
  const allowed = /^(dist\/.*\.(js|d\.ts)|dist\/cjs\/package\.json|README\.md|LICENSE|CHANGELOG\.md|THIRD_PARTY_NOTICES\.md|package\.json)$/;
  for (const f of files) if (!allowed.test(f)) problems.push(`unexpected file in the package: ${f}`);
  console.log(`files: ${files.length}, unpacked ${(files.reduce((s, f) => s + statSync(join(pkg, f)).size, 0) / 1000).toFixed(1)} KB`);

  const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])(\.\.?\/[^'"]*)\1/g;
  const bundled = new Set();
  for (const f of files.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
    const text = readFileSync(join(pkg, f), 'utf8');
    for (const m of text.matchAll(SPEC)) {
      if (!existsSync(join(pkg, dirname(f), m[2]))) problems.push(`${f}: '${m[2]}' is not in the package`);
    }
    for (const m of text.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) bundled.add(m[1]);
  }
  const notices = existsSync(join(pkg, 'THIRD_PARTY_NOTICES.md')) ? readFileSync(join(pkg, 'THIRD_PARTY_NOTICES.md'), 'utf8') : '';
  for (const name of bundled) {
    if (!notices.includes(name)) problems.push(`bundled third-party code from ${name} without its licence in THIRD_PARTY_NOTICES.md`);
  }
  console.log(`bundled third-party packages: ${bundled.size === 0 ? 'none' : [...bundled].join(', ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('package checks passed');
