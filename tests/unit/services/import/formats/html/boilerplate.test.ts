// Boilerplate kept out of a page's body: each kind from a real page, rebuilt as a small snippet of the same
// structure (the site is named above each), in the languages of the users' samples.
import { extractHtml } from '../../../../../../electron/services/import/formats/html';
import { doubledName } from '../../../../../../electron/services/import/formats/html-boilerplate';
import { withoutBoilerplateLines } from '../../../../../../electron/services/import/formats/html-boilerplate-lines';

/** Enough running text for Readability to take the block for the article. */
const STORY = [
  'The minister said the talks would continue next week in Geneva, according to officials close to the file.',
  'Negotiators from both sides met for six hours on Tuesday and agreed on a timetable for the next round.',
  'Observers in the capital expect a first draft of the agreement to be published before the end of the month.',
];
const storyHtml = STORY.map((p) => `<p>${p} ${p}</p>`).join('');
const page = (article: string, head = '') =>
  `<!DOCTYPE html><html><head><title>Talks to continue</title>${head}</head><body><article>${article}</article></body></html>`;
const bodyOf = (html: string) => extractHtml(html).paragraphs.join('\n');
const lines = (ps: string[], author: string | null = null) => withoutBoilerplateLines(ps, author);

describe('navigation', () => {
  it('drops a <nav> and a role=navigation block inside the article (Wikipedia navbox "v t e")', () => {
    const body = bodyOf(
      page(
        `<nav><a href="/">Home</a> <a href="/world">World</a></nav>${storyHtml}` +
          '<div role="navigation"><a href="/t">v</a> <a href="/d">t</a> <a href="/e">e</a></div>',
      ),
    );
    expect(body).toContain('Negotiators from both sides');
    expect(body).not.toMatch(/^Home|^v t e$/m);
  });

  it('drops lines of account and menu links alone (sfgate.com "Sign In", thestar.com "Sign Up Now")', () => {
    const r = lines(['Sign In / Home / Subscribe', STORY[0]!, 'Accedi | Abbonati', 'Sign Up Now', STORY[1]!]);
    expect(r.paragraphs).toEqual([STORY[0], STORY[1]]);
  });
});

describe('share bars', () => {
  it('drops a share block named "article-share", which Readability keeps for the word "article" (buzzfeed.com)', () => {
    const body = bodyOf(
      page(
        `<div class="article-share"><a href="#">Facebook</a><a href="#">Pinterest</a><a href="#">Twitter</a></div>${storyHtml}`,
      ),
    );
    expect(body).not.toMatch(/Facebook|Pinterest/);
    expect(body).toContain('The minister said');
  });

  it('drops lines of share words in several languages, not a network named in a sentence', () => {
    const sentence = 'The minister posted the statement on Facebook and Twitter after the meeting ended.';
    const r = lines([
      'Whatsapp Facebook Pint',
      'Share on Twitter',
      'Condividi',
      sentence,
      'teilen',
      'Compartir',
    ]);
    expect(r.paragraphs).toEqual([sentence]);
  });
});

describe('sign-up boxes', () => {
  it('drops a newsletter box by its class (g1.globo.com "newsletter-component")', () => {
    const body = bodyOf(
      page(
        `${storyHtml}<div class="newsletter-component"><p>O que aconteceu hoje, diretamente no seu e-mail</p><p>Para se inscrever, entre ou crie uma Conta Globo gratuita.</p></div>`,
      ),
    );
    expect(body).not.toMatch(/Conta Globo/);
    expect(body).toContain('Observers in the capital');
  });
});

describe('breadcrumbs', () => {
  it('drops a breadcrumb list by its class (ilgiorno.it "Sei in: Italia e Mondo › Mondo")', () => {
    const body = bodyOf(
      page(
        `<div class="breadcrumbs">Sei in <a href="/i">Italia e Mondo</a> › <a href="/m">Mondo</a></div>${storyHtml}`,
      ),
    );
    expect(body).not.toMatch(/Sei in|Italia e Mondo/);
  });

  it('drops trail lines: "You are here:" and Home › … (philstar.com, Pilipino Star Ngayon)', () => {
    const r = lines([
      'You are here: Home / Showbiz / Aktres, sunod-sunuran sa aktor BF',
      'Home › News › World',
      'Startseite » Politik » Ausland',
      STORY[0]!,
    ]);
    expect(r.paragraphs).toEqual([STORY[0]]);
  });
});

