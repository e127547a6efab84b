// A damaged library end to end: real files on disk, the host restarted on them, the recovery screen in
// Chromium, a backup restored, the app back with its articles and the damaged bytes kept under damaged/.
// Set WB_SCREENSHOT_DIR to choose where the picture of the recovery screen goes (default: the OS temp folder).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLAIM,
  FOGLIETTONE,
  FOGLIETTONE_PHRASE,
  FOGLIETTONE_TITLE,
  SPUTNIK,
  SPUTNIK_PHRASE,
  SPUTNIK_TITLE,
  expect,
  fixtureFile,
  startHost,
  test,
  type Workbench,
} from './fixtures';
import { collectErrors } from './pages/app';
import { LibraryOnDisk } from './pages/library-on-disk';
import type { Tag } from './pages/reader';

const REPORTS: Tag = { claim: CLAIM, stance: 'reports', speaker: 'CSTO' };
const ASSERTS: Tag = { claim: CLAIM, pick: CLAIM.slice(0, 12), stance: 'asserts', speaker: 'Putin' };

/** SIGTERM, as the fixture does; the host then closes the library (pending writes and backups finish). */
async function stopHost(wb: Workbench): Promise<void> {
  if (wb.child.exitCode !== null || wb.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => wb.child.once('exit', () => resolve()));
  wb.child.kill('SIGTERM');
  await exited;
}

test('a damaged articles.json: the recovery screen offers the backup, restoring it brings the articles back and keeps the damaged file', async ({
  page,
  app,
  reader,
}) => {
  const errors = collectErrors(page, { console: true });
  const lib = mkdtempSync(join(tmpdir(), 'wb-e2e-recovery-'));
  const library = new LibraryOnDisk(lib);
  let host: Workbench | undefined;
  try {
    // Session 1: a new library gets both samples and one annotation.
    host = await startHost(lib);
    await app.open(host.url);
    await app.drop([fixtureFile(SPUTNIK), fixtureFile(FOGLIETTONE)]);
    await expect(app.rows).toHaveCount(2);
    await reader.open(SPUTNIK_TITLE);
    await reader.tagClaim(SPUTNIK_PHRASE, REPORTS);
    await stopHost(host);

    // Session 2. Backups are taken at a session's first change, of the library as it was opened (session 1
    // started empty, so it had none to take), and then at most every 10 minutes: the first change of this
    // session backs up what session 1 left.
    host = await startHost(lib);
    await app.open(host.url);
    await reader.open(FOGLIETTONE_TITLE);
    await reader.tagClaim(FOGLIETTONE_PHRASE, ASSERTS);
    await stopHost(host);
    expect(library.backups().some((b) => b.articles === 2)).toBe(true);

    // Damage: articles.json cut in half, as a crash or a bad sync might leave it.
    const whole = library.bytes('articles.json');
    const damaged = whole.subarray(0, Math.floor(whole.length / 2));
    writeFileSync(join(lib, 'articles.json'), damaged);

    host = await startHost(lib);
    await page.goto(host.url);
    const recovery = page.getByTestId('recovery-screen');
    await expect(recovery).toBeVisible();
    await expect(app.root).toHaveCount(0);
    await expect(recovery).toContainText('The library file articles.json is damaged');
    await expect(recovery).toContainText('it was left untouched');
    const newest = page.getByTestId('recovery-backup').first();
    await expect(newest).toContainText('2 articles · 1 claim · 1 annotation');
    await expect(newest).toContainText(/\d{4} at \d\d:\d\d:\d\d/);
    const shotDir = process.env.WB_SCREENSHOT_DIR ?? tmpdir();
    await page.screenshot({ path: join(shotDir, 'workbench-recovery-screen.png') });

    await newest.getByTestId('restore-backup').click();
    await expect(newest).toContainText('will be moved aside');
    await page.screenshot({ path: join(shotDir, 'workbench-recovery-confirm.png') });
    await newest.getByTestId('confirm-restore').click();

    await expect(app.root).toBeVisible();
    await expect(page.getByTestId('recovery-screen')).toHaveCount(0);
    await expect(app.rows).toHaveCount(2);
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await reader.open(SPUTNIK_TITLE);
    await expect(reader.annotations).toHaveCount(1);
    await expect(reader.marks('reports')).toContainText(SPUTNIK_PHRASE);
    // The backup predates session 2's annotation: that work is not in it.
    await reader.open(FOGLIETTONE_TITLE);
    await expect(reader.annotations).toHaveCount(0);

    // The damaged bytes are kept, not deleted; the library file is whole again.
    const moved = library.damaged();
    expect(moved).toHaveLength(1);
    expect(library.bytes(join('damaged', moved[0]!, 'articles.json')).equals(damaged)).toBe(true);
    expect(library.articles()).toHaveLength(2);

    // The restored library works: a page reload shows it normally, and changes save.
    await page.reload();
    await expect(app.rows).toHaveCount(2);
    await reader.open(FOGLIETTONE_TITLE);
    await reader.tagClaim(FOGLIETTONE_PHRASE, ASSERTS);
    expect(errors).toEqual([]);
  } finally {
    if (host) await stopHost(host);
    rmSync(lib, { recursive: true, force: true });
  }
});
