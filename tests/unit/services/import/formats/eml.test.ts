import { zipSync } from 'fflate';
import { parseMailDate } from '../../../../../electron/services/import/formats/eml';
import {
  EN,
  HOSTILE_TIMEOUT,
  IT,
  extract,
  fixture,
  isArticle,
  onlyArticle,
  outcomes,
  refusal,
  utf8,
} from './helpers';

const mail = (headers: string[], body: string) => utf8(`${headers.join('\r\n')}\r\n\r\n${body}`);

describe('E-mail (.eml): newsletter.eml (multipart/alternative, quoted-printable text and base64 HTML)', () => {
  it('reads subject, sender, Date with its offset, and the text part', async () => {
    const { article, bytes } = await onlyArticle('newsletter.eml', fixture('newsletter.eml'));
    expect(bytes).toEqual(fixture('newsletter.eml'));
    expect(article.title).toBe(IT.title);
    expect(article.author).toBe('La Gazzetta di Valmora');
    expect(article.outlet).toEqual({ name: 'gazzettadivalmora.it', domain: 'gazzettadivalmora.it' });
    expect(article.published).toBe('2024-03-12T07:45:00+01:00');
    expect(article.publishedFrom).toBe('meta');
    expect(article.language).toBe('it');
    // The "view in browser" link.
    expect(article.url).toBe('https://www.gazzettadivalmora.it/newsletter/2024-03-12');
    // Wrapped lines joined; the date line, the unsubscribe line and the signature gone.
    expect(article.paragraphs).toEqual(IT.paragraphs);
  });
});

describe('E-mail (.eml): solo-html.eml (HTML only, forwarded from a free-mail address, with attachments)', () => {
  it('reads the HTML body through the HTML extractor and imports the document attachment', async () => {
    const items = await extract('solo-html.eml', fixture('solo-html.eml'));
    // The PNG attachment is not a document and is skipped.
    expect(outcomes(items)).toEqual([
      ['solo-html.eml', 'article'],
      ['solo-html.eml › ferry.txt', 'article'],
    ]);
    const [mailItem, attached] = items.filter(isArticle);
    expect(mailItem!.article.title).toBe(EN.title);
    expect(mailItem!.article.author).toBe('Marco Rossi');
    // A gmail.com sender says nothing about the outlet: the page's canonical link does.
    expect(mailItem!.article.url).toBe('https://www.portelling-herald.co.uk/news/ferry-timetable');
    expect(mailItem!.article.outlet.domain).toBe('portelling-herald.co.uk');
    expect(mailItem!.article.published).toBe('2024-03-13T18:02:11+00:00');
    expect(mailItem!.article.paragraphs).toEqual(EN.paragraphs);
    expect(attached!.article.paragraphs).toEqual(EN.paragraphs);
  });
});

describe('E-mail dates', () => {
  it("keeps the sender's offset", () => {
    expect(parseMailDate('Tue, 12 Mar 2024 07:45:00 +0100')).toBe('2024-03-12T07:45:00+01:00');
    expect(parseMailDate('12 Mar 2024 07:45 -0500')).toBe('2024-03-12T07:45:00-05:00');
    expect(parseMailDate('Tue, 12 Mar 24 07:45:00 GMT')).toBe('2024-03-12T07:45:00+00:00');
    expect(parseMailDate('Tue, 12 Mar 2024 07:45:00 PDT')).toBe('2024-03-12T07:45:00-07:00');
    expect(parseMailDate('Tue, 12 Mar 2024 07:45:00')).toBe('2024-03-12');
    expect(parseMailDate('31 Feb 2024 07:45:00 +0100')).toBeNull();
    expect(parseMailDate('not a date')).toBeNull();
  });
});

describe('E-mail refusals', () => {
  it(
    'refuses a message cut short, in its headers or in its parts',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const eml = fixture('newsletter.eml');
      expect(await refusal('cut.eml', eml.slice(0, 300))).toBe('no article text found in the message');
      expect(await refusal('cut.eml', eml.slice(0, 2500))).toBe(
        'truncated e-mail message (its last part is missing)',
      );
    },
  );

  it(
    'refuses files that are not e-mail, binary data and NUL bytes',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      expect(await refusal('pdf.eml', fixture('giornale.pdf'))).toBe('not an e-mail message (PDF document)');
      expect(await refusal('zeros.eml', new Uint8Array(4096))).toBe('not an e-mail message (binary data)');
      expect(await refusal('prose.eml', utf8('Caro direttore, le scrivo per segnalare un errore.\n'))).toBe(
        'not an e-mail message (no header lines)',
      );
      expect(await refusal('empty.eml', new Uint8Array(0))).toBe('empty file');
    },
  );

  it('refuses malformed structure: MIME parts nested without end', { timeout: HOSTILE_TIMEOUT }, async () => {
    const nested = Array.from(
      { length: 200 },
      (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`,
    ).join('');
    const bytes = utf8(
      `From: a@example.org\r\nSubject: annidato\r\n${nested}Content-Type: text/plain\r\n\r\ntesto\r\n`,
    );
    expect(await refusal('deep.eml', bytes)).toMatch(/^malformed e-mail message \(.*nesting depth/i);
  });

  it(
    'refuses a message without text, and one over the size limit',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      expect(await refusal('blank.eml', mail(['From: a@example.org', 'Subject: Vuota'], '\r\n'))).toBe(
        'no article text found in the message',
      );
      expect(await refusal('newsletter.eml', fixture('newsletter.eml'), { maxBytes: 1000 })).toMatch(
        /^larger than/,
      );
    },
  );

  it(
    'passes attachments to the registry, whose limits apply to them (a zip bomb attached)',
    { timeout: HOSTILE_TIMEOUT },
    async () => {
      const bomb = zipSync({ 'a.txt': new Uint8Array(3_000_000).fill(97) });
      const b64 = Buffer.from(bomb).toString('base64').replace(/.{76}/g, '$&\r\n');
      const bytes = mail(
        [
          'From: Redazione <desk@example.org>',
          'Subject: Allegato',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="x"',
        ],
        [
          '--x',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'In allegato trovate il materiale promesso per il servizio di domani sul porto.',
          '',
          'Seconda riga del messaggio, con qualche dettaglio in più sul programma.',
          '--x',
          'Content-Type: application/zip; name="bomba.zip"',
          'Content-Disposition: attachment; filename="bomba.zip"',
          'Content-Transfer-Encoding: base64',
          '',
          b64,
          '--x--',
          '',
        ].join('\r\n'),
      );
      const items = await extract('allegato.eml', bytes, { maxZipTotalBytes: 1_000_000 });
      expect(outcomes(items)).toEqual([
        ['allegato.eml', 'article'],
        ['allegato.eml › bomba.zip', 'unpacks to 2.9 MB, over the 976.6 KB limit for archives (zip bomb?)'],
      ]);
    },
  );
});
