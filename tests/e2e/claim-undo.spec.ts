// Deleting a claim is undoable: in Chromium against the host, the claim comes back in the list and, as the
// same record, in claims.json on disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPUTNIK, dropFiles, expect, fixtureFile, selectWithMouse, test } from './fixtures';

const CLAIM = 'CSTO troops will withdraw from Kazakhstan';
const SPUTNIK_TITLE = 'Kazakistan, giro di telefonate tra Putin e Tokayev: la situazione sotto controllo';
const PHRASE = 'per un periodo di tempo limitato';

test('delete a claim in the Claims view, Ctrl+Z brings it back on screen and on disk, Ctrl+Shift+Z deletes it again', async ({ page, workbench }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const claimsFile = () => readFileSync(join(workbench.libraryDir, 'claims.json'), 'utf8');
  const claimsOnDisk = () => (JSON.parse(claimsFile()) as { claims: Array<{ id: string; text: string }> }).claims;

  await page.goto(workbench.url);
  await dropFiles(page, '[data-testid="app-root"]', [fixtureFile(SPUTNIK)]);
  await page.getByTestId('article-row').filter({ hasText: SPUTNIK_TITLE }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(SPUTNIK_TITLE);

  // Tagging creates the claim; deleting its only evidence makes it deletable.
  await selectWithMouse(page, '[data-testid="reader"]', PHRASE);
  await page.getByTestId('tag-claim').click();
  await page.getByTestId('claim-input').fill(CLAIM);
  await page.getByTestId('stance-select').selectOption('reports');
  await page.getByTestId('save-annotation').click();
  const item = page.getByTestId('annotation-item').filter({ hasText: CLAIM });
  await expect(item).toBeVisible();
  await item.getByTestId('delete-annotation').click();
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);

  const before = claimsFile();
  expect(claimsOnDisk().map((c) => c.text)).toEqual([CLAIM]);

  await page.getByTestId('nav-claims').click();
  const claimRow = page.getByTestId('claim-row').filter({ hasText: CLAIM });
  await expect(claimRow.getByTestId('claim-sources')).toHaveText('0');
  await claimRow.click();
  await expect(page.getByTestId('delete-claim')).toBeEnabled();
  await page.getByTestId('delete-claim').click();
  await expect(page.getByTestId('claim-row')).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText(`Deleted claim “${CLAIM}” — Ctrl+Z to undo`);
  expect(claimsOnDisk()).toEqual([]);

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('claim-row').filter({ hasText: CLAIM })).toHaveCount(1);
  await expect(page.getByTestId('toast')).toContainText(`Undone: delete claim “${CLAIM}”`);
  // The same record, byte for byte: id, wording and timestamps kept.
  expect(claimsFile()).toBe(before);

  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('claim-row')).toHaveCount(0);
  expect(claimsOnDisk()).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('claim-row')).toHaveCount(1);
  expect(claimsFile()).toBe(before);

  // What the list shows is what the library holds.
  await page.reload();
  await page.getByTestId('nav-claims').click();
  await expect(page.getByTestId('claim-row').filter({ hasText: CLAIM })).toHaveCount(1);
  expect(errors).toEqual([]);
});
