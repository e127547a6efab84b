// Builds a downloadable export file from a library snapshot. Pure: the caller supplies the snapshot and the
// clock, and saves or downloads the text.

import type { ExportFile, ExportFormat, LibrarySnapshot } from '../types';
import { toCsv } from './csv';
import { toJson } from './json';
import { toMarkdown } from './markdown';

export { toCsv, csvCell, CSV_COLUMNS } from './csv';
export type { CsvColumn } from './csv';
export { toJson } from './json';
export { toMarkdown, escapeMarkdownInline } from './markdown';

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

/** "workbench-notes-2022-01-10.md": the date is `now` in the local time zone, i.e. the analyst's calendar day. */
export function exportFileName(format: ExportFormat, now: Date): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `workbench-notes-${y}-${m}-${d}.${format}`;
}

export function buildExport(format: ExportFormat, snapshot: LibrarySnapshot, now: Date): ExportFile {
  let content: string;
  switch (format) {
    case 'md':
      content = toMarkdown(snapshot);
      break;
    case 'csv':
      content = toCsv(snapshot);
      break;
    case 'json':
      content = toJson(snapshot);
      break;
    default: {
      const never: never = format;
      throw new Error(`Unknown export format: ${String(never)}`);
    }
  }
  return { fileName: exportFileName(format, now), mimeType: EXPORT_MIME_TYPES[format], content };
}
