// The order shared by the Markdown and CSV exports: claims with the most evidence first, then by text;
// within a claim, evidence by publication date then outlet (see evidenceForClaim).

import { compareText, evidenceForClaim } from '../claims';
import type { Annotation, ArticleMeta, Claim, Evidence, LibrarySnapshot } from '../types';

export interface ClaimWithEvidence {
  claim: Claim;
  evidence: Evidence[];
}

export interface OrderedSnapshot {
  /** Every claim of the snapshot, most evidence first, then by text. */
  claims: ClaimWithEvidence[];
  /** Annotations whose claim is not in the snapshot (should not happen), in snapshot order. */
  orphans: Annotation[];
  articlesById: Map<string, ArticleMeta>;
}

export function orderSnapshot(snapshot: LibrarySnapshot): OrderedSnapshot {
  const articlesById = new Map<string, ArticleMeta>(snapshot.articles.map((a) => [a.id, a]));
  const claimIds = new Set(snapshot.claims.map((c) => c.id));
  const claims = snapshot.claims
    .map((claim) => ({ claim, evidence: evidenceForClaim(claim.id, snapshot.annotations, articlesById) }))
    .sort(
      (a, b) =>
        b.evidence.length - a.evidence.length ||
        compareText(a.claim.text, b.claim.text) ||
        (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0),
    );
  const orphans = snapshot.annotations.filter((a) => !claimIds.has(a.claimId));
  return { claims, orphans, articlesById };
}
