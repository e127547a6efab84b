// Turning dropped File objects into import calls: read by content (never by path), skip the bytes of
// oversized files (the main side refuses those by name), and split into calls the contract accepts.
import type { DroppedFile } from '../../../../shared/api/contract';
import {
  DEFAULT_IMPORT_SIZE_LIMITS,
  maxImportBytesFor,
  type ImportSizeLimits,
} from '../../../../shared/api/rpc';
import type { ImportFileResult } from '../../../../shared/domain/types';
import { pathLabel } from '../../../../shared/domain/file-labels';
import { IMPORT_BATCH_BUDGETS, nextBatchLength as nextBatch } from '../../../../shared/domain/import-batches';
import { base64Length, bytesToBase64 } from './base64';

export interface SizedFile {
  name: string;
  size: number;
}

/**
 * Over the cap for its type: the caps in force on the main side (app.info's importLimits, the library's
 * settings), which refuses the file by name; PDFs get more. Judged by the label the main side will see.
 */
export const isOversized = (f: SizedFile, limits: ImportSizeLimits = DEFAULT_IMPORT_SIZE_LIMITS) =>
  f.size > maxImportBytesFor(safeFileName(f.name), limits);

/** What a file weighs in a call: the base64 of its bytes, none for an oversized file, whose bytes are not sent. */
export const payloadSize = (f: SizedFile, limits?: ImportSizeLimits) =>
  isOversized(f, limits) ? 0 : base64Length(f.size);

const { maxFiles: MAX_FILES, maxBytes: MAX_BASE64 } = IMPORT_BATCH_BUDGETS.drop;

/** How many files from the start of `files` make the next call, by the drop budget (shared/domain/import-batches). */
export function nextBatchLength(
  files: readonly SizedFile[],
  maxFiles = MAX_FILES,
  maxBase64 = MAX_BASE64,
  limits?: ImportSizeLimits,
  from = 0,
): number {
  return nextBatch(files, (f) => payloadSize(f, limits), { maxFiles, maxBytes: maxBase64 }, from);
}

/** Split files, in order, into the calls nextBatchLength makes. */
export function planBatches<T extends SizedFile>(
  files: readonly T[],
  maxFiles = MAX_FILES,
  maxBase64 = MAX_BASE64,
  limits?: ImportSizeLimits,
): T[][] {
  const batches: T[][] = [];
  for (let i = 0, n = 0; i < files.length; i += n) {
    n = nextBatchLength(files, maxFiles, maxBase64, limits, i);
    batches.push(files.slice(i, i + n));
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
