// Saved web pages: metadata precedence, body paragraphs, charsets, and the registry wiring (.html, .htm).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { extractHtml } from '../../../../../../electron/services/import/formats/html';
import { cutSiteParts, titleFromTag } from '../../../../../../electron/services/import/formats/html-title';
import {
  decodeHtmlBytes,
  sniffDeclaredCharset,
} from '../../../../../../electron/services/import/formats/html-decode';
import { extractFile, formatFor } from '../../../../../../electron/services/import/formats/registry';
import { ImportRefusal } from '../../../../../../electron/services/import/refusal';
import type { ParsedArticle } from '../../../../../../shared/domain/types';

const FIXTURES = join(__dirname, '../../../../../fixtures/html');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

async function importOne(label: string, bytes: Uint8Array): Promise<ParsedArticle> {
  const items = await extractFile(label, bytes);
  expect(items).toHaveLength(1);
  const item = items[0]!;
  if ('refusal' in item) throw new Error(`refused: ${item.refusal}`);
  expect(item.bytes).toBe(bytes);
  return item.article;
}

function refusalOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportRefusal);
    return (err as ImportRefusal).reason;
  }
  throw new Error('not refused');
}

const ARTICLE =
  '<p>' +
  'The minister said the talks would continue next week in Geneva, according to officials. '.repeat(4) +
  '</p>';

describe('a news page with JSON-LD, OpenGraph and boilerplate', () => {
  let a: ParsedArticle;
  beforeAll(async () => {
    a = await importOne('ceasefire.html', fixture('newsarticle-jsonld.html'));
  });

  it('takes the metadata from JSON-LD first', () => {
    expect(a.title).toBe('Ceasefire talks resume in Geneva as envoys trade accusations');
    // JSON-LD's offset time, not OpenGraph's UTC one; the @graph's publisher is resolved by @id.
    expect(a.published).toBe('2022-01-07T14:26:00+01:00');
    expect(a.modified).toBe('2022-01-07T18:05:12+01:00');
    expect(a.author).toBe('Jane Doe, John Roe');
    expect(a.language).toBe('en');
  });

  it('names the outlet from the canonical URL and the site name', () => {
    expect(a.url).toBe('https://www.dailyledger.example/world/2022/01/07/ceasefire-talks-geneva');
    expect(a.outlet).toEqual({ name: 'The Daily Ledger', domain: 'dailyledger.example' });
  });

  it('keeps a description that the body does not repeat as the lead', () => {
    expect(a.lead).toMatch(/^Negotiators meet for a third round/);
  });

  it('keeps the article text in order as paragraphs', () => {
    expect(a.paragraphs[0]).toMatch(/^GENEVA — Negotiators returned to the Palais des Nations/);
    expect(a.paragraphs).toContain('What is on the table');
    expect(a.paragraphs).toContain('the exchange of prisoners held since the summer; and');
    expect(a.paragraphs).toContain(
      '“Nobody expects a peace agreement this week. A ceasefire that holds for a month would already be progress.”',
    );
    // Inline elements join without extra spaces; entities are decoded.
    expect(a.paragraphs[1]).toContain(
      'would not sign any text that left the supply corridor under the other side’s control.',
    );
    // A simple table row reads as one line; a <br> is a line break inside its paragraph.
    expect(a.paragraphs).toContain('3 Jan | 12 | 40');
    expect(a.paragraphs.at(-1)).toBe(
      'Talks are expected to continue on Saturday.\nA joint statement may follow on Sunday evening.',
    );
  });

  it('drops navigation, related links, comments, newsletter box and footer', () => {
    const text = a.paragraphs.join('\n');
    for (const junk of [
      'Skip to content',
      'Subscribe for 1 euro',
      'Breaking: markets',
      'Share on Facebook',
      'How the December truce',
      'reader1987',
      'traffic around the Palais',
      'All rights reserved',
      'morning briefing',
    ]) {
      expect(text).not.toContain(junk);
    }
  });

  it('never runs the page scripts nor keeps their text', () => {
    const text = [a.title, a.lead, ...a.paragraphs].join('\n');
    expect(text).not.toMatch(/INJECTED|SCRIPT PAYLOAD|dataLayer|secret/);
    expect((globalThis as Record<string, unknown>).__fixtureScriptRan).toBeUndefined();
  });

  it('keeps every paragraph free of blank lines and stray whitespace', () => {
    for (const p of a.paragraphs) {
      expect(p).toBe(p.trim());
      expect(p).not.toMatch(/\n\n| {2}|\t|\u00a0/);
    }
  });
});

