// Crawler exports in JSON: news-please, trafilatura and newspaper-style records, one article per record, as a
// JSON array, a single object, or JSON Lines (.jsonl, .ndjson). Each article keeps its own record's source
// text as its original bytes (for JSON Lines, the exact line) and is labelled "file.jsonl#3" (the line, or
// the record's number in an array). A record without text is refused on its own; the others still import.
// A .jsonl file without one article that is plainly binary or not JSON at all is refused once, as a whole.
import type { ParsedArticle } from '../../../../shared/domain/types';
import { knownBinaryType } from '../encoding/binary-signatures';
import { parseDate } from '../text/dates';
import { detectLanguage, languageFromLocale } from '../text/language';
import { normalizeHost, registeredName, resolveOutlet } from '../text/outlet-clues';
import { ImportRefusal } from '../refusal';
import { cleanInline } from '../text/line-helpers';
import { JsonSyntaxError, scanJson } from './json-scan';
import type { ExtractedItem, FormatExtractor } from './types';

type Rec = Record<string, unknown>;

const TEXT = ['maintext', 'text', 'raw_text', 'content', 'body', 'article_text', 'full_text', 'articleBody'];
const TITLE = ['title', 'headline', 'title_page', 'title_rss'];
const PUBLISHED = [
  'date_publish',
  'publish_date',
  'date_published',
  'datePublished',
  'published',
  'pubdate',
  'date',
];
const MODIFIED = ['date_modify', 'date_modified', 'dateModified', 'modified', 'updated'];
const URL_KEYS = ['url', 'canonical_url', 'link', 'source'];
const SITE = ['sitename', 'site_name', 'source-hostname', 'publisher', 'source_name'];
const DOMAIN = ['source_domain', 'hostname', 'domain'];
const LANGUAGE = ['language', 'meta_lang', 'lang', 'language_code'];
const LEAD = ['description', 'excerpt', 'summary', 'meta_description', 'lead'];

function str(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v && typeof v === 'object' && 'name' in v && typeof (v as Rec).name === 'string')
    return ((v as Rec).name as string).trim();
  return '';
}

const pick = (rec: Rec, keys: readonly string[]) => keys.map((k) => str(rec[k])).find(Boolean) ?? '';

