// Parser for hand-written .txt and .md files: the first non-empty line is the title, blank lines separate
// paragraphs, hard-wrapped lines within a paragraph are joined. A few lines right under the title may carry
// a date, a URL or a byline. Markdown is reduced to its text; YAML front matter, when present, wins.
import type { DateSource, ParsedArticle } from '../../../../shared/domain/types';
import { isBoilerplate, isStopLine, relatedMarker } from './boilerplate';
import { parseDate, parseDateLine } from './dates';
import { detectLanguage, languageFromLocale } from './language';
import { resolveOutlet } from './outlet-clues';
import { ImportRefusal } from '../refusal';
import { BYLINE, URL_RE, cleanInline, stripHeadingMarks } from './line-helpers';

/** Inline markdown → text: images go, links keep their text, emphasis and code marks go. */
export function stripMarkdownInline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])/g, '$1$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/`+([^`]+)`+/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
}

interface FrontMatter {
  [key: string]: string;
}

/** "---\nkey: value\n---" at the very top. Only flat "key: value" pairs are read. */
function splitFrontMatter(text: string): { meta: FrontMatter; rest: string } {
  const m = text.match(/^---\n([\s\S]*?)\n---(?:\n|$)/);
  if (!m) return { meta: {}, rest: text };
  const meta: FrontMatter = {};
  for (const line of m[1]!.split('\n')) {
    const kv = line.match(/^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/);
    if (kv && kv[2]) meta[kv[1]!.toLowerCase()] = kv[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return { meta, rest: text.slice(m[0].length) };
}

/** Markdown blocks: headings and list items stand alone, fences and rules go, other lines join up. */
function markdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current.join(' '));
    current = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s{0,3}>\s?/, '');
    if (/^\s*(?:```|~~~)/.test(line) || /^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue;
    if (/^\s*$/.test(line)) flush();
    else if (/^\s*(?:[-*_]\s*){3,}$/.test(line) || /^\s*=+\s*$/.test(line)) flush();
    else if (/^\s{0,3}#{1,6}\s/.test(line)) {
      flush();
      blocks.push(stripHeadingMarks(line));
    } else if (/^\s*(?:[-*+]|\d+[.)])\s+/.test(line)) {
      flush();
      current.push(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
    } else current.push(line);
  }
  flush();
  return blocks.map((b) => cleanInline(stripMarkdownInline(b))).filter(Boolean);
}

function textBlocks(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((b) => cleanInline(b.replace(/\n/g, ' ')))
    .filter(Boolean);
}

export function parsePlainText(text: string, markdown: boolean): ParsedArticle {
  const { meta, rest } = markdown ? splitFrontMatter(text) : { meta: {} as FrontMatter, rest: text };
  const lines = rest.split('\n');
  let at = 0;
  let title = cleanInline(meta.title ?? '');
  if (!title) {
    // The title is a line of its own even when the next line follows without a blank.
    while (at < lines.length && !/\S/.test(lines[at]!)) at++;
    const first = stripHeadingMarks(cleanInline(lines[at] ?? ''));
    title = markdown ? cleanInline(stripMarkdownInline(first)) : first;
    at++;
  }
  if (!title) throw new ImportRefusal('no article text found');

  let published = meta.date || meta.published ? parseDate(meta.date ?? meta.published!) : null;
  // Front matter is metadata; a date line under the title is the text's own.
  let publishedFrom: DateSource | undefined = published ? 'meta' : undefined;
  let modified = meta.modified || meta.updated ? parseDate(meta.modified ?? meta.updated!) : null;
  const metaUrl = meta.url ?? meta.link ?? meta.canonical;
  let url: string | null = metaUrl && /^https?:\/\/\S+$/i.test(metaUrl) ? metaUrl : null;
  let author: string | null = meta.author ?? null;
  // Metadata lines directly under the title: dates, the address, a byline, a repeated title, setext marks.
  for (; at < lines.length; at++) {
    const line = cleanInline(markdown ? stripMarkdownInline(lines[at]!) : lines[at]!);
    const date = parseDateLine(line);
    const byline = line.match(BYLINE);
    if (!line || line === title || /^(?:=+|-+)$/.test(line)) continue;
    if (date) {
      if (date.kind === 'modified') modified ??= date.iso;
      else if (!published) {
        published = date.iso;
        publishedFrom = 'text';
      }
    } else if (/^https?:\/\/\S+$/i.test(line)) url ??= line;
    else if (byline) author ??= byline[1]!;
    else break;
  }
  // Comments and the footer after a "Comments" heading are not the article.
  const stop = lines.findIndex((l, i) => i >= at && isStopLine(stripHeadingMarks(cleanInline(l))));
  const body = lines.slice(at, stop >= 0 ? stop : undefined).join('\n');
  const blocks = markdown ? markdownBlocks(body) : textBlocks(body);
  const paragraphs = blocks.filter(
    (b, i) =>
      b !== title &&
      !isBoilerplate(b) &&
      !relatedMarker(b) &&
      !(i > 0 && relatedMarker(blocks[i - 1]!) === 'marker'),
  );
  const lead = cleanInline(meta.lead ?? meta.description ?? meta.summary ?? '');
  if (!lead && paragraphs.length === 0) throw new ImportRefusal('no article text found (only a title)');

  const otherUrls = [title, ...paragraphs].flatMap((p) => p.match(URL_RE) ?? []);
  const metaLang = meta.lang ?? meta.language;
  return {
    title,
    outlet: resolveOutlet({ url, selfName: meta.outlet ?? meta.publisher ?? null, otherUrls }),
    url,
    published,
    publishedFrom,
    modified,
    language:
      (metaLang && languageFromLocale(metaLang)) || detectLanguage([title, lead, ...paragraphs].join('\n')),
    author,
    lead,
    paragraphs,
  };
}
