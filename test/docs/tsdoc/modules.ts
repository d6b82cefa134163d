/**
 * Turns a TSDoc example into modules: the one the compiler checks (the block with
 * its automatic imports) and the one the test runs (the same, with each claimed
 * result captured). Used by test/docs/tsdoc-examples.test.ts.
 */
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { claimMarker, parseClaim, unmarkedResult, type Claim } from './results';

/** The public entry points, in the order a name is looked up in. */
export const ENTRY_POINTS = [
  ['varinf', 'src/index.ts'],
  ['varinf/vi', 'src/vi/index.ts'],
  ['varinf/plot', 'src/plot/index.ts'],
  ['varinf/testing', 'src/testing/index.ts'],
] as const;

/** The names a module exports, each marked as a value or a type only, and the declaration it stands for. */
export type ExportTable = ReadonlyMap<string, { readonly value: boolean; readonly target: ts.Symbol }>;

/** The exports of a source file, read through the checker. */
export function exportsOf(checker: ts.TypeChecker, sf: ts.SourceFile): ExportTable {
  const out = new Map<string, { value: boolean; target: ts.Symbol }>();
  const ms = checker.getSymbolAtLocation(sf);
  if (ms === undefined) return out;
  for (const s of checker.getExportsOfModule(ms)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    out.set(s.name, { value: (target.flags & ts.SymbolFlags.Value) !== 0, target });
  }
  return out;
}

export interface ClaimSite {
  /** 0-based line of the claim's comment in the block. */
  readonly line: number;
  readonly claim: Claim;
}

export interface BuiltExample {
  /** The module the compiler checks. */
  readonly checked: string;
  /** The module the test runs: `checked` with `__tsdoc.value(k, …)` / `__tsdoc.throws(k, …)` around each claimed statement. */
  readonly run: string;
  /** Lines added above the block (the automatic imports): block line = module line − header. */
  readonly header: number;
  /** The claims, by index k. */
  readonly claims: readonly ClaimSite[];
  /** What the block imports automatically: `name from 'varinf'`. */
  readonly autoImports: readonly string[];
  /** Faults found before compiling (grammar of the claims, ambiguous names, an empty block), each with its 0-based block line. */
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

/** Names the block declares anywhere (any scope) or imports. */
function declaredNames(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) out.add(name.text);
    else for (const e of name.elements) if (!ts.isOmittedExpression(e)) bind(e.name);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n)) bind(n.name);
    else if (
      (ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isFunctionExpression(n) || ts.isClassExpression(n)) &&
      n.name !== undefined
    ) {
      out.add(n.name.text);
    } else if (ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n) || ts.isEnumDeclaration(n) || ts.isTypeParameterDeclaration(n)) {
      out.add(n.name.text);
    } else if (ts.isImportClause(n) && n.name !== undefined) out.add(n.name.text);
    else if (ts.isNamespaceImport(n) || ts.isImportSpecifier(n)) out.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Identifiers the block uses as references (not as property names or keys). */
