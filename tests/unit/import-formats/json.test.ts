import { scanJson } from '../../../electron/services/import/formats/json-scan';
import { EN, HOSTILE_TIMEOUT, IT, extract, fixture, isArticle, outcomes, refusal, text, utf8 } from './helpers';

describe('JSON: news-please.json (an array of three records)', () => {
  it('imports one article per record, each with its own source text, and refuses the one without text', async () => {
    const file = fixture('news-please.json');
    const items = await extract('news-please.json', file);
    expect(outcomes(items)).toEqual([
      ['news-please.json#1', 'article'],
      ['news-please.json#2', 'article'],
      ['news-please.json#3', 'record 3: no article text'],
    ]);
    const [it1, it2] = items.filter(isArticle);
    const records = JSON.parse(text(file)) as Array<Record<string, unknown>>;
    // Each article's bytes are exactly its record's JSON text in the file.
    expect(text(file)).toContain(text(it1!.bytes));
    expect(JSON.parse(text(it1!.bytes))).toEqual(records[0]);
    expect(JSON.parse(text(it2!.bytes))).toEqual(records[1]);
    expect(it1!.article).toMatchObject({
      title: IT.title,
      url: 'https://www.gazzettadivalmora.it/cronaca/2024/03/12/tram-linea-4',
      outlet: { name: 'gazzettadivalmora.it', domain: 'gazzettadivalmora.it' },
      // "2022-01-07 14:26:00" carries no zone: only the date is certain.
      published: '2024-03-12',
      language: 'it',
      author: 'Giulia Ferri',
      lead: 'Il consiglio comunale approva il progetto definitivo: sei fermate e 3,8 chilometri fino al polo ospedaliero.',
      paragraphs: IT.paragraphs,
    });
    expect(it2!.article).toMatchObject({ title: EN.title, author: 'Ruth Price, Tom Hale', language: 'en', paragraphs: EN.paragraphs, lead: '' });
  });
});

describe('JSON: trafilatura.json (a single object)', () => {
  it('imports the object as the file\'s one article', async () => {
    const items = await extract('trafilatura.json', fixture('trafilatura.json'));
    expect(outcomes(items)).toEqual([['trafilatura.json', 'article']]);
    const [item] = items.filter(isArticle);
    expect(item!.bytes).toEqual(fixture('trafilatura.json'));
    expect(item!.article).toEqual({
      title: EN.title,
      outlet: { name: 'Port Elling Herald', domain: 'portelling-herald.co.uk' },
      url: 'https://www.portelling-herald.co.uk/news/ferry-timetable',
      published: '2024-03-13',
      modified: null,
      language: 'en',
      author: 'Ruth Price, Tom Hale',
      lead: 'The evening ferry will keep running through the winter.',
      paragraphs: EN.paragraphs,
    });
  });
});

describe('JSON Lines: misto.jsonl (newspaper, trafilatura, a blank line, a record without text, news-please)', () => {
  it('labels records by line and keeps each exact line as the original', async () => {
    const file = fixture('misto.jsonl');
    const items = await extract('misto.jsonl', file);
    expect(outcomes(items)).toEqual([
      ['misto.jsonl#1', 'article'],
      ['misto.jsonl#2', 'article'],
      ['misto.jsonl#4', 'record 4: no article text'],
      ['misto.jsonl#5', 'article'],
    ]);
    const lines = text(file).split('\n');
    const articles = items.filter(isArticle);
    expect(articles.map((a) => text(a.bytes))).toEqual([lines[0], lines[1], lines[4]]);
    // newspaper's publish_date has an offset, which is kept.
    expect(articles[0]!.article).toMatchObject({ title: IT.title, published: '2024-03-12T09:30:00+01:00', author: 'Giulia Ferri', language: 'it', paragraphs: IT.paragraphs });
    expect(articles[1]!.article.outlet.name).toBe('Port Elling Herald');
  });

  it('refuses only the bad lines of a JSON Lines file', { timeout: HOSTILE_TIMEOUT }, async () => {
    const good = JSON.stringify({ title: 'Titolo', text: 'Un testo di prova.\nSeconda riga.' });
    const bytes = new Uint8Array([...utf8(`${good}\r\n{"title": "x", "text": }\n`), 0x7b, 0x22, 0xff, 0x22, 0x7d, 0x0a, ...utf8(`${good}\n[1, 2]\n`)]);
    expect(outcomes(await extract('f.ndjson', bytes))).toEqual([
      ['f.ndjson#1', 'article'],
      ['f.ndjson#2', 'record 2: invalid JSON (unexpected character "}" at column 24)'],
      ['f.ndjson#3', 'record 3: not valid UTF-8'],
      ['f.ndjson#4', 'article'],
      ['f.ndjson#5', 'record 5: not an object'],
    ]);
  });

  it('reads JSON Lines saved with a .json extension', async () => {
    const lines = [JSON.stringify({ title: 'Uno', text: 'Primo testo.' }), JSON.stringify({ title: 'Due', text: 'Secondo testo.' })].join('\n');
    expect(outcomes(await extract('export.json', utf8(lines)))).toEqual([
      ['export.json#1', 'article'],
      ['export.json#2', 'article'],
    ]);
  });
});

