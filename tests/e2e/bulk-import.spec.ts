// Bulk import end to end: 2,000 generated files dropped at once (scrape dumps and Markdown, with exact
// duplicates, near duplicates and files that must be refused), progress that advances, Cancel midway, then
// the library on disk checked against the report, and a second drop that completes the import.
// Set WB_SCREENSHOT_DIR to keep pictures of the progress bar and the report.
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { collectErrors } from './pages/app';
import { NEWS_DOMAINS, NEWS_WORDS, mulberry32 } from '../helpers/seeded';

type Kind = 'new' | 'duplicate' | 'near-duplicate' | 'refused';
interface GenFile {
  name: string;
  bytes: Buffer;
  kind: Kind;
  /** For a near duplicate: the title of the story it copies. */
  source?: string;
}

const WORDS = NEWS_WORDS;
const OUTLETS = NEWS_DOMAINS;

/** The same files on every run for a seed. */
const rng = mulberry32;

/**
 * `n` files in drop order. Per 100 files: one exact copy of an earlier file, two near duplicates (an earlier
 * story under another outlet's header and footer), two refusals (PNG bytes named .txt, an empty file, an
 * .exe); the rest are new articles, about one in eight Markdown.
 */
function generate(n: number, seed = 7): GenFile[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const sentence = () => {
    const w = Array.from({ length: 8 + Math.floor(r() * 12) }, () => pick(WORDS));
    return `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(r() * 3) }, sentence).join(' ');
  const files: GenFile[] = [];
  const stories: Array<{ title: string; body: string; domain: string; date: string; slug: string }> = [];
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(4, '0');
    const slot = i % 100;
    if (i >= 100 && slot === 37) {
      const src = pick(files.filter((f) => f.kind === 'new'));
      files.push({ name: `${id}_copy-of-${src.name}`, bytes: src.bytes, kind: 'duplicate' });
      continue;
    }
    if (i >= 100 && (slot === 13 || slot === 71)) {
      const s = pick(stories);
      const dom = pick(OUTLETS.filter((o) => o !== s.domain));
      const header = ` date ${s.date.slice(0, 7)} https://www.${dom}/world/${s.slug}-${i}`;
      const title = `${s.title} (${dom})`;
      const text = [
        header,
        title,
        title,
        `${s.date}T1${i % 10}:00+0000`,
        `(${dom.split('.')[0]!.toUpperCase()}) -`,
        s.body,
        `Copyright ${dom}. Republished under licence; follow ${dom} for more world news every day.`,
      ];
      files.push({
        name: `${id}_syndicated.txt`,
        bytes: Buffer.from(text.join('\n\n')),
        kind: 'near-duplicate',
        source: s.title,
      });
      continue;
    }
    if (i >= 100 && (slot === 29 || slot === 83)) {
      const k = (Math.floor(i / 100) + slot) % 3;
      if (k === 0)
        files.push({
          name: `${id}_photo.txt`,
          bytes: Buffer.concat([
            Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
            Buffer.from(Array.from({ length: 300 }, () => Math.floor(r() * 256))),
          ]),
          kind: 'refused',
        });
      else if (k === 1) files.push({ name: `${id}_empty.txt`, bytes: Buffer.alloc(0), kind: 'refused' });
      else
        files.push({
          name: `${id}_setup.exe`,
          bytes: Buffer.from('MZ\u0090\u0000 not an article'),
          kind: 'refused',
        });
      continue;
    }
    const title = `${Array.from({ length: 5 + Math.floor(r() * 6) }, () => pick(WORDS))
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase())} ${i}`;
    const date = `2024-0${1 + Math.floor(r() * 9)}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const domain = pick(OUTLETS);
    const slug = title.toLowerCase().replace(/\W+/g, '-');
    const body = Array.from({ length: 4 + Math.floor(r() * 4) }, paragraph).join('\n\n');
    if (r() < 0.12) {
      files.push({ name: `${id}.md`, bytes: Buffer.from(`# ${title}\n\n${body}\n`), kind: 'new' });
    } else {
      const text = [
        ` date ${date.slice(0, 7)} https://www.${domain}/world/${slug}`,
        title,
        title,
        `${date}T09:30+0100`,
        body,
        `Reporting by staff; editing by the desk. © ${domain}`,
      ];
      files.push({ name: `${id}.txt`, bytes: Buffer.from(text.join('\n\n')), kind: 'new' });
      stories.push({ title, body, domain, date, slug });
    }
  }
  return files;
}

const tally = (files: readonly GenFile[], kind: Kind) => files.filter((f) => f.kind === kind).length;

const shots = process.env.WB_SCREENSHOT_DIR;

