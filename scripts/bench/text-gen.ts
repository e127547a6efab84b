// Deterministic generator of realistic-looking news articles for the bench: Italian and English prose from
// small built-in word lists, plus a Zipf-distributed lexicon of made-up words (names, places, rare terms) so
// the vocabulary grows with the library as real news vocabularies do (tens of thousands of distinct terms),
// instead of a few hundred words that would make any index look unrealistically small and fast.
// Everything is seeded: the same seed gives the same library, byte for byte.

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const IT_FUNCTION =
  `il lo la i gli le un una di a da in con su per tra fra e o ma che non è ha sono come anche più
  del della dei delle nel nella al alla sul sulla dal dalla questo questa quello quella suo sua loro ogni dopo
  prima mentre secondo però quindi già ancora sempre molto poco tutto tutti essere stato stata`.split(/\s+/);
const IT_CONTENT =
  `governo presidente ministro parlamento città paese stato guerra pace accordo crisi elezioni
  partito opposizione sindacato economia mercato prezzi inflazione energia gas petrolio sanzioni esercito truppe
  confine frontiera polizia proteste manifestanti società libertà sicurezza diritti giustizia tribunale sentenza
  indagine procura inchiesta dichiarazione conferenza portavoce fonti agenzia notizia rapporto documento riforma
  legge decreto bilancio tasse lavoro disoccupazione imprese banca euro dollaro crescita debito università scuola
  sanità ospedale vaccino pandemia clima ambiente siccità alluvione terremoto comunità regione provincia comune
  sindaco cittadini popolazione minoranza comunicato intervista vertice negoziati tregua cessate fuoco attacco
  missile drone difesa alleanza cooperazione unione europea commissione consiglio cremlino occidente oriente
  dichiarato annunciato smentito confermato riferito sottolineato ribadito criticato accusato respinto
  importante difficile possibile necessario nuovo vecchio grande piccolo pubblico privato nazionale
  internazionale politico economico militare sociale ufficiale recente prossimo ultimo primo secondo terzo
  perché così oggi ieri domani settimana mese anno giorno sera mattina qualità identità realtà volontà
  priorità attività capacità opportunità responsabilità università verità`.split(/\s+/);
const EN_FUNCTION = `the a an of to in on at by for with from and or but that this these those it its is are
  was were be been has have had not as also more most than then after before while according however
  already still always very all every their his her our which who whom`.split(/\s+/);
const EN_CONTENT = `government president minister parliament city country state war peace agreement crisis
  election party opposition union economy market prices inflation energy gas oil sanctions army troops border
  police protests protesters society freedom security rights justice court ruling investigation prosecutors
  inquiry statement conference spokesman sources agency news report document reform law decree budget taxes
  jobs unemployment companies bank euro dollar growth debt university school health hospital vaccine pandemic
  climate environment drought flood earthquake community region province council mayor citizens population
  minority communique interview summit talks truce ceasefire attack missile drone defence alliance cooperation
  european commission kremlin west east declared announced denied confirmed reported stressed reiterated
  criticised accused rejected important difficult possible necessary new old large small public private
  national international political economic military social official recent next last first second third
  because today yesterday tomorrow week month year day evening morning officials analysts observers
  diplomats lawmakers negotiators residents witnesses`.split(/\s+/);

const SYLLABLES = `ka ri to ne ma sa lo vi de ra ko zan ta li mo ber gra sto vel an ur el tor mir ost dan
  shev nov ski ova ino ani esi tek bal ora una cri fel gio lu pe qua ser tsi vo yan zhe`.split(/\s+/);
const ACCENTED = ['à', 'è', 'é', 'ì', 'ò', 'ù', 'ó', 'ç', 'ë', 'ö'];

