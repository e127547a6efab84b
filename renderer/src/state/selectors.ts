// Derived data as pure functions of state. Components memoise the calls; nothing here touches the DOM.
import type { Annotation, ArticleSummary, ClaimSummary } from '../../../shared/domain/types';
import { foldForMatch } from '../../../shared/domain/fold';

/** What the article list shows as "claims": distinct claims with evidence in the article. */
export function annotationCounts(annotations: readonly Annotation[]): {
  claimCount: number;
  annotationCount: number;
} {
  return { claimCount: new Set(annotations.map((a) => a.claimId)).size, annotationCount: annotations.length };
}

/** A claim's text shortened for toasts and labels. */
export function claimLabel(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const cps = Array.from(t);
  return cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : t;
}

// Folded haystacks (case and accents, as the full-text search folds) are cached per summary object, so
// filtering 100,000 rows per keystroke stays cheap.
const haystacks = new WeakMap<ArticleSummary, string>();
function haystack(a: ArticleSummary): string {
  let h = haystacks.get(a);
  if (h === undefined) {
    h = foldForMatch([a.title, a.outlet.name, a.outlet.domain ?? '', a.url ?? ''].join('\u0000'));
    haystacks.set(a, h);
  }
  return h;
}

/** Rows whose title, outlet or URL contain every word of the query (ignoring case and accents). */
export function filterArticles(
  articles: readonly ArticleSummary[],
  query: string,
): readonly ArticleSummary[] {
  const words = foldForMatch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return articles;
  return articles.filter((a) => {
    const h = haystack(a);
    return words.every((w) => h.includes(w));
  });
}

/**
 * Claims matching typed text for the typeahead (ignoring case and accents: "ritirera" finds "ritirerà"):
 * prefix matches first, then by evidence; recent ones when empty.
 */
export function matchClaims(claims: readonly ClaimSummary[], query: string, limit = 8): ClaimSummary[] {
  const q = foldForMatch(query.trim());
  if (!q)
    return [...claims]
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
      .slice(0, limit);
  const scored: Array<{ c: ClaimSummary; rank: number }> = [];
  for (const c of claims) {
    const text = foldForMatch(c.text);
    const at = text.indexOf(q);
    if (at >= 0) scored.push({ c, rank: at === 0 ? 0 : 1 });
    else if (foldForMatch(c.speaker).includes(q)) scored.push({ c, rank: 2 });
  }
  scored.sort(
    (a, b) => a.rank - b.rank || b.c.sourceCount - a.c.sourceCount || a.c.text.localeCompare(b.c.text),
  );
  return scored.slice(0, limit).map((s) => s.c);
}

/** An existing claim worded exactly as typed (ignoring case and spacing), so typing it again reuses it. */
export function findClaimByText(claims: readonly ClaimSummary[], text: string): ClaimSummary | undefined {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const t = norm(text);
  return t ? claims.find((c) => norm(c.text) === t) : undefined;
}

/** Annotations in reading order. */
export function sortAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(
    (a, b) =>
      a.position.start - b.position.start || a.position.end - b.position.end || (a.id < b.id ? -1 : 1),
  );
}

/** "a, b ,, c, a" → ["a", "b", "c"] */
export function parseTags(input: string): string[] {
  const out: string[] = [];
  for (const raw of input.split(',')) {
    const t = raw.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Claims whose text, speaker or note contain every word of the query (ignoring case and accents). */
export function filterClaims(claims: readonly ClaimSummary[], query: string): readonly ClaimSummary[] {
  const words = foldForMatch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return claims;
  return claims.filter((c) => {
    const h = foldForMatch(`${c.text}\u0000${c.speaker}\u0000${c.note}`);
    return words.every((w) => h.includes(w));
  });
}
