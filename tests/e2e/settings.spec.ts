// The library's import caps as a user sets them: the gear opens the settings, a lowered cap refuses a file
// the next drop brings (its bytes never sent), the setting survives a reload in settings.json on disk, and
// "Default sizes" takes it back; outlet names rename stored articles.
import { FOGLIETTONE, SPUTNIK, expect, fixtureFile, test } from './fixtures';
import { collectErrors } from './pages/app';

/** A readable article of about 1.5 MB. */
function bigArticle() {
  const para =
    'Mosca ha confermato il ritiro delle truppe dal Kazakistan entro dieci giorni, secondo il Cremlino. ';
  return {
    name: 'rassegna-lunga.txt',
    bytes: Buffer.from(`Rassegna stampa lunga\n\n${para.repeat(16_000)}`),
  };
}

test('lowering the per-file cap refuses a bigger file by size; the setting survives a reload; defaults bring it back', async ({
  page,
  workbench,
  app,
  report,
  settings,
  library,
}) => {
  const requests: number[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/rpc') && r.postData()?.includes('articles.import'))
      requests.push(r.postData()!.length);
  });
  await app.open(workbench.url);
  await settings.openWithGear();
  await expect(settings.maxFileMb).toHaveValue('20');
  await expect(settings.maxPdfMb).toHaveValue('50');
  await settings.maxFileMb.fill('1');
  await page.screenshot({ path: 'test-results/settings-dialog.png' });
  await settings.save();
  await expect(page.getByText('Settings saved: they apply to the next import')).toBeVisible();
  expect(library.settings()).toEqual({ importLimits: { maxBytes: 1024 * 1024 } });

  const big = bigArticle();
  expect(big.bytes.length).toBeGreaterThan(1.5 * 1024 * 1024);
  await app.drop([big, fixtureFile(SPUTNIK)]);
  const refused = report.result(big.name);
  await expect(refused).toHaveAttribute('data-status', 'refused');
  await expect(refused).toContainText('larger than 1.0 MB (1.5 MB)');
  await expect(app.rows).toHaveCount(1);
  // The big file went by name and size: the whole call is far smaller than the file.
  expect(requests).toHaveLength(1);
  expect(requests[0]).toBeLessThan(200_000);

  await page.reload();
  await settings.openWithKeyboard();
  await expect(settings.maxFileMb).toHaveValue('1');
  await settings.defaults();
  await settings.save();
  expect(library.settings()).toEqual({});

  await app.drop([big]);
  await expect(report.result(big.name)).toHaveAttribute('data-status', 'imported');
  await expect(app.rows).toHaveCount(2);
  expect(library.exists('damaged')).toBe(false);
});

test('naming an outlet in the settings renames the stored articles from its domain, and new imports take the name', async ({
  page,
  workbench,
  app,
  reader,
  settings,
  library,
}) => {
  const errors = collectErrors(page);
  await app.open(workbench.url);
  await app.drop([fixtureFile(FOGLIETTONE)]);
  const row = app.rows.first();
  await expect(row).toContainText('ilfogliettone.it');
  await row.click();
  await expect(reader.root).toContainText('ilfogliettone.it');

  await settings.openWithKeyboard();
  await settings.addOutlet('www.ilfogliettone.it', 'Il Fogliettone');
  await settings.addOutlet('apnews.com', 'Associated Press', { enter: true });
  await expect(settings.outletRows).toHaveCount(2);
  await page.screenshot({ path: 'test-results/settings-outlet-names.png' });
  await settings.save();
  await expect(page.getByText('Settings saved: 1 stored article took the new outlet names')).toBeVisible();
  // The list and the open article show the new name; articles.json and settings.json on disk agree.
  await expect(row).toContainText('Il Fogliettone');
  await expect(reader.root).toContainText('Il Fogliettone');
  expect(library.articles().map((a) => a.outlet.name)).toEqual(['Il Fogliettone']);
  expect(library.settings()).toEqual({
    outletNames: { 'apnews.com': 'Associated Press', 'ilfogliettone.it': 'Il Fogliettone' },
  });

  // A new import from a named domain takes the library's name.
  const ap = ` date 2024-03 https://apnews.com/article/genoa-port-strike\n\nGenoa dockworkers strike over pay\n\nGenoa dockworkers strike over pay\n\n2024-03-11T09:30+0100\n\n${'Dockworkers in Genoa walked out on Monday over pay and safety, halting cranes at the container terminal. '.repeat(6)}`;
  await app.drop([{ name: 'ap-genoa.txt', bytes: Buffer.from(ap) }]);
  await expect(app.row('Genoa dockworkers')).toContainText('Associated Press');

  // After a reload the dialog lists the names; removing one takes the stored article back to its domain.
  await page.reload();
  await settings.openWithKeyboard();
  await expect(settings.outletRows).toHaveCount(2);
  await settings.removeOutlet('ilfogliettone.it');
  await settings.save();
  await expect(app.row('Putin')).toContainText('ilfogliettone.it');
  expect(errors).toEqual([]);
});
