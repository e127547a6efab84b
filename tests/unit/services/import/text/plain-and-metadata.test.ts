// Hand-written .txt and .md files, the outlet registry and the language guesser.
import { readFileSync } from 'node:fs';
import { extractArticle } from '../../../../../electron/services/import/text/text-file-extractor';
import { detectLanguage, languageFromLocale } from '../../../../../electron/services/import/text/language';
import {
  OUTLETS,
  outletFromDomain,
  resolveOutlet,
} from '../../../../../electron/services/import/text/outlet-clues';
import { looksLikeScrapeDump } from '../../../../../electron/services/import/text/scrape-dump';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('plain .txt', () => {
  it('takes the first line as the title and blank-line blocks as paragraphs, joining hard wraps', () => {
    const a = extractArticle(
      'note.txt',
      utf8('\n\n  # A plain title  \n\nFirst paragraph,\nwrapped here.\n\n\nSecond   paragraph.\n'),
    );
    expect(a).toEqual({
      title: 'A plain title',
      outlet: { name: 'Unknown', domain: null },
      url: null,
      published: null,
      modified: null,
      language: null,
      author: null,
      lead: '',
      paragraphs: ['First paragraph, wrapped here.', 'Second paragraph.'],
    });
  });

  it('reads a date, the URL and a byline under the title, and stops at the comments', () => {
    const text = [
      'Troops to leave Kazakhstan',
      'January 10, 2022',
      'https://www.bbc.co.uk/news/world-asia-59937276',
      'By John Smith',
      '',
      'The president said that the troops will leave the country after the end of their mission, and that this was clear.',
      'A hard-wrapped second line.',
      '',
      'Read also:',
      'Another story entirely',
      '',
      'Second paragraph of the article, with a link to https://twitter.com/foo for reference.',
      '',
      '© 2022 BBC. All rights reserved.',
      'Comments',
      '',
      'Great article! I loved it.',
    ].join('\n');
    const a = extractArticle('plain.txt', utf8(text));
    expect(a.title).toBe('Troops to leave Kazakhstan');
    expect(a.published).toBe('2022-01-10');
    expect(a.publishedFrom).toBe('text');
    expect(a.url).toBe('https://www.bbc.co.uk/news/world-asia-59937276');
    expect(a.outlet).toEqual({ name: 'BBC', domain: 'bbc.co.uk' });
    expect(a.author).toBe('John Smith');
    expect(a.language).toBe('en');
    expect(a.paragraphs).toEqual([
      'The president said that the troops will leave the country after the end of their mission, and that this was clear. A hard-wrapped second line.',
      'Second paragraph of the article, with a link to https://twitter.com/foo for reference.',
    ]);
  });

  it('names the outlet after a URL in the body when none is given, skipping social hosts', () => {
    const a = extractArticle(
      'x.txt',
      utf8(
        'Titolo\n\nSegnalato su https://twitter.com/x e ripreso da https://www.example-news.it/articolo/123 ieri sera.\n',
      ),
    );
    expect(a.outlet).toEqual({ name: 'example-news.it', domain: 'example-news.it' });
    expect(a.url).toBeNull();
  });
});

describe('.md', () => {
  const md = [
    '# The **Big** Story',
    '',
    '*By* the way, this is the [first paragraph](https://example.org/x) of the story, with __bold__ text and `code`.',
    'It wraps onto a second line.',
    '',
    '## A subheading',
    '',
    '- first item of the list',
    '- second item with ![img](http://x/y.png) an image',
    '',
    '> A quoted paragraph.',
    '',
    '---',
    '',
    '```',
    'code line',
    '```',
    '',
    'Final paragraph with snake_case_names, 2*3*4 and <b>tags</b>.',
    '',
    '[1]: https://example.org/ref',
  ].join('\n');

  it('reduces markup to text', () => {
    const a = extractArticle('story.md', utf8(md));
    expect(a.title).toBe('The Big Story');
    expect(a.paragraphs).toEqual([
      'By the way, this is the first paragraph of the story, with bold text and code. It wraps onto a second line.',
      'A subheading',
      'first item of the list',
      'second item with an image',
      'A quoted paragraph.',
      'code line',
      'Final paragraph with snake_case_names, 2*3*4 and tags.',
    ]);
    expect(a.outlet).toEqual({ name: 'Unknown', domain: null });
  });

  it('reads YAML front matter', () => {
    const text =
      '---\ntitle: "Front matter title"\ndate: 2022-01-10\nurl: https://www.reuters.com/world/x\nauthor: Jane Doe\nlang: en-GB\ndescription: The standfirst.\n---\n\nBody paragraph.\n';
    const a = extractArticle('fm.markdown', utf8(text));
    expect(a).toMatchObject({
      title: 'Front matter title',
      published: '2022-01-10',
      publishedFrom: 'meta',
      url: 'https://www.reuters.com/world/x',
      outlet: { name: 'Reuters', domain: 'reuters.com' },
      author: 'Jane Doe',
      language: 'en',
      lead: 'The standfirst.',
      paragraphs: ['Body paragraph.'],
    });
  });
});

