// Turns files (name + bytes) into stored articles and a per-file report. A refused file never stops the
// others, and nothing is stored for it. Exact duplicates are recognised by the sha256 of the original bytes
// and by the sha256 of the extracted text (the same article saved twice with different bytes).
import type { ImportFileResult, ImportReport, ParsedArticle } from '../../shared/types';
import { articleText } from '../../shared/article-text';
import { extractFile, oversizeReason } from './import/formats/registry';
import { DEFAULT_LIMITS, type ImportLimits } from './import/formats/types';
import { sha256Hex, type Library } from './library/library';

export interface IncomingFile {
  name: string;
  /** Size as seen by the sender; files over the cap arrive without bytes. */
  size: number;
  bytes?: Uint8Array;
}

export function summarize(results: ImportFileResult[]): ImportReport {
  return {
    results,
    imported: results.filter((r) => r.status === 'imported').length,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    refused: results.filter((r) => r.status === 'refused').length,
  };
}

export const textHash = (a: ParsedArticle) => sha256Hex(new TextEncoder().encode(articleText(a)));

export function createImporter(library: Library, limits: ImportLimits = DEFAULT_LIMITS) {
  return {
    limits,
    async importFiles(files: IncomingFile[]): Promise<ImportReport> {
      const results: ImportFileResult[] = [];
      const batch: Parameters<Library['addArticles']>[0] = [];
      const seenBytes = new Map<string, string>();
      const seenText = new Map<string, string>();
      for (const f of files) {
        const tooBig = oversizeReason(f.name, Math.max(f.size, f.bytes?.byteLength ?? 0), limits);
        if (tooBig || !f.bytes) {
          results.push({ fileName: f.name, status: 'refused', reason: tooBig ?? 'the file could not be read' });
          continue;
        }
        for (const item of await extractFile(f.name, f.bytes, { limits })) {
          if ('refusal' in item) {
            results.push({ fileName: item.label, status: 'refused', reason: item.refusal });
            continue;
          }
          const sha256 = sha256Hex(item.bytes);
          const tsha = textHash(item.article);
          const existing = library.findDuplicate(sha256, tsha);
          if (existing) {
            const how = existing.sha256 === sha256 ? 'already in the library' : 'same text already in the library';
            results.push({ fileName: item.label, status: 'duplicate', articleId: existing.id, title: existing.title, reason: `${how} as "${existing.title}"` });
            continue;
          }
          const twin = seenBytes.get(sha256) ?? seenText.get(tsha);
          if (twin) {
            results.push({ fileName: item.label, status: 'duplicate', articleId: sha256.slice(0, 16), reason: `same content as ${twin} in this import` });
            continue;
          }
          seenBytes.set(sha256, item.label);
          seenText.set(tsha, item.label);
          results.push({ fileName: item.label, status: 'imported', articleId: sha256.slice(0, 16), title: item.article.title });
          batch.push({ fileName: item.label, bytes: item.bytes, sha256, textSha256: tsha, parsed: item.article });
        }
      }
      await library.addArticles(batch);
      return summarize(results);
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;
