// Restoring a backup keeps the articles imported after it was taken: their folders were never touched, and
// the index the restore moved aside still listed them, so they are listed again (electron/services/library/
// readd-articles.ts). A folder no index ever listed (an interrupted import) stays unlisted.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../../../electron/services/workbench';
import type { LibraryStore } from '../../../../electron/services/library/store';
import { sha256Hex } from '../../../../electron/services/library/library';
import type { IncomingFile } from '../../../../electron/services/import/pipeline/importer';
import { articleText, findQuote } from '../../../../shared/domain/article-text';
import type { AppInfo, ArticleSummary, RestoreBackupResult } from '../../../../shared/domain/types';
import { FOGLIETTONE, SPUTNIK, fixture, tempDir, treeDigest } from '../../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench | undefined;
/** The folder layer under the workbench opened last (a restore opens a new one), for what a crash leaves. */
let store: LibraryStore;
const open = (extra: Partial<Parameters<typeof openWorkbench>[0]> = {}) =>
  openWorkbench({
    libraryDir: tmp.dir,
    version: 'test',
    ports: { shell: 'host' },
    onInternalError: () => {},
    onStoreOpened: (s) => (store = s),
    ...extra,
  });

beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  await wb?.close();
  wb = undefined;
  tmp.cleanup();
});

const textFile = (name: string, text: string): IncomingFile => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, bytes };
};
/** A scrape dump the importer reads (the Sputnik style: a `date … URL` header, title twice, timestamp, body). */
const dump = (domain: string, title: string, body: string) =>
  [
    ` date 2024-03 https://www.${domain}/news/${title.toLowerCase().replace(/\W+/g, '-')}`,
    title,
    title,
    '2024-03-11T10:00+0100',
    body,
  ].join('\n\n');
const BODY = [
  'Dockworkers at the port of Genoa walked off the job on Monday in a 48-hour strike over pay and safety, halting container traffic at Italy’s busiest port and leaving dozens of ships waiting at anchor.',
  'The unions said talks with terminal operators had broken down after three months without an agreement on a new contract, and that a worker’s death in January had made safety the main issue.',
  '“We are not asking for favours, we are asking to come home alive,” a union representative told reporters outside the main gate, where several hundred workers had gathered since dawn.',
  'The port authority said cruise ships and ferries to Sardinia and Corsica were not affected, but that freight would be delayed until at least Wednesday and some shipping lines had already diverted vessels.',
].join('\n\n');

async function tag(
  w: Workbench,
  articleId: string,
  exact: string,
  claim: { claimId: string } | { newClaim: { text: string; speaker: string } },
) {
  const at = findQuote(articleText(await w.library.getArticle(articleId)), { exact })!;
  return w.library.createAnnotation({
    articleId,
    target: { ...at, quote: { exact } },
    claim,
    stance: 'reports',
    speaker: 'CSTO',
    tags: ['t'],
    note: 'n',
  });
}

/** What an import interrupted before its index write leaves: the article's files, no index entry. */
async function interruptedImport(name: string, text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const id = sha256Hex(bytes).slice(0, 16);
  await store.writeArticleFiles(id, name, bytes, { title: 'Never imported', lead: '', paragraphs: [text] });
  return id;
}

