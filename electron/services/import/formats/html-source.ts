// Two repairs to page source before linkedom parses it. linkedom is a fast DOM, not a browser's HTML parser:
// it does not create the implied <html>/<head>/<body> of a page that leaves them out (the first tag becomes the
// root, and Readability then finds no body), and its tree building slows down quadratically with nesting depth
// (100,000 nested <div>s take seconds, 400,000 minutes). Readability itself recurses over the tree and overflows
// the stack a few thousand levels down, and some of its passes cost depth² (a 512-deep chain takes it 1.8 s,
// 256 deep 0.4 s). So a page without <body> is given one, and tags nested deeper than 256 levels are dropped,
// keeping their text (Blink's parser stops nesting at 512; real articles sit well under 100).

/** Nesting depth beyond which tags are dropped. */
export const MAX_NESTING = 256;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'frame',
  'basefont',
  'bgsound',
  'image',
]);
/** Elements whose end tag may be left out: counting them would make every sloppy list look deep. */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rb',
  'rt',
  'rtc',
  'rp',
  'colgroup',
  'html',
  'head',
  'body',
]);

/**
 * Comments and raw-text elements (whose content is not markup) are matched whole so that a "<div>" inside a
 * script does not count; any other tag is matched alone. Unterminated ones run to the end of the input.
 */
const TOKENS =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/gi;

function counts(name: string, selfClosing: boolean): boolean {
  const n = name.toLowerCase();
  return !selfClosing && !VOID.has(n) && !OPTIONAL_END.has(n);
}

export interface TagStats {
  /** Start tags of elements (raw-text ones like <script> included). */
  elements: number;
  /** Deepest nesting of elements with required end tags: an upper bound for sloppy markup. */
  depth: number;
}

/** Counts a page's elements and nesting on the tag stream, without building a tree. */
export function scanTags(html: string): TagStats {
  let depth = 0;
  let max = 0;
  let elements = 0;
  for (const m of html.matchAll(TOKENS)) {
    if (m[1]) elements++;
    if (!m[3]) continue;
    if (!m[2]) elements++;
    if (!counts(m[3], m[4] === '/')) continue;
    if (m[2]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return { elements, depth: max };
}

/** The source with tags nested deeper than maxDepth replaced by a space (their text stays where it was). */
export function limitNesting(html: string, maxDepth = MAX_NESTING, stats: TagStats = scanTags(html)): string {
  if (stats.depth <= maxDepth) return html;
  let depth = 0;
  /** End of the last dropped tag: a run of dropped tags becomes one space, not thousands. */
  let droppedEnd = -1;
  const drop = (tag: string, at: number) => {
    const out = at === droppedEnd ? '' : ' ';
    droppedEnd = at + tag.length;
    return out;
  };
  return html.replace(
    TOKENS,
    (
      tag: string,
      _raw: string | undefined,
      close: string | undefined,
      name: string | undefined,
      self: string | undefined,
      at: number,
    ) => {
      if (!name || !counts(name, self === '/')) return tag;
      if (close) {
        const deep = depth > maxDepth;
        depth = Math.max(0, depth - 1);
        return deep ? drop(tag, at) : tag;
      }
      return ++depth > maxDepth ? drop(tag, at) : tag;
    },
  );
}

/** What may stand before the body in a page that leaves out <body>: <html>, <head> and head elements, comments. */
const HEAD_TOKEN =
  /\s+|<!--[\s\S]*?-->|<!doctype[^>]*>|<\?xml[^>]*>|<(html)\b([^>]*)>|<\/?head\b[^>]*>|<(title|style|script|noscript|template)\b[^>]*>[\s\S]*?<\/\3\s*>|<(?:meta|link|base)\b[^>]*>/iy;

/** A page that has no <body> tag gets the <html>, <head> and <body> a browser would imply. */
export function ensureBody(html: string): string {
  if (/<body[\s>/]/i.test(html)) return html;
  let htmlAttrs = '';
  const head: string[] = [];
  HEAD_TOKEN.lastIndex = 0;
  let pos = 0;
  for (let m = HEAD_TOKEN.exec(html); m && m[0].length > 0; m = HEAD_TOKEN.exec(html)) {
    pos = HEAD_TOKEN.lastIndex;
    if (m[1]) htmlAttrs = m[2] ?? '';
    else if (m[3] || /^<(?:meta|link|base)\b/i.test(m[0])) head.push(m[0]);
  }
  const body = html.slice(pos).replace(/<\/html\s*>\s*$/i, '');
  return `<!DOCTYPE html><html${htmlAttrs}><head>${head.join('')}</head><body>${body}</body></html>`;
}

/**
 * The whole source as the body of a fresh document, its own <html>, <head> and <body> tags dropped. For a page
 * linkedom cannot root at <html> with a <body> (text or tags before a <body> tag, a stray </html> early on),
 * which Readability would otherwise crash on.
 */
export function rewrapBody(html: string): string {
  return `<!DOCTYPE html><html><head></head><body>${html.replace(/<\/?(?:html|head|body)\b[^>]*>/gi, ' ')}</body></html>`;
}
