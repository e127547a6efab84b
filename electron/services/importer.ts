// Turns files (name + bytes) into stored articles and a per-file report. A refused file never stops the
// others, and nothing is stored for it. Duplicates are recognised by the sha256 of the original bytes.
import type { ImportFileResult, ImportReport, ParsedArticle } from '../../shared/types';
import { extractArticle, ImportRefusal, MAX_TEXT_FILE_BYTES } from './import/index';
import { sha256Hex, type Library } from './library/library';

export interface IncomingFile {
  name: string;
  /** Size as seen by the sender; files over the cap arrive without bytes. */
  size: number;
  bytes?: Uint8Array;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function summarize(results: ImportFileResult[]): ImportReport {
  return {
    results,
    imported: results.filter((r) => r.status === 'imported').length,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    refused: results.filter((r) => r.status === 'refused').length,
  };
}

export function createImporter(library: Library) {
  return {
    async importFiles(files: IncomingFile[]): Promise<ImportReport> {
      const results: ImportFileResult[] = [];
      const batch: Array<{ fileName: string; bytes: Uint8Array; sha256: string; parsed: ParsedArticle; result: ImportFileResult }> = [];
      const seenInBatch = new Map<string, string>();
      for (const f of files) {
        if (f.size > MAX_TEXT_FILE_BYTES || (f.bytes && f.bytes.byteLength > MAX_TEXT_FILE_BYTES)) {
          results.push({ fileName: f.name, status: 'refused', reason: `larger than ${mb(MAX_TEXT_FILE_BYTES)} (${mb(Math.max(f.size, f.bytes?.byteLength ?? 0))})` });
          continue;
        }
        if (!f.bytes) {
          results.push({ fileName: f.name, status: 'refused', reason: 'the file could not be read' });
          continue;
        }
        const sha256 = sha256Hex(f.bytes);
        const existing = library.hasSha256(sha256);
        if (existing) {
          results.push({ fileName: f.name, status: 'duplicate', articleId: existing.id, title: existing.title, reason: `already in the library as "${existing.title}"` });
          continue;
        }
        const twin = seenInBatch.get(sha256);
        if (twin) {
          results.push({ fileName: f.name, status: 'duplicate', articleId: sha256.slice(0, 16), reason: `same content as ${twin} in this import` });
          continue;
        }
        let parsed: ParsedArticle;
        try {
          parsed = extractArticle(f.name, f.bytes);
        } catch (err) {
          const reason = err instanceof ImportRefusal ? err.reason : `could not be read (${err instanceof Error ? err.message : String(err)})`;
          results.push({ fileName: f.name, status: 'refused', reason });
          continue;
        }
        seenInBatch.set(sha256, f.name);
        const result: ImportFileResult = { fileName: f.name, status: 'imported', articleId: sha256.slice(0, 16), title: parsed.title };
        results.push(result);
        batch.push({ fileName: f.name, bytes: f.bytes, sha256, parsed, result });
      }
      await library.addArticles(batch);
      return summarize(results);
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;