function referencedNames(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const isName =
        (ts.isPropertyAccessExpression(p) && p.name === n) ||
        (ts.isQualifiedName(p) && p.right === n) ||
        ((ts.isPropertyAssignment(p) ||
          ts.isPropertySignature(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isMethodDeclaration(p) ||
          ts.isMethodSignature(p) ||
          ts.isGetAccessorDeclaration(p) ||
          ts.isSetAccessorDeclaration(p) ||
          ts.isEnumMember(p)) &&
          p.name === n) ||
        (ts.isBindingElement(p) && p.propertyName === n) ||
        ts.isImportSpecifier(p) ||
        ts.isExportSpecifier(p) ||
        ts.isLabeledStatement(p) ||
        ts.isBreakOrContinueStatement(p) ||
        ts.isMetaProperty(p);
      if (!isName) out.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Statements a claim can be attached to. */
type Claimable = ts.ExpressionStatement | ts.VariableStatement | ts.TypeAliasDeclaration;

function claimables(sf: ts.SourceFile): Claimable[] {
  const out: Claimable[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isExpressionStatement(n) || ts.isVariableStatement(n) || ts.isTypeAliasDeclaration(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Every `//` comment of the block, with its position (read from the parsed tree, so strings and templates are skipped). */
function lineComments(sf: ts.SourceFile): { pos: number; end: number; text: string }[] {
  const found = new Map<number, { pos: number; end: number; text: string }>();
  const collect = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) {
      if (r.kind === ts.SyntaxKind.SingleLineCommentTrivia) found.set(r.pos, { pos: r.pos, end: r.end, text: sf.text.slice(r.pos, r.end) });
    }
  };
  const visit = (n: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(sf.text, n.pos));
    collect(ts.getTrailingCommentRanges(sf.text, n.end));
    for (const c of n.getChildren(sf)) visit(c);
  };
  visit(sf);
  return [...found.values()].sort((a, b) => a.pos - b.pos);
}

function posix(p: string): string {
  return p.split('\\').join('/');
}

/** A module specifier from `fromDir` to `file` (extension dropped). */
function specifier(fromDir: string, file: string): string {
  const r = posix(relative(fromDir, file)).replace(/\.ts$/, '');
  return r.startsWith('.') ? r : `./${r}`;
}

export interface BuildContext {
  readonly root: string;
  /** The directory the modules are written to. */
  readonly outDir: string;
  /** The exports of each entry point, in ENTRY_POINTS order. */
  readonly entries: readonly ExportTable[];
  /** The exports of the example's own source file. */
  readonly own: ExportTable;
}

/**
 * The modules of one block. Automatic imports: every name the block uses and
 * neither declares nor imports is imported from the block's own source file when
 * that file exports it, else from the one public entry point that exports it
 * (varinf, varinf/vi, varinf/plot, varinf/testing; the same declaration exported by
 * several counts once). A name two entry points export as different declarations
 * is not imported: the block must import it. Relative imports in a block resolve
 * from its own source file.
 */
export function buildExample(code: string, file: string, ctx: BuildContext): BuiltExample {
  const sf = ts.createSourceFile('block.ts', code, ts.ScriptTarget.Latest, true);
  const problems: { line: number; message: string }[] = [];
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line;
  if (sf.statements.length === 0) problems.push({ line: 0, message: 'the block has no code (only comments): show the call it documents' });

  // Automatic imports.
  const declared = declaredNames(sf);
  const byModule = new Map<string, string[]>();
  const autoImports: string[] = [];
  const add = (spec: string, name: string, value: boolean): void => {
    byModule.set(spec, [...(byModule.get(spec) ?? []), value ? name : `type ${name}`]);
    autoImports.push(`${name} from '${spec}'`);
  };
  for (const name of [...referencedNames(sf)].filter((n) => !declared.has(n)).sort()) {
    const own = ctx.own.get(name);
    if (own !== undefined) {
      add(specifier(ctx.outDir, join(ctx.root, file)), name, own.value);
      continue;
    }
    const hits = ENTRY_POINTS.map(([spec], i) => [spec, ctx.entries[i].get(name)] as const).filter(([, e]) => e !== undefined);
    const targets = new Set(hits.map(([, e]) => e!.target));
    if (targets.size > 1) {
      const first = sf.getText().search(new RegExp(`\\b${name}\\b`));
      problems.push({ line: lineOf(Math.max(first, 0)), message: `${name} is exported by ${hits.map(([s]) => s).join(' and ')} as different things: import it explicitly` });
    } else if (hits.length > 0) add(hits[0][0], name, hits[0][1]!.value);
  }
  // The run module imports src/ itself: a bare `varinf` would resolve to the built package (a second copy of every class).
  const runSpec = (spec: string): string => {
    const entry = ENTRY_POINTS.find(([s]) => s === spec);
    return entry === undefined ? spec : specifier(ctx.outDir, join(ctx.root, entry[1]));
  };
  const header = (forRun: boolean): string[] =>
    [...byModule].map(([spec, names]) => `import { ${names.join(', ')} } from '${forRun ? runSpec(spec) : spec}';`);

  // Edits of the block text: relative import specifiers, claims.
  const checkedEdits: { pos: number; end: number; text: string }[] = [];
  const runEdits: { pos: number; end: number; text: string }[] = [];
  for (const st of sf.statements) {
    if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier !== undefined && ts.isStringLiteral(st.moduleSpecifier)) {
      const spec = st.moduleSpecifier.text;
      const e = { pos: st.moduleSpecifier.getStart(sf), end: st.moduleSpecifier.end };
      if (spec.startsWith('.')) {
        const text = `'${specifier(ctx.outDir, resolve(dirname(join(ctx.root, file)), spec))}'`;
        checkedEdits.push({ ...e, text });
        runEdits.push({ ...e, text });
      }
      else if (runSpec(spec) !== spec) runEdits.push({ ...e, text: `'${runSpec(spec)}'` });
    }
  }

  const claims: ClaimSite[] = [];
  const statements = claimables(sf);
  for (const c of lineComments(sf)) {
    const line = lineOf(c.pos);
    // The statement the comment trails: the last one ending on its line, before it.
    const owner = statements
      .filter((s) => s.end <= c.pos && lineOf(s.end) === line && sf.text.slice(s.end, c.pos).trim() === '')
      .sort((a, b) => b.end - a.end || a.getStart(sf) - b.getStart(sf))[0];
    const marker = claimMarker(c.text);
    if (marker === undefined) {
      // A comment after code on its line may be read as that code's result: it must not look like one unmarked.
      const afterCode = sf.text.slice(sf.getPositionOfLineAndCharacter(line, 0), c.pos).trim() !== '';
      const why = afterCode ? unmarkedResult(c.text) : undefined;
      if (why !== undefined) problems.push({ line, message: `"${c.text}": ${why}` });
      continue;
    }
    if (owner === undefined) {
      problems.push({ line, message: `"${c.text}": a claim must trail the statement it is about, on the line where that statement ends` });
      continue;
    }
    let claim: Claim;
    try {
      claim = parseClaim(c.text, ts.isTypeAliasDeclaration(owner));
    } catch (e) {
      problems.push({ line, message: `"${c.text}": ${(e as Error).message}` });
      continue;
    }
    const k = claims.length;
    const start = owner.getStart(sf);
    if (claim.kind === 'type') {
      if (!ts.isTypeAliasDeclaration(owner) || owner.typeParameters !== undefined) {
        problems.push({ line, message: `"${c.text}": a type claim needs a type alias without type parameters` });
        continue;
      }
      // On the alias's line, so a failure points there.
      const assertion = ` const __tsdocType${k}: __TsdocEqual<${owner.name.text}, ${claim.type}> = true;`;
      checkedEdits.push({ pos: owner.end, end: owner.end, text: assertion });
      runEdits.push({ pos: owner.end, end: owner.end, text: assertion });
    } else if (claim.kind === 'throws') {
      runEdits.push({ pos: start, end: owner.end, text: `__tsdoc.throws(${k}, () => { ${sf.text.slice(start, owner.end)} });` });
    } else if (ts.isExpressionStatement(owner)) {
      runEdits.push({ pos: start, end: owner.end, text: `__tsdoc.value(${k}, (${owner.expression.getText(sf)}));` });
    } else if (ts.isVariableStatement(owner) && owner.declarationList.declarations.length === 1 && ts.isIdentifier(owner.declarationList.declarations[0].name)) {
      runEdits.push({ pos: owner.end, end: owner.end, text: ` __tsdoc.value(${k}, ${owner.declarationList.declarations[0].name.text});` });
    } else {
      problems.push({ line, message: `"${c.text}": a value claim needs an expression statement or a declaration of one variable` });
      continue;
    }
    claims.push({ line, claim });
  }

  const apply = (edits: { pos: number; end: number; text: string }[]): string => {
    let out = sf.text;
    const sorted = [...edits].sort((a, b) => b.pos - a.pos || b.end - a.end);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].end > sorted[i - 1].pos) throw new Error(`overlapping claims near block line ${lineOf(sorted[i].pos) + 1}`);
    }
    for (const e of sorted) out = out.slice(0, e.pos) + e.text + out.slice(e.end);
    return out;
  };
  const typeHelper = claims.some((c) => c.claim.kind === 'type')
    ? '\ntype __TsdocEqual<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;'
    : '';
  const wrap = (head: string[], body: string): string => `${head.map((l) => `${l}\n`).join('')}${body}${typeHelper}\nexport {};\n`;
  let checked = '';
  let run = '';
  try {
    checked = wrap(header(false), apply(checkedEdits));
    run = wrap(header(true), apply(runEdits));
  } catch (e) {
    problems.push({ line: 0, message: (e as Error).message });
  }
  return { checked, run, header: byModule.size, claims, autoImports, problems };
}
