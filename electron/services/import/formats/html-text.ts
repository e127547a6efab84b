// Readability's article element → plain-text paragraphs. Block elements (p, li, blockquote, headings, pre,
// table cells…) end a paragraph; inline elements join; HTML whitespace collapses; <br> is a line break inside
// the paragraph. The walk is iterative, so a page nested 10,000 levels deep cannot overflow the stack.
import { cleanInline } from '../text/line-helpers';
import {
  CDATA_SECTION_NODE as CDATA,
  ELEMENT_NODE as ELEMENT,
  TEXT_NODE as TEXT,
  type DomElement,
  type DomNode,
} from './dom';

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'listing',
  'plaintext',
  'xmp',
  'frameset',
  'noframes',
]);

/** Elements whose text is never article text (code, widgets, media fallbacks). */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'button',
  'input',
  'select',
  'option',
  'textarea',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'img',
  'picture',
  'svg',
]);

const PRE = new Set(['pre', 'listing', 'plaintext', 'xmp', 'textarea']);
const CELL = new Set(['td', 'th']);
/** Marks a line break in the paragraph being built; private-use, removed from page text beforehand. */
const BR = '\ue000';

const nameOf = (el: DomElement) => (el.localName || el.tagName || '').toLowerCase();

/** A table row whose cells hold only inline content reads best as one line: "Rome | 12 | 3". */
function isSimpleRow(tr: DomElement): boolean {
  const cells = Array.from(tr.children).filter((c) => CELL.has(nameOf(c)));
  if (cells.length < 2) return false;
  for (const cell of cells) {
    for (const d of Array.from(cell.querySelectorAll('*')))
      if (BLOCKS.has(nameOf(d)) || nameOf(d) === 'br') return false;
  }
  return true;
}

/** One paragraph's raw text → clean lines joined by "\n"; "" when nothing but whitespace is left. */
function finish(raw: string): string {
  const lines: string[] = [];
  for (const line of raw.split(BR)) {
    const clean = cleanInline(line.replace(/[ \t\n\r\f]+/g, ' '));
    if (clean) lines.push(clean);
  }
  return lines.join('\n');
}

/**
 * Paragraphs of an article element. Captions, share bars and other boilerplate the markup names have been
 * taken out beforehand (html-boilerplate.ts); what is left is read as it stands.
 */
export function contentToParagraphs(root: DomElement): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (buf.length === 0) return;
    const p = finish(buf.join(''));
    buf = [];
    // A paragraph of bullets or separators alone ("•", "|", "* * *") carries no text.
    if (p && /[\p{L}\p{N}]/u.test(p)) out.push(p);
  };
  let preDepth = 0;
  /** Cell texts of the simple table row being read, or null outside one. */
  let row: string[] | null = null;
  // Explicit stack: a node to enter, or the element whose end tag we reached.
  const stack: Array<{ node: DomNode; exit: boolean }> = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const text = (node.nodeValue ?? '').replaceAll(BR, '');
      buf.push(preDepth > 0 ? text.replace(/\r\n?|\n/g, BR) : text);
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const el = node as DomElement;
    const name = nameOf(el);
    if (exit) {
      if (PRE.has(name)) preDepth--;
      if (row && CELL.has(name)) {
        const cell = finish(buf.join(''));
        buf = [];
        if (cell) row.push(cell.replace(/\n/g, ' '));
      } else if (row && name === 'tr') {
        buf = [row.join(' | ')];
        row = null;
        flush();
      } else if (BLOCKS.has(name)) flush();
      continue;
    }
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      buf.push(BR);
      continue;
    }
    if (!(row && CELL.has(name)) && BLOCKS.has(name)) flush();
    if (name === 'tr' && isSimpleRow(el)) row = [];
    if (PRE.has(name)) preDepth++;
    stack.push({ node: el, exit: true });
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false });
  }
  flush();
  return out;
}

/** True when some letter or digit of the element's text lies outside links: a block of links alone is navigation. */
export function hasTextOutsideLinks(root: DomElement): boolean {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      if (/[\p{L}\p{N}]/u.test(node.nodeValue ?? '')) return true;
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const name = nameOf(node as DomElement);
    if (name === 'a' || SKIP.has(name)) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return false;
}
