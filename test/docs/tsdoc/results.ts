/**
 * Result comments of the TSDoc examples: their grammar, and the comparison of a
 * claimed result with the value the example computes. Used by
 * test/docs/tsdoc-examples.test.ts; the convention is in docs/testing.md.
 *
 * A trailing comment of a statement that starts with a marker is a claim about
 * that statement (the value of an expression statement, or the variable a
 * `const`/`let` declares):
 *
 *   d.cdf(1);          // → 0.2642411176571153   the value, to the digits shown
 *   d.quantile(0.975); // → 2.0880 (rounded)      rounded to 4 decimals; the note is not read
 *   log1mexp(-50);     // ≈ -1.9287e-22           within one unit of the last digit shown
 *   new Normal(0, -1); // throws InvalidParameterError: Normal: sigma must be …
 *   type Z = LatentValue<Exponential>; // → number   (a type alias: the type, checked by the compiler)
 *
 * Values: numbers (`-1.5`, `2.4e-11`, `1.0986…` for truncated digits, `NaN`,
 * `Infinity`), strings in either quotes, `true`, `false`, `null`, `undefined`,
 * arrays `[1, 2]`, typed arrays `Float64Array [1, 2]` or by length `Float64Array(3)`,
 * objects `{ a: 1, b: "x" }` (exactly these keys; a final `…` allows more), and
 * `Name(…)`, compared with `String(value)` (how distributions print). Inside strings
 * and `Name(…)` forms, `…` stands for any text. After the value, a note may follow a
 * space, `,`, `;` or `:`.
 */
import { inspect } from 'node:util';

export type Expected =
  /** `digits`: the significant digits shown, when the value must round to them (→); else within `tol` (≈, a trailing …). */
  | { readonly kind: 'number'; readonly value: number; readonly digits: number | undefined; readonly tol: number; readonly text: string }
  | { readonly kind: 'string'; readonly pattern: string }
  | { readonly kind: 'constant'; readonly value: boolean | null | undefined }
  | { readonly kind: 'array'; readonly typed: string | undefined; readonly items: readonly Expected[]; readonly open: boolean }
  | { readonly kind: 'length'; readonly typed: string; readonly length: number }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Expected])[]; readonly open: boolean }
  | { readonly kind: 'display'; readonly pattern: string };

export type Claim =
  | { readonly kind: 'value'; readonly approx: boolean; readonly expected: Expected; readonly text: string }
  | { readonly kind: 'throws'; readonly name: string; readonly message: string | undefined; readonly text: string }
  | { readonly kind: 'type'; readonly type: string; readonly text: string };

const TYPED = ['Float64Array', 'Float32Array', 'Uint32Array', 'Int32Array', 'Uint8Array'];

class Cursor {
  i = 0;
  constructor(readonly s: string) {}
  get rest(): string {
    return this.s.slice(this.i);
  }
  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  eat(t: string): boolean {
    this.ws();
    if (!this.s.startsWith(t, this.i)) return false;
    this.i += t.length;
    return true;
  }
  fail(what: string): never {
    throw new Error(`${what} at "${this.rest.slice(0, 30)}"`);
  }
}

const NUMBER = /^([-−]?)(?:(Infinity)|(NaN)|(\d+)(?:\.(\d+))?(…)?(?:e([+-]?\d+))?)/;

function parseNumber(c: Cursor, approx: boolean): Expected | undefined {
  c.ws();
  const m = NUMBER.exec(c.rest);
  if (m === null) return undefined;
  const [all, sign, inf, nan, int, frac = '', cut, exp = '0'] = m;
  // A number glued to a letter (`2e`, `3x`) is not a value.
  if (/^[A-Za-z_$]/.test(c.s.slice(c.i + all.length))) return undefined;
  c.i += all.length;
  const neg = sign !== '';
  if (nan !== undefined) return { kind: 'number', value: NaN, digits: undefined, tol: 0, text: all };
  if (inf !== undefined) return { kind: 'number', value: neg ? -Infinity : Infinity, digits: undefined, tol: 0, text: all };
  const value = Number(`${neg ? '-' : ''}${int}.${frac || '0'}e${exp}`);
  const unit = 10 ** (Number(exp) - frac.length);
  // →: the value rounded to the significant digits shown is the shown number (0 shown: within half a unit).
  const digits = `${int}${frac}`.replace(/^0+/, '').length;
  if (!approx && cut === undefined && digits > 0) return { kind: 'number', value, digits, tol: 0, text: all };
  // ≈ and truncated digits (…): within one unit of the last digit shown (plus the shown value's own rounding to binary).
  const units = approx || cut !== undefined ? 1 : 0.5;
  return { kind: 'number', value, digits: undefined, tol: units * unit + Number.EPSILON * Math.abs(value), text: all };
}

function parseString(c: Cursor): Expected | undefined {
  c.ws();
  const q = c.s[c.i];
  if (q !== '"' && q !== "'") return undefined;
  let out = '';
  for (c.i++; c.i < c.s.length && c.s[c.i] !== q; c.i++) {
    if (c.s[c.i] === '\\') {
      c.i++;
      const e = c.s[c.i];
      out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
    } else out += c.s[c.i];
  }
  if (!c.eat(q)) c.fail('unterminated string');
  return { kind: 'string', pattern: out };
}

