// Four made-up outlets, each laying out the page body its own way, so the HTML rows do not measure one layout:
// a WordPress-style local paper (Italian), a national daily with Italian class names, a React-rendered English
// site (hashed classes, data-testid, a paragraph per block, the article again in a JSON blob) and a wire
// agency on a Bootstrap grid (English, ad slots between paragraphs). Each body has a header with navigation,
// breadcrumbs, a share bar, the <article> (h1, byline and date, a figure with its caption, the paragraphs),
// tags, related articles and a footer. Names, domains and markup are invented, not copied from any site.
import type { PageModel } from './html-gen';
import { between, esc, pick, styleSheet, svgIcon } from './html-noise';
import type { Rng } from './text-gen';

export interface Outlet {
  key: string;
  name: string;
  domain: string;
  lang: 'it' | 'en';
  titleSuffix: string;
  urlStyle: 'dated' | 'slug';
  /** printedDate's style: 0 long with the time, 1 numeric, 2 long without the time. */
  dateStyle: number;
  bodyClass: string;
  stateId: string;
  body: (p: PageModel, rng: Rng) => string;
  styleSheet: (rng: Rng, bytes: number) => string;
}

const SHARE = ['facebook', 'x', 'whatsapp', 'linkedin', 'telegram', 'email'];
const FOOTER = {
  it: [
    'Chi siamo',
    'Redazione',
    'Contatti',
    'Pubblicità',
    'Privacy',
    'Cookie policy',
    'Abbonamenti',
    'Newsletter',
    'Lavora con noi',
    'Note legali',
  ],
  en: [
    'About us',
    'Contact',
    'Advertise',
    'Privacy policy',
    'Cookie settings',
    'Terms of use',
    'Newsletters',
    'Careers',
    'Accessibility',
    'Corrections',
  ],
};
const WORDS = {
  it: {
    home: 'Home',
    related: 'Leggi anche',
    tags: 'Argomenti',
    share: 'Condividi',
    by: 'di',
    most: 'I più letti',
  },
  en: {
    home: 'Home',
    related: 'Related stories',
    tags: 'Topics',
    share: 'Share',
    by: 'By',
    most: 'Most read',
  },
};
const a = (href: string, text: string, cls = '') =>
  `<a href="${href}"${cls ? ` class="${cls}"` : ''}>${esc(text)}</a>`;
const sectionUrl = (o: Outlet, s: string) => `https://${o.domain}/${s.toLowerCase()}/`;

/** A section menu with sub-menus: 9 sections × 4–9 entries, as mega-menus carry. */
function menu(o: Outlet, p: PageModel, rng: Rng, ul: string, li: string, sub: string): string {
  return `<ul class="${ul}">${p.sections
    .map(
      (s) =>
        `<li class="${li}">${a(sectionUrl(o, s), s)}<ul class="${sub}">${Array.from(
          { length: between(rng, 4, 9) },
          (_, k) => `<li>${a(`${sectionUrl(o, s)}${k}/`, `${s} ${p.tags[k % p.tags.length]}`)}</li>`,
        ).join('')}</ul></li>`,
    )
    .join('')}</ul>`;
}

function footerLinks(o: Outlet, p: PageModel, cls: string): string {
  return FOOTER[p.lang]
    .map(
      (t) =>
        `<li class="${cls}">${a(`https://${o.domain}/${t.toLowerCase().replace(/\W+/g, '-')}/`, t)}</li>`,
    )
    .join('');
}

function shareButtons(p: PageModel, rng: Rng, cls: string): string {
  return SHARE.map(
    (s) =>
      `<a class="${cls} ${cls}--${s}" href="https://share.example/${s}?u=${encodeURIComponent(p.url)}" rel="noopener" target="_blank" aria-label="${WORDS[p.lang].share}: ${s}">${svgIcon(rng, 'icon')}<span class="screen-reader-text">${s}</span></a>`,
  ).join('');
}

const imgAttrs = (p: PageModel) =>
  `src="${p.image}" srcset="${p.image}?w=480 480w, ${p.image}?w=960 960w, ${p.image}?w=1440 1440w" sizes="(max-width: 768px) 100vw, 760px" width="1200" height="675" loading="eager" alt="${esc(p.caption)}"`;

