// Which of a page's candidates wins for each field of an article: title (site name cut from a <title>), author,
// date, language, lead, outlet and URL. html-meta.ts only collects what the page declares; html.ts reads the
// page and calls these.
import type { Outlet } from '../../../../shared/domain/types';
import { parseDate } from '../text/dates';
import { LANGUAGES, detectLanguage, languageFromLocale } from '../text/language';
import { normalizeHost, registeredName, resolveOutlet } from '../text/outlet-clues';
import { cleanInline } from '../text/line-helpers';
import { firstMeta, unescapeEntities, type PageMeta } from './html-meta';

export const squash = (s: string | null | undefined) =>
  cleanInline(unescapeEntities(s ?? '').replace(/\s+/g, ' '));

/** Readability's similarity of two titles: share of b's words (by length) that a also has. */
function textSimilarity(a: string, b: string): number {
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const ta = new Set(words(a));
  const tb = words(b);
  if (ta.size === 0 || tb.length === 0) return 0;
  const missing = tb.filter((t) => !ta.has(t)).join(' ');
  return 1 - missing.length / tb.join(' ').length;
}

const SEPARATORS = '|\\-–—·•:»/\\\\';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Title | Site", "Title - site.com", "Site: Title" → "Title", when the cut part is the site's name or
 * domain (case-insensitive) and something substantial is left.
 */
export function stripSiteFromTitle(
  title: string,
  siteNames: ReadonlyArray<string | null | undefined>,
): string {
  for (const site of siteNames) {
    const s = site?.trim();
    if (!s || s.length >= title.length) continue;
    const name = escapeRe(s);
    const suffix = new RegExp(`^(.+?)\\s+[${SEPARATORS}]+\\s*${name}\\s*$`, 'iu');
    const prefix = new RegExp(`^\\s*${name}\\s*[${SEPARATORS}]+\\s+(.+)$`, 'iu');
    const m = title.match(suffix) ?? title.match(prefix);
    if (m && m[1]!.trim().split(/\s+/).length >= 2) return m[1]!.trim();
  }
  return title;
}

function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function pageUrl(pm: PageMeta, fallback: string | undefined): string | null {
  const base = absoluteUrl(pm.base, fallback) ?? absoluteUrl(fallback, null);
  const og = firstMeta(pm.meta, 'og:url');
  // Canonical first: it is the one link a publisher keeps right, where og:url and JSON-LD are often templates.
  for (const c of [pm.canonical, pm.jsonld?.url, og]) {
    const u = absoluteUrl(c, base) ?? absoluteUrl(c, absoluteUrl(og, null));
    if (u) return u;
  }
  return absoluteUrl(fallback, null);
}

/** Separators between a title and the site's name ("Title | Site", "Site » Section » Title"). */
const TITLE_SEPARATOR = / [|\-–—\\/>»] /;
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * The article title hidden in a <title>: Readability's rules (cut at the last separator unless too little is
 * left; cut at a colon unless a heading repeats the whole title; a very short or long <title> yields to the
 * only <h1>), with en and em dashes counted as separators as recent Readability versions do.
 */
export function titleFromTag(pm: Pick<PageMeta, 'titleTag' | 'headings'>): string {
  const orig = squash(pm.titleTag);
  let cur = orig;
  let hierarchical = false;
  if (TITLE_SEPARATOR.test(orig)) {
    hierarchical = / [\\/>»] /.test(orig);
    const all = Array.from(orig.matchAll(/ [|\-–—\\/>»] /g));
    cur = orig.slice(0, all[all.length - 1]!.index);
    if (wordCount(cur) < 3) cur = orig.replace(/^[^|\-–—\\/>»]*[|\-–—\\/>»]/, '');
  } else if (orig.includes(': ')) {
    if (!pm.headings.some((h) => squash(h.text) === orig)) {
      cur = orig.slice(orig.lastIndexOf(':') + 1);
      if (wordCount(cur) < 3) cur = orig.slice(orig.indexOf(':') + 1);
      else if (wordCount(orig.slice(0, orig.indexOf(':'))) > 5) cur = orig;
    }
  } else if (orig.length > 150 || orig.length < 15) {
    const h1s = pm.headings.filter((h) => h.level === 1);
    if (h1s.length === 1) cur = squash(h1s[0]!.text);
  }
  cur = cur.trim();
  const n = wordCount(cur);
  if (n <= 4 && (!hierarchical || n !== wordCount(orig.replace(/[|\-–—\\/>»]+/g, '')) - 1)) cur = orig;
  return cur;
}

