// Full-text search of the open library with minisearch: title, lead, paragraphs and outlet name.
//
// Matching folds case and diacritics ("citta" finds "città", "Perche" finds "perché"), splits words at
// anything that is not a letter or digit (so "dell'Occidente" and "un’aggressione" index "occidente" and
// "aggressione"), drops a short list of Italian and English function words, and searches every query word
// as a prefix (from 3 letters) and, from 5 letters, with one typo allowed. All words must match (AND). The
// folding is shared/domain/fold.ts, which the renderer's filters use too.
//
// The index is built in the background the first time it is asked for (warm(), which the host triggers
// once the UI has loaded the list, or the first search, which waits for it): texts are read from the
// library in small batches with the event loop free between them, so the host keeps answering. Imports and
// deletions update it as they happen. Besides the inverted index it keeps the first 2 KB of each article's
// lead and paragraphs as UTF-8 bytes (Buffers live outside the JS heap and take half the room of two-byte
// strings): the first match of a search is nearly always there, so a snippet rarely needs a file read; the
// rest of the text (20 MB less for 10,000 articles) is read from the library only for the hits that need it.
import MiniSearch, { type SearchResult } from 'minisearch';
import { fold, foldForMatch } from '../../shared/domain/fold';
import type { LibraryHooks } from './library/library';

export interface SearchDoc {
  id: string;
  title: string;
  lead: string;
  paragraphs: readonly string[];
  outlet: string;
}

/** Where the index reads the library when it builds itself. */
export interface SearchSource {
  /** Every article now in the library. */
  list(): ReadonlyArray<{ id: string; title: string; lead: string; outlet: { name: string } }>;
  /** The stored text of one article (its paragraphs are what the list does not have). */
  readText(id: string): Promise<{ lead: string; paragraphs: readonly string[] }>;
}

export interface SearchHit {
  id: string;
  score: number;
  snippet: string;
}

export interface SearchIndex {
  /** Best matches first, at most `limit`; waits for the index to be built. */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** Index new articles (imports); an id already indexed is replaced. A no-op until warm() was called. */
  add(docs: readonly SearchDoc[]): void;
  /** Forget an article (deletion). */
  remove(id: string): void;
  /** Start building in the background if not started yet; resolves once built. */
  warm(): Promise<void>;
  /** Stop a build in progress (the library is closing); later searches answer nothing. */
  close(): void;
  stats(): { documents: number; terms: number; textBytes: number; built: boolean; buildMs: number | null };
}

export const DEFAULT_SEARCH_LIMIT = 100;
export const MAX_SEARCH_LIMIT = 500;
const SNIPPET_BEFORE = 60;
const SNIPPET_AFTER = 110;
const SNIPPET_HEAD_BYTES = 2048;

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Function words that match nearly every article: indexing them costs memory and finds nothing useful. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `il lo la i gli le un una uno di da in con su per tra fra ed che non del della dello dei degli delle nel nella
  nello nei negli nelle al alla allo ai agli alle sul sulla sullo sui sugli sulle dal dalla dallo dai dagli dalle
  dell nell all dall sull come anche piu si ci ne se sono ha hanno era questo questa quello quella e o ma a
  the an of to on at by for with from and or but that this these those it its is are was were be been has have
  had not as also than then which who`
    .split(/\s+/)
    .filter(Boolean),
);

/** Folded words of a text (the index's and the query's tokenizer: folding the whole text once is cheaper). */
export function tokenize(text: string): string[] {
  return foldForMatch(text).split(WORD_SPLIT);
}

/** A token as indexed and searched (already folded by tokenize): null for single letters and function words. */
export function processTerm(term: string): string | null {
  return term.length < 2 || STOP_WORDS.has(term) ? null : term;
}

interface IndexedDoc {
  id: string;
  title: string;
  /** Lead and paragraphs: one field, so that each matching term walks one posting list per article, not two. */
  text: string;
  outlet: string;
}

/**
 * A minisearch instance, and the set of every term it has indexed: a query word that is a known term is
 * searched exactly and as a prefix, one that is not (a typo, a word cut short) also with one edit allowed.
 * Fuzzy expansion of a common, correctly typed word would add its neighbours' long posting lists for nothing.
 */
