// Crawler exports in JSON: news-please, trafilatura and newspaper-style records, one article per record, as a
// JSON array, a single object, or JSON Lines (.jsonl, .ndjson). Each article keeps its own record's source
// text as its original bytes (for JSON Lines, the exact line) and is labelled "file.jsonl#3" (the line, or
// the record's number in an array). A record without text is refused on its own; the others still import.
import type { ParsedArticle } from '../../../../shared/types';
import { knownBinaryType } from '../binary';
import { parseDate } from '../dates';
import { detectLanguage, languageFromLocale } from '../language';
import { normalizeHost, registeredName, resolveOutlet } from '../outlets';
import { ImportRefusal } from '../refusal';
import { cleanInline } from '../text';
import { JsonSyntaxError, scanJson } from './json-scan';
import type { ExtractedItem, FormatExtractor } from './types';

type Rec = Record<string, unknown>;

const TEXT = ['maintext', 'text', 'raw_text', 'content', 'body', 'article_text', 'full_text', 'articleBody'];
const TITLE = ['title', 'headline', 'title_page', 'title_rss'];
const PUBLISHED = ['date_publish', 'publish_date', 'date_published', 'datePublished', 'published', 'pubdate', 'date'];
const MODIFIED = ['date_modify', 'date_modified', 'dateModified', 'modified', 'updated'];
const URL_KEYS = ['url', 'canonical_url', 'link', 'source'];
const SITE = ['sitename', 'site_name', 'source-hostname', 'publisher', 'source_name'];
const DOMAIN = ['source_domain', 'hostname', 'domain'];
const LANGUAGE = ['language', 'meta_lang', 'lang', 'language_code'];
const LEAD = ['description', 'excerpt', 'summary', 'meta_description', 'lead'];

function str(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v && typeof v === 'object' && 'name' in v && typeof (v as Rec).name === 'string') return ((v as Rec).name as string).trim();
  return '';
}

const pick = (rec: Rec, keys: readonly string[]) => keys.map((k) => str(rec[k])).find(Boolean) ?? '';

function date(rec: Rec, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = rec[k];
    // Seconds (or milliseconds) since the epoch name an instant: UTC is exact.
    if (typeof v === 'number' && v > 1e8) return new Date(v > 1e11 ? v : v * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const parsed = typeof v === 'string' ? parseDate(v) : null;
    if (parsed) return parsed;
  }
  return null;
}

function authors(rec: Rec): string | null {
  const list = Array.isArray(rec.authors) ? rec.authors.map(str) : str(rec.author).split(/\s*;\s*/);
  const names = list.map((s) => cleanInline(s)).filter(Boolean);
  return names.length ? names.join(', ') : null;
}

/** Paragraphs of an extracted text: blank-line blocks when there are any, else one per line. */
function paragraphsOf(text: string): string[] {
  const t = text.replace(/\r\n?/g, '\n');
  const blocks = /\n\s*\n/.test(t) ? t.split(/\n\s*\n/).map((b) => b.replace(/\n/g, ' ')) : t.split('\n');
  return blocks.map(cleanInline).filter(Boolean);
}

