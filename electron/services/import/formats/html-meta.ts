// Article metadata a web page declares about itself: schema.org JSON-LD, OpenGraph and other <meta> tags,
// <link rel=canonical>, <html lang> (the dates of the page's markup are read by html-date-markup.ts). This module only collects what is there (read before
// Readability rewrites the document); html-fields.ts decides which source wins.
import type { DomDocument } from './dom';

/** The fields of a schema.org Article (or subtype) that the importer uses. */
export interface JsonLdArticle {
  headline: string | null;
  name: string | null;
  description: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisher: string | null;
  inLanguage: string | null;
  url: string | null;
}

export interface PageMeta {
  jsonld: JsonLdArticle | null;
  /** The dates of the JSON-LD: the article's, else those of another dated node of the graph. */
  jsonldDates: JsonLdDates | null;
  /** Lower-case meta name / property / itemprop / "http-equiv:<name>" → contents in document order. */
  meta: Map<string, string[]>;
  /** <title> text. */
  titleTag: string;
  /** Texts of the page's <h1> and <h2> elements (the first hundred), to judge the <title> by. */
  headings: Array<{ level: 1 | 2; text: string }>;
  canonical: string | null;
  base: string | null;
  htmlLang: string | null;
}

/** JSON-LD blocks larger than this are not parsed (no real article's metadata comes near it). */
const MAX_JSONLD_CHARS = 1_000_000;
/** How deep the JSON-LD walk looks for an article object (graphs, mainEntity, arrays). */
const MAX_JSONLD_DEPTH = 8;
const ARTICLE_TYPE =
  /^(?:(?:News|Reportage|Analysis|Opinion|Review|Background|Satirical|Scholarly|Tech|Advertiser|AskPublicAction)?Article|(?:Live)?BlogPosting|SocialMediaPosting|DiscussionForumPosting|Report)$/;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
};

/** Metadata values are often escaped twice by their CMS ("&amp;quot;"); the DOM undid one level, this the other. */
export function unescapeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&(amp|quot|apos|lt|gt|nbsp);/g, (_, name: string) => NAMED_ENTITIES[name]!)
    .replace(
      /&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));/gi,
      (_, hex: string | undefined, dec: string | undefined) => {
        const n = parseInt(hex ?? dec ?? '0', hex ? 16 : 10);
        return n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? '\ufffd' : String.fromCodePoint(n);
      },
    );
}

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  // "schema:NewsArticle", "http://schema.org/NewsArticle" → "NewsArticle".
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
}

function str(v: Json): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  return null;
}

/** Every object in the JSON, breadth-first (arrays, @graph and nested values), and an @id index. */
function collectObjects(root: Json): { objects: JsonObject[]; byId: Map<string, JsonObject> } {
  const objects: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  let level: Json[] = [root];
  for (let depth = 0; depth < MAX_JSONLD_DEPTH && level.length > 0; depth++) {
    const next: Json[] = [];
    for (const v of level) {
      if (Array.isArray(v)) next.push(...v);
      else if (isObject(v)) {
        objects.push(v);
        const id = v['@id'];
        if (typeof id === 'string' && !byId.has(id) && Object.keys(v).length > 1) byId.set(id, v);
        for (const [k, child] of Object.entries(v))
          if (k !== '@context' && typeof child === 'object' && child !== null) next.push(child);
      }
    }
    level = next;
  }
  return { objects, byId };
}

function deref(v: Json, byId: Map<string, JsonObject>): Json {
  if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1)
    return byId.get(v['@id']) ?? v;
  return v;
}

