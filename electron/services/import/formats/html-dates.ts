// Where a saved web page says when it was published, gathered in one pass over the page (before Readability
// rewrites it) and weighed by trust, in the spirit of htmldate (github.com/adbar/htmldate, whose ordering and
// safeguards this follows; the code is our own): JSON-LD, then <meta> tags, then markup made for machines
// (<time>, itemprop, data-* attributes), then the date in the page's address, then a date line written in the
// page's own words in an element marked as one ("date", "byline", "meta"). Safeguards: no day before 1995 or after
// tomorrow; the update date is never taken for the publication date; a text date only where the page shows one
// date (not a list of related stories); when two trusted sources disagree the more trusted wins.
import type { DateSource } from '../../../../shared/domain/types';
import { findDateInText, isPlausibleDay } from '../text/date-text';
import { parseDate } from '../text/dates';
import type { DomDocument } from './dom';
import { firstMeta, type PageMeta } from './html-meta';
import { scanMarkupDates } from './html-date-markup';
import { dateFromUrl, savedFromUrl } from './url-dates';

export interface DateCandidate {
  /** A calendar day or a full timestamp (dates.ts's ISO form). */
  iso: string;
  from: DateSource;
  kind: 'published' | 'modified';
  /** Trust, 1 (most) to 7: see TIERS. */
  tier: number;
  /** A date line under the headline (a text date after the page's <h1>, a labelled date, a dateline). */
  underHeadline: boolean;
  /** A date after a label that says what it is ("Datum:", "Posted", "Publié le"). */
  labelled?: true;
  /** A date line within the first few elements after the headline. */
  closeToHeadline?: true;
  /** What it was read from (a meta key, an element), for debugging and tests. */
  where: string;
}

/**
 * Trust of each kind of source, from how often each gave the right day on htmldate's labelled pages: JSON-LD and
 * the publication meta tags of OpenGraph, Dublin Core and the like; markup that names itself as the publication
 * date; the address; generic meta keys ("date", "dc.date": as often the day of the last edit, so they only
 * confirm); a bare <time>; a date in the words of the page.
 */
const TIERS = { jsonld: 1, meta: 2, marked: 3, url: 4, weakMeta: 5, time: 6, text: 7 } as const;
const WEAK_META = new Set([
  'date',
  'dc.date',
  'dc:date',
  'dcterms.date',
  'pubdate',
  'datecreated',
  'dc.date.created',
  'dc.created',
]);

export interface PageDates {
  published: string | null;
  publishedFrom: DateSource | null;
  modified: string | null;
  candidates: DateCandidate[];
}

