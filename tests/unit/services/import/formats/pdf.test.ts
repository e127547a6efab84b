import { parsePdfDate } from '../../../../../electron/services/import/formats/pdf';
import {
  blocksOfPages,
  dropFurniture,
  linesOf,
  type PdfTextPiece,
} from '../../../../../electron/services/import/formats/pdf-layout';
import { HOSTILE_TIMEOUT, IT, fixture, onlyArticle, refusal, utf8 } from './helpers';
import { pdfSource } from '../../../../helpers/pdf';

describe('PDF: giornale.pdf (two pages, written by hand: justified Courier, running header and footer)', () => {
  it('reads metadata, rebuilds the paragraphs and numbers their pages', async () => {
    const { article, bytes } = await onlyArticle('giornale.pdf', fixture('giornale.pdf'));
    expect(bytes).toEqual(fixture('giornale.pdf'));
    expect(article.title).toBe(IT.title);
    expect(article.author).toBe('Giulia Ferri');
    // The metadata's time is kept: it falls on the date printed under the title.
    expect(article.published).toBe('2024-03-12T09:30:00+01:00');
    expect(article.publishedFrom).toBe('meta');
    expect(article.modified).toBe('2024-03-12T11:05:00+01:00');
    expect(article.language).toBe('it');
    // The address printed in the running footer.
    expect(article.url).toBe('https://www.gazzettadivalmora.it/cronaca/tram-linea-4');
    expect(article.outlet).toEqual({ name: 'gazzettadivalmora.it', domain: 'gazzettadivalmora.it' });
    // Word-for-word: hyphenated line ends joined ("devi-" + "azioni"), the paragraph broken by the page
    // break joined again, no header, footer, page number, date or byline left in the text.
    expect(article.paragraphs).toEqual(IT.paragraphs);
    expect(article.pages).toEqual([1, 1, 1, 1, 2, 2]);
  });

  it('reads a PDF encrypted with an owner password only (no password needed to open it)', async () => {
    const { article } = await onlyArticle('solo-proprietario.pdf', fixture('solo-proprietario.pdf'));
    expect(article.paragraphs).toEqual(IT.paragraphs);
    expect(article.pages).toEqual([1, 1, 1, 1, 2, 2]);
  });
});

describe('PDF: articolo-libreoffice.pdf (LibreOffice export: embedded fonts, a footnote, a subheading)', () => {
  it('keeps the subheading as a paragraph, the note reference inline and the note at the end', async () => {
    const { article } = await onlyArticle('articolo-libreoffice.pdf', fixture('articolo-libreoffice.pdf'));
    // The title runs over three lines in 22 pt and is also the document's metadata title.
    expect(article.title).toBe(IT.title);
    expect(article.author).toBe('Giulia Ferri');
    // The export's own CreationDate is the conversion time; the date printed under the title wins.
    expect(article.published).toBe('2024-03-12');
    expect(article.publishedFrom).toBe('text');
    expect(article.language).toBe('it');
    const [p0, p1, p2, p3, p4, p5] = IT.paragraphs;
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
    // Paragraph 4 starts on page 1 and ends on page 2; the note sits at the foot of page 1.
    expect(article.pages).toEqual([1, 1, 1, 1, 1, 2, 2, 1]);
    expect(article.paragraphs.join(' ')).not.toMatch(/Cronaca di Valmora|Pagina \d/);
  });
});

/** A one-page PDF without metadata, from content-stream lines (Helvetica, WinAnsi). */
function plainPdf(ops: string[]): Uint8Array {
  const content = ops.join('\n');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  return utf8(pdfSource(objs));
}

describe('PDF without metadata', () => {
  it('takes the title from the largest type on page 1, even below a smaller kicker', async () => {
    const pdf = plainPdf([
      'BT /F1 9 Tf 50 560 Td (ESTERI) Tj ET',
      'BT /F1 20 Tf 50 530 Td (Harbour board approves new timetable) Tj ET',
      'BT /F1 10 Tf 50 500 Td (The harbour board voted on Tuesday to keep the evening ferry running.) Tj ET',
      'BT /F1 10 Tf 50 487 Td (Critics argued the money should repair the northern pier.) Tj ET',
    ]);
    const { article } = await onlyArticle('nometa.pdf', pdf);
    expect(article.title).toBe('Harbour board approves new timetable');
    expect(article.paragraphs).toEqual([
      'ESTERI',
      'The harbour board voted on Tuesday to keep the evening ferry running. Critics argued the money should repair the northern pier.',
    ]);
    expect(article.published).toBeNull();
    expect(article.pages).toEqual([1, 1]);
  });
});