function newMiniSearch() {
  const vocabulary = new Set<string>();
  const ms = new MiniSearch<IndexedDoc>({
    fields: ['title', 'text', 'outlet'],
    storeFields: [],
    tokenize,
    processTerm: (term, field) => {
      const t = processTerm(term);
      if (t !== null && field !== undefined) vocabulary.add(t);
      return t;
    },
    searchOptions: {
      processTerm,
      boost: { title: 3, outlet: 2 },
      combineWith: 'AND',
      // The word being typed (the last) is always a prefix; an earlier one only when it is not a whole known
      // word ("gover pres"): a finished word's prefix expansion walks its longer relatives' postings too.
      prefix: (term, i, terms) => term.length >= 3 && (i === terms.length - 1 || !vocabulary.has(term)),
      fuzzy: (term) => (term.length >= 5 && !vocabulary.has(term) ? 1 : false),
      maxFuzzy: 1,
      weights: { prefix: 0.4, fuzzy: 0.3 },
    },
  });
  return ms;
}

const isWordChar = (s: string, i: number) => i >= 0 && i < s.length && WORD_CHAR.test(s[i]!);

/** Characters folded and searched at a time: the first match is usually near the top of an article. */
const MATCH_CHUNK = 1024;

/**
 * Offset of the first whole-word occurrence of any of the (folded) `terms` in `text`, or null. The text is
 * folded a chunk at a time, so a match near the top costs a chunk, not the whole article.
 */
export function firstMatch(text: string, terms: readonly string[]): { at: number; length: number } | null {
  const wanted = terms.filter(Boolean);
  if (wanted.length === 0) return null;
  const longest = Math.max(...wanted.map((t) => t.length));
  for (let from = 0; from < text.length; from += MATCH_CHUNK) {
    // One character of context before the chunk and enough after it to see a whole term and its end.
    const start = Math.max(0, from - 1);
    const win = fold(text.slice(start, Math.min(text.length, from + MATCH_CHUNK + longest + 1)));
    const limit = from + MATCH_CHUNK - start; // matches must begin inside the chunk
    let best: { at: number; length: number } | null = null;
    for (const term of wanted) {
      for (
        let i = win.indexOf(term, from - start);
        i >= 0 && i < limit && (!best || i < best.at);
        i = win.indexOf(term, i + 1)
      ) {
        if (!isWordChar(win, i - 1) && !isWordChar(win, i + term.length)) {
          best = { at: i, length: term.length };
          break;
        }
      }
    }
    if (best) return { at: best.at + start, length: best.length };
  }
  return null;
}

