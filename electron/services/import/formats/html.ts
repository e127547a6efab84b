// Saved web pages (.html, .htm). The page is parsed with linkedom, a DOM that executes no scripts and fetches
// nothing; its metadata is read first (html-meta.ts), then Mozilla Readability picks the article body, which
// html-text.ts turns into plain paragraphs; html-fields.ts picks each field from the candidates. Nothing from the
// page is ever rendered as HTML.
import { Readability } from '@mozilla/readability';
import type { ParsedArticle } from '../../../../shared/domain/types';
import { parseDateLine } from '../text/dates';
import { hostOfUrl, registeredName } from '../text/outlet-clues';
import { ImportRefusal } from '../refusal';
import { SHOW_COMMENT, parsePage, type DomDocument, type DomElement, type DomNode } from './dom';
import { articleFigcaptions, keepFormulas, mergeCaptions, stripBoilerplate } from './html-boilerplate';
import { withoutBoilerplateLines } from './html-boilerplate-lines';
import { findPageDates } from './html-dates';
import { decodeHtmlBytes } from './html-decode';
import { firstMeta, readPageMeta } from './html-meta';
import { MAX_NESTING, ensureBody, limitNesting, rewrapBody, scanTags } from './html-source';
import { contentToParagraphs, hasTextOutsideLinks } from './html-text';
import type { FormatExtractor } from './types';

export interface HtmlOptions {
  /** Where the page came from (an MHTML Content-Location, an e-mail's link), used when the page names no URL. */
  url?: string;
}

/**
 * Pages with more elements than this are refused before parsing: Readability's time grows faster than linearly
 * (300,000 elements take it ten seconds), and the largest of its 130 test pages has 10,000. Its own
 * maxElemsToParse cannot be used, since it counts with getElementsByTagName('*'), which linkedom answers with 0.
 */
export const MAX_ELEMENTS = 100_000;
/** Markup that only HTML has, looked for near the start of the file. */
const HTML_SIGN =
  /<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|section|span|a|br|h[1-6]|table|ul|ol|li|script|style|link)\b[^>]*>/i;
const HTML_SNIFF_CHARS = 64 * 1024;

import { pageUrl, pickAuthor, pickLanguage, pickLead, pickOutlet, squash, tokenKey } from './html-fields';
import { articleTitle } from './html-title';

