// The reader: the open article with its annotations, the current text selection, the highlight to bring
// into view, and the annotation changes made from the reader (each one recorded for undo). A change is one
// call: its reply carries the article's annotations and the claims it touched, which is all that redraws.
import type { AnnotationChange, MethodInput } from '../../../../shared/api/contract';
import type { Annotation, ArticleWithAnnotations } from '../../../../shared/domain/types';
import { annotationCounts, claimLabel } from '../../state/selectors';
import type { LoadStatus, SliceCreator } from '../../state/store-types';

/** A selection in the reader, as code point offsets of the stored text plus its quote selector. */
export interface ReaderSelection {
  articleId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type AnnotationPatch = Omit<MethodInput<'annotations.update'>, 'id'>;

export interface ReaderSlice {
  openArticleId: string | null;
  article: ArticleWithAnnotations | null;
  readerStatus: LoadStatus;
  selection: ReaderSelection | null;
  /** Which highlight to scroll to and flash; the nonce makes a repeated click flash again. */
  focus: { annotationId: string; nonce: number } | null;
  openArticle(id: string, focusAnnotationId?: string): Promise<void>;
  reloadArticle(): Promise<void>;
  setSelection(selection: ReaderSelection | null): void;
  focusAnnotation(annotationId: string): void;
  createAnnotation(input: MethodInput<'annotations.create'>): Promise<Annotation | null>;
  updateAnnotation(id: string, patch: AnnotationPatch): Promise<Annotation | null>;
  deleteAnnotation(id: string): Promise<Annotation | null>;
  /** Redraw everything that shows annotations from a change's reply (reader, list counts, claims, evidence). */
  applyAnnotationChange(articleId: string, change: AnnotationChange): Promise<void>;
}

export const createReaderSlice: SliceCreator<ReaderSlice> = (set, get, api) => {
  // Only the latest open request may fill the reader, however the responses are ordered.
  let openSeq = 0;
  let focusNonce = 0;

  const applyArticle = (article: ArticleWithAnnotations) => {
    set({ article, readerStatus: 'ready' });
    get().patchArticleCounts(article.id, annotationCounts(article.annotations));
  };

  const findAnnotation = (id: string) => get().article?.annotations.find((a) => a.id === id) ?? null;

  return {
    openArticleId: null,
    article: null,
    readerStatus: 'idle',
    selection: null,
    focus: null,
    openArticle: async (id, focusAnnotationId) => {
      const seq = ++openSeq;
      const focus = focusAnnotationId ? { annotationId: focusAnnotationId, nonce: ++focusNonce } : null;
      if (get().openArticleId === id && get().article?.id === id) {
        set({ focus, cursorArticleId: id });
        return;
      }
      // The old article goes at once, so the panel never shows its annotations under the new title.
      set({
        openArticleId: id,
        cursorArticleId: id,
        article: null,
        readerStatus: 'loading',
        selection: null,
        tagging: null,
        focus,
      });
      try {
        const article = await api.call('articles.get', { id });
        if (seq === openSeq) applyArticle(article);
      } catch (err) {
        if (seq !== openSeq) return;
        set({ readerStatus: 'error', article: null });
        get().showError(err);
      }
    },
    reloadArticle: async () => {
      const id = get().openArticleId;
      if (!id) return;
      const seq = openSeq;
      try {
        const article = await api.call('articles.get', { id });
        if (seq === openSeq) applyArticle(article);
      } catch (err) {
        get().showError(err);
      }
    },
    setSelection: (selection) => set({ selection }),
    focusAnnotation: (annotationId) => set({ focus: { annotationId, nonce: ++focusNonce } }),
    createAnnotation: async (input) => {
      try {
        const res = await api.call('annotations.create', input);
        get().pushUndo({
          kind: 'create',
          annotation: res.annotation,
          createdClaim: res.claimCreated ? res.claim : null,
          label: res.claim.text,
        });
        set({ tagging: null, selection: null });
        await get().applyAnnotationChange(res.annotation.articleId, res);
        get().showToast(`Tagged “${claimLabel(res.claim.text)}” (${res.annotation.stance})`);
        return res.annotation;
      } catch (err) {
        get().showError(err);
        return null;
      }
    },
    updateAnnotation: async (id, patch) => {
      const before = findAnnotation(id);
      try {
        const res = await api.call('annotations.update', { id, ...patch });
        const after = res.annotation;
        if (before) get().pushUndo({ kind: 'update', before, after, label: get().claimText(after.claimId) });
        await get().applyAnnotationChange(after.articleId, res);
        return after;
      } catch (err) {
        get().showError(err);
        return null;
      }
    },
    deleteAnnotation: async (id) => {
      try {
        const res = await api.call('annotations.delete', { id });
        const removed = res.annotation;
        const label = get().claimText(removed.claimId);
        get().pushUndo({ kind: 'delete', annotation: removed, label });
        await get().applyAnnotationChange(removed.articleId, res);
        get().showToast(`Deleted “${claimLabel(label)}” — Ctrl+Z to undo`);
        return removed;
      } catch (err) {
        get().showError(err);
        return null;
      }
    },
    applyAnnotationChange: async (articleId, { annotations, claimSummaries }) => {
      const article = get().article;
      if (article?.id === articleId) set({ article: { ...article, annotations } });
      get().patchArticleCounts(articleId, annotationCounts(annotations));
      // Summaries patch a loaded list; a list never loaded is loaded whole.
      if (get().claimsStatus === 'ready') get().mergeClaimSummaries(claimSummaries);
      else await get().loadClaims();
      // The evidence view lists annotations of one claim across articles: reread only when this change touched it.
      const selected = get().selectedClaimId;
      if (selected && claimSummaries.some((c) => c.id === selected)) await get().loadEvidence();
    },
  };
};
