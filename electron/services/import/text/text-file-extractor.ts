// The article importer for text files: one file's name and bytes in, a ParsedArticle out, or an
// ImportRefusal whose reason the caller shows after the file name. Pure: no I/O, no Electron.
import type { ParsedArticle } from '../../../../shared/domain/types';
import { decodeText } from '../encoding/decode';
import { parsePlainText } from './plain-text';
import { ImportRefusal } from '../refusal';
import { looksLikeScrapeDump, parseScrapeDump } from './scrape-dump';
import { extensionOf } from '../../../../shared/domain/file-labels';

const SUPPORTED = ['.txt', '.text', '.md', '.markdown'];
const MARKDOWN = ['.md', '.markdown'];

/**
 * Throws ImportRefusal for anything that is not an importable article. Pure: no I/O. The size cap is not
 * checked here: the format registry applies the library's cap before any extractor runs (formats/limits.ts).
 */
export function extractArticle(fileName: string, bytes: Uint8Array): ParsedArticle {
  const ext = extensionOf(fileName);
  if (!SUPPORTED.includes(ext))
    throw new ImportRefusal(ext ? `unsupported file type ${ext}` : 'unsupported file type (no extension)');
  const { text } = decodeText(bytes);
  if (MARKDOWN.includes(ext)) return parsePlainText(text, true);
  return looksLikeScrapeDump(text) ? parseScrapeDump(text) : parsePlainText(text, false);
}
