// Saved news pages for the bench's HTML import rows: a full document per article, as a browser's "save page"
// keeps it. <head> with the title and the outlet's suffix, og:* and article:* meta, a JSON-LD NewsArticle, a
// canonical link, style sheets, ad and analytics script; a body laid out by one of four made-up outlets
// (html-layouts.ts: different structures and class names, Italian and English) around the article, its
// figure, 6–15 paragraphs, tags and related links; then a bundle's script and a state blob (html-noise.ts)
// that bring the page to 40–150 KB, as real pages are. The prose comes from text-gen.ts; every name, link and
// line of code is generated, nothing is copied from a real site. Seeded: page i is the same page every run.
import { adSetup, between, bundleCode, esc, partRng, pick, stateBlob } from './html-noise';
import { LAYOUTS, type Outlet } from './html-layouts';
import { paragraph, sentence, zipfIndex, type LanguageModel, type Rng } from './text-gen';

export interface PageModel {
  i: number;
  lang: 'it' | 'en';
  title: string;
  lead: string;
  paragraphs: string[];
  author: string;
  /** ISO 8601 with offset: 2023-04-05T14:26:00+02:00 */
  published: string;
  modified: string;
  /** The date as the page prints it, in the outlet's style. */
  dateText: string;
  section: string;
  url: string;
  image: string;
  caption: string;
  credit: string;
  tags: string[];
  related: Array<{ title: string; url: string; teaser: string }>;
  /** The latest-news rail: headlines with their section and time. */
  latest: Array<{ title: string; url: string; section: string; time: string }>;
  sections: string[];
}

const SECTIONS = {
  it: ['Cronaca', 'Politica', 'Esteri', 'Economia', 'Cultura', 'Sport', 'Ambiente', 'Tecnologia', 'Salute'],
  en: ['World', 'Politics', 'Business', 'Climate', 'Science', 'Health', 'Culture', 'Sport', 'Opinion'],
};
const MONTHS = {
  it: 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  en: 'January February March April May June July August September October November December',
};
const pad = (n: number) => String(n).padStart(2, '0');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const name = (rng: Rng, m: LanguageModel) =>
  capital(m.lexicon[zipfIndex(rng, m.lexicon.length)]!.toLowerCase());

function headline(rng: Rng, m: LanguageModel): string {
  const words = Array.from({ length: between(rng, 6, 13) }, (_, k) =>
    k % 3 === 1 ? m.lexicon[zipfIndex(rng, m.lexicon.length)]! : pick(rng, k % 3 === 0 ? m.content : m.fn),
  );
  return capital(words.join(' '));
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 70);

/** The date as the outlet prints it: "5 aprile 2023, 14:26", "April 5, 2023 2:26 PM", "05/04/2023". */
function printedDate(d: Date, hh: number, mm: number, lang: 'it' | 'en', style: number): string {
  const month = MONTHS[lang].split(' ')[d.getUTCMonth()]!;
  const [day, year] = [d.getUTCDate(), d.getUTCFullYear()];
  if (style === 0 && lang === 'it') return `${day} ${month} ${year}, ${pad(hh)}:${pad(mm)}`;
  if (style === 0)
    return `${month} ${day}, ${year} ${((hh + 11) % 12) + 1}:${pad(mm)} ${hh < 12 ? 'AM' : 'PM'}`;
  if (style === 1) return `${pad(day)}/${pad(d.getUTCMonth() + 1)}/${year} ${pad(hh)}:${pad(mm)}`;
  return `${day} ${month} ${year}`;
}

export function pageModel(
  i: number,
  outlet: Outlet,
  models: { it: LanguageModel; en: LanguageModel },
): PageModel {
  const rng = partRng(i, 1);
  const m = models[outlet.lang];
  const title = headline(rng, m);
  const paragraphs = Array.from({ length: between(rng, 6, 15) }, () =>
    paragraph(rng, m, between(rng, 250, 800)),
  );
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rng() * 6 * 365) * 86_400_000);
  const [hh, mm, tz] = [between(rng, 6, 22), between(rng, 0, 59), rng() < 0.5 ? '+01:00' : '+02:00'];
  const ymd = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const section = pick(rng, SECTIONS[outlet.lang]);
  const base = `https://${outlet.domain}`;
  const link = (t: string, k: number) =>
    outlet.urlStyle === 'dated'
      ? `${base}/${slug(section)}/${ymd.replace(/-/g, '/')}/${slug(t)}-${1_000_000 + i * 31 + k}/`
      : `${base}/${slug(section)}/${slug(t)}-${(1_000_000 + i * 31 + k).toString(36)}`;
  return {
    i,
    lang: outlet.lang,
    title,
    lead: sentence(rng, m, 16, 32),
    paragraphs,
    author: `${name(rng, m)} ${name(rng, m)}`,
    published: `${ymd}T${pad(hh)}:${pad(mm)}:00${tz}`,
    modified: `${ymd}T${pad(Math.min(23, hh + 1))}:${pad(mm)}:00${tz}`,
    dateText: printedDate(day, hh, mm, outlet.lang, outlet.dateStyle),
    section,
    url: link(title, 0),
    image: `${base}/media/${ymd.slice(0, 4)}/${between(rng, 10_000, 99_999)}-${slug(title).slice(0, 30)}.jpg`,
    caption: sentence(rng, m, 8, 18),
    credit: `${name(rng, m)} ${name(rng, m)} / ${pick(rng, ['Agenzia', 'Photo', 'Archive', 'Pool'])}`,
    tags: Array.from({ length: between(rng, 3, 8) }, () => name(rng, m)),
    related: Array.from({ length: between(rng, 4, 8) }, (_, k) => {
      const t = headline(rng, m);
      return { title: t, url: link(t, k + 1), teaser: sentence(rng, m, 10, 20) };
    }),
    latest: Array.from({ length: between(rng, 20, 45) }, (_, k) => {
      const t = headline(rng, m);
      return {
        title: t,
        url: link(t, 20 + k),
        section: pick(rng, SECTIONS[outlet.lang]),
        time: `${pad(between(rng, 0, 23))}:${pad(between(rng, 0, 59))}`,
      };
    }),
    sections: SECTIONS[outlet.lang],
  };
}

