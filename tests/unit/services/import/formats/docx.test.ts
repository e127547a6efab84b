import { zipSync } from 'fflate';
import { meaningfulTitle } from '../../../../../electron/services/import/formats/docx-article';
import { HOSTILE_TIMEOUT, IT, fixture, onlyArticle, refusal, utf8 } from './helpers';
import { lieAboutSize } from './zip-craft';

const [p0, p1, p2, p3, p4, p5] = IT.paragraphs;

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const doc = (paras: string[]) =>
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
  paras.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('') +
  '</w:body></w:document>';

/** A minimal .docx written here, with optional core properties. */
function miniDocx(paras: string[], core?: string, level = 6): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': utf8(CONTENT_TYPES),
      '_rels/.rels': utf8(RELS),
      'word/document.xml': utf8(doc(paras)),
      ...(core ? { 'docProps/core.xml': utf8(core) } : {}),
    },
    { level: level as 6 },
  );
}

describe('Word (.docx): articolo.docx, converted by LibreOffice', () => {
  it('reads the title style, the date and byline lines, core properties, note and subheading', async () => {
    const { article, bytes } = await onlyArticle('articolo.docx', fixture('articolo.docx'));
    expect(bytes).toEqual(fixture('articolo.docx'));
    expect(article.title).toBe(IT.title);
    expect(article.author).toBe('Giulia Ferri');
    // core.xml's created time (LibreOffice marks the zone-less ODF time as UTC) falls on the printed date.
    expect(article.published).toBe('2024-03-12T09:30:00Z');
    expect(article.modified).toBe('2024-03-12T11:05:00Z');
    expect(article.language).toBe('it');
    expect(article.paragraphs).toEqual([
      p0,
      `${p1}[1]`,
      'Le reazioni',
      p2,
      p3,
      p4,
      p5,
      '[1] Stima della relazione tecnica, febbraio 2024.',
    ]);
    expect(article.pages).toBeUndefined();
  });

  it('takes the title and author from docProps/core.xml when the text has no heading', async () => {
    const core =
      '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">' +
      '<dc:title>Ferry timetable &amp; the islands</dc:title><dc:creator>Ruth Price</dc:creator>' +
      '<dcterms:created>2024-03-13T08:15:00Z</dcterms:created></cp:coreProperties>';
    const { article } = await onlyArticle(
      'mini.docx',
      miniDocx(['First paragraph of the piece, long enough to be running text.', 'Second one.'], core),
    );
    expect(article.title).toBe('Ferry timetable & the islands');
    expect(article.author).toBe('Ruth Price');
    expect(article.published).toBe('2024-03-13T08:15:00Z');
    // No date line in the text: the date is the document's own property.
    expect(article.publishedFrom).toBe('meta');
    expect(article.paragraphs).toEqual([
      'First paragraph of the piece, long enough to be running text.',
      'Second one.',
    ]);
  });

  it('ignores placeholder titles in the metadata', () => {
    for (const t of ['', 'Document1', 'Untitled', 'Microsoft Word - bozza.docx', 'articolo.pdf', '12345'])
      expect(meaningfulTitle(t)).toBeNull();
    expect(meaningfulTitle('  Tram, via libera  ')).toBe('Tram, via libera');
  });
});

describe('Word (.docx) refusals', () => {
  it('refuses a truncated file', { timeout: HOSTILE_TIMEOUT }, async () => {
    const docx = fixture('articolo.docx');
    expect(await refusal('cut.docx', docx.slice(0, docx.length - 200))).toBe(
      'damaged or truncated ZIP archive (no central directory)',
    );
    expect(await refusal('cut.docx', docx.slice(0, 40))).toBe(
      'damaged or truncated ZIP archive (no central directory)',
    );
  });

  it(
    'refuses password-protected and old binary Word files, and files that are not Word documents',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const ole = new Uint8Array(1024);
      ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      expect(await refusal('protetto.docx', ole)).toBe(
        'password-protected or old-format Word file (.doc): save it as an unprotected .docx',
      );
      expect(await refusal('zeros.docx', new Uint8Array(4096))).toBe(
        'not a Word document (not a ZIP package)',
      );
      expect(await refusal('other.docx', zipSync({ 'content.xml': utf8('<x/>') }))).toBe(
        'not a Word document (no word/ part)',
      );
    },
  );

  it("refuses malformed document XML with mammoth's reason", { timeout: HOSTILE_TIMEOUT }, async () => {
    const broken = zipSync({
      '[Content_Types].xml': utf8(CONTENT_TYPES),
      '_rels/.rels': utf8(RELS),
      'word/document.xml': utf8('<w:document><w:body><w:p>'),
    });
    expect(await refusal('broken.docx', broken)).toMatch(/^not a readable Word document \(/);
    const noMain = zipSync({
      '[Content_Types].xml': utf8(CONTENT_TYPES),
      'word/styles.xml': utf8('<w:styles/>'),
    });
    expect(await refusal('nomain.docx', noMain)).toMatch(/^not a readable Word document \(/);
  });

  it(
    'refuses a document that unpacks beyond the archive limit, before unpacking it',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const big = miniDocx(['x'.repeat(300_000), 'y'.repeat(300_000)]);
      expect(big.length).toBeLessThan(10_000);
      expect(await refusal('bomb.docx', big, { maxZipTotalBytes: 100_000 })).toMatch(
        /^unpacks to 58\d\.\d KB, over the 97\.7 KB limit \(zip bomb\?\)$/,
      );
    },
  );

  it(
    'refuses a part whose real size exceeds the size its directory declares',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const liar = lieAboutSize(miniDocx(['z'.repeat(500_000), 'short']), 'word/document.xml', 1000);
      expect(await refusal('liar.docx', liar)).toBe(
        'word/document.xml: unpacks to more than its declared 1000 bytes (zip bomb?)',
      );
    },
  );

  it('refuses a file over the size limit before opening it', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(await refusal('articolo.docx', fixture('articolo.docx'), { maxBytes: 4096 })).toMatch(
      /^larger than 0\.0 MB/,
    );
  });

  it('refuses a document with no text', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(await refusal('empty.docx', miniDocx([]))).toBe('no article text found');
  });
});
