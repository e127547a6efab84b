// The import report as CSV: one row per file (per article for a container that held several), with the
// same conventions as the annotation export (shared/domain/export/csv.ts): UTF-8 BOM, CRLF, RFC 4180 quoting and
// the spreadsheet formula guard. Files a cancelled import never sent are listed too, as "not sent".
import type { ExportFile, ImportFileResult } from '../../../../shared/domain/types';
import { csvCell } from '../../../../shared/domain/export/csv';

export const IMPORT_REPORT_COLUMNS = ['file', 'status', 'article_id', 'title', 'reason'] as const;

export interface ImportReportRows {
  results: readonly ImportFileResult[];
  notSent?: readonly string[];
  /** Why files were not sent: the import was cancelled, or a call failed. */
  notSentReason?: string;
}

export function importReportCsv({
  results,
  notSent = [],
  notSentReason = 'not sent: the import was cancelled',
}: ImportReportRows): string {
  const lines = [IMPORT_REPORT_COLUMNS.join(',')];
  for (const r of results)
    lines.push(
      [r.fileName, r.status, r.articleId ?? '', r.title ?? '', r.reason ?? ''].map(csvCell).join(','),
    );
  for (const name of notSent) lines.push([name, 'not sent', '', '', notSentReason].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "import-report-2024-05-01-1030.csv" in local time. */
export function importReportFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `import-report-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}.csv`;
}

export function importReportFile(rows: ImportReportRows, at: Date): ExportFile {
  return {
    fileName: importReportFileName(at),
    mimeType: 'text/csv;charset=utf-8',
    content: importReportCsv(rows),
  };
}