/** A page without any title: its first sentence, or the first words of its first line. */
function titleFromText(p: string): string {
  const line = p.split('\n')[0]!;
  const sentence = line.match(/^.{10,120}?[.!?…](?=\s|$)/u)?.[0];
  if (sentence) return sentence;
  if (line.length <= 120) return line;
  const cut = line.slice(0, 120);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 120)}…`;
}

/** The document is <html> with a <body>, nothing but <head> and <body> directly inside it, and no element adrift. */
function bodyHoldsContent(document: DomDocument): boolean {
  const root = document.documentElement;
  if (root?.localName !== 'html' || document.body?.parentElement !== root) return false;
  for (let el = root.firstElementChild; el; el = el.nextElementSibling)
    if (el.localName !== 'head' && el.localName !== 'body') return false;
  // Stray end tags can also leave elements outside <html>, or without a parent at all.
  for (const el of document.querySelectorAll('*')) if (el !== root && !el.parentElement) return false;
  return true;
}

/**
 * Comments hold no article text, and Readability re-parses parts of the page from their serialised HTML: a
 * comment whose text contains "-->" (linkedom's reading of an unclosed <![CDATA[) comes back as markup that
 * sends it into an endless loop.
 */
function dropComments(document: DomDocument): void {
  if (!document.documentElement) return;
  const walker = document.createTreeWalker(document.documentElement, SHOW_COMMENT);
  const comments: DomNode[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) comments.push(n);
  for (const n of comments) n.parentNode?.removeChild(n);
}

/** The body and metadata of a page's HTML source. Throws ImportRefusal when there is no article text. */
export function extractHtml(html: string, opts: HtmlOptions = {}): ParsedArticle {
  if (!HTML_SIGN.test(html.slice(0, HTML_SNIFF_CHARS))) throw new ImportRefusal('not an HTML page');
  const source = ensureBody(html);
  const stats = scanTags(source);
  if (stats.elements > MAX_ELEMENTS)
    throw new ImportRefusal(
      `page too complex to read (more than ${MAX_ELEMENTS.toLocaleString('en-US')} elements)`,
    );
  let document = parsePage(limitNesting(source, MAX_NESTING, stats));
  // Readability expects all content inside <body>, which linkedom does not ensure for broken structure (it
  // roots the tree at the first element it meets; a stray </body> puts what follows beside the body).
  const rewrapped = !bodyHoldsContent(document);
  if (rewrapped) document = parsePage(limitNesting(rewrapBody(html)));
  const pm = readPageMeta(document);
  const dates = findPageDates(document, pm, html, pageUrl(pm, opts.url));
  const pageCaptions = articleFigcaptions(document);
  // Readability rewrites the document it is given; everything read from the page itself was read above.
  // linkedom runs no scripts and loads nothing, whatever the page contains.
  const readable = (doc: DomDocument) => {
    dropComments(doc);
    if (source.includes('<mjx-container')) keepFormulas(doc);
    // Readability's types name the browser's DOM; linkedom's document is one, typed here by what we use of it.
    return new Readability<DomElement>(doc as never, {
      serializer: (el) => el as unknown as DomElement,
      // Class names tell boilerplate from the article (html-boilerplate.ts); nothing else reads them.
      keepClasses: true,
    }).parse();
  };
  let result: ReturnType<typeof readable>;
  try {
    result = readable(document);
  } catch (err) {
    // Readability re-parses parts of the page from their serialised HTML, where structural tags inside raw
    // text (a "</body>" in a <noscript>) become real and break its tree: once more without any of them.
    if (rewrapped || err instanceof ImportRefusal) throw err;
    result = readable(parsePage(limitNesting(rewrapBody(html))));
  }
  const content = result?.content;
  const boxCaptions = content ? stripBoilerplate(content) : [];
  const author = pickAuthor(pm, result?.byline);
  const lines = withoutBoilerplateLines(content ? contentToParagraphs(content) : [], author);
  const rawParagraphs = lines.paragraphs;
  const captions = mergeCaptions(pageCaptions, [...boxCaptions, ...lines.captions]);
  const url = pageUrl(pm, opts.url);
  const rawSite =
    squash(
      pm.jsonld?.publisher ?? firstMeta(pm.meta, 'og:site_name', 'application-name') ?? result?.siteName,
    ) || null;
  // og:site_name is sometimes the site's URL: its host names the site better.
  const siteName = rawSite && /^https?:\/\//i.test(rawSite) ? hostOfUrl(rawSite) : rawSite;
  const outlet = pickOutlet(url, siteName);
  const host = url ? hostOfUrl(url) : null;
  const { title, asPublished } = articleTitle(pm, {
    names: [siteName, rawSite, firstMeta(pm.meta, 'application-name'), pm.jsonld?.publisher, outlet.name],
    registered: host ? registeredName(host) : null,
    host,
  });
  // The title repeated as the first heading of the body.
  const paragraphs =
    rawParagraphs[0] && tokenKey(rawParagraphs[0]) === tokenKey(asPublished)
      ? rawParagraphs.slice(1)
      : rawParagraphs;
  // Nothing but links (a navigation bar, a list of headlines) is not an article either.
  if (!content || !paragraphs.some((p) => /[\p{L}\p{N}]/u.test(p)) || !hasTextOutsideLinks(content))
    throw new ImportRefusal('no article text found in the page');
  const { published, publishedFrom, modified } = dates;
  const body = withoutDatelines(paragraphs, [published, modified]);
  const lead = pickLead(pm, title, body);
  return {
    title: title || titleFromText(body[0]!),
    outlet,
    url,
    published,
    ...(publishedFrom ? { publishedFrom } : {}),
    modified,
    language: pickLanguage(pm, [title, lead, ...body].join('\n')),
    author,
    lead,
    paragraphs: body,
    ...(captions.length > 0 ? { captions } : {}),
  };
}

/**
 * The body without the date lines at its top: the page's <time> under its headline ("2024-01-27",
 * "Updated: Jan 27, 2024") is metadata, already read, not text to quote. Only lines that are a date and
 * nothing else, only on a day the page's dates give, and never the whole body.
 */
function withoutDatelines(paragraphs: string[], dates: ReadonlyArray<string | null>): string[] {
  const days = new Set(dates.filter((d): d is string => !!d).map((d) => d.slice(0, 10)));
  let start = 0;
  while (start < Math.min(2, paragraphs.length - 1)) {
    const line = parseDateLine(paragraphs[start]!);
    if (!line || !days.has(line.iso.slice(0, 10))) break;
    start++;
  }
  return start ? paragraphs.slice(start) : paragraphs;
}

export const htmlFormat: FormatExtractor = {
  extensions: ['.html', '.htm'],
  name: 'HTML page',
  extract: (label, bytes) => [{ label, bytes, article: extractHtml(decodeHtmlBytes(bytes).text) }],
};
