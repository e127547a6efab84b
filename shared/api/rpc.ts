// The zod-free half of the API contract: what the renderer needs at run time (error type, limits, the
// response shape). Kept apart from api-contract.ts so the renderer bundle does not carry zod.
import { extensionOf } from '../domain/file-labels';

/** Default per-file cap (bytes) for every format but PDF. A library may set its own (settings.update). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
/** Default cap for PDFs (scans, embedded fonts are larger). The main side's format registry enforces the same caps. */
export const MAX_IMPORT_PDF_BYTES = 50 * 1024 * 1024;

/** The per-file size caps of an import; the library's settings hold them, app.info hands them to the renderer. */
export interface ImportSizeLimits {
  /** Every format but PDF (bytes). */
  maxBytes: number;
  maxPdfBytes: number;
}
export const DEFAULT_IMPORT_SIZE_LIMITS: Readonly<ImportSizeLimits> = {
  maxBytes: MAX_IMPORT_FILE_BYTES,
  maxPdfBytes: MAX_IMPORT_PDF_BYTES,
};

/**
 * The range a configured cap may take. The floor keeps a typo from refusing every article; the ceiling is what
 * one import call can carry: a dropped file travels as base64 in one IPC/HTTP message and is held in memory
 * whole while it is extracted, so a larger cap would trade a clear refusal for an out-of-memory crash.
 */
export const IMPORT_SIZE_LIMIT_MIN_BYTES = 1024 * 1024;
export const IMPORT_SIZE_LIMIT_MAX_BYTES = 200 * 1024 * 1024;

/**
 * The per-file cap for a file of this name (a label: shared/domain/file-labels): what the renderer checks before
 * sending, and what the importer enforces for files, dropped files and zip entries alike.
 */
export function maxImportBytesFor(
  name: string,
  limits: ImportSizeLimits = DEFAULT_IMPORT_SIZE_LIMITS,
): number {
  return extensionOf(name) === '.pdf' ? limits.maxPdfBytes : limits.maxBytes;
}

/** The bytes an import reads and carries of a file: all, or none when it is over its cap (it goes by name and size, and is refused). */
export function bytesToRead(
  file: { name: string; size: number },
  limits: ImportSizeLimits = DEFAULT_IMPORT_SIZE_LIMITS,
): number {
  return file.size > maxImportBytesFor(file.name, limits) ? 0 : file.size;
}

/** Per-call cap on files in one import call; the renderer batches larger drops. */
export const MAX_IMPORT_FILES_PER_CALL = 200;

/** What a transport returns: a result, or an error the UI can show as it is. */
export type RpcResponse<T = unknown> = { ok: true; result: T } | { ok: false; error: RpcError };
export interface RpcError {
  code:
    'unknown_method' | 'invalid_input' | 'not_found' | 'conflict' | 'refused' | 'unavailable' | 'internal';
  message: string;
}

/** Error thrown on the calling side when the other side answered ok:false. */
export class ApiError extends Error {
  constructor(
    readonly code: RpcError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
