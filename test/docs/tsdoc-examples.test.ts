/**
 * Every ```ts block of the TSDoc comments of src/ (the `@example`s) compiles, and
 * runs with the results its comments claim.
 *
 * Each block becomes its own module under scratch/tsdoc-examples/, with automatic
 * imports (test/docs/tsdoc/modules.ts, `buildExample`): a name the block uses but
 * neither declares nor imports comes from the block's own source file when that file
 * exports it, else from the public entry point that exports it (`varinf`,
 * `varinf/vi`, `varinf/plot`, `varinf/testing`, mapped to src/ by `paths`). One
 * TypeScript program typechecks all of them with the options of tsconfig.json.
 *
 * Then every block not fenced ```ts typecheck-only <reason> is run, and each result
 * comment (`// → value`, `// ≈ value`, `// throws ErrorName: message`; grammar in
 * test/docs/tsdoc/results.ts, convention in docs/testing.md) is checked against the
 * value the statement it trails computes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractExamples, sourceFiles, type TsdocExample } from './tsdoc/extract';
import { buildExample, ENTRY_POINTS, exportsOf, type BuiltExample } from './tsdoc/modules';
import { mismatch, throwsMismatch } from './tsdoc/results';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, 'scratch', 'tsdoc-examples');

/**
 * Blocks known to fail, skipped until fixed: empty, every block is compiled and run.
 * An entry is only for a block in a file another change is rewriting at the same
 * time. Key: `file symbol` (`#k` for a symbol's k-th block); value: the diagnostic.
 */
const PENDING: Readonly<Record<string, string>> = {};

const examples: TsdocExample[] = sourceFiles(join(root, 'src')).flatMap((p) => extractExamples(root, p));
const checked = examples.filter((e) => PENDING[e.key] === undefined);
const moduleName = (e: TsdocExample): string => `${e.file.replace(/^src\//, '').replace(/[/.]/g, '_')}_${e.line}`;
const label = (e: TsdocExample): string => `${e.file}:${e.line} ${e.symbol}`;

/** tsconfig.json's options, with the entry points mapped to src/ as in tsconfig's `paths`. */
function compilerOptions(): ts.CompilerOptions {
  const cfg = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, root);
  return {
    ...parsed.options,
    noEmit: true,
    // An example shows a call and its result in a comment; the result need not be used.
    noUnusedLocals: false,
    noUnusedParameters: false,
  };
}

interface Outcome {
  readonly built: BuiltExample;
  readonly file: string;
  readonly diagnostics: readonly string[];
}

