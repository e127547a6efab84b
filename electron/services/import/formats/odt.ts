// OpenDocument text (.odt): the paragraphs (text:p) and headings (text:h) of content.xml in reading order,
// and the title, author and dates of meta.xml. Footnotes follow the text, as in the Word and PDF extractors;
// comments, tracked deletions, frames and tables of contents are not the article's text and are left out.
import { parseIsoDate } from '../text/dates';
import { ImportRefusal } from '../refusal';
import { articleFromBlocks, type DocBlock } from './docx-article';
import { xmlFields, xmlTokens } from './odt-xml';
import type { FormatExtractor } from './types';
import { looksLikeZip, readZipMembers } from './zip-reader';

/** Subtrees whose text is not running text. */
const SKIP = new Set([
  'office:annotation',
  'text:tracked-changes',
  'draw:frame',
  'text:table-of-content',
  'text:alphabetical-index',
  'text:bibliography',
]);
const TITLE_STYLES = /^(?:Title|Subtitle|Heading(?:_20_\d)?)$/;

/** Paragraphs and headings in order; footnotes and endnotes after them, their citations kept as "[1]". */
function contentBlocks(xml: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const notes: DocBlock[] = [];
  /** Automatic styles ("P1") and the named style they derive from ("Title"). */
  const parents = new Map<string, string>();
  let inBody = false;
  let skipDepth = 0;
  let noteDepth = 0;
  let citation: string | null = null;
  /** The citation of the note being read, put before its first paragraph. */
  let noteRef = '';
  /** Open paragraphs: a note's paragraphs open inside the paragraph that cites it. */
  const open: Array<{ text: string; heading: boolean; depth: number; note: boolean }> = [];
  let depth = 0;
  for (const t of xmlTokens(xml)) {
    const para = open[open.length - 1];
    if (t.type === 'open') {
      if (t.name === 'style:style' && t.attrs['style:name'] && t.attrs['style:parent-style-name']) {
        parents.set(t.attrs['style:name'], t.attrs['style:parent-style-name']);
      }
      if (t.name === 'office:text') inBody = true;
      if (t.selfClosing) {
        if (para && !skipDepth) {
          if (t.name === 'text:s')
            para.text += ' '.repeat(Math.min(Number(t.attrs['text:c'] ?? 1) || 1, 100));
          else if (t.name === 'text:tab' || t.name === 'text:line-break') para.text += ' ';
        }
        continue;
      }
      depth++;
      if (skipDepth || SKIP.has(t.name)) skipDepth++;
      else if (t.name === 'text:note-body') noteDepth++;
      else if (t.name === 'text:note-citation') citation = '';
      else if (inBody && (t.name === 'text:p' || t.name === 'text:h')) {
        const style = t.attrs['text:style-name'] ?? '';
        const heading =
          t.name === 'text:h' || TITLE_STYLES.test(style) || TITLE_STYLES.test(parents.get(style) ?? '');
        open.push({
          text: noteDepth > 0 ? noteRef : '',
          heading: heading && noteDepth === 0,
          depth,
          note: noteDepth > 0,
        });
        noteRef = '';
      }
    } else if (t.type === 'close') {
      if (skipDepth) skipDepth--;
      else if (t.name === 'text:note-body') noteDepth--;
      else if (t.name === 'text:note-citation' && citation !== null) {
        if (para) para.text += `[${citation.trim()}]`;
        noteRef = `[${citation.trim()}] `;
        citation = null;
      } else if (para && depth === para.depth) {
        open.pop();
        (para.note ? notes : blocks).push({ text: para.text, heading: para.heading });
      }
      if (t.name === 'office:text') inBody = false;
      depth--;
    } else if (skipDepth) continue;
    else if (citation !== null) citation += t.text;
    else if (para) para.text += t.text.replace(/\s+/g, ' ');
  }
  return [...blocks, ...notes];
}

export const odtFormat: FormatExtractor = {
  extensions: ['.odt'],
  name: 'OpenDocument text',
  extract(label, bytes, ctx) {
    if (!looksLikeZip(bytes)) throw new ImportRefusal('not an OpenDocument file (not a ZIP package)');
    const read = (names: string[]) =>
      readZipMembers(bytes, (n) => names.includes(n), ctx.limits.maxZipTotalBytes, ctx.limits.maxZipEntries);
    // A password-protected package keeps its parts encrypted and says so in the manifest.
    const manifest = read(['META-INF/manifest.xml']).get('META-INF/manifest.xml');
    if (manifest && /encryption-data/.test(new TextDecoder().decode(manifest)))
      throw new ImportRefusal('password-protected document');
    const files = read(['content.xml', 'meta.xml', 'mimetype']);
    const utf8 = (name: string) => new TextDecoder().decode(files.get(name));
    const mime = files.has('mimetype') ? utf8('mimetype').trim() : '';
    if (mime && mime !== 'application/vnd.oasis.opendocument.text')
      throw new ImportRefusal(`not an OpenDocument text (${mime})`);
    const content = files.has('content.xml') ? utf8('content.xml') : '';
    if (!/<office:document-content/.test(content))
      throw new ImportRefusal('not an OpenDocument text (no content.xml)');
    const meta = files.has('meta.xml')
      ? xmlFields(utf8('meta.xml'), [
          'dc:title',
          'dc:creator',
          'meta:initial-creator',
          'meta:creation-date',
          'dc:date',
          'dc:language',
        ])
      : {};
    const date = (s: string | undefined) => (s ? parseIsoDate(s) : null);
    const article = articleFromBlocks(
      contentBlocks(content),
      {
        title: meta['dc:title'],
        author: meta['meta:initial-creator'] || meta['dc:creator'],
        published: date(meta['meta:creation-date']),
        modified: date(meta['dc:date']),
        language: meta['dc:language'],
      },
      'heading',
    );
    return [{ label, bytes, article }];
  },
};
