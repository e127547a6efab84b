// The analyst's whole job, end to end in Chromium against the host and real files on disk.
import { readFileSync } from 'node:fs';
import { FOGLIETTONE, SPUTNIK, dropFiles, expect, fixtureFile, selectWithMouse, test } from './fixtures';
import type { Page } from '@playwright/test';

const CLAIM = 'CSTO troops will withdraw from Kazakhstan';
const SPUTNIK_TITLE = 'Kazakistan, giro di telefonate tra Putin e Tokayev: la situazione sotto controllo';
const FOGLIETTONE_TITLE = 'Putin risponde agli Stati Uniti: da Kazakistan andremo via a tempo debito';

async function openArticle(page: Page, title: string) {
  await page.getByTestId('article-row').filter({ hasText: title }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(title);
}

async function tag(page: Page, phrase: string, claim: string, stance: string, speaker: string, existing: boolean) {
  await selectWithMouse(page, '[data-testid="reader"]', phrase);
  await page.getByTestId('tag-claim').click();
  await page.getByTestId('claim-input').fill(existing ? claim.slice(0, 12) : claim);
  if (existing) await page.getByTestId('claim-option').filter({ hasText: claim }).click();
  await page.getByTestId('stance-select').selectOption(stance);
  await page.getByTestId('speaker-input').fill(speaker);
  await page.getByTestId('save-annotation').click();
  await expect(page.getByTestId('annotation-item').filter({ hasText: claim })).toBeVisible();
  await expect(page.locator(`[data-testid="reader"] mark[data-stance="${stance}"]`).filter({ hasText: phrase.split(' ')[0]! }).first()).toBeVisible();
}

test('drop both samples, tag a claim in each, see it with two sources, reload, export Markdown', async ({ page, workbench }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(workbench.url);
  await expect(page.getByTestId('app-root')).toBeVisible();

  await dropFiles(page, '[data-testid="app-root"]', [fixtureFile(SPUTNIK), fixtureFile(FOGLIETTONE)]);
  await expect(page.getByTestId('import-result')).toHaveCount(2);
  await expect(page.getByTestId('import-result').filter({ hasText: 'imported' })).toHaveCount(2);

  const rows = page.getByTestId('article-row');
  await expect(rows).toHaveCount(2);
  const sputnikRow = rows.filter({ hasText: SPUTNIK_TITLE });
  await expect(sputnikRow).toContainText('Sputnik Italia');
  await expect(sputnikRow).toContainText('2022-01-07');
  const fogliettoneRow = rows.filter({ hasText: FOGLIETTONE_TITLE });
  await expect(fogliettoneRow).toContainText('ilfogliettone.it');
  await expect(fogliettoneRow).toContainText('2022-01-10');

  await openArticle(page, SPUTNIK_TITLE);
  await expect(page.getByTestId('reader-meta')).toContainText('Sputnik Italia');
  await tag(page, 'per un periodo di tempo limitato', CLAIM, 'reports', 'CSTO', false);

  await openArticle(page, FOGLIETTONE_TITLE);
  await tag(page, 'si ritirerà dal territorio del Kazakistan', CLAIM, 'asserts', 'Putin', true);

  await page.getByTestId('nav-claims').click();
  const claimRow = page.getByTestId('claim-row').filter({ hasText: CLAIM });
  await expect(claimRow).toHaveCount(1);
  await expect(claimRow.getByTestId('claim-sources')).toHaveText('2');

  await page.reload();
  await page.getByTestId('nav-claims').click();
  await expect(page.getByTestId('claim-row').filter({ hasText: CLAIM }).getByTestId('claim-sources')).toHaveText('2');
  await page.getByTestId('nav-articles').click();
  await openArticle(page, SPUTNIK_TITLE);
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await expect(page.locator('[data-testid="reader"] mark[data-stance="reports"]')).toContainText('per un periodo di tempo limitato');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
  const md = readFileSync((await download.path())!, 'utf8');
  const section = md.slice(md.indexOf(CLAIM));
  expect(section).toContain('per un periodo di tempo limitato');
  expect(section).toContain('si ritirerà dal territorio del Kazakistan');
  expect(section).toContain('Sputnik Italia');
  expect(section).toContain('ilfogliettone.it');
  expect(section).toContain('2022-01-07');
  expect(section).toContain('2022-01-10');
  expect(errors).toEqual([]);
});

test('a refused file shows its reason and leaves the library unchanged', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await dropFiles(page, '[data-testid="app-root"]', [fixtureFile(FOGLIETTONE)]);
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  const index = readFileSync(`${workbench.libraryDir}/articles.json`, 'utf8');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  await dropFiles(page, '[data-testid="app-root"]', [{ name: 'photo.txt', bytes: png }]);
  const result = page.getByTestId('import-result').filter({ hasText: 'photo.txt' });
  await expect(result).toHaveAttribute('data-status', 'refused');
  await expect(result).toContainText('PNG');
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  expect(readFileSync(`${workbench.libraryDir}/articles.json`, 'utf8')).toBe(index);
});

test('Ctrl+Z undoes the last annotation change', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await dropFiles(page, '[data-testid="app-root"]', [fixtureFile(SPUTNIK)]);
  await openArticle(page, SPUTNIK_TITLE);
  await tag(page, 'per un periodo di tempo limitato', CLAIM, 'reports', 'CSTO', false);
  await page.locator('[data-testid="reader"]').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);
  await expect(page.locator('[data-testid="reader"] mark')).toHaveCount(0);
  await page.reload();
  await openArticle(page, SPUTNIK_TITLE);
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);
});

test('keyboard: arrows move through the list and Enter opens the article', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await dropFiles(page, '[data-testid="app-root"]', [fixtureFile(SPUTNIK), fixtureFile(FOGLIETTONE)]);
  await expect(page.getByTestId('article-row')).toHaveCount(2);
  await page.getByTestId('article-row').first().click();
  const first = await page.getByTestId('reader-title').textContent();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-title')).not.toHaveText(first ?? '');
});

test('re-extracting an article from its original keeps its annotations', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await dropFiles(page, '[data-testid="app-root"]', [fixtureFile(SPUTNIK)]);
  await openArticle(page, SPUTNIK_TITLE);
  await tag(page, 'per un periodo di tempo limitato', CLAIM, 'reports', 'CSTO', false);
  await page.getByTestId('reextract').click();
  await expect(page.getByTestId('toast')).toContainText('Extracted again: the text is unchanged');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await expect(page.locator('[data-testid="reader"] mark[data-stance="reports"]')).toContainText('per un periodo di tempo limitato');
});
