import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../../../electron/services/workbench';
import { LibraryOpenError } from '../../../../electron/services/library/store';
import { articleText, sliceCodePoints, findQuote } from '../../../../shared/domain/article-text';
import { FOGLIETTONE, PNG_BYTES, SPUTNIK, fixture, tempDir, treeDigest } from '../../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench;
const open = () =>
  openWorkbench({
    libraryDir: tmp.dir,
    version: 'test',
    ports: { shell: 'host' },
    onInternalError: () => {},
  });

beforeEach(async () => {
  tmp = tempDir();
  wb = await open();
});
afterEach(() => tmp.cleanup());

async function importSamples() {
  return wb.importer.importFiles([fixture(SPUTNIK), fixture(FOGLIETTONE)]);
}

async function tagQuote(
  articleId: string,
  exact: string,
  claim: { claimId: string } | { newClaim: { text: string; speaker: string } },
) {
  const a = await wb.library.getArticle(articleId);
  const at = findQuote(articleText(a), { exact })!;
  return wb.library.createAnnotation({
    articleId,
    target: { ...at, quote: { exact } },
    claim,
    stance: 'reports',
    speaker: 'CSTO',
    tags: ['withdrawal'],
    note: 'n',
  });
}

describe('library store', () => {
  it('creates the folder layout with a manifest and keeps originals byte for byte', async () => {
    const report = await importSamples();
    expect(report).toMatchObject({ imported: 2, duplicates: 0, refused: 0 });
    const manifest = JSON.parse(readFileSync(join(tmp.dir, 'library.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'analyst-workbench-library', schemaVersion: 1 });
    const id = report.results[0]!.articleId!;
    expect(readFileSync(join(tmp.dir, 'articles', id, 'original.txt'))).toEqual(
      Buffer.from(fixture(SPUTNIK).bytes),
    );
    const index = readFileSync(join(tmp.dir, 'articles.json'), 'utf8');
    // Texts stay out of the index, so saving metadata never rewrites them.
    expect(index).not.toContain('per un periodo di tempo limitato');
    expect(JSON.parse(index).articles).toHaveLength(2);
  });

  it('reopening gives back exactly what was stored', async () => {
    const report = await importSamples();
    const created = await tagQuote(report.results[0]!.articleId!, 'per un periodo di tempo limitato', {
      newClaim: { text: 'CSTO troops will withdraw from Kazakhstan', speaker: '' },
    });
    await tagQuote(report.results[1]!.articleId!, 'si ritirerà dal territorio del Kazakistan', {
      claimId: created.claim.id,
    });
    const before = {
      list: wb.library.listArticles(),
      claims: wb.library.listClaims(),
      anns: wb.library.allAnnotations(),
    };
    const article = await wb.library.getArticle(report.results[0]!.articleId!);
    wb = await open();
    expect(wb.library.listArticles()).toEqual(before.list);
    expect(wb.library.listClaims()).toEqual(before.claims);
    expect(wb.library.allAnnotations().sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      before.anns.sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await wb.library.getArticle(article.id)).toEqual(article);
  });

  it('writes atomically: no temp files left behind and each annotation write touches only its article file', async () => {
    const report = await importSamples();
    const indexBefore = readFileSync(join(tmp.dir, 'articles.json'), 'utf8');
    await tagQuote(report.results[0]!.articleId!, 'per un periodo di tempo limitato', {
      newClaim: { text: 'X', speaker: '' },
    });
    expect(readFileSync(join(tmp.dir, 'articles.json'), 'utf8')).toBe(indexBefore);
    const leftovers = [tmp.dir, join(tmp.dir, 'annotations')]
      .flatMap((d) => readdirSync(d))
      .filter((n) => n.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
    expect(existsSync(join(tmp.dir, 'annotations', `${report.results[0]!.articleId}.json`))).toBe(true);
  });

  it('refuses to open a damaged index and leaves the file untouched', async () => {
    await importSamples();
    const path = join(tmp.dir, 'articles.json');
    const damaged = readFileSync(path, 'utf8').slice(0, 100);
    writeFileSync(path, damaged);
    await expect(open()).rejects.toBeInstanceOf(LibraryOpenError);
    await expect(open()).rejects.toThrow(/articles\.json is damaged/);
    expect(readFileSync(path, 'utf8')).toBe(damaged);
  });

  it('refuses a library written by a newer schema', async () => {
    writeFileSync(
      join(tmp.dir, 'library.json'),
      JSON.stringify({ format: 'analyst-workbench-library', schemaVersion: 99, createdAt: 'x' }),
    );
    await expect(open()).rejects.toThrow(/newer version/);
  });
});

describe('import', () => {
  it('reports re-imported bytes as duplicates without storing them twice', async () => {
    await importSamples();
    const digest = treeDigest(tmp.dir);
    const again = await wb.importer.importFiles([
      fixture(SPUTNIK),
      { ...fixture(SPUTNIK), name: 'copy.txt' },
    ]);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.results[1]!.reason).toMatch(/already in the library/);
    expect(wb.library.listArticles()).toHaveLength(2);
    expect(treeDigest(tmp.dir)).toEqual(digest);
  });

  it('refuses a PNG renamed .txt by name and reason, imports the rest, and leaves stored files unchanged', async () => {
    await wb.importer.importFiles([fixture(FOGLIETTONE)]);
    const digest = treeDigest(tmp.dir);
    const refusedOnly = await wb.importer.importFiles([
      { name: 'photo.txt', size: PNG_BYTES.length, bytes: PNG_BYTES },
    ]);
    expect(refusedOnly.results[0]).toMatchObject({ fileName: 'photo.txt', status: 'refused' });
    expect(refusedOnly.results[0]!.reason).toMatch(/PNG/);
    expect(treeDigest(tmp.dir)).toEqual(digest);
    const mixed = await wb.importer.importFiles([
      { name: 'photo.txt', size: PNG_BYTES.length, bytes: PNG_BYTES },
      fixture(SPUTNIK),
    ]);
    expect(mixed.results.map((r) => r.status)).toEqual(['refused', 'imported']);
  });

  it('refuses an oversized file announced without bytes', async () => {
    const r = await wb.importer.importFiles([{ name: 'huge.txt', size: 30 * 1024 * 1024 }]);
    expect(r.results[0]).toMatchObject({ status: 'refused' });
    expect(r.results[0]!.reason).toMatch(/larger than 20\.0 MB \(30\.0 MB\)/);
  });
});

describe('annotations', () => {
  it('stores W3C quote and position selectors that match the stored text in code points', async () => {
    const report = await importSamples();
    const id = report.results[0]!.articleId!;
    const { annotation } = await tagQuote(id, 'per un periodo di tempo limitato', {
      newClaim: { text: 'c', speaker: '' },
    });
    const text = articleText(await wb.library.getArticle(id));
    expect(sliceCodePoints(text, annotation.position.start, annotation.position.end)).toBe(
      'per un periodo di tempo limitato',
    );
    expect(annotation.quote.exact).toBe('per un periodo di tempo limitato');
    expect(
      text.endsWith(annotation.quote.suffix) ||
        text.includes(annotation.quote.prefix + annotation.quote.exact + annotation.quote.suffix),
    ).toBe(true);
  });

  it('refuses a quote that is not in the article, and re-anchors drifted offsets by quote', async () => {
    const report = await importSamples();
    const id = report.results[0]!.articleId!;
    const base = {
      articleId: id,
      claim: { newClaim: { text: 'c', speaker: '' } },
      stance: 'asserts' as const,
      speaker: '',
      tags: [],
      note: '',
    };
    await expect(
      wb.library.createAnnotation({
        ...base,
        target: { start: 0, end: 5, quote: { exact: 'not in this text at all' } },
      }),
    ).rejects.toThrow(/not in the article/);
    const r = await wb.library.createAnnotation({
      ...base,
      target: { start: 3, end: 10, quote: { exact: 'per un periodo di tempo limitato' } },
    });
    const text = articleText(await wb.library.getArticle(id));
    expect(sliceCodePoints(text, r.annotation.position.start, r.annotation.position.end)).toBe(
      'per un periodo di tempo limitato',
    );
  });

  it('delete then restore brings back the same annotation (undo)', async () => {
    const report = await importSamples();
    const { annotation } = await tagQuote(report.results[0]!.articleId!, 'per un periodo di tempo limitato', {
      newClaim: { text: 'c', speaker: '' },
    });
    const removed = await wb.library.deleteAnnotation(annotation.id);
    expect(wb.library.allAnnotations()).toHaveLength(0);
    await wb.library.restoreAnnotation(removed);
    wb = await open();
    expect(wb.library.allAnnotations()).toEqual([annotation]);
  });

  it('reuses a claim with the same wording instead of creating a duplicate, and will not delete a claim in use', async () => {
    const report = await importSamples();
    const a = await tagQuote(report.results[0]!.articleId!, 'per un periodo di tempo limitato', {
      newClaim: { text: 'CSTO troops will withdraw', speaker: '' },
    });
    const b = await tagQuote(report.results[1]!.articleId!, 'si ritirerà dal territorio del Kazakistan', {
      newClaim: { text: '  csto troops   will withdraw ', speaker: '' },
    });
    expect(b.claim.id).toBe(a.claim.id);
    expect(b.claimCreated).toBe(false);
    await expect(wb.library.deleteClaim(a.claim.id)).rejects.toThrow(/2 piece/);
  });
});

describe('targets', () => {
  it('refuses offsets past the end of the text or over blank text', async () => {
    const report = await importSamples();
    const base = {
      articleId: report.results[0]!.articleId!,
      claim: { newClaim: { text: 'c', speaker: '' } },
      stance: 'asserts' as const,
      speaker: '',
      tags: [],
      note: '',
    };
    await expect(wb.library.createAnnotation({ ...base, target: { start: 0, end: 1e12 } })).rejects.toThrow(
      /outside the article text/,
    );
    const text = articleText(await wb.library.getArticle(base.articleId));
    const gap = text.indexOf('\n\n');
    await expect(
      wb.library.createAnnotation({ ...base, target: { start: gap, end: gap + 2 } }),
    ).rejects.toThrow(/outside the article text/);
    const ok = await wb.library.createAnnotation({ ...base, target: { start: 0, end: 5 } });
    expect(ok.annotation.quote.exact).toBe(sliceCodePoints(text, 0, 5));
  });
});