describe('scrape-dump detection', () => {
  it('recognises the samples and not a plain note', () => {
    for (const f of ['000_9779fd24ea47166c.txt', '004_c43401fc495b10b3.txt']) {
      expect(
        looksLikeScrapeDump(
          readFileSync(new URL(`../../../../fixtures/articles/${f}`, import.meta.url), 'utf8'),
        ),
      ).toBe(true);
    }
    expect(looksLikeScrapeDump('Title\n\nA paragraph.\n\nAnother one.')).toBe(false);
  });

  it('falls back to the domain itself, and to language detection without a locale line', () => {
    const dump = [
      ' date 2022-01 https://www.some-blog.example/2022/01/post.html',
      '',
      'Un titolo ripetuto',
      '',
      'Un titolo ripetuto',
      '',
      'Il presidente ha detto che le truppe lasceranno il paese dopo la fine della loro missione, e che questo è chiaro a tutti.',
    ].join('\n');
    const a = extractArticle('dump.txt', utf8(dump));
    expect(a.outlet).toEqual({ name: 'some-blog.example', domain: 'some-blog.example' });
    expect(a.published).toBe('2022-01');
    expect(a.language).toBe('it');
    expect(a.paragraphs).toHaveLength(1);
  });
});

describe('scrape-dump variants', () => {
  const para1 =
    'Il presidente ha detto che le truppe lasceranno il paese dopo la fine della loro missione, e che questo è chiaro a tutti.';
  const para2 =
    'Secondo il portavoce, il ritiro comincerà la prossima settimana e durerà circa dieci giorni in tutto il paese.';

  it('skips a section label for the title, drops a truncated description and a repeated paragraph', () => {
    const dump = [
      'esteri',
      '',
      'Le truppe lasciano il paese',
      'Le truppe lasciano il paese',
      'di Mario Rossi',
      'Pubblicato il 10 gennaio 2022',
      'Aggiornato il 11 gennaio 2022',
      '',
      'Il presidente ha detto che le truppe lasceranno il paese…',
      '',
      para1,
      '',
      para2,
      '',
      para1,
      '',
      'Tags: esteri, Russia',
    ].join('\n');
    const a = extractArticle('dump.txt', utf8(dump));
    expect(a).toMatchObject({
      title: 'Le truppe lasciano il paese',
      author: 'Mario Rossi',
      published: '2022-01-10',
      modified: '2022-01-11',
      lead: '',
      language: 'it',
    });
    expect(a.paragraphs).toEqual([para1, para2]);
  });
});

describe('outlets', () => {
  it('looks domains up without "www." and walks up to a listed parent', () => {
    expect(outletFromDomain('www.ilfogliettone.it')).toEqual({
      name: 'ilfogliettone.it',
      domain: 'ilfogliettone.it',
    });
    expect(outletFromDomain('it.sputniknews.com')).toEqual({
      name: 'Sputnik Italia',
      domain: 'it.sputniknews.com',
    });
    expect(outletFromDomain('sputniknews.com')).toEqual({ name: 'Sputnik', domain: 'sputniknews.com' });
    expect(outletFromDomain('WWW.BBC.CO.UK')).toEqual({ name: 'BBC', domain: 'bbc.co.uk' });
    expect(outletFromDomain('edition.cnn.com')).toEqual({ name: 'CNN', domain: 'edition.cnn.com' });
    expect(outletFromDomain('news.example.org')).toEqual({
      name: 'news.example.org',
      domain: 'news.example.org',
    });
    expect(outletFromDomain('not a host')).toEqual({ name: 'Unknown', domain: null });
    expect(Object.keys(OUTLETS).length).toBeGreaterThanOrEqual(18);
  });

  it('prefers the article URL, then a self-given name, then its own e-mail domain', () => {
    expect(resolveOutlet({ url: 'https://it.sputniknews.com/x', selfName: 'Whatever' })).toEqual({
      name: 'Sputnik Italia',
      domain: 'it.sputniknews.com',
    });
    expect(resolveOutlet({ selfName: 'Sputnik Italia', ownDomains: ['sputniknews.com'] })).toEqual({
      name: 'Sputnik Italia',
      domain: 'it.sputniknews.com',
    });
    expect(resolveOutlet({ ownDomains: ['ilfogliettone.it'] })).toEqual({
      name: 'ilfogliettone.it',
      domain: 'ilfogliettone.it',
    });
    expect(resolveOutlet({ otherUrls: ['https://t.me/x', 'https://cdn.example.com/a.jpg'] })).toEqual({
      name: 'Unknown',
      domain: null,
    });
  });
});

describe('detectLanguage', () => {
  it.each([
    [
      'it',
      'Il presidente ha detto che le truppe lasceranno il paese dopo la fine della loro missione, e che questo è chiaro.',
    ],
    [
      'en',
      'The president said that the troops will leave the country after the end of their mission, and that it was clear.',
    ],
    [
      'fr',
      'Le président a déclaré que les troupes quitteront le pays après la fin de leur mission, et que ce sera très rapide.',
    ],
    [
      'de',
      'Der Präsident sagte, dass die Truppen das Land nach dem Ende ihrer Mission verlassen werden, und es ist klar.',
    ],
    [
      'es',
      'El presidente dijo que las tropas dejarán el país después del final de su misión, y que esto es muy claro para todos.',
    ],
    [
      'pt',
      'O presidente disse que as tropas vão deixar o país depois do fim da sua missão, e que isso não é uma surpresa para os analistas.',
    ],
    [
      'ru',
      'Президент заявил, что войска покинут страну после окончания их миссии, и что это было также ясно для всех.',
    ],
  ])('recognises %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('returns null when unsure: too short, or a language it does not know', () => {
    expect(detectLanguage('Hello world')).toBeNull();
    expect(
      detectLanguage(
        'Dansk er et nordgermansk sprog, der tales af ca. seks millioner mennesker, først og fremmest i Danmark.',
      ),
    ).toBeNull();
    expect(detectLanguage('日本語の文字コード検出テストです。')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });

  it('reads locales', () => {
    expect(languageFromLocale('it_IT')).toBe('it');
    expect(languageFromLocale('pt-BR')).toBe('pt');
    expect(languageFromLocale('en')).toBe('en');
    expect(languageFromLocale('italiano')).toBeNull();
  });
});
