import { zipSync } from 'fflate';
import { HOSTILE_TIMEOUT, IT, fixture, onlyArticle, refusal, utf8 } from './helpers';

const [p0, p1, p2, p3, p4, p5] = IT.paragraphs;
const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';

function miniOdt(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    mimetype: [utf8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': utf8(
      `<?xml version="1.0"?><office:document-content ${NS}><office:automatic-styles>` +
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/></office:automatic-styles>' +
        `<office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
    ...extra,
  });
}

describe('OpenDocument text (.odt): articolo.odt, saved by LibreOffice', () => {
  it('reads headings, paragraphs, notes and meta.xml', async () => {
    const { article, bytes } = await onlyArticle('articolo.odt', fixture('articolo.odt'));
    expect(bytes).toEqual(fixture('articolo.odt'));
    expect(article.title).toBe(IT.title);
    expect(article.author).toBe('Giulia Ferri');
    // meta.xml's times carry no zone: only their dates are kept.
    expect(article.published).toBe('2024-03-12');
    expect(article.modified).toBe('2024-03-12');
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
  });

  it('leaves out comments, tracked deletions and frames; keeps spaces, entities and the Title style', async () => {
    const body =
      '<text:p text:style-name="P1">Il titolo &amp; il resto</text:p>' +
      '<text:p>Prima<text:s text:c="3"/>parte<office:annotation><text:p>un commento</text:p></office:annotation> del testo, con &#232; e &lt;segni&gt;.</text:p>' +
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>testo cancellato</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
      "<text:list><text:list-item><text:p>Un punto dell'elenco.</text:p></text:list-item></text:list>";
    const { article } = await onlyArticle('mini.odt', miniOdt(body));
    expect(article.title).toBe('Il titolo & il resto');
    expect(article.paragraphs).toEqual(['Prima parte del testo, con è e <segni>.', "Un punto dell'elenco."]);
  });
});

describe('OpenDocument text refusals', () => {
  it('refuses a truncated file', { timeout: HOSTILE_TIMEOUT }, async () => {
    const odt = fixture('articolo.odt');
    expect(await refusal('cut.odt', odt.slice(0, Math.floor(odt.length / 2)))).toBe(
      'damaged or truncated ZIP archive (no central directory)',
    );
  });

  it(
    'refuses malformed XML, other OpenDocument types and non-packages',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      expect(await refusal('bad.odt', miniOdt('<text:p>testo <text:span'))).toBe('damaged XML (bad tag)');
      expect(await refusal('bad.odt', miniOdt('<text:p>testo <text:span>parola</text:p>'))).toBe(
        'damaged XML (mismatched tags)',
      );
      const sheet = zipSync({
        mimetype: utf8('application/vnd.oasis.opendocument.spreadsheet'),
        'content.xml': utf8('<x/>'),
      });
      expect(await refusal('sheet.odt', sheet)).toBe(
        'not an OpenDocument text (application/vnd.oasis.opendocument.spreadsheet)',
      );
      expect(await refusal('none.odt', zipSync({ 'other.xml': utf8('<x/>') }))).toBe(
        'not an OpenDocument text (no content.xml)',
      );
      expect(await refusal('zeros.odt', new Uint8Array(2048))).toBe(
        'not an OpenDocument file (not a ZIP package)',
      );
    },
  );

  it('refuses a password-protected document', { timeout: HOSTILE_TIMEOUT }, async () => {
    const manifest = utf8(
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">' +
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>',
    );
    const odt = zipSync({
      mimetype: utf8('application/vnd.oasis.opendocument.text'),
      'META-INF/manifest.xml': manifest,
      'content.xml': new Uint8Array([0x8f, 0x11, 0x02]),
    });
    expect(await refusal('secret.odt', odt)).toBe('password-protected document');
  });

  it('refuses a file over the size limit before opening it', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(await refusal('articolo.odt', fixture('articolo.odt'), { maxBytes: 4096 })).toMatch(
      /^larger than 0\.0 MB/,
    );
  });

  it('refuses content that unpacks beyond the archive limit', { timeout: HOSTILE_TIMEOUT }, async () => {
    const big = miniOdt(`<text:p>${'parola '.repeat(100_000)}</text:p>`);
    expect(await refusal('bomb.odt', big, { maxZipTotalBytes: 64 * 1024 })).toMatch(
      /^unpacks to .* over the 64\.0 KB limit \(zip bomb\?\)$/,
    );
  });
});