function names(v: Json, byId: Map<string, JsonObject>): string[] {
  const out: string[] = [];
  for (const item of Array.isArray(v) ? v : [v]) {
    const o = deref(item, byId);
    const name = typeof o === 'string' ? o.trim() : isObject(o) ? str(o.name) : null;
    // Some CMSs put a profile URL where the name belongs.
    if (name && !/^https?:\/\//i.test(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

function articleFrom(o: JsonObject, byId: Map<string, JsonObject>): JsonLdArticle {
  const lang = deref(o.inLanguage, byId);
  const page = deref(o.mainEntityOfPage, byId);
  const url =
    str(o.url) ??
    (typeof page === 'string' ? page : isObject(page) ? (str(page['@id']) ?? str(page.url)) : null);
  return {
    headline: str(o.headline),
    name: str(o.name),
    description: str(o.description),
    datePublished: str(o.datePublished) ?? str(o.dateCreated),
    dateModified: str(o.dateModified),
    authors: names(o.author ?? o.creator, byId),
    publisher: names(o.publisher ?? o.sourceOrganization, byId)[0] ?? null,
    inLanguage:
      typeof lang === 'string' ? lang : isObject(lang) ? (str(lang.alternateName) ?? str(lang.name)) : null,
    url,
  };
}

/**
 * Types whose datePublished is the page's: articles, and the WebPage node of a graph (Yoast and other CMSs put the
 * dates there, beside an Article node without them). Not a comment's, a review's, an image's or an offer's date.
 */
const DATED_TYPE =
  /^(?:\w*Article|\w*Posting|\w*Page|CreativeWork|Report|Blog|VideoObject|Recipe|PodcastEpisode|Episode|Clip)$/;

/** The publication and update dates a page's JSON-LD gives (parsed with the article, see scanJsonLd). */
export interface JsonLdDates {
  published: string | null;
  modified: string | null;
}

/**
 * The first schema.org article object in the page's JSON-LD blocks, and the page's dates: the article's, else
 * those of the first other dated node (a graph's WebPage). Malformed blocks are skipped.
 */
function scanJsonLd(doc: DomDocument): { article: JsonLdArticle | null; dates: JsonLdDates | null } {
  let dates: JsonLdDates | null = null;
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const raw = script.textContent ?? '';
    if (raw.length > MAX_JSONLD_CHARS) continue;
    let parsed: Json;
    try {
      parsed = JSON.parse(raw.replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, ''));
    } catch {
      continue;
    }
    const { objects, byId } = collectObjects(parsed);
    if (!dates) {
      const dated = objects.find((o) => str(o.datePublished) && typesOf(o).some((t) => DATED_TYPE.test(t)));
      if (dated) dates = { published: str(dated.datePublished), modified: str(dated.dateModified) };
    }
    const found = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)));
    if (found) {
      const article = articleFrom(found, byId);
      if (article.datePublished) dates = { published: article.datePublished, modified: article.dateModified };
      return { article, dates };
    }
  }
  return { article: null, dates };
}

/** The first schema.org article object in the page's JSON-LD blocks, or null. Malformed blocks are skipped. */
export function readJsonLd(doc: DomDocument): JsonLdArticle | null {
  return scanJsonLd(doc).article;
}

function addMeta(map: Map<string, string[]>, key: string, value: string): void {
  const k = key.trim().toLowerCase();
  if (!k) return;
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

export function readPageMeta(doc: DomDocument): PageMeta {
  const meta = new Map<string, string[]>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (content === null || !content.trim()) continue;
    const value = unescapeEntities(content.trim());
    // property may list several ("og:title twitter:title"); name and itemprop are single keys.
    for (const p of (el.getAttribute('property') ?? '').split(/\s+/)) if (p) addMeta(meta, p, value);
    const name = el.getAttribute('name');
    if (name) addMeta(meta, name, value);
    const itemprop = el.getAttribute('itemprop');
    if (itemprop) addMeta(meta, itemprop, value);
    const equiv = el.getAttribute('http-equiv');
    if (equiv) addMeta(meta, `http-equiv:${equiv}`, value);
  }
  const canonical = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href')?.trim() || null;
  const base = doc.querySelector('base[href]')?.getAttribute('href')?.trim() || null;
  const htmlLang =
    (
      doc.documentElement?.getAttribute('lang') ??
      doc.documentElement?.getAttribute('xml:lang') ??
      ''
    ).trim() || null;
  const titleEl = doc.querySelector('title');
  const headings = Array.from(doc.querySelectorAll('h1, h2'))
    .slice(0, 100)
    .map((h) => ({
      level: (h.localName.toLowerCase() === 'h1' ? 1 : 2) as 1 | 2,
      text: (h.textContent ?? '').trim(),
    }));
  const jsonld = scanJsonLd(doc);
  return {
    jsonld: jsonld.article,
    jsonldDates: jsonld.dates,
    meta,
    titleTag: titleEl?.textContent ?? '',
    headings,
    canonical,
    base,
    htmlLang,
  };
}

/** First non-empty value among the meta keys, in the order given. */
export function firstMeta(meta: Map<string, string[]>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k)?.find((x) => x.trim());
    if (v) return v.trim();
  }
  return null;
}
