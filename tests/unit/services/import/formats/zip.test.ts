import { zipSync, type Zippable } from 'fflate';
import { EN, HOSTILE_TIMEOUT, IT, extract, fixture, isArticle, outcomes, refusal, utf8 } from './helpers';
import { dataOffset, lieAboutSize, patchEntry } from './zip-craft';

const story = (title: string) => utf8(`${title}\n\n${EN.paragraphs.join('\n\n')}\n`);

describe('ZIP: articoli.zip (made by Info-ZIP)', () => {
  it('extracts every entry through the registry, nested zips too, and skips folders and archiver litter', async () => {
    const items = await extract('articoli.zip', fixture('articoli.zip'));
    expect(outcomes(items)).toEqual([
      ['articoli.zip › articolo.odt', 'article'],
      ['articoli.zip › cartella/traghetti.txt', 'article'],
      ['articoli.zip › dati/news-please.json#1', 'article'],
      ['articoli.zip › dati/news-please.json#2', 'article'],
      ['articoli.zip › dati/news-please.json#3', 'record 3: no article text'],
      ['articoli.zip › interno.zip › notizia.md', 'article'],
      ['articoli.zip › LEGGIMI', 'unsupported file type (no extension)'],
    ]);
    const articles = items.filter(isArticle);
    expect(articles[0]!.article.title).toBe(IT.title);
    expect(articles[1]!.article.paragraphs).toEqual(EN.paragraphs);
    expect(articles[4]!.article.paragraphs).toEqual(IT.paragraphs.slice(0, 2));
    // Each article's original is the entry's own bytes (for the .odt, the file as it was packed).
    expect(articles[0]!.bytes).toEqual(fixture('articolo.odt'));
  });

  it('refuses an encrypted entry by name and imports the others', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(outcomes(await extract('cifrato.zip', fixture('cifrato.zip')))).toEqual([
      ['cifrato.zip › segreta.txt', 'encrypted (password-protected) entry'],
      ['cifrato.zip › libera.txt', 'article'],
    ]);
  });
});

