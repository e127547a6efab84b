// Undoing a claim deletion: claims.delete hands back the record and claims.restore puts it back with its id
// and timestamps, checked like a new claim, on real library folders (lowdb files in a temp folder).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../../../electron/services/workbench';
import type { LibraryStore } from '../../../../electron/services/library/store';
import { articleText, findQuote } from '../../../../shared/domain/article-text';
import type { Claim } from '../../../../shared/domain/types';
import { SPUTNIK, fixture, tempDir, treeDigest } from '../../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench;
let clock = 0;
// A clock that moves, so that every claim has its own creation time (and order).
const now = () => new Date(Date.UTC(2024, 0, 1) + 1000 * clock++);
/** The folder layer under `wb`, for a test that makes a write fail. */
let store: LibraryStore;
const open = () =>
  openWorkbench({
    libraryDir: tmp.dir,
    version: 'test',
    ports: { shell: 'host' },
    now,
    onInternalError: () => {},
    onStoreOpened: (s) => (store = s),
  });
const claimsOnDisk = (): Claim[] => JSON.parse(readFileSync(join(tmp.dir, 'claims.json'), 'utf8')).claims;
const claimsFile = () => readFileSync(join(tmp.dir, 'claims.json'), 'utf8');

beforeEach(async () => {
  tmp = tempDir('wb-claims-');
  clock = 0;
  wb = await open();
});
afterEach(async () => {
  await wb.close();
  tmp.cleanup();
});

async function threeClaims() {
  const first = (await wb.library.addClaim('First claim', 'Alice', 'a note')).claim;
  const middle = (await wb.library.addClaim('  The   middle claim ', ' Bob ', 'why it matters')).claim;
  const last = (await wb.library.addClaim('Last claim', '')).claim;
  return { first, middle, last };
}

