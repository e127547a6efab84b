// Word documents (.docx) through mammoth: its HTML keeps headings apart from paragraphs, which the plain-text
// extraction would not. mammoth unpacks with JSZip, which trusts the archive's declared sizes, so it is
// never handed the file itself: the XML parts are read here under the zip limits (zip-reader) and repacked
// uncompressed without the media, whose images are not needed and are not even opened. Title, author and
// dates come from docProps/core.xml; a heading or date line in the text wins (see docx-article).
import mammoth from 'mammoth';
import { zipSync } from 'fflate';
import { parseIsoDate } from '../text/dates';
import { ImportRefusal } from '../refusal';
import { ELEMENT_NODE, TEXT_NODE, parsePage, type DomNode } from './dom';
import { articleFromBlocks, type DocBlock } from './docx-article';
import { xmlFields } from './odt-xml';
import type { FormatExtractor } from './types';
import { looksLikeZip, readZipMembers } from './zip-reader';

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Elements whose text is a block of its own; nested ones are read separately. */
const BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'UL', 'OL', 'TABLE']);

/** Text of a block without the text of the blocks nested in it. */
function ownText(el: DomNode): string {
  let s = '';
  for (const c of Array.from(el.childNodes)) {
    if (c.nodeType === TEXT_NODE) s += c.textContent ?? '';
    else if (c.nodeType === ELEMENT_NODE && !BLOCKS.has(c.nodeName)) s += ownText(c);
  }
  return s;
}

export function htmlBlocks(html: string): DocBlock[] {
  const document = parsePage(`<!doctype html><html><body>${html}</body></html>`);
  // Footnote back-links ("↑") are navigation, not text; each note starts with its reference instead ("[1] …").
  for (const a of document.querySelectorAll('a[href^="#footnote-ref"], a[href^="#endnote-ref"]')) a.remove();
  for (const li of document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')) {
    const ref = document
      .querySelector(`#${li.id.replace(/^(footnote|endnote)-/, '$1-ref-')}`)
      ?.textContent?.trim();
    const first = li.querySelector('p') ?? li;
    if (ref) first.insertBefore(document.createTextNode(`${ref} `), first.firstChild);
  }
  return Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li')).map((el) => ({
    text: ownText(el),
    heading: /^H\d$/.test(el.nodeName),
  }));
}

export const docxFormat: FormatExtractor = {
  extensions: ['.docx'],
  name: 'Word document',
  async extract(label, bytes, ctx) {
    if (OLE.every((b, i) => bytes[i] === b)) {
      throw new ImportRefusal(
        'password-protected or old-format Word file (.doc): save it as an unprotected .docx',
      );
    }
    if (!looksLikeZip(bytes)) throw new ImportRefusal('not a Word document (not a ZIP package)');
    const parts = readZipMembers(
      bytes,
      (n) => /\.(?:xml|rels)$/i.test(n),
      ctx.limits.maxZipTotalBytes,
      ctx.limits.maxZipEntries,
    );
    if (![...parts.keys()].some((n) => /^word\/[^/]+\.xml$/i.test(n)))
      throw new ImportRefusal('not a Word document (no word/ part)');
    const repacked = zipSync(Object.fromEntries(parts), { level: 0 });
    let html: string;
    try {
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
        {
          styleMap: STYLE_MAP,
          includeEmbeddedStyleMap: false,
          externalFileAccess: false,
          ignoreEmptyParagraphs: true,
          convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        },
      );
      html = result.value;
    } catch (err) {
      throw new ImportRefusal(
        `not a readable Word document (${err instanceof Error ? err.message.slice(0, 160) : String(err)})`,
      );
    }
    const coreXml = parts.get('docProps/core.xml');
    const core = coreXml
      ? xmlFields(new TextDecoder().decode(coreXml), [
          'dc:title',
          'dc:creator',
          'dcterms:created',
          'dcterms:modified',
          'dc:language',
        ])
      : {};
    const date = (s: string | undefined) => (s ? parseIsoDate(s) : null);
    const article = articleFromBlocks(
      htmlBlocks(html),
      {
        title: core['dc:title'],
        author: core['dc:creator'],
        published: date(core['dcterms:created']),
        modified: date(core['dcterms:modified']),
        language: core['dc:language'],
      },
      'heading',
    );
    return [{ label, bytes, article }];
  },
};
