// RTF is recognised only to refuse it with a useful reason: no maintained RTF parser is among the project's
// dependencies, and a hand-rolled one would mangle code pages, Unicode escapes and destinations.
import { ImportRefusal } from '../refusal';
import type { FormatExtractor } from './types';

export const rtfFormat: FormatExtractor = {
  extensions: ['.rtf'],
  name: 'RTF document',
  extract() {
    throw new ImportRefusal('RTF is not supported yet; save it as .docx or .txt');
  },
};
