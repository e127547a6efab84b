// Where a web page's publication date is read (html-dates.ts, html-date-markup.ts): each source and pattern with a
// small hand-written page reproducing the structure of the real page named beside it, and the dates refused.
import { parsePage } from '../../../../../../electron/services/import/formats/dom';
import { extractHtml } from '../../../../../../electron/services/import/formats/html';
import { findPageDates } from '../../../../../../electron/services/import/formats/html-dates';
import { readPageMeta } from '../../../../../../electron/services/import/formats/html-meta';

const BODY =
  '<p>The committee met on the issue again and agreed on a plan that the members will put to a vote next month, after a long debate.</p>';

/** A page with the given head and body (an <h1> and a paragraph of text follow the top of the body). */
const page = (head: string, top = '', lang = 'en', h1 = '<h1>A headline of the article</h1>') =>
  `<!doctype html><html lang="${lang}"><head><title>A headline</title>${head}</head><body>${h1}${top}${BODY}</body></html>`;

function dates(html: string) {
  const doc = parsePage(html);
  const d = findPageDates(doc, readPageMeta(doc), html, null);
  return {
    published: d.published?.slice(0, 10) ?? null,
    from: d.publishedFrom,
    modified: d.modified?.slice(0, 10) ?? null,
  };
}

describe('structured dates', () => {
  it('reads datePublished from the WebPage node of a JSON-LD graph (Yoast, as on weinkenner.de)', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Weinkenner' },
        {
          '@type': 'WebPage',
          '@id': '#webpage',
          datePublished: '2022-01-28T08:20:11+00:00',
          dateModified: '2022-01-29T10:00:00+00:00',
        },
        {
          '@type': 'Article',
          '@id': '#article',
          headline: 'St. Magdalener',
          isPartOf: { '@id': '#webpage' },
        },
      ],
    };
    const d = dates(page(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`));
    expect(d).toEqual({ published: '2022-01-28', from: 'json-ld', modified: '2022-01-29' });
  });

  it("reads RSS-style and other meta keys (CNN's og:pubdate and pubdate, Dublin Core's dc.date.issued)", () => {
    expect(dates(page('<meta property="og:pubdate" content="2021-03-08T11:17:42Z">'))).toMatchObject({
      published: '2021-03-08',
      from: 'meta',
    });
    expect(dates(page('<meta name="dc.date.issued" content="2022-02-04">')).published).toBe('2022-02-04');
    expect(dates(page('<meta name="article.published" content="2020-06-03T09:00:00+02:00">')).published).toBe(
      '2020-06-03',
    );
  });
});

describe('markup made for machines', () => {
  it('reads itemprop="datePublished" on any element, from its text (security.googleblog.com)', () => {
    const top =
      "<div class='post-header'><div class='published'><span class='publishdate' itemprop='datePublished'>May 19, 2020</span></div></div>";
    expect(dates(page('', top))).toMatchObject({ published: '2020-05-19', from: 'markup' });
  });

  it('reads itemprop datePublished from a content attribute (a <p> of lagazzettadelmezzogiorno.it)', () => {
    const top =
      '<div itemscope><p itemprop="datePublished" class="data_articolo data" content="2018-09-27T18:32:03+02:00">27 Settembre 2018</p></div>';
    expect(dates(page('', top))).toMatchObject({ published: '2018-09-27', from: 'markup' });
  });

  it('reads <time pubdate> and time.entry-date (verfassungsblog.de)', () => {
    const top =
      '<span class="byline"><time class="entry-date" datetime="2020-04-09T07:59:57+02:00" pubdate>Do 9 Apr 2020</time></span>';
    expect(dates(page('', top, 'de'))).toMatchObject({ published: '2020-04-09', from: 'markup' });
  });

  it('reads RDFa\'s property="schema:dateCreated" in an article\'s <footer> (Drupal, as on meininger.de)', () => {
    const top =
      '<article><p>Text of the article.</p><footer class="node__meta"><span class="post-created"> 28.01.22</span><span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00" class="rdf-meta hidden"></span></footer></article>';
    expect(dates(page('', top, 'de'))).toMatchObject({ published: '2022-01-28', from: 'markup' });
  });

  it('reads data-* attributes (data-date on furche.at, a Unix data-timestamp)', () => {
    expect(
      dates(page('', '<div class="article-header" data-date="18. März 2020"></div>', 'de')).published,
    ).toBe('2020-03-18');
    expect(dates(page('', '<span data-published="1587717415"></span>')).published).toBe('2020-04-24');
  });

  it('reads the one <time> of the article when it says nothing else (alacarte.at)', () => {
    const top =
      '<ul><li class="artikeldatum"><time datetime="2021-11-25 16:11">25. November 2021 16:11 Uhr</time></li></ul>';
    expect(dates(page('', `<article>${top}</article>`, 'de'))).toMatchObject({
      published: '2021-11-25',
      from: 'markup',
    });
  });
});

describe("dates in the page's address", () => {
  it('reads /2020/03/23/, -20200428/ and 2020-12-24 from the canonical link or og:url', () => {
    const canonical = (u: string) => dates(page(`<link rel="canonical" href="${u}">`)).published;
    expect(canonical('https://www.example-news.com/2020/03/23/title-of-story/')).toBe('2020-03-23');
    // thelocal.se puts the day as eight digits.
    expect(canonical('https://www.thelocal.se/20200428/meet-the-swede')).toBe('2020-04-28');
    expect(
      dates(page('<meta property="og:url" content="https://example.org/news/2020-12-24-christmas-eve">')),
    ).toMatchObject({
      published: '2020-12-24',
      from: 'url',
    });
    // weisser-ring.de writes the day first.
    expect(canonical('https://weisser-ring.de/media-news/meldungen/29-10-2021')).toBe('2021-10-29');
  });

  it("reads the address of the browser's saved-from comment", () => {
    const html = `<!-- saved from url=(0070)https://www.antary.de/2017/06/29/wireshark-besuchte-urls-anzeigen/ -->\n${page('')}`;
    expect(dates(html)).toMatchObject({ published: '2017-06-29', from: 'url' });
  });

  it('does not make a day of a month alone (oekonomenstimme.org /artikel/2015/01/), nor of an id', () => {
    const canonical = (u: string) => dates(page(`<link rel="canonical" href="${u}">`)).published;
    expect(
      canonical('https://www.oekonomenstimme.org/artikel/2015/01/eine-realistische-interpretation/'),
    ).toBeNull();
    expect(canonical('https://blog.campact.de/2023/10/3-fragen-an-tina-musil/')).toBeNull();
    expect(canonical('https://www.example.com/story/31415926535/')).toBeNull();
  });
});

