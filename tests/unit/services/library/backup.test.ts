import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../../../electron/services/workbench';
import { LibraryOpenError, openLibraryStore } from '../../../../electron/services/library/store';
import { listBackups, restoreBackup } from '../../../../electron/services/library/backup';
import { articleText, findQuote } from '../../../../shared/domain/article-text';
import type { AppInfo } from '../../../../shared/domain/types';
import { FOGLIETTONE, SPUTNIK, fixture, tempDir, treeDigest } from '../../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench | undefined;
const open = (extra: Partial<Parameters<typeof openWorkbench>[0]> = {}) =>
  openWorkbench({
    libraryDir: tmp.dir,
    version: 'test',
    ports: { shell: 'host' },
    onInternalError: () => {},
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

/** A library with two articles, a claim and an annotation on each article; returns its ids. */
async function populate(w: Workbench) {
  const report = await w.importer.importFiles([fixture(SPUTNIK), fixture(FOGLIETTONE)]);
  const [a, b] = report.results.map((r) => r.articleId!);
  const tag = async (
    articleId: string,
    exact: string,
    claim: { claimId: string } | { newClaim: { text: string; speaker: string } },
  ) => {
    const at = findQuote(articleText(await w.library.getArticle(articleId)), { exact })!;
    return w.library.createAnnotation({
      articleId,
      target: { ...at, quote: { exact } },
      claim,
      stance: 'reports',
      speaker: 'CSTO',
      tags: ['withdrawal'],
      note: 'n',
    });
  };
  const first = await tag(a!, 'per un periodo di tempo limitato', {
    newClaim: { text: 'CSTO troops will withdraw', speaker: '' },
  });
  await tag(b!, 'si ritirerà dal territorio del Kazakistan', { claimId: first.claim.id });
  return { a: a!, b: b!, claimId: first.claim.id };
}

const stateOf = (w: Workbench) => ({
  articles: w.library.listArticles(),
  claims: w.library.listClaims(),
  annotations: w.library.allAnnotations().sort((x, y) => x.id.localeCompare(y.id)),
});

const DAMAGE: Record<string, (bytes: string) => string> = {
  truncated: (s) => s.slice(0, Math.floor(s.length / 2)),
  'invalid JSON': (s) => `${s.slice(0, 10)},,,}`,
  'wrong schema': (s) => {
    const v = JSON.parse(s) as Record<string, unknown>;
    if ('format' in v) return JSON.stringify({ ...v, format: 'something-else' });
    const key = Object.keys(v)[0]!;
    return JSON.stringify({ ...v, [key]: 'not a list' });
  },
};

describe('damaged index files', () => {
  for (const file of ['library.json', 'articles.json', 'claims.json', 'annotations']) {
    for (const [kind, damage] of Object.entries(DAMAGE)) {
      it(`${file}, ${kind}: open fails naming the file; restore brings back the last good state and keeps the damaged file`, async () => {
        wb = await open();
        const ids = await populate(wb);
        await wb.library.backupNow('test');
        const good = stateOf(wb);
        await wb.close();
        wb = undefined;

        const rel = file === 'annotations' ? `annotations/${ids.a}.json` : file;
        const damaged = damage(readFileSync(join(tmp.dir, rel), 'utf8'));
        writeFileSync(join(tmp.dir, rel), damaged);

        const err = await openLibraryStore(tmp.dir).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(LibraryOpenError);
        expect((err as LibraryOpenError).relFile).toBe(rel);
        expect((err as Error).message).toContain(rel.split('/').pop());
        expect(readFileSync(join(tmp.dir, rel), 'utf8')).toBe(damaged); // untouched by the failed open

        const backups = await listBackups(tmp.dir);
        expect(backups.length).toBeGreaterThan(0);
        expect(backups[0]).toMatchObject({ articles: 2, claims: 1, annotations: 2 });

        const { damagedDir } = await restoreBackup(tmp.dir, backups[0]!.id);
        expect(readFileSync(join(tmp.dir, damagedDir, rel), 'utf8')).toBe(damaged);
        wb = await open();
        expect(stateOf(wb)).toEqual(good);
      });
    }
  }

  it('refuses a folder whose library.json or articles.json is missing instead of starting an empty library', async () => {
    wb = await open();
    await populate(wb);
    await wb.close();
    wb = undefined;
    const digest = treeDigest(tmp.dir);
    for (const rel of ['library.json', 'articles.json']) {
      const bytes = readFileSync(join(tmp.dir, rel));
      writeFileSync(join(tmp.dir, `${rel}.aside`), bytes);
      rmSync(join(tmp.dir, rel));
      await expect(openLibraryStore(tmp.dir)).rejects.toMatchObject({ kind: 'missing', relFile: rel });
      writeFileSync(join(tmp.dir, rel), bytes);
      rmSync(join(tmp.dir, `${rel}.aside`));
    }
    expect(treeDigest(tmp.dir)).toEqual(digest);
  });
});

describe('rolling backups', () => {
  it('a session that only reads leaves the folder byte for byte as it was; the first change backs up the state as opened', async () => {
    wb = await open();
    const ids = await populate(wb);
    await wb.close();
    const digest = treeDigest(tmp.dir);
    wb = await open();
    wb.library.listArticles();
    await wb.library.getArticle(ids.a);
    await wb.close();
    expect(treeDigest(tmp.dir)).toEqual(digest);

    wb = await open();
    const before = stateOf(wb);
    await wb.library.updateAnnotation(before.annotations[0]!.id, { note: 'changed' });
    await wb.close(); // waits for the backup under way
    wb = undefined;
    const [newest] = await listBackups(tmp.dir);
    expect(newest).toMatchObject({ reason: 'open', articles: 2, annotations: 2 });
    const copy = JSON.parse(
      readFileSync(join(tmp.dir, 'backups', newest!.id, `annotations/${ids.a}.json`), 'utf8'),
    );
    expect(copy.annotations.map((a: { note: string }) => a.note)).not.toContain('changed');
  });

  it('backs up at most once per interval of activity and keeps only the newest ones', async () => {
    let t = Date.parse('2024-05-01T10:00:00Z');
    wb = await open({ now: () => new Date(t), store: { backupIntervalMs: 60_000, keepBackups: 3 } });
    const ids = await populate(wb);
    const annId = wb.library.allAnnotations()[0]!.id;
    for (let i = 0; i < 8; i++) {
      t += i % 2 ? 61_000 : 1_000; // every other change is more than an interval after the last backup
      await wb.library.updateAnnotation(annId, { note: `v${i}` });
    }
    await wb.close();
    wb = undefined;
    const names = readdirSync(join(tmp.dir, 'backups'));
    expect(names).toHaveLength(3);
    expect((await listBackups(tmp.dir)).map((b) => b.id)).toEqual([...names].sort().reverse()); // newest first
    expect(existsSync(join(tmp.dir, 'backups', names[0]!, 'articles', ids.a))).toBe(false); // texts are not copied
  });

  it('does not offer a backup that is damaged', async () => {
    wb = await open();
    await populate(wb);
    const first = (await wb.library.backupNow('one'))!;
    await wb.library.addClaim('Another claim', '');
    const second = (await wb.library.backupNow('two'))!;
    writeFileSync(join(tmp.dir, 'backups', second.id, 'claims.json'), '{"claims": [');
    expect((await listBackups(tmp.dir)).map((b) => b.id)).toEqual([first.id]);
  });
});

describe('recovery through the API', () => {
  it('a damaged library opens in recovery mode; restoring a backup reopens it normally', async () => {
    wb = await open();
    await populate(wb);
    await wb.library.backupNow('test');
    await wb.close();
    writeFileSync(join(tmp.dir, 'claims.json'), '{"claims": [{"id": "x", "te');

    await expect(open()).rejects.toBeInstanceOf(LibraryOpenError); // without recovery: as before
    wb = await open({ recovery: true });
    const info = await wb.dispatch('app.info', {});
    expect(info.ok).toBe(true);
    const recovery = (info as { result: AppInfo }).result.recovery!;
    expect(recovery).toMatchObject({ file: 'claims.json', reason: expect.stringMatching(/is damaged/) });
    expect(recovery.backups[0]).toMatchObject({ articles: 2, claims: 1, annotations: 2 });
    expect(JSON.stringify(recovery)).not.toContain(tmp.dir); // no filesystem paths
    expect(await wb.dispatch('articles.list', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/^The library is damaged: claims\.json/) },
    });
    expect(await wb.dispatch('library.restoreBackup', { backupId: '../escape' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await wb.dispatch('library.restoreBackup', { backupId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    expect(await wb.dispatch('library.restoreBackup', { backupId: recovery.backups[0]!.id })).toEqual({
      ok: true,
      result: { restored: true, readded: 0, annotationsLeftAside: 0 },
    });
    const list = await wb.dispatch('articles.list', {});
    expect(list.ok && (list.result as unknown[]).length).toBe(2);
    expect((await wb.dispatch('app.info', {})) as { result: AppInfo }).not.toHaveProperty('result.recovery');
    expect(await wb.dispatch('claims.create', { text: 'After the restore' })).toMatchObject({ ok: true });
  });

  it('restoring while the library is fine backs up the current state first, so the restore can be undone', async () => {
    wb = await open();
    await populate(wb);
    const old = (await wb.library.backupNow('test'))!;
    await wb.library.addClaim('Made after the backup', '');
    const r = await wb.dispatch('library.restoreBackup', { backupId: old.id });
    expect(r).toEqual({ ok: true, result: { restored: true, readded: 0, annotationsLeftAside: 0 } });
    expect(wb.library.listClaims().map((c) => c.text)).toEqual(['CSTO troops will withdraw']);
    const undo = (await listBackups(tmp.dir)).find((b) => b.reason === 'before restore')!;
    expect(undo.claims).toBe(2);
    await wb.dispatch('library.restoreBackup', { backupId: undo.id });
    expect(
      wb.library
        .listClaims()
        .map((c) => c.text)
        .sort(),
    ).toEqual(['CSTO troops will withdraw', 'Made after the backup']);
    expect(readdirSync(join(tmp.dir, 'damaged'))).toHaveLength(2);
  });
});
