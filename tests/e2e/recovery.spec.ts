// A damaged library end to end: real files on disk, the host restarted on them, the recovery screen in
// Chromium, a backup restored, the app back with its articles and the damaged bytes kept under damaged/.
// Set WB_SCREENSHOT_DIR to choose where the picture of the recovery screen goes (default: the OS temp folder).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FOGLIETTONE, SPUTNIK, dropFiles, expect, fixtureFile, selectWithMouse, startHost, test, type Workbench } from './fixtures';

const CLAIM = 'CSTO troops will withdraw from Kazakhstan';
const SPUTNIK_TITLE = 'Kazakistan, giro di telefonate tra Putin e Tokayev: la situazione sotto controllo';
const FOGLIETTONE_TITLE = 'Putin risponde agli Stati Uniti: da Kazakistan andremo via a tempo debito';

async function openArticle(page: Page, title: string) {
  await page.getByTestId('article-row').filter({ hasText: title }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(title);
}

async function tag(page: Page, phrase: string, stance: string, speaker: string, existing: boolean) {
  await selectWithMouse(page, '[data-testid="reader"]', phrase);
  await page.getByTestId('tag-claim').click();
  await page.getByTestId('claim-input').fill(existing ? CLAIM.slice(0, 12) : CLAIM);
  if (existing) await page.getByTestId('claim-option').filter({ hasText: CLAIM }).click();
  await page.getByTestId('stance-select').selectOption(stance);
  await page.getByTestId('speaker-input').fill(speaker);
  await page.getByTestId('save-annotation').click();
  await expect(page.getByTestId('annotation-item').filter({ hasText: CLAIM })).toBeVisible();
}

/** SIGTERM, as the fixture does; the host then closes the library (pending writes and backups finish). */
async function stopHost(wb: Workbench): Promise<void> {
  if (wb.child.exitCode !== null || wb.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => wb.child.once('exit', () => resolve()));
  wb.child.kill('SIGTERM');
  await exited;
}

/** The backups on disk and what their articles.json holds. */
function backupsOnDisk(lib: string) {
  const root = join(lib, 'backups');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((n) => !n.startsWith('.'))
    .map((id) => ({ id, articles: (JSON.parse(readFileSync(join(root, id, 'articles.json'), 'utf8')) as { articles: unknown[] }).articles.length }));
}

test('a damaged articles.json: the recovery screen offers the backup, restoring it brings the articles back and keeps the damaged file', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const lib = mkdtempSync(join(tmpdir(), 'wb-e2e-recovery-'));
  let host: Workbench | undefined;
  try {
    // Session 1: a new library gets both samples and one annotation.
    host = await startHost(lib);
    await page.goto(host.url);
    await dropFiles(page, '[data-testid="app-root"]', [fixtureFile(SPUTNIK), fixtureFile(FOGLIETTONE)]);
    await expect(page.getByTestId('article-row')).toHaveCount(2);
    await openArticle(page, SPUTNIK_TITLE);
    await tag(page, 'per un periodo di tempo limitato', 'reports', 'CSTO', false);
    await stopHost(host);

    // Session 2. Backups are taken at a session's first change, of the library as it was opened (session 1
    // started empty, so it had none to take), and then at most every 10 minutes: the first change of this
    // session backs up what session 1 left.
    host = await startHost(lib);
    await page.goto(host.url);
    await openArticle(page, FOGLIETTONE_TITLE);
    await tag(page, 'si ritirerà dal territorio del Kazakistan', 'asserts', 'Putin', true);
    await stopHost(host);
    expect(backupsOnDisk(lib).some((b) => b.articles === 2)).toBe(true);

    // Damage: articles.json cut in half, as a crash or a bad sync might leave it.
    const whole = readFileSync(join(lib, 'articles.json'));
    const damaged = whole.subarray(0, Math.floor(whole.length / 2));
    writeFileSync(join(lib, 'articles.json'), damaged);

    host = await startHost(lib);
    await page.goto(host.url);
    const recovery = page.getByTestId('recovery-screen');
    await expect(recovery).toBeVisible();
    await expect(page.getByTestId('app-root')).toHaveCount(0);
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

    await expect(page.getByTestId('app-root')).toBeVisible();
    await expect(page.getByTestId('recovery-screen')).toHaveCount(0);
    await expect(page.getByTestId('article-row')).toHaveCount(2);
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await openArticle(page, SPUTNIK_TITLE);
    await expect(page.getByTestId('annotation-item')).toHaveCount(1);
    await expect(page.locator('[data-testid="reader"] mark[data-stance="reports"]')).toContainText('per un periodo di tempo limitato');
    // The backup predates session 2's annotation: that work is not in it.
    await openArticle(page, FOGLIETTONE_TITLE);
    await expect(page.getByTestId('annotation-item')).toHaveCount(0);

    // The damaged bytes are kept, not deleted; the library file is whole again.
    const moved = readdirSync(join(lib, 'damaged'));
    expect(moved).toHaveLength(1);
    expect(readFileSync(join(lib, 'damaged', moved[0]!, 'articles.json')).equals(damaged)).toBe(true);
    expect((JSON.parse(readFileSync(join(lib, 'articles.json'), 'utf8')) as { articles: unknown[] }).articles).toHaveLength(2);

    // The restored library works: a page reload shows it normally, and changes save.
    await page.reload();
    await expect(page.getByTestId('article-row')).toHaveCount(2);
    await openArticle(page, FOGLIETTONE_TITLE);
    await tag(page, 'si ritirerà dal territorio del Kazakistan', 'asserts', 'Putin', true);
    expect(errors).toEqual([]);
  } finally {
    if (host) await stopHost(host);
    rmSync(lib, { recursive: true, force: true });
  }
});