function jsonLd(p: PageModel, o: Outlet): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': p.url },
    headline: p.title,
    description: p.lead,
    image: [p.image],
    datePublished: p.published,
    dateModified: p.modified,
    author: [{ '@type': 'Person', name: p.author }],
    publisher: {
      '@type': 'Organization',
      name: o.name,
      logo: { '@type': 'ImageObject', url: `https://${o.domain}/logo.png` },
    },
    articleSection: p.section,
    keywords: p.tags.join(','),
    inLanguage: p.lang === 'it' ? 'it-IT' : 'en-GB',
  };
  return JSON.stringify(ld).replace(/</g, '\\u003c');
}

function head(
  p: PageModel,
  o: Outlet,
  rng: Rng,
  styleBytes: number,
  style: (bytes: number) => string,
): string {
  const cdn = `https://cdn.${o.domain.replace(/^www\./, '')}`;
  const meta = (attr: string, key: string, value: string) =>
    `<meta ${attr}="${key}" content="${esc(value)}">`;
  return [
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(p.title)}${o.titleSuffix}</title>`,
    meta('name', 'description', p.lead),
    meta('name', 'robots', 'index, follow, max-image-preview:large'),
    `<link rel="canonical" href="${p.url}">`,
    `<link rel="preconnect" href="${cdn}">`,
    `<link rel="stylesheet" href="${cdn}/assets/main.${between(rng, 1e5, 9e5).toString(16)}.css">`,
    meta('property', 'og:site_name', o.name),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', p.title),
    meta('property', 'og:description', p.lead),
    meta('property', 'og:url', p.url),
    meta('property', 'og:image', p.image),
    meta('property', 'og:locale', p.lang === 'it' ? 'it_IT' : 'en_GB'),
    meta('property', 'article:published_time', p.published),
    meta('property', 'article:modified_time', p.modified),
    meta('property', 'article:section', p.section),
    ...p.tags.slice(0, 3).map((t) => meta('property', 'article:tag', t)),
    meta('name', 'twitter:card', 'summary_large_image'),
    `<script type="application/ld+json">${jsonLd(p, o)}</script>`,
    `<style>${style(styleBytes)}</style>`,
    `<script>${adSetup(rng, between(rng, 3, 8))}</script>`,
    `<script async src="${cdn}/js/vendor.${between(rng, 1e5, 9e5).toString(16)}.js"></script>`,
    '</head>',
  ].join('\n');
}

/** Page `i` of the bench set, with its outlet's name (the layout is outlet i mod 4); `models`: languageModels(). */
export function htmlPage(
  i: number,
  models: { it: LanguageModel; en: LanguageModel },
): { html: string; outlet: string } {
  const outlet = LAYOUTS[i % LAYOUTS.length]!;
  const p = pageModel(i, outlet, models);
  const rng = partRng(i, 2);
  const target = between(rng, 40, 150) * 1024;
  const body = outlet.body(p, partRng(i, 3));
  const style = (bytes: number) => outlet.styleSheet(partRng(i, 4), bytes);
  const bare = head(p, outlet, partRng(i, 5), 0, style).length + body.length;
  // What the page still needs to reach its size: a fifth style sheet, the rest script.
  const rest = Math.max(2000, target - bare);
  const texts = [...p.paragraphs, ...p.related.map((r) => r.teaser)];
  const scripts = [
    `<script>${bundleCode(partRng(i, 6), rest * 0.45)}</script>`,
    `<script id="${outlet.stateId}" type="application/json">${stateBlob(partRng(i, 7), texts, rest * 0.35)}</script>`,
  ].join('\n');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${p.lang}" class="no-js">`,
    head(p, outlet, partRng(i, 5), rest * 0.2, style),
    `<body class="${outlet.bodyClass}">`,
    body,
    scripts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html, outlet: outlet.key };
}
