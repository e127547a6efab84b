// Full-text search for the article list's filter box: from three characters on, the query also goes to
// articles.search (debounced, so typing a word sends one call, and answers to older queries are dropped).
// The list then shows the union of its local title/outlet/URL matches and the full-text hits, hits first
// in rank order, each hit with a snippet around its first match.
import { useEffect, useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/domain/types';
import { useApi } from '../../api/api-context';

export const FULL_TEXT_MIN_CHARS = 3;
export const FULL_TEXT_DEBOUNCE_MS = 150;
export const FULL_TEXT_LIMIT = 200;

export interface FullTextHit {
  id: string;
  score: number;
  snippet: string;
}

export interface FullTextState {
  /** Hits for `query` (best first), or null when no full-text search applies to the current filter. */
  hits: FullTextHit[] | null;
  /** The query the hits answer. */
  query: string;
  /** A search for the current filter is waiting or running. */
  pending: boolean;
}

export function useFullTextSearch(
  filter: string,
  opts: { minChars?: number; debounceMs?: number; limit?: number } = {},
): FullTextState {
  const api = useApi();
  const {
    minChars = FULL_TEXT_MIN_CHARS,
    debounceMs = FULL_TEXT_DEBOUNCE_MS,
    limit = FULL_TEXT_LIMIT,
  } = opts;
  const query = filter.trim().slice(0, 200);
  const active = query.length >= minChars;
  const [answer, setAnswer] = useState<{ query: string; hits: FullTextHit[] } | null>(null);

  useEffect(() => {
    if (!active) return;
    let current = true;
    const timer = setTimeout(() => {
      api.call('articles.search', { query, limit }).then(
        (hits) => {
          if (current) setAnswer({ query, hits });
        },
        () => {
          // Full text is an addition to the local filter: if it fails, the local matches still show.
          if (current) setAnswer({ query, hits: [] });
        },
      );
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query, active, debounceMs, limit]);

  if (!active) return { hits: null, query, pending: false };
  // Until the answer for this query arrives, keep showing the one for the query being typed or erased
  // ("gover" while "governo" is on its way), not the answer to an unrelated earlier query.
  const related = answer !== null && (query.startsWith(answer.query) || answer.query.startsWith(query));
  return {
    hits: related ? answer.hits : null,
    query: related ? answer.query : '',
    pending: answer?.query !== query,
  };
}

/**
 * The rows to show: full-text hits first (in rank order), then the local matches that are not hits.
 * `hits` null means there is no full-text search, so the local matches stand alone.
 */
export function mergeFullTextHits(
  articles: readonly ArticleSummary[],
  localMatches: readonly ArticleSummary[],
  hits: readonly FullTextHit[] | null,
): ArticleSummary[] {
  if (!hits || hits.length === 0) return localMatches as ArticleSummary[];
  const byId = new Map(articles.map((a) => [a.id, a]));
  const out: ArticleSummary[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    const a = byId.get(h.id);
    if (a && !seen.has(a.id)) {
      out.push(a);
      seen.add(a.id);
    }
  }
  for (const a of localMatches) if (!seen.has(a.id)) out.push(a);
  return out;
}

/** id → snippet of the current hits, for the rows to show. */
export function useSnippets(hits: readonly FullTextHit[] | null): ReadonlyMap<string, string> {
  return useMemo(() => new Map((hits ?? []).filter((h) => h.snippet).map((h) => [h.id, h.snippet])), [hits]);
}