test('2,000 files: progress advances, Cancel midway keeps whole batches, a second drop completes the import', async ({
  page,
  workbench,
  app,
  report,
  library,
}) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  const files = generate(2000);
  expect([tally(files, 'duplicate'), tally(files, 'near-duplicate'), tally(files, 'refused')]).toEqual([
    19, 38, 38,
  ]);

  await app.open(workbench.url);
  await app.drop(files);

  await expect(report.job).toBeVisible();
  await expect(report.jobCount).toContainText('/ 2,000 files');
  // At least one batch answered, and far from the end: cancel now.
  await expect(report.job).not.toHaveAttribute('data-done', '0', { timeout: 20_000 });
  await expect(report.jobCount).toHaveText(/Importing \d[\d,]* \/ 2,000 files/);
  if (shots) await page.screenshot({ path: join(shots, 'bulk-import-progress.png') });
  await report.cancel();

  await expect(report.panel).toBeVisible({ timeout: 20_000 });
  await expect(report.job).toHaveCount(0);
  await expect(report.panel).toContainText('Import (cancelled)');
  const first = await report.counts();
  const answered = first.imported + first.near + first.duplicate + first.refused;
  // Whole batches of 200 (the files are small), never all of them.
  expect(answered % 200).toBe(0);
  expect(answered).toBeGreaterThanOrEqual(200);
  expect(first.notSent).toBe(2000 - answered);
  expect(first.notSent).toBeGreaterThan(0);
  // The answered files are the first ones dropped, each with the status it was made for.
  const sent = files.slice(0, answered);
  expect(first).toMatchObject({
    imported: tally(sent, 'new'),
    near: tally(sent, 'near-duplicate'),
    duplicate: tally(sent, 'duplicate'),
    refused: tally(sent, 'refused'),
  });
  await expect(report.result('_syndicated.txt').first()).toContainText(/near-duplicate of ".+" \(.+\)/);
  if (shots) await page.screenshot({ path: join(shots, 'bulk-import-report.png') });

  // The library holds exactly the imported and near-duplicate articles of the finished batches: in the list,
  // in articles.json, and as folders (none without an index entry).
  const stored = first.imported + first.near;
  await app.expectArticleCount(stored);
  const ids = library.articles().map((a) => a.id);
  expect(ids).toHaveLength(stored);
  expect(library.articleFolders().sort()).toEqual([...ids].sort());

  // The CSV lists every dropped file once (saveCsv checks its header): what was answered, and what was not sent.
  const rows = await report.saveCsv();
  expect(rows).toHaveLength(1 + 2000);
  expect(rows.filter((r) => r[1] === 'not sent')).toHaveLength(first.notSent);

  // Near-duplicate groups show in the list as "N versions"; the badge narrows the list to the group.
  const story = sent.find((f) => f.kind === 'near-duplicate')!.source!;
  await page.getByTestId('article-filter').fill(story);
  const badge = app.row(story).first().getByTestId('versions-badge');
  await expect(badge).toHaveText(/^\d+ versions$/);
  const versions = Number((await badge.textContent())!.split(' ')[0]);
  await badge.click();
  await page.getByTestId('article-filter').fill('');
  await expect(page.getByTestId('versions-filter')).toContainText(`${versions} versions of “`);
  await expect(app.rows).toHaveCount(versions);
  if (shots) {
    await page.getByTestId('import-filter-near-duplicate').click();
    await page.screenshot({ path: join(shots, 'bulk-import-versions.png') });
    await page.getByTestId('import-filter-all').click();
  }
  await page.getByTestId('clear-versions-filter').click();
  await app.expectArticleCount(stored);

  // Dropping everything again completes the import: what is stored comes back as duplicates.
  await app.drop(files);
  await expect(report.job).toBeVisible();
  await expect(report.panel).toBeVisible({ timeout: 40_000 });
  await expect(report.job).toHaveCount(0);
  const rest = files.slice(answered);
  const second = await report.counts();
  expect(second).toEqual({
    imported: tally(rest, 'new'),
    near: tally(rest, 'near-duplicate'),
    duplicate: stored + tally(files, 'duplicate'),
    refused: tally(files, 'refused'),
    notSent: 0,
  });
  const total = tally(files, 'new') + tally(files, 'near-duplicate');
  await app.expectArticleCount(total);
  const after = library.articles().map((a) => a.id);
  expect(after).toHaveLength(total);
  expect(library.articleFolders().sort()).toEqual([...after].sort());
  expect(errors).toEqual([]);
});

test('the import report downloads as CSV with one row per file', async ({ workbench, app, report }) => {
  const files = generate(300, 11).slice(200);
  await app.open(workbench.url);
  await app.drop(files);
  await expect(report.panel).toBeVisible();
  await expect(report.results).toHaveCount(100);
  // saveCsv checks the header and the file name.
  const rows = await report.saveCsv();
  const body = rows.slice(1);
  expect(body.map((r) => r[0])).toEqual(files.map((f) => f.name));
  // Copies and near duplicates of stories outside this slice import as new; refusals stay refused.
  for (const [row, f] of body.map((r, i) => [r, files[i]!] as const)) {
    if (f.kind === 'refused') expect(row[1], f.name).toBe('refused');
    else expect(['imported', 'near-duplicate', 'duplicate'], f.name).toContain(row[1]);
    if (row[1] === 'refused') expect(row[4], f.name).not.toBe('');
    else expect(row[2], f.name).toMatch(/^[0-9a-f]{16}$/);
  }
  expect(body.map((r) => r[1])).toEqual(await report.statuses());
});
