import { scanJson } from '../../../../../electron/services/import/formats/json-scan';
import {
  EN,
  HOSTILE_TIMEOUT,
  IT,
  extract,
  fixture,
  isArticle,
  outcomes,
  refusal,
  text,
  utf8,
} from './helpers';

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
    expect(it2!.article).toMatchObject({
      title: EN.title,
      author: 'Ruth Price, Tom Hale',
      language: 'en',
      paragraphs: EN.paragraphs,
      lead: '',
    });
  });
});

describe('JSON: trafilatura.json (a single object)', () => {
  it("imports the object as the file's one article", async () => {
    const items = await extract('trafilatura.json', fixture('trafilatura.json'));
    expect(outcomes(items)).toEqual([['trafilatura.json', 'article']]);
    const [item] = items.filter(isArticle);
    expect(item!.bytes).toEqual(fixture('trafilatura.json'));
    expect(item!.article).toEqual({
      title: EN.title,
      outlet: { name: 'Port Elling Herald', domain: 'portelling-herald.co.uk' },
      url: 'https://www.portelling-herald.co.uk/news/ferry-timetable',
      published: '2024-03-13',
      publishedFrom: 'meta',
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
    expect(articles[0]!.article).toMatchObject({
      title: IT.title,
      published: '2024-03-12T09:30:00+01:00',
      author: 'Giulia Ferri',
      language: 'it',
      paragraphs: IT.paragraphs,
    });
    expect(articles[1]!.article.outlet.name).toBe('Port Elling Herald');
  });

  it('refuses only the bad lines of a JSON Lines file', { timeout: HOSTILE_TIMEOUT }, async () => {
    const good = JSON.stringify({ title: 'Titolo', text: 'Un testo di prova.\nSeconda riga.' });
    const bytes = new Uint8Array([
      ...utf8(`${good}\r\n{"title": "x", "text": }\n`),
      0x7b,
      0x22,
      0xff,
      0x22,
      0x7d,
      0x0a,
      ...utf8(`${good}\n[1, 2]\n`),
    ]);
    expect(outcomes(await extract('f.ndjson', bytes))).toEqual([
      ['f.ndjson#1', 'article'],
      ['f.ndjson#2', 'record 2: invalid JSON (unexpected character "}" at column 24)'],
      ['f.ndjson#3', 'record 3: not valid UTF-8'],
      ['f.ndjson#4', 'article'],
      ['f.ndjson#5', 'record 5: not an object'],
    ]);
  });

  it('reads JSON Lines saved with a .json extension', async () => {
    const lines = [
      JSON.stringify({ title: 'Uno', text: 'Primo testo.' }),
      JSON.stringify({ title: 'Due', text: 'Secondo testo.' }),
    ].join('\n');
    expect(outcomes(await extract('export.json', utf8(lines)))).toEqual([
      ['export.json#1', 'article'],
      ['export.json#2', 'article'],
    ]);
  });
});

describe('JSON Lines: a file with no article that is plainly not JSON Lines is refused once', () => {
  /** Deterministic "random" bytes (a 32-bit LCG): binary data under a .jsonl name. */
  function noise(length: number, seed: number): Uint8Array {
    const out = new Uint8Array(length);
    let x = seed;
    for (let i = 0; i < length; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      out[i] = x >>> 24;
    }
    return out;
  }
  const good = JSON.stringify({ title: 'Titolo', text: 'Un testo di prova.\nSeconda riga.' });

  it(
    'refuses random binary once, counting the lines that are not UTF-8',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      for (const seed of [1, 2, 3, 42, 20260404]) {
        const bytes = noise(16_384, seed);
        const lines = bytes.filter((b) => b === 0x0a).length + 1;
        expect(lines).toBeGreaterThan(30);
        // Before, one "record N: not valid UTF-8" per line break.
        expect(await refusal('x.jsonl', bytes)).toMatch(
          /^not a JSON Lines file: \d+ of \d+ lines are not valid UTF-8 \(binary data\?\)$/,
        );
      }
      expect(await refusal('x.ndjson', noise(300, 7))).toMatch(
        /^not a JSON Lines file: \d+ of \d+ lines are not valid UTF-8 \(binary data\?\)$/,
      );
    },
  );

  it(
    'refuses a file with NUL bytes once, even when it is valid UTF-8',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      expect(await refusal('zeros.jsonl', new Uint8Array(64))).toBe(
        'not a JSON Lines file: a NUL byte at offset 0 (binary data?)',
      );
      const nul = utf8('{"id": 1}\n[2]\nab\u0000cd\n{"id": 3}\n');
      expect(await refusal('nul.jsonl', nul)).toBe(
        'not a JSON Lines file: a NUL byte at offset 16 (binary data?)',
      );
    },
  );

  it(
    'refuses text in a legacy encoding once, saying JSON Lines must be UTF-8',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const latin1 = new Uint8Array([
        ...utf8('{"title": "Caff'),
        0xe8,
        ...utf8('", "text": "Testo."}\n{"title": "Citt'),
        0xe0,
        ...utf8('"}\n'),
      ]);
      expect(await refusal('latin1.jsonl', latin1)).toBe(
        '2 of 2 lines are not valid UTF-8 (the first, line 1); JSON Lines files must be UTF-8',
      );
    },
  );

  it(
    'refuses UTF-8 text in which no line is JSON once, naming the first bad line',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const prose = utf8(`${IT.title}\n\n${IT.paragraphs.join('\n')}\n`);
      expect(await refusal('prose.jsonl', prose)).toBe(
        `no line is a JSON record: none of its ${IT.paragraphs.length + 1} lines is valid JSON (line 1: unexpected character "${IT.title[0]}" at column 1)`,
      );
      expect(await refusal('one.jsonl', utf8('{"title": "x", "text": }\n'))).toBe(
        'no line is a JSON record: its only line is not valid JSON (line 1: unexpected character "}" at column 24)',
      );
      const mixed = new Uint8Array([
        ...utf8('plain text\nmore text\n'),
        0xff,
        0xfe,
        0x0a,
        ...utf8('{"title": "cut'),
      ]);
      expect(await refusal('mixed.jsonl', mixed)).toBe(
        'no line is a JSON record: 3 of 4 lines are not valid JSON, 1 not valid UTF-8 (line 1: unexpected character "p" at column 1)',
      );
      // A line of prose that happens to be a bare JSON value ("2024") is no record either.
      expect(await refusal('year.jsonl', utf8('Cronaca\n2024\nIl tram arriva in centro.\n'))).toBe(
        'no line is a JSON record: 2 of 3 lines are not valid JSON, 1 a bare JSON value (line 1: unexpected character "C" at column 1)',
      );
    },
  );

  it(
    'keeps the line-by-line report for an export with good records among bad lines',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      // Garbage lines, even most of them, do not hide a real record: each bad line is refused by its number.
      const garbage = (seed: number) => [...noise(40, seed).filter((b) => b !== 0x0a), 0x0a];
      const bytes = new Uint8Array([
        ...garbage(9),
        ...utf8(`${good}\n`),
        ...garbage(10),
        0xff,
        0x0a,
        ...utf8(`${good}\nnot json\n`),
      ]);
      expect(outcomes(await extract('mostly-bad.jsonl', bytes))).toEqual([
        ['mostly-bad.jsonl#1', 'record 1: not valid UTF-8'],
        ['mostly-bad.jsonl#2', 'article'],
        ['mostly-bad.jsonl#3', 'record 3: not valid UTF-8'],
        ['mostly-bad.jsonl#4', 'record 4: not valid UTF-8'],
        ['mostly-bad.jsonl#5', 'article'],
        ['mostly-bad.jsonl#6', 'record 6: invalid JSON (unexpected character "n" at column 1)'],
      ]);
    },
  );

  it('keeps the line-by-line report for JSON records that merely have no article text', async () => {
    const bytes = utf8(
      `${JSON.stringify({ id: 1, tags: ['a'] })}\n${JSON.stringify({ title: 'Solo un titolo' })}\n[1, 2]\n`,
    );
    expect(outcomes(await extract('meta.jsonl', bytes))).toEqual([
      ['meta.jsonl#1', 'record 1: no article text'],
      ['meta.jsonl#2', 'record 2: no article text'],
      ['meta.jsonl#3', 'record 3: not an object'],
    ]);
    expect(outcomes(await extract('values.jsonl', utf8('42\n"just a string"\n')))).toEqual([
      ['values.jsonl#1', 'record 1: not an object'],
      ['values.jsonl#2', 'record 2: not an object'],
    ]);
  });
});

