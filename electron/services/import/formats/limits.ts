// The per-file size rule every file and every archive entry passes before an extractor reads it. One place,
// so a file on disk, a dropped file and a zip entry are judged by the same cap (the library's settings; which
// cap applies is shared/api/rpc's maxImportBytesFor, the window's pre-check too) and refused with the same words.
import { maxImportBytesFor, type ImportSizeLimits } from '../../../../shared/api/rpc';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** "larger than 20.0 MB (25.3 MB)"; the size in bytes when one decimal would not tell it from the cap. */
export function tooLargeReason(size: number, cap: number): string {
  const shown = mb(size) === mb(cap) ? `${size.toLocaleString('en-US')} bytes` : mb(size);
  return `larger than ${mb(cap)} (${shown})`;
}

/** Refusal reason for a file too large to read at all, or null. */
export function oversizeReason(name: string, size: number, limits: ImportSizeLimits): string | null {
  const cap = maxImportBytesFor(name, limits);
  return size > cap ? tooLargeReason(size, cap) : null;
}