export function pickTitle(pm: PageMeta): { title: string; fromMeta: boolean } {
  const ld = pm.jsonld;
  let ldTitle: string | null = null;
  if (ld?.name && ld.headline && ld.name !== ld.headline) {
    // Some sites put their own name in "name"; take whichever matches the <title> (Readability's rule).
    const fromTag = titleFromTag(pm);
    const nameOk = textSimilarity(ld.name, fromTag) > 0.75;
    const headlineOk = textSimilarity(ld.headline, fromTag) > 0.75;
    ldTitle = headlineOk && !nameOk ? ld.headline : ld.name;
  } else ldTitle = ld?.headline ?? ld?.name ?? null;
  const fromMeta =
    ldTitle ??
    firstMeta(
      pm.meta,
      'dc:title',
      'dc.title',
      'dcterm:title',
      'dcterms.title',
      'og:title',
      'title',
      'twitter:title',
      'parsely-title',
      'sailthru.title',
      'citation_title',
    );
  if (fromMeta && squash(fromMeta)) return { title: squash(fromMeta), fromMeta: true };
  return { title: titleFromTag(pm), fromMeta: false };
}

/** "By Jane Doe", "Written by …", "Par …": the label before a name (case as written, so "Di Stefano" stays). */
const BY_PREFIX =
  /^(?:[Bb]y|BY|[Ww]ritten [Bb]y|[Pp]osted [Bb]y|[Vv]on|[Pp]ar|[Dd]i|[Pp]or)\s*:?\s+(?=\p{Lu})/u;
const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/**
 * Where a date or time glued to a byline begins: "Jane Doe March 25, 2015", "Lucas Nolan22 Dec 2016",
 * "Jane Doe 2015-03-25", "Jane Doe 3:46 PM". Digits alone do not count ("CC7567" is a user name).
 */
const DATE_TAIL = new RegExp(
  `\\s*(?:\\b${MONTH_WORD}\\s+\\d|\\d{1,2}\\s*${MONTH_WORD}(?:\\s|$)|\\b(?:19|20)\\d\\d\\b|\\b\\d{1,2}[:.]\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}).*$`,
  'isu',
);
/** Bylines that are page furniture, not names. */
const NOT_A_NAME = /\b(?:updated|published|follow|share|comments?|subscribe|posted|read more)\b/i;

