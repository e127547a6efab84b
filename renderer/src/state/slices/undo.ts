// Undo/redo of annotation changes and claim deletions. Each entry records what the API returned, so undoing
// is another API call: create ↔ delete, delete ↔ restore, update ↔ update back to the recorded values. A
// restore keeps ids, so entries further down the stack that name the same annotation or claim still apply.
// The window redraws from the annotation call's reply, as after a change made in the reader.
import type { ApiClient, MethodOutput } from '../../../../shared/api/contract';
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
const VERB: Record<UndoEntry['kind'], string> = {
  create: 'tag',
  delete: 'delete',
  update: 'edit',
  deleteClaim: 'delete claim',
};

const fieldsOf = (a: Annotation) => ({
  claimId: a.claimId,
  stance: a.stance,
  speaker: a.speaker,
  tags: a.tags,
  note: a.note,
});

/** An annotation change's reply: what the window redraws from. */
type Reply = MethodOutput<'annotations.delete'>;
/** One step done: the entry for the other stack, the reply to redraw from, and whether the claims list must be read again. */
interface Done {
  entry: UndoEntry;
  reply: Reply | null;
  claimsStale?: boolean;
}

/** Reverse one entry (ids may have changed in the entry returned). */
async function revert(api: ApiClient, e: UndoEntry): Promise<Done> {
  switch (e.kind) {
    case 'create': {
      const reply = await api.call('annotations.delete', { id: e.annotation.id });
      if (!e.createdClaim) return { entry: e, reply };
      try {
        await api.call('claims.delete', { id: e.createdClaim.id });
        return { entry: { ...e, claimRemoved: true }, reply, claimsStale: true };
      } catch {
        // Someone tagged more evidence against the claim meanwhile: it stays.
        return { entry: { ...e, claimRemoved: false }, reply };
      }
    }
    case 'delete':
      return { entry: e, reply: await api.call('annotations.restore', { annotation: e.annotation }) };
    case 'update':
      return {
        entry: e,
        reply: await api.call('annotations.update', { id: e.before.id, ...fieldsOf(e.before) }),
      };
    case 'deleteClaim':
      await api.call('claims.restore', { claim: e.claim });
      return { entry: e, reply: null, claimsStale: true };
  }
}

/** Apply one entry again. */
async function reapply(api: ApiClient, e: UndoEntry): Promise<Done> {
  switch (e.kind) {
    case 'create': {
      if (e.createdClaim && e.claimRemoved) {
        const { text, speaker, note } = e.createdClaim;
        const claim = await api.call('claims.create', { text, speaker, note });
        const reply = await api.call('annotations.restore', {
          annotation: { ...e.annotation, claimId: claim.id },
        });
        return {
          entry: { ...e, annotation: reply.annotation, createdClaim: claim, claimRemoved: false },
          reply,
        };
      }
      const reply = await api.call('annotations.restore', { annotation: e.annotation });
      return { entry: { ...e, annotation: reply.annotation }, reply };
    }
    case 'delete':
      return { entry: e, reply: await api.call('annotations.delete', { id: e.annotation.id }) };
    case 'update':
      return {
        entry: e,
        reply: await api.call('annotations.update', { id: e.after.id, ...fieldsOf(e.after) }),
      };
    case 'deleteClaim':
      await api.call('claims.delete', { id: e.claim.id });
      return { entry: e, reply: null, claimsStale: true };
  }
}

export const createUndoSlice: SliceCreator<UndoSlice> = (set, get, api) => {
  const step = async (from: 'undoStack' | 'redoStack') => {
    const stack = get()[from];
    const entry = stack[stack.length - 1];
    if (!entry || get().undoBusy) return;
    const to = from === 'undoStack' ? 'redoStack' : 'undoStack';
    set({ undoBusy: true, [from]: stack.slice(0, -1) });
    try {
      const {
        entry: done,
        reply,
        claimsStale,
      } = from === 'undoStack' ? await revert(api, entry) : await reapply(api, entry);
      set({ [to]: [...get()[to], done].slice(-MAX_UNDO) });
      get().showToast(
        `${from === 'undoStack' ? 'Undone' : 'Redone'}: ${VERB[entry.kind]} “${claimLabel(entry.label)}”`,
      );
      if (reply) await get().applyAnnotationChange(reply.annotation.articleId, reply);
      if (claimsStale) await get().reloadClaims();
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
