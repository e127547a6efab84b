// From a document's blocks (headings and paragraphs, in reading order) and its file metadata to an article.
// Shared by the document formats (docx, odt, pdf): the title is a heading near the top or the file's own
// title, and the lines right under it may carry a date, a byline or the address, as in the plain-text parser.
// Dates and bylines written in the text win over file metadata, which records who saved the file and when.
import type { DateSource, ParsedArticle } from '../../../../shared/domain/types';
import { isBoilerplate } from '../text/boilerplate';
import { parseDateLine } from '../text/dates';
import { detectLanguage, languageFromLocale } from '../text/language';
import { resolveOutlet } from '../text/outlet-clues';
import { ImportRefusal } from '../refusal';
import { BYLINE, URL_RE, cleanInline } from '../text/line-helpers';

export interface DocBlock {
  text: string;
  heading?: boolean;
  /** Page number, for paged sources. */
  page?: number;
}

export interface DocMeta {
  title?: string | null;
  author?: string | null;
  published?: string | null;
  modified?: string | null;
  /** A locale as the file states it ("it-IT"). */
  language?: string | null;
  url?: string | null;
}

/** Only the first few blocks can hold the title and its metadata lines. */
const HEAD_BLOCKS = 3;
const MAX_TITLE_CHARS = 300;

/** A file-metadata title worth showing: not a placeholder, file name or application stamp. */
export function meaningfulTitle(title: string | null | undefined): string | null {
  const t = cleanInline(title ?? '');
  if (t.length < 3 || t.length > MAX_TITLE_CHARS || !/\p{L}{2}/u.test(t)) return null;
  if (
    /^(?:untitled|senza titolo|sans titre|unbenannt|sin título|document\s*\d*|documento\s*\d*|doc\d+|title|titolo|presentation\d*)$/i.test(
      t,
    )
  )
    return null;
  if (
    /\.(?:docx?|odt|rtf|pdf|txt|html?|indd|pages|qxd)$/i.test(t) ||
    /^microsoft (?:word|powerpoint)\b/i.test(t)
  )
    return null;
  return t;
}

/** The first words of a long first block, when nothing better names the document. */
function headline(text: string): string {
  const words = text.split(' ');
  return words.length <= 12 ? text : `${words.slice(0, 12).join(' ')}…`;
}

export function articleFromBlocks(
  raw: readonly DocBlock[],
  meta: DocMeta,
  prefer: 'meta' | 'heading',
): ParsedArticle {
  const blocks = raw.map((b) => ({ ...b, text: cleanInline(b.text) })).filter((b) => b.text);
  if (blocks.length === 0) throw new ImportRefusal('no article text found');
  const metaTitle = meaningfulTitle(meta.title);
  const headingAt = blocks
    .slice(0, HEAD_BLOCKS)
    .findIndex((b) => b.heading && b.text.length <= MAX_TITLE_CHARS);
  let title: string;
  let at = 0;
  if (metaTitle && (prefer === 'meta' || headingAt < 0)) {
    title = metaTitle;
    const same = blocks
      .slice(0, HEAD_BLOCKS)
      .findIndex((b) => b.text.toLowerCase() === metaTitle.toLowerCase());
    if (same >= 0) {
      blocks.splice(same, 1);
      at = same;
    }
  } else if (headingAt >= 0) {
    title = blocks[headingAt]!.text;
    blocks.splice(headingAt, 1);
    at = headingAt;
  } else if (blocks[0]!.text.length <= 200 && blocks.length > 1) {
    title = blocks.shift()!.text;
  } else title = headline(blocks[0]!.text);

  let { published = null, modified = null, author = null, url = null } = meta;
  let publishedFrom: DateSource | undefined = published ? 'meta' : undefined;
  // Date, byline and address lines right under the title.
  for (let i = at; i < Math.min(blocks.length, at + 4);) {
    const line = blocks[i]!.text;
    const date = line.length <= 80 ? parseDateLine(line) : null;
    const byline = line.match(BYLINE);
    if (date) {
      // The file's timestamp is kept when it falls on the written date: it is the more precise of the two.
      const precise = (known: string | null) => (known?.startsWith(date.iso) ? known : date.iso);
      if (date.kind === 'modified') modified = precise(modified);
      else {
        // The document's creation date is its file's, not the article's: a date written under the title wins.
        if (!published?.startsWith(date.iso)) publishedFrom = 'text';
        published = precise(published);
      }
    } else if (byline) author = byline[1]!;
    else if (/^https?:\/\/\S+$/i.test(line)) url ??= line;
    else break;
    blocks.splice(i, 1);
  }
  const body = blocks.filter((b) => b.text !== title && !isBoilerplate(b.text));
  if (body.length === 0) throw new ImportRefusal('no article text found (only a title)');
  const paragraphs = body.map((b) => b.text);
  const pages = body.every((b) => b.page !== undefined) ? body.map((b) => b.page!) : undefined;
  const text = [title, ...paragraphs].join('\n');
  return {
    title,
    outlet: resolveOutlet({ url, otherUrls: paragraphs.flatMap((p) => p.match(URL_RE) ?? []) }),
    url,
    published,
    publishedFrom,
    modified,
    language: (meta.language && languageFromLocale(meta.language)) || detectLanguage(text),
    author: author ? cleanInline(author) || null : null,
    lead: '',
    paragraphs,
    ...(pages ? { pages } : {}),
  };
}