function parseItems(c: Cursor, close: string, item: () => void): boolean {
  if (c.eat(close)) return false;
  for (;;) {
    if (c.eat('…')) {
      if (!c.eat(close)) c.fail(`expected ${close} after …`);
      return true;
    }
    item();
    if (c.eat(close)) return false;
    if (!c.eat(',')) c.fail(`expected , or ${close}`);
  }
}

function parseArray(c: Cursor, approx: boolean, typed: string | undefined): Expected {
  const items: Expected[] = [];
  const open = parseItems(c, ']', () => items.push(parseValue(c, approx)));
  return { kind: 'array', typed, items, open };
}

function parseValue(c: Cursor, approx: boolean): Expected {
  c.ws();
  const num = parseNumber(c, approx);
  if (num !== undefined) return num;
  const str = parseString(c);
  if (str !== undefined) return str;
  if (c.eat('[')) return parseArray(c, approx, undefined);
  if (c.eat('{')) {
    const entries: [string, Expected][] = [];
    const open = parseItems(c, '}', () => {
      c.ws();
      const key = /^[A-Za-z_$][\w$]*/.exec(c.rest)?.[0] ?? (parseString(c) as { pattern: string } | undefined)?.pattern;
      if (key === undefined) c.fail('expected a key');
      if (/^[A-Za-z_$]/.test(c.rest)) c.i += key.length;
      if (!c.eat(':')) c.fail('expected :');
      entries.push([key, parseValue(c, approx)]);
    });
    return { kind: 'object', entries, open };
  }
  const word = /^[A-Za-z_$][\w$]*/.exec(c.rest)?.[0];
  if (word === undefined) c.fail('expected a value');
  c.i += word.length;
  if (word === 'true' || word === 'false') return { kind: 'constant', value: word === 'true' };
  if (word === 'null') return { kind: 'constant', value: null };
  if (word === 'undefined') return { kind: 'constant', value: undefined };
  if (TYPED.includes(word)) {
    const len = /^\((\d+)\)/.exec(c.rest);
    if (len !== null) {
      c.i += len[0].length;
      return { kind: 'length', typed: word, length: Number(len[1]) };
    }
    if (c.eat('[')) return parseArray(c, approx, word);
    c.fail(`expected (n) or [ after ${word}`);
  }
  if (c.s[c.i] === '(') {
    // Name(…): balanced parentheses, compared with String(value).
    const start = c.i - word.length;
    let depth = 0;
    for (; c.i < c.s.length; c.i++) {
      if (c.s[c.i] === '(') depth++;
      else if (c.s[c.i] === ')' && --depth === 0) break;
    }
    if (depth !== 0) c.fail('unbalanced (');
    c.i++;
    return { kind: 'display', pattern: c.s.slice(start, c.i) };
  }
  return c.fail(`unknown value ${word}`);
}

/** The marker a comment starts with, if it is a claim. */
export function claimMarker(comment: string): '→' | '≈' | 'throws' | undefined {
  const t = comment.replace(/^\/\/\s*/, '');
  if (t.startsWith('→')) return '→';
  if (t.startsWith('≈')) return '≈';
  if (/^throws\s+[A-Z]/.test(t)) return 'throws';
  return undefined;
}

/**
 * Why a trailing comment that is not a claim reads like one (starts with a value,
 * `=>` or `->`), or undefined. Such comments must be marked, or reworded.
 */
