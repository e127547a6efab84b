// Bugs the bad-files CLI run (cli-bad-files.test.ts) found, pinned down one by one so that they stay fixed
// even if the generator's seed or mix changes.
import { closeSync, openSync, truncateSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportField } from '../../../electron/cli/index';
import { extractHtml } from '../../../electron/services/import/formats/html';
import { extractFile } from '../../../electron/services/import/formats/registry';
import { readFileBatches, type PathProblem } from '../../../electron/services/import/pipeline/read-paths';
import { ImportRefusal } from '../../../electron/services/import/refusal';
import { tempDir } from '../../helpers/temp-library';
import { rawZip } from './bad-files';

const SENTENCE =
  'The council approved the new tram line yesterday evening after a long debate, officials said. ';

describe('HTML whose structure linkedom cannot root', () => {
  // linkedom made <table> (or nothing) the document's root and Readability threw a TypeError, reported as
  // "could not be read as HTML page (Cannot read properties of null (reading 'tagName'))".
  const pages = [
    `<table><tr><td>${SENTENCE}<div>${SENTENCE}</div></html>${SENTENCE}<body><p>${SENTENCE.repeat(3)}</p>`,
    `to consiglio <![CDATA[ <body> ${SENTENCE} </html> according </p> <p>${SENTENCE.repeat(3)}</p>`,
    `<script>--><body>${SENTENCE}</script>secondo<!--<</p></script><table><tr><td>la</div><![CDATA[${SENTENCE}`,
    `<p>${SENTENCE}</p><body><p>${SENTENCE.repeat(4)}</p></body>`,
    `</html><body></body><p>${SENTENCE}</p>`,
  ];
  for (const [i, page] of pages.entries()) {
    it(`page ${i + 1}: an article or a refusal, never an internal error`, () => {
      try {
        const a = extractHtml(page);
        expect(a.paragraphs.length).toBeGreaterThan(0);
      } catch (err) {
        expect(err).toBeInstanceOf(ImportRefusal);
      }
    });
  }

  it('reads a page whose text sits in an unclosed <head> (Readability threw on it)', () => {
    const a = extractHtml(
      `<html><head><title>Tram</title><p>${SENTENCE.repeat(3)}</p><body><p>Footer</p></body></html>`,
    );
    expect(a.title).toBe('Tram');
    expect(a.paragraphs.join(' ')).toContain('The council approved the new tram line');
  });

  it('still reads the text of a page with text before its <body>', () => {
    const a = extractHtml(
      `Warning: something went wrong<br>\n<html><head><title>Tram</title></head><body><article><p>${SENTENCE.repeat(4)}</p></article></body></html>`,
    );
    expect(a.paragraphs.join(' ')).toContain('The council approved the new tram line');
  });
});

describe('an archive entry over the per-file cap', () => {
  it('is refused by its declared size without being unpacked', async () => {
    // 400 MiB declared; the data is not even valid deflate, so unpacking it would report damage instead.
    const zip = rawZip([
      { name: 'big.txt', method: 8, data: new Uint8Array([1, 2, 3, 4]), crc: 0, size: 400 * 1024 * 1024 },
    ]);
    const items = await extractFile('bomb.zip', zip);
    expect(items).toEqual([{ label: 'bomb.zip › big.txt', refusal: 'larger than 20.0 MB (400.0 MB)' }]);
  });

  it('a PDF entry may be larger, up to the PDF cap', async () => {
    const items = await extractFile(
      'docs.zip',
      rawZip([
        { name: 'big.pdf', method: 8, data: new Uint8Array([1, 2, 3, 4]), crc: 0, size: 30 * 1024 * 1024 },
      ]),
    );
    expect(items).toHaveLength(1);
    expect('refusal' in items[0]! && items[0].refusal).toMatch(/^damaged entry/);
  });
});

describe('reading files from disk', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  const sparse = (name: string, mb: number) => {
    const path = join(tmp.dir, name);
    closeSync(openSync(path, 'w'));
    truncateSync(path, mb * 1024 * 1024);
    return path;
  };

  it('reads a PDF between the 20 MB cap and the 50 MB PDF cap (it was refused as "could not be read")', async () => {
    sparse('a.pdf', 30);
    sparse('b.pdf', 60);
    sparse('c.txt', 30);
    const problems: PathProblem[] = [];
    const files = [];
    for await (const batch of readFileBatches([tmp.dir], problems)) files.push(...batch);
    expect(problems).toEqual([]);
    const inFolder = (name: string) => `${basename(tmp.dir)} › ${name}`;
    expect(files.map((f) => [f.name, f.size / 1024 / 1024, f.bytes?.byteLength ?? null])).toEqual([
      [inFolder('a.pdf'), 30, 30 * 1024 * 1024],
      [inFolder('b.pdf'), 60, null],
      [inFolder('c.txt'), 30, null],
    ]);
  });
});

describe('import report lines', () => {
  it('escape control characters in names and reasons, so a file named "a<TAB>b" or "a<LF>b" stays one line', () => {
    expect(reportField('a\tb\nc\rd\u0001e\u007f')).toBe('a\\tb\\nc\\rd\\x01e\\x7f');
    expect(reportField('articoli.zip › città/notizia.txt')).toBe('articoli.zip › città/notizia.txt');
  });
});
