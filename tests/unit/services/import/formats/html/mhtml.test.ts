// Web archives (.mhtml, .mht): the MIME container around a saved page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeTransfer,
  parseContentType,
  parseMhtml,
} from '../../../../../../electron/services/import/formats/mhtml';
import { extractFile, formatFor } from '../../../../../../electron/services/import/formats/registry';
import { ImportRefusal } from '../../../../../../electron/services/import/refusal';

const FIXTURES = join(__dirname, '../../../../../fixtures/html');
const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const ARTICLE =
  '<p>' +
  'The minister said the talks would continue next week in Geneva, according to officials. '.repeat(4) +
  '</p>';

function refusalOf(bytes: Uint8Array): string {
  try {
    parseMhtml(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportRefusal);
    return (err as ImportRefusal).reason;
  }
  throw new Error('not refused');
}

/** A one-page archive in the shape Chrome writes. */
function archive(
  part: { headers: string; body: string },
  rootType = 'multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B--"',
): Uint8Array {
  return ascii(
    `From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/snap\r\nMIME-Version: 1.0\r\nContent-Type: ${rootType}\r\n\r\n\r\n` +
      `------B--\r\n${part.headers}\r\n\r\n${part.body}\r\n------B----\r\n`,
  );
}

describe('the quoted-printable archive of the news fixture', () => {
  it('gives the same article as the page itself', async () => {
    const [fromArchive] = await extractFile(
      'ceasefire.mhtml',
      new Uint8Array(readFileSync(join(FIXTURES, 'newsarticle-jsonld.mhtml'))),
    );
    const [fromPage] = await extractFile(
      'ceasefire.html',
      new Uint8Array(readFileSync(join(FIXTURES, 'newsarticle-jsonld.html'))),
    );
    if (!fromArchive || 'refusal' in fromArchive) throw new Error(`refused: ${JSON.stringify(fromArchive)}`);
    if (!fromPage || 'refusal' in fromPage) throw new Error('page refused');
    expect(fromArchive.article).toEqual(fromPage.article);
    expect(fromArchive.article.paragraphs.length).toBeGreaterThan(10);
  });

  it('finds the page part and its Content-Location', () => {
    const page = parseMhtml(new Uint8Array(readFileSync(join(FIXTURES, 'newsarticle-jsonld.mhtml'))));
    expect(page.url).toBe(
      'https://www.dailyledger.example/world/2022/01/07/ceasefire-talks-geneva?utm_source=share',
    );
    // Soft line breaks are gone and "=3D" is "=" again.
    expect(page.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page.html).not.toMatch(/=\r?\n|=3D/);
  });
});

describe('parts and encodings', () => {
  it('reads a base64 page part and honours its charset parameter', () => {
    const html = `<html><head><title>Città</title></head><body>${ARTICLE}</body></html>`;
    const b64 = Buffer.from(html, 'latin1').toString('base64').replace(/.{76}/g, '$&\r\n');
    const page = parseMhtml(
      archive({
        headers:
          'Content-Type: text/html; charset="iso-8859-1"\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://example.org/a',
        body: b64,
      }),
    );
    expect(page.html).toContain('<title>Città</title>');
    expect(page.url).toBe('https://example.org/a');
  });

  it('falls back to Snapshot-Content-Location when the part has none', () => {
    expect(
      parseMhtml(
        archive({ headers: 'Content-Type: text/html', body: `<html><body>${ARTICLE}</body></html>` }),
      ).url,
    ).toBe('https://example.org/snap');
  });

  it('skips resource parts before the page and prefers the part named by start', () => {
    const bytes = ascii(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=XYZ; start="<page@x>"\r\n\r\n' +
        '--XYZ\r\nContent-Type: text/html\r\nContent-ID: <frame@x>\r\n\r\n<html><body><p>an iframe</p></body></html>\r\n' +
        '--XYZ\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n' +
        `--XYZ\r\nContent-Type: text/html\r\nContent-ID: <page@x>\r\n\r\n<html><body>${ARTICLE}</body></html>\r\n--XYZ--\r\n`,
    );
    expect(parseMhtml(bytes).html).toContain('The minister said');
  });

  it('reads a single-part archive whose root is the page', () => {
    const bytes = ascii(
      `MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n<html><body>${ARTICLE}</body></html>`,
    );
    expect(parseMhtml(bytes).html).toContain('The minister said');
  });

  it('keeps what there is of a truncated archive', () => {
    const bytes = ascii(
      `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=B\r\n\r\n--B\r\nContent-Type: text/html\r\n\r\n<html><body>${ARTICLE}`,
    );
    expect(parseMhtml(bytes).html).toContain('The minister said');
  });

  it('decodes quoted-printable soft breaks and escapes', () => {
    expect(Buffer.from(decodeTransfer('caf=C3=A9 au =\r\nlait', 'quoted-printable')).toString('utf8')).toBe(
      'café au lait',
    );
  });

  it('parses Content-Type parameters, quoted or not', () => {
    const ct = parseContentType(
      'multipart/related;\ttype="text/html"; boundary="----=_NextPart_01D;x"; charset=UTF-8',
    );
    expect(ct.type).toBe('multipart/related');
    expect(ct.params.get('boundary')).toBe('----=_NextPart_01D;x');
    expect(ct.params.get('charset')).toBe('UTF-8');
  });
});

describe('malformed archives', () => {
  it('refuses a file without MIME headers', () => {
    expect(refusalOf(ascii(`<html><body>${ARTICLE}</body></html>`))).toBe(
      'not a valid MHTML archive (no MIME headers)',
    );
  });

  it('refuses a multipart without a boundary', () => {
    expect(refusalOf(ascii('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--x\r\n'))).toBe(
      'not a valid MHTML archive (multipart without a boundary)',
    );
  });

  it('refuses an archive without an HTML part', () => {
    const bytes = ascii(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=B\r\n\r\n--B\r\nContent-Type: image/png\r\n\r\nxxxx\r\n--B--\r\n',
    );
    expect(refusalOf(bytes)).toBe('not a valid MHTML archive (no HTML part)');
  });

  it('refuses through the registry with the reason, not an exception', async () => {
    expect(await extractFile('broken.mht', ascii('garbage without headers'))).toEqual([
      { label: 'broken.mht', refusal: 'not a valid MHTML archive (no MIME headers)' },
    ]);
    expect(await extractFile('empty.mhtml', new Uint8Array())).toEqual([
      { label: 'empty.mhtml', refusal: 'empty file' },
    ]);
  });

  it('is registered for .mhtml and .mht', () => {
    expect(formatFor('page.mhtml')?.name).toBe('web archive');
    expect(formatFor('page.MHT')?.name).toBe('web archive');
  });
});