export function unmarkedResult(comment: string): string | undefined {
  const t = comment.replace(/^\/\/\s*/, '');
  if (/^(=>|->)/.test(t)) return `"${t.slice(0, 2)}" is not a result marker: write → (or ≈)`;
  if (/^([-−]?\d|NaN\b|-?Infinity\b|true\b|false\b|undefined\b|null\b|["'[{]|(Float64Array|Uint32Array)\b)/.test(t)) {
    return 'reads like a result but has no marker: write // → value (checked), or reword it as prose';
  }
  if (/^[A-Z]\w*Error\b/.test(t)) return 'names an error without a marker: write // throws ErrorName: message';
  return undefined;
}

/** Parses the claim of a marked comment (`// → 0.5 (note)`); throws a readable Error when it does not parse. */
export function parseClaim(comment: string, typeAlias: boolean): Claim {
  const text = comment.replace(/^\/\/\s*/, '');
  const marker = claimMarker(comment);
  if (marker === 'throws') {
    const m = /^throws\s+([A-Za-z_$][\w$]*)(?::\s*(.*))?$/.exec(text);
    if (m === null) throw new Error('expected throws ErrorName or throws ErrorName: message');
    return { kind: 'throws', name: m[1], message: m[2], text };
  }
  if (marker === undefined) throw new Error('not a claim');
  const body = text.slice(1);
  if (typeAlias) {
    if (marker !== '→') throw new Error('a type alias takes → (a type is exact)');
    return { kind: 'type', type: body.trim(), text };
  }
  const c = new Cursor(body);
  const expected = parseValue(c, marker === '≈');
  if (c.i < c.s.length && !/^[\s,;:]/.test(c.rest)) c.fail('a note must follow a space, ",", ";" or ":"');
  return { kind: 'value', approx: marker === '≈', expected, text };
}

/** `pattern` with `…` standing for any text (anchored at both ends). */
export function wildcardMatch(pattern: string, s: string): boolean {
  const parts = pattern.split('…');
  if (parts.length === 1) return s === pattern;
  if (!s.startsWith(parts[0])) return false;
  let at = parts[0].length;
  for (const p of parts.slice(1, -1)) {
    const k = s.indexOf(p, at);
    if (k < 0) return false;
    at = k + p.length;
  }
  const last = parts[parts.length - 1];
  return s.length - last.length >= at && s.endsWith(last);
}

const show = (v: unknown): string => inspect(v, { depth: 4, maxArrayLength: 8, breakLength: Infinity });

/** Where `actual` departs from `expected`, or undefined when it matches. */
export function mismatch(expected: Expected, actual: unknown, path = ''): string | undefined {
  const at = path === '' ? '' : ` at ${path}`;
  switch (expected.kind) {
    case 'number': {
      if (typeof actual !== 'number') return `expected the number ${expected.text}${at}, got ${show(actual)}`;
      if (Number.isNaN(expected.value)) return Number.isNaN(actual) ? undefined : `expected NaN${at}, got ${actual}`;
      if (!Number.isFinite(expected.value)) return actual === expected.value ? undefined : `expected ${expected.text}${at}, got ${actual}`;
      if (expected.digits !== undefined) {
        const rounded = Number.isFinite(actual) ? Number(actual.toPrecision(expected.digits)) : actual;
        return rounded === expected.value ? undefined : `expected ${expected.text}${at} (to ${expected.digits} digits), got ${actual}`;
      }
      const d = Math.abs(actual - expected.value);
      return d <= expected.tol ? undefined : `expected ${expected.text}${at} (± ${expected.tol.toPrecision(2)}), got ${actual}`;
    }
    case 'string':
      return typeof actual === 'string' && wildcardMatch(expected.pattern, actual) ? undefined : `expected "${expected.pattern}"${at}, got ${show(actual)}`;
    case 'constant':
      return actual === expected.value ? undefined : `expected ${String(expected.value)}${at}, got ${show(actual)}`;
    case 'display': {
      const s = typeof actual === 'object' && actual !== null ? String(actual) : undefined;
      return s !== undefined && wildcardMatch(expected.pattern, s) ? undefined : `expected ${expected.pattern}${at}, got ${s ?? show(actual)}`;
    }
    case 'length': {
      const ok = ArrayBuffer.isView(actual) && actual.constructor.name === expected.typed && (actual as unknown as ArrayLike<number>).length === expected.length;
      return ok ? undefined : `expected ${expected.typed}(${expected.length})${at}, got ${show(actual)}`;
    }
    case 'array': {
      const isTyped = ArrayBuffer.isView(actual);
      const kindOk = expected.typed === undefined ? Array.isArray(actual) : isTyped && actual.constructor.name === expected.typed;
      if (!kindOk) return `expected ${expected.typed ?? 'an Array'}${at}, got ${show(actual)}`;
      const arr = actual as ArrayLike<unknown>;
      if (expected.open ? arr.length < expected.items.length : arr.length !== expected.items.length) {
        return `expected ${expected.open ? 'at least ' : ''}${expected.items.length} items${at}, got ${arr.length}: ${show(actual)}`;
      }
      for (let i = 0; i < expected.items.length; i++) {
        const m = mismatch(expected.items[i], arr[i], `${path}[${i}]`);
        if (m !== undefined) return m;
      }
      return undefined;
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null) return `expected an object${at}, got ${show(actual)}`;
      const rec = actual as Record<string, unknown>;
      if (!expected.open) {
        const want = expected.entries.map(([k]) => k).sort();
        const got = Object.keys(rec).sort();
        if (want.join() !== got.join()) return `expected the keys {${want.join(', ')}}${at}, got {${got.join(', ')}}`;
      }
      for (const [k, v] of expected.entries) {
        if (!(k in rec)) return `expected a key ${k}${at}, got ${show(actual)}`;
        const m = mismatch(v, rec[k], path === '' ? k : `${path}.${k}`);
        if (m !== undefined) return m;
      }
      return undefined;
    }
  }
}

/** Whether `error` is (or inherits from) the error named `name`, and its message matches. */
export function throwsMismatch(claim: { name: string; message: string | undefined }, error: unknown): string | undefined {
  if (!(error instanceof Error)) return `expected to throw ${claim.name}, threw ${show(error)}`;
  const names: string[] = [error.name];
  for (let p = Object.getPrototypeOf(error) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    names.push((p as { constructor: { name: string } }).constructor.name);
  }
  if (!names.includes(claim.name)) return `expected to throw ${claim.name}, threw ${error.name}: ${error.message}`;
  if (claim.message !== undefined && !wildcardMatch(claim.message, error.message)) {
    return `expected the message "${claim.message}", got "${error.message}"`;
  }
  return undefined;
}
