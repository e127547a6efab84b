// The library's import caps as a user sets them: the gear opens the settings, a lowered cap refuses a file
// the next drop brings (its bytes never sent), the setting survives a reload in settings.json on disk, and
// "Default sizes" takes it back; outlet names rename stored articles.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles, expect, fixtureFile, FOGLIETTONE, SPUTNIK, test } from './fixtures';

/** A readable article of about 1.5 MB. */
function bigArticle() {
  const para = 'Mosca ha confermato il ritiro delle truppe dal Kazakistan entro dieci giorni, secondo il Cremlino. ';
  return { name: 'rassegna-lunga.txt', bytes: Buffer.from(`Rassegna stampa lunga\n\n${para.repeat(16_000)}`) };
}

test('lowering the per-file cap refuses a bigger file by size; the setting survives a reload; defaults bring it back', async ({ page, workbench }) => {
  const requests: number[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/rpc') && r.postData()?.includes('articles.import')) requests.push(r.postData()!.length);
  });
  await page.goto(workbench.url);
  await page.getByTestId('settings-button').click();
  const dialog = page.getByRole('dialog', { name: 'Library settings' });
  await expect(dialog.getByTestId('settings-max-file-mb')).toHaveValue('20');
  await expect(dialog.getByTestId('settings-max-pdf-mb')).toHaveValue('50');
  await dialog.getByTestId('settings-max-file-mb').fill('1');
  await page.screenshot({ path: 'test-results/settings-dialog.png' });
  await dialog.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Settings saved: they apply to the next import')).toBeVisible();
  expect(JSON.parse(readFileSync(join(workbench.libraryDir, 'settings.json'), 'utf8'))).toEqual({ importLimits: { maxBytes: 1024 * 1024 } });

  const big = bigArticle();
  expect(big.bytes.length).toBeGreaterThan(1.5 * 1024 * 1024);
  await dropFiles(page, '[data-testid="app-root"]', [big, fixtureFile(SPUTNIK)]);
  const refused = page.getByTestId('import-result').filter({ hasText: big.name });
  await expect(refused).toHaveAttribute('data-status', 'refused');
  await expect(refused).toContainText('larger than 1.0 MB (1.5 MB)');
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  // The big file went by name and size: the whole call is far smaller than the file.
  expect(requests).toHaveLength(1);
  expect(requests[0]).toBeLessThan(200_000);

  await page.reload();
  await page.keyboard.press('Control+,');
  await expect(dialog.getByTestId('settings-max-file-mb')).toHaveValue('1');
  await dialog.getByTestId('settings-defaults').click();
  await dialog.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
  expect(JSON.parse(readFileSync(join(workbench.libraryDir, 'settings.json'), 'utf8'))).toEqual({});

  await dropFiles(page, '[data-testid="app-root"]', [big]);
  await expect(page.getByTestId('import-result').filter({ hasText: big.name })).toHaveAttribute('data-status', 'imported');
  await expect(page.getByTestId('article-row')).toHaveCount(2);
  expect(existsSync(join(workbench.libraryDir, 'damaged'))).toBe(false);
});

test('naming an outlet in the settings renames the stored articles from its domain, and new imports take the name', async ({ page, workbench }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(workbench.url);
  await dropFiles(page, '[data-testid="app-root"]', [fixtureFile(FOGLIETTONE)]);
  const row = page.getByTestId('article-row').first();
  await expect(row).toContainText('ilfogliettone.it');
  await row.click();
  await expect(page.getByTestId('reader')).toContainText('ilfogliettone.it');

  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Library settings' });
  await dialog.getByTestId('outlet-add-domain').fill('www.ilfogliettone.it');
  await dialog.getByTestId('outlet-add-name').fill('Il Fogliettone');
  await dialog.getByTestId('outlet-add').click();
  await dialog.getByTestId('outlet-add-domain').fill('apnews.com');
  await dialog.getByTestId('outlet-add-name').fill('Associated Press');
  await dialog.getByTestId('outlet-add-name').press('Enter');
  await expect(dialog.getByTestId('outlet-row')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/settings-outlet-names.png' });
  await dialog.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Settings saved: 1 stored article took the new outlet names')).toBeVisible();
  // The list and the open article show the new name; articles.json and settings.json on disk agree.
  await expect(row).toContainText('Il Fogliettone');
  await expect(page.getByTestId('reader')).toContainText('Il Fogliettone');
  const index = JSON.parse(readFileSync(join(workbench.libraryDir, 'articles.json'), 'utf8')) as { articles: Array<{ outlet: { name: string } }> };
  expect(index.articles.map((a) => a.outlet.name)).toEqual(['Il Fogliettone']);
  expect(JSON.parse(readFileSync(join(workbench.libraryDir, 'settings.json'), 'utf8'))).toEqual({ outletNames: { 'apnews.com': 'Associated Press', 'ilfogliettone.it': 'Il Fogliettone' } });

  // A new import from a named domain takes the library's name.
  const ap = ` date 2024-03 https://apnews.com/article/genoa-port-strike\n\nGenoa dockworkers strike over pay\n\nGenoa dockworkers strike over pay\n\n2024-03-11T09:30+0100\n\n${'Dockworkers in Genoa walked out on Monday over pay and safety, halting cranes at the container terminal. '.repeat(6)}`;
  await dropFiles(page, '[data-testid="app-root"]', [{ name: 'ap-genoa.txt', bytes: Buffer.from(ap) }]);
  await expect(page.getByTestId('article-row').filter({ hasText: 'Genoa dockworkers' })).toContainText('Associated Press');

  // After a reload the dialog lists the names; removing one takes the stored article back to its domain.
  await page.reload();
  await page.keyboard.press('Control+,');
  await expect(dialog.getByTestId('outlet-row')).toHaveCount(2);
  await dialog.getByLabel('Remove ilfogliettone.it').click();
  await dialog.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('article-row').filter({ hasText: 'Putin' })).toContainText('ilfogliettone.it');
  expect(errors).toEqual([]);
});
