// The eval's own measuring stick: the token metric and the case loader, checked before anything is scored with them.
import { CORPORA_DIR } from '../../encoding/corpus-files';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { htmlToText, loadCases } from '../../../../../../scripts/eval/cases';
import {
  differsBySiteName,
  sameDate,
  scoreText,
  scoreTokens,
  tokenize,
} from '../../../../../../scripts/eval/metric';

const FIXTURE = join(__dirname, '../../../../../fixtures/html/newsarticle-jsonld.html');
const CORPUS = join(CORPORA_DIR, 'readability-test-pages');

describe('tokenize', () => {
  it('lower-cases and splits on anything but word characters', () => {
    expect(tokenize('The U.S.-Israeli talks, “in good faith”: 20 km!')).toEqual([
      'the',
      'u',
      's',
      'israeli',
      'talks',
      'in',
      'good',
      'faith',
      '20',
      'km',
    ]);
  });

  it('keeps accented and non-Latin words whole', () => {
    expect(tokenize('Perché l’Algeria? Это правда.')).toEqual(['perché', 'l', 'algeria', 'это', 'правда']);
  });

  it('counts Han and kana characters one by one', () => {
    expect(tokenize('東京タワー 2024')).toEqual(['東', '京', 'タ', 'ワ', 'ー', '2024']);
  });

  it('ignores soft hyphens and rules of underscores', () => {
    expect(tokenize('Vladi\u00admir ____ snake_case')).toEqual(['vladimir', 'snake_case']);
  });

  it('normalises compatibility forms (NFKC)', () => {
    expect(tokenize('ﬁnance Ｔｏｋｙｏ')).toEqual(['finance', 'tokyo']);
  });
});

describe('scoreTokens', () => {
  it('uses multiset overlap: a repeated word counts as often as both sides have it', () => {
    const s = scoreTokens(['a', 'a', 'a', 'b'], ['a', 'b', 'b']);
    expect(s.overlap).toBe(2);
    expect(s.precision).toBeCloseTo(2 / 4);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
  });

  it('treats two empty texts as agreeing and an empty candidate as a failure', () => {
    expect(scoreTokens([], []).f1).toBe(1);
    expect(scoreTokens([], ['a'])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(scoreTokens(['a'], [])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('ignores word order and layout', () => {
    expect(scoreText('one two\n\nthree', 'three | one two').f1).toBe(1);
  });
});

describe('the metric on a real reference text', () => {
  const reference = htmlToText(readFileSync(FIXTURE, 'utf8'));

  it('scores a text against itself as 1', () => {
    expect(tokenize(reference).length).toBeGreaterThan(300);
    expect(scoreText(reference, reference)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('scores a truncated copy lower, by recall only', () => {
    // Cut at a space, so that no half word becomes a token the reference lacks.
    const half = reference.slice(0, reference.lastIndexOf(' ', reference.length / 2));
    const s = scoreText(half, reference);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeLessThan(0.6);
    expect(s.f1).toBeLessThan(0.75);
  });

  it('scores added boilerplate lower, by precision only', () => {
    const s = scoreText(
      `${reference} Subscribe now for one euro a week. Share on Facebook. Cookie settings.`,
      reference,
    );
    expect(s.recall).toBe(1);
    expect(s.precision).toBeLessThan(1);
  });

  it('punishes words glued across a lost block boundary', () => {
    expect(scoreText('first paragraphSecond paragraph', 'first paragraph Second paragraph').f1).toBeLessThan(
      1,
    );
  });
});

describe('htmlToText', () => {
  it('separates blocks and line breaks but joins inline elements', () => {
    expect(htmlToText('<p>One<b>Two</b></p><p>Three<br>Four</p><ul><li>Five</li><li>Six</li></ul>')).toBe(
      'OneTwo Three Four Five Six',
    );
  });

  it('leaves out scripts and styles', () => {
    expect(htmlToText('<p>Text</p><script>var x = "code";</script><style>p { color: red }</style>')).toBe(
      'Text',
    );
  });
});

describe('field agreement helpers', () => {
  it('compares dates as instants when both have a time, else as calendar dates', () => {
    expect(sameDate('2022-01-07T13:26:00Z', '2022-01-07T14:26:00+01:00')).toBe(true);
    expect(sameDate('2022-01-07T13:26:00Z', '2022-01-07')).toBe(true);
    expect(sameDate('2022-01-07T13:26:00Z', '2022-01-08T13:26:00Z')).toBe(false);
    expect(sameDate(null, undefined)).toBe(true);
    expect(sameDate('2022-01-07', null)).toBe(false);
  });

  it('recognises a title that differs only by the site name removed', () => {
    expect(differsBySiteName('How to Build a Terrarium', 'How to Build a Terrarium | eHow')).toBe(true);
    expect(differsBySiteName('Title here', 'Site » Title here')).toBe(true);
    expect(differsBySiteName('Title', 'Title continues')).toBe(false);
    expect(differsBySiteName('Same', 'Same')).toBe(false);
  });
});

describe('loadCases', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-cases-'));
    mkdirSync(join(dir, 'a-html'));
    writeFileSync(join(dir, 'a-html', 'source.html'), '<p>x</p>');
    writeFileSync(join(dir, 'a-html', 'expected.html'), '<p>Hello</p><p>world</p>');
    writeFileSync(
      join(dir, 'a-html', 'expected-metadata.json'),
      JSON.stringify({ title: 'T', byline: null }),
    );
    mkdirSync(join(dir, 'b-txt'));
    writeFileSync(join(dir, 'b-txt', 'source.html'), '<p>y</p>');
    writeFileSync(join(dir, 'b-txt', 'expected.txt'), 'Plain reference');
    mkdirSync(join(dir, 'c-empty'));
    writeFileSync(join(dir, 'README.md'), 'not a case');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads html and plain-text references and partial or absent metadata', () => {
    const cases = loadCases(dir);
    expect(cases.map((c) => c.name)).toEqual(['a-html', 'b-txt']);
    expect(cases[0]).toMatchObject({ expectedText: 'Hello world', expected: { title: 'T', byline: null } });
    expect('siteName' in cases[0]!.expected).toBe(false);
    expect(cases[1]).toMatchObject({ expectedText: 'Plain reference', expected: {} });
  });
});

describe.skipIf(!existsSync(CORPUS))('the metric on the Readability corpus', () => {
  it('scores every expected.html 1 against itself and lower when cut short', { timeout: 60_000 }, () => {
    const cases = loadCases(CORPUS).filter((c) => c.expectedText && tokenize(c.expectedText).length >= 20);
    expect(cases.length).toBeGreaterThan(100);
    for (const c of cases) {
      expect(scoreText(c.expectedText!, c.expectedText!).f1).toBe(1);
      expect(
        scoreText(c.expectedText!.slice(0, c.expectedText!.length / 2), c.expectedText!).f1,
      ).toBeLessThan(1);
    }
  });
});
if (!existsSync(CORPUS)) console.log(`metric.test: corpus checks skipped, ${CORPUS} is absent`);
