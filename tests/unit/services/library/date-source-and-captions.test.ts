// Where an article's date was read (publishedFrom) and its photo captions travel from extraction to the index,
// the text file and the article's reply; a re-extraction replaces both, and a reopened library still has them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../../electron/services/workbench';
import { extractFile } from '../../../../electron/services/import/formats/registry';
import type { Extract } from '../../../../electron/services/library/reextract';
import { FOGLIETTONE, SPUTNIK, fixture, tempDir } from '../../../helpers/temp-library';
import { callApi, workbenchPool } from '../../../helpers/workbench';
import type { ArticleWithAnnotations } from '../../../../shared/domain/types';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench;
const pool = workbenchPool();
const open = () => pool.open(tmp.dir);
/** Close the workbench and open the library again, as after a restart. */
async function reopen(): Promise<void> {
  await pool.closeAll();
  wb = await open();
}

beforeEach(async () => {
  tmp = tempDir();
  wb = await open();
});
afterEach(async () => {
  await pool.closeAll();
  tmp.cleanup();
});

async function importOne(name: string): Promise<string> {
  return (await wb.importer.importFiles([fixture(name)])).results[0]!.articleId!;
}

describe("an article's date source and captions in the library", () => {
  it('keeps where each date came from, in the list and in the article', async () => {
    const fromText = await importOne(FOGLIETTONE);
    const fromMeta = await importOne(SPUTNIK);
    const article = await callApi<ArticleWithAnnotations>(wb, 'articles.get', { id: fromText });
    expect(article.publishedFrom).toBe('text');
    const rows = await callApi<Array<{ id: string; publishedFrom?: string }>>(wb, 'articles.list', {});
    expect(rows.find((r) => r.id === fromMeta)?.publishedFrom).toBe('meta');
    await reopen();
    const again = await callApi<ArticleWithAnnotations>(wb, 'articles.get', { id: fromText });
    expect(again.publishedFrom).toBe('text');
  });

  it('stores captions beside the text, and a re-extraction replaces them and the date source', async () => {
    const id = await importOne(SPUTNIK);
    expect((await wb.library.getArticle(id)).captions).toBeUndefined();
    const withCaptions: Extract = async (label, bytes) =>
      (await extractFile(label, bytes)).map((i) =>
        'article' in i
          ? {
              ...i,
              article: {
                ...i.article,
                publishedFrom: 'url' as const,
                captions: ['Vladimir Putin al Cremlino (Foto: Sputnik / Mikhail Klimentyev)'],
              },
            }
          : i,
      );
    await wb.library.reextract(id, withCaptions);
    const article = await wb.library.getArticle(id);
    expect(article.captions).toEqual(['Vladimir Putin al Cremlino (Foto: Sputnik / Mikhail Klimentyev)']);
    expect(article.publishedFrom).toBe('url');
    // Captions are not part of the text that evidence is tagged in.
    expect(article.paragraphs.join('\n')).not.toContain('Klimentyev');
    await reopen();
    expect((await wb.library.getArticle(id)).captions).toHaveLength(1);
    // Back to the plain extractor: no captions, the scraper's timestamp again.
    await wb.library.reextract(id, extractFile);
    const plain = await wb.library.getArticle(id);
    expect(plain.captions).toBeUndefined();
    expect(plain.publishedFrom).toBe('meta');
  });
});
