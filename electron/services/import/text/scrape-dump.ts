// Parser for the line-oriented dumps a web scraper writes: the article's paragraphs mixed with what it
// pulled from the page head (og: title and description, timestamps, section names, image URL, locale),
// contact and copyright lines, and the XPath it used. Every non-blank line is classified; the title is
// the first line the dump repeats, metadata lines feed the fields, and the rest is the body.
import type { DateSource, ParsedArticle } from '../../../../shared/domain/types';
import { isBoilerplate, isStopLine, ownDomainsIn, relatedMarker } from './boilerplate';
import { compareIsoDates, parseDate, parseDateLine, parseIsoDate } from './dates';
import { splitGlued } from './split-glued-sentences';
import { detectLanguage, languageFromLocale } from './language';
import { resolveOutlet } from './outlet-clues';
import { ImportRefusal } from '../refusal';
import { BYLINE, URL_RE, cleanInline, isProse, stripHeadingMarks, wordCount } from './line-helpers';

type Kind =
  | 'blank'
  | 'header'
  | 'timestamp'
  | 'date'
  | 'xpath'
  | 'url'
  | 'image'
  | 'dims'
  | 'locale'
  | 'number'
  | 'boilerplate'
  | 'related'
  | 'byline'
  | 'title'
  | 'text';

interface Line {
  text: string;
  kind: Kind;
}

