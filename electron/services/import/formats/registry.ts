// Which extractor reads which file, and the limits every file passes before any extractor sees it.
// Formats register here; each lives in its own module under formats/.
import { ImportRefusal } from '../refusal';
import { DEFAULT_LIMITS, type ExtractedItem, type FormatExtractor, type ImportLimits } from './types';
import { oversizeReason } from './limits';
import { textFormat } from './text-formats';
import { htmlFormat } from './html';
import { mhtmlFormat } from './mhtml';
import { pdfFormat } from './pdf';
import { docxFormat } from './docx';
import { odtFormat } from './odt';
import { rtfFormat } from './rtf';
import { emlFormat } from './eml';
import { jsonFormat } from './json';
import { zipFormat } from './zip';
import { extensionOf } from '../../../../shared/domain/file-labels';

export const FORMATS: FormatExtractor[] = [
  textFormat,
  htmlFormat,
  mhtmlFormat,
  pdfFormat,
  docxFormat,
  odtFormat,
  rtfFormat,
  emlFormat,
  jsonFormat,
  zipFormat,
];

export function formatFor(
  name: string,
  formats: readonly FormatExtractor[] = FORMATS,
): FormatExtractor | undefined {
  const ext = extensionOf(name);
  return formats.find((f) => f.extensions.includes(ext));
}

export { oversizeReason } from './limits';

/** Every article in a file, or the reason it was refused. Never throws for bad input. */
export async function extractFile(
  label: string,
  bytes: Uint8Array,
  opts: { limits?: ImportLimits; depth?: number; formats?: readonly FormatExtractor[] } = {},
): Promise<ExtractedItem[]> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const depth = opts.depth ?? 0;
  const formats = opts.formats ?? FORMATS;
  const format = formatFor(label, formats);
  if (!format) {
    const ext = extensionOf(label);
    return [
      { label, refusal: ext ? `unsupported file type ${ext}` : 'unsupported file type (no extension)' },
    ];
  }
  const tooBig = oversizeReason(label, bytes.byteLength, limits);
  if (tooBig) return [{ label, refusal: tooBig }];
  try {
    return await format.extract(label, bytes, {
      limits,
      depth,
      extractNested: (inner, innerBytes) =>
        extractFile(inner, innerBytes, { limits, depth: depth + 1, formats }),
    });
  } catch (err) {
    if (err instanceof ImportRefusal) return [{ label, refusal: err.reason }];
    // A bug or a library choking on hostile input: refuse the file, keep the import going.
    return [
      {
        label,
        refusal: `could not be read as ${format.name} (${err instanceof Error ? err.message.slice(0, 200) : String(err)})`,
      },
    ];
  }
}
