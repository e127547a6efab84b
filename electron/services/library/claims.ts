// Claim records (claims.json): create, edit, delete and restore. Every mutation awaits the durable write of
// claims.json; if that write fails, the in-memory list is put back so that memory never claims more than disk.
import type { Annotation, Claim } from '../../../shared/domain/types';
import { ServiceError } from '../../../shared/api/dispatcher';
import type { LibraryStore } from './store';

export type ClaimPatch = Partial<Pick<Claim, 'text' | 'speaker' | 'note'>>;

const normalizeClaimText = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');
const sameWording = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function createClaimOps(
  store: Pick<LibraryStore, 'claims'>,
  stamp: () => string,
  newId: () => string,
  allAnnotations: () => Annotation[],
) {
  const claims = () => store.claims.data.claims;

  function findClaim(id: string): Claim {
    const c = claims().find((x) => x.id === id);
    if (!c) throw new ServiceError('not_found', `No claim with id ${id}`);
    return c;
  }

  /** The wording every claim is stored with; a claim must have some. */
  function wordingOf(text: string): string {
    const norm = normalizeClaimText(text);
    if (!norm) throw new ServiceError('refused', 'A claim needs some text.');
    return norm;
  }

  /** Replace the list, write it, and put the old list back if the write fails. */
  async function commit(next: Claim[]): Promise<void> {
    const before = claims();
    store.claims.data.claims = next;
    try {
      await store.claims.write();
    } catch (err) {
      // Unless a later change replaced the list meanwhile: that list is built on this one and has its own write.
      if (store.claims.data.claims === next) store.claims.data.claims = before;
      throw err;
    }
  }

  return {
    findClaim,
    listClaims: (): Claim[] => [...claims()],

    /** The claim with this wording (case-insensitive), or a new one. */
    async addClaim(text: string, speaker: string, note = ''): Promise<{ claim: Claim; created: boolean }> {
      const norm = wordingOf(text);
      const existing = claims().find((c) => sameWording(c.text, norm));
      if (existing) return { claim: existing, created: false };
      const t = stamp();
      const claim: Claim = {
        id: newId(),
        text: norm,
        speaker: speaker.trim(),
        note,
        createdAt: t,
        updatedAt: t,
      };
      await commit([...claims(), claim]);
      return { claim, created: true };
    },

    async updateClaim(id: string, patch: ClaimPatch): Promise<Claim> {
      const c = findClaim(id);
      const next: Claim = { ...c, updatedAt: stamp() };
      if (patch.text !== undefined) {
        next.text = wordingOf(patch.text);
        if (claims().some((o) => o.id !== id && sameWording(o.text, next.text))) {
          throw new ServiceError('conflict', `Another claim already reads "${next.text}".`);
        }
      }
      if (patch.speaker !== undefined) next.speaker = patch.speaker.trim();
      if (patch.note !== undefined) next.note = patch.note;
      await commit(claims().map((o) => (o === c ? next : o)));
      return { ...next };
    },

    /** Deletes a claim no annotation uses and returns it, so that the caller can restore it (undo). */
    async deleteClaim(id: string): Promise<Claim> {
      const c = findClaim(id);
      const used = allAnnotations().filter((a) => a.claimId === id).length;
      if (used)
        throw new ServiceError('conflict', `The claim has ${used} piece(s) of evidence; delete those first.`);
      await commit(claims().filter((o) => o !== c));
      return { ...c };
    },

    /**
     * Puts back a deleted claim with its id and timestamps, checked like a new one (wording required, no
     * other claim with that wording). It goes back among the others by creation time, which is where it
     * was: claims are appended as they are created.
     */
    async restoreClaim(claim: Claim): Promise<Claim> {
      const text = wordingOf(claim.text);
      if (claims().some((o) => o.id === claim.id))
        throw new ServiceError('conflict', 'That claim exists already.');
      const twin = claims().find((o) => sameWording(o.text, text));
      if (twin) throw new ServiceError('conflict', `Another claim already reads "${twin.text}".`);
      const restored: Claim = {
        id: claim.id,
        text,
        speaker: claim.speaker.trim(),
        note: claim.note,
        createdAt: claim.createdAt,
        updatedAt: claim.updatedAt,
      };
      const list = claims();
      const at = list.findIndex((o) => o.createdAt > restored.createdAt);
      await commit(at < 0 ? [...list, restored] : [...list.slice(0, at), restored, ...list.slice(at)]);
      return { ...restored };
    },
  };
}

export type ClaimOps = ReturnType<typeof createClaimOps>;
