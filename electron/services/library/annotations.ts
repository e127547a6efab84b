// The annotations store: one file per article (annotations/<articleId>.json), each annotation citing a claim
// (claims.ts) and a quote of the article's stored text. A mutation changes memory, then awaits the durable
// write of that one article's file: the promise resolving is the acknowledgement.
import type { Annotation, Claim, ClaimSummary, Stance } from '../../../shared/domain/types';
import {
  articleText,
  codePointLength,
  describeRange,
  findQuote,
  sliceCodePoints,
} from '../../../shared/domain/article-text';
import { summarizeClaims } from '../../../shared/domain/claims';
import { ServiceError } from '../../../shared/api/dispatcher';
import type { AnnotationChange } from '../../../shared/api/contract';
import type { Articles } from './articles';
import type { ClaimOps } from './claims';
import type { LibraryStore } from './store';

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

export interface AnnotationsDeps {
  store: Pick<LibraryStore, 'annotations' | 'annotationsFor'>;
  articles: Pick<Articles, 'findArticle' | 'textOf'>;
  claims: Pick<ClaimOps, 'findClaim' | 'addClaim' | 'listClaims'>;
  stamp: () => string;
  newId: () => string;
}

const cleanTags = (tags: readonly string[]) => [...new Set(tags.map((x) => x.trim()).filter(Boolean))];

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
  if (!found)
    throw new ServiceError('refused', `The quote is not in the article: "${quote.exact.slice(0, 60)}"`);
  return found;
}

export function createAnnotations({ store, articles, claims, stamp, newId }: AnnotationsDeps) {
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

  /**
   * The annotations of one article for display, by start. A position that no longer lands on its quote (a
   * crash between a re-extraction's writes) is found again by quote; the stored annotation is left as it is.
   */
  async function annotationsOf(articleId: string): Promise<Annotation[]> {
    const stored = store.annotations.get(articleId)?.data.annotations ?? [];
    if (!stored.length) return [];
    const full = articleText(await articles.textOf(articleId));
    const anns = stored.map((a) => {
      if (sliceCodePoints(full, a.position.start, a.position.end) === a.quote.exact) return a;
      const at = findQuote(full, a.quote, a.position.start);
      return at
        ? { ...a, position: { type: 'TextPositionSelector' as const, start: at.start, end: at.end } }
        : a;
    });
    return anns.sort((a, b) => a.position.start - b.position.start);
  }

  // Which articles cite each claim, so that a save's reply counts a claim's evidence by reading only those
  // articles, not every annotation of the library. Built on first use from the annotation files, then told of
  // every annotation this store adds or moves to a claim. It may still hold an article that no longer cites the
  // claim (after a delete), which costs one look; it never misses one, so the counts stay exact. Annotations
  // written outside this store (a restore's re-added articles) come with a new store, and so a new index.
  let citing: Map<string, Set<string>> | null = null;
  function cites(claimId: string, articleId: string): void {
    if (!citing) return;
    let set = citing.get(claimId);
    if (!set) citing.set(claimId, (set = new Set()));
    set.add(articleId);
  }
  function citingArticles(claimId: string): Iterable<string> {
    if (!citing) {
      citing = new Map();
      for (const [articleId, db] of store.annotations)
        for (const a of db.data.annotations) cites(a.claimId, articleId);
    }
    return citing.get(claimId) ?? [];
  }

  /** The summaries of some claims, counted over every article (claims.list gives the same for all). */
  function claimSummaries(ids: ReadonlySet<string>): ClaimSummary[] {
    const some = claims.listClaims().filter((c) => ids.has(c.id));
    if (!some.length) return [];
    const read = new Set<string>();
    const cited: Annotation[] = [];
    for (const id of ids)
      for (const articleId of citingArticles(id)) {
        if (read.has(articleId)) continue;
        read.add(articleId);
        for (const a of store.annotations.get(articleId)?.data.annotations ?? [])
          if (ids.has(a.claimId)) cited.push(a);
      }
    return summarizeClaims(some, cited);
  }

  return {
    allAnnotations,
    annotationsOf,

    /** Annotations and distinct claims per article, for the list. */
    countsByArticle(): Map<string, { claims: number; annotations: number }> {
      const counts = new Map<string, { claims: number; annotations: number }>();
      for (const [articleId, db] of store.annotations) {
        const list = db.data.annotations;
        counts.set(articleId, { claims: new Set(list.map((a) => a.claimId)).size, annotations: list.length });
      }
      return counts;
    },

    /** What a window redraws after a change to one article's annotations that touched the given claims. */
    async changeView(articleId: string, claimIds: Iterable<string>): Promise<AnnotationChange> {
      return {
        annotations: await annotationsOf(articleId),
        claimSummaries: claimSummaries(new Set(claimIds)),
      };
    },

    /** A copy of one annotation as stored. */
    findAnnotation(id: string): Annotation {
      const { list, index } = locateAnnotation(id);
      return { ...list[index]! };
    },

    async createAnnotation(
      draft: AnnotationDraft,
    ): Promise<{ annotation: Annotation; claim: Claim; claimCreated: boolean }> {
      articles.findArticle(draft.articleId);
      const text = articleText(await articles.textOf(draft.articleId));
      const { start, end } = resolveTarget(text, draft.target);
      let claim: Claim;
      let claimCreated = false;
      if ('claimId' in draft.claim) claim = claims.findClaim(draft.claim.claimId);
      else
        ({ claim, created: claimCreated } = await claims.addClaim(
          draft.claim.newClaim.text,
          draft.claim.newClaim.speaker,
        ));
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
        tags: cleanTags(draft.tags),
        note: draft.note,
        createdAt: t,
        updatedAt: t,
      };
      const db = store.annotationsFor(draft.articleId);
      db.data.annotations.push(annotation);
      cites(claim.id, draft.articleId);
      await db.write();
      return { annotation, claim, claimCreated };
    },

    async updateAnnotation(id: string, patch: AnnotationPatch): Promise<Annotation> {
      const { list, index, articleId } = locateAnnotation(id);
      const a = list[index]!;
      if (patch.claimId !== undefined) {
        a.claimId = claims.findClaim(patch.claimId).id;
        cites(a.claimId, articleId);
      }
      if (patch.stance !== undefined) a.stance = patch.stance;
      if (patch.speaker !== undefined) a.speaker = patch.speaker.trim();
      if (patch.tags !== undefined) a.tags = cleanTags(patch.tags);
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
      articles.findArticle(a.articleId);
      claims.findClaim(a.claimId);
      if (allAnnotations().some((x) => x.id === a.id))
        throw new ServiceError('conflict', 'That annotation exists already.');
      const text = articleText(await articles.textOf(a.articleId));
      const { start, end } = resolveTarget(text, {
        start: a.position.start,
        end: a.position.end,
        quote: a.quote,
      });
      const restored: Annotation = { ...a, position: { type: 'TextPositionSelector', start, end } };
      const db = store.annotationsFor(a.articleId);
      db.data.annotations.push(restored);
      cites(restored.claimId, restored.articleId);
      await db.write();
      return restored;
    },
  };
}

export type Annotations = ReturnType<typeof createAnnotations>;
