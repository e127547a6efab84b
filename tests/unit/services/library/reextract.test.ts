import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../../../electron/services/workbench';
import type { LibraryStore } from '../../../../electron/services/library/store';
import { extractionLabel, type Extract } from '../../../../electron/services/library/reextract';
import { extractFile } from '../../../../electron/services/import/formats/registry';
import { articleText, findQuote, sliceCodePoints } from '../../../../shared/domain/article-text';
import { SPUTNIK, fixture, tempDir, treeDigest } from '../../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench;
/** The folder layer under `wb`, for a test that writes what a crash would leave. */
let store: LibraryStore;
const QUOTE = 'per un periodo di tempo limitato';

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

async function importAndTag() {
  const id = (await wb.importer.importFiles([fixture(SPUTNIK)])).results[0]!.articleId!;
  const text = articleText(await wb.library.getArticle(id));
  const at = findQuote(text, { exact: QUOTE })!;
  const { annotation } = await wb.library.createAnnotation({
    articleId: id,
    target: { ...at, quote: { exact: QUOTE } },
    claim: { newClaim: { text: 'CSTO troops will withdraw', speaker: '' } },
    stance: 'reports',
    speaker: 'CSTO',
    tags: [],
    note: '',
  });
  return { id, annotation };
}

/** An "improved extractor": the real one, then a change to the text. */
const improved =
  (change: (paragraphs: string[]) => string[]): Extract =>
  async (label, bytes) =>
    (await extractFile(label, bytes)).map((i) =>
      'article' in i ? { ...i, article: { ...i.article, paragraphs: change(i.article.paragraphs) } } : i,
    );

describe('re-extraction', () => {
  it('derives the text again from the original and carries annotations over by quote', async () => {
    const { id, annotation } = await importAndTag();
    const r = await wb.library.reextract(
      id,
      improved((p) => ['A paragraph the old extractor missed.', ...p]),
    );
    expect(r).toMatchObject({ changed: true, reanchored: 1 });
    const reopened = await openWorkbench({
      libraryDir: tmp.dir,
      version: 'test',
      ports: { shell: 'host' },
      onInternalError: () => {},
    });
    const article = await reopened.library.getArticle(id);
    expect(article.paragraphs[0]).toBe('A paragraph the old extractor missed.');
    const [moved] = article.annotations;
    expect(moved!.id).toBe(annotation.id);
    expect(moved!.position.start).toBeGreaterThan(annotation.position.start);
    expect(sliceCodePoints(articleText(article), moved!.position.start, moved!.position.end)).toBe(QUOTE);
    await reopened.close();
  });

  it('changes nothing when a quote would lose its place, and says which', async () => {
    const { id } = await importAndTag();
    const before = treeDigest(tmp.dir);
    await expect(
      wb.library.reextract(
        id,
        improved((p) => p.map((x) => x.replace(QUOTE, 'per qualche tempo'))),
      ),
    ).rejects.toThrow(
      /1 annotation\(s\) would lose their place .*per un periodo di tempo limitato.*nothing was changed/,
    );
    const after = treeDigest(tmp.dir);
    for (const k of Object.keys(after)) if (!k.startsWith('backups/')) expect(after[k]).toBe(before[k]);
  });

  it('reports an unchanged text when the extractor gives the same result', async () => {
    const { id } = await importAndTag();
    expect(await wb.library.reextract(id, (l, b) => extractFile(l, b))).toMatchObject({
      changed: false,
      reanchored: 1,
    });
  });

  it('names container members the way their extractor expects', () => {
    expect(extractionLabel('archive.zip › news/a.html')).toBe('news/a.html');
    expect(extractionLabel('crawl.jsonl#12')).toBe('crawl.jsonl');
    expect(extractionLabel('plain.txt')).toBe('plain.txt');
  });
});

describe('articles.reextract over the API', () => {
  it('answers through the dispatcher and refuses an unknown id', async () => {
    const { id } = await importAndTag();
    expect(await wb.dispatch('articles.reextract', { id })).toEqual({
      ok: true,
      result: { articleId: id, title: expect.any(String), changed: false, reanchored: 1 },
    });
    const r = await wb.dispatch('articles.reextract', { id: 'nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('reading after an interrupted re-extraction', () => {
  it('finds a quote again when its stored position no longer lands on it', async () => {
    const { id, annotation } = await importAndTag();
    const db = store.annotations.get(id)!;
    db.data.annotations = [
      { ...annotation, position: { type: 'TextPositionSelector', start: 3, end: 3 + QUOTE.length } },
    ];
    await db.write();
    const article = await wb.library.getArticle(id);
    const [a] = article.annotations;
    expect(a!.position).toEqual(annotation.position);
    expect(sliceCodePoints(articleText(article), a!.position.start, a!.position.end)).toBe(QUOTE);
  });
});