describe('JSON refusals', () => {
  it('refuses invalid JSON naming the line', { timeout: HOSTILE_TIMEOUT }, async () => {
    expect(await refusal('bad.json', utf8('[\n  {"title": "a",\n   "text": }\n]'))).toBe(
      'invalid JSON: unexpected character "}" at line 3, column 12',
    );
    expect(await refusal('bad.json', utf8('{"title": "a", "text": "b"} trailing'))).toBe(
      'invalid JSON: unexpected data after the JSON value at line 1, column 29',
    );
  });

  it('refuses a truncated file', { timeout: HOSTILE_TIMEOUT }, async () => {
    const file = fixture('news-please.json');
    expect(await refusal('cut.json', file.slice(0, 1000))).toMatch(
      /^invalid JSON: unexpected end of JSON at line \d+, column \d+$/,
    );
  });

  it('refuses invalid UTF-8 naming the line, and NUL bytes', { timeout: HOSTILE_TIMEOUT }, async () => {
    const bytes = new Uint8Array([...utf8('[\n{"title": "caff'), 0xe8, ...utf8('"}\n]')]);
    expect(await refusal('latin1.json', bytes)).toBe('not valid UTF-8 (line 2); JSON files must be UTF-8');
    expect(await refusal('zeros.json', new Uint8Array(64))).toBe(
      'invalid JSON: NUL character at line 1, column 1',
    );
    expect(await refusal('nul.json', utf8('{"title": "a\u0000b"}'))).toBe(
      'invalid JSON: NUL character in a string at line 1, column 13',
    );
  });

  it('refuses deep nesting without overflowing the stack', { timeout: HOSTILE_TIMEOUT }, async () => {
    const deep = utf8(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(outcomes(await extract('deep.json', deep))).toEqual([['deep.json#1', 'record 1: not an object']]);
    expect(await refusal('deeper.json', utf8('['.repeat(200_000)))).toMatch(
      /^invalid JSON: unexpected end of JSON/,
    );
  });

  it(
    'refuses empty, scalar, binary and oversized input, and records without text or title',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      expect(await refusal('e.json', new Uint8Array(0))).toBe('empty file');
      expect(await refusal('e.json', utf8('  \n'))).toBe('empty file (whitespace only)');
      expect(await refusal('e.json', utf8('[]'))).toBe('no records (an empty JSON array)');
      expect(await refusal('e.json', utf8('"just a string"'))).toBe(
        'not a crawler export (a single JSON value, not an object or array)',
      );
      expect(await refusal('e.json', fixture('giornale.pdf'))).toBe('not a JSON file (PDF document)');
      expect(await refusal('e.json', utf8('{"title": "Solo un titolo"}'))).toBe(
        'no article text in the JSON object',
      );
      expect(
        await refusal(
          'e.json',
          utf8('{"text": "Un paragrafo senza titolo, abbastanza lungo da non poterlo diventare."}'),
        ),
      ).toBe('no title');
      expect(await refusal('news-please.json', fixture('news-please.json'), { maxBytes: 100 })).toMatch(
        /^larger than/,
      );
    },
  );
});

describe('JSON scanner', () => {
  it('finds the spans of top-level array elements', () => {
    const src = ' [ {"a": [1, {"b": "]"}]} , "x\\"y", 3.5e2, null , [] ] ';
    const { top, elements } = scanJson(src);
    expect(top).toBe('array');
    expect(elements.map(([s, e]) => src.slice(s, e))).toEqual([
      '{"a": [1, {"b": "]"}]}',
      '"x\\"y"',
      '3.5e2',
      'null',
      '[]',
    ]);
  });
});
