// `npm run screenshot`: the README's picture of the app, made the way a user would get there
// (both samples dropped, a claim tagged in each). Not part of `npm test`.
// Set WB_SCREENSHOT_DIR to write the pictures somewhere other than docs/.
import { join } from 'node:path';
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
import type { Tag } from './pages/reader';

test('README screenshot', async ({ page, workbench, app, reader, claims }) => {
  const dir = process.env.WB_SCREENSHOT_DIR ?? 'docs';
  await app.open(workbench.url);
  await app.drop([fixtureFile(SPUTNIK), fixtureFile(FOGLIETTONE)]);
  await expect(app.rows).toHaveCount(2);
  const steps: Array<[string, string, Tag]> = [
    [FOGLIETTONE_TITLE, FOGLIETTONE_PHRASE, { claim: CLAIM, stance: 'asserts', speaker: 'Putin' }],
    [
      SPUTNIK_TITLE,
      SPUTNIK_PHRASE,
      { claim: CLAIM, pick: 'CSTO troops', stance: 'reports', speaker: 'CSTO' },
    ],
  ];
  for (const [title, phrase, tag] of steps) {
    await reader.open(title);
    await reader.tagClaim(phrase, tag);
    await expect(reader.annotations).toHaveCount(1);
  }
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await page.screenshot({ path: join(dir, 'screenshot.png') });
  await app.showClaims();
  await claims.rows.first().click();
  await page.screenshot({ path: join(dir, 'screenshot-claims.png') });
});
