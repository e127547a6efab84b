// Plain text, Markdown and scrape dumps: the parsers in the folder above.
import type { FormatExtractor } from './types';
import { extractArticle } from '../text/text-file-extractor';

export const textFormat: FormatExtractor = {
  extensions: ['.txt', '.text', '.md', '.markdown'],
  name: 'text file',
  extract: (label, bytes) => [{ label, bytes, article: extractArticle(label, bytes) }],
};
