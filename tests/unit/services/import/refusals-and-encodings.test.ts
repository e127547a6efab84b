// What the importer refuses, and how it reads text that is not plain UTF-8.
import iconv from 'iconv-lite';
import { decodeText, normalizeText } from '../../../../electron/services/import/encoding/decode';
import { ImportRefusal } from '../../../../electron/services/import/refusal';
import { extractArticle } from '../../../../electron/services/import/text/text-file-extractor';
import { extractFile } from '../../../../electron/services/import/formats/registry';
import { DEFAULT_LIMITS } from '../../../../electron/services/import/formats/types';

const MAX_TEXT_FILE_BYTES = DEFAULT_LIMITS.maxBytes;

const utf8 = (s: string) => new TextEncoder().encode(s);
const ARTICLE =
  'Il titolo della prova\n\nIl presidente è stato chiaro: la città è calma e la situazione è sotto controllo. Perché?\n';

function refusal(fileName: string, bytes: Uint8Array): string {
  try {
    extractArticle(fileName, bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportRefusal);
    expect((err as ImportRefusal).message).toBe((err as ImportRefusal).reason);
    return (err as ImportRefusal).reason;
  }
  throw new Error(`${fileName} was not refused`);
}

describe('refusals', () => {
  it('names a PNG renamed to .txt', () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(refusal('photo.txt', png)).toBe('not a text file (PNG image)');
  });

  it.each([
    ['PDF document', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['ZIP archive or Office document', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])],
    ['gzip archive', Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0])],
    ['ELF executable', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
    ['JPEG image', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])],
    ['GIF image', utf8('GIF89a\x01\x00\x01\x00')],
  ])('names a %s', (type, bytes) => {
    expect(refusal('a.txt', bytes)).toBe(`not a text file (${type})`);
  });

  it('refuses unknown binary data by its NULs and control characters', () => {
    expect(refusal('a.txt', Uint8Array.from([0x41, 0x42, 0, 0x43, 0x44, 0x45]))).toBe(
      'not a text file (binary data)',
    );
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x61));
    expect(refusal('a.txt', controls)).toBe('not a text file (binary data)');
  });

  it('refuses empty and whitespace-only files', () => {
    expect(refusal('a.txt', new Uint8Array(0))).toBe('empty file');
    expect(refusal('a.txt', utf8(' \n\t\r\n  \u00a0\n'))).toBe('empty file (whitespace only)');
    expect(refusal('a.txt', Uint8Array.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]))).toBe(
      'empty file (whitespace only)',
    );
  });

  it('refuses a file over the cap (20 MB by default) with its size, before reading it', async () => {
    // One allocation; the size check comes before any decoding, so its content does not matter.
    const big = new Uint8Array(Math.round(25.3 * 1024 * 1024));
    const reason = async (bytes: Uint8Array, limits = DEFAULT_LIMITS) => {
      const items = await extractFile('big.txt', bytes, { limits });
      expect(items).toHaveLength(1);
      return 'refusal' in items[0]! ? items[0].refusal : 'imported';
    };
    expect(await reason(big)).toBe('larger than 20.0 MB (25.3 MB)');
    expect(await reason(big.subarray(0, MAX_TEXT_FILE_BYTES + 1))).toBe(
      'larger than 20.0 MB (20,971,521 bytes)',
    );
    expect(await reason(big.subarray(0, MAX_TEXT_FILE_BYTES + 200_000))).toBe(
      'larger than 20.0 MB (20.2 MB)',
    );
    // The cap is the library's: raised, the same bytes reach the text reader (which finds no text in zeros).
    expect(await reason(big, { ...DEFAULT_LIMITS, maxBytes: 30 * 1024 * 1024 })).toBe(
      'not a text file (binary data)',
    );
  });

  it('refuses bytes that decode to nothing plausible', () => {
    // High bytes in random order: every code page yields letters or symbols, none yields words.
    const garbage = Uint8Array.from({ length: 500 }, (_, i) =>
      i % 6 === 5 ? 0x20 : 0x80 + ((i * 73 + 11) % 128),
    );
    expect(refusal('a.txt', garbage)).toBe('not valid text in any supported encoding');
    const c1 = Uint8Array.from({ length: 500 }, (_, i) => (i % 8 === 7 ? 0x20 : 0x80 + ((i * 73 + 11) % 32)));
    expect(refusal('a.txt', c1)).toBe('not valid text in any supported encoding');
  });

  it('refuses invalid UTF-16 after a byte-order mark', () => {
    // A lone low surrogate.
    expect(refusal('a.txt', Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xdc, 0x42, 0x00]))).toMatch(
      /^not valid text in any supported encoding/,
    );
  });

  it('refuses unsupported extensions before reading the bytes', () => {
    expect(refusal('setup.exe', utf8(ARTICLE))).toBe('unsupported file type .exe');
    expect(refusal('photo.PNG', utf8(ARTICLE))).toBe('unsupported file type .png');
    expect(refusal('README', utf8(ARTICLE))).toBe('unsupported file type (no extension)');
  });

  it('refuses a file with a title and no text', () => {
    expect(refusal('a.txt', utf8('Just a title\n\n'))).toBe('no article text found (only a title)');
  });
});