describe('ZIP defences', () => {
  it(
    'refuses a zip bomb whose declared sizes pass the limit, before unpacking anything',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const bomb = zipSync({
        'a.txt': new Uint8Array(2_000_000).fill(97),
        'b.txt': new Uint8Array(2_000_000).fill(98),
      });
      expect(bomb.length).toBeLessThan(10_000);
      expect(await refusal('bomb.zip', bomb, { maxZipTotalBytes: 1024 * 1024 })).toBe(
        'unpacks to 3.8 MB, over the 1.0 MB limit for archives (zip bomb?)',
      );
    },
  );

  it(
    'refuses an entry that unpacks beyond the size its central directory declares',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const zip = zipSync({
        'ok.txt': story('A fine story'),
        'liar.txt': new Uint8Array(5_000_000).fill(32),
      });
      const liar = lieAboutSize(zip, 'liar.txt', 2000);
      expect(outcomes(await extract('liar.zip', liar, { maxZipTotalBytes: 1024 * 1024 }))).toEqual([
        ['liar.zip › ok.txt', 'article'],
        ['liar.zip › liar.txt', 'unpacks to more than its declared 2.0 KB (zip bomb?)'],
      ]);
    },
  );

  it(
    'refuses an entry declaring more than it holds, and damaged or unknown entries',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const zip = zipSync({
        'short.txt': story('Short'),
        'crc.txt': [story('Checksum'), { level: 0 }],
        'bz.txt': story('Bzip2'),
        'ok.txt': story('Fine'),
      });
      let bad = lieAboutSize(zip, 'short.txt', 900_000);
      const hit = dataOffset(bad, 'crc.txt') + 10;
      bad[hit] = bad[hit]! ^ 0xff;
      bad = patchEntry(bad, 'bz.txt', { method: 12 });
      expect(outcomes(await extract('bad.zip', bad))).toEqual([
        ['bad.zip › short.txt', 'damaged entry (unpacked size differs from the declared one)'],
        ['bad.zip › crc.txt', 'damaged entry (checksum mismatch)'],
        ['bad.zip › bz.txt', 'unsupported compression method 12'],
        ['bad.zip › ok.txt', 'article'],
      ]);
    },
  );

  it('refuses an encrypted entry flagged in the directory', { timeout: HOSTILE_TIMEOUT }, async () => {
    const zip = patchEntry(zipSync({ 'x.txt': story('Secret'), 'y.txt': story('Open') }), 'x.txt', {
      flags: 1,
    });
    expect(outcomes(await extract('enc.zip', zip))).toEqual([
      ['enc.zip › x.txt', 'encrypted (password-protected) entry'],
      ['enc.zip › y.txt', 'article'],
    ]);
  });

  it('refuses zip-slip names by name and imports the rest', { timeout: HOSTILE_TIMEOUT }, async () => {
    const files: Zippable = {
      '../../etc/evil.txt': story('Up two'),
      '/abs/path.txt': story('Absolute'),
      '..\\..\\windows.txt': story('Backslashes'),
      'C:/drive.txt': story('Drive'),
      'ok/../../sneaky.txt': story('Sneaky'),
      'good/story.txt': story('Good story'),
    };
    expect(outcomes(await extract('slip.zip', zipSync(files)))).toEqual([
      ['slip.zip › ../../etc/evil.txt', 'unsafe path in archive ("..": points outside the archive)'],
      ['slip.zip › /abs/path.txt', 'unsafe path in archive (absolute path)'],
      ['slip.zip › ../../windows.txt', 'unsafe path in archive ("..": points outside the archive)'],
      ['slip.zip › C:/drive.txt', 'unsafe path in archive (absolute path)'],
      ['slip.zip › ok/../../sneaky.txt', 'unsafe path in archive ("..": points outside the archive)'],
      ['slip.zip › good/story.txt', 'article'],
    ]);
  });

  it('stops at the nesting limit', { timeout: HOSTILE_TIMEOUT }, async () => {
    let zip = zipSync({ 'deep.txt': story('Deepest') });
    for (const name of ['d.zip', 'c.zip', 'b.zip'])
      zip = zipSync({ [name]: zip, [`${name}.txt`]: story(`Beside ${name}`) });
    expect(outcomes(await extract('a.zip', zip, { maxZipDepth: 2 }))).toEqual([
      ['a.zip › b.zip › c.zip › d.zip', 'archives nested more than 2 deep'],
      ['a.zip › b.zip › c.zip › d.zip.txt', 'article'],
      ['a.zip › b.zip › c.zip.txt', 'article'],
      ['a.zip › b.zip.txt', 'article'],
    ]);
  });

  it(
    'shares the byte budget with nested archives (zips of bombs)',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const inner = zipSync({ 'filler.txt': utf8(`Filler\n\n${'parola '.repeat(100_000)}\n`) });
      const outer = zipSync({ 'one.zip': inner, 'two.zip': inner });
      const items = await extract('outer.zip', outer, { maxZipTotalBytes: 1_000_000 });
      expect(outcomes(items)).toEqual([
        ['outer.zip › one.zip › filler.txt', 'article'],
        [
          'outer.zip › two.zip',
          'unpacks to 683.6 KB, but only 290.7 KB is left of the 976.6 KB limit for an archive and the archives inside it (zip bomb?)',
        ],
      ]);
    },
  );

  it('refuses archives with too many entries', { timeout: HOSTILE_TIMEOUT }, async () => {
    const files: Zippable = {};
    for (let i = 0; i < 20; i++) files[`n${i}.txt`] = story(`Story ${i}`);
    expect(await refusal('many.zip', zipSync(files), { maxZipEntries: 10 })).toBe(
      'too many entries in the archive (20; the limit is 10)',
    );
  });

  it(
    'refuses truncated, malformed, empty, NUL-filled and oversized archives',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const zip = fixture('articoli.zip');
      expect(await refusal('cut.zip', zip.slice(0, zip.length - 30))).toMatch(
        /^damaged or truncated ZIP archive \(/,
      );
      expect(await refusal('cut.zip', zip.slice(0, 5000))).toBe(
        'damaged or truncated ZIP archive (no central directory)',
      );
      const moved = zip.slice();
      const eocd = moved.length - 22;
      new DataView(moved.buffer).setUint32(eocd + 16, 10, true);
      expect(await refusal('moved.zip', moved)).toBe(
        'damaged or truncated ZIP archive (central directory entry 1 unreadable)',
      );
      expect(await refusal('zeros.zip', new Uint8Array(4096))).toBe('not a ZIP archive');
      expect(await refusal('empty.zip', zipSync({}))).toBe('empty archive (no files to import)');
      expect(
        await refusal(
          'litter.zip',
          zipSync({ '.DS_Store': new Uint8Array(8), '__MACOSX/._a.txt': new Uint8Array(8) }),
        ),
      ).toBe('empty archive (no files to import)');
      expect(await refusal('articoli.zip', zip, { maxBytes: 10_000 })).toMatch(/^larger than/);
    },
  );
});