/** Meta keys (name, property or itemprop, lower case) that give the publication date, most trusted first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'article:published',
  'og:article:published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dc:date',
  'dcterms.date',
  'citation_publication_date',
  'citation_date',
  'article.published',
  'og:pubdate',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_date',
  'published-date',
  'publication_date',
  'date_published',
  'originalpublicationdate',
  'rnews:datepublished',
  'datecreated',
  'dc.created',
  'date',
];
const MODIFIED_META = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
  'http-equiv:last-modified',
];

/** A date value from metadata: ISO and the other forms dates.ts reads, a Unix time, or a date inside the text. */
export function parseDateValue(value: string | null | undefined, lang: string | null = null): string | null {
  const v = value?.trim();
  if (!v) return null;
  let iso = parseDate(v);
  if (!iso && /^\d{10}(?:\d{3})?$/.test(v))
    iso = new Date(Number(v) * (v.length === 10 ? 1000 : 1)).toISOString();
  if (!iso && /^(?:19|20)\d{6}$/.test(v)) iso = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}`;
  iso ??= v.length <= 80 ? (findDateInText(v, lang)?.iso ?? null) : null;
  return iso && isPlausibleDay(iso) ? iso : null;
}

const dayOf = (iso: string) => iso.slice(0, 10);

/** The page's own addresses, most trusted first: canonical, og:url, JSON-LD's, the browser's "saved from". */
function pageUrls(pm: PageMeta, html: string, url: string | null): string[] {
  return [url, pm.canonical, firstMeta(pm.meta, 'og:url'), pm.jsonld?.url, savedFromUrl(html)].filter(
    (u): u is string => !!u,
  );
}

/** Every date the page gives, each with its source and kind, most trusted source first. */
export function collectDates(
  doc: DomDocument,
  pm: PageMeta,
  html: string,
  url: string | null,
): DateCandidate[] {
  const lang = pm.jsonld?.inLanguage ?? firstMeta(pm.meta, 'og:locale') ?? pm.htmlLang;
  const out: DateCandidate[] = [];
  const push = (
    value: string | null | undefined,
    from: DateSource,
    kind: DateCandidate['kind'],
    tier: number,
    where: string,
  ) => {
    const iso = parseDateValue(value, lang);
    if (iso) out.push({ iso, from, kind, tier, underHeadline: false, where });
  };
  push(pm.jsonldDates?.published, 'json-ld', 'published', TIERS.jsonld, 'datePublished');
  push(pm.jsonldDates?.modified, 'json-ld', 'modified', TIERS.jsonld, 'dateModified');
  for (const key of PUBLISHED_META)
    push(firstMeta(pm.meta, key), 'meta', 'published', WEAK_META.has(key) ? TIERS.weakMeta : TIERS.meta, key);
  for (const key of MODIFIED_META) push(firstMeta(pm.meta, key), 'meta', 'modified', TIERS.meta, key);
  for (const u of pageUrls(pm, html, url)) {
    const iso = dateFromUrl(u);
    if (iso) {
      out.push({ iso, from: 'url', kind: 'published', tier: TIERS.url, underHeadline: false, where: u });
      break;
    }
  }
  // The <title> ("08.11.2021 | Online-Fachtag …"): a last resort, as the other words of the page.
  const titleDate = pm.titleTag.length < 300 ? findDateInText(pm.titleTag, lang) : null;
  if (titleDate && titleDate.kind === 'published')
    out.push({
      iso: titleDate.iso,
      from: 'text',
      kind: 'published',
      tier: TIERS.text,
      underHeadline: false,
      where: 'title',
    });
  // With a date from JSON-LD or a publication meta tag, the page's markup can only confirm it or name the day
  // its date line shows (pickPublished reads the first such line): the walk stops there.
  const trusted = out.some((c) => c.kind === 'published' && c.tier <= TIERS.meta);
  // The publisher's metadata and its address agree on the day, and it names no other (update) day: nothing in
  // the page's markup or text could change the pick, and the walk is the costliest part of the date reading.
  const days = new Set(out.filter((c) => c.tier <= TIERS.url).map((c) => c.iso.slice(0, 10)));
  const settled = trusted && days.size === 1 && out.some((c) => c.from === 'url');
  for (const d of settled ? [] : scanMarkupDates(doc, lang, parseDateValue, trusted)) {
    const text = d.source !== 'marked' && d.source !== 'time';
    out.push({
      iso: d.iso,
      from: text ? 'text' : 'markup',
      kind: d.kind === 'modified' ? 'modified' : 'published',
      tier: text ? TIERS.text : d.source === 'marked' ? TIERS.marked : TIERS.time,
      underHeadline: (text && d.afterH1) || d.source === 'labelled' || d.source === 'dateline',
      ...(d.source === 'labelled' ? { labelled: true as const } : {}),
      ...(text && d.closeToH1 ? { closeToHeadline: true as const } : {}),
      where: `${d.source}${d.inArticle ? ' in-article' : ''}${d.afterH1 ? ' after-h1' : ''} ${d.where}`,
    });
  }
  return out;
}

const daysApart = (a: string, b: string) =>
  Math.abs(Date.parse(dayOf(a)) - Date.parse(dayOf(b))) / 86_400_000;

/** How many of the first date lines may show different days before they are taken for a list of stories. */
const MAX_LINE_DAYS = 2;

/**
 * The publication date among the candidates (collectDates' order), and where it was read:
 * 1. the most trusted structured source (JSON-LD, meta, marked-up date, address; a generic meta key never alone);
 * 2. the address wins over it when the two are more than a day apart (a day's difference is the outlet's time
 *    zone against UTC; more is a date recycled by the CMS, and the address is written once);
 * 3. the date line under the headline wins when the page's metadata gives its day too (often as the update):
 *    it is the day the page shows its readers;
 * 4. without structured dates: the bare <time>s of the article when they agree, else the first date line under
 *    the headline, unless the lines there show many different days (a list of stories, a forum's threads).
 * An update date is never taken for the publication date.
 */
export function pickPublished(
  candidates: readonly DateCandidate[],
): { iso: string; from: DateSource } | null {
  const published = candidates.filter((c) => c.kind === 'published');
  const structured = published.filter((c) => c.tier <= TIERS.url).sort((a, b) => a.tier - b.tier);
  const lines = published.filter((c) => c.underHeadline);
  let best: DateCandidate | undefined = structured[0];
  const url = published.find((c) => c.from === 'url');
  if (best && url && daysApart(best.iso, url.iso) > 1) best = url;
  const line = lines[0];
  if (best && best !== url && line && dayOf(line.iso) !== dayOf(best.iso)) {
    const confirmed = candidates.some(
      (c) =>
        (c.from === 'json-ld' || c.from === 'meta' || c.from === 'url') && dayOf(c.iso) === dayOf(line.iso),
    );
    if (confirmed) best = line;
  }
  if (best) return { iso: best.iso, from: best.from };
  const times = published.filter((c) => c.tier === TIERS.time && /in-article|after-h1/.test(c.where));
  if (times.length > 0 && new Set(times.map((t) => dayOf(t.iso))).size === 1)
    return { iso: times[0]!.iso, from: 'markup' };
  // Labelled lines say what they are: among many dates (a list of other stories), the first of them is taken
  // when the labelled ones agree.
  const labelled = lines.filter((c) => c.labelled);
  if (labelled.length > 0 && new Set(labelled.slice(0, 6).map((c) => dayOf(c.iso))).size <= MAX_LINE_DAYS - 1)
    return { iso: labelled[0]!.iso, from: 'text' };
  const texts = lines.length > 0 ? lines : published.filter((c) => c.from === 'text');
  const first = texts[0];
  // A generic meta key ("date", "dc.date") alone, when the page shows no date at all.
  const weak = published.find((c) => c.tier === TIERS.weakMeta);
  if (!first) return weak ? { iso: weak.iso, from: 'meta' } : null;
  // Nested elements repeat one line ("<div><span>3 May 2020</span></div>"): a run of one day counts once.
  const shown = texts.slice(0, 6).filter((t, i, all) => i === 0 || dayOf(t.iso) !== dayOf(all[i - 1]!.iso));
  const days = new Set(shown.map((t) => dayOf(t.iso)));
  const repeated = shown.filter((t) => dayOf(t.iso) === dayOf(first.iso)).length >= 2;
  // A line right under the headline is the article's, whatever list of other stories follows.
  return days.size <= MAX_LINE_DAYS || repeated || first.closeToHeadline
    ? { iso: first.iso, from: 'text' }
    : null;
}

/** The page's update date: the most trusted one given as such. */
function pickModified(candidates: readonly DateCandidate[]): string | null {
  const modified = candidates.filter((c) => c.kind === 'modified').sort((a, b) => a.tier - b.tier);
  return modified[0]?.iso ?? null;
}

/** The publication and update dates of a page, and where the publication date was read. */
export function findPageDates(doc: DomDocument, pm: PageMeta, html: string, url: string | null): PageDates {
  const candidates = collectDates(doc, pm, html, url);
  const published = pickPublished(candidates);
  return {
    published: published?.iso ?? null,
    publishedFrom: published?.from ?? null,
    modified: pickModified(candidates),
    candidates,
  };
}
