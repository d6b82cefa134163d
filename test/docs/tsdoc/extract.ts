/**
 * The ```ts blocks of the TSDoc comments of src/: where each is (file, symbol,
 * line), its code, and its fence options. Used by test/docs/tsdoc-examples.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface TsdocExample {
  /** The source file, relative to the repository root: `src/distributions/normal.ts`. */
  readonly file: string;
  /** The documented declaration: `Normal`, `Normal.logPdf`, `limits.maxArrayLength`, `(module)`. */
  readonly symbol: string;
  /** `file symbol`, with `#k` appended for the k-th block (k ≥ 2) of the same symbol: the key of `PENDING`. */
  readonly key: string;
  /** The 1-based line of the opening fence in the source file. */
  readonly line: number;
  /** The block's body with the comment's ` * ` prefixes removed. */
  readonly code: string;
  /** The reason given after `typecheck-only` on the fence, or undefined when the block runs. */
  readonly typecheckOnly: string | undefined;
}

/** Every .ts file under `dir`, sorted, so the examples come in a fixed order. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The name a declaration contributes to a symbol path, if any. */
function declarationName(node: ts.Node): string | undefined {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (
    ts.isClassDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isEnumMember(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isVariableDeclaration(node)
  ) {
    return node.name?.getText();
  }
  return undefined;
}

/** `Outer.inner` for the declaration a doc comment is attached to. */
function symbolPath(node: ts.Node): string {
  const own = ts.isVariableStatement(node) ? node.declarationList.declarations.map((d) => d.name.getText()).join(', ') : declarationName(node);
  const parts = own === undefined ? [] : [own];
  for (let n = node.parent; n !== undefined && !ts.isSourceFile(n); n = n.parent) {
    const name = declarationName(n);
    if (name !== undefined) parts.unshift(name);
  }
  return parts.length > 0 ? parts.join('.') : '(anonymous)';
}

/** The symbol of every doc comment of the file, by the comment's start offset. */
function docSymbols(sf: ts.SourceFile): Map<number, string> {
  const out = new Map<number, string>();
  const visit = (node: ts.Node): void => {
    // `jsDoc` is the parser's list of the doc comments attached to a node.
    const docs = (node as { jsDoc?: readonly ts.JSDoc[] }).jsDoc;
    for (const doc of docs ?? []) {
      const isModule = (doc.tags ?? []).some((t) => t.tagName.text === 'packageDocumentation' || t.tagName.text === 'module');
      out.set(doc.getStart(sf), isModule ? '(module)' : symbolPath(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * The ```ts (or ```typescript) blocks of the doc comments of one file, in order.
 * A fence may carry `typecheck-only <reason>`: the block is typechecked but not run.
 */
export function extractExamples(root: string, path: string): TsdocExample[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(root, path).split('\\').join('/');
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const symbols = docSymbols(sf);
  const out: TsdocExample[] = [];
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const start = m.index;
    const firstLine = sf.getLineAndCharacterOfPosition(start).line;
    const symbol = symbols.get(start) ?? '(no declaration)';
    const lines = m[0].split('\n').map((l) => l.replace(/^\s*\/?\*\*?\/? ?/, ''));
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(ts|typescript)\b(.*)$/.exec(lines[i]);
      if (open === null) continue;
      const at = i;
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
      const info = open[2].trim();
      const only = /^typecheck-only\b[\s:]*(.*)$/.exec(info);
      const n = (seen.get(symbol) ?? 0) + 1;
      seen.set(symbol, n);
      out.push({
        file,
        symbol,
        key: `${file} ${symbol}${n > 1 ? `#${n}` : ''}`,
        line: firstLine + at + 1,
        code: body.join('\n'),
        typecheckOnly: only === null ? undefined : only[1],
      });
    }
  }
  return out;
}