function cleanAuthor(raw: string | null | undefined): string | null {
  let a = squash(raw)
    .replace(/\(?\s*(?:https?:\/\/|mailto:)\S+?\s*\)?(?=\s|$)/giu, ' ')
    .replace(/<[^<>\s]+@[^<>\s]+>/g, ' ')
    .replace(BY_PREFIX, '');
  a = a
    .replace(DATE_TAIL, '')
    .replace(/[\s,;:|–—-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A "byline" of a whole paragraph, a date alone or a "Follow" button is a mis-detection, not a name.
  if (!a || a.length > 200 || NOT_A_NAME.test(a) || !/\p{L}/u.test(a)) return null;
  return a;
}

/** Several authors in one field: "A, B", or "Doe, J.; Roe, R." when the names carry commas themselves. */
function joinNames(names: readonly string[]): string | null {
  const list = [...new Set(names.map((n) => squash(n)).filter((n) => n && !/^https?:\/\//i.test(n)))];
  if (list.length === 0) return null;
  return list.join(list.some((n) => n.includes(',')) ? '; ' : ', ');
}

export function pickAuthor(pm: PageMeta, readabilityByline: string | null | undefined): string | null {
  if (pm.jsonld && pm.jsonld.authors.length > 0) return cleanAuthor(joinNames(pm.jsonld.authors));
  for (const key of [
    'dc:creator',
    'dc.creator',
    'dcterm:creator',
    'dcterms.creator',
    'author',
    'parsely-author',
    'sailthru.author',
    'article:author',
    'citation_author',
  ]) {
    const names = joinNames(pm.meta.get(key) ?? []);
    if (names) return cleanAuthor(names);
  }
  return cleanAuthor(readabilityByline);
}

export function pickDate(...candidates: Array<string | null | undefined>): string | null {
  for (const c of candidates) {
    const iso = c ? parseDate(c) : null;
    if (iso) return iso;
  }
  return null;
}

/**
 * Declared language, in the order of the other metadata (JSON-LD, OpenGraph, <meta>, then <html lang>), else
 * the detector's guess. A declaration the detector contradicts (a template's lang="en" on an Italian article)
 * loses, but only for languages the detector knows, and it answers only when the text clearly says so.
 */
export function pickLanguage(pm: PageMeta, text: string): string | null {
  const declared = [
    pm.jsonld?.inLanguage,
    firstMeta(pm.meta, 'og:locale'),
    firstMeta(
      pm.meta,
      'http-equiv:content-language',
      'content-language',
      'dc.language',
      'dc:language',
      'language',
      'inlanguage',
    ),
    pm.htmlLang,
  ]
    // "en-GB", "pt_BR", "zh-Hant-TW", "en, fr" → their primary subtag.
    .map((d) =>
      d
        ? languageFromLocale(d.split(',')[0]!.trim().toLowerCase().split(/[-_]/).slice(0, 2).join('-'))
        : null,
    )
    .find((d) => d);
  const detected = detectLanguage(text);
  if (declared && detected && LANGUAGES.includes(declared) && detected !== declared) return detected;
  return declared ?? detected;
}

/** Words of a text for comparing texts: lower-case; Han and kana characters one by one (they have no spaces). */
const words = (s: string) =>
  s.toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu) ?? [];
export const tokenKey = (s: string) => words(s).join(' ');

/** Share of a's words (as a multiset) that b also has. */
function coveredShare(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return 1;
  const have = new Map<string, number>();
  for (const w of b) have.set(w, (have.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of a) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      hit++;
      have.set(w, n - 1);
    }
  }
  return hit / a.length;
}

/**
 * The page's description as the lead, unless the body already says it: found word for word anywhere in the
 * body, or 80 % of its words within as many opening words of the body, plus ten (descriptions are often the
 * first paragraph cut short or lightly edited). Fewer than six words is a site slogan, not a lead.
 */
export function pickLead(pm: PageMeta, title: string, paragraphs: readonly string[]): string {
  const desc = squash(
    pm.jsonld?.description ??
      firstMeta(
        pm.meta,
        'og:description',
        'description',
        'twitter:description',
        'dc.description',
        'dc:description',
        'sailthru.description',
      ),
  );
  const descWords = words(desc);
  if (descWords.length < 6) return '';
  const key = descWords.join(' ');
  if (key === tokenKey(title) || tokenKey(paragraphs.join(' ')).includes(key)) return '';
  const opening: string[] = [];
  for (const p of paragraphs) {
    opening.push(...words(p));
    if (opening.length >= descWords.length + 10) break;
  }
  return coveredShare(descWords, opening) >= 0.8 ? '' : desc;
}

export function pickOutlet(url: string | null, siteName: string | null): Outlet {
  if (!url && siteName) {
    const host = normalizeHost(siteName.replace(/^https?:\/\//i, '').replace(/\/.*$/, ''));
    // og:site_name is sometimes the bare domain.
    if (host) return { name: registeredName(host) ?? host, domain: host };
  }
  return resolveOutlet({ url, selfName: siteName });
}
