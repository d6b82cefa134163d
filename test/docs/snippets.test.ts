/**
 * Every ```ts block of README.md and docs/*.md compiles as written: each block is
 * written to its own module under scratch/snippets/, and one TypeScript program
 * typechecks them all against src/, with `varinf`, `varinf/vi`, `varinf/plot` and
 * `varinf/testing` mapped to src/ by `paths` (what a user's import resolves to, before the build).
 *
 * A block is a complete module: its imports and the model it uses are written out.
 * An intentional fragment (a few lines shown inside a larger context, e.g. one
 * property of an options object) is fenced ```ts fragment and skipped; keep those
 * rare: a fragment can go stale without any test noticing. Blocks fenced with
 * another language (```sh, ```text) are not TypeScript and are not read.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'scratch', 'snippets');

interface Snippet {
  /** `README.md:12`: the markdown file and the line of the opening fence. */
  readonly where: string;
  readonly code: string;
  readonly fragment: boolean;
  readonly file: string;
}

/** The ```ts (or ```typescript) blocks of one markdown file, in order. */
function extract(mdPath: string): Snippet[] {
  const lines = readFileSync(mdPath, 'utf8').split('\n');
  const rel = relative(root, mdPath);
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ts|typescript)\b(.*)$/.exec(lines[i]);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    const n = out.length;
    out.push({
      where: `${rel}:${start + 1}`,
      // `export {}` makes every block its own module, so blocks may reuse names.
      code: `${body.join('\n')}\nexport {};\n`,
      fragment: /\bfragment\b/.test(open[2]),
      file: join(outDir, `${rel.replace(/[/.]/g, '_')}_${n}.ts`),
    });
  }
  return out;
}

const markdown = [join(root, 'README.md'), ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'docs', f))];
const snippets = markdown.flatMap(extract);
const checked = snippets.filter((s) => !s.fragment);

/** The compiler options of tsconfig.json, with the package's entry points mapped to src/. */
function compilerOptions(): ts.CompilerOptions {
  const cfg = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, root);
  return {
    ...parsed.options,
    noEmit: true,
    // A snippet shows a call and its result in a comment; the result need not be used.
    noUnusedLocals: false,
    noUnusedParameters: false,
    baseUrl: root,
    paths: {
      varinf: ['src/index.ts'],
      'varinf/vi': ['src/vi/index.ts'],
      'varinf/plot': ['src/plot/index.ts'],
      'varinf/testing': ['src/testing/index.ts'],
    },
  };
}

describe('README.md and docs/*.md: every ts block compiles', () => {
  const diagnostics = new Map<string, string[]>();

  beforeAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    for (const s of checked) writeFileSync(s.file, s.code);
    const program = ts.createProgram(
      checked.map((s) => s.file),
      compilerOptions(),
    );
    for (const s of checked) {
      const sf = program.getSourceFile(s.file)!;
      const ds = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
      diagnostics.set(
        s.file,
        ds.map((d) => {
          const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line;
          const [md, fence] = s.where.split(':');
          // The snippet's line in the markdown: the fence line plus the offset in the block.
          return `${md}:${Number(fence) + 1 + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
        }),
      );
    }
  }, 120_000);

  it('finds the blocks (README and getting-started have some), and fragments are rare', () => {
    expect(checked.some((s) => s.where.startsWith('README.md'))).toBe(true);
    expect(checked.some((s) => s.where.startsWith('docs/getting-started.md'))).toBe(true);
    // Fragments go unchecked: at most one in ten blocks may be one.
    expect(snippets.length - checked.length).toBeLessThanOrEqual(Math.floor(snippets.length / 10));
  });

  it.each(checked.map((s) => [s.where, s] as const))('%s compiles', (_where, s) => {
    expect(diagnostics.get(s.file)).toEqual([]);
  });
});
