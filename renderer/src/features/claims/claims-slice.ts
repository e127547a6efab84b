// Claims: the summaries from claims.list (also feeding the tag form's typeahead), the selected claim and
// its evidence across articles, and claim edits.
import type { MethodInput } from '../../../../shared/api/contract';
import type { Claim, ClaimSummary, Evidence } from '../../../../shared/domain/types';
import { claimLabel } from '../../state/selectors';
import type { LoadStatus, SliceCreator, SortState } from '../../state/store-types';

export type ClaimPatch = Omit<MethodInput<'claims.update'>, 'id'>;

export interface ClaimsSlice {
  claims: ClaimSummary[];
  claimsStatus: LoadStatus;
  claimSorting: SortState;
  selectedClaimId: string | null;
  evidence: Evidence[] | null;
  evidenceStatus: LoadStatus;
  loadClaims(): Promise<void>;
  /** Put in the summaries an annotation change answered: each replaces the claim's, a new claim goes last (as claims.list orders them). */
  mergeClaimSummaries(summaries: readonly ClaimSummary[]): void;
  setClaimSorting(sorting: SortState): void;
  selectClaim(id: string | null): Promise<void>;
  loadEvidence(): Promise<void>;
  createClaim(text: string, speaker: string): Promise<Claim | null>;
  updateClaim(id: string, patch: ClaimPatch): Promise<Claim | null>;
  /** Deletes a claim without evidence; Ctrl/Cmd+Z puts it back. */
  deleteClaim(id: string): Promise<boolean>;
  /** Reload the claims after one was deleted or put back; a selected claim that is gone is deselected. */
  reloadClaims(): Promise<void>;
  /** The claim's text for labels (toasts, undo), or a placeholder when it is not loaded. */
  claimText(id: string): string;
}

export const createClaimsSlice: SliceCreator<ClaimsSlice> = (set, get, api) => {
  let evidenceSeq = 0;
  return {
    claims: [],
    claimsStatus: 'idle',
    claimSorting: [],
    selectedClaimId: null,
    evidence: null,
    evidenceStatus: 'idle',
    loadClaims: async () => {
      if (get().claimsStatus === 'idle') set({ claimsStatus: 'loading' });
      try {
        const claims = await api.call('claims.list', {});
        set({ claims, claimsStatus: 'ready' });
      } catch (err) {
        set({ claimsStatus: 'error' });
        get().showError(err);
      }
    },
    mergeClaimSummaries: (summaries) => {
      if (!summaries.length) return;
      const byId = new Map(summaries.map((s) => [s.id, s]));
      const known = new Set(get().claims.map((c) => c.id));
      const claims = get().claims.map((c) => byId.get(c.id) ?? c);
      for (const s of summaries) if (!known.has(s.id)) claims.push(s);
      set({ claims });
    },
    setClaimSorting: (claimSorting) => set({ claimSorting }),
    selectClaim: async (id) => {
      if (id === get().selectedClaimId) return;
      set({ selectedClaimId: id, evidence: null, evidenceStatus: id ? 'loading' : 'idle' });
      if (id) await get().loadEvidence();
    },
    loadEvidence: async () => {
      const id = get().selectedClaimId;
      if (!id) return;
      const seq = ++evidenceSeq;
      try {
        const evidence = await api.call('claims.evidence', { id });
        if (seq === evidenceSeq) set({ evidence, evidenceStatus: 'ready' });
      } catch (err) {
        if (seq !== evidenceSeq) return;
        set({ evidenceStatus: 'error' });
        get().showError(err);
      }
    },
    createClaim: async (text, speaker) => {
      try {
        const claim = await api.call('claims.create', { text, speaker });
        await get().loadClaims();
        return claim;
      } catch (err) {
        get().showError(err);
        return null;
      }
    },
    updateClaim: async (id, patch) => {
      try {
        const claim = await api.call('claims.update', { id, ...patch });
        await get().loadClaims();
        // The reader's annotation list shows claim text, so it must not keep the old wording.
        if (get().article) await get().reloadArticle();
        get().showToast(`Saved claim “${claimLabel(claim.text)}”`);
        return claim;
      } catch (err) {
        get().showError(err);
        return null;
      }
    },
    deleteClaim: async (id) => {
      try {
        const claim = await api.call('claims.delete', { id });
        get().pushUndo({ kind: 'deleteClaim', claim, label: claim.text });
        if (get().selectedClaimId === id)
          set({ selectedClaimId: null, evidence: null, evidenceStatus: 'idle' });
        await get().reloadClaims();
        get().showToast(`Deleted claim “${claimLabel(claim.text)}” — Ctrl+Z to undo`);
        return true;
      } catch (err) {
        get().showError(err);
        return false;
      }
    },
    reloadClaims: async () => {
      await get().loadClaims();
      const selected = get().selectedClaimId;
      if (selected && !get().claims.some((c) => c.id === selected))
        set({ selectedClaimId: null, evidence: null, evidenceStatus: 'idle' });
    },
    claimText: (id) => get().claims.find((c) => c.id === id)?.text ?? 'claim',
  };
};
