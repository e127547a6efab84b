// Near-duplicate groups in the article list: the same story imported from several outlets ("3 versions").
import type { ArticleMeta } from '../../../../shared/domain/types';

/** Group id → how many articles of the list are in it (groups of one are left out). */
export function versionCounts(
  articles: readonly Pick<ArticleMeta, 'nearDuplicateGroup'>[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of articles)
    if (a.nearDuplicateGroup) counts.set(a.nearDuplicateGroup, (counts.get(a.nearDuplicateGroup) ?? 0) + 1);
  for (const [g, n] of counts) if (n < 2) counts.delete(g);
  return counts;
}

export const versionsLabel = (n: number) => `${n.toLocaleString('en-US')} versions`;