const wordpress: Outlet = {
  key: 'wordpress',
  name: 'Il Corriere di Valdarso',
  domain: 'www.corrieredivaldarso.it',
  lang: 'it',
  titleSuffix: ' - Il Corriere di Valdarso',
  urlStyle: 'dated',
  dateStyle: 0,
  bodyClass: 'post-template-default single single-post single-format-standard wp-embed-responsive',
  stateId: 'wp-state',
  styleSheet: (rng, bytes) =>
    styleSheet(
      rng,
      ['site-header', 'entry-title', 'entry-content', 'menu-item', 'sharedaddy', 'jp-relatedposts', 'widget'],
      bytes,
    ),
  body(p, rng) {
    const o = wordpress;
    const id = 40_000 + p.i;
    return `<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Vai al contenuto</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title">${a(`https://${o.domain}/`, o.name)}</p><p class="site-description">Notizie dal territorio</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="Menu principale"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>${menu(o, p, rng, 'menu nav-menu', 'menu-item menu-item-type-taxonomy', 'sub-menu')}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<nav class="yoast-breadcrumbs"><span><span>${a(`https://${o.domain}/`, WORDS.it.home)}</span> » <span>${a(sectionUrl(o, p.section), p.section)}</span> » <span class="breadcrumb_last" aria-current="page">${esc(p.title)}</span></span></nav>
<article id="post-${id}" class="post-${id} post type-post status-publish format-standard has-post-thumbnail hentry category-${p.section.toLowerCase()}">
<header class="entry-header"><h1 class="entry-title">${esc(p.title)}</h1><div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="${p.published}">${p.dateText}</time><time class="updated" datetime="${p.modified}"></time></span> <span class="byline">${WORDS.it.by} <span class="author vcard">${a(`https://${o.domain}/author/${p.author.toLowerCase().replace(/\W+/g, '-')}/`, p.author, 'url fn n')}</span></span></div></header>
<div class="entry-content"><p><strong>${esc(p.lead)}</strong></p>
<figure class="wp-block-image size-large"><img class="wp-image-${id}" ${imgAttrs(p)}><figcaption class="wp-element-caption">${esc(p.caption)} (${esc(p.credit)})</figcaption></figure>
${p.paragraphs.map((t) => `<p>${esc(t)}</p>`).join('\n')}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">${WORDS.it.share}:</h3><div class="sd-content"><ul>${SHARE.map((s) => `<li class="share-${s}"><a class="share-${s} sd-button" href="${p.url}?share=${s}" rel="nofollow noopener" target="_blank"><span>${s}</span></a></li>`).join('')}</ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>${WORDS.it.related}</em></h3><div class="jp-relatedposts-items">${p.related.map((r) => `<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title">${a(r.url, r.title)}</h4><p class="jp-relatedposts-post-excerpt">${esc(r.teaser)}</p></div>`).join('')}</div></div>
</div>
<footer class="entry-footer"><span class="cat-links">${a(sectionUrl(o, p.section), p.section)}</span><span class="tags-links">${p.tags.map((t) => a(`https://${o.domain}/tag/${t.toLowerCase()}/`, t)).join(', ')}</span></footer>
</article>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 class="comment-reply-title">Lascia un commento</h3><form class="comment-form"><textarea name="comment" rows="8"></textarea><input type="submit" value="Invia"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_block"><ul class="wp-block-latest-posts__list wp-block-latest-posts">${p.latest.map((l) => `<li><div class="wp-block-latest-posts__featured-image"><img src="${l.url}thumb.jpg" alt="" loading="lazy" width="150" height="150"></div>${a(l.url, l.title, 'wp-block-latest-posts__post-title')}<time class="wp-block-latest-posts__post-date">${l.time}</time></li>`).join('')}</ul></section><section class="widget widget_recent_entries"><h2 class="widget-title">${WORDS.it.most}</h2><ul>${p.related.map((r) => `<li>${a(r.url, r.title)}</li>`).join('')}</ul></section></aside></div>
<footer id="colophon" class="site-footer"><nav class="footer-navigation">${menu(o, p, rng, 'footer-menu-sections', 'menu-item', 'sub-menu')}</nav><ul class="footer-menu">${footerLinks(o, p, 'menu-item')}</ul><div class="site-info">© ${p.published.slice(0, 4)} ${o.name} — P.IVA 0${between(rng, 1e9, 9e9)}</div></footer></div>`;
  },
};

const daily: Outlet = {
  key: 'daily',
  name: 'Il Quotidiano Padano',
  domain: 'www.quotidianopadano.it',
  lang: 'it',
  titleSuffix: ' | Il Quotidiano Padano',
  urlStyle: 'slug',
  dateStyle: 1,
  bodyClass: 'pagina-articolo',
  stateId: 'dati-pagina',
  styleSheet: (rng, bytes) =>
    styleSheet(
      rng,
      ['testata', 'menu-sezioni', 'articolo', 'titolo', 'sommario', 'corpo-articolo', 'didascalia'],
      bytes,
    ),
  body(p, rng) {
    const o = daily;
    return `<div class="wrapper"><div class="banner-cookie" role="dialog"><p>Usiamo cookie per migliorare il servizio.</p><button class="accetta">Accetta</button></div>
<header class="testata"><div class="testata__logo">${a(`https://${o.domain}/`, o.name)}</div><div class="testata__servizi">${a(`https://${o.domain}/abbonati/`, 'Abbonati')} ${a(`https://${o.domain}/login/`, 'Accedi')}</div>
<nav class="menu-sezioni">${menu(o, p, rng, 'menu-sezioni__lista', 'menu-sezioni__voce', 'menu-sezioni__sotto')}</nav></header>
<div class="adv adv--top" id="adv-top-${between(rng, 100, 999)}"></div>
<div class="contenitore"><div class="colonna-principale">
<div class="briciole">${a(`https://${o.domain}/`, WORDS.it.home)} <span>/</span> ${a(sectionUrl(o, p.section), p.section)}</div>
<article class="articolo">
<div class="articolo__testata"><span class="occhiello">${esc(p.section)}</span><h1 class="titolo">${esc(p.title)}</h1><h2 class="sommario">${esc(p.lead)}</h2>
<div class="info-articolo"><span class="firma">${WORDS.it.by} <b>${esc(p.author)}</b></span><span class="data-pubblicazione">${p.dateText}</span></div></div>
<div class="condividi condividi--alto"><span>${WORDS.it.share}</span>${shareButtons(p, rng, 'condividi__btn')}</div>
<figure class="foto-articolo"><picture><source type="image/webp" srcset="${p.image}.webp"><img ${imgAttrs(p)}></picture><figcaption class="didascalia">${esc(p.caption)} <span class="crediti">${esc(p.credit)}</span></figcaption></figure>
<div class="corpo-articolo">${p.paragraphs.map((t, k) => `<p class="paragrafo">${esc(t)}</p>${k === 2 ? '<div class="adv adv--mezzo"></div>' : ''}`).join('\n')}</div>
<div class="argomenti"><span class="argomenti__titolo">${WORDS.it.tags}</span><ul>${p.tags.map((t) => `<li>${a(`https://${o.domain}/argomenti/${t.toLowerCase()}`, t, 'argomento')}</li>`).join('')}</ul></div>
<div class="condividi condividi--basso">${shareButtons(p, rng, 'condividi__btn')}</div>
</article>
<section class="leggi-anche"><h3>${WORDS.it.related}</h3><ul>${p.related.map((r) => `<li class="leggi-anche__voce"><img src="${r.url}.jpg" alt="" width="160" height="90">${a(r.url, r.title)}</li>`).join('')}</ul></section>
</div><aside class="colonna-destra"><section class="ultime-notizie"><h3>Ultime notizie</h3><ul>${p.latest.map((l) => `<li class="ultime-notizie__voce"><span class="ora">${l.time}</span> <span class="sezione">${esc(l.section)}</span> ${a(l.url, l.title)}</li>`).join('')}</ul></section><div class="box-piu-letti"><h3>${WORDS.it.most}</h3><ol>${p.related.map((r) => `<li>${a(r.url, r.title)}</li>`).join('')}</ol></div><div class="adv adv--box"></div></aside></div>
<footer class="piede"><div class="piede__logo">${esc(o.name)}</div><nav class="piede__sezioni">${menu(o, p, rng, 'piede__lista', 'piede__sezione', 'piede__sotto')}</nav><ul class="piede__link">${footerLinks(o, p, 'piede__voce')}</ul><p class="piede__legale">© Riproduzione riservata. Registrazione Tribunale n. ${between(rng, 10, 999)}.</p></footer></div>`;
  },
};

const hashed = (rng: Rng) =>
  `css-${Math.floor(rng() * 36 ** 6).toString(36)} e${between(rng, 1, 9)}${Math.floor(rng() * 36 ** 4).toString(36)}`;

const reactSite: Outlet = {
  key: 'react',
  name: 'The Harbour Post',
  domain: 'www.harbourpost-news.com',
  lang: 'en',
  titleSuffix: ' | The Harbour Post',
  urlStyle: 'slug',
  dateStyle: 0,
  bodyClass: '',
  stateId: '__APP_DATA__',
  styleSheet: (rng, bytes) =>
    styleSheet(
      rng,
      Array.from({ length: 40 }, () => hashed(rng).split(' ')[0]!),
      bytes,
    ),
  body(p, rng) {
    const o = reactSite;
    const c = () => `class="${hashed(rng)}"`;
    return `<div id="__next"><div ${c()}><a href="#main-content" ${c()}>Skip to content</a>
<header data-testid="header" ${c()}><div ${c()}>${a(`https://${o.domain}/`, o.name)}</div><nav aria-label="Sections" data-testid="nav" ${c()}><ul role="list" ${c()}>${p.sections.map((s) => `<li ${c()}>${a(sectionUrl(o, s), s)}</li>`).join('')}</ul></nav>
<div data-testid="mega-menu" hidden ${c()}>${menu(o, p, rng, 'mega', 'mega-item', 'mega-sub')}</div></header>
<main id="main-content" ${c()}><article ${c()}>
<nav aria-label="Breadcrumb" ${c()}><ol ${c()}><li>${a(`https://${o.domain}/`, WORDS.en.home)}</li><li>${a(sectionUrl(o, p.section), p.section)}</li></ol></nav>
<header ${c()}><h1 data-testid="headline" ${c()}>${esc(p.title)}</h1><p data-testid="standfirst" ${c()}>${esc(p.lead)}</p>
<div data-testid="byline" ${c()}><span ${c()}>${WORDS.en.by} ${a(`https://${o.domain}/people/${p.author.toLowerCase().replace(/\W+/g, '-')}`, p.author)}</span><time datetime="${p.published}" ${c()}>${p.dateText}</time></div></header>
<div data-testid="share-tools" ${c()}>${shareButtons(p, rng, 'share-button')}</div>
<figure data-component="image-block" ${c()}><div ${c()}><img ${imgAttrs(p)} ${c()}></div><figcaption ${c()}><span ${c()}>${esc(p.caption)}</span><span ${c()}>${esc(p.credit)}</span></figcaption></figure>
${p.paragraphs.map((t) => `<div data-component="text-block" ${c()}><div ${c()}><p ${c()}>${esc(t)}</p></div></div>`).join('\n')}
<div data-testid="topic-list" ${c()}><h2 ${c()}>${WORDS.en.tags}</h2><ul ${c()}>${p.tags.map((t) => `<li ${c()}>${a(`https://${o.domain}/topics/${t.toLowerCase()}`, t)}</li>`).join('')}</ul></div>
</article>
<section aria-labelledby="related-heading" data-testid="related" ${c()}><h2 id="related-heading" ${c()}>${WORDS.en.related}</h2><ul ${c()}>${p.related.map((r) => `<li ${c()}><div ${c()}><img src="${r.url}.jpg" alt="" ${c()}></div><div ${c()}>${a(r.url, r.title)}<p ${c()}>${esc(r.teaser)}</p></div></li>`).join('')}</ul></section>
<section data-testid="more-stories" ${c()}><h2 ${c()}>Latest</h2><ul ${c()}>${p.latest.map((l) => `<li ${c()}><div ${c()}><span ${c()}>${esc(l.section)}</span><time ${c()}>${l.time}</time></div>${a(l.url, l.title)}</li>`).join('')}</ul></section>
</main>
<footer data-testid="footer" ${c()}><nav aria-label="Sections" ${c()}>${menu(o, p, rng, 'footer-sections', 'footer-section', 'footer-sub')}</nav><ul ${c()}>${footerLinks(o, p, 'footer-link')}</ul><p ${c()}>© ${p.published.slice(0, 4)} ${o.name}. All rights reserved.</p></footer></div></div>
<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { article: { headline: p.title, byline: p.author, body: p.paragraphs.map((t) => ({ type: 'paragraph', text: t })) } } }, page: '/[section]/[slug]', buildId: hashed(rng) }).replace(/</g, '\\u003c')}</script>`;
  },
};

const wire: Outlet = {
  key: 'wire',
  name: 'Meridian Wire',
  domain: 'www.meridianwire.com',
  lang: 'en',
  titleSuffix: ' - Meridian Wire',
  urlStyle: 'dated',
  dateStyle: 2,
  bodyClass: 'article-page',
  stateId: 'mw-config',
  styleSheet: (rng, bytes) =>
    styleSheet(
      rng,
      ['container', 'row', 'col-md-8', 'article-body', 'article-title', 'breadcrumb', 'card'],
      bytes,
    ),
  body(p, rng) {
    const o = wire;
    const city = pick(rng, ['ROME', 'LONDON', 'BRUSSELS', 'GENEVA', 'VIENNA', 'ATHENS']);
    const ad = (k: number) =>
      `<div class="ad-container" id="div-gpt-ad-${between(rng, 1e12, 9e12)}-${k}"><div class="ad-label">Advertisement</div></div>`;
    return `<nav class="navbar navbar-expand-lg"><div class="container">${a(`https://${o.domain}/`, o.name, 'navbar-brand')}<button class="navbar-toggler" type="button" data-toggle="collapse" data-target="#navbarMain"><span class="navbar-toggler-icon"></span></button>
<div class="collapse navbar-collapse" id="navbarMain">${menu(o, p, rng, 'navbar-nav mr-auto', 'nav-item dropdown', 'dropdown-menu')}</div></div></nav>
<div class="container"><div class="row"><div class="col-md-8">
<ol class="breadcrumb"><li class="breadcrumb-item">${a(`https://${o.domain}/`, WORDS.en.home)}</li><li class="breadcrumb-item">${a(sectionUrl(o, p.section), p.section)}</li><li class="breadcrumb-item active">${esc(p.title.slice(0, 40))}…</li></ol>
<article class="article" itemscope itemtype="https://schema.org/NewsArticle">
<div class="article-header"><h1 class="article-title" itemprop="headline">${esc(p.title)}</h1>
<div class="article-info"><span class="author" itemprop="author">${WORDS.en.by} ${esc(p.author)}</span> | <span class="date" itemprop="datePublished" content="${p.published}">${p.dateText}</span></div></div>
<div class="social-share">${shareButtons(p, rng, 'btn btn-share')}</div>
<figure class="article-image"><img class="img-fluid" ${imgAttrs(p)}><figcaption class="figure-caption">${esc(p.caption)} <small>Photo: ${esc(p.credit)}</small></figcaption></figure>
<div class="article-body" itemprop="articleBody"><p><strong>${city} (Meridian) —</strong> ${esc(p.lead)}</p>
${p.paragraphs.map((t, k) => `<p>${esc(t)}</p>${k % 4 === 3 ? ad(k) : ''}`).join('\n')}</div>
<div class="article-tags"><span class="label">${WORDS.en.tags}:</span> ${p.tags.map((t) => a(`https://${o.domain}/tag/${t.toLowerCase()}`, t, 'badge badge-light')).join(' ')}</div>
</article>
<div class="related-news"><h3 class="section-title">${WORDS.en.related}</h3><div class="row">${p.related.map((r) => `<div class="col-sm-6"><div class="card"><img class="card-img-top" src="${r.url}.jpg" alt=""><div class="card-body"><h5 class="card-title">${a(r.url, r.title)}</h5><p class="card-text">${esc(r.teaser)}</p></div></div></div>`).join('')}</div></div>
</div><div class="col-md-4 sidebar">${ad(99)}<div class="latest-news list-group"><h4>Latest news</h4>${p.latest.map((l) => `<a class="list-group-item list-group-item-action" href="${l.url}"><small class="time">${l.time}</small> <span class="category">${esc(l.section)}</span><h6 class="mb-1">${esc(l.title)}</h6></a>`).join('')}</div><div class="most-read"><h4>${WORDS.en.most}</h4><ol>${p.related.map((r) => `<li>${a(r.url, r.title)}</li>`).join('')}</ol></div></div></div></div>
<footer class="footer"><div class="container"><div class="row"><div class="col-md-6"><ul class="footer-links list-unstyled">${footerLinks(o, p, 'footer-item')}</ul></div><div class="col-md-6"><p class="copyright">© ${p.published.slice(0, 4)} Meridian Wire. Reproduction prohibited without permission.</p></div></div></div></footer>`;
  },
};

export const LAYOUTS: readonly Outlet[] = [wordpress, daily, reactSite, wire];
