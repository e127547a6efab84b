// The dates a page's markup carries, found in one walk over its elements (html-dates.ts weighs them): <time>,
// itemprop="datePublished" on any element, data-* attributes (data-published, data-timestamp…), hAtom's
// <abbr class="published">, and the text of elements named as a date line ("date", "byline", "meta", "fecha").
// Dates inside navigation, asides, footers and lists of other stories are not the article's and are left out.
import { findDateInText, findLabelledDate, hasDateLabel } from '../text/date-text';
import { TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom';

export interface MarkupDate {
  iso: string;
  kind: 'published' | 'modified' | 'unknown';
  /**
   * 'marked': says it is a publication/update date; 'time': a bare <time>; 'text': the words of an element named
   * as a date line; 'near-h1': the words of one of the first elements after the headline; 'labelled': a date
   * after a label anywhere ("Datum: 03.11.2021", "Publié le 29 juin 2019"); 'dateline': the date that opens
   * one of the first paragraphs after the headline ("Karlsruhe, (12.11.2021). Traditionell…").
   */
  source: 'marked' | 'time' | 'text' | 'near-h1' | 'labelled' | 'dateline';
  where: string;
  /** Inside the page's <article> (or main content), after its first <h1>. */
  inArticle: boolean;
  afterH1: boolean;
  /** Within the first few elements after the headline. */
  closeToH1: boolean;
}

/** A date value read elsewhere (html-dates.ts's parseDateValue), passed in to keep one parser. */
type ParseValue = (value: string | null | undefined, lang: string | null) => string | null;

const DATA_ATTRS = new Set([
  'data-published',
  'data-publish-date',
  'data-pubdate',
  'data-published-date',
  'data-date',
  'data-datetime',
  'data-timestamp',
  'data-utime',
  'data-created',
]);
/** Class or id of an element that holds a date line. */
const DATE_CLASS =
  /date|datum|fecha|data-pub|publish|publication|posted|byline|autho?r|dateline|subline|submitted|parution|(?:^|[\s_-])(?:time|meta|info|timestamp)(?:$|[\s_-])|entry-meta|post-meta|article-meta|meta-info|article-info|post-info/i;
/** Containers of things that are not the article: other stories, comments, site chrome. */
const NOT_ARTICLE_TAG = /^(?:nav|aside|footer|select|option)$/;
/** Matched against each class name and the id whole, by word part ("related-posts", "sidebar", "comment_list"). */
const NOT_ARTICLE_CLASS =
  /^(?:.*[_-])?(?:related|recommend\w*|teaser|comments?|footer|popular|trending|most-?read|more|newsletter|promo|further|also|weiterlesen|breadcrumbs?|calendar|archive|menu|navbar|cookie\w*)(?:[_-].*)?$/i;
const PUBLISHED_HINT = /publish|pubdate|created|posted|entry-date|erschienen/i;
const MODIFIED_HINT = /modif|updat|edited|aktualisiert|revised/i;
/** More elements than this named as date lines are not looked at (the first ones are near the headline). */
const MAX_TEXT_LINES = 40;
const MAX_LINE_CHARS = 160;
/** Date lines found after which the page's words are no longer read. */
const MAX_TEXT_DATES = 10;
/** How many elements after the headline are read for an unnamed date line (leaf elements only). */
const NEAR_H1 = 12;
const NEAR_H1_CHARS = 60;
const PREPOSITION = /^(?:am|an|on|le|el|il|em|den|op|the|au|dal|del)\s/i;
/** How many paragraphs after the headline may open with a dateline, and what may stand before its date. */
const DATELINE_PARAGRAPHS = 3;
const DATELINE_PREFIX = /^(?:\p{Lu}[\p{L}.\- ]{1,30}(?:,\s*\(?|\s*\(|\s+[-–—]\s*)|\()?$/u;

function hasArticleAbove(el: DomElement): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.localName === 'article') return true;
  return false;
}

function context(el: DomElement, ownClass: boolean): { excluded: boolean; inArticle: boolean } {
  // The element's own tag counts (an <aside> after the headline is read as a date line too); its own class only
  // when nothing else names it a date line: "teaser-info" or "news-details__meta" is how many pages name the
  // article's own date line, but an unnamed <div class="comments"> is no date line.
  if (NOT_ARTICLE_TAG.test(el.localName)) return { excluded: true, inArticle: false };
  for (let p: DomElement | null = ownClass ? el : el.parentElement; p; p = p.parentElement) {
    const name = p.localName;
    // Inside the article, what holds the article (a layout column named "sidebar", a page <form>) does not matter.
    if (name === 'article' || name === 'main') return { excluded: false, inArticle: true };
    if (name === 'body' || name === 'html' || name === 'head') break;
    // A <footer> inside an <article> is the article's own (Drupal's "submitted" line with the date).
    if (NOT_ARTICLE_TAG.test(name) && !(name === 'footer' && hasArticleAbove(p)))
      return { excluded: true, inArticle: false };
    const cls = `${p.getAttribute('class') ?? ''} ${p.getAttribute('id') ?? ''}`.trim();
    if (cls && cls.split(/\s+/).some((c) => NOT_ARTICLE_CLASS.test(c)))
      return { excluded: true, inArticle: false };
  }
  return { excluded: false, inArticle: false };
}

const kindOf = (hint: string): MarkupDate['kind'] =>
  MODIFIED_HINT.test(hint) ? 'modified' : PUBLISHED_HINT.test(hint) ? 'published' : 'unknown';

/** The element's text with its spaces squeezed, or null when it is too long to be a date line. */
function shortText(el: DomElement): string | null {
  const text = el.textContent ?? '';
  if (text.length > MAX_LINE_CHARS * 4 || !/\d/.test(text)) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_LINE_CHARS ? line : null;
}

/** What linkedom's elements and nodes offer beyond dom.ts's interfaces, used here for speed. */
interface Attributed {
  getAttributeNames(): string[];
}
type Linked = DomNode & { nextSibling: Linked | null };

/** Whether one of the element's own text nodes (not its children's) holds a date label. */
function ownTextHasLabel(el: DomElement): boolean {
  // Walked by sibling links: linkedom builds a new array for every childNodes read.
  for (let n = el.firstChild as Linked | null; n; n = n.nextSibling) {
    if (n.nodeType !== TEXT_NODE) continue;
    const text = n.nodeValue ?? '';
    if (text.length < MAX_LINE_CHARS && /\p{L}{4}/u.test(text) && hasDateLabel(text)) return true;
  }
  return false;
}

/** Every dated element of the page, in document order. */
/** How many elements after the <h1> a trusted date's confirming line is looked for. */
const FIRST_LINE_REACH = 150;

export function scanMarkupDates(
  doc: DomDocument,
  lang: string | null,
  parseValue: ParseValue,
  /** Stop at the first date line under the headline: all that is needed when the metadata gives a date. */
  firstLineOnly = false,
): MarkupDate[] {
  const out: MarkupDate[] = [];
  let done = false;
  let afterH1 = false;
  let textLines = 0;
  let labelled = 0;
  let paragraphs = 0;
  /** Elements walked since the first <h1>; a date line stands within the first few after the headline. */
  let sinceH1 = -1;
  let textFound = 0;
  const add = (el: DomElement, d: Omit<MarkupDate, 'inArticle' | 'afterH1' | 'closeToH1'>) => {
    const c = context(el, d.source === 'near-h1' || d.source === 'dateline');
    if (c.excluded) return;
    out.push({ ...d, inArticle: c.inArticle, afterH1, closeToH1: sinceH1 >= 1 && sinceH1 <= NEAR_H1 });
    if (d.source !== 'marked' && d.source !== 'time') {
      textFound++;
      done = firstLineOnly && (afterH1 || d.source === 'labelled' || d.source === 'dateline');
    }
  };
  // Not only <body>: a broken page can leave its whole content inside <head>.
  const root = doc.documentElement;
  if (!root) return out;
  for (const el of root.querySelectorAll('*')) {
    // With a trusted date, a line that could change it stands under the headline: the rest of the page is not
    // walked (the walk is the costliest part of reading a page's dates).
    if (done || (firstLineOnly && sinceH1 > FIRST_LINE_REACH)) break;
    const name = el.localName;
    if (name === 'h1' && !afterH1) {
      afterH1 = true;
      sinceH1 = 0;
    } else if (sinceH1 >= 0) sinceH1++;
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') continue;
    // One read of the attribute names instead of a dozen getAttribute walks per element (linkedom keeps them
    // in a list): most elements have no attribute this looks for.
    const attrs = (el as unknown as Attributed).getAttributeNames();
    const has = (a: string) => attrs.length > 0 && attrs.includes(a);
    const cls =
      `${has('class') ? el.getAttribute('class') : ''} ${has('id') ? el.getAttribute('id') : ''}`.trim();
    // Microdata's itemprop, or RDFa's property ("schema:dateCreated" on Drupal sites such as meininger.de).
    const itemprop = (
      (has('itemprop') ? el.getAttribute('itemprop') : has('property') ? el.getAttribute('property') : '') ??
      ''
    ).toLowerCase();
    if (/\bdate(?:published|created|modified)\b/.test(itemprop)) {
      const iso = parseValue(
        el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent?.slice(0, MAX_LINE_CHARS),
        lang,
      );
      if (iso) add(el, { iso, kind: kindOf(itemprop), source: 'marked', where: `itemprop=${itemprop}` });
      continue;
    }
    if (name === 'time' || (name === 'abbr' && has('title'))) {
      const hint = `${cls} ${has('pubdate') ? 'pubdate' : ''}`;
      const value =
        el.getAttribute('datetime') ?? el.getAttribute('title') ?? el.textContent?.slice(0, MAX_LINE_CHARS);
      const iso = parseValue(value, lang);
      const kind = kindOf(hint);
      if (iso && (name === 'time' || kind !== 'unknown'))
        add(el, { iso, kind, source: kind === 'unknown' ? 'time' : 'marked', where: `${name}.${cls}` });
      continue;
    }
    const data = attrs.find((a) => DATA_ATTRS.has(a));
    const dataIso = data ? parseValue(el.getAttribute(data), lang) : null;
    if (dataIso)
      add(el, { iso: dataIso, kind: kindOf(`${data} ${cls}`), source: 'marked', where: `${name}[${data}]` });
    // Enough date lines were read to judge them (html-dates.ts looks at the first few).
    if (textFound >= MAX_TEXT_DATES) continue;
    if (labelled < MAX_TEXT_LINES && ownTextHasLabel(el)) {
      // The date may follow in the same element or in the next one ("<h5>Datum:</h5> 03.11.2021").
      for (const holder of [el, el.parentElement]) {
        const line = holder ? shortText(holder) : null;
        const found = line ? findLabelledDate(line, lang) : null;
        if (found) {
          labelled++;
          add(holder!, {
            iso: found.iso,
            kind: found.kind,
            source: 'labelled',
            where: `${name}: ${line!.slice(0, 60)}`,
          });
          break;
        }
      }
    }
    if (name === 'p' && sinceH1 > 0 && paragraphs < DATELINE_PARAGRAPHS) {
      paragraphs++;
      const head = (el.textContent ?? '').slice(0, 80).replace(/\s+/g, ' ').trimStart();
      const found = findDateInText(head, lang);
      // chrono counts a leading "am", "on", "le" into the date: "Am 3. Oktober 2020 wurde…" is a sentence.
      if (
        found &&
        DATELINE_PREFIX.test(head.slice(0, found.index)) &&
        !PREPOSITION.test(head.slice(found.index))
      )
        add(el, { iso: found.iso, kind: 'published', source: 'dateline', where: `p: ${head.slice(0, 60)}` });
    }
    const named = textLines < MAX_TEXT_LINES && cls !== '' && DATE_CLASS.test(cls);
    const nearH1 = sinceH1 >= 1 && sinceH1 <= NEAR_H1;
    if (named || nearH1) {
      const line = shortText(el);
      // An element the page does not name as a date line must be short to be one: a sentence under the
      // headline that mentions a date ("On 3 October 2020 the museum reopened…") is the article's text.
      if (line === null || (!named && line.length > NEAR_H1_CHARS)) continue;
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
