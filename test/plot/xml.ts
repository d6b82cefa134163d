/**
 * A tiny strict XML well-formedness checker for the SVGs Vega renders: balanced
 * and properly nested tags, well-formed attributes, only valid entity references,
 * a single root element. Returns the decoded text content for assertions.
 */
const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const ATTRIBUTE = new RegExp(`^\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`);

function checkEntities(s: string, where: string): void {
  const stripped = s.replace(ENTITY, '');
  if (stripped.includes('&')) throw new Error(`bad entity reference in ${where}: ${s.slice(0, 80)}`);
}

function decode(s: string): string {
  return s.replace(ENTITY, (e) => {
    switch (e) {
      case '&amp;':
        return '&';
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&quot;':
        return '"';
      case '&apos;':
        return "'";
      default:
        return String.fromCodePoint(e[2] === 'x' ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10));
    }
  });
}

/** Throws unless `xml` is well-formed; returns the root name and the text nodes. */
export function parseXml(xml: string): { root: string; texts: string[]; elements: number } {
  const stack: string[] = [];
  const texts: string[] = [];
  let root = '';
  let elements = 0;
  let i = 0;
  let closedRoot = false;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.length > 0) {
      if (text.includes('>')) throw new Error(`stray ">" in text: ${text.slice(0, 80)}`);
      checkEntities(text, 'text');
      if (text.trim() !== '') {
        if (stack.length === 0) throw new Error(`text outside the root element: ${text.slice(0, 80)}`);
        texts.push(decode(text));
      }
    }
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) throw new Error('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('</', lt)) {
      const m = new RegExp(`^</(${NAME})\\s*>`).exec(xml.slice(lt));
      if (!m) throw new Error(`malformed end tag at ${lt}`);
      const open = stack.pop();
      if (open !== m[1]) throw new Error(`</${m[1]}> closes <${open ?? 'nothing'}> at ${lt}`);
      if (stack.length === 0) closedRoot = true;
      i = lt + m[0].length;
      continue;
    }
    const m = new RegExp(`^<(${NAME})`).exec(xml.slice(lt));
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 40)}`);
    if (closedRoot || (stack.length === 0 && root !== '')) throw new Error('more than one root element');
    let j = lt + m[0].length;
    const seen = new Set<string>();
    for (;;) {
      const a = ATTRIBUTE.exec(xml.slice(j, j + 100_000));
      if (!a) break;
      if (seen.has(a[1])) throw new Error(`duplicate attribute ${a[1]} on <${m[1]}>`);
      seen.add(a[1]);
      checkEntities(a[2] ?? a[3] ?? '', `attribute ${a[1]}`);
      j += a[0].length;
    }
    const close = /^\s*(\/?)>/.exec(xml.slice(j, j + 100));
    if (!close) throw new Error(`malformed start tag <${m[1]}> at ${lt}: ${xml.slice(j, j + 40)}`);
    elements++;
    if (root === '') root = m[1];
    if (close[1] !== '/') stack.push(m[1]);
    else if (stack.length === 0) closedRoot = true;
    i = j + close[0].length;
  }
  if (stack.length > 0) throw new Error(`unclosed elements: ${stack.join(' > ')}`);
  if (root === '') throw new Error('no root element');
  return { root, texts, elements };
}
