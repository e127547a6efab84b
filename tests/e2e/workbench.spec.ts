// The analyst's whole job, end to end in Chromium against the host and real files on disk.
import { readFileSync } from 'node:fs';
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
  test,
} from './fixtures';
import { collectErrors } from './pages/app';

test('drop both samples, tag a claim in each, see it with two sources, reload, export Markdown', async ({
  page,
  workbench,
  app,
  report,
  reader,
  claims,
}) => {
  const errors = collectErrors(page, { console: true });
  await app.open(workbench.url);

  await app.drop([fixtureFile(SPUTNIK), fixtureFile(FOGLIETTONE)]);
  await expect(report.results).toHaveCount(2);
  await expect(report.results.filter({ hasText: 'imported' })).toHaveCount(2);

  await expect(app.rows).toHaveCount(2);
  const sputnikRow = app.row(SPUTNIK_TITLE);
  await expect(sputnikRow).toContainText('Sputnik Italia');
  await expect(sputnikRow).toContainText('2022-01-07');
  const fogliettoneRow = app.row(FOGLIETTONE_TITLE);
  await expect(fogliettoneRow).toContainText('ilfogliettone.it');
  await expect(fogliettoneRow).toContainText('2022-01-10');

  await reader.open(SPUTNIK_TITLE);
  await expect(reader.meta).toContainText('Sputnik Italia');
  await reader.tagClaim(SPUTNIK_PHRASE, { claim: CLAIM, stance: 'reports', speaker: 'CSTO' });

  await reader.open(FOGLIETTONE_TITLE);
  await reader.tagClaim(FOGLIETTONE_PHRASE, {
    claim: CLAIM,
    pick: CLAIM.slice(0, 12),
    stance: 'asserts',
    speaker: 'Putin',
  });

  await app.showClaims();
  await expect(claims.row(CLAIM)).toHaveCount(1);
  await expect(claims.sources(CLAIM)).toHaveText('2');

  await page.reload();
  await app.showClaims();
  await expect(claims.sources(CLAIM)).toHaveText('2');
  await app.showArticles();
  await reader.open(SPUTNIK_TITLE);
  await expect(reader.annotations).toHaveCount(1);
  await expect(reader.marks('reports')).toContainText(SPUTNIK_PHRASE);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-md').click(),
  ]);
  const md = readFileSync((await download.path())!, 'utf8');
  const section = md.slice(md.indexOf(CLAIM));
  expect(section).toContain(SPUTNIK_PHRASE);
  expect(section).toContain(FOGLIETTONE_PHRASE);
  expect(section).toContain('Sputnik Italia');
  expect(section).toContain('ilfogliettone.it');
  expect(section).toContain('2022-01-07');
  expect(section).toContain('2022-01-10');
  expect(errors).toEqual([]);
});

test('a refused file shows its reason and leaves the library unchanged', async ({
  workbench,
  app,
  report,
  library,
}) => {
  await app.open(workbench.url);
  await app.drop([fixtureFile(FOGLIETTONE)]);
  await expect(app.rows).toHaveCount(1);
  const index = library.text('articles.json');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  await app.drop([{ name: 'photo.txt', bytes: png }]);
  const result = report.result('photo.txt');
  await expect(result).toHaveAttribute('data-status', 'refused');
  await expect(result).toContainText('PNG');
  await expect(app.rows).toHaveCount(1);
  expect(library.text('articles.json')).toBe(index);
});

test('Ctrl+Z undoes the last annotation change', async ({ page, workbench, app, reader, library }) => {
  await app.open(workbench.url);
  await app.drop([fixtureFile(SPUTNIK)]);
  await reader.open(SPUTNIK_TITLE);
  await reader.tagClaim(SPUTNIK_PHRASE, { claim: CLAIM, stance: 'reports', speaker: 'CSTO' });
  const [article] = library.articles();
  expect(library.annotations(article!.id).map((a) => a.quote.exact)).toEqual([SPUTNIK_PHRASE]);
  await reader.root.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(reader.annotations).toHaveCount(0);
  await expect(reader.marks()).toHaveCount(0);
  expect(library.annotations(article!.id)).toEqual([]);
  await page.reload();
  await reader.open(SPUTNIK_TITLE);
  await expect(reader.annotations).toHaveCount(0);
});

test('keyboard: arrows move through the list and Enter opens the article', async ({
  page,
  workbench,
  app,
  reader,
}) => {
  await app.open(workbench.url);
  await app.drop([fixtureFile(SPUTNIK), fixtureFile(FOGLIETTONE)]);
  await expect(app.rows).toHaveCount(2);
  await app.rows.first().click();
  const first = await reader.title.textContent();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(reader.title).not.toHaveText(first ?? '');
});

test('re-extracting an article from its original keeps its annotations', async ({
  workbench,
  app,
  reader,
}) => {
  await app.open(workbench.url);
  await app.drop([fixtureFile(SPUTNIK)]);
  await reader.open(SPUTNIK_TITLE);
  await reader.tagClaim(SPUTNIK_PHRASE, { claim: CLAIM, stance: 'reports', speaker: 'CSTO' });
  await reader.reextract();
  await expect(app.toast).toContainText('Extracted again: the text is unchanged');
  await expect(reader.annotations).toHaveCount(1);
  await expect(reader.marks('reports')).toContainText(SPUTNIK_PHRASE);
});
