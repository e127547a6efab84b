import { describe, expect, it } from 'vitest';
import {
  createRng,
  generateArticle,
  languageModels,
  makeLexicon,
  toScrapeDump,
  zipfIndex,
} from '../../../scripts/bench/text-gen';
import { inParallel, makeClaims, sentenceRanges } from '../../../scripts/bench/fixtures';
import { searchQueries } from '../../../scripts/bench/service-bench';
import { extractArticle } from '../../../electron/services/import/text/text-file-extractor';
import { articleText, sliceCodePoints } from '../../../shared/domain/article-text';

const models = languageModels();

describe('bench data generators', () => {
  it('are deterministic', () => {
    expect(generateArticle(42, models)).toEqual(generateArticle(42, languageModels()));
    expect(makeLexicon(createRng(1), 50)).toEqual(makeLexicon(createRng(1), 50));
    expect(searchQueries(20)).toEqual(searchQueries(20));
    expect(makeClaims(3).map((c) => c.id)).toEqual(['claim00000', 'claim00001', 'claim00002']);
  });

  it('draw Zipf indexes inside the range, the head more often than the tail', () => {
    const rng = createRng(3);
    const counts = new Array(100).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const k = zipfIndex(rng, 100);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(100);
      counts[k]++;
    }
    expect(counts[0]).toBeGreaterThan(counts[10] * 3);
    expect(counts[10]).toBeGreaterThan(counts[90]);
  });

  it('write articles of about 4 KB in Italian or English, with distinct titles', () => {
    const arts = Array.from({ length: 20 }, (_, i) => generateArticle(i, models));
    for (const a of arts) {
      const body = Buffer.byteLength(a.paragraphs.join('\n\n'));
      expect(body).toBeGreaterThan(3900);
      expect(body).toBeLessThan(5200);
    }
    expect(new Set(arts.map((a) => a.title)).size).toBe(20);
    expect(new Set(arts.map((a) => a.lang))).toEqual(new Set(['it', 'en']));
    expect(Buffer.byteLength(generateArticle(1, models, 90_000).paragraphs.join('\n'))).toBeGreaterThan(
      89_000,
    );
  });

  it('make scrape dumps the real importer reads back: title, body, date, outlet', () => {
    for (const i of [0, 1, 2, 3]) {
      const a = generateArticle(i, models);
      const parsed = extractArticle(`${i}.txt`, new TextEncoder().encode(toScrapeDump(a, i)));
      expect(parsed.title).toBe(a.title);
      expect(parsed.paragraphs.join(' ')).toContain(a.paragraphs.at(-1)!);
      expect(parsed.published?.slice(0, 10)).toBe(a.date);
      if (i % 2) expect(parsed.url).toBe(a.url);
      else expect(parsed.outlet.name).toBe('ilfogliettone.it');
    }
  });

  it('finds sentence ranges in code points of the stored text', () => {
    const text = articleText({
      title: 'Città 😀 titolo',
      lead: '',
      paragraphs: ['Prima frase. Seconda, più lunga! Terza?'],
    });
    const got = sentenceRanges(text).map(([s, e]) => sliceCodePoints(text, s, e));
    expect(got).toEqual(['Prima frase.', 'Seconda, più lunga!', 'Terza?']);
  });

  it('runs at most `limit` tasks at once and every index once', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await inParallel(25, 4, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(i);
      running--;
    });
    expect(peak).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });
});
