// Test cases for `npm run eval:import`: one folder per case, in the layout of Mozilla Readability's test pages:
//   <case>/source.html (or .htm, .mhtml, .mht)  the page as saved
//   <case>/expected.html or expected.txt        the article body (HTML, or plain text)
//   <case>/expected-metadata.json               optional, possibly partial: title, byline, siteName, lang, publishedTime…
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage, type DomElement, type DomNode } from '../../electron/services/import/formats/dom';

export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  lang?: string | null;
  publishedTime?: string | null;
  dir?: string | null;
  readerable?: boolean;
}

export interface EvalCase {
  name: string;
  sourcePath: string;
  /** Reference body text; null when the case gives none (its body is then not scored). */
  expectedText: string | null;
  /** Only the keys the file gives; a missing key is not scored, an explicit null is. */
  expected: ExpectedMetadata;
}

const SOURCES = ['source.html', 'source.htm', 'source.mhtml', 'source.mht'];

/** Inline elements: text on either side joins. Every other element separates words. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'nobr',
]);
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head']);

/**
 * Text of an HTML fragment as a reader sees it: words separated at every block boundary and <br>, joined across
 * inline tags. Deliberately independent of the importer's own paragraph code, which is what it measures.
 */
export function htmlToText(html: string): string {
  const document = parsePage(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const parts: string[] = [];
  // 'end' stands for the end tag of a separating element.
  const stack: Array<DomNode | 'end'> = document.body ? [document.body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end') {
      parts.push(' ');
      continue;
    }
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = (node as DomElement).localName.toLowerCase();
    if (INVISIBLE.has(name)) continue;
    if (!INLINE.has(name)) {
      parts.push(' ');
      stack.push('end');
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

function readJson(path: string): ExpectedMetadata {
  if (!existsSync(path)) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as ExpectedMetadata)
    : {};
}

/** Every case folder under dir (sorted by name); folders without a source page are ignored. */
export function loadCases(dir: string): EvalCase[] {
  const cases: EvalCase[] = [];
  for (const name of readdirSync(dir).sort()) {
    const caseDir = join(dir, name);
    if (!statSync(caseDir).isDirectory()) continue;
    const source = SOURCES.find((s) => existsSync(join(caseDir, s)));
    if (!source) continue;
    const html = join(caseDir, 'expected.html');
    const txt = join(caseDir, 'expected.txt');
    const expectedText = existsSync(html)
      ? htmlToText(readFileSync(html, 'utf8'))
      : existsSync(txt)
        ? readFileSync(txt, 'utf8')
        : null;
    cases.push({
      name,
      sourcePath: join(caseDir, source),
      expectedText,
      expected: readJson(join(caseDir, 'expected-metadata.json')),
    });
  }
  return cases;
}
