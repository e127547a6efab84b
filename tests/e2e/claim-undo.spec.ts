// Deleting a claim is undoable: in Chromium against the host, the claim comes back in the list and, as the
// same record, in claims.json on disk.
import { CLAIM, SPUTNIK, SPUTNIK_PHRASE, SPUTNIK_TITLE, expect, fixtureFile, test } from './fixtures';
import { collectErrors } from './pages/app';

test('delete a claim in the Claims view, Ctrl+Z brings it back on screen and on disk, Ctrl+Shift+Z deletes it again', async ({
  page,
  workbench,
  app,
  reader,
  claims,
  library,
}) => {
  const errors = collectErrors(page, { console: true });
  await app.open(workbench.url);
  await app.drop([fixtureFile(SPUTNIK)]);
  await reader.open(SPUTNIK_TITLE);

  // Tagging creates the claim; deleting its only evidence makes it deletable.
  await reader.tagClaim(SPUTNIK_PHRASE, { claim: CLAIM, stance: 'reports' });
  await reader.annotation(CLAIM).getByTestId('delete-annotation').click();
  await expect(reader.annotations).toHaveCount(0);

  const before = library.text('claims.json');
  expect(library.claims().map((c) => c.text)).toEqual([CLAIM]);

  await app.showClaims();
  await expect(claims.sources(CLAIM)).toHaveText('0');
  await claims.row(CLAIM).click();
  await expect(claims.deleteButton).toBeEnabled();
  await claims.deleteButton.click();
  await expect(claims.rows).toHaveCount(0);
  await expect(app.toast).toContainText(`Deleted claim “${CLAIM}” — Ctrl+Z to undo`);
  expect(library.claims()).toEqual([]);

  await page.keyboard.press('Control+z');
  await expect(claims.row(CLAIM)).toHaveCount(1);
  await expect(app.toast).toContainText(`Undone: delete claim “${CLAIM}”`);
  // The same record, byte for byte: id, wording and timestamps kept.
  expect(library.text('claims.json')).toBe(before);

  await page.keyboard.press('Control+Shift+z');
  await expect(claims.rows).toHaveCount(0);
  expect(library.claims()).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect(claims.rows).toHaveCount(1);
  expect(library.text('claims.json')).toBe(before);

  // What the list shows is what the library holds.
  await page.reload();
  await app.showClaims();
  await expect(claims.row(CLAIM)).toHaveCount(1);
  expect(errors).toEqual([]);
});
