// The zod-free half of the API contract: what the renderer needs at run time (error type, limits, the
// response shape). Kept apart from api-contract.ts so the renderer bundle does not carry zod.

/** Per-file cap for dropped files (bytes). Larger files are refused by name without their bytes being sent. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
/** PDFs (scans, embedded fonts) get a larger cap. The main side's format registry enforces the same two caps. */
export const MAX_IMPORT_PDF_BYTES = 50 * 1024 * 1024;

/** The per-file cap for a file of this name: what the renderer checks before sending, and what the contract admits. */
export function maxImportBytesFor(name: string): number {
  return /\.pdf$/i.test(name.trim()) ? MAX_IMPORT_PDF_BYTES : MAX_IMPORT_FILE_BYTES;
}
/** Per-call cap on files in one import call; the renderer batches larger drops. */
export const MAX_IMPORT_FILES_PER_CALL = 200;

/** What a transport returns: a result, or an error the UI can show as it is. */
export type RpcResponse<T = unknown> = { ok: true; result: T } | { ok: false; error: RpcError };
export interface RpcError {
  code: 'unknown_method' | 'invalid_input' | 'not_found' | 'conflict' | 'refused' | 'unavailable' | 'internal';
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
