// A small, forgiving XML tokenizer for the machine-written XML inside office packages (ODF content.xml and
// meta.xml, OOXML docProps/core.xml). It yields start tags, end tags and decoded text; comments, processing
// instructions and doctypes are skipped. It checks only that tags are well formed and balanced, and never
// recurses, so hostile nesting costs nothing.
import { ImportRefusal } from '../refusal';

export type XmlToken =
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? m;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD';
  });
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const NAME = /^[A-Za-z_][\w.:-]*$/;

export function* xmlTokens(xml: string): Generator<XmlToken> {
  /** Open elements, to report mismatched or unclosed tags (a truncated or hand-broken part). */
  const stack: string[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      yield { type: 'text', text: decodeEntities(xml.slice(i)) };
      break;
    }
    if (lt > i) yield { type: 'text', text: decodeEntities(xml.slice(i, lt)) };
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) throw new ImportRefusal('damaged XML (unterminated CDATA)');
      yield { type: 'text', text: xml.slice(lt + 9, end) };
      i = end + 3;
      continue;
    }
    const close = xml.startsWith('<!--', lt) ? '-->' : '>';
    const gt = xml.indexOf(close, lt + 1);
    if (gt < 0) throw new ImportRefusal('damaged XML (unterminated tag)');
    i = gt + close.length;
    const c = xml[lt + 1];
    if (c === '!' || c === '?') continue;
    const tag = xml.slice(lt + 1, gt);
    if (c === '/') {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) throw new ImportRefusal('damaged XML (mismatched tags)');
      yield { type: 'close', name };
      continue;
    }
    const name = tag.match(/^[^\s/>]+/)?.[0];
    if (!name || !NAME.test(name)) throw new ImportRefusal('damaged XML (bad tag)');
    const attrs: Record<string, string> = {};
    for (const m of tag.slice(name.length).matchAll(ATTR)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
    const selfClosing = tag.endsWith('/');
    if (!selfClosing) stack.push(name);
    yield { type: 'open', name, attrs, selfClosing };
  }
  if (stack.length > 0) throw new ImportRefusal('damaged XML (unclosed tags)');
}

/** Text of the first element of each wanted name (a flat metadata file such as meta.xml or core.xml). */
export function xmlFields(xml: string, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let current: string | null = null;
  let buf = '';
  for (const t of xmlTokens(xml)) {
    if (t.type === 'open' && !t.selfClosing && names.includes(t.name) && !(t.name in out)) {
      current = t.name;
      buf = '';
    } else if (t.type === 'text' && current) buf += t.text;
    else if (t.type === 'close' && t.name === current) {
      out[current] = buf.trim();
      current = null;
    }
  }
  return out;
}