describe('an Italian page in windows-1252 declared by <meta charset>', () => {
  const bytes = fixture('italiano-1252.html');

  it('is decoded with the declared code page', () => {
    expect(sniffDeclaredCharset(bytes)).toBe('windows-1252');
    const { text, encoding } = decodeHtmlBytes(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('l’Italia cerca nuovi fornitori');
    expect(text).toContain('1 € al mese');
  });

  it('yields the Italian article with its metadata', async () => {
    const a = await importOne('gas.htm', bytes);
    expect(a.title).toBe('Gas, l’Italia cerca nuovi fornitori: accordo con l’Algeria entro l’estate');
    expect(a.outlet).toEqual({ name: 'La Gazzetta del Porto', domain: 'gazzettadelporto.example' });
    expect(a.language).toBe('it');
    expect(a.author).toBe('Giulia Bianchi');
    expect(a.published).toBe('2022-04-11');
    expect(a.lead).toBe(
      'Il governo punta a sostituire entro due anni il 40 per cento delle importazioni dalla Russia.',
    );
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs[1]).toMatch(/^«Non possiamo più dipendere da un solo paese», ha detto il ministro/);
    expect(a.paragraphs.join(' ')).not.toMatch(/Abbonati|P\.IVA|Tutti i diritti/);
  });

  it('is read the same when http-equiv declares the charset', () => {
    const html = iconv
      .decode(Buffer.from(bytes), 'windows-1252')
      .replace(
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
      );
    const legacy = new Uint8Array(iconv.encode(html, 'windows-1252'));
    expect(sniffDeclaredCharset(legacy)).toBe('windows-1252');
    expect(extractHtml(decodeHtmlBytes(legacy).text).paragraphs[0]).toContain('Il governo italiano è pronto');
  });

  it('is detected when the declaration lies (says UTF-8, bytes are windows-1252)', () => {
    const html = iconv
      .decode(Buffer.from(bytes), 'windows-1252')
      .replace('<meta charset="windows-1252">', '<meta charset="utf-8">');
    const lying = new Uint8Array(iconv.encode(html, 'windows-1252'));
    expect(decodeHtmlBytes(lying).text).toContain('Perché l’Algeria?');
  });

  it('reads valid UTF-8 as UTF-8 even under a stale legacy declaration', () => {
    const html = iconv.decode(Buffer.from(bytes), 'windows-1252');
    const utf8 = new TextEncoder().encode(html);
    expect(decodeHtmlBytes(utf8)).toMatchObject({ encoding: 'utf-8' });
    expect(decodeHtmlBytes(utf8).text).toContain('Più difficile, invece');
  });

  it('honours a byte-order mark over any declaration', () => {
    const html =
      '<html><head><meta charset="windows-1252"><title>Città</title></head><body>' +
      ARTICLE +
      '</body></html>';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(html)]);
    expect(decodeHtmlBytes(withBom).text).toContain('<title>Città</title>');
  });

  it('lets a transport charset (an MHTML part header) outrank the page', () => {
    const html = '<html><head><meta charset="utf-8"></head><body><p>Città</p></body></html>';
    const latin = new Uint8Array(iconv.encode(html, 'windows-1252'));
    expect(decodeHtmlBytes(latin, 'ISO-8859-1').text).toContain('Città');
  });
});