describe('claims: delete and restore (undo)', () => {
  it('delete returns the record; restore puts back the identical record, in its place, on disk', async () => {
    const { middle } = await threeClaims();
    await wb.library.updateClaim(middle.id, { note: 'edited later' });
    const before = claimsFile();
    const stored = claimsOnDisk()[1]!;
    expect(stored).toMatchObject({
      id: middle.id,
      text: 'The middle claim',
      speaker: 'Bob',
      note: 'edited later',
    });
    expect(stored.updatedAt).not.toBe(stored.createdAt);

    const removed = await wb.library.deleteClaim(middle.id);
    expect(removed).toEqual(stored);
    expect(claimsOnDisk().map((c) => c.id)).not.toContain(middle.id);

    const restored = await wb.library.restoreClaim(removed);
    expect(restored).toEqual(stored);
    // Byte for byte: same record, same timestamps, same position among the others.
    expect(claimsFile()).toBe(before);
    await wb.close();
    wb = await open();
    expect(wb.library.listClaims()[1]).toEqual(stored);
  });

  it('through the API: claims.delete answers the claim and claims.restore takes it back', async () => {
    const created = await wb.dispatch('claims.create', { text: 'Via the API', speaker: 'S', note: 'n' });
    if (!created.ok) throw new Error(created.error.message);
    const claim = created.result as Claim;
    expect(await wb.dispatch('claims.delete', { id: claim.id })).toEqual({ ok: true, result: claim });
    expect(await wb.dispatch('claims.restore', { claim })).toEqual({ ok: true, result: claim });
    expect(claimsOnDisk()).toEqual([claim]);
    expect(await wb.dispatch('claims.restore', { claim })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('a claim still cited by evidence cannot be deleted, so there is nothing to restore', async () => {
    const report = await wb.importer.importFiles([fixture(SPUTNIK)]);
    const articleId = report.results[0]!.articleId!;
    const exact = 'per un periodo di tempo limitato';
    const at = findQuote(articleText(await wb.library.getArticle(articleId)), { exact })!;
    const { claim } = await wb.library.createAnnotation({
      articleId,
      target: { ...at, quote: { exact } },
      claim: { newClaim: { text: 'Cited', speaker: '' } },
      stance: 'reports',
      speaker: '',
      tags: [],
      note: '',
    });
    const before = treeDigest(tmp.dir);
    await expect(wb.library.deleteClaim(claim.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(treeDigest(tmp.dir)).toEqual(before);
  });

  describe('refusals leave every file unchanged', () => {
    it('refuses a claim whose id is taken', async () => {
      const { first, middle } = await threeClaims();
      const digest = treeDigest(tmp.dir);
      await expect(
        wb.library.restoreClaim({ ...middle, text: 'A wording nobody uses' }),
      ).rejects.toMatchObject({ code: 'conflict' });
      await expect(wb.library.restoreClaim(first)).rejects.toMatchObject({ code: 'conflict' });
      expect(treeDigest(tmp.dir)).toEqual(digest);
      expect(wb.library.listClaims()).toHaveLength(3);
    });

    it('refuses a claim whose wording another claim now has (case and spacing aside)', async () => {
      const { middle } = await threeClaims();
      const removed = await wb.library.deleteClaim(middle.id);
      // Meanwhile someone created a claim with the same wording.
      const twin = (await wb.library.addClaim('the middle   CLAIM', '')).claim;
      const digest = treeDigest(tmp.dir);
      await expect(wb.library.restoreClaim(removed)).rejects.toThrow(/already reads "the middle CLAIM"/);
      await expect(wb.library.restoreClaim(removed)).rejects.toMatchObject({ code: 'conflict' });
      expect(treeDigest(tmp.dir)).toEqual(digest);
      expect(wb.library.listClaims().map((c) => c.id)).toContain(twin.id);
      expect(wb.library.listClaims().map((c) => c.id)).not.toContain(middle.id);
    });

    it('refuses blank wording, as creating a claim does', async () => {
      const { middle } = await threeClaims();
      const removed = await wb.library.deleteClaim(middle.id);
      const digest = treeDigest(tmp.dir);
      await expect(wb.library.restoreClaim({ ...removed, text: ' \n\t ' })).rejects.toMatchObject({
        code: 'refused',
      });
      expect(treeDigest(tmp.dir)).toEqual(digest);
    });

    it('through the API, oversized or malformed records are refused before the service', async () => {
      const { middle } = await threeClaims();
      const removed = await wb.library.deleteClaim(middle.id);
      const digest = treeDigest(tmp.dir);
      for (const claim of [
        { ...removed, text: 'x'.repeat(1001) },
        { ...removed, note: 'x'.repeat(20_001) },
        { ...removed, speaker: 'x'.repeat(201) },
        { ...removed, createdAt: 'x'.repeat(65) },
        { ...removed, id: '../claims' },
        { ...removed, text: '' },
        { id: removed.id, text: removed.text },
      ]) {
        expect(
          await wb.dispatch('claims.restore', { claim }),
          JSON.stringify(claim).slice(0, 80),
        ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
      expect(treeDigest(tmp.dir)).toEqual(digest);
    });
  });

  it('a failed write leaves the claim out, in memory as on disk', async () => {
    const { middle } = await threeClaims();
    const removed = await wb.library.deleteClaim(middle.id);
    const digest = treeDigest(tmp.dir);
    const db = store.claims;
    const write = db.write.bind(db);
    db.write = () => Promise.reject(new Error('disk full'));
    await expect(wb.library.restoreClaim(removed)).rejects.toThrow(/disk full/);
    db.write = write;
    expect(wb.library.listClaims().map((c) => c.id)).not.toContain(middle.id);
    expect(treeDigest(tmp.dir)).toEqual(digest);
    await wb.library.restoreClaim(removed);
    expect(claimsOnDisk()[1]).toEqual(removed);
  });

  it('a restored claim is stored normalised, like a new one', async () => {
    const { middle } = await threeClaims();
    const removed = await wb.library.deleteClaim(middle.id);
    const restored = await wb.library.restoreClaim({
      ...removed,
      text: '  The\u00a0middle \n claim ',
      speaker: '  Bob  ',
    });
    expect(restored).toEqual({ ...removed, text: 'The middle claim', speaker: 'Bob' });
    expect(claimsOnDisk()[1]).toEqual(restored);
  });
});
