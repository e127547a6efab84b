// The dates a page's markup carries, found in one walk over its elements (html-dates.ts weighs them): <time>,
// itemprop="datePublished" on any element, data-* attributes (data-published, data-timestamp…), hAtom's
// <abbr class="published">, and the text of elements named as a date line ("date", "byline", "meta", "fecha").
// Dates inside navigation, asides, footers and lists of other stories are not the article's and are left out.
import { findDateInText } from '../text/date-text';
import type { DomDocument, DomElement } from './dom';

export interface MarkupDate {
  iso: string;
  kind: 'published' | 'modified' | 'unknown';
  /**
   * 'marked': says it is a publication/update date; 'time': a bare <time>; 'text': the words of an element named
   * as a date line; 'near-h1': the words of one of the first elements after the headline.
   */
  source: 'marked' | 'time' | 'text' | 'near-h1';
  where: string;
  /** Inside the page's <article> (or main content), after its first <h1>. */
  inArticle: boolean;
  afterH1: boolean;
}

/** A date value read elsewhere (html-dates.ts's parseDateValue), passed in to keep one parser. */
type ParseValue = (value: string | null | undefined, lang: string | null) => string | null;

const DATA_ATTRS = [
  'data-published',
  'data-publish-date',
  'data-pubdate',
  'data-published-date',
  'data-date',
  'data-datetime',
  'data-timestamp',
  'data-utime',
  'data-created',
];
/** Class or id of an element that holds a date line. */
const DATE_CLASS =
  /date|datum|fecha|data-pub|publish|posted|byline|autho?r|dateline|subline|submitted|parution|(?:^|[\s_-])(?:time|meta|info|timestamp)(?:$|[\s_-])|entry-meta|post-meta|article-meta|meta-info|article-info|post-info/i;
/** Containers of things that are not the article: other stories, comments, site chrome. */
const NOT_ARTICLE_TAG = /^(?:nav|aside|footer|select|option)$/;
/** Matched against each class name and the id whole, by word part ("related-posts", "sidebar", "comment_list"). */
const NOT_ARTICLE_CLASS =
  /^(?:.*[_-])?(?:related|recommend\w*|widget|teaser|comments?|footer|popular|trending|most-?read|more|newsletter|promo|further|also|weiterlesen|breadcrumbs?|calendar|archive|menu|navbar|cookie\w*)(?:[_-].*)?$/i;
const PUBLISHED_HINT = /publish|pubdate|created|posted|entry-date|erschienen/i;
const MODIFIED_HINT = /modif|updat|edited|aktualisiert|revised/i;
/** More elements than this named as date lines are not looked at (the first ones are near the headline). */
const MAX_TEXT_LINES = 40;
const MAX_LINE_CHARS = 160;
/** How many elements after the headline are read for an unnamed date line (leaf elements only). */
const NEAR_H1 = 12;

function context(el: DomElement): { excluded: boolean; inArticle: boolean } {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const name = p.localName;
    // Inside the article, what holds the article (a layout column named "sidebar", a page <form>) does not matter.
    if (name === 'article' || name === 'main') return { excluded: false, inArticle: true };
    if (name === 'body' || name === 'html' || name === 'head') break;
    // A <header> inside the article is the article's own header (headline, byline, date).
    if (NOT_ARTICLE_TAG.test(name)) return { excluded: true, inArticle: false };
    const cls = `${p.getAttribute('class') ?? ''} ${p.getAttribute('id') ?? ''}`.trim();
    if (cls && cls.split(/\s+/).some((c) => NOT_ARTICLE_CLASS.test(c)))
      return { excluded: true, inArticle: false };
  }
  return { excluded: false, inArticle: false };
}

const kindOf = (hint: string): MarkupDate['kind'] =>
  MODIFIED_HINT.test(hint) ? 'modified' : PUBLISHED_HINT.test(hint) ? 'published' : 'unknown';

/** Every dated element of the page, in document order. */
export function scanMarkupDates(doc: DomDocument, lang: string | null, parseValue: ParseValue): MarkupDate[] {
  const out: MarkupDate[] = [];
  let afterH1 = false;
  let textLines = 0;
  /** Elements walked since the first <h1>; a date line stands within the first few after the headline. */
  let sinceH1 = -1;
  const add = (el: DomElement, d: Omit<MarkupDate, 'inArticle' | 'afterH1'>) => {
    const c = context(el);
    if (!c.excluded) out.push({ ...d, inArticle: c.inArticle, afterH1 });
  };
  // Not only <body>: a broken page can leave its whole content inside <head>.
  const root = doc.documentElement;
  if (!root) return out;
  for (const el of root.querySelectorAll('*')) {
    const name = el.localName;
    if (name === 'h1' && !afterH1) {
      afterH1 = true;
      sinceH1 = 0;
    } else if (sinceH1 >= 0) sinceH1++;
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') continue;
    const itemprop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim();
    if (/\bdate(?:published|created|modified)\b/.test(itemprop)) {
      const iso = parseValue(
        el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent?.slice(0, MAX_LINE_CHARS),
        lang,
      );
      if (iso) add(el, { iso, kind: kindOf(itemprop), source: 'marked', where: `itemprop=${itemprop}` });
      continue;
    }
    if (name === 'time' || (name === 'abbr' && el.getAttribute('title'))) {
      const hint = `${cls} ${el.getAttribute('pubdate') !== null ? 'pubdate' : ''}`;
      const value =
        el.getAttribute('datetime') ?? el.getAttribute('title') ?? el.textContent?.slice(0, MAX_LINE_CHARS);
      const iso = parseValue(value, lang);
      const kind = kindOf(hint);
      if (iso && (name === 'time' || kind !== 'unknown'))
        add(el, { iso, kind, source: kind === 'unknown' ? 'time' : 'marked', where: `${name}.${cls}` });
      continue;
    }
    for (const attr of DATA_ATTRS) {
      const iso = parseValue(el.getAttribute(attr), lang);
      if (iso) {
        add(el, { iso, kind: kindOf(`${attr} ${cls}`), source: 'marked', where: `${name}[${attr}]` });
        break;
      }
    }
    const named = textLines < MAX_TEXT_LINES && cls !== '' && DATE_CLASS.test(cls);
    const nearH1 = sinceH1 >= 1 && sinceH1 <= NEAR_H1 && el.firstElementChild === null;
    if (named || nearH1) {
      const text = el.textContent ?? '';
      if (text.length > MAX_LINE_CHARS * 4 || !/\d/.test(text)) continue;
      const line = text.replace(/\s+/g, ' ').trim();
      if (line.length > MAX_LINE_CHARS) continue;
      if (named) textLines++;
      const found = findDateInText(line, lang);
      if (found)
        add(el, {
          iso: found.iso,
          kind: found.kind === 'modified' ? 'modified' : kindOf(cls),
          source: named ? 'text' : 'near-h1',
          where: `${name}.${cls}: ${line.slice(0, 60)}`,
        });
    }
  }
  return out;
}
