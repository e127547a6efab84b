// The outlet registry: which outlet publishes at a domain. Built in, a short list of the outlets our users
// study most (add a line per domain); each library adds its own names or overrides these in its settings
// (settings.json "outletNames", edited in the settings dialog or with `workbench settings --outlet`).
// Lookups walk up the host name ("edition.cnn.com" finds "cnn.com"); at each level a library's own name wins
// over the built-in one, and the most specific level wins over both ("it.sputniknews.com" is Sputnik Italia
// even when a library names "sputniknews.com"). Pure data and string work: the renderer shows it, the
// extractors and the library apply it.

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

/** A library's own outlet names: domain (normalised, see normalizeHost) → name. */
export type OutletNames = Readonly<Record<string, string>>;

/** Longest outlet name accepted, and most names a library keeps. */
export const OUTLET_NAME_MAX = 120;
export const OUTLET_NAMES_MAX = 5000;

/** Lower case, no port, no trailing dot, no leading "www."; null when it is not a host name with a dot. */
export function normalizeHost(host: string): string | null {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\d*\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(h) && /[a-z]/.test(h.slice(h.lastIndexOf('.') + 1)) ? h : null;
}

/** Where the registry names `host` or its nearest listed parent: the name and whose it is; null when nowhere. */
export function lookupOutletName(
  host: string,
  names: OutletNames = {},
): { name: string; domain: string; own: boolean } | null {
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join('.');
    const own = Object.hasOwn(names, domain) ? names[domain] : undefined;
    if (own) return { name: own, domain, own: true };
    const builtIn = Object.hasOwn(OUTLETS, domain) ? OUTLETS[domain] : undefined;
    if (builtIn) return { name: builtIn, domain, own: false };
  }
  return null;
}
