// Turning dropped File objects into import calls: read by content (never by path), skip the bytes of
// oversized files (the main side refuses those by name), and split into calls the contract accepts.
import type { DroppedFile } from '../../../../shared/api/contract';
import { DEFAULT_IMPORT_SIZE_LIMITS, MAX_IMPORT_FILES_PER_CALL, maxImportBytesFor, type ImportSizeLimits } from '../../../../shared/api/rpc';
import type { ImportFileResult, ImportReport } from '../../../../shared/domain/types';
import { pathLabel } from '../../../../shared/domain/file-labels';
import { base64Length, bytesToBase64 } from './base64';

/** Base64 carried per call; keeps each IPC/HTTP message well below transport limits. */
export const MAX_BATCH_BASE64 = 40 * 1024 * 1024;

export interface SizedFile {
  name: string;
  size: number;
}

/**
 * Over the cap for its type: the caps in force on the main side (app.info's importLimits, the library's
 * settings), which refuses the file by name; PDFs get more.
 */
export const isOversized = (f: SizedFile, limits: ImportSizeLimits = DEFAULT_IMPORT_SIZE_LIMITS) => f.size > maxImportBytesFor(f.name, limits);

/** The base64 a file will add to a call: none for an oversized file, whose bytes are not sent. */
export const payloadSize = (f: SizedFile, limits?: ImportSizeLimits) => (isOversized(f, limits) ? 0 : base64Length(f.size));

/** How many files from the start of `files` make the next batch: ≤ maxFiles and ≤ maxBase64 (one big file may exceed it alone). */
export function nextBatchLength(files: readonly SizedFile[], maxFiles = MAX_IMPORT_FILES_PER_CALL, maxBase64 = MAX_BATCH_BASE64, limits?: ImportSizeLimits): number {
  let bytes = 0;
  let n = 0;
  for (const f of files) {
    const size = payloadSize(f, limits);
    if (n > 0 && (n >= maxFiles || bytes + size > maxBase64)) break;
    n++;
    bytes += size;
  }
  return n;
}

/** Split files, in order, into batches of ≤ maxFiles files and ≤ maxBase64 of base64 (one big file may exceed it alone). */
export function planBatches<T extends SizedFile>(files: readonly T[], maxFiles = MAX_IMPORT_FILES_PER_CALL, maxBase64 = MAX_BATCH_BASE64, limits?: ImportSizeLimits): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < files.length; ) {
    const n = nextBatchLength(files.slice(i, i + maxFiles), maxFiles, maxBase64, limits);
    batches.push(files.slice(i, i + n));
    i += n;
  }
  return batches;
}

/**
 * The name as a label the contract accepts: browsers give bare names (a folder walk gives path labels, see
 * shared/domain/file-labels), but a name with a separator or over 255 characters would make the whole call invalid,
 * so it is made safe here instead, keeping its end (the extension).
 */
export const safeFileName = (name: string): string => pathLabel([name]);

async function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

export async function toDroppedFile(file: File, limits?: ImportSizeLimits): Promise<DroppedFile> {
  const name = safeFileName(file.name);
  if (isOversized(file, limits)) return { name, size: file.size };
  const bytes = await readBytes(file);
  return { name, size: bytes.byteLength, dataBase64: bytesToBase64(bytes) };
}

export function refusedLocally(file: File, err: unknown): ImportFileResult {
  const why = err instanceof Error ? err.message : String(err);
  return { fileName: safeFileName(file.name), status: 'refused', reason: `could not be read (${why})` };
}

export function mergeReports(results: ImportFileResult[]): ImportReport {
  const counts = { imported: 0, 'near-duplicate': 0, duplicate: 0, refused: 0 };
  for (const r of results) counts[r.status]++;
  return { results, imported: counts.imported, nearDuplicates: counts['near-duplicate'], duplicates: counts.duplicate, refused: counts.refused };
}
