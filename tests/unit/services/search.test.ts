import { afterEach, describe, expect, it } from 'vitest';
import {
  createSearchIndex,
  firstMatch,
  snippetAround,
  tokenize,
  type SearchDoc,
  type SearchSource,
} from '../../../electron/services/search';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { FOGLIETTONE, SPUTNIK, fixture, tempDir } from '../../helpers/temp-library';

const doc = (
  id: string,
  title: string,
  paragraphs: string[],
  lead = '',
  outlet = 'Example News',
): SearchDoc => ({ id, title, lead, paragraphs, outlet });

/** A source over in-memory docs; `reads` counts text reads, `gate` can hold them. */
function memorySource(docs: SearchDoc[]) {
  const state = { reads: 0, gate: Promise.resolve() };
  const source: SearchSource = {
    list: () => docs.map((d) => ({ id: d.id, title: d.title, lead: d.lead, outlet: { name: d.outlet } })),
    readText: async (id) => {
      state.reads++;
      await state.gate;
      const d = docs.find((x) => x.id === id);
      if (!d) throw new Error(`no ${id}`);
      return { lead: d.lead, paragraphs: d.paragraphs };
    },
  };
  return { source, state };
}

const DOCS = [
  doc('roma', 'Il sindaco parla alla città', [
    'La città di Roma ha approvato il bilancio. Il consiglio comunale si è riunito ieri sera.',
  ]),
  doc(
    'milano',
    'Bilancio regionale',
    ['A Milano il governo regionale discute le tasse; la città attende.'],
    'Perché il bilancio è in ritardo',
  ),
  doc(
    'kaz',
    'Kazakistan, giro di telefonate tra Putin e Tokayev',
    ['Il presidente russo ha parlato con il presidente del Kazakistan Tokayev.'],
    '',
    'Sputnik Italia',
  ),
  doc(
    'en',
    'Government approves the budget',
    ['The government of the country approved the budget after a long debate in parliament.'],
    '',
    'Reuters',
  ),
  doc(
    'gov2',
    'Protests in the capital',
    ['Protesters gathered outside; the government said nothing. Later the government spokesman spoke.'],
    '',
    'BBC',
  ),
];

async function indexOf(docs: SearchDoc[]) {
  const { source } = memorySource(docs);
  const index = createSearchIndex(source);
  await index.warm();
  return index;
}

