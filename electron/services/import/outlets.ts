// Which outlet publishes at a domain. An editable registry: add a line per domain. Lookups walk up the
// host name ("edition.cnn.com" finds "cnn.com"), and a domain not listed names itself.
import type { Outlet } from '../../../shared/types';

export const OUTLETS: Readonly<Record<string, string>> = {
  'it.sputniknews.com': 'Sputnik Italia',
  'sputniknews.com': 'Sputnik',
  'sputnikglobe.com': 'Sputnik',
  'ilfogliettone.it': 'ilfogliettone.it',
  'ansa.it': 'ANSA',
  'repubblica.it': 'la Repubblica',
  'corriere.it': 'Corriere della Sera',
  'lastampa.it': 'La Stampa',
  'ilsole24ore.com': 'Il Sole 24 Ore',
  'ilfattoquotidiano.it': 'Il Fatto Quotidiano',
  'rainews.it': 'RaiNews',
  'rt.com': 'RT',
  'tass.com': 'TASS',
  'tass.ru': 'TASS',
  'ria.ru': 'RIA Novosti',
  'reuters.com': 'Reuters',
  'apnews.com': 'AP News',
  'bbc.com': 'BBC',
  'bbc.co.uk': 'BBC',
  'nytimes.com': 'The New York Times',
  'theguardian.com': 'The Guardian',
  'washingtonpost.com': 'The Washington Post',
  'cnn.com': 'CNN',
  'aljazeera.com': 'Al Jazeera',
  'france24.com': 'France 24',
  'lemonde.fr': 'Le Monde',
  'dw.com': 'DW',
  'spiegel.de': 'Der Spiegel',
  'elpais.com': 'El País',
  'euronews.com': 'Euronews',
  'bloomberg.com': 'Bloomberg',
  'ft.com': 'Financial Times',
  'politico.eu': 'Politico Europe',
  'meduza.io': 'Meduza',
  'kyivindependent.com': 'The Kyiv Independent',
};

export const UNKNOWN_OUTLET: Outlet = { name: 'Unknown', domain: null };

/** Lower case, no port, no trailing dot, no leading "www."; null when it is not a host name with a dot. */
export function normalizeHost(host: string): string | null {
  const h = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\d*\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(h) && /[a-z]/.test(h.slice(h.lastIndexOf('.') + 1)) ? h : null;
}

/** Registry name for the host or its nearest listed parent domain, else null. */
export function registeredName(host: string): string | null {
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const name = OUTLETS[labels.slice(i).join('.')];
    if (name) return name;
  }
  return null;
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

export const sameOutlet = (a: Outlet, b: Outlet) => outletKey(a) === outletKey(b);

/** Host of an http(s) URL, normalised, or null. */
export function hostOfUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? normalizeHost(u.hostname) : null;
  } catch {
    return null;
  }
}

/** Registry domain of an outlet name ("Sputnik Italia" → "it.sputniknews.com"), for sources naming themselves. */
export function domainOfOutletName(name: string): string | null {
  const wanted = name.trim().toLowerCase();
  for (const [domain, n] of Object.entries(OUTLETS)) if (n.toLowerCase() === wanted) return domain;
  return null;
}

/** Hosts that serve links, media or social posts, never the article's own outlet. */
const NOT_OUTLETS = /(?:^|\.)(?:twitter\.com|x\.com|t\.co|facebook\.com|fb\.com|instagram\.com|youtube\.com|youtu\.be|t\.me|telegram\.me|tiktok\.com|linkedin\.com|google\.com|goo\.gl|bit\.ly|wikipedia\.org|archive\.org|vk\.com)$/;
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
