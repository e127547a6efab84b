// Domain operations on an open library: articles, claims and annotations. Every mutation changes the
// in-memory data, then awaits the write of the one small file it touched; the promise resolving is the
// acknowledgement that the change is on disk.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Annotation,
  Article,
  ArticleMeta,
  ArticleSummary,
  ArticleWithAnnotations,
  Claim,
  LibrarySnapshot,
  Outlet,
  ParsedArticle,
  Stance,
} from '../../../shared/domain/types';
import { articleText, codePointLength, describeRange, findQuote, sliceCodePoints } from '../../../shared/domain/article-text';
import { ServiceError } from '../../../shared/api/dispatcher';
import { reextractArticle, type Extract } from './reextract';
import { extractedMeta } from './article-meta';
import { createClaimOps } from './claims';
import { outletKey } from '../import/text/outlet-clues';
import type { OutletNames } from '../../../shared/domain/outlet-registry';
import { outletRenames, outletsOf } from './outlet-renames';
import { SCHEMA_VERSION, type LibraryStore, type StoredText } from './store';

export interface AnnotationDraft {
  articleId: string;
  target: { start: number; end: number; quote?: { exact: string; prefix?: string; suffix?: string } };
  claim: { claimId: string } | { newClaim: { text: string; speaker: string } };
  stance: Stance;
  speaker: string;
  tags: string[];
  note: string;
}

export type AnnotationPatch = Partial<Pick<Annotation, 'claimId' | 'stance' | 'speaker' | 'tags' | 'note'>>;

/** Articles whose files are written at the same time during an import. */
const WRITE_CONCURRENCY = 8;

