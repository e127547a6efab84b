// Undo/redo of annotation changes and claim deletions. Each entry records what the API returned, so undoing
// is another API call: create ↔ delete, delete ↔ restore, update ↔ update back to the recorded values. A
// restore keeps ids, so entries further down the stack that name the same annotation or claim still apply.
import type { ApiClient } from '../../../../shared/api/contract';
import type { Annotation, Claim } from '../../../../shared/domain/types';
import { claimLabel } from '../selectors';
import type { SliceCreator } from '../store-types';

export type UndoEntry =
  | {
      kind: 'create';
      annotation: Annotation;
      /** The claim this tagging created; undo removes it too, so an undone tag leaves no stray claim. */
      createdClaim: Claim | null;
      claimRemoved?: boolean;
      label: string;
    }
  | { kind: 'delete'; annotation: Annotation; label: string }
  | { kind: 'update'; before: Annotation; after: Annotation; label: string }
  /** A claim deleted in the claims view (only possible once it had no evidence). */
  | { kind: 'deleteClaim'; claim: Claim; label: string };

export interface UndoSlice {
  undoStack: UndoEntry[];
  redoStack: UndoEntry[];
  undoBusy: boolean;
  pushUndo(entry: UndoEntry): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const MAX_UNDO = 100;
const VERB: Record<UndoEntry['kind'], string> = { create: 'tag', delete: 'delete', update: 'edit', deleteClaim: 'delete claim' };

const fieldsOf = (a: Annotation) => ({ claimId: a.claimId, stance: a.stance, speaker: a.speaker, tags: a.tags, note: a.note });

/** Reverse one entry; returns the entry to put on the other stack (ids may have changed). */
async function revert(api: ApiClient, e: UndoEntry): Promise<UndoEntry> {
  switch (e.kind) {
    case 'create': {
      await api.call('annotations.delete', { id: e.annotation.id });
      if (!e.createdClaim) return e;
      try {
        await api.call('claims.delete', { id: e.createdClaim.id });
        return { ...e, claimRemoved: true };
      } catch {
        // Someone tagged more evidence against the claim meanwhile: it stays.
        return { ...e, claimRemoved: false };
      }
    }
    case 'delete':
      await api.call('annotations.restore', { annotation: e.annotation });
      return e;
    case 'update':
      await api.call('annotations.update', { id: e.before.id, ...fieldsOf(e.before) });
      return e;
    case 'deleteClaim':
      await api.call('claims.restore', { claim: e.claim });
      return e;
  }
}

/** Apply one entry again. */
async function reapply(api: ApiClient, e: UndoEntry): Promise<UndoEntry> {
  switch (e.kind) {
    case 'create': {
      if (e.createdClaim && e.claimRemoved) {
        const { text, speaker, note } = e.createdClaim;
        const claim = await api.call('claims.create', { text, speaker, note });
        const annotation = await api.call('annotations.restore', { annotation: { ...e.annotation, claimId: claim.id } });
        return { ...e, annotation, createdClaim: claim, claimRemoved: false };
      }
      const annotation = await api.call('annotations.restore', { annotation: e.annotation });
      return { ...e, annotation };
    }
    case 'delete':
      await api.call('annotations.delete', { id: e.annotation.id });
      return e;
    case 'update':
      await api.call('annotations.update', { id: e.after.id, ...fieldsOf(e.after) });
      return e;
    case 'deleteClaim':
      await api.call('claims.delete', { id: e.claim.id });
      return e;
  }
}

const articleOf = (e: Exclude<UndoEntry, { kind: 'deleteClaim' }>) => (e.kind === 'update' ? e.after.articleId : e.annotation.articleId);

export const createUndoSlice: SliceCreator<UndoSlice> = (set, get, api) => {
  const step = async (from: 'undoStack' | 'redoStack') => {
    const stack = get()[from];
    const entry = stack[stack.length - 1];
    if (!entry || get().undoBusy) return;
    const to = from === 'undoStack' ? 'redoStack' : 'undoStack';
    set({ undoBusy: true, [from]: stack.slice(0, -1) });
    try {
      const done = from === 'undoStack' ? await revert(api, entry) : await reapply(api, entry);
      set({ [to]: [...get()[to], done].slice(-MAX_UNDO) });
      get().showToast(`${from === 'undoStack' ? 'Undone' : 'Redone'}: ${VERB[entry.kind]} “${claimLabel(entry.label)}”`);
      if (done.kind === 'deleteClaim') await get().reloadClaims();
      else await get().afterAnnotationChange(articleOf(done));
    } catch (err) {
      // The entry no longer applies (its article or claim is gone); it is dropped rather than retried.
      get().showError(err);
    } finally {
      set({ undoBusy: false });
    }
  };
  return {
    undoStack: [],
    redoStack: [],
    undoBusy: false,
    pushUndo: (entry) => set({ undoStack: [...get().undoStack, entry].slice(-MAX_UNDO), redoStack: [] }),
    undo: () => step('undoStack'),
    redo: () => step('redoStack'),
  };
};
