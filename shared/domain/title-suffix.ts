// The site's name learnt from the library: when other titles from the same domain end (or start) with the same
// part ("… - KESQ", "…-新华网", "Blog » …"), that part is the site's name, not the headline's. A page names its
// site in its metadata only sometimes; its other pages in the library always do. Pure: the importer feeds it
// the titles of the library and of the batch, domain by domain.
import { isSubstantial, joinParts, siteKey, splitTitle } from './title-parts';

/** How many other titles (with different headlines) must share a part before it counts as the site's name. */
export const SHARED_BY = 2;
/** A site's name is short; a longer shared part is more likely a series' headline. */
const MAX_AFFIX_WORDS = 8;

const wordCount = (s: string) => s.split(/\s+/).length;

interface Affix {
  key: string;
  /** The headline left beside it: the same headline twice (one story saved twice) is one witness, not two. */
  rest: string;
}

/** The parts at either end of a title that could be a site's name: every run of end parts, both sides. */
function affixesOf(title: string): { suffixes: Affix[]; prefixes: Affix[] } {
  const split = splitTitle(title);
  const n = split.parts.length;
  const suffixes: Affix[] = [];
  const prefixes: Affix[] = [];
  for (let i = 1; i < n; i++) {
    const tail = joinParts(split, i, n);
    const head = joinParts(split, 0, i);
    // One entry per cut, so that entry i - 1 is the cut after part i; a part too long to be a name gets no key.
    suffixes.push({ key: wordCount(tail) <= MAX_AFFIX_WORDS ? siteKey(tail) : '', rest: siteKey(head) });
    prefixes.push({ key: wordCount(head) <= MAX_AFFIX_WORDS ? siteKey(head) : '', rest: siteKey(tail) });
  }
  return { suffixes, prefixes };
}

/** Per affix key, the distinct headlines seen beside it (kept to SHARED_BY + 1: enough to decide). */
type Witnesses = Map<string, Set<string>>;

function witness(map: Witnesses, { key, rest }: Affix): void {
  if (!key) return;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  if (set.size <= SHARED_BY) set.add(rest);
}

/** Other titles with another headline beside the same affix. */
function othersWith(map: Witnesses, { key, rest }: Affix): number {
  const set = map.get(key);
  return set ? set.size - (set.has(rest) ? 1 : 0) : 0;
}

/**
 * Titles by domain, and what they share. `add` the titles already stored, then for each new article `cut` its
 * title and `add` it (as extracted) so that the next ones of the batch learn from it too.
 */
export class SiteAffixIndex {
  private readonly domains = new Map<string, { suffixes: Witnesses; prefixes: Witnesses }>();

  /** A title of the domain (an empty one only makes the domain known). */
  add(domain: string | null | undefined, title: string): void {
    if (!domain) return;
    let d = this.domains.get(domain);
    if (!d) this.domains.set(domain, (d = { suffixes: new Map(), prefixes: new Map() }));
    if (!title) return;
    const { suffixes, prefixes } = affixesOf(title);
    for (const a of suffixes) witness(d.suffixes, a);
    for (const a of prefixes) witness(d.prefixes, a);
  }

  /** True when the index has seen titles of this domain. */
  has(domain: string): boolean {
    return this.domains.has(domain);
  }

  /**
   * The title without the longest end part that at least SHARED_BY other titles of its domain share, when a
   * substantial headline is left; else the title as it is.
   */
  cut(domain: string | null | undefined, title: string): string {
    const d = domain ? this.domains.get(domain) : undefined;
    if (!d) return title;
    const split = splitTitle(title);
    const n = split.parts.length;
    let from = 0;
    let to = n;
    const { suffixes, prefixes } = affixesOf(title);
    // suffixes[i - 1] is the run parts[i..n): the first match is the longest.
    const s = suffixes.findIndex((a) => othersWith(d.suffixes, a) >= SHARED_BY);
    if (s >= 0) to = s + 1;
    // prefixes[i - 1] is parts[0..i): the last match is the longest.
    for (let i = prefixes.length - 1; i >= 0; i--)
      if (i + 1 < to && othersWith(d.prefixes, prefixes[i]!) >= SHARED_BY) {
        from = i + 1;
        break;
      }
    if (from === 0 && to === n) return title;
    const kept = joinParts(split, from, to);
    return isSubstantial(kept) ? kept : title;
  }
}

/**
 * Titles cut by what the stored titles of their domain share: the import (one per batch) and re-extraction
 * (one per article) both ask this. The stored titles are grouped by domain on the first question (one pass),
 * and a domain's enter the index only when one of its titles is asked about. `learn` adds a title just
 * extracted, so that the next ones of a batch learn from it too.
 */
export function siteTitleCutter(stored: ReadonlyArray<{ outlet: { domain: string | null }; title: string }>) {
  const index = new SiteAffixIndex();
  let byDomain: Map<string, string[]> | null = null;
  const load = (domain: string) => {
    if (index.has(domain)) return;
    if (!byDomain) {
      byDomain = new Map();
      for (const a of stored) {
        const d = a.outlet.domain;
        if (!d) continue;
        const titles = byDomain.get(d);
        if (titles) titles.push(a.title);
        else byDomain.set(d, [a.title]);
      }
    }
    index.add(domain, '');
    for (const t of byDomain.get(domain) ?? []) index.add(domain, t);
  };
  return {
    cut(domain: string | null | undefined, title: string): string {
      if (!domain) return title;
      load(domain);
      return index.cut(domain, title);
    },
    learn(domain: string | null | undefined, title: string): void {
      if (!domain) return;
      load(domain);
      index.add(domain, title);
    },
  };
}

/** One title cut by the titles of its domain (a convenience over SiteAffixIndex for one title). */
export function cutSharedAffix(title: string, othersOfDomain: readonly string[]): string {
  const index = new SiteAffixIndex();
  for (const t of othersOfDomain) index.add('d', t);
  return index.cut('d', title);
}
