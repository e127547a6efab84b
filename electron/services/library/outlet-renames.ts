// When a library's own outlet names change, the articles already stored from those domains take the new
// name, so that one outlet does not show under two names in the list, the claims view and the exports.
// A name the library forgets goes back to the built-in registry's name for the domain, or the domain itself
// (what an import would find), but only on articles that still carry the forgotten name. Articles known by
// name only (no domain) are left as they are.
import type { ArticleMeta, Outlet } from '../../../shared/domain/types';
import { lookupOutletName, type OutletNames } from '../../../shared/domain/outlet-registry';

/** The library's own name for a domain (nearest listed level, unless a nearer built-in one wins), else null. */
function ownName(domain: string, names: OutletNames): string | null {
  const hit = lookupOutletName(domain, names);
  return hit?.own ? hit.name : null;
}

/** The outlets to change: article → its new outlet. */
export function outletRenames(
  articles: readonly ArticleMeta[],
  before: OutletNames,
  after: OutletNames,
): Map<ArticleMeta, Outlet> {
  const changes = new Map<ArticleMeta, Outlet>();
  for (const a of articles) {
    const domain = a.outlet.domain;
    if (!domain) continue;
    const was = ownName(domain, before);
    const now = ownName(domain, after);
    if (was === now) continue;
    let name: string | null = null;
    if (now !== null) name = now;
    else if (a.outlet.name === was) name = lookupOutletName(domain)?.name ?? domain;
    if (name !== null && name !== a.outlet.name) changes.set(a, { name, domain });
  }
  return changes;
}

/** The index's list of outlets seen, from its articles (first appearance first). */
export function outletsOf(articles: readonly ArticleMeta[]): Outlet[] {
  const seen = new Map<string, Outlet>();
  for (const { outlet } of articles) {
    const key = `${outlet.domain ?? ''} ${outlet.name}`;
    if (!seen.has(key)) seen.set(key, { name: outlet.name, domain: outlet.domain });
  }
  return [...seen.values()];
}
