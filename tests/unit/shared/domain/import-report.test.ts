// Import results counted by status, once for the importer's per-batch reports, the window's job report and
// the CLI's summary line.
import { describe, expect, it } from 'vitest';
import { countByStatus, importReportOf } from '../../../../shared/domain/import-report';
import type { ImportFileResult } from '../../../../shared/domain/types';

const results: ImportFileResult[] = [
  { fileName: 'a', status: 'imported' },
  { fileName: 'b', status: 'refused', reason: 'x' },
  { fileName: 'c', status: 'near-duplicate' },
  { fileName: 'd', status: 'imported' },
  { fileName: 'e', status: 'duplicate' },
];

describe('countByStatus', () => {
  it('counts every status, zero included, in a fresh object', () => {
    expect(countByStatus(results)).toEqual({ imported: 2, 'near-duplicate': 1, duplicate: 1, refused: 1 });
    expect(countByStatus([])).toEqual({ imported: 0, 'near-duplicate': 0, duplicate: 0, refused: 0 });
    expect(countByStatus([])).not.toBe(countByStatus([]));
  });
  it('adds to counts kept across batches', () => {
    const totals = countByStatus(results.slice(0, 2));
    expect(countByStatus(results.slice(2), totals)).toBe(totals);
    expect(totals).toEqual({ imported: 2, 'near-duplicate': 1, duplicate: 1, refused: 1 });
  });
});

describe('importReportOf', () => {
  it('keeps the lines and gives their counts', () => {
    expect(importReportOf(results)).toEqual({
      results,
      imported: 2,
      nearDuplicates: 1,
      duplicates: 1,
      refused: 1,
    });
  });
});
