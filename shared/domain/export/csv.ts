// CSV export: one row per annotation, RFC 4180.
//
// - Records end in CRLF (the RFC's line break), including the last one; the first record is the header.
// - A field is quoted when it contains a double quote, comma, CR or LF; quotes inside are doubled.
// - The file starts with a UTF-8 byte order mark (U+FEFF). RFC 4180 does not need it, but without it Excel
//   opens a .csv in the machine's legacy code page and mangles accented text ("ritirerà" becomes "ritirerÃ ").
//   Other readers (LibreOffice, pandas with encoding="utf-8-sig", csv libraries) skip or strip it.
// - Formula injection guard: spreadsheets evaluate a cell that starts with "=", "+", "-" or "@" as a formula
//   (and a leading tab or CR is dropped before that check), so a hostile article title such as
//   "=HYPERLINK(...)" or "=cmd|' /C calc'!A0" would run when an analyst opens the export. Such cells get a
//   leading apostrophe, which spreadsheets treat as "this is text" (OWASP's CSV injection advice). The
//   apostrophe is visible to non-spreadsheet readers; the JSON export carries the exact values.

import type { Annotation, ArticleMeta, Claim, LibrarySnapshot } from '../types';
import { orderSnapshot } from './order';

export const CSV_COLUMNS = [
  'annotation_id',
  'claim_id',
  'claim_text',
  'claim_speaker',
  'article_id',
  'article_title',
  'outlet',
  'outlet_domain',
  'url',
  'published',
  'language',
  'stance',
  'speaker',
  'quote_exact',
  'quote_prefix',
  'quote_suffix',
  'position_start',
  'position_end',
  'tags',
  'note',
  'created_at',
  'updated_at',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const BOM = '\uFEFF';
const CRLF = '\r\n';
// Apostrophes already in front count too, so that reading back ("drop one leading ' before a formula start")
// gives every value exactly as it was, "'+" included.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: formula guard first, then RFC 4180 quoting. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(
  annotation: Annotation,
  claim: Claim | undefined,
  article: ArticleMeta | undefined,
): Record<CsvColumn, string | number> {
  return {
    annotation_id: annotation.id,
    claim_id: annotation.claimId,
    claim_text: claim?.text ?? '',
    claim_speaker: claim?.speaker ?? '',
    article_id: annotation.articleId,
    article_title: article?.title ?? '',
    outlet: article?.outlet.name ?? '',
    outlet_domain: article?.outlet.domain ?? '',
    url: article?.url ?? '',
    published: article?.published ?? '',
    language: article?.language ?? '',
    stance: annotation.stance,
    speaker: annotation.speaker,
    quote_exact: annotation.quote.exact,
    quote_prefix: annotation.quote.prefix,
    quote_suffix: annotation.quote.suffix,
    position_start: annotation.position.start,
    position_end: annotation.position.end,
    tags: annotation.tags.join('; '),
    note: annotation.note,
    created_at: annotation.createdAt,
    updated_at: annotation.updatedAt,
  };
}

/**
 * Every annotation as a CSV row, joined with its claim and article. Rows follow the Markdown export's order
 * (claims with most evidence first, evidence by date then outlet); annotations of unknown claims come last.
 */
export function toCsv(snapshot: LibrarySnapshot): string {
  const { claims, orphans, articlesById } = orderSnapshot(snapshot);
  const lines: string[] = [CSV_COLUMNS.map(csvCell).join(',')];
  const emit = (annotation: Annotation, claim: Claim | undefined) => {
    const r = row(annotation, claim, articlesById.get(annotation.articleId));
    lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  };
  for (const { claim, evidence } of claims) for (const e of evidence) emit(e.annotation, claim);
  for (const a of orphans) emit(a, undefined);
  return BOM + lines.join(CRLF) + CRLF;
}