describe('PDF refusals', () => {
  it('refuses a password-protected PDF', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(await refusal('protetto.pdf', fixture('protetto.pdf'))).toBe('password-protected PDF (encrypted)');
  });

  it('refuses an image-only PDF', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(await refusal('scansione.pdf', fixture('scansione.pdf'))).toBe('no text layer (scanned PDF?)');
  });

  it('refuses truncated PDFs', { timeout: HOSTILE_TIMEOUT }, async () => {
    const pdf = fixture('articolo-libreoffice.pdf');
    for (const share of [0.1, 0.5, 0.95]) {
      expect(await refusal('cut.pdf', pdf.slice(0, Math.floor(pdf.length * share)))).toMatch(
        /^damaged, truncated or not a PDF \(/,
      );
    }
  });

  it(
    'refuses malformed structure, files that are not PDFs, and NUL bytes',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      expect(
        await refusal(
          'x.pdf',
          utf8(
            '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF',
          ),
        ),
      ).toMatch(/^(?:damaged, truncated or not a PDF|damaged PDF) \(/);
      expect(await refusal('note.pdf', utf8('Just some text saved with the wrong extension.'))).toBe(
        'not a PDF file (no %PDF header)',
      );
      expect(await refusal('zeros.pdf', new Uint8Array(8192))).toBe('not a PDF file (no %PDF header)');
      expect(
        await refusal('zeros2.pdf', new Uint8Array([...utf8('%PDF-1.4\n'), ...new Uint8Array(8192)])),
      ).toMatch(/^damaged, truncated or not a PDF/);
      expect(await refusal('empty.pdf', new Uint8Array(0))).toBe('empty file');
    },
  );

  it('refuses a PDF over the PDF size limit before parsing it', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(await refusal('giornale.pdf', fixture('giornale.pdf'), { maxPdfBytes: 1024 })).toMatch(
      /^larger than 0\.0 MB/,
    );
  });

  it("leaves the caller's bytes intact (pdf.js transfers the buffer it is given)", async () => {
    const bytes = fixture('giornale.pdf');
    const copy = bytes.slice();
    await onlyArticle('giornale.pdf', bytes);
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(bytes).toEqual(copy);
  });
});

describe('PDF dates', () => {
  it('parses D:YYYYMMDDHHmmSS with offsets, Z, or none', () => {
    expect(parsePdfDate("D:20220107142600+01'00'")).toBe('2022-01-07T14:26:00+01:00');
    expect(parsePdfDate("D:20220107142600-05'30")).toBe('2022-01-07T14:26:00-05:30');
    expect(parsePdfDate('D:20220107142600Z')).toBe('2022-01-07T14:26:00Z');
    expect(parsePdfDate('D:20220107142600')).toBe('2022-01-07');
    expect(parsePdfDate('D:20220107')).toBe('2022-01-07');
    expect(parsePdfDate('D:20221307')).toBeNull();
    expect(parsePdfDate('yesterday')).toBeNull();
    expect(parsePdfDate(undefined)).toBeNull();
  });
});

describe('PDF layout', () => {
  const piece = (
    str: string,
    x: number,
    y: number,
    size = 10,
    width = str.length * size * 0.5,
  ): PdfTextPiece => ({ str, x, y, width, size });

  it('joins pieces on a baseline and splits lines by y', () => {
    const lines = linesOf([piece('Hello', 50, 700), piece('world', 80, 700), piece('Next line', 50, 688)]);
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'Next line']);
  });

  it('drops running headers, footers and page numbers, and keeps the URL they carry', () => {
    const page = (n: number, body: string) =>
      linesOf([
        piece('THE DAILY TEST', 50, 800, 8),
        piece(body, 50, 700),
        piece(`https://example.org/a ${n}/3`, 50, 40, 8),
        piece(String(n), 300, 30, 8),
      ]);
    const { pages, removed } = dropFurniture([page(1, 'one'), page(2, 'two'), page(3, 'three')]);
    expect(pages.map((p) => p.map((l) => l.text))).toEqual([['one'], ['two'], ['three']]);
    expect(removed).toContain('https://example.org/a 1/3');
  });

  it("keeps a lone number in headline type (a wrapped title's last line), drops one in text size", () => {
    const lines = linesOf([
      piece('Floods close the port for the first time since', 40, 800, 14),
      piece('1966', 40, 783, 14),
      piece('The harbour master said the quays would stay shut until the water went down.', 40, 760),
      piece('Ships waited at anchor off the breakwater overnight.', 40, 748),
      piece('2', 300, 30, 10),
    ]);
    const { pages, removed } = dropFurniture([lines]);
    expect(pages[0]!.map((l) => l.text)).toContain('1966');
    expect(removed).toEqual(['2']);
    expect(blocksOfPages(pages)[0]!.text).toBe('Floods close the port for the first time since 1966');
  });

  it('de-hyphenates, keeps real hyphens, and breaks paragraphs at indents and short lines', () => {
    const w = 300;
    const lines = linesOf([
      piece('The council approved the pro-', 65, 700, 10, w - 15),
      piece('posal after a long North-', 50, 688, 10, w),
      piece('South debate.', 50, 676, 10, 60),
      piece('A second paragraph starts here and', 65, 664, 10, w - 15),
      piece('ends on the next line.', 50, 652, 10, 100),
    ]);
    const blocks = blocksOfPages([lines]);
    expect(blocks.map((b) => b.text)).toEqual([
      'The council approved the proposal after a long North-South debate.',
      'A second paragraph starts here and ends on the next line.',
    ]);
  });
});
