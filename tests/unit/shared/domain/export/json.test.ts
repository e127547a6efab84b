import { toJson } from '../../../../../shared/domain/export/json';
import { makeSnapshot } from './fixture';

describe('toJson', () => {
  it('round-trips to the same snapshot', () => {
    const snap = makeSnapshot();
    expect(JSON.parse(toJson(snap))).toEqual(snap);
  });

  it('is pretty-printed with 2 spaces', () => {
    const text = toJson(makeSnapshot());
    expect(
      text.startsWith(
        '{\n  "schemaVersion": 1,\n  "exportedAt": "2024-03-05T16:45:12.000Z",\n  "articles": [\n    {\n      "id": ',
      ),
    ).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes keys in the order of the types, whatever order the objects were built in', () => {
    const snap = makeSnapshot();
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const scrambled = {
      annotations: snap.annotations.map((a) =>
        reversed({ ...a, quote: reversed(a.quote), position: reversed(a.position) }),
      ),
      claims: snap.claims.map(reversed),
      articles: snap.articles.map((a) => reversed({ ...a, outlet: reversed(a.outlet) })),
      exportedAt: snap.exportedAt,
      schemaVersion: snap.schemaVersion,
    } as unknown as typeof snap;
    expect(toJson(scrambled)).toBe(toJson(snap));
    const parsed = JSON.parse(toJson(snap));
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'exportedAt', 'articles', 'claims', 'annotations']);
    expect(Object.keys(parsed.annotations[0])).toEqual([
      'id',
      'articleId',
      'claimId',
      'quote',
      'position',
      'stance',
      'speaker',
      'tags',
      'note',
      'createdAt',
      'updatedAt',
    ]);
    expect(Object.keys(parsed.annotations[0].quote)).toEqual(['type', 'exact', 'prefix', 'suffix']);
    expect(Object.keys(parsed.claims[0])).toEqual([
      'id',
      'text',
      'speaker',
      'note',
      'createdAt',
      'updatedAt',
    ]);
    expect(Object.keys(parsed.articles[0])).toEqual([
      'id',
      'fileName',
      'sha256',
      'importedAt',
      'title',
      'outlet',
      'url',
      'published',
      'modified',
      'language',
      'author',
      'lead',
      'wordCount',
      'size',
      'paragraphs',
    ]);
  });
});
