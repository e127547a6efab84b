// An import's result lines counted by status: what the importer answers per batch, what the window shows for a
// whole job and what the CLI's summary line says.
import type { ImportFileResult, ImportReport, ImportStatus } from './types';

export type StatusCounts = Record<ImportStatus, number>;

/** How many results have each status; added to `into` when given (counts kept across batches). */
export function countByStatus(
  results: Iterable<Pick<ImportFileResult, 'status'>>,
  into?: StatusCounts,
): StatusCounts {
  const counts = into ?? { imported: 0, 'near-duplicate': 0, duplicate: 0, refused: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** The report of these results: the lines and their counts. */
export function importReportOf(results: ImportFileResult[]): ImportReport {
  const c = countByStatus(results);
  return {
    results,
    imported: c.imported,
    nearDuplicates: c['near-duplicate'],
    duplicates: c.duplicate,
    refused: c.refused,
  };
}
