// Property tests: random bytes, and random damage to every real fixture, through the whole registry. Whatever
// comes in, extractFile must answer (never throw, never hang) with well-formed items: articles with a title
// and text, or refusals with a reason.
import fc from 'fast-check';
import type { ExtractedItem } from '../../../../../electron/services/import/formats/types';
import { extract, fixture } from './helpers';

/** Upper bound for one call on a fixture-sized input; real calls take milliseconds. */
const MAX_CALL_MS = 5_000;

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: Array<[number, number]> }
  | { kind: 'splice'; at: number; remove: number; insert: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    remove: fc.nat({ max: 256 }),
    insert: fc.uint8Array({ maxLength: 256 }),
  }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = bytes.length;
  if (m.kind === 'truncate') return bytes.slice(0, m.at % n);
  if (m.kind === 'flip') {
    const out = bytes.slice();
    for (const [at, mask] of m.flips) out[at % n]! ^= mask;
    return out;
  }
  const at = m.at % n;
  return new Uint8Array([
    ...bytes.subarray(0, at),
    ...m.insert,
    ...bytes.subarray(Math.min(n, at + m.remove)),
  ]);
}

function checkItems(label: string, items: ExtractedItem[]): void {
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    expect(item.label.startsWith(label)).toBe(true);
    if ('refusal' in item) {
      expect(typeof item.refusal).toBe('string');
      expect(item.refusal.trim()).not.toBe('');
      continue;
    }
    const { article, bytes } = item;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(article.title.trim()).not.toBe('');
    expect(article.paragraphs.length).toBeGreaterThan(0);
    for (const p of article.paragraphs) expect(typeof p === 'string' && p.trim() !== '').toBe(true);
    if (article.pages) expect(article.pages).toHaveLength(article.paragraphs.length);
  }
}

async function timedExtract(label: string, bytes: Uint8Array): Promise<ExtractedItem[]> {
  const started = performance.now();
  const items = await extract(label, bytes);
  expect(performance.now() - started).toBeLessThan(MAX_CALL_MS);
  return items;
}

const FIXTURES: Array<[string, number]> = [
  ['giornale.pdf', 100],
  ['articolo-libreoffice.pdf', 60],
  ['articolo.docx', 100],
  ['articolo.odt', 100],
  ['newsletter.eml', 100],
  ['solo-html.eml', 60],
  ['news-please.json', 100],
  ['misto.jsonl', 60],
  ['articoli.zip', 100],
  ['cifrato.zip', 40],
  ['articolo.rtf', 10],
];

describe('fuzz: damaged fixtures through extractFile', () => {
  for (const [name, runs] of FIXTURES) {
    it(`${name}: ${runs} random truncations, byte flips and splices`, { timeout: 60_000 }, async () => {
      const original = fixture(name);
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          checkItems(name, await timedExtract(name, mutate(original, m)));
        }),
        { numRuns: runs },
      );
    });
  }
});

describe('fuzz: random bytes under every extension', () => {
  for (const ext of ['.pdf', '.docx', '.odt', '.rtf', '.eml', '.json', '.jsonl', '.zip']) {
    it(`random bytes as ${ext}`, { timeout: 60_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
          checkItems(`random${ext}`, await timedExtract(`random${ext}`, bytes));
        }),
        { numRuns: 40 },
      );
    });
  }

  it("random bytes behind each format's signature", { timeout: 60_000 }, async () => {
    const heads: Array<[string, string]> = [
      ['x.pdf', '%PDF-1.7\n'],
      ['x.zip', 'PK\x03\x04'],
      ['x.docx', 'PK\x03\x04'],
      ['x.eml', 'From: a@b.it\r\nSubject: s\r\n\r\n'],
      ['x.json', '[{"text": "'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...heads),
        fc.uint8Array({ maxLength: 2048 }),
        async ([label, head], tail) => {
          const bytes = new Uint8Array([...Array.from(head, (c) => c.charCodeAt(0)), ...tail]);
          checkItems(label, await timedExtract(label, bytes));
        },
      ),
      { numRuns: 100 },
    );
  });
});
