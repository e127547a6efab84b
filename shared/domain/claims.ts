// Pure claim summaries used by the main side (claims.list, claims.evidence, exports) and the renderer.
// No Node, DOM or Electron: data in, data out.

import { STANCES } from './types';
import type { Annotation, ArticleMeta, Claim, ClaimSummary, Evidence, StanceCounts } from './types';

/** A tally with every stance at zero, keys in the order of STANCES. */
export function emptyStanceCounts(): StanceCounts {
  const counts = {} as StanceCounts;
  for (const s of STANCES) counts[s] = 0;
  return counts;
}

/**
 * One summary per claim, in the order of `claims`: annotations per stance, and sourceCount = the number of
 * distinct articles with evidence for the claim. Annotations whose claim is not in `claims` are ignored.
 */
export function summarizeClaims(
  claims: readonly Claim[],
  annotations: readonly Annotation[],
): ClaimSummary[] {
  const byClaim = new Map<string, { counts: StanceCounts; articles: Set<string> }>();
  for (const c of claims) byClaim.set(c.id, { counts: emptyStanceCounts(), articles: new Set() });
  for (const a of annotations) {
    const entry = byClaim.get(a.claimId);
    if (!entry) continue;
    // A stance outside STANCES (hand-edited data) is not counted rather than creating a new key.
    if (Object.prototype.hasOwnProperty.call(entry.counts, a.stance)) entry.counts[a.stance]++;
    entry.articles.add(a.articleId);
  }
  return claims.map((c) => {
    const entry = byClaim.get(c.id);
    return {
      ...c,
      counts: entry ? entry.counts : emptyStanceCounts(),
      sourceCount: entry ? entry.articles.size : 0,
    };
  });
}

/**
 * The evidence for one claim, joined with its article's metadata (only the fields Evidence carries), sorted by
 * the article's publication (oldest first, undated last), then outlet name, then position in the article.
 * An annotation whose article is missing from `articlesById` is still returned, with an empty placeholder
 * article (same id, empty title and outlet), so that no evidence silently disappears.
 */
export function evidenceForClaim(
  claimId: string,
  annotations: readonly Annotation[],
  articlesById: ReadonlyMap<string, ArticleMeta>,
): Evidence[] {
  const out: Evidence[] = [];
  for (const annotation of annotations) {
    if (annotation.claimId !== claimId) continue;
    const meta = articlesById.get(annotation.articleId);
    const article: Evidence['article'] = meta
      ? {
          id: meta.id,
          title: meta.title,
          outlet: meta.outlet,
          url: meta.url,
          published: meta.published,
          language: meta.language,
        }
      : {
          id: annotation.articleId,
          title: '',
          outlet: { name: '', domain: null },
          url: null,
          published: null,
          language: null,
        };
    out.push({ annotation, article });
  }
  return out.sort(compareEvidence);
}

/** Order of evidence: publication instant (undated last), outlet name, position, annotation id. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    comparePublished(a.article.published, b.article.published) ||
    compareText(a.article.outlet.name, b.article.outlet.name) ||
    a.annotation.position.start - b.annotation.position.start ||
    compareCodeUnits(a.annotation.id, b.annotation.id)
  );
}

/** Chronological order of two ISO 8601 values by instant; unparseable after parseable, null last. */
export function comparePublished(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  const na = Number.isNaN(ta);
  const nb = Number.isNaN(tb);
  if (na !== nb) return na ? 1 : -1;
  if (!na && ta !== tb) return ta - tb;
  return compareCodeUnits(a, b);
}

/** Case- and accent-insensitive text order (stable across machines: fixed locale), code units on a tie. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || compareCodeUnits(a, b);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/**
 * A readable publication date: "2022-01-07 14:26" for "2022-01-07T14:26:00+01:00" (the local time as written in
 * the source, not converted to this machine's zone), "2022-01-10" for a date, "" for null. A value that is not
 * ISO 8601 is returned trimmed, as is.
 */
export function formatPublished(iso: string | null): string {
  if (iso === null) return '';
  const s = iso.trim();
  const m = ISO_PREFIX.exec(s);
  if (!m) return s;
  return m[2] !== undefined && m[3] !== undefined ? `${m[1]} ${m[2]}:${m[3]}` : (m[1] ?? s);
}