describe('JSON refusals', () => {
  it('refuses invalid JSON naming the line', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(await refusal('bad.json', utf8('[\n  {"title": "a",\n   "text": }\n]'))).toBe('invalid JSON: unexpected character "}" at line 3, column 12');
    expect(await refusal('bad.json', utf8('{"title": "a", "text": "b"} trailing'))).toBe('invalid JSON: unexpected data after the JSON value at line 1, column 29');
  });

  it('refuses a truncated file', { timeout: HOSTILE_TIMEOUT }, async () => {
    const file = fixture('news-please.json');
    expect(await refusal('cut.json', file.slice(0, 1000))).toMatch(/^invalid JSON: unexpected end of JSON at line \d+, column \d+$/);
  });

  it('refuses invalid UTF-8 naming the line, and NUL bytes', { timeout: HOSTILE_TIMEOUT }, async () => {
    const bytes = new Uint8Array([...utf8('[\n{"title": "caff'), 0xe8, ...utf8('"}\n]')]);
    expect(await refusal('latin1.json', bytes)).toBe('not valid UTF-8 (line 2); JSON files must be UTF-8');
    expect(await refusal('zeros.json', new Uint8Array(64))).toBe('invalid JSON: NUL character at line 1, column 1');
    expect(await refusal('nul.json', utf8('{"title": "a\u0000b"}'))).toBe('invalid JSON: NUL character in a string at line 1, column 13');
  });

  it('refuses deep nesting without overflowing the stack', { timeout: HOSTILE_TIMEOUT }, async () => {
    const deep = utf8(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(outcomes(await extract('deep.json', deep))).toEqual([['deep.json#1', 'record 1: not an object']]);
    expect(await refusal('deeper.json', utf8('['.repeat(200_000)))).toMatch(/^invalid JSON: unexpected end of JSON/);
  });

  it('refuses empty, scalar, binary and oversized input, and records without text or title', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(await refusal('e.json', new Uint8Array(0))).toBe('empty file');
    expect(await refusal('e.json', utf8('  \n'))).toBe('empty file (whitespace only)');
    expect(await refusal('e.json', utf8('[]'))).toBe('no records (an empty JSON array)');
    expect(await refusal('e.json', utf8('"just a string"'))).toBe('not a crawler export (a single JSON value, not an object or array)');
    expect(await refusal('e.json', fixture('giornale.pdf'))).toBe('not a JSON file (PDF document)');
    expect(await refusal('e.json', utf8('{"title": "Solo un titolo"}'))).toBe('no article text in the JSON object');
    expect(await refusal('e.json', utf8('{"text": "Un paragrafo senza titolo, abbastanza lungo da non poterlo diventare."}'))).toBe('no title');
    expect(await refusal('news-please.json', fixture('news-please.json'), { maxFileBytes: 100 })).toMatch(/^larger than/);
  });
});

describe('JSON scanner', () => {
  it('finds the spans of top-level array elements', () => {
    const src = ' [ {"a": [1, {"b": "]"}]} , "x\\"y", 3.5e2, null , [] ] ';
    const { top, elements } = scanJson(src);
    expect(top).toBe('array');
    expect(elements.map(([s, e]) => src.slice(s, e))).toEqual(['{"a": [1, {"b": "]"}]}', '"x\\"y"', '3.5e2', 'null', '[]']);
  });
});
