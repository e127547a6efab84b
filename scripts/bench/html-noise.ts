// The bulk of a saved news page that is not the article: style sheets, inline script (a bundle's code, a state
// blob, ad and analytics set-up), SVG icons. All of it is made up from seeded random identifiers; no site's
// code is copied. Real pages are 40–150 KB mostly because of this, and the parser reads all of it.
import { createRng, type Rng } from './text-gen';

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** HTML-escaped text for element content and attribute values. */
export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ident = (rng: Rng, len = between(rng, 1, 3)) =>
  Array.from({ length: len }, () => LETTERS[Math.floor(rng() * 26)]).join('') + between(rng, 0, 99);

const CSS_PROPS: Array<[string, () => string]> = [
  ['margin', () => '0 auto'],
  ['padding', () => '8px 16px'],
  ['display', () => 'flex'],
  ['font-size', () => '1.125rem'],
  ['line-height', () => '1.5'],
  ['color', () => '#1a1a1a'],
  ['background-color', () => '#f5f5f5'],
  ['border-bottom', () => '1px solid #e0e0e0'],
  ['position', () => 'relative'],
  ['max-width', () => '1200px'],
  ['font-family', () => 'Georgia,"Times New Roman",serif'],
  ['transition', () => 'opacity .2s ease-in-out'],
  ['grid-template-columns', () => 'repeat(auto-fill,minmax(280px,1fr))'],
];

/** A style sheet of about `bytes`, over the page's own class names and generated ones. */
export function styleSheet(rng: Rng, classes: readonly string[], bytes: number): string {
  const out: string[] = [];
  let len = 0;
  while (len < bytes) {
    const sel = Array.from({ length: between(rng, 1, 3) }, () =>
      rng() < 0.6 ? `.${pick(rng, classes)}` : `.${ident(rng, 4)}`,
    ).join(' ');
    const decls = Array.from({ length: between(rng, 2, 6) }, () => {
      const [p, v] = pick(rng, CSS_PROPS);
      return `${p}:${v()}`;
    }).join(';');
    const rule =
      rng() < 0.1 ? `@media (min-width:${between(rng, 5, 12)}00px){${sel}{${decls}}}` : `${sel}{${decls}}`;
    out.push(rule);
    len += rule.length;
  }
  return out.join('');
}

/** Minified-looking script of about `bytes`: functions, loops, object literals, HTML in strings. */
export function bundleCode(rng: Rng, bytes: number): string {
  const out: string[] = ['!function(){"use strict";'];
  let len = 0;
  while (len < bytes) {
    const f = ident(rng);
    const a = ident(rng);
    const b = ident(rng);
    const k = ident(rng);
    const snippets = [
      `function ${f}(${a},${b}){var ${k}=${a}.${ident(rng)}||{};if(!${k}.${ident(rng)})return ${b};for(var i=0;i<${k}.length;i++){${b}.push(${k}[i])}return ${b}}`,
      `var ${f}=function(${a}){return document.querySelectorAll("[data-${ident(rng)}]").forEach(function(${b}){${b}.classList.toggle("is-${ident(rng)}",!!${a})})};`,
      `${f}.prototype.${ident(rng)}=function(){var ${a}=this;return new Promise(function(${b}){setTimeout(function(){${b}(${a}.${k})},${between(rng, 10, 900)})})};`,
      `var ${f}='<div class="${ident(rng)}"><span class="${ident(rng)}">'+${a}+"<\\/span><\\/div>";`,
      `window.${f}=window.${f}||{${k}:${between(rng, 0, 1e6)},${a}:"${ident(rng, 6)}",${b}:[${between(rng, 0, 99)},${between(rng, 0, 99)}]};`,
      `if(typeof ${a}==="undefined"||${a}===null){throw new TypeError("${ident(rng, 5)} expected")}`,
    ];
    const s = pick(rng, snippets);
    out.push(s);
    len += s.length;
  }
  out.push('}();');
  return out.join('');
}

/** A JSON state blob (a framework's hydration data or a CMS's page model): nested records with text. */
export function stateBlob(rng: Rng, texts: readonly string[], bytes: number): string {
  const items: unknown[] = [];
  let len = 0;
  for (let n = 0; len < bytes; n++) {
    const item = {
      id: `${ident(rng, 3)}-${between(rng, 1e5, 9e5)}`,
      type: pick(rng, ['article', 'gallery', 'video', 'live', 'promo']),
      headline: pick(rng, texts).slice(0, between(rng, 40, 120)),
      summary: pick(rng, texts).slice(0, between(rng, 80, 300)),
      image: { src: `/img/${between(rng, 1e4, 9e4)}/${ident(rng, 6)}.jpg`, w: 1200, h: 675 },
      tracking: { slot: ident(rng, 4), pos: n, ab: rng() < 0.5 },
    };
    const s = JSON.stringify(item);
    items.push(item);
    len += s.length;
  }
  return JSON.stringify({ page: { items }, config: { env: 'production', build: ident(rng, 8) } }).replace(
    /</g,
    '\\u003c',
  );
}

/** Ad slots and a tag manager's set-up, as most news pages carry in <head>. */
export function adSetup(rng: Rng, slots: number): string {
  const defs = Array.from(
    { length: slots },
    (_, i) =>
      `googletag.defineSlot("/${between(rng, 1e6, 9e6)}/news/${ident(rng, 5)}",[[300,250],[728,90]],"ad-slot-${i}").addService(googletag.pubads());`,
  ).join('');
  return `window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag("js",new Date());var googletag=googletag||{cmd:[]};googletag.cmd.push(function(){${defs}googletag.enableServices()});`;
}

/** An inline SVG icon (share buttons, logos): a path of random coordinates. */
export function svgIcon(rng: Rng, cls: string, points = between(rng, 12, 40)): string {
  const d = Array.from(
    { length: points },
    (_, i) => `${i ? 'L' : 'M'}${(rng() * 24).toFixed(2)} ${(rng() * 24).toFixed(2)}`,
  ).join('');
  return `<svg class="${cls}" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${d}Z"/></svg>`;
}

/** A fresh generator for one part of page `i`, so that changing one part does not shift the others. */
export const partRng = (i: number, part: number) => createRng((i * 7919) ^ (part * 104729) ^ 0x5bd1e995);