describe('search index: matching', () => {
  it('folds case and diacritics in both directions', async () => {
    const index = await indexOf(DOCS);
    const ids = async (q: string) => (await index.search(q)).map((h) => h.id).sort();
    expect(await ids('citta')).toEqual(['milano', 'roma']);
    expect(await ids('CITTÀ')).toEqual(['milano', 'roma']);
    expect(await ids('perche')).toEqual(['milano']);
  });

  it('matches word prefixes from three letters and tolerates one typo in longer words', async () => {
    const index = await indexOf(DOCS);
    expect((await index.search('kazak')).map((h) => h.id)).toEqual(['kaz']);
    expect((await index.search('Tokay')).map((h) => h.id)).toEqual(['kaz']);
    expect((await index.search('tokaev')).map((h) => h.id)).toEqual(['kaz']); // one letter missing
    expect((await index.search('governmemt')).map((h) => h.id).sort()).toEqual(['en', 'gov2']);
  });

  it('requires every word of the query', async () => {
    const index = await indexOf(DOCS);
    expect((await index.search('bilancio milano')).map((h) => h.id)).toEqual(['milano']);
    expect(await index.search('bilancio reuters')).toEqual([]);
  });

  it('finds outlet names and splits words at apostrophes', async () => {
    const index = await indexOf([
      ...DOCS,
      doc('ap', 'Titolo', ["L'Occidente e l’aggressione dell'esercito."]),
    ]);
    expect((await index.search('sputnik')).map((h) => h.id)).toEqual(['kaz']);
    expect((await index.search('occidente')).map((h) => h.id)).toEqual(['ap']);
    expect((await index.search('aggressione esercito')).map((h) => h.id)).toEqual(['ap']);
  });

  it('ranks a title match above a body match, and more matches above fewer', async () => {
    const index = await indexOf(DOCS);
    const hits = await index.search('government');
    expect(hits.map((h) => h.id)).toEqual(['en', 'gov2']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    const bodyOnly = await indexOf([
      doc('once', 'A', ['The harbour was quiet. Nothing else.']),
      doc('twice', 'B', ['The harbour, the harbour again.']),
    ]);
    expect((await bodyOnly.search('harbour')).map((h) => h.id)).toEqual(['twice', 'once']);
  });

  it('answers nothing for function words alone and respects the limit', async () => {
    const index = await indexOf(DOCS);
    expect(await index.search('the')).toEqual([]);
    expect(await index.search('   ')).toEqual([]);
    expect(await index.search('gov', 1)).toHaveLength(1);
  });
});

describe('search index: snippets', () => {
  it('cuts a snippet around the first match in the body, keeping the original accents', async () => {
    const long = `${'Parole di contorno senza interesse. '.repeat(6)}Poi la Città Eterna si svegliò. ${'Altre parole in coda. '.repeat(8)}`;
    const index = await indexOf([doc('x', 'Un titolo', [long])]);
    const [hit] = await index.search('citta');
    expect(hit!.snippet).toContain('Città Eterna');
    expect(hit!.snippet.startsWith('…')).toBe(true);
    expect(hit!.snippet.endsWith('…')).toBe(true);
    expect(hit!.snippet.length).toBeLessThan(200);
  });

  it('finds the first match in long texts, near the top or far down', async () => {
    const filler = (n: number) => 'Parole qualunque senza interesse. '.repeat(n);
    const index = await indexOf([
      doc('top', 'A', [`${filler(2)}La Città vicina. ${filler(200)}`]),
      doc('deep', 'B', [`${filler(150)}La Città lontana. ${filler(3)}`]),
      doc('edge', 'C', [`${filler(58)}xx La Città sul bordo. ${filler(100)}`]),
    ]);
    const hits = new Map((await index.search('citta')).map((h) => [h.id, h.snippet]));
    expect(hits.get('top')).toContain('La Città vicina.');
    expect(hits.get('deep')).toContain('La Città lontana.');
    expect(hits.get('edge')).toContain('La Città sul bordo.');
    for (const s of hits.values()) expect(s).not.toContain('\ufffd');
  });

  it('reads the whole text only for hits whose match lies past the head it keeps', async () => {
    const filler = (n: number) => 'Parole qualunque senza interesse. '.repeat(n);
    const docs = [
      doc('deep', 'Zebra', [`${filler(150)}La Città lontana. ${filler(3)}`]),
      doc('title', 'Città in the title', [filler(150)]),
    ];
    const { source, state } = memorySource(docs);
    const index = createSearchIndex(source);
    await index.warm();
    const before = state.reads;
    const hits = new Map((await index.search('citta')).map((h) => [h.id, h.snippet]));
    expect(hits.get('deep')).toContain('La Città lontana.');
    expect(hits.get('title')).toMatch(/^Parole qualunque/);
    expect(state.reads - before).toBe(1);
    expect((await index.search('zebra'))[0]!.snippet).toMatch(/^Parole qualunque/);
    expect(state.reads - before).toBe(1);
  });

  it('uses the opening of the text when only the title or outlet matched', async () => {
    const index = await indexOf([doc('t', 'Zanzibar news', ['Nothing about that island here.'])]);
    expect((await index.search('zanzibar'))[0]!.snippet).toBe('Nothing about that island here.');
  });

  it('helpers: tokenize folds, firstMatch finds whole words only', () => {
    // fold itself is tested in tests/unit/shared/domain/fold.test.ts.
    expect(tokenize("Dell'Unione, città-stato")).toEqual(['dell', 'unione', 'citta', 'stato']);
    expect(firstMatch('La Cittadella e la Città', ['citta'])).toEqual({ at: 19, length: 5 });
    expect(firstMatch('nothing here', ['citta'])).toBeNull();
    // Folded a chunk at a time: matches across a chunk boundary, and whole words only at its edges.
    for (const pad of [1015, 1020, 1023, 1024, 1025, 3000]) {
      const text = `${'x'.repeat(pad)} Città ${'y'.repeat(50)}`;
      expect(firstMatch(text, ['citta'])).toEqual({ at: pad + 1, length: 5 });
      expect(firstMatch(`${'x'.repeat(pad)}città`, ['citta'])).toBeNull();
    }
    expect(firstMatch('beta alpha alphabet', ['alphabet', 'alpha'])).toEqual({ at: 5, length: 5 });
    expect(snippetAround('short text', 0, 5)).toBe('short text');
  });
});

describe('search index: keeping up with the library', () => {
  it('indexes additions and forgets deletions once warm, and ignores additions before', async () => {
    const docs = DOCS.slice(0, 2);
    const { source, state } = memorySource(docs);
    const index = createSearchIndex(source);
    index.add([doc('early', 'Zebra crossing', ['stripes'])]); // not warm: the build reads the library instead
    expect(await index.search('zebra')).toEqual([]);
    expect(state.reads).toBe(2);
    index.add([doc('late', 'Zebra crossing', ['stripes'])]);
    expect((await index.search('zebra')).map((h) => h.id)).toEqual(['late']);
    index.remove('roma');
    expect((await index.search('roma')).map((h) => h.id)).toEqual([]);
    index.add([doc('late', 'Giraffe', ['necks'])]); // same id again: replaced
    expect(await index.search('zebra')).toEqual([]);
    expect((await index.search('giraffe')).map((h) => h.id)).toEqual(['late']);
    expect(index.stats()).toMatchObject({ documents: 2, built: true });
  });

  it('does not put back an article deleted while the build was reading', async () => {
    const { source, state } = memorySource(DOCS);
    let release!: () => void;
    state.gate = new Promise((r) => (release = r));
    const index = createSearchIndex(source, { batchSize: 2 });
    const built = index.warm();
    await new Promise((r) => setTimeout(r, 0));
    index.remove('kaz');
    release();
    await built;
    expect(await index.search('tokayev')).toEqual([]);
    expect(index.stats().documents).toBe(DOCS.length - 1);
  });

  it('still finds an article by title when its text cannot be read', async () => {
    const { source } = memorySource(DOCS);
    const index = createSearchIndex({ ...source, readText: async () => Promise.reject(new Error('gone')) });
    expect((await index.search('tokayev')).map((h) => h.id)).toEqual(['kaz']);
  });
});

describe('articles.search through the workbench', () => {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let wb: Workbench | undefined;
  afterEach(async () => {
    await wb?.close();
    tmp?.cleanup();
  });

  it('searches imported articles, validates input and forgets deleted ones', async () => {
    tmp = tempDir();
    wb = await openWorkbench({
      libraryDir: tmp.dir,
      version: 'test',
      ports: { shell: 'host' },
      onInternalError: () => {},
    });
    const report = await wb.importer.importFiles([fixture(SPUTNIK)]);
    const sputnikId = report.results[0]!.articleId!;
    const list = await wb.dispatch('articles.list', {});
    expect(list.ok).toBe(true);
    // Imported after the index warmed up: the hook adds it.
    const foglio = (await wb.importer.importFiles([fixture(FOGLIETTONE)])).results[0]!.articleId!;

    const r = await wb.dispatch('articles.search', { query: 'annientamento', limit: 5 });
    expect(r).toMatchObject({
      ok: true,
      result: [{ id: sputnikId, snippet: expect.stringContaining('annientamento') }],
    });
    const casco = await wb.dispatch('articles.search', { query: 'casco blu' });
    expect(casco).toMatchObject({ ok: true, result: [{ id: foglio }] });

    expect((await wb.dispatch('articles.search', { query: '' })).ok).toBe(false);
    expect((await wb.dispatch('articles.search', { query: 'x'.repeat(201) })).ok).toBe(false);
    expect((await wb.dispatch('articles.search', { query: 'putin', limit: 501 })).ok).toBe(false);

    await wb.library.deleteArticle(foglio);
    expect(await wb.dispatch('articles.search', { query: 'casco blu' })).toEqual({ ok: true, result: [] });
  });
});