const ids = (list: ArticleSummary[]) => list.map((a) => a.id);
async function listed(w: Workbench): Promise<ArticleSummary[]> {
  const r = await w.dispatch('articles.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.result as ArticleSummary[];
}
async function restoreThrough(w: Workbench, backupId: string): Promise<RestoreBackupResult> {
  const r = await w.dispatch('library.restoreBackup', { backupId });
  if (!r.ok) throw new Error(r.error.message);
  return r.result as RestoreBackupResult;
}
const folderDigest = (id: string) => treeDigest(join(tmp.dir, 'articles', id));

describe('restoring a backup keeps the articles imported after it', () => {
  it('A in the backup, B imported after: both listed after the restore, B as it was, its text and original untouched', async () => {
    wb = await open();
    const a = (await wb.importer.importFiles([fixture(SPUTNIK)])).results[0]!.articleId!;
    const kept = await tag(wb, a, 'per un periodo di tempo limitato', {
      newClaim: { text: 'CSTO troops will withdraw', speaker: '' },
    });
    const backup = (await wb.library.backupNow('test'))!;
    const b = (await wb.importer.importFiles([fixture(FOGLIETTONE)])).results[0]!.articleId!;
    // Evidence on B: one piece for a claim the backup has, one for a claim created after it.
    const old = await tag(wb, b, 'si ritirerà dal territorio del Kazakistan', { claimId: kept.claim.id });
    await tag(wb, b, 'a tempo debito', { newClaim: { text: 'Made after the backup', speaker: '' } });
    const orphan = await interruptedImport('cancelled.txt', 'An import that never finished.');
    const bMeta = wb.library.articleMeta(b)!;
    const bText = await wb.library.getArticle(b);
    const bFolder = folderDigest(b);
    const orphanFolder = folderDigest(orphan);

    const result = await restoreThrough(wb, backup.id);
    expect(result).toEqual({ restored: true, readded: 1, annotationsLeftAside: 1 });
    const list = await listed(wb);
    expect(ids(list)).toEqual([a, b]);
    expect(list[1]).toMatchObject({ ...bMeta, annotationCount: 1, claimCount: 1 }); // the entry as it was: file name, import time
    expect(await wb.library.getArticle(b)).toEqual({ ...bText, annotations: [old.annotation] });
    expect(folderDigest(b)).toEqual(bFolder); // nothing in the folder was written again
    expect(await store.readOriginal(b)).toEqual(fixture(FOGLIETTONE).bytes);
    expect(wb.library.listClaims().map((c) => c.text)).toEqual(['CSTO troops will withdraw']);
    // The evidence whose claim the backup lacks is still in the moved-aside index.
    const [movedAside] = readdirSync(join(tmp.dir, 'damaged'));
    const aside = JSON.parse(
      readFileSync(join(tmp.dir, 'damaged', movedAside!, 'annotations', `${b}.json`), 'utf8'),
    ) as { annotations: unknown[] };
    expect(aside.annotations).toHaveLength(2);
    // The interrupted import stays cancelled, its folder as it was.
    expect(ids(list)).not.toContain(orphan);
    expect(folderDigest(orphan)).toEqual(orphanFolder);
    // B is searchable, and it is in articles.json on disk: a reopen lists it too.
    const hits = await wb.dispatch('articles.search', { query: 'Kazakistan tempo debito' });
    expect(hits.ok && (hits.result as Array<{ id: string }>).map((h) => h.id)).toContain(b);
    await wb.close();
    wb = await open();
    expect(ids(await listed(wb))).toEqual([a, b]);
    expect(
      wb.library
        .allAnnotations()
        .map((x) => x.id)
        .sort(),
    ).toEqual([kept.annotation.id, old.annotation.id].sort());
  });

  it('a later import of the same bytes is a duplicate of the listed article, and a second restore lists nothing twice', async () => {
    wb = await open();
    await wb.importer.importFiles([fixture(SPUTNIK)]);
    const backup = (await wb.library.backupNow('test'))!;
    const b = (await wb.importer.importFiles([fixture(FOGLIETTONE)])).results[0]!.articleId!;
    expect(await restoreThrough(wb, backup.id)).toMatchObject({ readded: 1 });
    expect((await wb.importer.importFiles([fixture(FOGLIETTONE)])).results[0]).toMatchObject({
      status: 'duplicate',
      articleId: b,
    });
    // Restoring the same backup again: B is in the index moved aside this time, listed once.
    expect(await restoreThrough(wb, backup.id)).toMatchObject({ readded: 1 });
    expect(ids(await listed(wb)).filter((id) => id === b)).toHaveLength(1);
  });

  it('a restore in recovery mode (claims.json damaged) lists the later articles again, with the evidence whose claim exists', async () => {
    wb = await open();
    const a = (await wb.importer.importFiles([fixture(SPUTNIK)])).results[0]!.articleId!;
    const first = await tag(wb, a, 'per un periodo di tempo limitato', {
      newClaim: { text: 'CSTO troops will withdraw', speaker: '' },
    });
    await wb.library.backupNow('test');
    const b = (await wb.importer.importFiles([fixture(FOGLIETTONE)])).results[0]!.articleId!;
    const onB = await tag(wb, b, 'si ritirerà dal territorio del Kazakistan', { claimId: first.claim.id });
    await wb.close();
    writeFileSync(join(tmp.dir, 'claims.json'), '{"claims": [{"id": "x", "te');

    wb = await open({ recovery: true });
    const info = (await wb.dispatch('app.info', {})) as { ok: true; result: AppInfo };
    const backupId = info.result.recovery!.backups.find((x) => x.articles === 1)!.id;
    expect(await restoreThrough(wb, backupId)).toEqual({
      restored: true,
      readded: 1,
      annotationsLeftAside: 0,
    });
    expect(ids(await listed(wb))).toEqual([a, b]);
    expect((await wb.library.getArticle(b)).annotations).toEqual([onB.annotation]);
  });

  it('nothing is listed again when the moved-aside articles.json cannot be read; the folders stay as they are', async () => {
    wb = await open();
    const a = (await wb.importer.importFiles([fixture(SPUTNIK)])).results[0]!.articleId!;
    await wb.library.backupNow('test');
    const b = (await wb.importer.importFiles([fixture(FOGLIETTONE)])).results[0]!.articleId!;
    await wb.close();
    const whole = readFileSync(join(tmp.dir, 'articles.json'));
    writeFileSync(join(tmp.dir, 'articles.json'), whole.subarray(0, whole.length >> 1));
    const bFolder = folderDigest(b);

    wb = await open({ recovery: true });
    const info = (await wb.dispatch('app.info', {})) as { ok: true; result: AppInfo };
    expect(await restoreThrough(wb, info.result.recovery!.backups[0]!.id)).toEqual({
      restored: true,
      readded: 0,
      annotationsLeftAside: 0,
    });
    expect(ids(await listed(wb))).toEqual([a]);
    expect(folderDigest(b)).toEqual(bFolder);
  });

  it('an entry whose folder no longer holds what it describes is not listed (the original changed, the id is not its hash)', async () => {
    wb = await open();
    const a = (await wb.importer.importFiles([fixture(SPUTNIK)])).results[0]!.articleId!;
    const backup = (await wb.library.backupNow('test'))!;
    const b = (await wb.importer.importFiles([fixture(FOGLIETTONE)])).results[0]!.articleId!;
    const original = readdirSync(join(tmp.dir, 'articles', b)).find((n) => n.startsWith('original'))!;
    writeFileSync(join(tmp.dir, 'articles', b, original), 'other bytes');
    expect(await restoreThrough(wb, backup.id)).toMatchObject({ readded: 0 });
    expect(ids(await listed(wb))).toEqual([a]);
    expect(readFileSync(join(tmp.dir, 'articles', b, original), 'utf8')).toBe('other bytes');
  });

  it('a near duplicate imported after the backup comes back in its group, and the restored article rejoins it', async () => {
    wb = await open();
    const first = (
      await wb.importer.importFiles([
        textFile('reuters.txt', dump('reuters.com', 'Genoa dockworkers strike over pay and safety', BODY)),
      ])
    ).results[0]!.articleId!;
    const backup = (await wb.library.backupNow('test'))!;
    const report = await wb.importer.importFiles([
      textFile('ansa.txt', dump('ansa.it', 'Strike halts Italy’s busiest port', `GENOA (ANSA) - ${BODY}`)),
    ]);
    expect(report.results[0]).toMatchObject({ status: 'near-duplicate' });
    const second = report.results[0]!.articleId!;
    expect(wb.library.articleMeta(first)!.nearDuplicateGroup).toBe(first);

    expect(await restoreThrough(wb, backup.id)).toMatchObject({ readded: 1 });
    expect((await listed(wb)).map((x) => [x.id, x.nearDuplicateGroup])).toEqual([
      [first, first],
      [second, first],
    ]);
  });

  it('a normal open never lists a folder left by an interrupted import', async () => {
    wb = await open();
    const a = (await wb.importer.importFiles([fixture(SPUTNIK)])).results[0]!.articleId!;
    const orphan = await interruptedImport('cancelled.txt', 'An import that never finished.');
    await wb.close();
    wb = await open();
    expect(ids(await listed(wb))).toEqual([a]);
    expect(existsSync(join(tmp.dir, 'articles', orphan, 'text.json'))).toBe(true);
  });
});
