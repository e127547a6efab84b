// The articles store: the index (articles.json: metadata and the outlets seen), each article's extracted
// text and its original bytes. Imports add a batch with one index write; deletes, outlet renames and
// re-extractions change one entry. Observers (the full-text index) hear of additions and deletions once
// the change is on disk.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleMeta, Outlet, ParsedArticle } from '../../../shared/domain/types';
import type { OutletNames } from '../../../shared/domain/outlet-registry';
import { ServiceError } from '../../../shared/api/dispatcher';
import { outletKey } from '../import/text/outlet-clues';
import { extractedMeta } from './article-meta';
import { outletRenames, outletsOf } from './outlet-renames';
import { reextractArticle, type Extract, type ReextractResult } from './reextract';
import { storedTextOf, type LibraryStore, type StoredText } from './store';

/** Observers of article additions and deletions (the full-text index), called after the change is on disk. */
export interface LibraryHooks {
  onArticlesAdded?(added: ReadonlyArray<{ meta: ArticleMeta; paragraphs: readonly string[] }>): void;
  onArticleDeleted?(id: string): void;
}

/** One parsed article of an import batch, with the hashes the importer judged duplicates by. */
export interface NewArticle {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  textSha256: string;
  parsed: ParsedArticle;
  nearDuplicateGroup?: string;
}

export type DuplicateFinder = (sha: string, textSha: string, outlet: Outlet) => ArticleMeta | undefined;

/** Articles whose files are written at the same time during an import. */
const WRITE_CONCURRENCY = 8;