describe('tag lists', () => {
  it('drops a tag block by its class (news18.com "aap / delhi police / delhi riots")', () => {
    const body = bodyOf(
      page(
        `${storyHtml}<ul class="article__tags"><li><a href="/t/aap">aap</a></li><li><a href="/t/dp">delhi police</a></li></ul>`,
      ),
    );
    expect(body).not.toMatch(/delhi police/);
  });

  it('drops labelled tag lines and a label with its tags after it (autozeitung.de, ilpost.it "Argomenti")', () => {
    const r = lines([
      STORY[0]!,
      'Tags: Russia, Kazakhstan',
      'Themen: Pressefreiheit',
      'Etiquetas: Gaza, Israel',
      'Argomenti',
      'Governo',
      'Ucraina',
    ]);
    expect(r.paragraphs).toEqual([STORY[0]]);
  });

  it('keeps a sentence that starts with a label word ("Topics covered include …")', () => {
    const p = 'Topics covered include the budget, the border and the timetable for the next round of talks.';
    expect(lines([p]).paragraphs).toEqual([p]);
  });
});

describe('related stories', () => {
  it('drops a "related" box of links by its class (nytimes.com "More about the federal debt")', () => {
    const body = bodyOf(
      page(
        `${storyHtml}<div class="related-coverage"><h3>More about the federal debt</h3><ul><li><a href="/a">The U.S. hasn’t faced this issue for years</a></li></ul></div>`,
      ),
    );
    expect(body).not.toMatch(/federal debt|faced this issue/);
  });

  it('drops the heading and the headlines after it (washingtonpost.com "Read more:", economictimes "Also Read")', () => {
    const r = lines([
      STORY[0]!,
      'Read more:',
      'Tunisia’s Islamists get a sobering lesson in governing',
      'Tunisia’s Bardo museum is home to amazing Roman treasures',
      'Ti potrebbe interessare',
      'Il governo approva la manovra',
    ]);
    expect(r.paragraphs).toEqual([STORY[0]]);
  });

  it('drops one-line links in five languages (cnn.com, lemonde.fr, infobae.com, eatsmarter.de, ansa.it)', () => {
    const r = lines([
      'Related: Chicago is America’s most segregated city',
      STORY[0]!,
      'Lire aussi : Les critiques de la CNIL contre le projet de loi sur le renseignement',
      'Te puede interesar: Israel advirtió que la guerra terminará pronto',
      'Lesen Sie mehr: Diese Sportarten aktivieren Ihren Stoffwechsel',
      'LEGGI ANCHE: Manovra, via libera del Consiglio dei ministri',
      STORY[1]!,
    ]);
    expect(r.paragraphs).toEqual([STORY[0], STORY[1]]);
  });

  it('keeps an article section called "Further reading" when no list of headlines follows', () => {
    const refs = 'Smith, J. (2004). A history of the canal. Oxford University Press.';
    expect(lines([STORY[0]!, 'Further reading', refs]).paragraphs).toEqual([
      STORY[0],
      'Further reading',
      refs,
    ]);
  });
});

describe('the byline-and-date line', () => {
  it('drops it from the top of the body in several shapes (WordPress, ebb.org, monde-diplomatique.fr)', () => {
    const r = lines(
      [
        'By Jane Doe | March 25, 2015 at 3:46 PM',
        'Tuesday 15 October 2019 by Bradley M. Kuhn',
        'par Didier Roy, 21 juin 2018',
        STORY[0]!,
      ],
      'Jane Doe',
    );
    expect(r.paragraphs).toEqual([STORY[0]]);
  });

  it('drops "Posted by … on <date>" and "Von <author>" (philstar.com, katapult-magazin.de)', () => {
    expect(lines(['Posted by: Ed de Leon on February 18, 2020', STORY[0]!]).paragraphs).toEqual([STORY[0]]);
    expect(lines(['Von Tim Ehlers', STORY[0]!], 'Tim Ehlers').paragraphs).toEqual([STORY[0]]);
  });

  it('keeps a subheading that opens like a German or Italian byline (die-tagespost.de "Von Risiken …")', () => {
    const r = lines(
      [STORY[0]!, 'Von Risiken und Nebenwirkungen', 'Di Maio e Salvini'],
      'Christoph von Ritter',
    );
    expect(r.paragraphs).toEqual([STORY[0], 'Von Risiken und Nebenwirkungen', 'Di Maio e Salvini']);
  });

  it('drops labelled date and reading-time lines anywhere (economictimes.com, vegolosi.it, factorio.com)', () => {
    const r = lines([
      'Updated: Jan 23, 2020, 10.45 AM IST',
      'Tempo di lettura: 3 minuti',
      STORY[0]!,
      'Pubblicato il: 30 Settembre 2020 / Ultimo aggiornamento: 30 Settembre 2020',
      'Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, all posts',
      '5 min read',
    ]);
    expect(r.paragraphs).toEqual([STORY[0]]);
  });

  it('keeps a sentence that opens with such a label', () => {
    const ps = ['Published in 2019, the report found rising costs.', 'Updated figures came out on May 2.'];
    expect(lines(ps).paragraphs).toEqual(ps);
  });

  it('keeps the byline as the author field while the line leaves the body', () => {
    const a = extractHtml(
      page(
        `<p class="byline">By Jane Doe | March 25, 2015 at 3:46 PM</p>${storyHtml}`,
        '<meta name="author" content="Jane Doe">',
      ),
    );
    expect(a.author).toBe('Jane Doe');
    expect(a.paragraphs.join('\n')).not.toContain('March 25, 2015');
  });
});

