// Measurements on the services themselves (no HTTP, no browser): saving one annotation, and full-text search.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, type Workbench } from '../../electron/services/workbench';
import { articleText } from '../../shared/domain/article-text';
import { STANCES } from '../../shared/domain/types';
import { sentenceRanges } from './fixtures';
import { createRng, languageModels, zipfIndex } from './text-gen';

async function open(libDir: string): Promise<Workbench> {
  return openWorkbench({
    libraryDir: libDir,
    version: 'bench',
    ports: { shell: 'host' },
    onInternalError: (m, e) => console.error(`[bench] ${m}`, e),
  });
}

async function call<T>(wb: Workbench, method: string, input: unknown): Promise<T> {
  const r = await wb.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.result as T;
}

const completedBackups = (libDir: string) => {
  try {
    return readdirSync(join(libDir, 'backups')).filter((n) => !n.startsWith('.')).length;
  } catch {
    return 0;
  }
};

export interface SaveBenchResult {
  /** The first saves after opening, while the library copies its index into an "open" backup. */
  first: number[];
  /** Saves once that backup has finished. */
  steady: number[];
  /** How long the open backup ran after the first save (null if none was seen within 2 minutes). */
  backupMs: number | null;
  /** Annotations in the library when it was opened, and after the saves. */
  annotations: number;
  annotationsAfter: number;
}

/**
 * Time `annotations.create` (through the dispatcher, as the UI calls it: validation, quote check, the durable
 * write of the article's annotation file) on random articles of the library, each opened first
 * (articles.get, untimed) as the user would have it open in the reader. The first save of a session also
 * starts a backup of the whole index as it was opened (store.ts): `samples` saves are timed right after
 * opening, then `samples` more once that backup is done.
 */
export async function benchAnnotationSaves(
  libDir: string,
  samples: number,
  opts: { skip?: ReadonlySet<string>; seed?: number } = {},
): Promise<SaveBenchResult> {
  const wb = await open(libDir);
  try {
    const rng = createRng(opts.seed ?? 11);
    const articles = wb.library.listArticles().filter((a) => !opts.skip?.has(a.id));
    const claims = wb.library.listClaims();
    const annotations = wb.library.allAnnotations().length;
    const saveOne = async (i: number): Promise<number> => {
      const meta = articles[Math.floor(rng() * articles.length)]!;
      const article = await call<Parameters<typeof articleText>[0]>(wb, 'articles.get', { id: meta.id });
      const text = articleText(article);
      const ranges = sentenceRanges(text);
      const [start, end] = ranges[Math.floor(rng() * ranges.length)]!;
      const exact = [...text].slice(start, end).join('');
      const input = {
        articleId: meta.id,
        target: { start, end, quote: { exact } },
        claimId: claims[Math.floor(rng() * claims.length)]!.id,
        stance: STANCES[i % STANCES.length],
        speaker: 'Bench',
        tags: ['bench'],
        note: '',
      };
      const t = performance.now();
      await call(wb, 'annotations.create', input);
      return performance.now() - t;
    };
    const before = completedBackups(libDir);
    const backupStarted = performance.now();
    const first: number[] = [];
    for (let i = 0; i < samples; i++) first.push(await saveOne(i));
    let backupMs: number | null = null;
    while (performance.now() - backupStarted < 120_000) {
      if (completedBackups(libDir) > before) {
        backupMs = performance.now() - backupStarted;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const steady: number[] = [];
    for (let i = 0; i < samples; i++) steady.push(await saveOne(samples + i));
    return { first, steady, backupMs, annotations, annotationsAfter: wb.library.allAnnotations().length };
  } finally {
    await wb.close();
  }
}

/**
 * A mix of what people type into the filter box: whole words (common and rare, Italian and English),
 * three- and four-letter prefixes, two-word queries, a typo, and words typed without their accent.
 */
export function searchQueries(n: number, seed = 5): string[] {
  const { it, en } = languageModels();
  const rng = createRng(seed);
  const content = () => {
    const m = rng() < 0.5 ? it : en;
    return m.content[zipfIndex(rng, m.content.length, 20)]!;
  };
  const name = () => it.lexicon[zipfIndex(rng, it.lexicon.length)]!.toLowerCase();
  const word = () => (rng() < 0.6 ? content() : name());
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (r < 0.3) out.push(word());
    else if (r < 0.45) out.push(word().slice(0, 3 + Math.floor(rng() * 2)));
    else if (r < 0.75) out.push(`${word()} ${word()}`);
    else if (r < 0.9) {
      const w = word().padEnd(5, 'a');
      const k = 1 + Math.floor(rng() * (w.length - 2));
      out.push(w.slice(0, k) + w.slice(k + 1)); // one letter dropped
    } else out.push(word().normalize('NFD').replace(/\p{M}/gu, '').toUpperCase());
  }
  return out;
}

export interface SearchBenchResult {
  buildMs: number;
  ms: number[];
  meanHits: number;
}

/** Build the index the way the host does (warm-up at the first list), then time `queries` searches. */
export async function benchSearch(
  libDir: string,
  queries: readonly string[],
  limit: number,
): Promise<SearchBenchResult> {
  const wb = await open(libDir);
  try {
    const t = performance.now();
    await call(wb, 'articles.list', {});
    // The first search waits for the background build: that wait is the build time.
    await call(wb, 'articles.search', { query: 'zzzz', limit });
    const buildMs = performance.now() - t;
    for (const q of queries.slice(0, 30)) await call(wb, 'articles.search', { query: q, limit }); // JIT warm-up
    const ms: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const s = performance.now();
      const r = await call<unknown[]>(wb, 'articles.search', { query: q, limit });
      ms.push(performance.now() - s);
      hits += r.length;
    }
    return { buildMs, ms, meanHits: hits / queries.length };
  } finally {
    await wb.close();
  }
}