/** A lexicon of made-up proper names and rare words; some carry accents, like Italian and foreign names. */
export function makeLexicon(rng: Rng, size: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < size) {
    let w = '';
    const n = between(rng, 2, 4);
    for (let i = 0; i < n; i++) w += pick(rng, SYLLABLES);
    if (rng() < 0.08) w += pick(rng, ACCENTED);
    if (rng() < 0.4) w = w[0]!.toUpperCase() + w.slice(1);
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}

/**
 * Zipf–Mandelbrot index in [0, n): rank r has probability ∝ 1/(r + 1 + q). q = 0 is plain Zipf (names,
 * rare words); a larger q flattens the head (common content words, none of which fills a sixth of a text).
 */
export function zipfIndex(rng: Rng, n: number, q = 0): number {
  const lo = Math.log(1 + q);
  const hi = Math.log(n + 1 + q);
  const i = Math.floor(Math.exp(lo + rng() * (hi - lo)) - 1 - q);
  return Math.max(0, Math.min(n - 1, i));
}

export interface LanguageModel {
  lang: 'it' | 'en';
  fn: readonly string[];
  content: readonly string[];
  lexicon: readonly string[];
}

export function languageModels(seed = 7, lexiconSize = 40_000): { it: LanguageModel; en: LanguageModel } {
  const lexicon = makeLexicon(createRng(seed), lexiconSize);
  return {
    it: { lang: 'it', fn: IT_FUNCTION, content: IT_CONTENT, lexicon },
    en: { lang: 'en', fn: EN_FUNCTION, content: EN_CONTENT, lexicon },
  };
}

function word(rng: Rng, m: LanguageModel): string {
  const r = rng();
  if (r < 0.42) return pick(rng, m.fn);
  // Content words are Zipf-distributed too: a few appear in most articles, most in some.
  if (r < 0.88) return m.content[zipfIndex(rng, m.content.length, 20)]!;
  return m.lexicon[zipfIndex(rng, m.lexicon.length)]!;
}

export function sentence(rng: Rng, m: LanguageModel, minWords = 8, maxWords = 24): string {
  const n = between(rng, minWords, maxWords);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(word(rng, m));
  if (rng() < 0.2)
    words.splice(between(rng, 1, n - 1), 0, `“${pick(rng, m.content)} ${pick(rng, m.content)}”`);
  if (rng() < 0.3) words[between(rng, 0, n - 1)] += ',';
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + (rng() < 0.9 ? '.' : '?');
}

export function paragraph(rng: Rng, m: LanguageModel, targetChars: number): string {
  const parts: string[] = [];
  let len = 0;
  while (len < targetChars) {
    const s = sentence(rng, m);
    parts.push(s);
    len += s.length + 1;
  }
  return parts.join(' ');
}

export interface GeneratedArticle {
  lang: 'it' | 'en';
  title: string;
  lead: string;
  paragraphs: string[];
  /** yyyy-mm-dd */
  date: string;
  /** ISO timestamp with offset, e.g. 2023-04-05T14:26+0200 */
  timestamp: string;
  domain: string;
  url: string;
}

const DOMAINS = [
  'it.sputniknews.com',
  'www.ansa.it',
  'www.repubblica.it',
  'www.corriere.it',
  'www.rainews.it',
  'www.reuters.com',
  'www.bbc.co.uk',
  'www.theguardian.com',
  'apnews.com',
  'www.euronews.com',
];
const IT_DOMAINS = new Set([
  'it.sputniknews.com',
  'www.ansa.it',
  'www.repubblica.it',
  'www.corriere.it',
  'www.rainews.it',
]);

const pad = (n: number) => String(n).padStart(2, '0');

