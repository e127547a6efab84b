// The one batching rule for imports (window drops, dialog jobs, the CLI), and the size cap that decides what a
// file weighs: in order, at most maxFiles and maxBytes per batch, one heavy file alone, never an empty batch.
import { describe, expect, it } from 'vitest';
import { IMPORT_BATCH_BUDGETS, joinsBatch, nextBatchLength } from '../../../../shared/domain/import-batches';
import {
  bytesToRead,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES_PER_CALL,
  MAX_IMPORT_PDF_BYTES,
  maxImportBytesFor,
} from '../../../../shared/api/rpc';

const byWeight = (n: number) => n;

describe('joinsBatch', () => {
  const budget = { maxFiles: 3, maxBytes: 100 };
  it('takes a file while the count and the bytes stay within the budget', () => {
    expect(joinsBatch(1, 40, 60, budget)).toBe(true);
    expect(joinsBatch(1, 40, 61, budget)).toBe(false);
    expect(joinsBatch(3, 0, 0, budget)).toBe(false);
  });
  it('takes any first file, however heavy: a batch is never empty', () => {
    expect(joinsBatch(0, 0, 10_000, budget)).toBe(true);
  });
});

describe('nextBatchLength', () => {
  it('cuts by count and by weight, in order, from the index given', () => {
    expect(nextBatchLength([1, 1, 1, 1, 1], byWeight, { maxFiles: 2, maxBytes: 100 })).toBe(2);
    expect(nextBatchLength([40, 40, 40], byWeight, { maxFiles: 10, maxBytes: 100 })).toBe(2);
    expect(nextBatchLength([40, 40, 40, 90, 5], byWeight, { maxFiles: 10, maxBytes: 100 }, 2)).toBe(1);
    expect(nextBatchLength([40, 40, 40, 90, 5], byWeight, { maxFiles: 10, maxBytes: 100 }, 3)).toBe(2);
  });
  it('sends a file over the budget alone, and answers 0 when nothing is left', () => {
    expect(nextBatchLength([500, 1], byWeight, { maxFiles: 10, maxBytes: 100 })).toBe(1);
    expect(nextBatchLength([1, 500], byWeight, { maxFiles: 10, maxBytes: 100 })).toBe(1);
    expect(nextBatchLength([], byWeight, { maxFiles: 10, maxBytes: 100 })).toBe(0);
    expect(nextBatchLength([1, 2], byWeight, { maxFiles: 10, maxBytes: 100 }, 2)).toBe(0);
  });
  it('lets weightless files (over their cap, sent by name) fill a batch up to the count', () => {
    expect(nextBatchLength([100, 0, 0, 0], byWeight, { maxFiles: 3, maxBytes: 100 })).toBe(3);
  });
});

describe('the budgets', () => {
  it('keep a drop within one contract call, and the main side within the same count for dialog jobs', () => {
    expect(IMPORT_BATCH_BUDGETS.drop.maxFiles).toBe(MAX_IMPORT_FILES_PER_CALL);
    expect(IMPORT_BATCH_BUDGETS.dialog.maxFiles).toBe(MAX_IMPORT_FILES_PER_CALL);
    expect(IMPORT_BATCH_BUDGETS.cli.maxFiles).toBeGreaterThan(MAX_IMPORT_FILES_PER_CALL);
    // A drop's budget is base64 (4/3 of the bytes): its batches carry no more than the main side's read.
    expect(IMPORT_BATCH_BUDGETS.drop.maxBytes * 0.75).toBeLessThanOrEqual(
      IMPORT_BATCH_BUDGETS.dialog.maxBytes,
    );
  });
});

describe('size caps', () => {
  it("give PDFs the PDF cap, by the extension of the file's own name", () => {
    expect(maxImportBytesFor('scan.PDF')).toBe(MAX_IMPORT_PDF_BYTES);
    expect(maxImportBytesFor('raccolta › scansioni › pagina.pdf')).toBe(MAX_IMPORT_PDF_BYTES);
    expect(maxImportBytesFor('rassegna.zip › cartella/pezzo.pdf')).toBe(MAX_IMPORT_PDF_BYTES);
    expect(maxImportBytesFor('article.txt')).toBe(MAX_IMPORT_FILE_BYTES);
    expect(maxImportBytesFor('report.pdf.txt')).toBe(MAX_IMPORT_FILE_BYTES);
    // A folder with a dot is not the file's extension, and a leading dot alone is no extension.
    expect(maxImportBytesFor('scans.pdf › README')).toBe(MAX_IMPORT_FILE_BYTES);
    expect(maxImportBytesFor('.pdf')).toBe(MAX_IMPORT_FILE_BYTES);
    expect(maxImportBytesFor('x.pdf', { maxBytes: 10, maxPdfBytes: 20 })).toBe(20);
  });
  it('read all of a file within its cap and none of one over it', () => {
    const limits = { maxBytes: 10, maxPdfBytes: 20 };
    expect(bytesToRead({ name: 'a.txt', size: 10 }, limits)).toBe(10);
    expect(bytesToRead({ name: 'a.txt', size: 11 }, limits)).toBe(0);
    expect(bytesToRead({ name: 'a.pdf', size: 11 }, limits)).toBe(11);
    expect(bytesToRead({ name: 'a.pdf', size: 21 }, limits)).toBe(0);
  });
});