describe('metadata sources and precedence', () => {
  const page = (head: string, body = ARTICLE, htmlAttrs = '') =>
    extractHtml(`<!DOCTYPE html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`);

  it('falls back from JSON-LD to OpenGraph to plain meta', () => {
    const a = page(
      '<title>T | Site</title><meta property="og:title" content="OG title here"><meta property="og:site_name" content="Site"><meta name="author" content="Ann Author"><meta property="article:published_time" content="2021-03-04T05:06:07+02:00"><meta property="article:modified_time" content="2021-03-05"><meta property="og:locale" content="fr_FR"><meta property="og:url" content="https://news.example.org/a/1">',
    );
    expect(a).toMatchObject({
      title: 'OG title here',
      author: 'Ann Author',
      published: '2021-03-04T05:06:07+02:00',
      modified: '2021-03-05',
      url: 'https://news.example.org/a/1',
    });
    expect(a.outlet).toEqual({ name: 'Site', domain: 'news.example.org' });
  });

  it('reads Dublin Core, parsely, sailthru and citation tags', () => {
    expect(
      page(
        '<meta name="DC.title" content="DC title"><meta name="DC.creator" content="Doe, Jane"><meta name="DC.creator" content="Roe, John"><meta name="DC.date.issued" content="2020-02-02">',
      ),
    ).toMatchObject({
      title: 'DC title',
      author: 'Doe, Jane; Roe, John',
      published: '2020-02-02',
    });
    expect(
      page(
        '<meta name="parsely-title" content="Parsely title"><meta name="parsely-author" content="P Author"><meta name="parsely-pub-date" content="2019-01-02T03:04:05Z">',
      ),
    ).toMatchObject({
      title: 'Parsely title',
      author: 'P Author',
      published: '2019-01-02T03:04:05Z',
    });
    expect(
      page(
        '<meta name="sailthru.date" content="2018-07-08"><meta name="citation_title" content="A paper"><meta name="citation_author" content="A One"><meta name="citation_author" content="B Two">',
      ),
    ).toMatchObject({
      title: 'A paper',
      author: 'A One, B Two',
      published: '2018-07-08',
    });
  });

  it('uses <time datetime> and <html lang> when nothing else says', () => {
    const a = page(
      '<title>A plain page about the talks</title>',
      `<article><p><time datetime="2022-05-06T07:08:00+03:00">6 May</time></p>${ARTICLE}</article>`,
      ' lang="en"',
    );
    expect(a.published).toBe('2022-05-06T07:08:00+03:00');
    expect(a.language).toBe('en');
  });

  it('detects the language when none is declared, and trusts the text over a template lang', () => {
    const italian =
      '<p>' +
      'Il governo ha detto che la città è pronta per la visita del presidente, ma non è chiaro quando arriverà. '.repeat(
        3,
      ) +
      '</p>';
    expect(page('<title>Senza lingua</title>', italian).language).toBe('it');
    expect(page('<title>Lingua sbagliata</title>', italian, ' lang="en-US"').language).toBe('it');
  });

  it('unescapes doubly escaped entities in meta values', () => {
    expect(
      page('<meta property="og:title" content="Tom &amp;amp; Jerry &amp;quot;return&amp;quot;">').title,
    ).toBe('Tom & Jerry "return"');
  });

  it('survives malformed JSON-LD and uses the next source', () => {
    expect(
      page(
        '<script type="application/ld+json">{ "@type": "NewsArticle", "headline": </script><meta property="og:title" content="From OG">',
      ).title,
    ).toBe('From OG');
  });

  it('resolves a relative canonical link against og:url', () => {
    expect(
      page(
        '<link rel="canonical" href="/world/story"><meta property="og:url" content="https://www.example.com/world/story?x=1">',
      ).url,
    ).toBe('https://www.example.com/world/story');
  });

  it('takes the outlet from the registry when the domain is known', () => {
    expect(
      page(
        '<link rel="canonical" href="https://www.theguardian.com/world/1"><meta property="og:site_name" content="the Guardian">',
      ).outlet,
    ).toEqual({ name: 'The Guardian', domain: 'theguardian.com' });
  });

  it('drops a lead that merely repeats the first paragraph', () => {
    expect(
      page(
        '<meta name="description" content="The minister said the talks would continue next week in Geneva, according to…">',
      ).lead,
    ).toBe('');
  });

  it('cleans bylines: labels, links, glued dates', () => {
    expect(page('<meta name="author" content="By Jane Doe">').author).toBe('Jane Doe');
    expect(page('<meta name="author" content="Bradley Kuhn (http://example.org/bk/)">').author).toBe(
      'Bradley Kuhn',
    );
    expect(page('<meta name="author" content="Jane Doe March 25, 2015">').author).toBe('Jane Doe');
    expect(page('<meta name="author" content="Mark Di Stefano">').author).toBe('Mark Di Stefano');
    expect(page('<meta name="author" content="CC7567">').author).toBe('CC7567');
  });
});

