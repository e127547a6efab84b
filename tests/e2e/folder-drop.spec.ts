// A folder of 2,000 mixed files dropped from disk, as an analyst drops a download tree: the page walks the
// folder itself (subfolders, hidden files skipped), progress shows, Cancel midway stops after the batch in
// flight, and the report is right row by row: every answered item (a file, a record of a .jsonl, an entry of
// a .zip) has the status the generator made it for, in the order the folder was walked, and every file not
// sent is listed. The library on disk holds exactly what the report says was stored, with the metadata each
// file carried and its original bytes. A second drop of the same folder completes the import.
// Set WB_SCREENSHOT_DIR to keep pictures of the progress bar and the report.
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FIXTURES, FOGLIETTONE, SPUTNIK, expect, test } from './fixtures';
import { expectStatuses, writeMixedFolder, type Item, type MixedFile, type Status } from './mixed-folder';
import { collectErrors } from './pages/app';
import type { LibraryOnDisk } from './pages/library-on-disk';

const FILES = 2000;
const shots = process.env.WB_SCREENSHOT_DIR;

const tally = (rows: ReadonlyArray<{ status: string }>, status: string) =>
  rows.filter((r) => r.status === status).length;

/** Every stored article is one the generator made, with its title, outlet, date and language, and its original unchanged. */
function expectStoredMatch(library: LibraryOnDisk, items: Map<string, Item>) {
  const articles = library.articles();
  expect(library.articleFolders().sort()).toEqual(articles.map((a) => a.id).sort());
  const wrong: string[] = [];
  for (const a of articles) {
    const it = items.get(a.fileName);
    if (!it) {
      wrong.push(`${a.fileName}: not a generated item`);
      continue;
    }
    const original = library.original(a.id);
    const sha = original && createHash('sha256').update(original).digest('hex');
    if (sha !== a.sha256) wrong.push(`${a.fileName}: original on disk does not hash to ${a.sha256}`);
    if (it.title === undefined) continue; // the two real samples: their fields are pinned by unit tests
    if (a.sha256 !== it.sha) wrong.push(`${a.fileName}: sha256 ${a.sha256} != ${it.sha}`);
    if (a.title !== it.title)
      wrong.push(`${a.fileName}: title ${JSON.stringify(a.title)} != ${JSON.stringify(it.title)}`);
    if (a.outlet.domain !== it.domain) wrong.push(`${a.fileName}: outlet ${a.outlet.domain} != ${it.domain}`);
    if (a.published?.slice(0, 10) !== it.date)
      wrong.push(`${a.fileName}: published ${a.published} != ${it.date}`);
    if (a.language !== 'en') wrong.push(`${a.fileName}: language ${a.language}`);
  }
  expect(wrong).toEqual([]);
  return articles.length;
}