/** The article in one record, or the reason it has none. */
export function articleFromRecord(rec: unknown): ParsedArticle | string {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return 'not an object';
  const r = rec as Rec;
  const paragraphs = paragraphsOf(pick(r, TEXT));
  if (!paragraphs.some((p) => /[\p{L}\p{N}]/u.test(p))) return 'no article text';
  let title = cleanInline(pick(r, TITLE));
  if (!title) {
    if (paragraphs.length < 2 || paragraphs[0]!.length > 200) return 'no title';
    title = paragraphs.shift()!;
  }
  if (paragraphs[0] === title && paragraphs.length > 1) paragraphs.shift();
  let lead = cleanInline(pick(r, LEAD));
  if (lead && (paragraphs[0]!.startsWith(lead.replace(/…$|\.\.\.$/, '')) || paragraphs.includes(lead))) lead = '';
  const urlValue = pick(r, URL_KEYS);
  const url = /^https?:\/\/\S+$/i.test(urlValue) ? urlValue : null;
  const siteName = pick(r, SITE) || null;
  const domain = normalizeHost(pick(r, DOMAIN).replace(/^https?:\/\//, '').split('/')[0]!);
  const outlet = url || !domain ? resolveOutlet({ url, selfName: siteName }) : { name: registeredName(domain) ?? siteName ?? domain, domain };
  const lang = pick(r, LANGUAGE);
  return {
    title,
    outlet,
    url,
    published: date(r, PUBLISHED),
    modified: date(r, MODIFIED),
    language: (lang && languageFromLocale(lang)) || detectLanguage([title, lead, ...paragraphs].join('\n')),
    author: authors(r),
    lead,
    paragraphs,
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (JSON's encoding), or null; a UTF-8 byte-order mark is allowed and dropped. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** Line number of the first byte that is not valid UTF-8 (a newline byte is never inside a character). */
function badUtf8Line(bytes: Uint8Array): number {
  let start = 0;
  for (let n = 1; start < bytes.length; n++) {
    const end = bytes.indexOf(0x0a, start);
    if (decodeUtf8(bytes.subarray(start, end < 0 ? bytes.length : end)) === null) return n;
    if (end < 0) break;
    start = end + 1;
  }
  return 1;
}

function recordItem(label: string, n: number, bytes: Uint8Array, value: unknown): ExtractedItem {
  const result = articleFromRecord(value);
  return typeof result === 'string' ? { label, refusal: `record ${n}: ${result}` } : { label, bytes, article: result };
}

/** JSON Lines: each non-empty line a record, read on its own (a bad line refuses only itself). */
function jsonLines(label: string, bytes: Uint8Array): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  let start = 0;
  for (let n = 1; start <= bytes.length; n++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    let line = bytes.subarray(start, end);
    if (line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
    if (n === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    start = end + 1;
    const text = decodeUtf8(line);
    const itemLabel = `${label}#${n}`;
    if (text === null) items.push({ label: itemLabel, refusal: `record ${n}: not valid UTF-8` });
    else if (/\S/.test(text)) {
      try {
        scanJson(text);
        items.push(recordItem(itemLabel, n, line, JSON.parse(text)));
      } catch (err) {
        const why = err instanceof JsonSyntaxError ? `${err.message.replace(/ at line 1,/, ' at')}` : String(err);
        items.push({ label: itemLabel, refusal: `record ${n}: invalid JSON (${why})` });
      }
    }
  }
  if (items.length === 0) throw new ImportRefusal('empty file (no JSON records)');
  return items;
}

export const jsonFormat: FormatExtractor = {
  extensions: ['.json', '.jsonl', '.ndjson'],
  name: 'JSON export',
  extract(label, bytes) {
    if (bytes.length === 0) throw new ImportRefusal('empty file');
    const type = knownBinaryType(bytes);
    if (type) throw new ImportRefusal(`not a JSON file (${type})`);
    const lines = /\.(?:jsonl|ndjson)$/i.test(label);
    const text = decodeUtf8(bytes);
    if (lines && text === null) return jsonLines(label, bytes);
    if (text === null) throw new ImportRefusal(`not valid UTF-8 (line ${badUtf8Line(bytes)}); JSON files must be UTF-8`);
    if (!/\S/.test(text)) throw new ImportRefusal('empty file (whitespace only)');
    let scan;
    try {
      scan = scanJson(text);
    } catch (err) {
      if (!(err instanceof JsonSyntaxError)) throw err;
      // JSON Lines saved as .json: one object per line is a syntax error as a whole.
      const firstLine = text.split('\n').find((l) => /\S/.test(l)) ?? '';
      if (lines || (err.line > 1 && /^\s*\{.*\}\s*$/.test(firstLine))) return jsonLines(label, bytes);
      throw new ImportRefusal(`invalid JSON: ${err.message}`);
    }
    if (lines && scan.top !== 'array') return jsonLines(label, bytes);
    if (scan.top === 'object') {
      const result = articleFromRecord(JSON.parse(text));
      if (typeof result === 'string') throw new ImportRefusal(result === 'no article text' ? 'no article text in the JSON object' : result);
      return [{ label, bytes, article: result }];
    }
    if (scan.top === 'scalar') throw new ImportRefusal('not a crawler export (a single JSON value, not an object or array)');
    if (scan.elements.length === 0) throw new ImportRefusal('no records (an empty JSON array)');
    const encoder = new TextEncoder();
    return scan.elements.map(([s, e], i) => {
      const source = text.slice(s, e);
      return recordItem(`${label}#${i + 1}`, i + 1, encoder.encode(source), JSON.parse(source));
    });
  },
};