/** About 170 characters of `text` around `at`, cut at spaces, with "…" where it was cut. */
export function snippetAround(text: string, at: number, length: number): string {
  let start = Math.max(0, at - SNIPPET_BEFORE);
  let end = Math.min(text.length, at + length + SNIPPET_AFTER);
  if (start > 0) {
    const sp = text.indexOf(' ', start);
    if (sp >= 0 && sp < at) start = sp + 1;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(' ', end);
    if (sp > at + length) end = sp;
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

const bodyOf = (lead: string, paragraphs: readonly string[]) =>
  [lead, ...paragraphs].filter(Boolean).join('\n').normalize('NFC');

export function createSearchIndex(source: SearchSource, opts: { batchSize?: number } = {}): SearchIndex {
  const batchSize = opts.batchSize ?? 32;
  let ms = newMiniSearch();
  const texts = new Map<string, Buffer>();
  let textBytes = 0;
  /** Ids removed while a build was reading, so it does not put them back. */
  const removed = new Set<string>();
  let building: Promise<void> | null = null;
  let built = false;
  let closed = false;
  let buildMs: number | null = null;

  function put(doc: SearchDoc): void {
    const body = bodyOf(doc.lead, doc.paragraphs);
    if (ms.has(doc.id)) ms.discard(doc.id);
    ms.add({ id: doc.id, title: doc.title, text: body, outlet: doc.outlet });
    const old = texts.get(doc.id);
    if (old) textBytes -= old.byteLength;
    const full = Buffer.from(body, 'utf8');
    // A copy of the head, so the rest of the text is not kept alive through a view of it.
    const buf =
      full.byteLength > SNIPPET_HEAD_BYTES ? Buffer.from(full.subarray(0, SNIPPET_HEAD_BYTES)) : full;
    texts.set(doc.id, buf);
    textBytes += buf.byteLength;
  }

  async function build(): Promise<void> {
    const started = performance.now();
    const metas = source.list();
    for (let i = 0; i < metas.length && !closed; i += batchSize) {
      const chunk = metas.slice(i, i + batchSize);
      const bodies = await Promise.all(chunk.map((m) => source.readText(m.id).catch(() => null)));
      if (closed) return;
      chunk.forEach((m, k) => {
        if (removed.has(m.id) || ms.has(m.id)) return;
        const t = bodies[k];
        // A text that cannot be read still leaves the article findable by title, lead and outlet.
        put({
          id: m.id,
          title: m.title,
          lead: t?.lead ?? m.lead,
          paragraphs: t?.paragraphs ?? [],
          outlet: m.outlet.name,
        });
      });
      // Let queued requests run between batches.
      await new Promise<void>((r) => setImmediate(r));
    }
    removed.clear();
    built = !closed;
    buildMs = performance.now() - started;
  }

  function warm(): Promise<void> {
    building ??= build();
    return building;
  }

  async function snippetFor(r: SearchResult): Promise<string> {
    const id = String(r.id);
    const buf = texts.get(id);
    if (!buf || buf.byteLength === 0) return '';
    if (buf.byteLength < SNIPPET_HEAD_BYTES) {
      const text = buf.toString('utf8');
      const m = firstMatch(text, r.terms);
      return m ? snippetAround(text, m.at, m.length) : snippetAround(text, 0, 0);
    }
    // Only the head is kept. The last characters are dropped, as the cut may fall inside a multi-byte one.
    const head = buf.toString('utf8').slice(0, -2);
    const m = firstMatch(head, r.terms);
    if (m && m.at + m.length + SNIPPET_AFTER + 1 < head.length) return snippetAround(head, m.at, m.length);
    // Only the title or the outlet matched: the opening of the text. Past the head: the whole text.
    if (!m && !Object.values(r.match).some((fields) => fields.includes('text')))
      return snippetAround(head, 0, 0);
    let text: string;
    try {
      const t = await source.readText(id);
      text = bodyOf(t.lead, t.paragraphs);
    } catch {
      return snippetAround(head, 0, 0);
    }
    const whole = firstMatch(text, r.terms);
    return whole ? snippetAround(text, whole.at, whole.length) : snippetAround(text, 0, 0);
  }

  return {
    async search(query, limit = DEFAULT_SEARCH_LIMIT) {
      const q = query.trim();
      if (!q) return [];
      await warm();
      if (closed) return [];
      const results = ms.search(q).slice(0, Math.max(1, Math.min(limit, MAX_SEARCH_LIMIT)));
      const snippets = await Promise.all(results.map(snippetFor));
      return results.map((r, i) => ({
        id: String(r.id),
        score: Math.round(r.score * 1000) / 1000,
        snippet: snippets[i]!,
      }));
    },
    add(docs) {
      // Before the first warm() nothing is indexed: the build will read these from the library anyway,
      // and a CLI import pays nothing for an index it never uses.
      if (closed || !building) return;
      for (const d of docs) {
        removed.delete(d.id);
        put(d);
      }
    },
    remove(id) {
      if (ms.has(id)) ms.discard(id);
      const old = texts.get(id);
      if (old) textBytes -= old.byteLength;
      texts.delete(id);
      if (building && !built) removed.add(id);
    },
    warm,
    close() {
      closed = true;
      ms = newMiniSearch();
      texts.clear();
      textBytes = 0;
    },
    stats: () => ({ documents: ms.documentCount, terms: ms.termCount, textBytes, built, buildMs }),
  };
}

/** The library hooks that keep an index in step with imports and deletions. */
export function searchHooks(index: SearchIndex): LibraryHooks {
  return {
    onArticlesAdded: (added) =>
      index.add(
        added.map(({ meta, paragraphs }) => ({
          id: meta.id,
          title: meta.title,
          lead: meta.lead,
          paragraphs,
          outlet: meta.outlet.name,
        })),
      ),
    onArticleDeleted: (id) => index.remove(id),
  };
}