test('a dropped folder of 2,000 mixed files: progress, Cancel midway, a report that is right row by row', async ({
  page,
  workbench,
  app,
  report,
  library,
}) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const root = mkdtempSync(join(tmpdir(), 'wb-folder-'));
  try {
    const folder = writeMixedFolder(join(root, 'collection'), FILES, {
      dir: FIXTURES,
      names: [FOGLIETTONE, SPUTNIK],
    });
    const files: MixedFile[] = folder.files;
    expect(files).toHaveLength(FILES);
    const items = new Map(files.flatMap((f) => f.items.map((it) => [it.label, it] as const)));
    // Labels are what the report and the library know a file by; the generator keeps them unique.
    expect(items.size).toBe(files.reduce((n, f) => n + f.items.length, 0));
    const all = expectStatuses(files, { shas: new Set(), stories: new Set() });
    // The mix holds every kind of answer, not only imports.
    for (const status of ['imported', 'near-duplicate', 'duplicate', 'refused'] as Status[])
      expect(tally(all, status), status).toBeGreaterThan(10);
    // Every format is in the folder.
    const exts = new Set(files.map((f) => f.path.split('.').pop()));
    for (const ext of ['txt', 'md', 'html', 'htm', 'eml', 'json', 'jsonl', 'zip', 'docx', 'pdf'])
      expect(exts, ext).toContain(ext);

    await app.open(workbench.url);
    await app.dropPaths([folder.root]);

    // Progress: the walked total (hidden files not counted), then batches answered; cancel far from the end.
    const job = report.job;
    await expect(job).toBeVisible();
    await expect(report.jobCount).toContainText(`/ ${FILES.toLocaleString('en-US')} files`);
    // Past the folders of the first outlets and into inbox/ (copies and refusals), so that the part answered
    // before Cancel holds every kind of answer; still several batches from the end.
    await expect.poll(() => report.done(), { timeout: 120_000 }).toBeGreaterThanOrEqual(FILES / 2);
    await expect(report.jobCount).toHaveText(/Importing \d[\d,]* \/ 2,000 files/);
    if (shots) await page.screenshot({ path: join(shots, 'folder-drop-progress.png') });
    await report.cancel();

    await expect(report.panel).toBeVisible({ timeout: 60_000 });
    await expect(job).toHaveCount(0);
    await expect(report.panel).toContainText('Import (cancelled)');
    if (shots) await page.screenshot({ path: join(shots, 'folder-drop-report.png') });

    // The CSV: answered items first, in walk order, each with the status it was made for; then the files
    // not sent, which are exactly the rest of the walk. Nothing hidden was sent.
    // saveCsv checks the header and the file name.
    const rows = await report.saveCsv();
    const body = rows.slice(1).map(([file, status, articleId, , reason]) => ({
      file: file!,
      status: status!,
      articleId: articleId!,
      reason: reason!,
    }));
    const notSent = body.filter((r) => r.status === 'not sent').map((r) => r.file);
    const answered = body.filter((r) => r.status !== 'not sent');
    const sentFiles = FILES - notSent.length;
    expect(sentFiles).toBeGreaterThan(0);
    expect(notSent.length, 'cancelled midway, not at the end').toBeGreaterThan(0);
    expect(notSent).toEqual(files.slice(sentFiles).map((f) => f.label));
    const firstExpected = expectStatuses(files.slice(0, sentFiles), { shas: new Set(), stories: new Set() });
    for (const status of ['imported', 'near-duplicate', 'duplicate', 'refused'] as Status[])
      expect(tally(firstExpected, status), status).toBeGreaterThan(0);
    expect(answered.map((r) => `${r.file} ${r.status}`)).toEqual(
      firstExpected.map((e) => `${e.label} ${e.status}`),
    );
    for (const name of folder.hidden) expect(body.filter((r) => r.file.endsWith(basename(name)))).toEqual([]);
    // Files go by their path from the dropped folder, so two outlets' files of one name stay apart.
    expect(answered[0]!.file).toMatch(/^collection › [a-z0-9]+ › 2024-\d\d › /);
    for (const r of answered) {
      if (r.status === 'refused') expect(r.reason, r.file).not.toBe('');
      else expect(r.articleId, r.file).toMatch(/^[0-9a-f]{16}$/);
    }

    // The counts on the page agree with the CSV.
    expect(await report.counts()).toEqual({
      imported: tally(firstExpected, 'imported'),
      near: tally(firstExpected, 'near-duplicate'),
      duplicate: tally(firstExpected, 'duplicate'),
      refused: tally(firstExpected, 'refused'),
      notSent: notSent.length,
    });

    // The library holds exactly what was stored, each article as its file says.
    const storedFirst = tally(firstExpected, 'imported') + tally(firstExpected, 'near-duplicate');
    expect(expectStoredMatch(library, items)).toBe(storedFirst);
    await app.expectArticleCount(storedFirst);

    // Dropping the folder again completes the import: what is stored comes back as duplicates.
    await app.dropPaths([folder.root]);
    await expect(job).toBeVisible();
    await expect(report.panel).toBeVisible({ timeout: 120_000 });
    await expect(report.panel).not.toContainText('Import (cancelled)');
    const seen = { shas: new Set<string>(), stories: new Set<number>() };
    expectStatuses(files.slice(0, sentFiles), seen);
    const secondExpected = expectStatuses(files, seen);
    const second = (await report.saveCsv()).slice(1);
    expect(second.map(([file, status]) => `${file} ${status}`)).toEqual(
      secondExpected.map((e) => `${e.label} ${e.status}`),
    );
    const storedAll = tally(all, 'imported') + tally(all, 'near-duplicate');
    expect(expectStoredMatch(library, items)).toBe(storedAll);
    await app.expectArticleCount(storedAll);
    if (shots) await page.screenshot({ path: join(shots, 'folder-drop-complete.png') });
    expect(errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a folder picked with Folder… imports like a dropped one: same labels, same order, same answers', async ({
  page,
  workbench,
  app,
  report,
  library,
}) => {
  const errors = collectErrors(page);
  const root = mkdtempSync(join(tmpdir(), 'wb-folder-'));
  try {
    const folder = writeMixedFolder(
      join(root, 'collection'),
      300,
      { dir: FIXTURES, names: [FOGLIETTONE, SPUTNIK] },
      9,
    );
    await app.open(workbench.url);
    await app.pickFolder(folder.root);
    await expect(report.panel).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: 'test-results/folder-picked-report.png' });
    const rows = (await report.saveCsv()).slice(1);
    const expected = expectStatuses(folder.files, { shas: new Set(), stories: new Set() });
    expect(rows.map(([file, status]) => `${file} ${status}`)).toEqual(
      expected.map((e) => `${e.label} ${e.status}`),
    );
    const items = new Map(folder.files.flatMap((f) => f.items.map((it) => [it.label, it] as const)));
    expect(expectStoredMatch(library, items)).toBe(
      tally(expected, 'imported') + tally(expected, 'near-duplicate'),
    );
    expect(errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
