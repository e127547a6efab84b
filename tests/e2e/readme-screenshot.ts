// `npm run screenshot`: the README's picture of the app, made the way a user would get there
// (both samples dropped, a claim tagged in each). Not part of `npm test`.
import { FOGLIETTONE, SPUTNIK, dropFiles, expect, fixtureFile, selectWithMouse, test } from './fixtures';

test('README screenshot', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await dropFiles(page, '[data-testid="app-root"]', [fixtureFile(SPUTNIK), fixtureFile(FOGLIETTONE)]);
  await expect(page.getByTestId('article-row')).toHaveCount(2);
  const claim = 'CSTO troops will withdraw from Kazakhstan';
  const steps: Array<[string, string, string, string, boolean]> = [
    ['Putin risponde', 'si ritirerà dal territorio del Kazakistan', 'asserts', 'Putin', false],
    ['Kazakistan, giro', 'per un periodo di tempo limitato', 'reports', 'CSTO', true],
  ];
  for (const [title, phrase, stance, speaker, existing] of steps) {
    await page.getByTestId('article-row').filter({ hasText: title }).click();
    await selectWithMouse(page, '[data-testid="reader"]', phrase);
    await page.getByTestId('tag-claim').click();
    await page.getByTestId('claim-input').fill(existing ? 'CSTO troops' : claim);
    if (existing) await page.getByTestId('claim-option').filter({ hasText: claim }).click();
    await page.getByTestId('stance-select').selectOption(stance);
    await page.getByTestId('speaker-input').fill(speaker);
    await page.getByTestId('save-annotation').click();
    await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  }
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await page.screenshot({ path: 'docs/screenshot.png' });
  await page.getByTestId('nav-claims').click();
  await page.getByTestId('claim-row').first().click();
  await page.screenshot({ path: 'docs/screenshot-claims.png' });
});
