// Mozilla Readability's 130 test pages, read from the shared corpora (never copied into the repository).
// `npm run eval:import` gives the full table against plain Readability; this keeps the floor from slipping.
import { CORPORA_DIR } from '../../encoding/corpus-files';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractFile } from '../../../../../../electron/services/import/formats/registry';
import { loadCases } from '../../../../../../scripts/eval/cases';
import { differsBySiteName, normalizeSpace, scoreText } from '../../../../../../scripts/eval/metric';

const CORPUS = join(CORPORA_DIR, 'readability-test-pages');
if (!existsSync(CORPUS))
  console.log(`corpus.test: skipped, ${CORPUS} is absent (see ../shared/corpora/README.md)`);

describe.skipIf(!existsSync(CORPUS))('Readability test pages', () => {
  it(
    'imports every page, with body F1 ≥ 0.99 on average and titles matching',
    { timeout: 120_000 },
    async () => {
      const cases = loadCases(CORPUS);
      expect(cases.length).toBeGreaterThanOrEqual(130);
      const f1: number[] = [];
      let titles = 0;
      let titlesOrSite = 0;
      const refused: string[] = [];
      for (const c of cases) {
        const [item] = await extractFile(basename(c.sourcePath), new Uint8Array(readFileSync(c.sourcePath)));
        if (!item || 'refusal' in item) {
          refused.push(`${c.name}: ${item && 'refusal' in item ? item.refusal : 'nothing'}`);
          continue;
        }
        const a = item.article;
        // Captions leave the body for their own field; the reference texts keep them (as eval:import scores).
        const text = [...a.paragraphs, ...(a.captions ?? [])].join('\n\n');
        if (c.expectedText !== null) f1.push(scoreText(text, c.expectedText).f1);
        if (normalizeSpace(a.title) === normalizeSpace(c.expected.title)) titles++;
        if (
          normalizeSpace(a.title) === normalizeSpace(c.expected.title) ||
          differsBySiteName(a.title, c.expected.title)
        )
          titlesOrSite++;
        for (const p of a.paragraphs) expect(p).not.toMatch(/\n\n|^\s|\s$/);
      }
      expect(refused).toEqual([]);
      expect(f1.reduce((x, y) => x + y, 0) / f1.length).toBeGreaterThanOrEqual(0.99);
      // The rest differ by design: a site name cut from the title (issue 11 cuts it from metadata titles too,
      // where the references keep it: exact fell from 0.95 to 0.87), or a title made for a page that has none.
      expect(titles / cases.length).toBeGreaterThanOrEqual(0.85);
      expect(titlesOrSite / cases.length).toBeGreaterThanOrEqual(0.95);
    },
  );
});