/** Wait for every promise, then throw the first failure (Promise.all would leave the others running). */
async function settleAll(promises: ReadonlyArray<Promise<void>>): Promise<void> {
  const failed = (await Promise.allSettled(promises)).find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

export interface ArticlesDeps {
  /** The folder; re-extraction also rewrites the article's annotations (reextract.ts). */
  store: LibraryStore;
  now: () => Date;
  hooks: LibraryHooks;
}

export function createArticles({ store, now, hooks }: ArticlesDeps) {
  const stamp = () => now().toISOString();
  const articles = () => store.articles.data.articles;
  const textCache = new Map<string, StoredText>();

  function findArticle(id: string): ArticleMeta {
    const a = articles().find((x) => x.id === id);
    if (!a) throw new ServiceError('not_found', `No article with id ${id}`);
    return a;
  }
  /** The stored text, through a small cache (the reader and annotation checks read the same few texts). */
  async function textOf(id: string): Promise<StoredText> {
    let t = textCache.get(id);
    if (!t) {
      t = await store.readArticleText(id);
      if (textCache.size > 200) textCache.clear();
      textCache.set(id, t);
    }
    return t;
  }

  return {
    findArticle,
    textOf,
    /** The stored text, read from disk without the cache (whole-library passes: search, signatures, exports). */
    readText: (id: string): Promise<StoredText> => store.readArticleText(id),
    /** The index entries, in import order; the caller must not change them. */
    articleMetas: (): readonly ArticleMeta[] => articles(),
    /** The index entry of an article, if there is one. */
    articleMeta: (id: string): ArticleMeta | undefined => articles().find((a) => a.id === id),

    /**
     * A finder of the articles stored now: for a file, the article with the same original bytes, or else the
     * same extracted text from the same outlet. The same text from another outlet (a wire story republished
     * word for word) is another source, not a duplicate: the importer stores it as a near duplicate. Built
     * once per import batch (one pass over the index instead of two per file); a batch's own articles are
     * not in it, the importer checks those itself.
     */
    duplicateFinder(): DuplicateFinder {
      const bySha = new Map<string, ArticleMeta>();
      const byText = new Map<string, ArticleMeta>();
      const list = articles();
      for (const a of list) {
        if (!bySha.has(a.sha256)) bySha.set(a.sha256, a);
        const key = `${a.textSha256} ${outletKey(a.outlet)}`;
        if (!byText.has(key)) byText.set(key, a);
      }
      // An article deleted while the batch runs is no longer a reason to refuse its file. A deletion replaces
      // the index's array (imports only append to it), so the scan is needed only after one.
      const stored = (a: ArticleMeta | undefined) =>
        a && (articles() === list || articles().includes(a)) ? a : undefined;
      return (sha, textSha, outlet) =>
        stored(bySha.get(sha)) ?? stored(byText.get(`${textSha} ${outletKey(outlet)}`));
    },

    /**
     * Store a batch of parsed articles with one index write at the end, all or nothing: if any file or the
     * index write fails, the index (in memory and on disk) stays as it was and the folders this batch
     * created are removed. `groups` sets the near-duplicate group of articles already in the library.
     * Returns one entry per item, in order.
     */
    async addArticles(
      items: readonly NewArticle[],
      groups: ReadonlyMap<string, string> = new Map(),
    ): Promise<ArticleMeta[]> {
      const added: ArticleMeta[] = [];
      const created: string[] = [];
      const writes: Array<Promise<void>> = [];
      const regrouped: Array<[ArticleMeta, string | undefined]> = [];
      const data = store.articles.data;
      const outletCount = data.outlets.length;
      try {
        for (const { fileName, bytes, sha256, textSha256, parsed, nearDuplicateGroup } of items) {
          // The id comes from the content hash, so the same bytes always map to the same article.
          const id = sha256.slice(0, 16);
          const text = storedTextOf(parsed);
          // A folder left by an interrupted import of the same bytes is reused (same id, same content).
          if (!existsSync(join(store.dir, 'articles', id))) created.push(id);
          // A few articles are written at once, so that their file creations and fsyncs overlap.
          writes.push(store.writeArticleFiles(id, fileName, bytes, text));
          if (writes.length >= WRITE_CONCURRENCY) await settleAll(writes.splice(0));
          const meta: ArticleMeta = {
            id,
            fileName,
            sha256,
            textSha256,
            importedAt: stamp(),
            ...extractedMeta(parsed, text),
            size: bytes.byteLength,
            ...(nearDuplicateGroup ? { nearDuplicateGroup } : {}),
          };
          added.push(meta);
        }
        await settleAll(writes.splice(0));
        if (added.length || groups.size) {
          for (const [id, group] of groups) {
            const a = articles().find((x) => x.id === id);
            if (a && a.nearDuplicateGroup !== group) {
              regrouped.push([a, a.nearDuplicateGroup]);
              a.nearDuplicateGroup = group;
            }
          }
          data.articles.push(...added);
          for (const a of added) {
            if (!data.outlets.some((o) => o.name === a.outlet.name && o.domain === a.outlet.domain))
              data.outlets.push(a.outlet);
          }
          await store.articles.write();
        }
      } catch (err) {
        await Promise.allSettled(writes); // nothing may still be writing into a folder about to be removed
        // Put the index back as it was, then remove what this batch wrote.
        const mine = new Set(added);
        if (data.articles.some((a) => mine.has(a))) data.articles = data.articles.filter((a) => !mine.has(a));
        data.outlets.length = Math.min(data.outlets.length, outletCount);
        for (const [a, group] of regrouped) {
          if (group === undefined) delete a.nearDuplicateGroup;
          else a.nearDuplicateGroup = group;
        }
        for (const id of created) await store.removeArticleFiles(id).catch(() => {});
        throw err;
      }
      if (added.length)
        hooks.onArticlesAdded?.(added.map((meta, i) => ({ meta, paragraphs: items[i]!.parsed.paragraphs })));
      return added;
    },

    /** Remove an article: its index entry, then its folder and its annotations file. */
    async deleteArticle(id: string): Promise<boolean> {
      findArticle(id);
      store.articles.data.articles = articles().filter((a) => a.id !== id);
      await store.articles.write();
      await store.removeArticleFiles(id);
      textCache.delete(id);
      hooks.onArticleDeleted?.(id);
      return true;
    },

    /**
     * Rename the stored articles' outlets after the library's outlet names changed from `before` to `after`
     * (see outlet-renames.ts); one index write. On a failed write nothing changes. Returns how many changed.
     */
    async renameOutlets(before: OutletNames, after: OutletNames): Promise<number> {
      const data = store.articles.data;
      const changes = outletRenames(data.articles, before, after);
      if (!changes.size) return 0;
      const old = new Map([...changes.keys()].map((a) => [a, a.outlet]));
      const oldOutlets = data.outlets;
      for (const [a, outlet] of changes) a.outlet = outlet;
      data.outlets = outletsOf(data.articles);
      try {
        await store.articles.write();
      } catch (err) {
        for (const [a, outlet] of old) a.outlet = outlet;
        data.outlets = oldOutlets;
        throw err;
      }
      // The search index knows articles by outlet name too.
      for (const a of changes.keys()) {
        hooks.onArticleDeleted?.(a.id);
        hooks.onArticlesAdded?.([
          { meta: a, paragraphs: (await textOf(a.id).catch(() => null))?.paragraphs ?? [] },
        ]);
      }
      return changes.size;
    },

    /** Derive the text again from the original (see reextract.ts); the caches and the search index follow. */
    async reextract(id: string, extract: Extract): Promise<ReextractResult> {
      const result = await reextractArticle(store, id, extract, now);
      if (result.changed) {
        textCache.delete(id);
        const meta = findArticle(id);
        hooks.onArticleDeleted?.(id);
        hooks.onArticlesAdded?.([{ meta, paragraphs: (await textOf(id)).paragraphs }]);
      }
      return result;
    },
  };
}

export type Articles = ReturnType<typeof createArticles>;