/** " date 2022-01 https://…": the scraper's own record of the crawl month and the page address. */
const HEADER = /^date\s+(\d{4}(?:-\d{2}){0,2})\s+(https?:\/\/\S+)$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const XPATH = /^\/html\b|\/@[\w:-]+(?:\s|$)/;
const IMAGE_URL =
  /\.(?:jpe?g|png|gif|webp|avif|svg|bmp)(?:[?#]|$)|^https?:\/\/(?:cdn|img|images?|static|media)[\w-]*\./i;
/** Kinds that can only come from the page head: a prose line followed by them is the standfirst. */
const HEAD_KINDS = new Set<Kind>([
  'header',
  'timestamp',
  'date',
  'xpath',
  'url',
  'image',
  'dims',
  'locale',
  'number',
  'title',
]);
/** "… Dmitry Peskov. 07.01.2022, Sputnik Italia": the date and outlet some sites append to og:description. */
const DATELINE = /\s+(\d{1,2}\.\d{1,2}\.\d{4})(?:,\s*(\p{Lu}[^.,;:!?]{1,50}))?$/u;

function classify(text: string): Kind {
  if (!text) return 'blank';
  if (HEADER.test(text)) return 'header';
  if (TIMESTAMP.test(text) && parseIsoDate(text)) return 'timestamp';
  if (parseDateLine(text)) return 'date';
  if (XPATH.test(text)) return 'xpath';
  if (/^https?:\/\/\S+$/i.test(text)) return IMAGE_URL.test(text) ? 'image' : 'url';
  if (/^\d+ \d+ (?:true|false)$/.test(text)) return 'dims';
  if (languageFromLocale(text) && /[_-]/.test(text)) return 'locale';
  if (/^[\d\s.,:;/+-]+$/.test(text)) return 'number';
  if (isBoilerplate(text)) return 'boilerplate';
  if (relatedMarker(text)) return 'related';
  if (BYLINE.test(text)) return 'byline';
  return 'text';
}

/** True when the text has the marks of a scrape dump rather than of a hand-written text file. */
export function looksLikeScrapeDump(text: string): boolean {
  const lines = text.split('\n').map(cleanInline).filter(Boolean);
  if (lines.slice(0, 3).some((l) => HEADER.test(l))) return true;
  if (lines.some((l) => XPATH.test(l) || (TIMESTAMP.test(l) && parseIsoDate(l) !== null))) return true;
  // The og:title and the page's h1 both land in the dump, so the title comes twice near the top.
  return lines.slice(0, 3).some((l, i) => lines.slice(i + 1, 8).includes(l));
}

const nextNonBlank = (lines: Line[], i: number, step: 1 | -1) => {
  for (let j = i + step; j >= 0 && j < lines.length; j += step)
    if (lines[j]!.kind !== 'blank') return lines[j]!;
  return undefined;
};

function markRelated(lines: Line[]): void {
  lines.forEach((l, i) => {
    if (l.kind !== 'related') return;
    if (relatedMarker(l.text) !== 'marker') return;
    const teaser = nextNonBlank(lines, i, 1);
    if (teaser && teaser.kind === 'text') teaser.kind = 'related';
  });
}

function pickTitle(lines: Line[]): string {
  const texts = lines.filter((l) => l.kind === 'text' || l.kind === 'byline');
  const counts = new Map<string, number>();
  for (const l of texts) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  // The first repeated line near the top; else the first that is more than a section label ("mondo").
  const top = texts.slice(0, 5);
  const chosen =
    top.find((l) => (counts.get(l.text) ?? 0) >= 2) ?? top.find((l) => wordCount(l.text, 3) >= 3) ?? texts[0];
  const title = stripHeadingMarks(chosen?.text ?? '');
  if (!title) throw new ImportRefusal('no article text found');
  // Every copy of the title goes, including "Title - Outlet" and "Title | Outlet" variants.
  const variant = new RegExp(
    `^#*\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s*[-|–—:]\\s*.{1,60})?$`,
  );
  for (const l of lines)
    if ((l.kind === 'text' || l.kind === 'byline') && variant.test(l.text)) l.kind = 'title';
  for (const [text, n] of counts)
    if (n >= 3) for (const l of lines) if (l.kind === 'text' && l.text === text) l.kind = 'boilerplate';
  return title;
}

export function parseScrapeDump(text: string): ParsedArticle {
  const all = text.split('\n').map(cleanInline);
  const stop = all.findIndex(isStopLine);
  const lines: Line[] = (stop >= 0 ? all.slice(0, stop) : all).map((t) => ({ text: t, kind: classify(t) }));
  markRelated(lines);
  const title = pickTitle(lines);

  // Body: prose lines, and short lines only where prose surrounds them (subheadings, not section labels).
  // A line the dump repeats (og:description and the first paragraph, say) is kept once.
  const body: number[] = [];
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (l.kind !== 'text' || seen.has(l.text)) return;
    const surrounded = [nextNonBlank(lines, i, -1), nextNonBlank(lines, i, 1)].every(
      (n) => n?.kind === 'text' && isProse(n.text),
    );
    if (isProse(l.text) || surrounded) {
      body.push(i);
      seen.add(l.text);
    }
  });
  const firstBody = body[0] ?? lines.length;

  // Standfirst: the source marks it with a dateline, or page-head lines separate it from the body.
  let lead = '';
  let selfName: string | null = null;
  let datelineDate: string | null = null;
  if (body.length > 0) {
    const first = lines[body[0]!]!;
    const m = first.text.match(DATELINE);
    if (m) {
      datelineDate = parseDate(m[1]!);
      selfName = m[2]?.trim() ?? null;
      first.text = first.text.slice(0, m.index).trim();
    }
    const between = body.length > 1 ? lines.slice(body[0]! + 1, body[1]!) : [];
    const marked = body.length > 1 && (m || between.some((l) => HEAD_KINDS.has(l.kind)));
    // A description that is only the opening of the first paragraph (often cut with "…") is not a lead.
    const truncated =
      body.length > 1 && lines[body[1]!]!.text.startsWith(first.text.replace(/\s*(?:\.\.\.|…)$/, ''));
    if (marked || truncated) {
      if (!truncated) lead = first.text;
      body.shift();
    }
  }
  const paragraphs = body.flatMap((i) => splitGlued(lines[i]!.text));
  if (!lead && paragraphs.length === 0) throw new ImportRefusal('no article text found (only a title)');

  const before = (i: number) => i < firstBody;
  const indexed = lines.map((l, i) => ({ ...l, i }));
  const header = indexed.find((l) => l.kind === 'header')?.text.match(HEADER);
  const timestamps = indexed.filter((l) => l.kind === 'timestamp').map((l) => parseIsoDate(l.text)!);
  const dateLines = indexed
    .filter((l) => l.kind === 'date')
    .sort((a, b) => Number(before(b.i)) - Number(before(a.i)))
    .map((l) => parseDateLine(l.text)!);

  // The scraper's own timestamp and header lines are metadata; a date line or dateline is the article's text.
  const textDate = dateLines.find((d) => d.kind === 'published')?.iso ?? datelineDate;
  const published = timestamps[0] ?? textDate ?? (header ? header[1]! : null);
  const publishedFrom: DateSource | undefined = !published
    ? undefined
    : published === timestamps[0] || published !== textDate
      ? 'meta'
      : 'text';
  let modified: string | null = null;
  if (published && timestamps.length > 1) {
    const later = timestamps.filter((t) => compareIsoDates(t, published) > 0).sort(compareIsoDates);
    modified = later[later.length - 1] ?? null;
  }
  modified ??= dateLines.find((d) => d.kind === 'modified')?.iso ?? null;

  const url = header?.[2] ?? indexed.find((l) => l.kind === 'url' && before(l.i))?.text ?? null;
  const ownDomains = lines.filter((l) => l.kind === 'boilerplate').flatMap((l) => ownDomainsIn(l.text));
  const otherUrls = lines
    .filter((l) => l.kind === 'url' || l.kind === 'text')
    .flatMap((l) => l.text.match(URL_RE) ?? []);
  const locale = lines.find((l) => l.kind === 'locale');
  const byline = indexed.find((l) => l.kind === 'byline' && before(l.i));

  return {
    title,
    outlet: resolveOutlet({ url, selfName, ownDomains, otherUrls }),
    url,
    published,
    publishedFrom,
    modified,
    language:
      (locale && languageFromLocale(locale.text)) ?? detectLanguage([title, lead, ...paragraphs].join('\n')),
    author: byline ? byline.text.match(BYLINE)![1]! : null,
    lead,
    paragraphs,
  };
}