describe("date lines in the page's own words", () => {
  const line = (html: string, lang: string) => dates(page('', html, lang));

  it('reads a date line under the headline in Spanish, German, French, Italian and Japanese', () => {
    // elpais.com, zeit.de, paris-luttes.info, lastampa.it, a Japanese news site.
    expect(line('<p class="fecha">Publicado el 15 de abril de 2020</p>', 'es')).toMatchObject({
      published: '2020-04-15',
      from: 'text',
    });
    expect(line('<span class="metadata__date">19. Oktober 2019, 16:53 Uhr</span>', 'de').published).toBe(
      '2019-10-19',
    );
    expect(line('<div class="time">Publié le 29 juin 2019</div>', 'fr').published).toBe('2019-06-29');
    expect(line('<span class="date">23 marzo 2020</span>', 'it').published).toBe('2020-03-23');
    expect(line('<p class="date">2019年10月19日 10時20分</p>', 'ja').published).toBe('2019-10-19');
  });

  it('reads a labelled date anywhere, also when the label stands in its own element (autohaus.de)', () => {
    expect(
      line('<div class="col-md-4"><h5 class="title-inline">Datum: </h5>03.11.2021</div>', 'de').published,
    ).toBe('2021-11-03');
    // berkutschi.com: "Erstellt am" under an <h2>.
    expect(line('<small>Erstellt am: 30.01.2022 18:36 / sk</small>', 'de').published).toBe('2022-01-30');
  });

  it('reads the dateline opening the first paragraph (ekiba.de, l-mag.de)', () => {
    const p = (text: string) => `<p>${text}</p>`;
    expect(
      line(
        p(
          'Karlsruhe, (12.11.2021). Traditionell gedenken evangelische Christen am Ewigkeitssonntag der Verstorbenen.',
        ),
        'de',
      ).published,
    ).toBe('2021-11-12');
    expect(
      line(
        p(
          '27.1.2022 - Bei der Erinnerung an die Verfolgten des Nationalsozialismus fehlen oft die lesbischen Frauen.',
        ),
        'de',
      ).published,
    ).toBe('2022-01-27');
    // An event date inside a sentence is no dateline.
    expect(
      line(p('Am 3. Oktober 2020 wurde das Museum nach langer Renovierung wieder eröffnet.'), 'de').published,
    ).toBeNull();
  });

  it('reads "Stand:" above the headline (ndr.de) and a date in the <title> as a last resort (regenbogenportal.de)', () => {
    const ndr =
      '<article><div class="lastchanged">Stand: 19.10.2019 11:05 Uhr</div><header><h1>Ein Remis als Mutmacher</h1></header></article>';
    expect(dates(page('', '', 'de', ndr)).published).toBe('2019-10-19');
    const titled = page('').replace(
      '<title>A headline</title>',
      '<title>08.11.2021 | Online-Fachtag zum Intersex Day</title>',
    );
    expect(dates(titled)).toMatchObject({ published: '2021-11-08', from: 'text' });
  });

  it('takes the line right under the headline, or the labelled one, before a list of other dates (auto-presse.de, medef.com)', () => {
    const events = ['4. November 2021', '3. November 2021', '2. November 2021', '1. November 2021']
      .map((d) => `<div class="box"><div class="event_date">${d}</div><a href="#">Meldung</a></div>`)
      .join('');
    const under = '<div class="f_left">Neuheit 5. November 2021, 10:39 Uhr</div>';
    expect(
      dates(
        page('', under + '<p>' + 'Lorem ipsum dolor sit amet. '.repeat(30) + '</p>'.repeat(1) + events, 'de'),
      ).published,
    ).toBe('2021-11-05');
    const boxes = ['13 July 2017', '12 July 2017', '11 July 2017']
      .map((d) => `<div class="Box-info">Competition Law <time class="Box-info-time">${d}</time></div>`)
      .join('');
    const medef = `<div class="Post-metas">Posted the September 1, 2017 at 0h00</div><div>${'<p>Text of the post.</p>'.repeat(15)}</div>${boxes}`;
    expect(dates(page('', '', 'en', `<h1>Alternative dispute resolution</h1>${medef}`)).published).toBe(
      '2017-09-01',
    );
  });

  it('prefers the date line the page shows when its metadata gives that day too (rtl.de)', () => {
    const head =
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-16T10:00:00+01:00","dateModified":"2021-03-20T15:00:00+01:00"}</script>';
    expect(
      dates(page(head, '<div class="publish-info">20. März 2021 - 15:00 Uhr</div>', 'de')),
    ).toMatchObject({
      published: '2021-03-20',
      from: 'text',
    });
  });
});

