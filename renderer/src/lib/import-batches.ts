// Turning dropped File objects into import calls: read by content (never by path), skip the bytes of
// oversized files (the main side refuses those by name), and split into calls the contract accepts.
import type { DroppedFile } from '../../../shared/api-contract';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILES_PER_CALL } from '../../../shared/rpc';
import type { ImportFileResult, ImportReport } from '../../../shared/types';
import { base64Length, bytesToBase64 } from './base64';

/** Base64 carried per call; keeps each IPC/HTTP message well below transport limits. */
export const MAX_BATCH_BASE64 = 40 * 1024 * 1024;

export interface SizedFile {
  name: string;
  size: number;
}

export const isOversized = (size: number) => size > MAX_IMPORT_FILE_BYTES;

/** The base64 a file will add to a call: none for an oversized file, whose bytes are not sent. */
export const payloadSize = (f: SizedFile) => (isOversized(f.size) ? 0 : base64Length(f.size));

/** Split files, in order, into batches of ≤ maxFiles files and ≤ maxBase64 of base64 (one big file may exceed it alone). */
export function planBatches<T extends SizedFile>(files: readonly T[], maxFiles = MAX_IMPORT_FILES_PER_CALL, maxBase64 = MAX_BATCH_BASE64): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const f of files) {
    const size = payloadSize(f);
    if (current.length > 0 && (current.length >= maxFiles || bytes + size > maxBase64)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * The name as a label the contract accepts: browsers give bare names, but a name with a separator or over
 * 255 characters would make the whole call invalid, so it is made safe here instead.
 */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/]/g, '_').split('\u0000').join('_').trim() || 'unnamed';
  return Array.from(cleaned).slice(0, 200).join('');
}

async function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

export async function toDroppedFile(file: File): Promise<DroppedFile> {
  const name = safeFileName(file.name);
  if (isOversized(file.size)) return { name, size: file.size };
  const bytes = await readBytes(file);
  return { name, size: bytes.byteLength, dataBase64: bytesToBase64(bytes) };
}

export function refusedLocally(file: File, err: unknown): ImportFileResult {
  const why = err instanceof Error ? err.message : String(err);
  return { fileName: safeFileName(file.name), status: 'refused', reason: `could not be read (${why})` };
}

export function mergeReports(results: ImportFileResult[]): ImportReport {
  const count = (s: ImportFileResult['status']) => results.filter((r) => r.status === s).length;
  return { results, imported: count('imported'), duplicates: count('duplicate'), refused: count('refused') };
}
