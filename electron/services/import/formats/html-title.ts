// A web page's article title: the candidate (JSON-LD, <meta>, or the <title> read as Readability reads it),
// then without the parts the page itself names as its site: its og:site_name, application-name, JSON-LD
// publisher, registry name or domain ("Yellow Vests and I — Pamela Anderson"), or a WordPress "Blog Archive"
// label; and the <h1> when the title is that heading plus a site part. Only parts the page identifies are cut:
// a title left long is better than a headline cut short.
import { isSubstantial, joinParts, siteKey, splitTitle } from '../../../../shared/domain/title-parts';
import { squash } from './html-fields';
import { firstMeta, type PageMeta } from './html-meta';

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

/** The keys of a title's first and last parts, alone and in runs ("A - B - C": A, A - B, B - C, C). */
function endsOf(title: string): Set<string> {
  const split = splitTitle(title);
  const n = split.parts.length;
  const out = new Set<string>();
  for (let i = 1; i < n; i++) {
    out.add(siteKey(joinParts(split, 0, i)));
    out.add(siteKey(joinParts(split, i, n)));
  }
  return out;
}

export function pickTitle(pm: PageMeta): { title: string; fromMeta: boolean } {
  const ld = pm.jsonld;
  let ldTitle: string | null = null;
  if (ld?.name && ld.headline && ld.name !== ld.headline) {
    // Squarespace's "name" is the headline and the site ("Yellow Vests and I — Pamela Anderson").
    if (endsOf(ld.name).has(siteKey(ld.headline))) return { title: squash(ld.headline), fromMeta: true };
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

/** WordPress's default single-post title, "Site » Blog Archive » Post", in the translations themes ship. */
const ARCHIVE_LABELS = new Set(
  ['Blog Archive', 'Blog Archiv', 'Blog-Archiv', 'Archives du blog', 'Archivio blog', 'Archivo del blog'].map(
    siteKey,
  ),
);
/** Second-level labels under a country code that belong to the suffix ("co.uk", "ne.jp", "com.br"). */
const SECOND_LEVEL = new Set(['co', 'com', 'ne', 'or', 'ac', 'go', 'gov', 'org', 'net', 'edu', 'gv']);

/** The keys a site answers to: its names (and the first part of a "Name - slogan"), its domain's labels. */
function siteKeys(names: ReadonlyArray<string | null | undefined>, host: string | null): Set<string> {
  const keys = new Set<string>();
  const add = (s: string | null | undefined) => {
    const k = s ? siteKey(s) : '';
    if (k.length >= 2) keys.add(k);
  };
  for (const raw of names) {
    const name = raw?.trim();
    if (!name) continue;
    add(name);
    // "Factorio.com", "SIMPLYFOUND.COM | BY: JOE WEE", "Aktuálně.cz - Víte, co se právě děje".
    const first = splitTitle(name).parts[0]!;
    add(first);
    add(first.replace(/^www\./i, '').replace(/\.[a-z]{2,}(?:\.[a-z]{2})?$/i, ''));
  }
  if (host) {
    const labels = host.replace(/^www\d?\./, '').split('.');
    add(labels.join('.'));
    const n = labels.length;
    const suffix = n >= 3 && labels[n - 1]!.length === 2 && SECOND_LEVEL.has(labels[n - 2]!) ? 2 : 1;
    const own = labels.slice(0, Math.max(1, n - suffix));
    add(own.join(''));
    // "arteradio.com" is "ARTE Radio"; "wiki.python.org" is "Python Wiki".
    add(own[own.length - 1]);
    add([...own].sort().join(''));
  }
  return keys;
}

/** True when a part of the title names the site (by its keys, or its words in another order). */
function namesSite(part: string, keys: ReadonlySet<string>): boolean {
  const k = siteKey(part);
  if (keys.has(k) || ARCHIVE_LABELS.has(k)) return true;
  const words = part
    .split(/[\s.]+/)
    .map(siteKey)
    .filter(Boolean);
  return words.length > 1 && keys.has(words.sort().join(''));
}

/**
 * The title without the parts at either end that name the site: "Headline | Site", "Site - Headline",
 * "Headline - Section - Site" only when the section is part of the site's own name. What is left must be a
 * substantial headline.
 */
export function cutSiteParts(
  title: string,
  names: ReadonlyArray<string | null | undefined>,
  host: string | null,
): string {
  const split = splitTitle(title);
  const n = split.parts.length;
  if (n < 2) return cutSitePrefix(title, names, host);
  const keys = siteKeys(names, host);
  // WordPress's "Site » Blog Archive » Post": whatever comes before the label is the site.
  const label = split.parts.findIndex((p) => ARCHIVE_LABELS.has(siteKey(p)));
  let from = label >= 0 && label < n - 1 && isSubstantial(joinParts(split, label + 1, n)) ? label + 1 : 0;
  let to = n;
  // The longest run of end parts that is one name ("Infoportal - Diakonie Deutschland"), then again.
  const endRun = () => {
    for (let i = from + 1; i < to; i++) if (namesSite(joinParts(split, i, to), keys)) return i;
    return to;
  };
  const startRun = () => {
    for (let j = to - 1; j > from; j--) if (namesSite(joinParts(split, from, j), keys)) return j;
    return from;
  };
  for (let moved = true; moved && to - from > 1;) {
    const end = endRun();
    const start = end === to ? startRun() : from;
    moved = end !== to || start !== from;
    if (!isSubstantial(joinParts(split, start, end))) break;
    from = start;
    to = end;
  }
  return from === 0 && to === n ? title : joinParts(split, from, to);
}

/** "Site: Headline" (a colon is a separator only after the site's own name). */
function cutSitePrefix(title: string, names: ReadonlyArray<string | null | undefined>, host: string | null) {
  const m = /^([^:]{2,60}):\s+(.+)$/u.exec(title);
  if (!m || !namesSite(m[1]!, siteKeys(names, host)) || !isSubstantial(m[2]!)) return title;
  return m[2]!;
}

/**
 * The page's <h1> when the title is that heading and more ("Alkohol auf dem Boot – Erfahre mehr zu den
 * Risiken" over the <h1> "Alkohol auf dem Boot"): the heading is the headline without decoration. A heading
 * at the end wins only over a shorter start ("Kücknitz - So lief die Auktion …"): a site's logo is often an
 * <h1> too, and "Headline | Site" must not become "Site".
 */
export function headingInTitle(title: string, headings: PageMeta['headings']): string | null {
  const split = splitTitle(title);
  const n = split.parts.length;
  if (n < 2) return null;
  const h1s = new Set(headings.filter((h) => h.level === 1).map((h) => siteKey(h.text)));
  for (let i = n - 1; i >= 1; i--) {
    const head = joinParts(split, 0, i);
    if (isSubstantial(head) && h1s.has(siteKey(head))) return head;
    const tail = joinParts(split, n - i, n);
    const rest = joinParts(split, 0, n - i);
    if (isSubstantial(tail) && tail.length > rest.length && h1s.has(siteKey(tail))) return tail;
  }
  return null;
}

export interface SiteClues {
  /** The names the page gives itself: og:site_name, application-name, JSON-LD publisher. */
  names: ReadonlyArray<string | null | undefined>;
  /** The outlet registry's name for the page's domain (built in, or the library's own), if it has one. */
  registered: string | null;
  host: string | null;
}

/**
 * A metadata title's <h1> when the title is exactly that heading plus one part that reads as a name ("… |
 * Eleanor Ainge Roy" on the Guardian, "Chapter - Story" on Royal Road): a byline or series name the publisher
 * appended, not words of the headline, which go on in lower case ("Deal agreed - what it means for you").
 */
export function headingBesideName(title: string, headings: PageMeta['headings']): string | null {
  const split = splitTitle(title);
  const n = split.parts.length;
  if (n < 2) return null;
  const h1s = new Set(headings.filter((h) => h.level === 1).map((h) => siteKey(h.text)));
  const head = joinParts(split, 0, n - 1);
  if (isSubstantial(head) && h1s.has(siteKey(head)) && isNameLike(split.parts[n - 1]!)) return head;
  const tail = joinParts(split, 1, n);
  if (isSubstantial(tail) && h1s.has(siteKey(tail)) && isNameLike(split.parts[0]!)) return tail;
  return null;
}

/** A short part whose every word starts with a capital (or a script without case): a name, not a clause. */
function isNameLike(part: string): boolean {
  const words = part.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return (
    words.length > 0 &&
    words.length <= 4 &&
    part.length <= 40 &&
    words.every((w) => !/^[^\p{L}]*\p{Ll}/u.test(w))
  );
}

/**
 * The article title of a page: the best candidate, without the parts that name the site; and the candidate
 * as published (html.ts drops a first paragraph that repeats it, as it did before titles were cut). Every
 * candidate loses the parts the page names as its site (og:site_name, application-name, JSON-LD publisher,
 * the registry's name, its domain) and WordPress's archive label; Readability and its test pages keep them on
 * metadata titles ("… - Breitbart"), the users want the headline. A <title> also loses whatever its
 * <h1> leaves out; a metadata title, written by the publisher as the headline, only a name-like part beside
 * its <h1> (headingBesideName). The library cuts a suffix its other titles from the domain share
 * (shared/domain/title-suffix.ts).
 */
export function articleTitle(pm: PageMeta, site: SiteClues): { title: string; asPublished: string } {
  const { title: asPublished, fromMeta } = pickTitle(pm);
  return { title: cleanTitle(pm, asPublished, fromMeta, site), asPublished };
}

function cleanTitle(pm: PageMeta, title: string, fromMeta: boolean, site: SiteClues): string {
  const names = [...site.names, site.registered];
  const keys = siteKeys(names, site.host);
  // A title that is the site's own name (a home page, "Yahoo News - Latest News & Headlines") stays whole.
  if (keys.has(siteKey(title))) return title;
  // A <title> whose site parts are known is cut from the whole ("Time 4 talks » Blog Archiv » Headline"), not
  // from Readability's guess at it, which may have kept the site and dropped the headline.
  const whole = fromMeta ? title : squash(pm.titleTag);
  const cutWhole = cutSiteParts(whole, names, site.host);
  const cut = cutWhole !== whole ? cutWhole : cutSiteParts(title, names, site.host);
  const heading = fromMeta ? headingBesideName(cut, pm.headings) : headingInTitle(cut, pm.headings);
  return heading && !namesSite(heading, keys) ? heading : cut;
}