describe('titles', () => {
  it('strips a site name suffix or prefix, only when it is the site', () => {
    expect(cutSiteParts('Talks resume in Geneva | The Daily Ledger', ['The Daily Ledger'], null)).toBe(
      'Talks resume in Geneva',
    );
    expect(cutSiteParts('Talks resume in Geneva - dailyledger.example', [], 'dailyledger.example')).toBe(
      'Talks resume in Geneva',
    );
    expect(cutSiteParts('BBC News - Talks resume in Geneva', ['BBC News'], null)).toBe(
      'Talks resume in Geneva',
    );
    expect(cutSiteParts('Talks resume in Geneva - Reuters analysis', ['Reuters'], null)).toBe(
      'Talks resume in Geneva - Reuters analysis',
    );
    expect(cutSiteParts('Geneva | Ledger', ['Ledger'], null)).toBe('Geneva | Ledger');
  });

  it('reads the <title> as Readability does, en and em dashes included', () => {
    expect(titleFromTag({ titleTag: 'Lorem ipsum dolor sit amet – My website', headings: [] })).toBe(
      'Lorem ipsum dolor sit amet',
    );
    expect(
      titleFromTag({
        titleTag: 'Evolve: Shared Mutable History — evolve extension for Mercurial',
        headings: [],
      }),
    ).toBe('Evolve: Shared Mutable History — evolve extension for Mercurial');
    expect(
      titleFromTag({ titleTag: 'Short', headings: [{ level: 1, text: 'The only heading of the page' }] }),
    ).toBe('The only heading of the page');
  });

  it('makes a title from the first sentence of a page that has none', () => {
    expect(extractHtml(`<html><body>${ARTICLE}</body></html>`).title).toBe(
      'The minister said the talks would continue next week in Geneva, according to officials.',
    );
  });
});

describe('pages without html, head or body tags', () => {
  it('reads a bare fragment', () => {
    const a = extractHtml(
      `<title>Fragment page</title>${ARTICLE}<p>Second paragraph of the fragment, with enough words to count.</p>`,
    );
    expect(a.title).toBe('Fragment page');
    expect(a.paragraphs).toHaveLength(2);
  });

  it('keeps <html lang> when <body> is missing', () => {
    // Czech: declared, and outside what the language detector knows, so the declaration stands.
    expect(extractHtml(`<html lang="cs"><head><title>Stránka</title></head>${ARTICLE}</html>`).language).toBe(
      'cs',
    );
  });
});

describe('refusals', () => {
  it('refuses text that is not HTML', async () => {
    const items = await extractFile(
      'notes.html',
      new TextEncoder().encode('Just some notes, no markup at all.\nSecond line.'),
    );
    expect(items).toEqual([{ label: 'notes.html', refusal: 'not an HTML page' }]);
  });

  it('refuses a page without article text', () => {
    expect(
      refusalOf(() =>
        extractHtml(
          '<html><head><title>Empty</title></head><body><nav><a href="/">Home</a></nav></body></html>',
        ),
      ),
    ).toBe('no article text found in the page');
  });

  it('refuses binary data renamed .html', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(await extractFile('photo.html', png)).toEqual([
      { label: 'photo.html', refusal: 'not a text file (PNG image)' },
    ]);
  });

  it('is registered for .html and .htm', () => {
    expect(formatFor('a.HTML')?.name).toBe('HTML page');
    expect(formatFor('a.htm')?.name).toBe('HTML page');
  });
});

describe('date lines at the top of the body', () => {
  const body = [
    'Dockworkers in Genoa walked out on Monday over pay and safety, halting the cranes at the container terminal for the whole day.',
    'The union said talks with the port authority would resume on Thursday, after a first meeting ended without an agreement.',
  ];
  const page = (top: string, published = '2024-01-27T09:30:00+01:00') =>
    `<!doctype html><html lang="en"><head><title>Genoa port strike</title><meta property="article:published_time" content="${published}"></head><body><article><h1>Genoa port strike</h1>${top}${body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

  it("drops the <time> under the headline when it is the page's date, labelled or not", () => {
    expect(
      extractHtml(page('<time datetime="2024-01-27T09:30:00+01:00">2024-01-27</time>')).paragraphs,
    ).toEqual(body);
    expect(extractHtml(page('<p>January 27, 2024</p><p>Updated: January 27, 2024</p>')).paragraphs).toEqual(
      body,
    );
  });

  it("keeps a date that is not the page's, a sentence that starts with a date, and a body that is only a date", () => {
    expect(extractHtml(page('<p>2023-05-01</p>')).paragraphs[0]).toBe('2023-05-01');
    expect(extractHtml(page('<p>On 27 January 2024 the port closed.</p>')).paragraphs[0]).toBe(
      'On 27 January 2024 the port closed.',
    );
    // Without a published date in the metadata, the date line under the headline is the page's date (read
    // from its text) and leaves the body all the same.
    const undated = extractHtml(page('<p>2024-01-27</p>', ''));
    expect([undated.published, undated.publishedFrom]).toEqual(['2024-01-27', 'text']);
    expect(undated.paragraphs).toEqual(body);
  });
});