/** Wait for every promise, then throw the first failure (Promise.all would leave the others running). */
async function settleAll(promises: ReadonlyArray<Promise<void>>): Promise<void> {
  const failed = (await Promise.allSettled(promises)).find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

// Hex, so an id never starts with '-' (a CLI flag, a spreadsheet formula) or '_'.
export const newId = (): string => randomBytes(10).toString('hex');
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Observers of article additions and deletions (the full-text index), called after the change is on disk. */
export interface LibraryHooks {
  onArticlesAdded?(added: ReadonlyArray<{ meta: ArticleMeta; paragraphs: readonly string[] }>): void;
  onArticleDeleted?(id: string): void;
}

export function createLibrary(store: LibraryStore, now: () => Date = () => new Date(), hooks: LibraryHooks = {}) {
  const stamp = () => now().toISOString();
  const articles = () => store.articles.data.articles;
  const textCache = new Map<string, StoredText>();

  function findArticle(id: string): ArticleMeta {
    const a = articles().find((x) => x.id === id);
    if (!a) throw new ServiceError('not_found', `No article with id ${id}`);
    return a;
  }
  async function textOf(id: string): Promise<StoredText> {
    let t = textCache.get(id);
    if (!t) {
      t = await store.readArticleText(id);
      if (textCache.size > 200) textCache.clear();
      textCache.set(id, t);
    }
    return t;
  }
  function allAnnotations(): Annotation[] {
    const out: Annotation[] = [];
    for (const db of store.annotations.values()) out.push(...db.data.annotations);
    return out;
  }
  function locateAnnotation(id: string): { list: Annotation[]; index: number; articleId: string } {
    for (const [articleId, db] of store.annotations) {
      const index = db.data.annotations.findIndex((a) => a.id === id);
      if (index >= 0) return { list: db.data.annotations, index, articleId };
    }
    throw new ServiceError('not_found', `No annotation with id ${id}`);
  }
  const claimOps = createClaimOps(store, stamp, newId, allAnnotations);
  const { findClaim, listClaims, addClaim } = claimOps;

  /** Check a target against the stored text; re-anchor by quote when the offsets drifted. */
  function resolveTarget(text: string, target: AnnotationDraft['target']): { start: number; end: number } {
    const { start, end, quote } = target;
    if (end <= start) throw new ServiceError('refused', 'The selection is empty.');
    if (!quote) {
      if (end > codePointLength(text) || !sliceCodePoints(text, start, end).trim()) {
        throw new ServiceError('refused', 'The selection is outside the article text.');
      }
      return { start, end };
    }
    if (sliceCodePoints(text, start, end) === quote.exact) return { start, end };
    const found = findQuote(text, quote, start);
    if (!found) throw new ServiceError('refused', `The quote is not in the article: "${quote.exact.slice(0, 60)}"`);
    return found;
  }

  return {
    store,
    /**
     * A finder of the articles stored now: for a file, the article with the same original bytes, or else the
     * same extracted text from the same outlet. The same text from another outlet (a wire story republished
     * word for word) is another source, not a duplicate: the importer stores it as a near duplicate. Built
     * once per import batch (one pass over the index instead of two per file); a batch's own articles are
     * not in it, the importer checks those itself.
     */
    duplicateFinder(): (sha: string, textSha: string, outlet: Outlet) => ArticleMeta | undefined {
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
      const stored = (a: ArticleMeta | undefined) => (a && (articles() === list || articles().includes(a)) ? a : undefined);
      return (sha, textSha, outlet) => stored(bySha.get(sha)) ?? stored(byText.get(`${textSha} ${outletKey(outlet)}`));
    },

    listArticles(): ArticleSummary[] {
      const counts = new Map<string, { claims: Set<string>; n: number }>();
      for (const [articleId, db] of store.annotations) {
        const c = { claims: new Set<string>(), n: 0 };
        for (const a of db.data.annotations) {
          c.claims.add(a.claimId);
          c.n++;
        }
        counts.set(articleId, c);
      }
      return articles().map((a) => ({ ...a, claimCount: counts.get(a.id)?.claims.size ?? 0, annotationCount: counts.get(a.id)?.n ?? 0 }));
    },

    async getArticle(id: string): Promise<ArticleWithAnnotations> {
      const meta = findArticle(id);
      const text = await textOf(id);
      const full = articleText(text);
      // A position that no longer lands on its quote (a crash between a re-extraction's writes) is found
      // again by quote for display; the stored annotation is left as it is.
      const anns = (store.annotations.get(id)?.data.annotations ?? []).map((a) => {
        if (sliceCodePoints(full, a.position.start, a.position.end) === a.quote.exact) return a;
        const at = findQuote(full, a.quote, a.position.start);
        return at ? { ...a, position: { type: 'TextPositionSelector' as const, start: at.start, end: at.end } } : a;
      });
      return { ...meta, lead: text.lead, paragraphs: [...text.paragraphs], ...(text.pages ? { pages: [...text.pages] } : {}), annotations: anns.sort((a, b) => a.position.start - b.position.start) };
    },

    /** The index entry of an article, if there is one. */
    articleMeta: (id: string): ArticleMeta | undefined => articles().find((a) => a.id === id),

    /**
     * Store a batch of parsed articles with one index write at the end, all or nothing: if any file or the
     * index write fails, the index (in memory and on disk) stays as it was and the folders this batch
     * created are removed. `groups` sets the near-duplicate group of articles already in the library.
     */
    async addArticles(
      items: Array<{ fileName: string; bytes: Uint8Array; sha256: string; textSha256: string; parsed: ParsedArticle; nearDuplicateGroup?: string }>,
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
          const text = { title: parsed.title, lead: parsed.lead, paragraphs: parsed.paragraphs, ...(parsed.pages ? { pages: parsed.pages } : {}) };
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
            if (!data.outlets.some((o) => o.name === a.outlet.name && o.domain === a.outlet.domain)) data.outlets.push(a.outlet);
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
      if (added.length) hooks.onArticlesAdded?.(added.map((meta, i) => ({ meta, paragraphs: items[i]!.parsed.paragraphs })));
      return added;
    },

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
        hooks.onArticlesAdded?.([{ meta: a, paragraphs: (await textOf(a.id).catch(() => null))?.paragraphs ?? [] }]);
      }
      return changes.size;
    },

    /** Derive the text again from the original (see reextract.ts); the caches and the search index follow. */
    async reextract(id: string, extract: Extract) {
      const result = await reextractArticle(store, id, extract, now);
      if (result.changed) {
        textCache.delete(id);
        const meta = findArticle(id);
        hooks.onArticleDeleted?.(id);
        hooks.onArticlesAdded?.([{ meta, paragraphs: (await textOf(id)).paragraphs }]);
      }
      return result;
    },

    listClaims,
    allAnnotations,
    addClaim,
    updateClaim: claimOps.updateClaim,
    deleteClaim: claimOps.deleteClaim,
    restoreClaim: claimOps.restoreClaim,

    async createAnnotation(draft: AnnotationDraft): Promise<{ annotation: Annotation; claim: Claim; claimCreated: boolean }> {
      findArticle(draft.articleId);
      const text = articleText(await textOf(draft.articleId));
      const { start, end } = resolveTarget(text, draft.target);
      let claim: Claim;
      let claimCreated = false;
      if ('claimId' in draft.claim) claim = findClaim(draft.claim.claimId);
      else ({ claim, created: claimCreated } = await addClaim(draft.claim.newClaim.text, draft.claim.newClaim.speaker));
      const t = stamp();
      const sel = describeRange(text, start, end);
      const annotation: Annotation = {
        id: newId(),
        articleId: draft.articleId,
        claimId: claim.id,
        quote: sel.quote,
        position: sel.position,
        stance: draft.stance,
        speaker: draft.speaker.trim(),
        tags: [...new Set(draft.tags.map((x) => x.trim()).filter(Boolean))],
        note: draft.note,
        createdAt: t,
        updatedAt: t,
      };
      const db = store.annotationsFor(draft.articleId);
      db.data.annotations.push(annotation);
      await db.write();
      return { annotation, claim, claimCreated };
    },

    async updateAnnotation(id: string, patch: AnnotationPatch): Promise<Annotation> {
      const { list, index, articleId } = locateAnnotation(id);
      const a = list[index]!;
      if (patch.claimId !== undefined) a.claimId = findClaim(patch.claimId).id;
      if (patch.stance !== undefined) a.stance = patch.stance;
      if (patch.speaker !== undefined) a.speaker = patch.speaker.trim();
      if (patch.tags !== undefined) a.tags = [...new Set(patch.tags.map((x) => x.trim()).filter(Boolean))];
      if (patch.note !== undefined) a.note = patch.note;
      a.updatedAt = stamp();
      await store.annotationsFor(articleId).write();
      return { ...a };
    },

    async deleteAnnotation(id: string): Promise<Annotation> {
      const { list, index, articleId } = locateAnnotation(id);
      const [removed] = list.splice(index, 1);
      await store.annotationsFor(articleId).write();
      return removed!;
    },

    async restoreAnnotation(a: Annotation): Promise<Annotation> {
      findArticle(a.articleId);
      findClaim(a.claimId);
      if (allAnnotations().some((x) => x.id === a.id)) throw new ServiceError('conflict', 'That annotation exists already.');
      const text = articleText(await textOf(a.articleId));
      const { start, end } = resolveTarget(text, { start: a.position.start, end: a.position.end, quote: a.quote });
      const restored: Annotation = { ...a, position: { type: 'TextPositionSelector', start, end } };
      const db = store.annotationsFor(a.articleId);
      db.data.annotations.push(restored);
      await db.write();
      return restored;
    },

    async snapshot(): Promise<LibrarySnapshot> {
      const full: Article[] = [];
      for (const meta of articles()) {
        const t = await store.readArticleText(meta.id);
        full.push({ ...meta, lead: t.lead, paragraphs: [...t.paragraphs], ...(t.pages ? { pages: [...t.pages] } : {}) });
      }
      return { schemaVersion: SCHEMA_VERSION, exportedAt: stamp(), articles: full, claims: listClaims(), annotations: allAnnotations() };
    },
  };
}

export type Library = ReturnType<typeof createLibrary>;