describe('dates refused', () => {
  it('refuses a date in the future and one before 1995', () => {
    expect(
      dates(page('<meta property="article:published_time" content="2099-01-01T10:00:00Z">')).published,
    ).toBeNull();
    expect(
      dates(page('<meta property="article:published_time" content="1970-01-01T00:00:00Z">')).published,
    ).toBeNull();
  });

  it('never takes the update date for the publication date (pronats.de, wiki.python.org)', () => {
    expect(
      dates(page('<meta property="article:modified_time" content="2022-01-28T10:00:00+01:00">')),
    ).toEqual({
      published: null,
      from: null,
      modified: '2022-01-28',
    });
    expect(dates(page('', '<p class="info">Aktualisiert: 30.12.2016</p>', 'de')).published).toBeNull();
  });

  it('reads no date from "related stories", comments or a list showing many days (auto-presse.de, vinosytapas.de)', () => {
    const related =
      '<aside class="related"><ul><li><span class="date">12 March 2020</span></li></ul></aside><div class="comments"><span class="date">13 March 2020</span></div>';
    expect(dates(page('', related)).published).toBeNull();
    const events = ['29.02.2020', '04.04.2020', '09.05.2020', '13.06.2020']
      .map(
        (d) => `<div class="event"><span class="datum">${d} 18:00 Uhr</span><a href="#">Weinprobe</a></div>`,
      )
      .join('');
    // Further down the page than the line under a headline would stand.
    const text = '<p>Text of the article, long enough to be one.</p>'.repeat(15);
    expect(dates(page('', text + events, 'de')).published).toBeNull();
  });

  it('reads no day from a copyright year or a date without its year ("Updated Nov 19, 6:55 AM")', () => {
    expect(dates(page('', '<div class="footer-info">© 2019 The Outlet</div>')).published).toBeNull();
    expect(dates(page('', '<p class="timestamp">Updated Nov 19, 6:55 AM</p>')).published).toBeNull();
  });

  it('takes a generic meta "date" only when the page shows no date at all (buero-hoppe.de)', () => {
    const head = '<meta name="DC.Date" content="2006-12-16T08:00+01:00">';
    expect(dates(page(head))).toMatchObject({ published: '2006-12-16', from: 'meta' });
    expect(
      dates(page('<meta name="date" content="2020-02-12">', '<p class="date">5. Februar 2020</p>', 'de'))
        .published,
    ).toBe('2020-02-05');
  });

  it('lets the address win over a metadata date years apart (a CMS date recycled on republication)', () => {
    const head =
      '<link rel="canonical" href="https://www.example-news.com/2017/05/04/story/"><meta property="article:published_time" content="2019-02-01T10:00:00Z">';
    expect(dates(page(head))).toMatchObject({ published: '2017-05-04', from: 'url' });
  });

  it("keeps the metadata over the address a day apart (the outlet's time zone, as on elpais.com)", () => {
    const head =
      '<link rel="canonical" href="https://elpais.com/elpais/2020/02/18/ciencia/1582045946_459487.html"><meta property="article:published_time" content="2020-02-19T07:21:00+01:00">';
    expect(dates(page(head))).toMatchObject({ published: '2020-02-19', from: 'meta' });
  });
});

describe('the extracted article', () => {
  it('says where its date was read', () => {
    const a = extractHtml(
      page('<link rel="canonical" href="https://www.example-news.com/2020/03/23/title/">'),
    );
    expect([a.published, a.publishedFrom]).toEqual(['2020-03-23', 'url']);
    const b = extractHtml(
      page('<meta property="article:published_time" content="2020-03-22T10:00:00+01:00">'),
    );
    expect([b.published, b.publishedFrom]).toEqual(['2020-03-22T10:00:00+01:00', 'meta']);
    expect(extractHtml(page('')).publishedFrom).toBeUndefined();
  });
});