describe('photo captions and credits', () => {
  it('moves <figcaption> with its credit to captions (nytimes.com "…underground. Credit Chang W. Lee")', () => {
    const a = extractHtml(
      page(
        `<p>${STORY[0]} ${STORY[0]}</p><figure><img src="a.jpg"><figcaption>A Con Edison worker repairing cables. <span class="credit">Chang W. Lee/The New York Times</span></figcaption></figure>${storyHtml}`,
      ),
    );
    expect(a.paragraphs.join('\n')).not.toMatch(/Con Edison|Chang W\. Lee/);
    expect(a.captions).toEqual(['A Con Edison worker repairing cables. Chang W. Lee/The New York Times']);
  });

  it("keeps the lead photo's caption that Readability leaves out with the photo (theguardian.com lead image)", () => {
    const a = extractHtml(
      page(
        '<header><h1>Talks to continue</h1><figure class="lead-image"><img src="lead.jpg">' +
          '<figcaption>Delegates arrive in Geneva. Photograph: Fabrice Coffrini/AFP</figcaption></figure></header>' +
          `<div class="story-body">${storyHtml}<figure><img src="b.jpg"><figcaption>Negotiators at the table.</figcaption></figure></div>`,
      ),
    );
    // Each once (the body's figure is also in Readability's content), in page order, with its credit.
    expect(a.captions).toEqual([
      'Delegates arrive in Geneva. Photograph: Fabrice Coffrini/AFP',
      'Negotiators at the table.',
    ]);
    expect(a.paragraphs.join('\n')).not.toContain('Coffrini');
  });

  it("spaces a caption's sentence from the credit element after it (nytimes.com)", () => {
    const a = extractHtml(
      page(
        `${storyHtml}<figure><img src="c.jpg"><figcaption><span>Workers at a training center.</span><span class="credit">Chang W. Lee</span></figcaption></figure>`,
      ),
    );
    expect(a.captions).toEqual(['Workers at a training center. Chang W. Lee']);
  });

  it('joins a credit to the caption it follows (la-nacion.com.ar "Foto: LA NACION")', () => {
    const a = extractHtml(
      page(
        `${storyHtml}<div class="image"><img src="b.jpg"><p class="caption">El presidente en Olivos.</p><p class="credit">Foto: LA NACION</p></div><p>${STORY[2]}</p>`,
      ),
    );
    expect(a.captions).toEqual(['El presidente en Olivos. Foto: LA NACION']);
  });

  it('moves caption lines ending with a credit, in five languages (g1, mirror.co.uk, heise.de, ansa.it)', () => {
    const captions = [
      'Benjamin com a nova dona, que deu um lar ao cachorro. — Foto: Michele Taborga/Arquivo Pessoal',
      'Real are keen to sign Aubameyang (Image: Getty Images)',
      '1Password scannt auch QR-Codes. (Bild: Hersteller)',
      'Il premier a Palazzo Chigi Foto Ansa',
      'Le CHCB demande le soutien d’entreprises. (©Adobe Stock)',
      'Imagen ilustrativa: Cuartoscuro',
    ];
    const r = lines([STORY[0]!, ...captions, STORY[1]!]);
    expect(r.paragraphs).toEqual([STORY[0], STORY[1]]);
    expect(r.captions).toEqual(captions);
  });

  it('keeps a sentence that mentions a photo, and drops a copyright notice without making it a caption', () => {
    const p = 'The photo shows the minister arriving in Geneva with his delegation on Tuesday morning.';
    const r = lines([p, '© 2020 Reuters', '© Jan Bechberger']);
    expect(r.paragraphs).toEqual([p]);
    expect(r.captions).toEqual(['© Jan Bechberger']);
  });
});

describe('names printed twice by a hover card', () => {
  it('finds a name doubled, glued or spaced, and nothing else', () => {
    expect(doubledName('Ilhan OmarIlhan Omar')).toBe('Ilhan Omar');
    expect(doubledName('Nancy Pelosi Nancy Pelosi')).toBe('Nancy Pelosi');
    expect(doubledName('Bora Bora')).toBe('Bora');
    expect(doubledName('Ilhan Omar')).toBeNull();
  });

  it('keeps one copy of a linked name whose hover card repeats it (US news article from the issue)', () => {
    const body = bodyOf(
      page(
        `<p>Rep. <a href="/p/omar">Ilhan Omar<span class="card"><span class="card-name">Ilhan Omar</span></span></a> said on Tuesday that ${STORY[0]} ${STORY[1]}</p>${storyHtml}`,
      ),
    );
    expect(body).toContain('Rep. Ilhan Omar said on Tuesday');
    expect(body).not.toContain('OmarIlhan');
  });
});