describe('which names the text extractor takes', () => {
  const story = utf8(
    'A title\n\nA paragraph long enough to be an article, with more than eight words in it.\n',
  );
  const unsupported = (n: string) => {
    try {
      extractArticle(n, story);
      return false;
    } catch (err) {
      return err instanceof ImportRefusal && err.message.startsWith('unsupported file type');
    }
  };
  it.each([
    'a.txt',
    'A.TXT',
    'notes.md',
    'x.text',
    'y.Markdown',
    'dir/sub/z.txt',
    'C:\\docs\\z.md',
    'two.dots.txt',
  ])('accepts %s', (n) => {
    expect(unsupported(n)).toBe(false);
  });
  it.each(['a.exe', 'a.txt.exe', 'a.pdf', 'a.docx', '.txt', 'txt', 'a.', 'a.htm'])('rejects %s', (n) => {
    expect(unsupported(n)).toBe(true);
  });
});

describe('decoding', () => {
  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...iconv.encode(ARTICLE, 'utf-16le')]);
    const be = Uint8Array.from([0xfe, 0xff, ...iconv.encode(ARTICLE, 'utf-16be')]);
    expect(decodeText(le)).toMatchObject({ text: ARTICLE, encoding: 'utf-16le' });
    expect(decodeText(be)).toMatchObject({ text: ARTICLE, encoding: 'utf-16be' });
    const a = extractArticle('utf16.txt', le);
    expect(a.title).toBe('Il titolo della prova');
    expect(a.paragraphs).toEqual([
      'Il presidente è stato chiaro: la città è calma e la situazione è sotto controllo. Perché?',
    ]);
  });

  it('reads UTF-16 without a byte-order mark, and UTF-32 and UTF-8 with one', () => {
    expect(decodeText(Uint8Array.from(iconv.encode(ARTICLE, 'utf-16le')))).toMatchObject({
      text: ARTICLE,
      encoding: 'utf-16le',
    });
    const emoji = 'Titolo 😀 è qui\n\nTesto.';
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0, 0, ...iconv.encode(emoji, 'utf-32le')])).text).toBe(
      emoji,
    );
    expect(decodeText(Uint8Array.from([0, 0, 0xfe, 0xff, ...iconv.encode(emoji, 'utf-32be')])).text).toBe(
      emoji,
    );
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(emoji)]))).toMatchObject({
      text: emoji,
      encoding: 'utf-8',
    });
  });

  it('reads windows-1252 text with "è" (which jschardet alone takes for Cyrillic)', () => {
    const bytes = Uint8Array.from(iconv.encode(ARTICLE, 'windows-1252'));
    expect(bytes.includes(0xe8)).toBe(true);
    expect(decodeText(bytes)).toMatchObject({ text: ARTICLE, encoding: 'windows-1252' });
    expect(extractArticle('latin.txt', bytes).paragraphs[0]).toContain('è stato chiaro: la città è calma');
  });

  it('prefers windows-1252 for mostly-ASCII text with a stray invalid UTF-8 byte', () => {
    const bytes = Uint8Array.from([...utf8('Hello world, caf'), 0xe9, ...utf8(' au lait.')]);
    expect(decodeText(bytes)).toMatchObject({ text: 'Hello world, café au lait.', encoding: 'windows-1252' });
  });

  it.each([
    ['koi8-r', 'Президент России Владимир Путин провёл телефонный разговор с президентом Казахстана.'],
    ['windows-1251', 'Президент России Владимир Путин провёл телефонный разговор с президентом Казахстана.'],
    ['iso-8859-2', 'Ruský prezident řekl, že jednotky opustí zemi po skončení své mise.'],
    [
      'windows-1253',
      'Ο πρόεδρος της Ρωσίας δήλωσε ότι τα στρατεύματα θα αποχωρήσουν από τη χώρα μετά το τέλος της αποστολής.',
    ],
    ['shift_jis', '日本語の文字コード検出テストです。これは長い文章です。'],
  ])('reads %s', (encoding, text) => {
    expect(decodeText(Uint8Array.from(iconv.encode(text, encoding))).text).toBe(text);
  });

  it('normalises to NFC and "\\n" line ends, and drops stray control characters', () => {
    expect(normalizeText('\uFEFFcitta\u0300\r\nuno\rdue\u0007\fpagina')).toBe('città\nuno\ndue\npagina');
    expect(decodeText(utf8('e\u0301\r\n')).text).toBe('é\n');
  });
});