const outcomes = new Map<TsdocExample, Outcome>();

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  // Both programs share every parsed file (src/, the libs): the second parses only the examples.
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError, create) => {
    if (!parsed.has(file)) parsed.set(file, read(file, language, onError, create));
    return parsed.get(file);
  };
  // The exports of every source file (for a block's own file) and of the entry points.
  const srcFiles = sourceFiles(join(root, 'src'));
  const base = ts.createProgram(srcFiles, options, host);
  const checker = base.getTypeChecker();
  const exportsByFile = new Map(srcFiles.map((f) => [f, exportsOf(checker, base.getSourceFile(f)!)]));
  const entries = ENTRY_POINTS.map(([, f]) => exportsByFile.get(join(root, f))!);

  // vega-embed is not a dependency: the plot examples that call it typecheck against this stub.
  const stub = join(outDir, 'vega-embed.d.ts');
  writeFileSync(stub, "declare module 'vega-embed' {\n  export default function vegaEmbed(el: string | HTMLElement, spec: object): Promise<unknown>;\n}\n");

  const files: string[] = [stub];
  for (const e of checked) {
    const built = buildExample(e.code, e.file, { root, outDir, entries, own: exportsByFile.get(join(root, e.file))! });
    const file = join(outDir, `${moduleName(e)}.ts`);
    writeFileSync(file, built.checked);
    writeFileSync(join(outDir, `${moduleName(e)}.run.ts`), built.run);
    files.push(file);
    outcomes.set(e, { built, file, diagnostics: [] });
  }
  const program = ts.createProgram(files, options, host, base);
  for (const e of checked) {
    const o = outcomes.get(e)!;
    const sf = program.getSourceFile(o.file)!;
    const at = (blockLine: number): string => `${e.file}:${e.line + 1 + blockLine} (${e.symbol})`;
    const ds = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => {
      const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line - o.built.header;
      return `${at(Math.max(line, 0))}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    // A block that is not run must not claim results: nothing would check them.
    const unchecked = e.typecheckOnly === undefined ? [] : o.built.claims.filter((c) => c.claim.kind !== 'type');
    const problems = [...o.built.problems, ...unchecked.map((c) => ({ line: c.line, message: `"// ${c.claim.text}": a typecheck-only block is not run, so it cannot claim a result` }))];
    outcomes.set(e, { ...o, diagnostics: [...problems.map((p) => `${at(p.line)}: ${p.message}`), ...ds] });
  }
  // Every diagnostic in one file, for fixing many blocks at once.
  writeFileSync(join(outDir, 'diagnostics.txt'), checked.flatMap((e) => outcomes.get(e)!.diagnostics).join('\n'));
}, 120_000);

describe('TSDoc examples of src/', () => {
  it('finds the blocks, each attached to a declaration; typecheck-only blocks give a reason; PENDING names real blocks', () => {
    expect(examples.length).toBeGreaterThan(400);
    expect(examples.filter((e) => e.symbol === '(no declaration)').map(label)).toEqual([]);
    expect(examples.filter((e) => e.typecheckOnly !== undefined && e.typecheckOnly.trim() === '').map(label)).toEqual([]);
    const keys = new Set(examples.map((e) => e.key));
    expect(Object.keys(PENDING).filter((k) => !keys.has(k))).toEqual([]);
  });

  it.each(checked.map((e) => [label(e), e] as const))('%s compiles', (_name, e) => {
    expect(outcomes.get(e)!.diagnostics).toEqual([]);
  });

  it.skip.each(Object.entries(PENDING))('PENDING %s: %s', () => {});
});

describe('TSDoc examples of src/, run', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const runnable = checked.filter((e) => e.typecheckOnly === undefined);
  it.each(runnable.map((e) => [label(e), e] as const))('%s runs, and its → ≈ throws comments hold', async (name, e) => {
    const o = outcomes.get(e)!;
    expect(o.diagnostics, `${name} does not compile`).toEqual([]);
    const got = new Map<number, { value: unknown } | { threw: boolean; error?: unknown }>();
    (globalThis as { __tsdoc?: unknown }).__tsdoc = {
      value: (k: number, v: unknown) => got.set(k, { value: v }),
      throws: (k: number, f: () => void) => {
        try {
          f();
          got.set(k, { threw: false });
        } catch (error) {
          got.set(k, { threw: true, error });
        }
      },
    };
    for (const m of ['log', 'info', 'warn', 'error', 'table'] as const) vi.spyOn(console, m).mockImplementation(() => {});
    try {
      await import(pathToFileURL(join(outDir, `${moduleName(e)}.run.ts`)).href);
    } catch (error) {
      throw new Error(`${name} throws: ${String(error)}`, { cause: error });
    }
    const faults: string[] = [];
    o.built.claims.forEach(({ line, claim }, k) => {
      if (claim.kind === 'type') return undefined; // checked by the compiler
      const where = `${e.file}:${e.line + 1 + line} (${e.symbol}) // ${claim.text}`;
      const r = got.get(k);
      if (r === undefined) return faults.push(`${where}: the statement never ran`);
      if (claim.kind === 'throws') {
        const why = 'threw' in r ? (r.threw ? throwsMismatch(claim, r.error) : `expected to throw ${claim.name}, but it returned`) : 'not run';
        if (why !== undefined) faults.push(`${where}: ${why}`);
      } else if (claim.kind === 'value' && 'value' in r) {
        const why = mismatch(claim.expected, r.value);
        if (why !== undefined) faults.push(`${where}: ${why}`);
      }
      return undefined;
    });
    expect(faults).toEqual([]);
  });
});