/** Article number `i` of a library: about `bodyBytes` of body text, Italian or English, dated 2019–2024. */
export function generateArticle(
  i: number,
  models: { it: LanguageModel; en: LanguageModel },
  bodyBytes = 4000,
): GeneratedArticle {
  const rng = createRng(0x9e3779b1 ^ (i * 2654435761));
  const domain = DOMAINS[i % DOMAINS.length]!;
  const m = IT_DOMAINS.has(domain) ? models.it : models.en;
  const titleWords: string[] = [];
  const tn = between(rng, 6, 12);
  for (let k = 0; k < tn; k++)
    titleWords.push(
      k % 3 === 1 ? m.lexicon[zipfIndex(rng, m.lexicon.length)]! : pick(rng, k % 3 === 0 ? m.content : m.fn),
    );
  // A serial keeps titles distinct (the importer treats the same text twice as a duplicate).
  const title = `${titleWords.join(' ').replace(/^./, (c) => c.toUpperCase())}: ${pick(rng, m.content)} ${i}`;
  const lead = sentence(rng, m, 14, 30);
  const paragraphs: string[] = [];
  let len = 0;
  while (len < bodyBytes) {
    const p = paragraph(rng, m, between(rng, 300, 900));
    paragraphs.push(p);
    len += Buffer.byteLength(p) + 2;
  }
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rng() * 6 * 365) * 86_400_000);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const timestamp = `${date}T${pad(between(rng, 6, 22))}:${pad(between(rng, 0, 59))}+0${rng() < 0.5 ? 1 : 2}00`;
  const slug = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return {
    lang: m.lang,
    title,
    lead,
    paragraphs,
    date,
    timestamp,
    domain,
    url: `https://${domain}/${date.replace(/-/g, '')}/${slug}-${100000 + i}.html`,
  };
}

const IT_MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

/**
 * The article as a scraper's dump. Even numbers in the ilfogliettone style (title twice, an Italian date line,
 * paragraphs, a "Leggi anche" teaser, the outlet's footer), odd ones in the Sputnik style (a " date … URL"
 * header, title twice, og:description with a dateline, timestamps, section labels, the XPath line, an image
 * URL, the body, repeated contact lines, locale and image sizes).
 */
export function toScrapeDump(a: GeneratedArticle, i: number): string {
  if (i % 2 === 0) {
    const [y, mo, d] = a.date.split('-').map(Number) as [number, number, number];
    return [
      a.title,
      '',
      a.title,
      `${d} ${IT_MONTHS[mo - 1]} ${y}`,
      '',
      a.lead,
      '',
      ...a.paragraphs.slice(0, 2).flatMap((p) => [p, '']),
      'Leggi anche:',
      `${a.paragraphs[0]!.split(' ').slice(0, 9).join(' ')}`,
      '',
      ...a.paragraphs.slice(2).flatMap((p) => [p, '']),
      'Segui ilfogliettone.it su facebook',
      '© RIPRODUZIONE RISERVATA',
      'Se avete correzioni, suggerimenti o commenti scrivete a redazione@ilfogliettone.it',
      '',
    ].join('\n');
  }
  const [y, mo, d] = a.date.split('-');
  const contact = 'Sputnik Italia feedback.it@sputniknews.com +74956456601 MIA „Rosiya Segodnya“ 252 60';
  return [
    ` date ${y}-${mo} ${a.url}`,
    '',
    a.title,
    '',
    a.title,
    '',
    `${a.lead} ${d}.${mo}.${y}, Sputnik Italia`,
    '',
    a.timestamp,
    '',
    a.timestamp,
    '',
    'mondo',
    '',
    "/html/head/meta[@name='og:title']/@content /html/head/meta[@name='og:description']/@content",
    '',
    a.title,
    '',
    `https://cdnnit1.img.sputniknews.com/img/${y}/${mo}/${d}/${100000 + i}_0:0:1920:1080_1920x0_80_0_0.jpg`,
    '',
    a.paragraphs.join('\n\n'),
    '',
    contact,
    '',
    contact,
    '',
    a.lang === 'it' ? 'it_IT' : 'en_GB',
    '',
    contact,
    '',
    '1920 1080 true',
    '',
    contact,
    '',
  ].join('\n');
}
