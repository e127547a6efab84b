// What the reader says about a saved web page beyond its text: where its date was read, and its photo captions
// kept apart from the text that evidence is tagged in. A real page file dropped on the app, against the host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, expect, test } from './fixtures';
import { collectErrors } from './pages/app';

const PAGE = 'newsarticle-jsonld.html';
const TITLE = 'Ceasefire talks resume in Geneva as envoys trade accusations';
const CAPTION = 'Delegates arrive at the Palais des Nations on Friday morning.';

test("a web page's date source and captions show in the reader, the captions outside the text", async ({
  page,
  workbench,
  app,
  reader,
}) => {
  const errors = collectErrors(page, { console: true });
  await app.open(workbench.url);
  await app.drop([
    { name: PAGE, bytes: readFileSync(join(ROOT, 'tests/fixtures/html', PAGE)), type: 'text/html' },
  ]);
  await reader.open(TITLE);
  await expect(reader.meta).toContainText('2022-01-07');
  await expect(page.getByTestId('date-source')).toHaveText("(from the page's JSON-LD)");
  const captions = page.getByTestId('reader-captions');
  await expect(captions).toContainText('Photo captions (1)');
  await captions.locator('summary').click();
  await expect(captions.getByText(CAPTION)).toBeVisible();
  // The caption is not a block of the text: no highlight can land on it.
  await expect(reader.root.locator('[data-block-start]').filter({ hasText: CAPTION })).toHaveCount(0);
  expect(errors).toEqual([]);
});
