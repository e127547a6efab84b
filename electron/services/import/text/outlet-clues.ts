// Which outlet an article comes from, from the clues its file gives (its URL, a name it gives itself, its
// contact lines), named through the outlet registry (shared/domain/outlet-registry.ts); a domain not listed names
// itself. A library's own names are applied after extraction (withOutletNames), so the extractor workers need
// only the built-in list.
import type { Outlet } from '../../../../shared/domain/types';
import {
  OUTLETS,
  lookupOutletName,
  normalizeHost,
  type OutletNames,
} from '../../../../shared/domain/outlet-registry';

export { OUTLETS, normalizeHost };

export const UNKNOWN_OUTLET: Outlet = { name: 'Unknown', domain: null };

/** Built-in registry name for the host or its nearest listed parent domain, else null. */
export function registeredName(host: string): string | null {
  const hit = lookupOutletName(host);
  return hit ? hit.name : null;
}

/** Outlet for a host name: the registry's name, else the domain itself. */
export function outletFromDomain(host: string): Outlet {
  const domain = normalizeHost(host);
  if (!domain) return UNKNOWN_OUTLET;
  return { name: registeredName(domain) ?? domain, domain };
}

/** Which source an outlet is, for telling apart the same text from two outlets: its domain, else its name. */
export function outletKey(o: Outlet): string {
  return o.domain ? `domain:${o.domain}` : `name:${o.name.trim().toLowerCase()}`;
}

/** Host of an http(s) URL, normalised, or null. */
export function hostOfUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? normalizeHost(u.hostname) : null;
  } catch {
    return null;
  }
}

/** The entry of a domain → name table whose name is `name` (case aside), or null. */
function entryNamed(name: string, table: OutletNames): Outlet | null {
  const wanted = name.trim().toLowerCase();
  for (const [domain, n] of Object.entries(table)) if (n.toLowerCase() === wanted) return { name: n, domain };
  return null;
}

/** Registry domain of an outlet name ("Sputnik Italia" → "it.sputniknews.com"), for sources naming themselves. */
export function domainOfOutletName(name: string): string | null {
  return entryNamed(name, OUTLETS)?.domain ?? null;
}

/** Hosts that serve links, media or social posts, never the article's own outlet. */
const NOT_OUTLETS =
  /(?:^|\.)(?:twitter\.com|x\.com|t\.co|facebook\.com|fb\.com|instagram\.com|youtube\.com|youtu\.be|t\.me|telegram\.me|tiktok\.com|linkedin\.com|google\.com|goo\.gl|bit\.ly|wikipedia\.org|archive\.org|vk\.com)$/;
const MEDIA_HOST = /^(?:cdn|img|image|images|static|media|assets)[\w-]*\./;

export interface OutletClues {
  /** The article's own URL. */
  url?: string | null;
  /** A name the text gives itself, e.g. "Sputnik Italia" in a dateline. */
  selfName?: string | null;
  /** Domains from the outlet's own contact and follow-us lines. */
  ownDomains?: readonly string[];
  /** Any other URLs in the text, used only when nothing better is known. */
  otherUrls?: readonly string[];
}

/** Best outlet from the clues, in order of reliability; "Unknown" when there are none. */
export function resolveOutlet(clues: OutletClues): Outlet {
  const host = clues.url ? hostOfUrl(clues.url) : null;
  if (host) {
    const known = registeredName(host);
    return { name: known ?? clues.selfName ?? host, domain: host };
  }
  if (clues.selfName) return { name: clues.selfName, domain: domainOfOutletName(clues.selfName) };
  for (const d of clues.ownDomains ?? []) {
    const outlet = outletFromDomain(d);
    if (outlet.domain) return outlet;
  }
  for (const u of clues.otherUrls ?? []) {
    const h = hostOfUrl(u);
    if (h && !NOT_OUTLETS.test(h) && !MEDIA_HOST.test(h)) return outletFromDomain(h);
  }
  return UNKNOWN_OUTLET;
}

/**
 * The outlet as a library names it: the library's own name for the domain (or its nearest listed parent,
 * unless the built-in list names a nearer one); for an outlet known only by name, the domain the library
 * gives that name. Otherwise unchanged.
 */
export function withOutletNames(outlet: Outlet, names: OutletNames): Outlet {
  if (outlet.domain) {
    const hit = lookupOutletName(outlet.domain, names);
    return hit?.own && hit.name !== outlet.name ? { name: hit.name, domain: outlet.domain } : outlet;
  }
  return entryNamed(outlet.name, names) ?? outlet;
}
