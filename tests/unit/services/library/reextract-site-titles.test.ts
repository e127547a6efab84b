// Re-extraction cuts the title suffix other titles of the domain share, as the import does (title-suffix.ts):
// without it, re-extracting brought "| Weinwirtschaft" back. meininger.de's og:title ends with the magazine's
// name, which the page names nowhere else (the structure of its pages, not a copy).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../../../electron/services/workbench';
import { extractFile } from '../../../../electron/services/import/formats/registry';
import type { LibraryStore } from '../../../../electron/services/library/store';
import { tempDir } from '../../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench;
/** The folder layer under `wb`, to write titles as an older importer stored them. */
let store: LibraryStore;

const winePage = (headline: string, slug: string) => {
  const bytes = new TextEncoder().encode(
    `<!doctype html><html><head><meta property="og:title" content="${headline} | Weinwirtschaft"><link rel="canonical" href="https://www.meininger.de/de/weinwirtschaft/${slug}"></head><body><article><p>${`${headline}: the trade fair heard it from growers and merchants alike this week, the organisers said. `.repeat(4)}</p></article></body></html>`,
  );
  return { name: `${slug}.html`, size: bytes.byteLength, bytes };
};

beforeEach(async () => {
  tmp = tempDir();
  wb = await openWorkbench({
    libraryDir: tmp.dir,
    version: 'test',
    ports: { shell: 'host' },
    onInternalError: () => {},
    onStoreOpened: (s) => (store = s),
  });
});
afterEach(async () => {
  await wb.close();
  tmp.cleanup();
});

describe('re-extraction and the site name other titles share', () => {
  const batch = () =>
    wb.importer.importFiles([
      winePage('LVMH posts solid growth', 'lvmh'),
      winePage('Rioja sales fall in Germany', 'rioja'),
      winePage('Prosecco exports reach a record', 'prosecco'),
    ]);
  const title = (id: string) => wb.library.listArticles().find((a) => a.id === id)!.title;

  it('keeps the cut the import made (the suffix came back before)', async () => {
    const [lvmh, , prosecco] = (await batch()).results.map((r) => r.articleId!);
    expect(title(prosecco!)).toBe('Prosecco exports reach a record');
    expect((await wb.library.reextract(prosecco!, extractFile)).title).toBe(
      'Prosecco exports reach a record',
    );
    expect(title(prosecco!)).toBe('Prosecco exports reach a record');
    // The first title had one other beside it at import, and still has: one witness is too few.
    expect((await wb.library.reextract(lvmh!, extractFile)).title).toBe(
      'LVMH posts solid growth | Weinwirtschaft',
    );
  });

  it('cuts the suffix from a title stored by an older importer once two others share it', async () => {
    const ids = (await batch()).results.map((r) => r.articleId!);
    // A library imported before the rule: every title kept "| Weinwirtschaft".
    for (const a of store.articles.data.articles)
      if (!a.title.endsWith(' | Weinwirtschaft')) a.title += ' | Weinwirtschaft';
    const r = await wb.library.reextract(ids[0]!, extractFile);
    expect(r).toMatchObject({ title: 'LVMH posts solid growth', changed: true });
    expect(title(ids[0]!)).toBe('LVMH posts solid growth');
    // The second learns from the first as published, and from the third.
    expect((await wb.library.reextract(ids[1]!, extractFile)).title).toBe('Rioja sales fall in Germany');
  });
});
