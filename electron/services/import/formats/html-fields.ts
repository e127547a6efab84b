// Which of a page's candidates wins for each field of an article: author, date, language, lead, outlet and URL
// (the title has its own module, html-title.ts). html-meta.ts only collects what the page declares; html.ts
// reads the page and calls these.
import type { Outlet } from '../../../../shared/domain/types';
import { LANGUAGES, detectLanguage, languageFromLocale } from '../text/language';
import { normalizeHost, registeredName, resolveOutlet } from '../text/outlet-clues';
import { cleanInline } from '../text/line-helpers';
import { firstMeta, unescapeEntities, type PageMeta } from './html-meta';

export const squash = (s: string | null | undefined) =>
  cleanInline(unescapeEntities(s ?? '').replace(/\s+/g, ' '));

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