function date(rec: Rec, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = rec[k];
    // Seconds (or milliseconds) since the epoch name an instant: UTC is exact.
    if (typeof v === 'number' && v > 1e8)
      return new Date(v > 1e11 ? v : v * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
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
  if (lead && (paragraphs[0]!.startsWith(lead.replace(/…$|\.\.\.$/, '')) || paragraphs.includes(lead)))
    lead = '';
  const urlValue = pick(r, URL_KEYS);
  const url = /^https?:\/\/\S+$/i.test(urlValue) ? urlValue : null;
  const siteName = pick(r, SITE) || null;
  const domain = normalizeHost(
    pick(r, DOMAIN)
      .replace(/^https?:\/\//, '')
      .split('/')[0]!,
  );
  const outlet =
    url || !domain
      ? resolveOutlet({ url, selfName: siteName })
      : { name: registeredName(domain) ?? siteName ?? domain, domain };
  const lang = pick(r, LANGUAGE);
  const published = date(r, PUBLISHED);
  return {
    title,
    outlet,
    url,
    published,
    ...(published ? { publishedFrom: 'meta' as const } : {}),
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
  return typeof result === 'string'
    ? { label, refusal: `record ${n}: ${result}` }
    : { label, bytes, article: result };
}

/** How the lines of a JSON Lines file fared, for judging the file as a whole. */
interface LineTally {
  /** Non-blank lines (a line that is not UTF-8 counts: it is not blank). */
  lines: number;
  notUtf8: number;
  notJson: number;
  /** Lines that are a JSON object or array, whether or not they hold an article. */
  structured: number;
  /** Lines that are JSON but a bare value (a number, a string, true…): what a line of prose may happen to be. */
  bare: number;
  articles: number;
  firstNotUtf8: number;
  /** The first line that is UTF-8 but not JSON, and why. */
  firstNotJson: { n: number; why: string } | null;
}

/** The first bytes, where a binary file shows itself (NUL, control bytes): enough, and bounded on a large file. */
const SNIFF_BYTES = 4096;

/** Control bytes that no JSON text holds raw (all C0 but tab, LF, CR; and DEL): common in binary, rare in text. */
function isControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f;
}

/**
 * The one reason to refuse a JSON Lines file as a whole, or null to report it line by line.
 *
 * A file with even one article keeps the line-by-line report: it is a real export, and each bad line is worth
 * naming by its record number. So does a file of JSON records that merely lack article text (another kind of
 * export): every line says what it is. But a file without a single article that is mostly not UTF-8, has a
 * NUL byte near its start, or has no JSON object or array line at all is not a JSON Lines export damaged here
 * and there: it is binary data or some other file under a .jsonl name, and a refusal per line break ("record
 * 212: not valid UTF-8", hundreds of them) only buries the one thing worth saying.
 *
 * The thresholds: "mostly" is more than half the non-blank lines. Random bytes split at 0x0A leave nearly
 * every line invalid UTF-8 (only the odd 1-3 byte line decodes), while a damaged export keeps at least half
 * its lines readable and is still reported line by line. A NUL byte cannot occur in any JSON text (it must be
 * escaped), and binary formats carry NULs in their first few KB, so one there settles it. A line that is a
 * bare JSON value ("2024" in a text file) does not make a file JSON Lines: only an object or array is a
 * record, so a file with none, and at least one line that is not JSON, is refused once whatever the mix.
 */
function wholeFileRefusal(bytes: Uint8Array, t: LineTally): string | null {
  if (t.articles > 0 || t.lines === 0) return null;
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  const nul = sniff.indexOf(0);
  if (t.notUtf8 * 2 > t.lines) {
    // Random bytes are about 11% control bytes; text in a legacy encoding (Latin-1, Windows-1252) has none.
    const binary = nul >= 0 || sniff.filter(isControl).length * 50 >= sniff.length;
    const counted = `${t.notUtf8} of ${t.lines} lines are not valid UTF-8`;
    return binary
      ? `not a JSON Lines file: ${counted} (binary data?)`
      : `${counted} (the first, line ${t.firstNotUtf8}); JSON Lines files must be UTF-8`;
  }
  if (nul >= 0) return `not a JSON Lines file: a NUL byte at offset ${nul} (binary data?)`;
  if (t.structured > 0 || !t.firstNotJson) return null;
  const { n, why } = t.firstNotJson;
  const others = [
    t.notUtf8 && `${t.notUtf8} not valid UTF-8`,
    t.bare && `${t.bare} a bare JSON value`,
  ].filter(Boolean);
  const counted = others.length
    ? `${t.notJson} of ${t.lines} lines ${t.notJson === 1 ? 'is' : 'are'} not valid JSON, ${others.join(', ')}`
    : t.lines === 1
      ? 'its only line is not valid JSON'
      : `none of its ${t.lines} lines is valid JSON`;
  return `no line is a JSON record: ${counted} (line ${n}: ${why})`;
}

/**
 * JSON Lines: each non-empty line a record, read on its own (a bad line refuses only itself), unless the file
 * as a whole is plainly not JSON Lines (see wholeFileRefusal), which is refused once.
 */
function jsonLines(label: string, bytes: Uint8Array): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  const tally: LineTally = {
    lines: 0,
    notUtf8: 0,
    notJson: 0,
    structured: 0,
    bare: 0,
    articles: 0,
    firstNotUtf8: 0,
    firstNotJson: null,
  };
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
    if (text === null) {
      tally.lines++;
      tally.notUtf8++;
      tally.firstNotUtf8 ||= n;
      items.push({ label: itemLabel, refusal: `record ${n}: not valid UTF-8` });
    } else if (/\S/.test(text)) {
      tally.lines++;
      try {
        scanJson(text);
        const value: unknown = JSON.parse(text);
        const item = recordItem(itemLabel, n, line, value);
        if (value !== null && typeof value === 'object') tally.structured++;
        else tally.bare++;
        if ('article' in item) tally.articles++;
        items.push(item);
      } catch (err) {
        const why =
          err instanceof JsonSyntaxError ? `${err.message.replace(/ at line 1,/, ' at')}` : String(err);
        tally.notJson++;
        tally.firstNotJson ??= { n, why };
        items.push({ label: itemLabel, refusal: `record ${n}: invalid JSON (${why})` });
      }
    }
  }
  if (items.length === 0) throw new ImportRefusal('empty file (no JSON records)');
  const whole = wholeFileRefusal(bytes, tally);
  if (whole) throw new ImportRefusal(whole);
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
    if (text === null)
      throw new ImportRefusal(`not valid UTF-8 (line ${badUtf8Line(bytes)}); JSON files must be UTF-8`);
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
      if (typeof result === 'string')
        throw new ImportRefusal(result === 'no article text' ? 'no article text in the JSON object' : result);
      return [{ label, bytes, article: result }];
    }
    if (scan.top === 'scalar')
      throw new ImportRefusal('not a crawler export (a single JSON value, not an object or array)');
    if (scan.elements.length === 0) throw new ImportRefusal('no records (an empty JSON array)');
    const encoder = new TextEncoder();
    return scan.elements.map(([s, e], i) => {
      const source = text.slice(s, e);
      return recordItem(`${label}#${i + 1}`, i + 1, encoder.encode(source), JSON.parse(source));
    });
  },
};
