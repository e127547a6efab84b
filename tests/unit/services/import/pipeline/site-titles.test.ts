// The importer cuts a title's suffix that other titles of the same domain share (shared/domain/title-suffix.ts):
// meininger.de pages whose og:title ends " | Weinwirtschaft" (the magazine's name, which the page itself names
// nowhere: kesq.com's " - KESQ", used here before, is now cut by the page's own domain), imported in two batches.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../../shared/domain/types';
import type { Workbench } from '../../../../../electron/services/workbench';
import { tempDir } from '../../../../helpers/temp-library';
import { callApi, workbenchPool } from '../../../../helpers/workbench';

let tmp: ReturnType<typeof tempDir>;
const pool = workbenchPool();

const winePage = (headline: string, slug: string) =>
  new TextEncoder().encode(
    `<!doctype html><html><head><meta property="og:title" content="${headline} | Weinwirtschaft"><link rel="canonical" href="https://www.meininger.de/de/weinwirtschaft/${slug}"></head><body><article><p>${`${headline} was the talk of the valley this week, officials and residents said at the meeting. `.repeat(4)}</p></article></body></html>`,
  );
const importFiles = (wb: Workbench, files: Array<{ name: string; bytes: Uint8Array }>) =>
  callApi<ImportReport>(wb, 'articles.import', {
    files: files.map((f) => ({
      name: f.name,
      size: f.bytes.byteLength,
      dataBase64: Buffer.from(f.bytes).toString('base64'),
    })),
  });

beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  await pool.closeAll();
  tmp.cleanup();
});

describe('titles by the site name other titles of the domain share', () => {
  it('keeps the first titles whole and cuts the suffix once two others share it, in a batch and later', async () => {
    const wb = await pool.open(join(tmp.dir, 'lib'));
    await importFiles(wb, [
      { name: 'a.html', bytes: winePage('Mayor of Coachella explains face coverings', 'mayor') },
      { name: 'b.html', bytes: winePage('Palm Springs reopens its pools', 'pools') },
      { name: 'c.html', bytes: winePage('Indio approves a budget for parks', 'indio') },
    ]);
    await importFiles(wb, [{ name: 'd.html', bytes: winePage('Cathedral City hires a new chief', 'chief') }]);
    const titles = Object.fromEntries(wb.library.listArticles().map((a) => [a.fileName, a.title]));
    expect(titles).toEqual({
      'a.html': 'Mayor of Coachella explains face coverings | Weinwirtschaft',
      'b.html': 'Palm Springs reopens its pools | Weinwirtschaft',
      'c.html': 'Indio approves a budget for parks',
      'd.html': 'Cathedral City hires a new chief',
    });
  });
});
