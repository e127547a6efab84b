// The contract every file format's extractor fulfils. A format turns one file's bytes into one or more
// articles (a JSONL export or a zip holds many); each item carries the bytes it came from, which the library
// keeps as that article's original, and a label naming it inside its container.
import type { ParsedArticle } from '../../../../shared/domain/types';
import { DEFAULT_IMPORT_SIZE_LIMITS, type ImportSizeLimits } from '../../../../shared/api/rpc';

/** The per-file caps (a library setting, shared with the renderer) and the fixed archive limits. */
export interface ImportLimits extends ImportSizeLimits {
  /** Zip: total unpacked bytes and entry count, against zip bombs. */
  maxZipTotalBytes: number;
  maxZipEntries: number;
  /** How deep archives may nest inside archives. */
  maxZipDepth: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  ...DEFAULT_IMPORT_SIZE_LIMITS,
  maxZipTotalBytes: 512 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxZipDepth: 2,
};

export type ExtractedItem =
  { label: string; bytes: Uint8Array; article: ParsedArticle } | { label: string; refusal: string };

export interface ExtractContext {
  limits: ImportLimits;
  /** Zip depth so far (0 for a file on disk). */
  depth: number;
  /** Extract a file found inside a container (zip entry, e-mail attachment) with the full registry. */
  extractNested(label: string, bytes: Uint8Array): Promise<ExtractedItem[]>;
}

export interface FormatExtractor {
  /** Lower-case extensions with the dot: [".html", ".htm"]. */
  extensions: readonly string[];
  /** Short name for reasons and reports: "HTML page". */
  name: string;
  /**
   * Throws ImportRefusal when the whole file is unusable; returns per-item refusals for containers.
   * `label` is the file's name (or its path inside a container).
   */
  extract(label: string, bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedItem[]> | ExtractedItem[];
}
